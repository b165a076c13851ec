"""Which language an answer is written in, offline: English, Polish, or another language.

The analysis understands English only, so an answer in another language must reach an officer
rather than be tagged by guesswork. Judged from the share of its words found in TextBlob's
pattern English lexicon and spelling list, from letters and words typical of Polish (ą ć ę ł ń ó
ś ź ż, "nie", "się", "jest"), and from scripts English does not use (Cyrillic, Arabic, Hebrew,
Greek, Devanagari, Chinese...). Built to leave English alone: a short answer with typos, dialect
or place names stays English; the resident's chosen language (`hint`) tips only a close call.

    >>> detect("Boją się wychodzić wieczorem, na ulicy jest niebezpiecznie")
    'pl'
    >>> detect("cars goin 50 past the school on the a6 in shap")
    'en'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

ENGLISH, POLISH, OTHER = "en", "pl", "other"
NAMES = {POLISH: "Polish", OTHER: "another language"}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_POLISH_LETTERS = frozenset("ąćęłńśźżĄĆĘŁŃŚŹŻ")
# Common Polish words that are not English words (function words, pronouns, everyday verbs).
_POLISH_WORDS = frozenset("""
nie się jest są że jak ale dla przez na przy jestem jesteśmy mój moja moje mnie mi mam mamy tak już
tylko bardzo jeszcze gdzie kiedy który która które tego tej ten ta te tym czy bo też może
żeby gdy oraz przy pod nad bez przed po od ze we ku wszystko nikt nic ktoś coś moim mojej
naszej nasze nasz nasza naszym ich jego jej oni ona ono my wy ja ty jesteś był była było były
będzie będą można trzeba musi należy policja ulica ulicy dzieci dziecko dom domu wieczorem
nocy noc dzień bezpiecznie niebezpiecznie boję boimy boi proszę dziękuję więcej mniej dużo
""".split())
# Function words of languages often spoken in UK communities that pattern's lexicon also lists
# (it holds French and Latin words from its newspaper corpus): many of them and few English
# function words mean another language.
_FOREIGN_FUNCTION_WORDS = frozenset("""
le la les et est une des du pas ne il elle nous vous ils sont rien trop avec pour dans sur qui
der die das und ist nicht ein eine es gibt zu sehr mit auf für wir ich sie auch noch
el los las y hay nada muy por para con una pero como más está están son
o os um uma não com uma mais muito são há
nu și este în pe sunt cu mai foarte noaptea și sau
ir yra ne kad labai su į
""".split())
_ENGLISH_FUNCTION_WORDS = frozenset("""
the and is of to in it you that this there was were are be on at for with not my our we they
he she his her i me have has had but or so if no what when do does
""".split())
# Scripts English answers never use: letters of these name another language.
_OTHER_SCRIPTS = ("CYRILLIC", "ARABIC", "HEBREW", "GREEK", "DEVANAGARI", "BENGALI", "GURMUKHI",
                  "GUJARATI", "TAMIL", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "ETHIOPIC")
# Below this share of English words an answer of MIN_WORDS or more is not English; between it
# and CLOSE_CALL, Polish signs (or the resident's choice of Polish) decide.
NOT_ENGLISH_SHARE = 0.35
CLOSE_CALL = 0.6
MIN_WORDS = 3
LONG_ANSWER = 6


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of TextBlob's pattern lexicon and spelling list, lower-cased (read once)."""
    import textblob

    folder = Path(textblob.__file__).parent / "en"
    words = set()
    for name in ("en-lexicon.txt", "en-spelling.txt"):
        with open(folder / name, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith(";;;"):
                    continue
                word = line.split(" ", 1)[0].strip().lower()
                if word.isalpha():
                    words.add(word)
    return frozenset(words)


def _is_english(word: str, known: frozenset[str]) -> bool:
    """In the word lists, or a plural or "-ing"/"-ed" form of a word in them."""
    if word in known:
        return True
    for ending in ("s", "es", "ing", "ed", "'s"):
        if word.endswith(ending) and word[: -len(ending)] in known:
            return True
    return False


def _other_script(letters: str) -> bool:
    foreign = 0
    for char in letters:
        if ord(char) > 0x24F:
            name = unicodedata.name(char, "")
            if name.startswith(_OTHER_SCRIPTS):
                foreign += 1
    return foreign >= max(2, len(letters) // 3)


def detect(text: str, hint: str | None = None) -> str:
    """The language `text` is written in: "en", "pl" or "other".

    `hint` is the language the resident chose for the pages ("pl"...), if the caller knows it.
    """
    words = [word.lower() for word in _WORD.findall(text or "")]
    if not words:
        return ENGLISH
    if _other_script("".join(words)):
        return OTHER
    known = english_words()
    polish_letters = sum(1 for word in words if _POLISH_LETTERS.intersection(word))
    polish_words = sum(1 for word in words if word in _POLISH_WORDS)
    polish = polish_letters + polish_words
    # Words both languages have ("to", "do", "na") count for neither.
    english = sum(1 for word in words if _is_english(word, known) and word not in _POLISH_WORDS)
    share = english / len(words)
    if len(words) < MIN_WORDS:
        looks_polish = polish_letters >= 1 and english == 0
        return POLISH if looks_polish and (hint == POLISH or polish_words) else ENGLISH
    foreign_function = sum(1 for word in words if word in _FOREIGN_FUNCTION_WORDS)
    english_function = sum(1 for word in words if word in _ENGLISH_FUNCTION_WORDS)
    if foreign_function >= max(3, len(words) * 0.3) and english_function * 3 <= foreign_function:
        return OTHER
    if share >= CLOSE_CALL:
        return ENGLISH
    leaning = hint == POLISH and polish >= 1
    if polish >= max(2, len(words) // 4) or (leaning and share < CLOSE_CALL):
        return POLISH
    # Most languages written in Latin letters use accents English does not; without them, only a
    # longer answer with hardly an English word is another language (place names, acronyms and
    # slang are not).
    accented = sum(1 for word in words if not word.isascii())
    if share < NOT_ENGLISH_SHARE and (accented >= 2 or (len(words) >= LONG_ANSWER and share < NOT_ENGLISH_SHARE / 2)):
        return OTHER
    return ENGLISH


def describe(language: str) -> str:
    """"Polish", "another language": how officers' pages name a language detect() gave."""
    return NAMES.get(language, "another language")
