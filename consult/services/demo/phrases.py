"""What synthetic residents worry about, in fragments: sentence shapes, problems, places and times.

Consult's own writing, composed by services/demo_writing.py. A "{slot}" is filled from SLOTS
or from the topic's own lists (a fragment may hold further slots), so each sentence is put
together from four or five choices: no answer is the same sentence with another town in it.
"""

SLOTS = {
    "street": [
        "Main Street", "the high street", "Station Road", "the promenade", "Lowther Street",
        "the ring road", "Church Street", "King Street", "Victoria Road", "Harbour Road",
        "the back lane behind the shops", "Queen Street", "the old railway path", "Brook Street",
        "the road past the primary school", "Market Place", "Hill Road", "the bypass",
    ],
    "place": [
        "park", "bus station", "harbour", "play area", "retail park", "cycle path", "railway station",
        "car park", "skate park", "underpass", "community centre", "precinct", "playing fields",
        "riverside path", "beach car park", "cemetery", "leisure centre", "Co-op", "chip shop",
    ],
    "where": [
        "at the {place}", "on {street}", "behind the {place}", "outside the {place}",
        "near the {place}", "along {street}", "on the estate", "at the top of {street}", "by the {place}",
        "in the lane next to the {place}", "around the {place}",
    ],
    "when": [
        "at night", "after dark", "late at night", "on Friday and Saturday nights", "after the pubs shut",
        "most evenings", "in the early hours", "at the weekend", "after school", "once it gets dark",
        "in the school holidays", "from about nine o'clock", "on Sunday nights", "around teatime",
        "in the winter when it's dark by five", "on match days", "in the light nights", "at all hours",
    ],
    "often": [
        "every weekend", "nearly every night", "most days", "a few times a week", "all summer",
        "week in, week out", "more and more", "every other night", "again and again", "now and then",
    ],
    "for_how_long": [
        "for months", "for about two years", "since the summer", "since lockdown", "since Christmas",
        "for as long as anyone can remember", "since the youth club shut", "since last winter",
        "for a good while now", "since the new estate went up", "for the last year or so",
    ],
    "kids": [
        "kids", "teenagers", "the same few lads", "youths", "a gang of about ten of them",
        "lads on bikes", "a crowd of fifteen-year-olds", "older kids", "kids from the next estate",
    ],
    "always": [
        "and nobody does anything about it", "and it's getting worse", "and it's been going on {for_how_long}",
        "which is no way to live", "and the council know all about it", "and it's the same faces every time",
        "and it puts people off going out", "and it never gets sorted",
    ],
    "someone": [
        "My daughter", "My mum", "My husband", "My son", "The lady next door", "My wife", "My elderly neighbour",
        "My dad", "Our lad", "My sister", "The man across the road", "My nan", "A friend of mine",
    ],
    "keeps_away": [
        "won't walk through the {place} alone any more", "won't go to the shop after dark now",
        "takes the long way round to avoid the {place}", "gets a taxi rather than walk back along {street}",
        "doesn't let the kids play out any more", "has stopped going to the evening class",
        "only goes out in daylight now", "won't wait at the bus stop on {street} after six",
        "walks the dog at lunchtime instead of the evening", "has put a camera doorbell in",
    ],
    "reported": [
        "I've reported it to 101", "We rang the police", "I reported it online", "Neighbours have complained to the council",
        "I've emailed the council twice", "It's been reported loads of times", "We've told the housing association",
        "I rang the non-emergency number", "We raised it at the residents' meeting", "I wrote to the councillor",
    ],
    "reported_when": ["", " last month", " back in the spring", " more than once", " a few weeks ago", " over the summer", " in March"],
    "outcome": [
        "nothing changes", "nobody came out", "we never heard back", "it stopped for a week then started again",
        "they said they would look into it", "a PCSO came round once and that was it",
        "we got a crime number and nothing else", "it just moved somewhere else", "nobody seems to care",
    ],
    "feel_start": [
        "It makes you think twice about", "You feel on edge", "Nobody fancies", "People are wary of",
        "It puts you off", "You get nervous",
    ],
    "feel_doing": [
        "walking the dog after dark", "going into town of an evening", "letting the kids play out",
        "coming home late from a shift", "waiting at the bus stop", "using the {place}", "going out on your own",
        "cutting through the {place}",
    ],
    "feel_coda": ["", " any more", " these days", " now", ", which is sad"],
}

