"""The offline language detector: Polish and other languages are found; English, however
misspelt or local, stays English; Polish risk words raise a flag."""
import csv
from pathlib import Path

import pytest

from consult.analysis import analyse
from consult.analysis.language import describe, detect
from consult.analysis.risk_words import foreign_risk

SHARED_DEV = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "uk-resident-dev.csv"
SHIPPED_DEV = Path(__file__).resolve().parents[3] / "consult" / "analysis" / "training" / "uk-resident-dev.csv"


@pytest.mark.parametrize("text", [
    "Boją się wychodzić wieczorem, na ulicy jest niebezpiecznie",
    "Za dużo samochodów pod szkołą",
    "policja nic nie robi",
    "Młodzież pije alkohol w parku każdej nocy i jest bardzo głośno",
])
def test_polish_is_polish(text):
    assert detect(text) == "pl"


@pytest.mark.parametrize("text", [
    "Я боюся виходити ввечері",
    "أخاف من الخروج في الليل",
    "Nu mă simt în siguranță noaptea pe stradă",
    "Il y a trop de voitures et la police ne fait rien",
    "Hier gibt es zu viele Autos und die Polizei macht nichts dagegen",
])
def test_other_languages_are_not_english(text):
    assert detect(text) == "other"


@pytest.mark.parametrize("text", [
    "cars goin 50 past the school on the a6 in shap",
    "nowt done about the lads on quads up the ginnel",
    "ASB CA15 Maryport",
    "Muggings at knifepoint",
    "lol",
    "Łukasz from the shop on Main Street was robbed again, the police never came",
    "speeding",
    "",
])
def test_short_local_or_misspelt_english_stays_english(text):
    assert detect(text) == "en"


def test_the_residents_choice_of_polish_tips_only_a_close_call():
    close_call = "Parking na chodniku przy school"
    assert detect(close_call, hint="pl") == "pl"
    assert detect("Parking on the pavement by the school", hint="pl") == "en"


@pytest.mark.parametrize("path", [SHARED_DEV, SHIPPED_DEV], ids=["shared", "shipped"])
def test_under_one_percent_of_resident_dev_answers_are_judged_not_english(path):
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    with open(path, encoding="utf-8") as rows:
        texts = [row["text"] for row in csv.DictReader(rows)]
    judged = [text for text in texts if detect(text) != "en"]
    assert len(judged) / len(texts) < 0.01, judged


@pytest.mark.parametrize("text, level", [
    ("Mąż mnie bije i grozi mi, boję się wracać do domu", "concern"),
    ("Sąsiad powiedział, że mnie zabije", "urgent"),
    ("Myślę o samobójstwie", "urgent"),
    ("W domu jest przemoc", "concern"),
])
def test_polish_risk_words_raise_a_flag(text, level):
    assert foreign_risk(text, "pl").level == level
    assert foreign_risk(text, "pl").reasons


def test_a_polish_answer_without_risk_words_is_not_flagged():
    assert foreign_risk("Za dużo samochodów pod szkołą", "pl").level == "none"


def test_an_answer_not_in_english_gets_no_themes_or_tone_but_is_redacted_and_checked():
    result = analyse("Mąż mnie bije. Zadzwoń do mnie 07700 900123", hint="pl")
    assert result.language == "pl" and result.themes == () and result.sentiment == 0.0 and not result.undecided
    assert "07700" not in result.redacted
    assert result.safeguarding.level == "concern"
    assert analyse("Boy racers speed down our street every night").language == "en"


def test_languages_are_named_for_officers():
    assert describe("pl") == "Polish" and describe("other") == "another language"
