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

NONE, CONCERN, URGENT = "none", "concern", "urgent"

_KNOWN = (
    r"(?:husband|partner|boyfriend|girlfriend|wife|ex|ex[- ]?partner|ex[- ]?husband|ex[- ]?wife|"
    r"ex[- ]?boyfriend|fianc[eé]e?|dad|father|step[- ]?dad|step[- ]?father|mum|mother|mom|"
    r"step[- ]?mum|step[- ]?mother|brother|sister|uncle|aunt|auntie|cousin|son|daughter|"
    r"grandad|grandfather|grandpa|family|parents?|carer|landlord|neighbour|neighbor|flatmate|"
    r"brother[- ]in[- ]law|father[- ]in[- ]law|in[- ]laws?|sibling)"
)
_ACTOR = rf"(?:he|she|they|(?:my|our|her|his) {_KNOWN})"
_HARM_VERB = (
    r"(?:hits?|hitting|beats?|beat|beating|beaten|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|"
    r"slap(?:s|ped|ping)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|push(?:es|ed|ing)?|"
    r"shov(?:es|ed|ing)|hurts?|hurting|abus(?:es|ed|ing)|rap(?:es|ed|ing)|threaten(?:s|ed|ing)?|"
    r"controls?|controlled|controlling|lock(?:s|ed)?|grab(?:s|bed)?|throws? things at|"
    r"threw things at|bit|bites|spat at|screams? at|yells? at|shouts? at|belittl(?:es|ed)|"
    r"isolat(?:es|ed)|monitors?|tracks?|follows?|followed|stalks?|stalked|touch(?:es|ed)|"
    r"molest(?:s|ed)|forc(?:es|ed))"
)

_CHILD = (
    r"(?:\b(?:my|our|his|her|a|the|their) (?:\w+ )?(?:child|children|kids?|son|daughter|niece|"
    r"nephew|grandson|granddaughter|grandchild|stepdaughter|stepson|little (?:girl|boy)|"
    r"(?:school ?)?(?:girl|boy)s?|teenager|teen)|\b\d{1,2}[- ]?(?:yo|y/o|years?[- ]old)|"
    r"under ?age|minors?|schoolgirls?|schoolboys?|young (?:girls?|boys?|lads?|kids|people|teenagers?)|"
    r"(?:only|just|aged|is|was) (?:1[0-7]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b)"
)
_SEXUAL = (
    r"(?:groom(?:s|ed|ing)?|sexual(?:ly)?|molest(?:s|ed|ing)?|rap(?:e|es|ed|ing)|"
    r"touch(?:es|ed|ing)? (?:her|him|them|me) (?:inappropriately|down there|between)|"
    r"touch(?:es|ed|ing)? (?:her|his|their|my) (?:private|breast|chest|bum|bottom|genital)|"
    r"(?:nude|naked|indecent|explicit) (?:pictures|photos|images|videos?)|"
    r"exploit(?:s|ed|ing|ation)?|abus(?:e|es|ed|ing)|incest|county lines|trafficked|"
    r"older (?:men|man|lads) (?:picking|taking|giving)|sending (?:her|him) (?:pictures|photos))"
)