# Sentence shapes. {problem} and {comment} come from the topic, the rest from SLOTS; "first
# person" shapes are kept from topics that read as a disclosure beside "I" (demo_writing.IMPERSONAL).
SHAPES = [
    "{problem} {where} {when}, {comment}.",
    "{When}, {problem} {where}.",
    "{problem} {where} {often}, {always}.",
    "There's {problem} {where} {when} {always}.",
    "Mostly {problem} {where} {when}.",
    "{problem} {where}, {often}, {comment}.",
    "{problem}, {when}, {where}, {comment}.",
    "{problem} {where} {for_how_long}, {comment}.",
]
FIRST_PERSON_SHAPES = [
    "What worries me most is {problem} {where}, especially {when}.",
    "For me it's {problem} {where} {when}.",
    "I'd say {problem} {where} {often}.",
]
# A sentence some residents add about what happened when they spoke up, or what it changes.
FOLLOW_UPS = [
    "{reported}{reported_when} and {outcome}.",
    "{someone} {keeps_away}.",
    "{feel_start} {feel_doing}{feel_coda}.",
]

# Each topic: problems (noun phrases), comments (clauses after a comma) and details (a sentence
# that may follow). Keys that are options of "Which of these problems affect your area?" tick it.
WORRIES = {
    "Antisocial behaviour": {
        "problem": [
            "{kids} hanging about and kicking at fences", "stones thrown at windows", "scramblers and quad bikes tearing up the paths",
            "groups of {kids} making a racket", "bins set on fire", "antisocial behaviour", "graffiti on every wall", "vandalism",
            "eggs and fireworks thrown at houses", "{kids} knocking on doors and running off", "{kids} climbing on the garage roofs",
        ],
        "comment": [
            "shouting abuse at anyone who says anything", "and the older folk are fed up", "half of them can't be more than twelve",
            "and the bus shelter has been smashed three times this year", "and their parents don't seem to care",
            "it's just mindless", "and you can't get to sleep for it",
        ],
        "detail": [
            "The new benches at the {place} were wrecked within a month.", "It's a small group but they cause no end of bother.",
            "The bus shelter on {street} has been smashed {often}.",
        ],
    },
    "Drug dealing or drug use": {
        "problem": [
            "drug dealing", "needles and laughing gas canisters left lying about", "cars pulling up for two minutes then driving off",
            "the smell of cannabis", "dealers hanging about", "people selling drugs out of a flat", "people off their heads on something",
            "men selling weed", "drug taking out in the open", "dealers from out of town using flats",
        ],
        "comment": [
            "you can see it happening in broad daylight", "and children walk past it on the way to school", "it's obvious what's going on",
            "everyone knows which house it is", "and it's ruining the place", "and there are fights over it",
        ],
        "detail": ["You find little bags and foil on the path by the {place}.", "The same cars come back {often}.", "Everyone knows who it is."],
    },
    "Drunk or rowdy behaviour": {
        "problem": [
            "drunk people fighting", "street drinking on the benches", "rowdy crowds coming out of the bars", "drinkers leaving cans everywhere",
            "people being sick in doorways", "stag and hen parties getting out of hand", "drunken shouting and fighting", "people urinating in doorways",
        ],
        "comment": [
            "it's intimidating", "by midnight it's like the wild west", "there's never a police car around at chucking-out time",
            "you can hear it from streets away", "it all kicks off outside the takeaways",
        ],
        "detail": ["The shops sell cheap drink to people who are already drunk.", "The takeaways on {street} are where it starts."],
    },
    "Speeding or dangerous driving": {
        "problem": [
            "boy racers", "cars doing fifty in a thirty", "speeding", "cars racing and doing doughnuts", "vans using it as a rat run far too fast",
            "motorbikes with no lights on", "drivers going through the red light", "people on their phones while driving", "speeding taxis",
        ],
        "comment": [
            "someone will get killed", "and there's no crossing", "nobody sticks to the limit", "there was nearly a child knocked over last month",
            "speed bumps would sort it", "you can hear the engines revving from miles away",
        ],
        "detail": ["The kids have to run across {street} to get to school.", "You can't let a dog off the lead anywhere near {street}."],
    },
    "Violence against women and girls": {
        "problem": [
            "men shouting things at women from cars", "girls being catcalled", "men staring and making comments at women", "drink spiking",
            "a man exposing himself", "harassment of women and girls", "men bothering young women", "sexual harassment",
        ],
        "comment": [
            "women change their route home because of it", "nobody takes it seriously", "girls share their locations with each other to get home",
            "the lighting along there doesn't help", "women just put up with it",
        ],
        "detail": ["Nobody takes it seriously until something worse happens.", "The path by the {place} is the worst."],
    },
    "Knife crime or serious violence": {
        "problem": [
            "lads carrying knives", "fights that could turn really nasty", "serious assaults", "knife crime", "people carrying blades",
            "gangs fighting", "a stabbing that's still on people's minds",
        ],
        "comment": [
            "parents are worried sick about their teenagers", "one bad night and somebody ends up dead", "it never used to be like this here",
            "everyone knows it goes on",
        ],
        "detail": ["Parents are worried sick about their teenagers going into town {when}.", "There were flowers by the {place} for weeks."],
    },
    "Hate crime": {
        "problem": [
            "racist abuse shouted at the family who run the shop", "homophobic graffiti", "racist comments towards people who moved here for work",
            "abuse aimed at a disabled lad who lives nearby", "hate crime against the new families", "people being targeted because of where they're from",
        ],
        "comment": ["they have done nothing to anyone", "people hear it and look the other way", "it's a small minority but it's nasty"],
        "detail": ["Nobody cleans the graffiti off the {place}.", "They have lived here {for_how_long}."],
    },
    "People reoffending after prison": {
        "problem": [
            "the same few people doing the same burglaries", "prolific offenders out on licence", "burglaries by lads who have just got out",
            "reoffending", "sheds and cars broken into by the same people",
        ],
        "comment": [
            "there's no support for them when they come out", "probation don't seem to keep an eye on anyone", "they're back inside within months",
        ],
        "detail": ["Everyone knows who it is.", "Three sheds on {street} were done in one night."],
    },
    "Domestic abuse": {
        "problem": ["domestic abuse", "domestic violence", "police called to the same houses for domestic incidents", "abuse at home that nobody talks about"],
        "where": ["on the estate", "on {street}", "around here", "in this town", "in some of the houses on {street}", "behind a lot of front doors"],
        "when": ["at the weekend", "after the pubs shut", "on match days", "at Christmas", "late at night", "when money is tight"],
        "comment": ["and nobody talks about it", "and women around here don't know where to go for help", "it's hidden but it's there"],
        "detail": ["There is nowhere local for families to turn to.", "It gets worse {when}."],
    },
    "Street lighting": {
        "problem": ["broken street lights", "lights that are off half the time", "terrible street lighting", "lights switched off at midnight", "pitch black paths"],
        "comment": ["you can't see who's coming", "it feels much less safe in the dark", "it's been reported and still not fixed"],
        "detail": ["It's pitch black after five in winter.", "The one by the {place} has been out {for_how_long}."],
    },
    "Police presence": {
        "problem": ["no police on foot", "nobody answering 101", "no police presence", "never seeing a PCSO", "police taking hours to turn up"],
        "comment": ["so people stop bothering to report things", "and the station in town has shut", "a friendly face on the beat would help"],
        "detail": ["Response times are shocking.", "Nobody has seen a PCSO on {street} {for_how_long}."],
    },
    "Roads and parking": {
        "problem": ["parking on the pavement", "potholes", "lorries thundering through", "parents parking on the zigzags", "cars parked on the corners"],
        "comment": ["you have to walk in the road with a pushchair", "somebody in a wheelchair can't get past", "the council just paint round them"],
        "detail": [],
    },
    "Litter and fly-tipping": {
        "problem": ["fly-tipping", "litter and broken glass", "mattresses and fridges dumped", "dog mess and rubbish", "overflowing bins"],
        "comment": ["it feels neglected", "when a place looks uncared for the trouble follows", "nobody comes to clear it for weeks"],
        "detail": [],
    },
}

