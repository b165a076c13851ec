"""Safeguarding: spot disclosures of current risk to a person and say how urgent they are.

Built for recall, not precision: a false alarm costs an officer a minute, a miss can cost a
life. Patterns look for a disclosure about the writer or someone they know (domestic abuse,
sexual abuse or exploitation of a child, threats to life, stalking, self-harm or suicidal
thoughts, fear for safety). "urgent" adds signs of immediate danger ("he's outside now",
"tonight"). A disclosure is skipped only when the clause plainly denies it ("I'm not
suicidal").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .disclosures import CHILD, KNOWN, disclosed, urgent

NONE, CONCERN, URGENT = "none", "concern", "urgent"


@dataclass(frozen=True)
class Safeguarding:
    """Safeguarding result: level none, concern or urgent, with human-readable reasons."""

    level: str = NONE
    reasons: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.level != NONE


_PERSONAL = re.compile(
    rf"\b(?:i|me|my|myself|i'm|i've|i'd|im|ive)\b|\b(?:my|our|her|his) (?:friend|{KNOWN})\b"
)
# Themes whose presence, in an answer that speaks of the writer or someone they know, is
# itself a reason to check on someone: abuse at home and sexual abuse are rarely historic
# when a resident raises them in a consultation.
_THEME_REASONS = {
    "domestic-abuse": "possible domestic abuse (writer or someone known)",
    "sexual-abuse-exploitation": "possible sexual abuse or exploitation (writer or someone known)",
}


# Where an answer plainly is not a disclosure of current risk to someone identifiable, the
# broad reasons (a theme word in a personal answer, a child near a sexual word) are set aside;
# specific disclosures ("he hits me", "I want to die") always stand.
_BROAD_REASONS = frozenset((
    _THEME_REASONS["domestic-abuse"], _THEME_REASONS["sexual-abuse-exploitation"],
    "domestic abuse disclosed (first person)", "possible sexual abuse or exploitation of a child",
    "possible exploitation of a child",
))
# A campaign or petition asks for a change of law or policy; it is not a disclosure.
_CAMPAIGN = re.compile(
    r"\b(?:petition\w*|government|parliament|legislat\w*|mps|ministers?|national curriculum|"
    r"we (?:call on|urge|ask the|demand)|"
    r"(?:introduce|change|revise|revision of|extend|amend|reform) (?:a |the |our )?(?:\w+ )?(?:law|laws|act)\b|"
    r"should be (?:made|introduced|banned|allowed|extended|required|mandatory|compulsory|given))"
)
_OWN_PEOPLE = re.compile(rf"\b(?:my|our) (?:friend|{KNOWN}|child|children|kids?)\b")
# A one-off by a stranger in public that is over (SOURCES: "a one-off harassment by a
# stranger") is not current risk; these reasons are set aside for it.
_STRANGER_REASONS = frozenset((
    _THEME_REASONS["sexual-abuse-exploitation"], "stalking or harassment of a known person",
    "sexual or physical abuse disclosed (first person)",
))
_STRANGER = re.compile(
    r"\b(?:strangers?|unknown (?:person|man|men|guy|guys)|passengers?|"
    r"(?:a|an|one|some|two|three|four|five|few|\d+|group of|bunch of|gang of) (?:\w+ )?"
    r"(?:man|men|guy|guys|boy|boys|person|people|lads?|youths?|drivers?))\b"
)
_KNOWN_PERSON = re.compile(
    rf"\b{KNOWN}\b|\b(?:friend|friends|teacher|tutor|coach|boss|manager|colleague|warden|priest|"
    r"classmate|known to me|knows me|from (?:my|her|his|our) (?:school|work|class|building|street))\b"
)
_ONGOING = re.compile(
    r"\b(?:still|every ?day|daily|every (?:night|morning|week|time)|for (?:weeks|months|years)|"
    r"keeps?|constantly|always|won'?t stop|scared|afraid|frightened|terrified|worried|now|"
    r"currently|at the moment|anymore|has been|have been|is being|am being|lives? with|living with|"
    r"help|rap(?:e|ed|es|ing)|sexually assaulted)\b"
)
_CHILD_HINT = re.compile(CHILD)
_PAST_REASONS = frozenset(("sexual or physical abuse disclosed (first person)",))
# Abuse told as long over ("as a child", "years ago") with nothing current.
_HISTORIC = re.compile(
    r"\b(?:as a (?:child|kid|teen|teenager|little girl|little boy)|when i was (?:a child|a kid|little|young|"
    r"\d{1,2}\b)|growing up|in my childhood|years ago|back in (?:19|20)\d\d)"
)


def _set_aside(lower: str, reasons: list) -> list:
    """Drop broad reasons for campaigns, strangers' one-off acts and long-past abuse."""
    if _CAMPAIGN.search(lower) and not _OWN_PEOPLE.search(lower):
        reasons = [r for r in reasons if r not in _BROAD_REASONS]
    if (
        any(r in _STRANGER_REASONS for r in reasons)
        and _STRANGER.search(lower)
        and not _KNOWN_PERSON.search(lower)
        and not _ONGOING.search(lower)
        and not _CHILD_HINT.search(lower)
    ):
        reasons = [r for r in reasons if r not in _STRANGER_REASONS]
    if _HISTORIC.search(lower) and not _ONGOING.search(lower):
        reasons = [r for r in reasons if r not in _BROAD_REASONS and r not in _PAST_REASONS]
    return reasons


def assess(text: str, themes=()) -> Safeguarding:
    """Return the safeguarding level and reasons for an answer.

    ``themes`` are the slugs the tagger found; domestic or sexual abuse themes in a personal
    answer raise a concern even when no disclosure pattern matched.
    """
    lower = text.lower().replace("\u2019", "'")
    reasons: list[str] = []
    personal = None
    for slug in themes:
        reason = _THEME_REASONS.get(slug)
        if reason:
            if personal is None:
                personal = bool(_PERSONAL.search(lower))
            if personal:
                reasons.append(reason)
    disclosed(lower, reasons)
    if reasons:
        reasons = _set_aside(lower, reasons)
    if not reasons:
        return Safeguarding()
    if urgent(lower, reasons):
        return Safeguarding(URGENT, tuple(reasons) + ("immediate danger",))
    return Safeguarding(CONCERN, tuple(reasons))
