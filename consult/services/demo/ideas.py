"""What synthetic residents say would make things safer, in fragments, for services/demo_writing.py.

Consult's own writing. An idea is a noun phrase put into one of IDEA_SHAPES with a place, a
time or a reason, so the same idea reads differently from one resident to the next.
"""

IDEA_SHAPES = [
    "{idea} {where}.",
    "{idea} {where} {when}.",
    "{idea} {where}, {why}.",
    "More than anything, {idea} {where}.",
    "We need {idea} {where} {when}.",
    "{idea}, {why}.",
    "Honestly, just {idea} {where}.",
    "{idea} {when} - {why}.",
    "What would help is {idea} {where}.",
]

# "What one thing would make your area safer?", by the topic the resident worried about.
SAFER = {
    "Antisocial behaviour": {
        "idea": [
            "a youth club open in the evenings", "youth workers out on the streets", "dispersal orders", "somewhere for teenagers to go",
            "a proper skate park", "more for kids to do", "parents made to take responsibility",
        ],
        "why": [
            "so the kids have somewhere to go", "they're bored more than anything", "so there's nowhere to hide",
            "the kids need people to talk to, not just to be moved on",
        ],
    },
    "Drug dealing or drug use": {
        "idea": [
            "the dealing houses shut down", "more raids", "support for people with drug problems", "CCTV that someone actually watches",
            "police acting on what residents tell them", "a drugs worker people can talk to",
        ],
        "why": ["everyone knows who it is", "moving them on just moves the problem", "it's been going on far too long"],
    },
    "Drunk or rowdy behaviour": {
        "idea": ["police at closing time", "door staff and taxi marshals", "an end to cheap drink for people already drunk", "a later bus home"],
        "why": ["that's when it all kicks off", "people just want to get home", "the shops make it worse"],
        "where": ["on {street}", "in town", "outside the pubs on {street}", "by the takeaways"],
        "when": ["at closing time", "on Friday and Saturday nights", "after midnight", "at weekends"],
    },
    "Speeding or dangerous driving": {
        "idea": [
            "speed cameras", "a twenty limit", "speed bumps", "a crossing outside the school", "police checking speeds",
            "average speed cameras", "a proper pavement", "traffic calming",
        ],
        "why": ["before someone is killed", "nobody sticks to the limit", "the kids have to cross there", "it's only a matter of time"],
        "where": ["on {street}", "along {street}", "past the school on {street}", "at the bottom of {street}", "through the village", "on the bypass"],
        "when": ["at rush hour", "at school times", "at night", "in the evenings", "at the weekend", "in the mornings"],
    },
    "Violence against women and girls": {
        "idea": ["safe spaces for women", "better lighting", "harassment taken seriously when it's reported", "staff trained to help women who feel unsafe"],
        "why": ["so women can get home safely", "women shouldn't have to plan their route home", "it happens far more than anyone reports"],
    },
    "Knife crime or serious violence": {
        "idea": ["knife arches at the clubs", "more stop and search", "talks in schools from people who've been there", "a knife amnesty bin"],
        "why": ["before a young lad loses his life", "they need to hear it from someone real", "too many lads think they need one"],
        "where": ["in town", "on {street}", "around here", "on the estate", "in Whitehaven and Workington"],
    },
    "Hate crime": {
        "idea": ["a same-day clean-up of hate graffiti", "an easier way to report hate crime", "a visit from the police to the families targeted"],
        "why": ["so people know it isn't tolerated", "people won't walk into a police station", "they should not have to live with it"],
        "where": ["around here", "in town", "on {street}", "on the estate"],
        "when": ["straight away", "as soon as it happens", "every time", "without a fuss"],
    },
    "People reoffending after prison": {
        "idea": ["housing and jobs for people leaving prison", "tighter licence conditions", "tags for the prolific burglars"],
        "why": ["otherwise they go straight back to it", "it's always the same handful of people", "prison isn't working on its own"],
        "where": ["around here", "in this town", "locally", "in West Cumbria"],
        "when": ["as soon as they come out", "from day one", "on release", "for the first year out"],
    },
    "Domestic abuse": {
        "idea": ["a local place where families can get advice in confidence", "domestic abuse support advertised in the GP surgery"],
        "why": ["so people know help is there", "not everyone can get to Carlisle", "people don't know where to turn"],
        "where": ["in town", "around here", "in this town", "locally"],
        "when": ["in the evenings", "at weekends", "outside office hours", "all year round"],
    },
    "Street lighting": {
        "idea": ["street lights that work", "brighter lights left on all night", "lights on the footpaths", "repairs to the broken lights"],
        "why": ["so you can see who's about", "it's pitch black in winter", "it has been reported for months"],
    },
    "Police presence": {
        "idea": ["more police patrols on foot", "a PCSO who knows the area", "quicker answers on 101", "a police desk open a couple of days a week", "bobbies on bikes"],
        "why": ["people would report more", "just seeing them makes a difference", "we never see anyone"],
        "where": ["on {street}", "in town", "on the estate", "around the {place}", "in the village"],
    },
    "Roads and parking": {
        "idea": ["fines for parking on the pavement", "pothole repairs", "a weight limit for lorries"],
        "why": ["people with pushchairs can't get past", "the road is a disgrace", "somebody will get hurt"],
        "where": ["on {street}", "along {street}", "outside the school", "around the {place}"],
        "when": ["at school times", "at rush hour", "in the mornings", "before winter"],
    },
    "Litter and fly-tipping": {
        "idea": ["a clear-up of the fly-tipping", "more bins", "fines for dumping rubbish", "a community clean-up day"],
        "why": ["it would make people take more pride in the place", "it's been there for weeks", "it attracts rats"],
        "when": ["every week", "more often", "before the summer", "regularly", "after the weekend"],
    },
    "Nothing much": {
        "shapes": ["Keep {kept}, {why}.", "Not much, {why}.", "Just keep {kept}.", "Nothing, {why}."],
        "kept": ["the bobby we've got", "the community centre open", "the street lights on", "the bus service going", "the youth club running"],
        "why": ["it's a good area already", "things are fine as they are", "we're lucky around here", "it works", "people look after each other"],
    },
}

