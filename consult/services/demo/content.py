"""What the demo partnership looks like: its areas, its survey and the phrases synthetic residents use."""

# Towns of a Cumberland-like partnership, their postcode districts and a rough share of residents.
AREAS = [
    ("Carlisle", "CA1 CA2 CA3 CA4 CA5 CA6", 30),
    ("Workington", "CA14", 12),
    ("Whitehaven", "CA28", 12),
    ("Maryport", "CA15", 7),
    ("Cockermouth", "CA13", 6),
    ("Keswick", "CA12", 5),
    ("Wigton", "CA7", 6),
    ("Egremont", "CA22", 6),
    ("Cleator Moor", "CA25", 6),
    ("Millom", "LA18", 5),
]

SAFETY = ["Very safe", "Fairly safe", "Neither safe nor unsafe", "Fairly unsafe", "Very unsafe", "Don't know"]
AGREEMENT = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]

PROBLEMS = [
    "Antisocial behaviour",
    "Drug dealing or drug use",
    "Drunk or rowdy behaviour",
    "Speeding or dangerous driving",
    "Violence against women and girls",
    "Domestic abuse",
    "Hate crime",
    "Knife crime or serious violence",
    "Sexual abuse or exploitation",
    "People reoffending after prison",
]

SURVEY = {
    "slug": "community-safety-survey",
    "title": "Community safety survey",
    "summary": "Tell us how safe you feel where you live and what would make it safer.",
    "purpose": (
        "The Community Safety Partnership sets its priorities for the next three years this winter. "
        "Your answers help us decide where to put police patrols, youth work, street lighting and "
        "support services, and which problems to tackle first in each town."
    ),
    "how_answers_are_used": (
        "Community officers read every answer. The partnership board sees summaries by town and by "
        "theme, and short quotes with names, addresses and other personal details removed. If "
        "something you write suggests someone is at risk, an officer may pass it on to the right service."
    ),
    "privacy_notice": (
        "You do not need to give your name. We keep only the first part of your postcode (for "
        "example CA28), not your IP address. Answers are kept for two years, then the written "
        "answers are deleted and only the totals are kept."
    ),
    "minutes_to_complete": 5,
    "questions": [
        {"kind": "single", "title": "How safe do you feel in your area during the day?", "options": SAFETY},
        {"kind": "single", "title": "How safe do you feel in your area after dark?", "options": SAFETY},
        {
            "kind": "multiple",
            "title": "Which of these problems affect your area?",
            "hint": "Select all that apply.",
            "options": PROBLEMS,
            "none_of_these": "None of these",
        },
        {
            "kind": "scale",
            "title": "How much do you agree: the police deal with the issues that matter in my area",
            "options": AGREEMENT,
        },
        {
            "kind": "scale",
            "title": "How much do you agree: the council and police work well together to tackle crime and antisocial behaviour",
            "options": AGREEMENT,
        },
        {
            "kind": "single",
            "title": "Have you been a victim of crime or antisocial behaviour in the last 12 months?",
            "options": ["Yes", "No", "Prefer not to say"],
        },
        {
            "kind": "single",
            "title": "Did you report it?",
            "options": ["Yes, to the police", "Yes, to the council or another organisation", "No"],
            "required": False,
            "show_when": (6, "Yes"),
        },
        {
            "kind": "long_text",
            "title": "What worries you most about safety where you live?",
            "hint": "For example a place, a time of day or something that keeps happening.",
            "required": False,
        },
        {
            "kind": "long_text",
            "title": "What one thing would make your area safer?",
            "required": False,
        },
        {
            "kind": "area",
            "title": "Which area do you live in?",
            "hint": "This helps us see what matters in each town.",
        },
    ],
}

