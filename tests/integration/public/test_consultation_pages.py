"""The list of consultations and a consultation's start, closed and unknown pages."""
from datetime import timedelta

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Consultation, utcnow
from tests.pagecheck import soup


def test_home_lists_open_consultations_with_closing_dates(client, demo):
    page = soup(client.get("/"))
    titles = [a.get_text() for a in page.select(".consultation-list h3 a")]
    assert titles == ["Community safety survey"]
    assert "Closes at" in page.select_one(".consultation-list .meta").get_text()


def test_closed_and_draft_consultations_are_not_listed(client, demo):
    demo.status = "draft"
    db.session.commit()
    page = soup(client.get("/"))
    assert not page.select(".consultation-list")
    assert "no open consultations" in page.get_text()


def test_consultation_page_explains_purpose_time_use_and_privacy_then_starts(client, demo):
    page = soup(client.get("/c/community-safety-survey"))
    text = page.get_text(" ")
    assert page.h1.get_text() == "Community safety survey"
    for heading in ("Why we are asking", "How your answers are used", "Your privacy"):
        assert heading in text
    assert "about 5 minutes" in text
    start = page.select_one("a.button-start")
    assert start.get_text() == "Start now"
    assert start["href"] == "/c/community-safety-survey/q/1"


def test_closed_consultation_shows_closed_page(client, demo):
    response = client.get("/c/night-time-economy-2026")
    page = soup(response)
    assert response.status_code == 200
    title = db.session.scalar(sa.select(Consultation.title).where(Consultation.slug == "night-time-economy-2026"))
    assert page.h1.get_text() == f"{title}: this consultation has closed"
    assert page.title.get_text().startswith(f"{title}: this consultation has closed")
    assert "This consultation closed on" in page.get_text()
    assert client.get("/c/night-time-economy-2026/q/1").get_data(as_text=True).count(f"{title}: this consultation has closed")


def test_consultation_past_its_closing_time_is_closed_even_if_still_marked_open(client, demo):
    demo.closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    page = soup(client.get("/c/community-safety-survey/q/1"))
    assert page.h1.get_text() == f"{demo.title}: this consultation has closed"


def test_consultation_not_yet_open_says_when_it_opens(client, demo):
    demo.opens_at = utcnow() + timedelta(days=2)
    db.session.commit()
    page = soup(client.get("/c/community-safety-survey"))
    assert page.h1.get_text() == f"{demo.title}: not open yet"
    assert page.title.get_text().startswith(f"{demo.title}: not open yet")
    assert "opens at" in page.get_text()


def test_draft_consultation_is_not_found(client, demo):
    demo.status = "draft"
    db.session.commit()
    assert client.get("/c/community-safety-survey").status_code == 404


def test_unknown_consultation_gets_404_page_in_site_style(client, demo):
    response = client.get("/c/no-such-thing")
    page = soup(response)
    assert response.status_code == 404
    assert page.h1.get_text() == "Page not found"
    assert page.select_one(".site-header")
    assert "999" in page.select_one(".site-footer").get_text()


def test_question_number_out_of_range_is_not_found(client, demo):
    assert client.get("/c/community-safety-survey/q/99").status_code == 404
    assert client.get("/c/community-safety-survey/q/0").status_code == 404