# (compiled pattern, reason); each is searched in the lower-cased text.
_CONCERNS = [
    (rf"\b{_ACTOR} (?:\w+ )?{_HARM_VERB} (?:me|us|my|our|mum|her|him)\b",
     "domestic abuse or violence disclosed (person known)"),
    (rf"\b(?:abusive|violent|controlling|coercive) {_KNOWN}\b",
     "domestic abuse disclosed (person known)"),
    (r"\b(?:domestic (?:abuse|violence)|coercive control|abusive relationship)\b(?=.*\b(?:i|me|my|we|us|our)\b)",
     "domestic abuse disclosed (first person)"),
    (r"\b(?:i'?m|i am|we'?re|we are|i feel|i was|i get) (?:so |too |really |very )?"
     r"(?:scared|afraid|frightened|terrified) (?:to go|of going|to be|of being) (?:back )?(?:home|in the house|alone)",
     "afraid to be at home"),
    (rf"\b(?:scared|afraid|frightened|terrified|fear) (?:of|for) (?:him|her|them|my life|my safety|"
     rf"our safety|our lives|my kids|my children|what (?:he|she|they)|{_ACTOR})",
     "fear for personal safety"),
    (r"\b(?:controls?|took|takes|taking|keeps?) (?:all )?(?:of )?(?:my|our) (?:money|wages|bank|benefits|card|phone|passport)",
     "domestic abuse disclosed (financial control)"),
    (r"\b(?:won'?t|doesn'?t|does not|will not|never) let(?:s)? me (?:go|see|leave|out|have|work|talk|speak|use)",
     "domestic abuse disclosed (coercive control)"),
    (r"\bwalking on eggshells\b|\bis (?:this|it|that) (?:abuse|rape|normal)\b", "domestic abuse disclosed (coercive control)"),
    (rf"\b(?:beaten|hit|abused|touched|raped|molested|grabbed|assaulted|hurt|threatened|controlled|harassed) by (?:my|our|her|his) {_KNOWN}"
     rf"|\b(?:my|our) {_KNOWN}\b[^.!?]{{0,80}}\b(?:abus\w*|rap(?:e|ed|es|ing)|molest\w*|touch(?:es|ed|ing)|sexual\w*|rage|temper|tantrums?|grabbed|throws?|threw|violent|hit(?:s|ting)?|beat(?:s|en|ing)?|misbehav\w*|advances)\b",
     "abuse by a partner or relative disclosed (person known)"),
    (r"\b(?:grabbed|pinned|dragged|choked|strangled|punched|kicked|slapped|shoved|pushed|hit|beat|bit|spat on|threw (?:\w+ )?at) me\b"
     r"|\b(?:wound|bleeding|bruis\w*|black eye|cut|swollen|broken|split)\b[^.!?]{0,40}\bmy (?:head|face|lip|eye|nose|arm|ribs|neck|jaw|wrist)\b"
     r"|\bmy (?:head|face|lip|eye|nose|arm|ribs|neck|jaw|wrist)\b[^.!?]{0,30}\b(?:bleeding|bruised|swollen|broken|cut open)\b",
     "physical harm disclosed (first person)"),
    (r"\b(?:constantly|always|keeps?) (?:texts?|texting|calls?|calling|messages?|messaging|checks?|checking|tracks?|tracking)\b"
     r"|\b(?:he|she|they)(?:'s| has| had| have)? (?:\w+ )?(?:anger issues|a (?:bad |violent |nasty )?temper|fits of (?:anger|rage)|rages)\b"
     r"|\bexplod\w* (?:in|with) (?:rage|anger)\b"
     r"|\b(?:checks|goes through|reads) my (?:phone|messages|texts|emails)\b|\bknows where i am\b",
     "controlling behaviour disclosed (first person)"),
    (r"\b(?:child|children|kids?|baby|toddler)(?:'s)?\b[^.!?]{0,60}\b(?:screaming|crying|sobbing)\b(?=.*\b(?:smack|hit|hitting|beat|beating|slap|thud)\b)",
     "possible child abuse heard or seen"),
    (r"\b(?:protective order|order of protection|restraining order|non[- ]molestation order|refuge|women'?s aid)\b",
     "domestic abuse disclosed (protection sought)"),
    (rf"{_CHILD}[^.!?]{{0,80}}\b{_SEXUAL}|{_SEXUAL}[^.!?]{{0,80}}{_CHILD}",
     "possible sexual abuse or exploitation of a child"),
    (rf"\b(?:step ?father|step ?dad|father|dad|uncle|cousin|brother|grandfather|grandad)\b[^.!?]{{0,60}}"
     r"\b(?:rap(?:es|ed|ing)|molest(?:s|ed|ing)|sexually|touch(?:es|ed|ing)|abus(?:es|ed|ing))\b",
     "sexual abuse by a family member"),
    (r"\b(?:rap(?:ed|es|ing)|sexually assault(?:ed|s|ing)|molest(?:ed|s|ing)|grop(?:ed|es|ing)|abus(?:ed|es|ing)) (?:me|her|my)\b"
     r"|\bi (?:was|got|have been|had been|am being|'?m being) (?:\w+ )?(?:raped|sexually assaulted|molested|abused|groped|assaulted|trafficked|groomed)",
     "sexual or physical abuse disclosed (first person)"),
    (r"(?:\b(?:threaten(?:s|ed|ing)? to|going to|gonna|will|would|wants? to|said (?:he|she|they)(?:'d| would| will| is going to| was going to| wants to))|'ll|'d) "
     r"(?:\w+ )?(?:kill|murder|stab|shoot|burn|hurt|beat|attack) (?:me|us|her|him|my|our|the kids|the children|you)\b",
     "threat to life or of serious harm"),
    (r"\b(?:death threats?|threats? to kill|threatening to kill|kill me|killing me)\b", "threat to life or of serious harm"),
    (r"\b(?:following|followed|follows|stalking|stalked|stalks|watching|watches|waiting for|waits for) me\b"
     r"|\b(?:stalker\b|being stalked|(?:still|always) (?:turns|turning|comes|coming) (?:up|round)|keeps? (?:turning up|messaging|calling|texting|following|coming round)|won'?t leave me alone|"
     r"(?:outside|at) my (?:house|home|door|flat|work|window|school)|tracking my)",
     "stalking or harassment of a known person"),
    (r"\b(?:being|been|is|are|keeps? being|gets?|getting) (?:followed|stalked|harassed|watched|messaged|threatened)\b"
     r"(?=[^.!?]*\b(?:every ?day|daily|every (?:night|morning|week)|always|still|keeps?|again|constantly)\b)",
     "ongoing harassment of a known person"),
    (r"\b(?:suicid\w*|kill(?:ing)? myself|end(?:ing)? (?:it all|my life|my own life|things)|take my (?:own )?life|"
     r"self[- ]?harm\w*|cut(?:ting)? myself|hurt(?:ing)? myself|wan(?:t|na|ted) to die|better off dead|"
     r"no (?:reason|point) (?:to live|in living|in going on)|(?:don'?t|do not) want to (?:live|be alive|be here|wake up)|"
     r"overdos\w*|taken (?:all |a lot of |loads of )?(?:my |the |some )?(?:pills|tablets)|can'?t go on|end it\b)",
     "self-harm or suicidal thoughts"),
    (rf"\bolder (?:men|man|lads|boys|males|blokes)\b[^.!?]{{0,80}}(?:{_CHILD}|\b(?:girls?|boys?|kids|children|him|her|them)\b)"
     rf"|{_CHILD}[^.!?]{{0,80}}\b(?:drugs to (?:sell|carry|run|hold)|running drugs|run drugs|selling drugs|dealing|county lines|go missing|missing from home)",
     "possible exploitation of a child"),
    (r"\b(?:cuckoo(?:ed|ing)?|(?:took|taken|take) over (?:my |his |her |their )?(?:\w+'s )?(?:flat|house|home)\b|using (?:his|her|my) (?:flat|house) to deal)",
     "vulnerable adult being exploited"),
    (r"\b(?:i'?m|i am|i feel|we'?re|we are|we feel|(?:i|we) (?:don'?t|do not|never) feel) (?:not safe|unsafe|safe|in danger)\b(?=[^.!?]*\b(?:home|house|him|her|them|he|she|partner)\b)"
     r"|\bnot safe at home\b|\b(?:help me|please help)\b(?=[^.!?]*\b(?:he|she|him|they|abuse|scared)\b)",
     "afraid for safety now"),
]
# Cheap checks that must match before the slower child patterns are tried.
_HINTS = {
    "possible sexual abuse or exploitation of a child": re.compile(rf"\b{_SEXUAL}"),
    "possible exploitation of a child": re.compile(
        r"\bolder\b|drugs|dealing|county lines|missing"
    ),
}
_CONCERNS = [(re.compile(p), reason, _HINTS.get(reason)) for p, reason in _CONCERNS]

