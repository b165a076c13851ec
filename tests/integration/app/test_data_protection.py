"""Receipt codes and erasure, retention purge with a frozen clock, spam kept apart, rate limits."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, AuditEvent, Draft, Response, utcnow
from consult.services.casework.data_protection import purge_expired
from consult.services.survey.receipts import format_receipt_code, normalise_receipt_code
from tests.conftest import make_app
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_thank_you_page_gives_a_receipt_code(client, demo):
    complete_survey(client, demo)
    stored = db.session.scalars(sa.select(Response)).one()
    shown = soup(client.get(f"/c/{SLUG}/done")).select_one(".receipt").get_text()
    assert shown == format_receipt_code(stored.receipt_code)
    assert normalise_receipt_code(shown.lower()) == stored.receipt_code


def test_receipt_codes_are_random_and_unique(client, demo):
    for _ in range(3):
        complete_survey(client, demo)
        client.delete_cookie("session")
    codes = db.session.scalars(sa.select(Response.receipt_code)).all()
    assert len(set(codes)) == len(codes) == 3
    assert all(len(code) == 10 for code in codes)


@pytest.mark.parametrize("typed", ["", "ABCDE", "ABCDE-FGHJK-1", "0OOOO-IIIII"])
def test_impossible_receipt_codes_are_refused(typed):
    assert normalise_receipt_code(typed) is None


def test_officer_erases_a_response_by_its_receipt_code(client, demo, runner):
    complete_survey(client, demo)
    code = format_receipt_code(db.session.scalars(sa.select(Response.receipt_code)).one())
    result = runner.invoke(args=["erase-response", code.lower(), "--yes"])
    assert result.exit_code == 0, result.output
    assert count(Response) == 0 and count(Answer) == 0
    event = db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "response.erased")).one()
    assert event.target == f"consultation:{SLUG}" and code not in str(event.detail)
    assert count(Draft) == 1  # the resident's draft stays, emptied, so a replay cannot resubmit


def test_erasing_an_unknown_code_says_so(runner, demo):
    result = runner.invoke(args=["erase-response", "ABCDE-FGHJK", "--yes"])
    assert result.exit_code == 1 and "No response has the receipt code" in result.output


def _closed_long_ago(consultation, months_ago):
    consultation.status = "closed"
    consultation.closes_at = utcnow() - timedelta(days=int(months_ago * 30.5))
    consultation.retention_months = 24
    db.session.commit()


def test_purge_keeps_everything_within_the_retention_period(client, demo):
    complete_survey(client, demo)
    _closed_long_ago(demo, 23)
    assert purge_expired() == {}
    assert db.session.scalars(sa.select(Answer.text).where(Answer.text.is_not(None))).all()


def test_purge_removes_free_text_and_keeps_totals_after_retention(client, demo, runner):
    complete_survey(client, demo)
    choices_before = count(Answer)
    tags_before = count(AnswerTheme)
    _closed_long_ago(demo, 1)
    frozen = demo.closes_at + timedelta(days=732)
    assert purge_expired(now=frozen - timedelta(seconds=1)) == {}
    assert purge_expired(now=frozen) == {SLUG: 1}
    assert count(Answer) == choices_before and count(AnswerTheme) == tags_before
    assert db.session.scalars(sa.select(Answer).where(Answer.text.is_not(None))).all() == []
    assert db.session.scalars(sa.select(Answer).where(Answer.redacted_text.is_not(None))).all() == []
    assert all(tag.evidence == [] for tag in db.session.scalars(sa.select(AnswerTheme)))
    stored = db.session.scalars(sa.select(Response)).one()
    assert stored.anonymised_at == frozen and stored.receipt_code is None and stored.area.name == "Whitehaven"
    assert purge_expired(now=frozen + timedelta(days=1)) == {}


def test_purge_expired_command_reports_what_it_did(runner, client, demo):
    complete_survey(client, demo)
    assert "No responses are past their retention period." in runner.invoke(args=["purge-expired"]).output
    _closed_long_ago(demo, 25)
    output = runner.invoke(args=["purge-expired"]).output
    assert f"{SLUG}: anonymised 1 response (free text removed, totals kept)." in output


def test_honeypot_submission_is_kept_apart_not_dropped(client, demo):
    complete_survey(client, demo, submit=False)
    assert client.post(f"/c/{SLUG}/check", data={"website": "http://spam.example"}).status_code == 302
    stored = db.session.scalars(sa.select(Response)).one()
    assert stored.suspect_reason == "a field hidden from people was filled in"


def test_too_fast_submission_is_suspect_and_a_normal_one_is_not(database_url, demo):
    strict = make_app(database_url, MIN_COMPLETION_SECONDS=8).test_client()
    complete_survey(strict, demo)
    assert db.session.scalars(sa.select(Response.suspect_reason)).one().startswith("completed in ")
    patient = make_app(database_url, MIN_COMPLETION_SECONDS=8).test_client()
    complete_survey(patient, demo, submit=False)
    draft = db.session.scalars(sa.select(Draft).where(Draft.response_id.is_(None))).one()
    draft.started_at = utcnow() - timedelta(minutes=4)
    db.session.commit()
    patient.post(f"/c/{SLUG}/check")
    reasons = db.session.scalars(sa.select(Response.suspect_reason).order_by(Response.id)).all()
    assert reasons[1] is None


def test_survey_posts_are_rate_limited_with_a_polite_page(database_url, demo):
    limited = make_app(database_url, SURVEY_RATE_LIMIT="3 per minute").test_client()
    statuses = [limited.post(f"/c/{SLUG}/q/1", data={}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    page = limited.post(f"/c/{SLUG}/q/1", data={})
    assert "Too many requests" in page.get_data(as_text=True)
    assert limited.get(f"/c/{SLUG}/q/1").status_code == 200


def test_submissions_are_rate_limited_but_reading_check_answers_is_not(database_url, demo):
    limited = make_app(database_url, SUBMIT_RATE_LIMIT="2 per minute").test_client()
    statuses = [limited.post(f"/c/{SLUG}/check").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert [limited.get(f"/c/{SLUG}/check").status_code for _ in range(3)] == [302, 302, 302]


def test_login_posts_are_rate_limited_per_address(database_url, demo):
    limited = make_app(database_url, LOGIN_RATE_LIMIT="2 per minute").test_client()
    data = {"email": "nobody@example.org", "password": "not the right password"}
    statuses = [limited.post("/auth/login", data=data).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert limited.get("/auth/login").status_code == 200
