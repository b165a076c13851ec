"""Disclosure patterns for safeguarding: who is harming whom, how, and how soon.

Each pattern is a plain regular expression over the lower-cased answer with a reason officers
can read. Some need a cue later in the same line or sentence; those cues are found once per
answer and looked up, so a long answer costs linear time. A match is skipped when its clause
plainly denies it ("I'm not suicidal", "he never hits me").
"""
from __future__ import annotations

import re
from bisect import bisect_left

KNOWN = (
    r"(?:husband|partner|boyfriend|girlfriend|wife|ex|ex[- ]?partner|ex[- ]?husband|ex[- ]?wife|"
    r"ex[- ]?boyfriend|fianc[eé]e?|dad|father|step[- ]?dad|step[- ]?father|mum|mother|mom|"
    r"step[- ]?mum|step[- ]?mother|brother|sister|uncle|aunt|auntie|cousin|son|daughter|"
    r"grandad|grandfather|grandpa|family|parents?|carer|landlord|neighbour|neighbor|flatmate|"
    r"brother[- ]in[- ]law|father[- ]in[- ]law|in[- ]laws?|sibling)"
)
_ACTOR = rf"(?:he|she|they|(?:my|our|her|his) {KNOWN})"
_HARM_VERB = (
    r"(?:hits?|hitting|beats?|beat|beating|beaten|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|"
    r"slap(?:s|ped|ping)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|push(?:es|ed|ing)?|"
    r"shov(?:es|ed|ing)|hurts?|hurting|abus(?:es|ed|ing)|rap(?:es|ed|ing)|threaten(?:s|ed|ing)?|"
    r"controls?|controlled|controlling|lock(?:s|ed)?|grab(?:s|bed)?|throws? things at|"
    r"threw things at|bit|bites|spat at|screams? at|yells? at|shouts? at|belittl(?:es|ed)|"
    r"isolat(?:es|ed)|monitors?|tracks?|follows?|followed|stalks?|stalked|touch(?:es|ed)|"
    r"molest(?:s|ed)|forc(?:es|ed))"
)

