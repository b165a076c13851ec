"""The safeguarding queue: urgent first then oldest, original text for officers, actions, a count on every page."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent, SafeguardingAction
from tests.integration.manage.answer_helpers import text_answer
from tests.pagecheck import soup


def flag_links(page):
    return [link.get_text() for link in page.select("tbody a")]


def test_urgent_flags_come_first_then_the_oldest(client, auth):
    concern_old = text_answer("Made-up worry one", level="concern", reasons=["fear at home"], age_minutes=300)
    urgent_new = text_answer("Made-up worry two", level="urgent", reasons=["immediate danger"], age_minutes=5)
    urgent_old = text_answer("Made-up worry three", level="urgent", reasons=["immediate danger"], age_minutes=60)
    text_answer("Nothing to worry about here", level="none")
    auth.login("officer")
    page = soup(client.get("/manage/safeguarding"))
    assert flag_links(page) == [f"Flag {urgent_old.id}", f"Flag {urgent_new.id}", f"Flag {concern_old.id}"]


def test_queue_shows_redacted_text_and_the_flag_page_the_original_logged(client, auth):
    answer = text_answer("My neighbour Sam Jones scares me", redacted="My neighbour [name] scares me", level="concern", reasons=["fear of a named person"])
    officer = auth.login("officer")
    listing = client.get("/manage/safeguarding").get_data(as_text=True)
    assert "[name]" in listing and "Sam Jones" not in listing
    assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id)).where(AuditEvent.action.like("safeguarding%"))) == 0
    detail = client.get(f"/manage/safeguarding/{answer.id}").get_data(as_text=True)
    assert "Sam Jones" in detail and "fear of a named person" in detail
    logged = db.session.execute(sa.select(AuditEvent.action, AuditEvent.user_id, AuditEvent.target).where(AuditEvent.action.not_in(["login", "user.created"]))).all()
    assert sorted(logged) == [("answer.raw_viewed", officer.id, f"answer:{answer.id}"), ("safeguarding.viewed", officer.id, f"answer:{answer.id}")]


def test_unflagged_answers_have_no_flag_page(client, auth):
    answer = text_answer("A calm answer")
    auth.login("officer")
    assert client.get(f"/manage/safeguarding/{answer.id}").status_code == 404


def test_acknowledge_then_refer_closes_the_flag(client, auth):
    answer = text_answer("Made-up worry", level="urgent", reasons=["immediate danger"])
    auth.login("officer")
    assert client.post(f"/manage/safeguarding/{answer.id}", data={"kind": "acknowledge"}).status_code == 302
    page = soup(client.get("/manage/safeguarding?status=acknowledged"))
    assert flag_links(page) == [f"Flag {answer.id}"]
    client.post(f"/manage/safeguarding/{answer.id}", data={"kind": "referred_police", "note": "Reported on 101, ref 123"})
    assert flag_links(soup(client.get("/manage/safeguarding"))) == []
    assert flag_links(soup(client.get("/manage/safeguarding?status=closed"))) == [f"Flag {answer.id}"]
    kinds = db.session.scalars(sa.select(SafeguardingAction.kind).order_by(SafeguardingAction.id)).all()
    assert kinds == ["acknowledge", "referred_police"]
    assert db.session.scalars(sa.select(AuditEvent.detail).where(AuditEvent.action == "safeguarding.action")).all() == [
        {"kind": "acknowledge"}, {"kind": "referred_police"}]


def test_closing_without_a_note_is_refused_politely(client, auth):
    answer = text_answer("Made-up worry", level="concern")
    auth.login("officer")
    page = soup(client.post(f"/manage/safeguarding/{answer.id}", data={"kind": "no_further_action", "note": " "}))
    assert page.select_one(".error-summary a").get_text() == "Enter a note saying what was done, for the record"
    page = soup(client.post(f"/manage/safeguarding/{answer.id}", data={"kind": "made-up"}))
    assert page.select_one(".error-summary a").get_text() == "Select what you did"
    assert db.session.scalar(sa.select(sa.func.count(SafeguardingAction.id))) == 0


def test_open_flag_count_is_on_every_officer_page(client, auth):
    text_answer("Made-up worry one", level="urgent")
    second = text_answer("Made-up worry two", level="concern")
    auth.login("admin")
    for path in ["/manage/users", "/manage/safeguarding"]:
        badge = soup(client.get(path)).select_one(".count-badge")
        assert badge.get_text(" ", strip=True).startswith("2 ")
    client.post(f"/manage/safeguarding/{second.id}", data={"kind": "acknowledge"})
    assert soup(client.get("/manage/users")).select_one(".count-badge").get_text(" ", strip=True).startswith("1 ")