_URGENT = re.compile(
    r"\b(?:right now|now|tonight|today|this (?:evening|morning|afternoon)|at the moment|any minute|"
    r"on (?:his|her|their) way|outside (?:my|the) (?:door|house|home|flat|window)|"
    r"i'?ve taken|i have taken|just took|taken (?:pills|tablets|an overdose)|"
    r"going to kill me|gonna kill me|will kill me|has a (?:knife|gun|weapon))\b"
)
_URGENT_REASONS = frozenset((
    "threat to life or of serious harm", "self-harm or suicidal thoughts",
    "stalking or harassment of a known person", "afraid for safety now", "afraid to be at home",
    "domestic abuse or violence disclosed (person known)", "fear for personal safety",
    "ongoing harassment of a known person", "physical harm disclosed (first person)",
))
_DENIAL = re.compile(r"\b(?:not|never|no|n't|nt|dont|didnt|isnt|wasnt|without)\W+(?:\w+\W+){0,2}$")
_CLAUSE = re.compile(r"[.,;:!?\n]|\bbut\b")


@dataclass(frozen=True)
class Safeguarding:
    """Safeguarding result: level none, concern or urgent, with human-readable reasons."""

    level: str = NONE
    reasons: tuple[str, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.level != NONE


def _denied(lower: str, start: int) -> bool:
    """True when the clause before a match denies it ("I'm not suicidal", "he never hits me")."""
    before = lower[max(0, start - 40) : start]
    parts = _CLAUSE.split(before)
    return bool(_DENIAL.search(parts[-1] + " ")) if parts else False


_PERSONAL = re.compile(
    rf"\b(?:i|me|my|myself|i'm|i've|i'd|im|ive)\b|\b(?:my|our|her|his) (?:friend|{_KNOWN})\b"
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
_OWN_PEOPLE = re.compile(rf"\b(?:my|our) (?:friend|{_KNOWN}|child|children|kids?)\b")
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
    rf"\b{_KNOWN}\b|\b(?:friend|friends|teacher|tutor|coach|boss|manager|colleague|warden|priest|"
    r"classmate|known to me|knows me|from (?:my|her|his|our) (?:school|work|class|building|street))\b"
)
_ONGOING = re.compile(
    r"\b(?:still|every ?day|daily|every (?:night|morning|week|time)|for (?:weeks|months|years)|"
    r"keeps?|constantly|always|won'?t stop|scared|afraid|frightened|terrified|worried|now|"
    r"currently|at the moment|anymore|has been|have been|is being|am being|lives? with|living with|"
    r"help|rap(?:e|ed|es|ing)|sexually assaulted)\b"
)
_CHILD_HINT = re.compile(_CHILD)
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
    for pattern, reason, hint in _CONCERNS:
        if reason in reasons or (hint is not None and not hint.search(lower)):
            continue
        for match in pattern.finditer(lower):
            if not _denied(lower, match.start()):
                reasons.append(reason)
                break
    if reasons:
        reasons = _set_aside(lower, reasons)
    if not reasons:
        return Safeguarding()
    if any(r in _URGENT_REASONS for r in reasons):
        for match in _URGENT.finditer(lower):
            if not _denied(lower, match.start()):
                return Safeguarding(URGENT, tuple(reasons) + ("immediate danger",))
    return Safeguarding(CONCERN, tuple(reasons))