# "What would make town centres feel safer at night?" (the closed survey).
NIGHT_OUT = {
    "idea": [
        "taxi marshals", "more police on foot", "street pastors like other towns have", "a safe place to wait for a lift",
        "proper lighting between the bars and the taxi rank", "a late bus home", "staggered closing times",
        "bar staff trained to spot drink spiking", "CCTV that actually works", "fewer late licences",
        "door staff who stop trouble instead of pushing it outside", "a taxi rank with someone in charge",
        "water and first aid for people who've had too much",
    ],
    "where": ["on {street}", "in town", "at the taxi rank", "outside the clubs", "by the {place}", "on the way to the {place}"],
    "when": ["at closing time", "on Friday and Saturday nights", "after midnight", "at weekends", "on bank holidays", "in the summer"],
    "why": [
        "so people aren't hanging about", "that's when it kicks off", "town is fine until about eleven then it changes",
        "there's never a taxi when you need one", "most trouble starts in the queue for takeaways",
        "to stop fights spilling onto the road", "young women especially need to get home safely",
    ],
}
NIGHT_REMARKS = [
    "I stopped going out in town {for_how_long}.", "The walk {walk} is the worst bit.",
    "Most nights out are fine, it's {end_bit} that's the problem.", "Town used to be good on a Saturday, {then_what}.",
]
NIGHT_SLOTS = {
    "walk": ["to the taxi rank", "back to the {place}", "home along {street}", "to the bus station", "past the {place}"],
    "end_bit": ["the end of the night", "the last hour", "getting home", "the queue for taxis", "chucking-out time", "the walk home"],
    "then_what": ["now people stay in", "now it's just trouble", "not any more", "now the good bars have shut"],
}