# A resident who is not worried says so in their own words.
CONTENT = [
    "{not_much}, {quiet_because}{apart_from}.",
]
CONTENT_SLOTS = {
    "not_much": ["Nothing really", "Not much", "Honestly nothing", "Nothing in particular", "Very little", "Nothing major"],
    "quiet_because": [
        "it's a quiet area", "people look out for each other", "the neighbours are good", "it's a nice place to live",
        "we've never had any bother", "it's a friendly street", "everyone knows everyone",
    ],
    "apart_from": [
        "", "", " apart from the odd bit of noise at the weekend", " apart from speeding now and then", " apart from a bit of litter",
        " apart from the street lights going off", " apart from the odd car break-in", " apart from kids being kids in the summer",
    ],
}

# Short answers residents really give: repeats here are expected and kept few.
SHORT_WORRIES = ["speeding", "Drugs.", "kids on bikes", "Nothing", "burglaries", "Street lights", "no police"]

# Disclosures a few synthetic residents make, written to land in the safeguarding queue;
# each is used at most once.
DISCLOSURES = [
    "My partner hits me when he has been drinking and I am scared to go home some nights.",
    "My ex keeps turning up outside my flat and following me to work. I don't know what to do.",
    "I'm frightened of my husband. He controls all my money and won't let me see my friends.",
    "He is outside my house right now and says he will kill me if I call the police.",
    "Our neighbour's boyfriend beats her, we hear it through the wall most weekends and she had a black eye last week.",
    "Some older lads are giving young girls on our estate vodka and taking them off in cars. One of them is only 13.",
    "My son owes money to dealers and they have threatened to hurt him and us. They came to the door last night.",
    "Things are so bad I have been thinking about ending my life.",
    "My daughter's boyfriend checks her phone and tracks where she is, and she is scared of him.",
    "A man keeps picking up my 14 year old niece from school and buying her things. I think she is being groomed.",
]
