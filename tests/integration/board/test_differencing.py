"""Differencing: no two views a board member or partner may fetch differ by fewer than SUPPRESSION_THRESHOLD people.

The attack from the security review: as a partner (here a board member, who sees open consultations), fetch the overview of one area up to one day
and up to the day before, and subtract each option's counts: the difference was one resident's
answers to every closed question.
"""
import random
from datetime import timedelta

import pytest

from consult.models import utcnow
from consult.services.demo.seed import add_synthetic_responses
from consult.services.summaries.filters import week_end, week_start
from consult.services.survey.submission import store_response

OVERVIEW = "/api/v1/summaries/community-safety-survey/overview"


def _answers(demo, area):
    """A full set of answers (the first option of each choice question) from `area`."""
    values = {}
    for question in demo.questions:
        if question.kind == "area":
            values[str(question.id)] = {"area_id": area.id, "district": None}
        elif question.kind == "multiple":
            values[str(question.id)] = [question.options[-1].id]
        elif question.options:
            values[str(question.id)] = question.options[-1].id
        else:
            values[str(question.id)] = ""
    return values


@pytest.fixture
def lone_resident(app, demo):
    """150 residents over the last month, then one more, alone in their area in a later week."""
    add_synthetic_responses(demo, 150, random.Random(7))
    area = demo.areas[0]
    when = utcnow() + timedelta(days=15)
    store_response(demo, _answers(demo, area), now=when)
    return area, when.date()


def test_the_one_later_resident_cannot_be_isolated_by_dates(client, auth, lone_resident):
    area, day = lone_resident
    auth.login("board")
    before = week_end(week_start(day) - timedelta(days=1))
    pairs = [
        (f"?area={area.id}&to={before}", f"?area={area.id}&to={day}"),
        (f"?area={area.id}&to={before}", f"?area={area.id}"),
        (f"?to={before}", ""),
        (f"?area={area.id}&from={week_start(day)}", ""),
    ]
    for narrow, wide in pairs:
        answers = [client.get(OVERVIEW + query) for query in (narrow, wide)]
        shown = [response for response in answers if response.status_code == 200]
        assert len(shown) < 2, f"both {narrow!r} and {wide!r} were shown: their difference is one resident"
        assert all(response.status_code in (200, 403) for response in answers)


def test_a_withheld_view_says_why_on_the_page_and_in_the_api(client, auth, lone_resident):
    area, day = lone_resident
    auth.login("board")
    before = week_end(week_start(day) - timedelta(days=1))
    api = client.get(f"{OVERVIEW}?area={area.id}&to={before}")
    assert api.status_code == 403 and "too few people" in api.get_json()["message"]
    page = client.get(f"/board/community-safety-survey/?area={area.id}&to={before}")
    assert page.status_code == 200 and "too few people" in page.get_data(as_text=True)
    download = client.get(f"/board/community-safety-survey/download/theme-matrix.csv?area={area.id}&to={before}")
    assert download.mimetype == "text/html"


def test_views_that_differ_by_nobody_or_by_many_are_still_shown(client, auth, lone_resident):
    area, day = lone_resident
    auth.login("board")
    assert client.get(OVERVIEW).status_code == 200
    assert client.get(f"{OVERVIEW}?to={day + timedelta(days=30)}").status_code == 200  # everyone: the same as no dates
    assert client.get(f"{OVERVIEW}?from={week_start(day)}").status_code == 403  # the lone resident alone


def test_dates_are_whole_weeks_so_a_day_apart_is_the_same_view(app):
    from datetime import date

    from consult.services.summaries.filters import parse_filters

    filters, choices = parse_filters({"from": "2026-12-02", "to": "2026-12-02"})
    assert (filters.date_from, filters.date_to) == (date(2026, 11, 30), date(2026, 12, 6))
    assert not choices.errors
    far, _ = parse_filters({"from": "0001-01-01", "to": "9999-12-31"})
    assert (far.date_from, far.date_to) == (date(1, 1, 1), date(9999, 12, 31))


def test_a_lone_imported_response_cannot_be_isolated_by_channel(client, auth, app, demo):
    """The demo's synthetic residents answer on the web or on paper; one response is imported."""
    add_synthetic_responses(demo, 60, random.Random(3))
    store_response(demo, _answers(demo, demo.areas[1]), channel="import")
    auth.login("board")
    everyone = client.get(OVERVIEW)
    imported = client.get(f"{OVERVIEW}?channel=import")
    assert everyone.status_code == 200
    assert imported.status_code == 403
    for channel in ("web", "paper"):
        # Either one is withheld, or both are shown and then the imported one is hidden beside them.
        assert client.get(f"{OVERVIEW}?channel={channel}").status_code in (200, 403)
    shown = [c for c in ("web", "paper") if client.get(f"{OVERVIEW}?channel={c}").status_code == 200]
    assert len(shown) < 2, "web and paper both shown: all minus both is the one imported response"


def test_a_consultation_with_a_few_responses_does_not_hide_anothers_trend(client, auth, app, demo):
    """Found in review: once a second consultation had 3 paper responses, the 3,001-respondent
    survey's trend read "fewer than 5" and every share was blank. A consultation with a few
    respondents is left out of sums across consultations instead."""
    from consult.extensions import db
    from tests.integration.manage.builder_helpers import answers_for, draft_consultation

    add_synthetic_responses(demo, 60, random.Random(11))
    second = draft_consultation("second-survey")
    second.status = "open"
    db.session.commit()
    for key in ("a", "b", "c"):
        store_response(second, answers_for(second), channel="paper", submission_key=key * 20)
    db.session.commit()
    auth.login("board")
    body = client.get("/api/v1/summaries/community-safety-survey/trend").get_json()
    rows = body["by_consultation"]["rows"]
    assert [row["period"] for row in rows] == [demo.title]
    assert rows[0]["respondents"] == 60
    everyone = client.get("/api/v1/summaries/all/overview").get_json()["responses_by_area"]
    assert everyone["rows"][-1][everyone["columns"][1]["key"]] == 60  # the 3 are left out of the sum


def test_an_answer_filter_is_checked_like_the_others(client, auth, lone_resident, demo):
    """"Answered an option" splits respondents in two; subtracting it from the unfiltered view
    must not single out a few people either."""
    auth.login("board")
    question = next(q for q in demo.questions if q.kind in ("single", "scale"))
    for option in question.options:
        response = client.get(f"{OVERVIEW}?option={option.id}")
        assert response.status_code in (200, 403)
        page = client.get(f"/board/community-safety-survey/?option={option.id}")
        assert page.status_code == 200
    rare = min(question.options, key=lambda o: len(o.label))  # any option: the check runs either way
    area, _day = lone_resident
    assert client.get(f"{OVERVIEW}?option={rare.id}&area={area.id}").status_code in (200, 403)
