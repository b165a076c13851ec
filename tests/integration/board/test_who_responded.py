"""Who responded: respondents by age band and sex against each area's population, suppressed,
with the gaps named in plain words; the equality answers never filter other figures (issue #18)."""
from datetime import datetime

import pytest

from consult.extensions import db
from consult.models import Answer, AreaPopulation, Response
from consult.services.consultations import equality
from tests.integration.board.conftest import Builder


@pytest.fixture
def survey(app, auth):
    """North: 20 respondents, all Female: 3 aged 16 to 24, 6 aged 45 to 54, 11 aged 65 to 74.
    North's population is 1,000 in each age band and sex, so each band is 12.5% of the people.
    The 11 aged 65 to 74 feel "Safe"; the others "Unsafe"."""
    b = Builder()
    consultation = b.consultation("who", "Who survey", datetime(2026, 3, 1), [b.north, b.south])
    equality.add_equality_questions(consultation, auth.user("officer"))
    age = next(q for q in consultation.questions if q.title == equality.AGE_TITLE)
    sex = next(q for q in consultation.questions if q.title == equality.SEX_TITLE)
    option = {(q.title, o.label): o.id for q in (age, sex) for o in q.options}
    for i in range(20):
        band = "16 to 24" if i < 3 else "45 to 54" if i < 9 else "65 to 74"
        response = Response(consultation=consultation, area=b.north, submitted_at=datetime(2026, 3, 10))
        safety = consultation.questions[0].options[0 if band == "65 to 74" else 1]
        response.answers = [
            Answer(question=consultation.questions[0], option_id=safety.id),
            Answer(question=age, option_id=option[(age.title, band)]),
            Answer(question=sex, option_id=option[(sex.title, "Female")]),
        ]
        db.session.add(response)
    for band in equality.AGE_BANDS:
        for s in equality.SEXES:
            db.session.add(AreaPopulation(area_id=b.north.id, age_band=band, sex=s, people=1000))
    db.session.commit()
    return consultation


def test_who_responded_names_gaps_and_suppresses_small_counts(client, auth, survey):
    auth.login("board")
    page = client.get("/board/who/who-responded")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    # 11 of 20 (55%) against 12.5% of the people: more than twice.
    assert "People aged 65 to 74 are over-represented in North." in text
    # 3 reads "fewer than 5"; 6 is hidden too ("not shown"), or 20 - 11 would give 3 away.
    assert "fewer than 5" in text and "not shown" in text
    assert ">3<" not in text and ">6<" not in text
    # 12.5% of 20 is 2.5 expected: "fewer than 5" cannot be called a gap.
    assert "People aged 16 to 24 are" not in text
    # Nobody aged 75 or over (a zero is shown) against 12.5% of the people.
    assert "People aged 75 or over are under-represented in North." in text
    assert "Males are under-represented in North." in text
    assert "has not been entered yet" in text  # South
    assert 'href="/board/who/who-responded"' in text  # the nav link


def test_weighted_shares_are_labelled_and_leave_small_groups_out(client, auth, survey):
    auth.login("board")
    text = client.get("/board/who/who-responded").get_data(as_text=True)
    assert "How safe do you feel? (weighted by age band and sex)" in text
    # Plain: 11 of 20 Safe. Weighted: the 16 to 24 group (3) is left out, and 45 to 54 and 65 to 74
    # count equally (1,000 people each): Safe is 0 and 1 averaged.
    assert "55.0%" in text and "50.0%" in text
    found = client.get("/api/v1/summaries/who/who-responded").get_json()
    safe = next(row for row in found["weighted"][0]["rows"] if row["label"] == "Safe")
    assert safe == {"label": "Safe", "count": 11, "percent": 55.0, "weighted": 50.0}


def test_who_responded_in_the_api_is_suppressed(client, auth, survey):
    auth.login("board")
    found = client.get("/api/v1/summaries/who/who-responded").get_json()
    north = next(area for area in found["areas"] if area["area"] == "North")
    rows = {row["label"]: row for row in north["table"]["rows"]}
    assert rows["People aged 65 to 74"]["count"] == 11
    assert rows["People aged 45 to 54"]["count"] == "not shown"
    assert rows["People aged 16 to 24"]["count"] == "fewer than 5"
    assert "People aged 65 to 74 are over-represented in North." in north["gaps"]


def test_equality_questions_are_not_an_answer_filter(client, auth, survey):
    auth.login("board")
    age = next(q for q in survey.questions if q.title == equality.AGE_TITLE)
    text = client.get("/board/who/matrix").get_data(as_text=True)
    assert equality.AGE_TITLE not in text
    page = client.get(f"/board/who/matrix?option={age.options[0].id}")
    assert "Choose an answer from the list" in page.get_data(as_text=True)
