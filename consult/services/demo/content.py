"""What the demo partnership looks like: its areas, its two surveys and what its residents worry about.

Each question's "demo" key says which answer a synthetic resident gives to it (services/demo.py);
what they write is in demo_phrases and demo_ideas.
"""

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

# Usual residents of each town, rounded (near the 2021 census figures for the built-up areas), so
# the board's responses per 1,000 residents read as they would for a real partnership.
POPULATIONS = {
    "Carlisle": 74900,
    "Workington": 25200,
    "Whitehaven": 23800,
    "Maryport": 11300,
    "Cockermouth": 8800,
    "Keswick": 4800,
    "Wigton": 5800,
    "Egremont": 6800,
    "Cleator Moor": 6900,
    "Millom": 7300,
}

# Share of residents in each age band, roughly West Cumbria's 2021 census profile (older than England's).
AGE_PROFILE = {
    "Under 16": 0.16, "16 to 24": 0.09, "25 to 34": 0.11, "35 to 44": 0.11,
    "45 to 54": 0.14, "55 to 64": 0.15, "65 to 74": 0.13, "75 or over": 0.11,
}
FEMALE_SHARE = 0.51

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

# Which priority theme (by slug) ticking each problem raises on the board.
PROBLEM_THEMES = {
    "Antisocial behaviour": "antisocial-behaviour",
    "Drug dealing or drug use": "substance-misuse",
    "Drunk or rowdy behaviour": "antisocial-behaviour",
    "Speeding or dangerous driving": "road-safety",
    "Violence against women and girls": "vawg",
    "Domestic abuse": "domestic-abuse",
    "Hate crime": "hate-crime",
    "Knife crime or serious violence": "serious-violence",
    "Sexual abuse or exploitation": "sexual-abuse-exploitation",
    "People reoffending after prison": "reoffending",
}

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
        {"kind": "single", "title": "How safe do you feel in your area during the day?", "options": SAFETY, "demo": "day_safety"},
        {"kind": "single", "title": "How safe do you feel in your area after dark?", "options": SAFETY, "demo": "after_dark_safety", "error_message": "Select how safe you feel after dark"},
        {
            "kind": "multiple",
            "title": "Which of these problems affect your area?",
            "hint": "Select all that apply.",
            "options": PROBLEMS,
            "option_themes": PROBLEM_THEMES,
            "none_of_these": "None of these",
            "demo": "problems",
        },
        {
            "kind": "scale",
            "title": "How much do you agree: the police deal with the issues that matter in my area",
            "options": AGREEMENT,
            "demo": "confidence",
        },
        {
            "kind": "scale",
            "title": "How much do you agree: the council and police work well together to tackle crime and antisocial behaviour",
            "options": AGREEMENT,
            "demo": "confidence",
        },
        {
            "kind": "single",
            "title": "Have you been a victim of crime or antisocial behaviour in the last 12 months?",
            "options": ["Yes", "No", "Prefer not to say"],
            "demo": "victim",
        },
        {
            "kind": "single",
            "title": "Did you report it?",
            "options": ["Yes, to the police", "Yes, to the council or another organisation", "No"],
            "required": False,
            "show_when": (6, "Yes"),
            "demo": "reported",
        },
        {
            "kind": "long_text",
            "title": "What worries you most about safety where you live?",
            "hint": "For example a place, a time of day or something that keeps happening.",
            "required": False,
            "demo": "worry",
        },
        {
            "kind": "long_text",
            "title": "What one thing would make your area safer?",
            "required": False,
            "demo": "safer",
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
        {
            "kind": "single",
            "title": "How often do you go into a town centre at night?",
            "options": ["Every week", "Every month", "Less often", "Never"],
            "demo": "nights_out",
        },
        {"kind": "long_text", "title": "What would make town centres feel safer at night?", "required": False, "demo": "night_out"},
        {
            "kind": "grid",
            "title": "How much do you agree about your town centre at night?",
            "scale_points": AGREEMENT,
            "options": ["I feel safe walking home", "There are enough taxis late at night", "Door staff help keep people safe"],
            "required": False,
            "demo": "night_grid",
        },
        {
            "kind": "ranking",
            "title": "Choose your top three priorities for town centres at night, in order",
            "options": ["More police on foot", "Better street lighting", "Taxi marshals", "Street pastors", "More CCTV"],
            "ranks": 3,
            "required": False,
            "demo": "night_ranking",
        },
    ],
}

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

# How often residents write about each topic (demo_phrases.WORRIES, plus the contented).
TOPIC_WEIGHTS = {
    "Antisocial behaviour": 14,
    "Drug dealing or drug use": 12,
    "Drunk or rowdy behaviour": 7,
    "Speeding or dangerous driving": 14,
    "Violence against women and girls": 6,
    "Knife crime or serious violence": 4,
    "Hate crime": 3,
    "People reoffending after prison": 4,
    "Domestic abuse": 2,
    "Street lighting": 7,
    "Police presence": 9,
    "Roads and parking": 6,
    "Litter and fly-tipping": 6,
    "Nothing much": 8,
}