CHILD = (
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

# Where a disclosure needs a cue later in the same line or sentence ("domestic abuse ... my"),
# the cue's positions are found once per answer and looked up, rather than re-scanning the rest
# of the text after every match, which made long answers quadratic.
_LINE, _SENTENCE = re.compile(r"\n"), re.compile(r"[.!?]")

# (pattern, reason[, (cue, where)]); each is searched in the lower-cased text, and a cue must
# start after the match before the next character of ``where``.
CONCERNS = [
    (rf"\b{_ACTOR} (?:\w+ )?{_HARM_VERB} (?:me|us|my|our|mum|her|him)\b",
     "domestic abuse or violence disclosed (person known)"),
    (rf"\b(?:abusive|violent|controlling|coercive) {KNOWN}\b",
     "domestic abuse disclosed (person known)"),
    (r"\b(?:domestic (?:abuse|violence)|coercive control|abusive relationship)\b",
     "domestic abuse disclosed (first person)", (r"\b(?:i|me|my|we|us|our)\b", _LINE)),
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
    (rf"\b(?:beaten|hit|abused|touched|raped|molested|grabbed|assaulted|hurt|threatened|controlled|harassed) by (?:my|our|her|his) {KNOWN}"
     rf"|\b(?:my|our) {KNOWN}\b[^.!?]{{0,80}}\b(?:abus\w*|rap(?:e|ed|es|ing)|molest\w*|touch(?:es|ed|ing)|sexual\w*|rage|temper|tantrums?|grabbed|throws?|threw|violent|hit(?:s|ting)?|beat(?:s|en|ing)?|misbehav\w*|advances)\b",
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
    (r"\b(?:child|children|kids?|baby|toddler)(?:'s)?\b[^.!?]{0,60}?\b(?:screaming|crying|sobbing)\b",
     "possible child abuse heard or seen", (r"\b(?:smack|hit|hitting|beat|beating|slap|thud)\b", _LINE)),
    (r"\b(?:protective order|order of protection|restraining order|non[- ]molestation order|refuge|women'?s aid)\b",
     "domestic abuse disclosed (protection sought)"),
    (rf"{CHILD}[^.!?]{{0,80}}\b{_SEXUAL}|{_SEXUAL}[^.!?]{{0,80}}{CHILD}",
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
     r"(?:outside|at) my (?:house|home|door|flat|work|window|school)|tracking my)"
     # Someone known waiting near the writer's home or work, or the same stranger again and again.
     r"|\b(?:he|she|my ex|her ex|his ex)\b (?:\w+ ){0,2}(?:sits|sat|sitting|waits|waited|waiting|hangs? around|"
     r"hanging around|lurks|lurking|watches|watching|drives past|drove past|turns up|turned up)\b[^.!?]{0,40}"
     r"\b(?:my|our) (?:road|street|house|home|flat|work|door|school|gate)\b"
     r"|\bsame (?:\w+ )?(?:man|van|car|guy|bloke|person|lad)\b[^.!?]{0,60}\b(?:next to|behind|beside|follows?|following|outside) (?:me|my)\b",
     "stalking or harassment of a known person"),
    # Injuries explained away: a "fall" in inverted commas, walking into a door.
    (r"\b(?:had|has had|having|another|her|his|my) (?:another |a |an )?['\"\u2018](?:fall|accident|trip)['\"\u2019]"
     r"|\bwalked into (?:a|the) door\b",
     "injuries explained away (possible abuse)"),
    (r"\b(?:being|been|is|are|keeps? being|gets?|getting) (?:followed|stalked|harassed|watched|messaged|threatened)\b",
     "ongoing harassment of a known person",
     (r"\b(?:every ?day|daily|every (?:night|morning|week)|always|still|keeps?|again|constantly)\b", _SENTENCE)),
    (r"\b(?:suicid\w*|kill(?:ing)? myself|end(?:ing)? (?:it all|my life|my own life|things)|take my (?:own )?life|"
     r"self[- ]?harm\w*|cut(?:ting)? myself|hurt(?:ing)? myself|wan(?:t|na|ted) to die|better off dead|"
     r"no (?:reason|point) (?:to live|in living|in going on)|(?:don'?t|do not) want to (?:live|be alive|be here|wake up)|"
     r"overdos\w*|taken (?:all |a lot of |loads of )?(?:my |the |some )?(?:pills|tablets)|can'?t go on|end it\b)"
     # Passive suicidal thoughts, said without the words ("they'd be better off without me").
     r"|\b(?:better|fine|happier|easier) (?:off )?without me\b"
     r"|\b(?:don'?t|dont|do not|can'?t|cant|cannot) (?:really |even )?see (?:the|a|any) point (?:in|of|to) "
     r"(?:anything|life|living|going on|carrying on|being here|it all|getting up)\b"
     r"|\bno point (?:in |to )?(?:anything|life|living|carrying on|going on|being here|getting up)\b"
     r"|\bwish (?:i|id|i'd) (?:was|were|had) (?:dead|never been born|not here|gone)\b"
     r"|\bwish i (?:wasn'?t|was not|weren'?t) (?:here|alive|around|born)\b"
     r"|\b(?:don'?t|dont|do not) want to (?:be around|exist|be alive) any ?more\b"
     r"|\ba burden (?:to|on) (?:everyone|my family|them|people)\b",
     "self-harm or suicidal thoughts"),
    (rf"\bolder (?:men|man|lads|boys|males|blokes)\b[^.!?]{{0,80}}(?:{CHILD}|\b(?:girls?|boys?|kids|children|him|her|them)\b)"
     rf"|{CHILD}[^.!?]{{0,80}}\b(?:drugs to (?:sell|carry|run|hold)|running drugs|run drugs|selling drugs|dealing|county lines|go missing|missing from home)",
     "possible exploitation of a child"),
    (r"\b(?:cuckoo(?:ed|ing)?|(?:took|taken|take) over (?:my |his |her |their )?(?:\w+'s )?(?:flat|house|home)\b|using (?:his|her|my) (?:flat|house) to deal)",
     "vulnerable adult being exploited"),
    (r"\b(?:i'?m|i am|i feel|we'?re|we are|we feel|(?:i|we) (?:don'?t|do not|never) feel) (?:not safe|unsafe|safe|in danger)\b",
     # "walking home" or "on the way home" is the journey, not danger at home.
     "afraid for safety now",
     (r"\b(?:(?<!walking )(?<!walk )(?<!way )(?<!getting )(?<!get )(?<!going )(?<!coming )home|house|him|her|them|he|she|partner)\b", _SENTENCE)),
    (r"\bnot safe at home\b", "afraid for safety now"),
    (r"\b(?:help me|please help)\b", "afraid for safety now",
     (r"\b(?:he|she|him|they|abuse|scared)\b", _SENTENCE)),
]
# Cheap checks that must match before the slower child patterns are tried.
_HINTS = {
    "possible sexual abuse or exploitation of a child": re.compile(rf"\b{_SEXUAL}"),
    "possible exploitation of a child": re.compile(
        r"\bolder\b|drugs|dealing|county lines|missing"
    ),
}


def _compiled(pattern: str, reason: str, later=None) -> tuple:
    cue = later and (re.compile(later[0]), later[1])
    return re.compile(pattern), reason, _HINTS.get(reason), cue


CONCERNS = [_compiled(*concern) for concern in CONCERNS]

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


class _Cues:
    """Where cues and line or sentence ends occur in one answer, found once, then bisected."""

    def __init__(self, lower: str):
        self.lower = lower
        self.positions: dict = {}

    def _starts(self, pattern: re.Pattern) -> list[int]:
        found = self.positions.get(pattern)
        if found is None:
            found = self.positions[pattern] = [m.start() for m in pattern.finditer(self.lower)]
        return found

    def follow(self, later, position: int) -> bool:
        """True when the cue starts at or after ``position``, before the line or sentence ends."""
        cue, where = later
        cues, ends = self._starts(cue), self._starts(where)
        i, j = bisect_left(cues, position), bisect_left(ends, position)
        return i < len(cues) and (j == len(ends) or cues[i] < ends[j])


def _denied(lower: str, start: int) -> bool:
    """True when the clause before a match denies it ("I'm not suicidal", "he never hits me")."""
    before = lower[max(0, start - 40) : start]
    parts = _CLAUSE.split(before)
    return bool(_DENIAL.search(parts[-1] + " ")) if parts else False


def disclosed(lower: str, reasons: list[str]) -> None:
    """Append to ``reasons`` the reason of every disclosure found and not denied."""
    cues = _Cues(lower)
    for pattern, reason, hint, later in CONCERNS:
        if reason in reasons or (hint is not None and not hint.search(lower)):
            continue
        for match in pattern.finditer(lower):
            if later and not cues.follow(later, match.end()):
                continue
            if not _denied(lower, match.start()):
                reasons.append(reason)
                break


def urgent(lower: str, reasons) -> bool:
    """True when a reason that can be urgent meets a sign of immediate danger not denied."""
    return any(r in _URGENT_REASONS for r in reasons) and any(
        not _denied(lower, match.start()) for match in _URGENT.finditer(lower)
    )
