"""Sentiment of an answer: polarity (-1..1) and subjectivity (0..1).

Uses the lexicon that ships with TextBlob's PatternAnalyzer, scored the same way (a known
word, boosted by a preceding intensifier, halved and flipped by a preceding negation, then
averaged), but over our own tokens so it needs no NLTK data and no second tokenising pass.
The lexicon is topped up with words residents use about safety, which it lacks ("unsafe",
"scared", "intimidating"), so a frightened answer does not read as neutral, and with cues of
danger and harm ("dealers", "stabbed", "groped"), which count as negative unless denied ("no
dealers round here" reads positive, as before). Descriptive words the general lexicon scores
as positive ("older", "new", "young", "own", "sexual") carry no feeling in a report of a
problem and are read as neutral.
"""
from __future__ import annotations

from textblob import en

from .text import Token

_LEXICON = en.sentiment
_NEGATIONS = frozenset(("no", "not", "n't", "never", "dont", "didnt", "doesnt", "isnt",
                        "arent", "wasnt", "cant", "wont", "havent", "hasnt", "couldnt"))

# (polarity, subjectivity) for safety vocabulary missing from the Pattern lexicon.
SAFETY_LEXICON = {
    "unsafe": (-0.6, 0.8), "scared": (-0.6, 0.9), "frightened": (-0.6, 0.9),
    "terrified": (-0.8, 1.0), "intimidating": (-0.5, 0.8), "intimidated": (-0.5, 0.8),
    "threatened": (-0.5, 0.7), "threatening": (-0.5, 0.7), "worried": (-0.4, 0.7),
    "worrying": (-0.4, 0.7), "anxious": (-0.4, 0.8), "nightmare": (-0.7, 0.9),
    "unacceptable": (-0.6, 0.8), "noisy": (-0.3, 0.6), "menace": (-0.6, 0.8),
    "fear": (-0.5, 0.8), "vulnerable": (-0.3, 0.6), "harassed": (-0.5, 0.7),
    "abused": (-0.6, 0.7), "hurt": (-0.5, 0.6), "attacked": (-0.6, 0.6),
    "danger": (-0.5, 0.6), "disgrace": (-0.7, 0.9), "grateful": (0.6, 0.8),
    "thanks": (0.3, 0.4), "thank": (0.3, 0.4), "helpful": (0.5, 0.6), "welcoming": (0.5, 0.6),
    "reassuring": (0.4, 0.6), "reassured": (0.4, 0.6),
}

# Cues of danger, harm and nuisance: negative in safety talk, flipped by a denial like any word.
DANGER_CUES = {
    **dict.fromkeys("knife knives machete stabbing stabbed stabbings gun guns weapon weapons "
                    "strangled raped rape rapist groped slavery trafficked trafficking".split(),
                    (-0.7, 0.6)),
    **dict.fromkeys("abuse abusive assault assaulted attack attacks violence violent punched "
                    "racist racism homophobic transphobic grooming groomed exploited exploitation "
                    "stalking stalked harassment harassing smackheads junkies crackheads druggies "
                    "thugs yobs dread dreading controlling beats beating bruises".split(),
                    (-0.6, 0.6)),
    **dict.fromkeys("drugs dealers dealing dealer drunk drunks fighting fights gangs gang "
                    "vandalism vandalised smashed needles speeding robbed mugged crime criminals "
                    "reoffending offenders bullying intimidation kicked flashed flashing "
                    "shouting shouted shout catcalling wolf-whistling leering stare staring "
                    "spiked slurs".split(),
                    (-0.45, 0.5)),
    **dict.fromkeys("graffiti litter noise tipping dumped racing racers canisters nitrous "
                    "scramblers loitering".split(), (-0.3, 0.4)),
}
# Positive in the general lexicon, descriptive in an answer about safety: read as neutral.
NEUTRAL = frozenset(
    "own new most live sexual sexually old older near young primary gay full first many much "
    "fly straight whole high main special pregnant free top early broad normal lightly nearly "
    "able more wants touching laughed laugh".split()
)

_cache: dict[str, tuple | None] = {}


def _entry(word: str):
    """Return (polarity, subjectivity, intensity, is_modifier) for a word, or None."""
    if word in _cache:
        return _cache[word]
    result = None
    if word in NEUTRAL:
        result = None
    elif word in SAFETY_LEXICON or word in DANGER_CUES:
        p, s = SAFETY_LEXICON.get(word) or DANGER_CUES[word]
        result = (p, s, 1.0, False)
    elif word in _LEXICON:
        senses = _LEXICON[word]
        p, s, i = senses.get(None) or next(iter(senses.values()))
        modifier = any(pos in senses for pos in _LEXICON.modifiers)
        result = (p, s, i, modifier)
    if len(_cache) < 100_000:
        _cache[word] = result
    return result


def sentiment(tokens: list[Token]) -> tuple[float, float]:
    """Return (polarity, subjectivity) of the tokens, both rounded to three places."""
    scores: list[list[float]] = []  # [polarity, subjectivity, intensity, negated]
    modifier = False
    negation = False
    for token in tokens:
        word = token.lower
        entry = _entry(word)
        if entry is None:
            bare = word.replace("'", "")
            if bare in _NEGATIONS or word.endswith("n't"):
                negation = True
            elif len(word) > 2:
                # Negation and intensifiers survive short words only ("not a good", "very").
                negation = False
                modifier = False
            continue
        p, s, i, is_modifier = entry
        if modifier and scores:
            last = scores[-1]
            last[0] = max(-1.0, min(p * last[2], 1.0))
            last[1] = max(-1.0, min(s * last[2], 1.0))
            last[2] = i
        else:
            scores.append([p, s, i, 0.0])
        if negation:
            scores[-1][2] = 1.0 / scores[-1][2] if scores[-1][2] else 1.0
            scores[-1][3] = 1.0
        modifier = is_modifier
        negation = word in _NEGATIONS
    if not scores:
        return 0.0, 0.0
    polarity = sum(p * -0.5 if n else p for p, _, _, n in scores) / len(scores)
    subjectivity = sum(s for _, s, _, _ in scores) / len(scores)
    return round(max(-1.0, min(polarity, 1.0)), 3), round(max(0.0, min(subjectivity, 1.0)), 3)