CLOSED_SURVEY = {
    "slug": "night-time-economy-2026",
    "title": "Town centres at night",
    "summary": "How safe do town centres feel on Friday and Saturday nights?",
    "questions": [
        {"kind": "single", "title": "How often do you go into a town centre at night?", "options": ["Every week", "Every month", "Less often", "Never"]},
        {"kind": "long_text", "title": "What would make town centres feel safer at night?", "required": False},
    ],
}

STREETS = ["Main Street", "the high street", "Station Road", "the promenade", "Lowther Street", "the ring road", "Church Street"]
PLACES = ["park", "bus station", "harbour", "play area", "retail park", "cycle path", "railway station", "car park"]

# (theme label from PROBLEMS or None, phrasing). Synthetic residents draw worries weighted by area.
WORRIES = [
    ("Speeding or dangerous driving", "Boy racers speeding along {street} late at night, someone will get killed."),
    ("Speeding or dangerous driving", "Cars doing 50 past the school on {street}. There is no crossing and the kids have to run."),
    ("Speeding or dangerous driving", "People parking on the pavement so you have to walk in the road with a pushchair."),
    ("Drug dealing or drug use", "Drug dealing in the {place}, you can see it happening in broad daylight."),
    ("Drug dealing or drug use", "Needles and nitrous oxide canisters left in the {place} where kids play."),
    ("Drug dealing or drug use", "County lines dealers using flats near {street}, cars coming and going all night."),
    ("Antisocial behaviour", "Groups of teenagers hanging around the {place} shouting and throwing stones at windows."),
    ("Antisocial behaviour", "Scramblers and quad bikes tearing up the {place} and the footpaths."),
    ("Antisocial behaviour", "Fly-tipping down the back lanes and graffiti on every wall."),
    ("Drunk or rowdy behaviour", "Drunk people fighting outside the pubs on {street} at the weekend."),
    ("Drunk or rowdy behaviour", "Street drinking on the benches by the {place}, it is intimidating."),
    ("Violence against women and girls", "As a woman I don't feel safe walking home after dark, men shout things from cars."),
    ("Violence against women and girls", "My daughter gets followed and catcalled on her way back from the {place}."),
    ("Knife crime or serious violence", "I keep hearing about young lads carrying knives in town."),
    ("Hate crime", "Racist abuse shouted at the family who run the shop on {street}."),
    ("Hate crime", "Homophobic graffiti on the bus shelter that nobody cleans off."),
    ("People reoffending after prison", "The same few people keep getting released and doing the same burglaries."),
    (None, "Broken street lights on {street}, it is pitch black after 5pm."),
    (None, "Not enough police about, you never see an officer on foot."),
    (None, "Nothing really, it is a quiet area and people look out for each other."),
    (None, "Potholes on {street} are the main thing."),
]

SAFER = [
    "More police patrols in the evenings, on foot not in cars.",
    "Better street lighting on {street}.",
    "Speed cameras or a 20mph limit on {street}.",
    "Something for young people to do in the evenings, a youth club would help.",
    "CCTV at the {place}.",
    "Clear the overgrown paths by the {place} so you can see who is there.",
    "Quicker response when you report things on 101.",
    "A PCSO who actually knows the area.",
    "Support for people with drug and alcohol problems instead of moving them on.",
    "Safe spaces in town for women at night.",
]

# Worries each town raises more often than others: a pattern for the board's summaries to find.
AREA_LEANINGS = {
    "Carlisle": ["Drunk or rowdy behaviour", "Violence against women and girls"],
    "Workington": ["Antisocial behaviour", "Drug dealing or drug use"],
    "Whitehaven": ["Drug dealing or drug use", "Knife crime or serious violence"],
    "Maryport": ["Antisocial behaviour"],
    "Cockermouth": ["Speeding or dangerous driving"],
    "Keswick": ["Speeding or dangerous driving"],
    "Wigton": ["Antisocial behaviour"],
    "Egremont": ["People reoffending after prison"],
    "Cleator Moor": ["Drug dealing or drug use"],
    "Millom": ["Hate crime"],
}
