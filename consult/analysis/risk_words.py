"""Disclosures of risk in answers not written in English: a short Polish word list, and a rule.

The English safeguarding patterns (safeguarding.py) cannot read other languages, so a Polish
answer is checked against the stems below (Polish inflects, so stems match many forms); any
other answer not in English waits in officers' review queue, unread by the analysis. Recall
over precision, as in English: a false alarm costs an officer a minute.
"""
from __future__ import annotations

import re

from .safeguarding import CONCERN, NONE, URGENT, Safeguarding

# (stem, level, reason). Written for Consult; lower-case, matched at the start of a word.
POLISH_RISK_TERMS = (
    ("zabij", URGENT, "threat to life (Polish: zabić)"),
    ("zabiję", URGENT, "threat to life (Polish: zabić)"),
    ("zabić", URGENT, "threat to life (Polish: zabić)"),
    ("samobój", URGENT, "suicidal thoughts (Polish: samobójstwo)"),
    ("nie chcę żyć", URGENT, "suicidal thoughts (Polish: nie chcę żyć)"),
    ("odebrać sobie życie", URGENT, "suicidal thoughts (Polish: odebrać sobie życie)"),
    ("skrzywdzić się", URGENT, "self-harm (Polish: skrzywdzić się)"),
    ("tnę się", URGENT, "self-harm (Polish: tnę się)"),
    # "bije mnie", "mnie bije", "bił", "bijatyka": any form of bić (to hit) is worth a look.
    ("bij", CONCERN, "violence (Polish: bić)"),
    ("bił", CONCERN, "violence (Polish: bić)"),
    ("pobi", CONCERN, "violence (Polish: pobić)"),
    ("grozi mi", CONCERN, "threats against the writer (Polish: grozi mi)"),
    ("grozi nam", CONCERN, "threats against the writer (Polish: grozi nam)"),
    ("boję się", CONCERN, "fear for safety (Polish: boję się)"),
    ("boimy się", CONCERN, "fear for safety (Polish: boimy się)"),
    ("przemoc", CONCERN, "violence or abuse (Polish: przemoc)"),
    ("znęca", CONCERN, "abuse (Polish: znęcać się)"),
    ("gwałt", CONCERN, "sexual violence (Polish: gwałt)"),
    ("molest", CONCERN, "sexual abuse (Polish: molestowanie)"),
    ("wykorzystuj", CONCERN, "abuse or exploitation (Polish: wykorzystywać)"),
    ("śledzi mnie", CONCERN, "stalking (Polish: śledzi mnie)"),
    ("prześladuje", CONCERN, "harassment or stalking (Polish: prześladuje)"),
    ("nóż", CONCERN, "weapon mentioned (Polish: nóż)"),
)
_PATTERNS = tuple((re.compile(r"(?<!\w)" + re.escape(stem)), level, reason) for stem, level, reason in POLISH_RISK_TERMS)


def foreign_risk(text: str, language: str) -> Safeguarding:
    """Safeguarding for an answer in `language` ("pl" or "other") from the Polish terms."""
    if language != "pl":
        return Safeguarding()
    lowered = (text or "").lower()
    found = [(level, reason) for pattern, level, reason in _PATTERNS if pattern.search(lowered)]
    if not found:
        return Safeguarding(NONE)
    level = URGENT if any(level == URGENT for level, _reason in found) else CONCERN
    return Safeguarding(level, tuple(dict.fromkeys(reason for _level, reason in found)))
