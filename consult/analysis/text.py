"""Tokenising, normalising, stemming and negation scopes for resident answers.

Everything here is plain regular expressions and small word lists, so it works without any
NLTK data. Tokens keep their character offsets so that evidence can be quoted from the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from textblob.en import inflect

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*|[.!?;:,()\"]|\n")
_SENTENCE_END = frozenset(".!?\n")

# Typographic apostrophes and quotes are common in pasted text; fold them so "don’t" == "don't".
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})

NEGATION_CUES = frozenset(
    "no not never nobody none nothing without nor neither zero hardly barely "
    "dont didnt doesnt isnt arent wasnt werent havent hasnt hadnt cant couldnt wont wouldnt "
    "shouldnt aint".split()
)

# Words that may sit between a negation cue and the thing denied ("never SEEN ANY violence",
# "no PROBLEMS WITH drugs", "don't FEEL threatened"). Any other word ends the denial, which
# keeps "drivers don't yield to pedestrians" from hiding "pedestrians".
NEGATION_FILLERS = frozenset(
    "a an any the some much many real really major big serious significant particular actual "
    "sign signs evidence problem problems issue issues trouble troubles concern concerns "
    "incident incidents with of about experience experienced experiencing see seen saw "
    "witness witnessed hear heard noticed notice notices had have has having been be being "
    "feel felt feeling ever there here is are was were aware know knew reported report "
    "encountered encounter come across myself personally yet single kind type form sort around "
    "round this these that those at all i we me us got get getting seem seems seemed "
    "particularly very too more lot lots of other such even".split()
)

# Words after which a denial may run on to a listed second item ("no drugs OR violence").
_COORDINATORS = frozenset("or and nor".split())

# Words that start a new clause, ending any negation scope.
CLAUSE_BREAKS = frozenset(
    "but however although though yet so because while whereas which who except apart "
    "unless until when whenever".split()
)

_DENIAL_NOUNS = frozenset("problem problems issue issues concern concerns bother worry".split())

# Irregular forms mapped to a base word, which is then stemmed like any other word.
IRREGULAR = {
    "dealt": "deal", "dealers": "dealer", "men": "man", "women": "woman", "children": "child",
    "kids": "kid", "people": "person", "stole": "steal", "stolen": "steal", "fought": "fight",
    "threw": "throw", "thrown": "throw", "beaten": "beat", "drove": "drive", "driven": "drive",
    "driving": "drive", "driver": "drive", "drivers": "drive", "rode": "ride", "ridden": "ride",
    "riding": "ride", "rider": "ride", "riders": "ride", "shot": "shoot", "shootings": "shoot",
    "drank": "drink", "drunken": "drunk", "raped": "rape", "rapes": "rape", "raping": "rape",
    "rapist": "rape", "rapists": "rape", "caught": "catch", "felt": "feel", "hits": "hit",
    "hitting": "hit", "bit": "bite", "threatening": "threaten", "threatened": "threaten",
    "threatens": "threaten", "fled": "flee", "knives": "knife", "wives": "wife", "lives": "life",
    "thieves": "thief", "abused": "abuse", "abuses": "abuse", "abusing": "abuse",
    "abuser": "abuse", "abusers": "abuse", "grooming": "groom", "groomed": "groom",
    "groomer": "groom", "groomers": "groom", "sexually": "sexual", "ran": "run",
    "running": "run", "racing": "racing", "racers": "racer", "cares": "care", "caring": "care",
    "cared": "care", "follower": "followers", "stoned": "stoned", "armed": "armed", "keyed": "keyed", "stared": "stare", "stares": "stare", "staring": "stare", "said": "say", "told": "tell", "went": "go", "gone": "go",
}

# Words whose ending looks like a suffix but is not one, kept whole so that unrelated words
# do not meet ("dealer" is not "deal with", "rape" is not "rap", "here" is not "her").
PROTECTED = frozenset(
    "dealer rape abuse police news bus gas his this was does always less across here there "
    "where dangerous sexual drunk speed stare race racing racer care followers stoned armed keyed under over never ever after other".split()
)

_VOWELS = frozenset("aeiouy")
_NO_UNDOUBLE = frozenset("lsz")
_stem_cache: dict[str, str] = {}


def normalise(text: str) -> str:
    """Return the text with typographic quotes folded and runs of spaces collapsed."""
    return re.sub(r"[ \t\r\f\v]+", " ", (text or "").translate(_FOLD)).strip()


def stem(word: str) -> str:
    """Return a light stem so inflections meet: dealers/dealing, speeding/speeders, stabbed/stab.

    Not a linguist's lemma: the same function is applied to taxonomy terms and to text, so it
    only has to be consistent. Irregular forms come from a small table and textblob's inflect.
    """
    cached = _stem_cache.get(word)
    if cached is not None:
        return cached
    w = word.lower().replace("'", "")
    if w.endswith("s") and word.lower().endswith("'s"):
        w = w[:-1]
    lemma = IRREGULAR.get(w, w)
    result = lemma if lemma in PROTECTED else _strip_suffixes(lemma)
    if len(_stem_cache) < 200_000:
        _stem_cache[word] = result
    return result


def _strip_suffixes(w: str) -> str:
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ves"):
        w = inflect.singularize(w)
    elif w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("eed"):
        return w
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and _VOWELS & set(w[: -len(suffix)]):
            w = w[: -len(suffix)]
            break
    if w.endswith("er") and len(w) >= 5:
        w = w[:-2]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in _NO_UNDOUBLE:
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class Token:
    """One word of an answer: its text, lower-case form, stem, offsets and context flags."""

    text: str
    lower: str
    stem: str
    start: int
    end: int
    sentence: int
    negated: bool


def tokenise(text: str) -> list[Token]:
    """Split text into word tokens with sentence numbers and negation flags.

    Punctuation is used for sentence and clause boundaries and then dropped. A word is negated
    when a cue ("no", "never", "don't") precedes it with only filler words between, or when the
    clause denies it afterwards ("speeding is not a problem").
    """
    raw = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    words: list[list] = []  # [text, lower, start, end, sentence, negated]
    sentence = 0
    clause_start = 0  # index in words where the current clause began
    state = _OFF
    cue_at = -1
    reached = 0  # words before this index have already been marked denied
    compound = False
    for surface, start, end in raw:
        if not surface[0].isalnum():
            if surface in _SENTENCE_END and words and words[-1][4] == sentence:
                sentence += 1
            clause_start, state = len(words), _OFF
            continue
        lower = surface.lower()
        bare = lower.replace("'", "")
        negated = False
        if bare in CLAUSE_BREAKS:
            clause_start, state = len(words) + 1, _OFF
        elif bare in NEGATION_CUES or lower.endswith("n't"):
            state, cue_at = _SEEKING, len(words)
            # After "no"/"without" a noun phrase follows, so a compound may run on ("no drug
            # dealers"); after "not"/"don't" it is a verb ("don't respect pedestrians").
            compound = bare in _NOUN_CUES
        elif state == _SEEKING:
            if bare in _DETERMINERS:
                compound = True
            if bare in _DENIAL_NOUNS and cue_at > clause_start:
                # "Speeding is not a problem": the denial reaches back over the clause. Words
                # already reached are skipped, so a long clause of denials stays linear.
                for w in words[max(clause_start, reached) : cue_at]:
                    w[5] = True
                reached = max(reached, cue_at)
            if bare not in NEGATION_FILLERS:
                negated, state = True, _DENIED
        elif state == _DENIED:
            # One more content word keeps compounds together ("no drug dealers"); a
            # coordinator carries the denial on to a second item ("no drugs or violence").
            if bare in _COORDINATORS:
                state = _SEEKING
            else:
                negated, state = compound, _OFF
        words.append([surface, lower, start, end, sentence, negated])
    tokens = []
    for surface, lower, start, end, sentence_no, negated in words:
        stemmed = stem(lower)
        if negated and stemmed in DENIAL_MEANS:
            # "I don't feel safe" says "unsafe"; "drivers don't yield" is the danger itself.
            stemmed, negated = DENIAL_MEANS[stemmed], False
        tokens.append(Token(surface, lower, stemmed, start, end, sentence_no, negated))
    for i, token in enumerate(tokens):
        before = tokens[i - 1].lower if i else ""
        after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if (token.stem in NOT_AFTER and before in NOT_AFTER[token.stem]) or (
            token.stem in NOT_BEFORE and after in NOT_BEFORE[token.stem]
        ):
            tokens[i] = Token(token.text, token.lower, "~" + token.stem, token.start, token.end,
                              token.sentence, token.negated)
    for i in range(1, len(tokens)):
        token = tokens[i]
        if token.text in STREET_TYPES and tokens[i - 1].text[:1].isupper():
            # "Mesa Drive", "Queens Road": a street's name, not talk about driving or roads.
            tokens[i] = Token(token.text, token.lower, "<street>", token.start, token.end,
                              token.sentence, token.negated)
    return tokens


STREET_TYPES = frozenset(
    "Street Road Lane Avenue Drive Way Close Terrace Crescent Place Court Gardens Grove Row "
    "Square Hill Park View Walk Mews Parade Green Rise Brow Gate Bank Race Course".split()
)


# A neighbouring word that changes what a term means: a "puppy dealer" sells dogs, "kill
# himself" is about suicide (safeguarding's business, not violence). Such words are masked
# under a stem no term uses.
NOT_AFTER = {
    stem("dealer"): frozenset(
        "car cars puppy puppies dog dogs antique antiques art card horse motor scrap vintage "
        "used bike coin stamp".split()
    ),
}
NOT_BEFORE = {
    stem("kill"): frozenset("myself himself herself themselves yourself ourselves".split()),
}

# Words whose denial is itself a concern, mapped to the stem the denial means.
DENIAL_MEANS = {stem("safe"): stem("unsafe"), stem("safer"): stem("unsafe"), stem("yield"): stem("yield")}

_OFF, _SEEKING, _DENIED = 0, 1, 2
_NOUN_CUES = frozenset("no none nothing without nor neither zero".split())
_DETERMINERS = frozenset("a an any the some much many".split())


def sentences(text: str) -> list[str]:
    """Split text into sentences on full stops, question and exclamation marks and newlines."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]
