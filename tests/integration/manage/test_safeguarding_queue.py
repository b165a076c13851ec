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


def test_each_flag_shows_how_long_it_has_waited(client, auth):
    text_answer("Made-up worry one", level="urgent", age_minutes=3 * 60 + 10)
    text_answer("Made-up worry two", level="concern", age_minutes=2 * 24 * 60 + 30)
    closed = text_answer("Made-up worry three", level="concern", age_minutes=50)
    auth.login("officer")
    client.post(f"/manage/safeguarding/{closed.id}", data={"kind": "no_further_action", "note": "Checked, no risk"})
    waiting = [cell.get_text(strip=True) for cell in soup(client.get("/manage/safeguarding?status=all")).select("td.waiting")]
    assert waiting == ["waiting 3 hours", "waiting 2 days", "Closed"]


def test_recording_an_action_confirms_it(client, auth):
    answer = text_answer("Made-up worry", level="concern")
    auth.login("officer")
    response = client.post(f"/manage/safeguarding/{answer.id}", data={"kind": "acknowledge"}, follow_redirects=True)
    assert f"Action recorded for flag {answer.id}: Acknowledged." in soup(response).select_one(".flash, .notification, [role=status]").get_text()


def test_an_officer_changes_a_flags_level_with_a_reason_kept_in_its_history(client, auth):
    from consult.models import SafeguardingLevelChange

    answer = text_answer("Made-up worry", level="concern", reasons=["fear at home"])
    officer = auth.login("officer")
    response = client.post(f"/manage/safeguarding/{answer.id}/level", data={"level": "urgent", "reason": "Spoke to the school: risk is now"},
                           follow_redirects=True)
    page = soup(response)
    assert f"Flag {answer.id} changed from concern to urgent" in page.get_text()
    history = page.select_one(".action-history").get_text(" ", strip=True)
    assert "Level changed from concern to urgent by Test officer" in history and "Reason: Spoke to the school: risk is now" in history
    db.session.refresh(answer)
    assert answer.safeguarding_level == "urgent"
    change = db.session.scalar(sa.select(SafeguardingLevelChange))
    assert (change.user_id, change.from_level, change.to_level) == (officer.id, "concern", "urgent")
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "safeguarding.level_changed"))
    assert (event.user_id, event.target, event.detail) == (officer.id, f"answer:{answer.id}", {"before": "concern", "after": "urgent"})
    # The urgent flag now comes before an older concern in the queue.
    older = text_answer("Another made-up worry", level="concern", age_minutes=600)
    assert flag_links(soup(client.get("/manage/safeguarding"))) == [f"Flag {answer.id}", f"Flag {older.id}"]


def test_changing_a_level_needs_a_reason_and_another_level(client, auth):
    answer = text_answer("Made-up worry", level="urgent")
    auth.login("officer")
    page = soup(client.post(f"/manage/safeguarding/{answer.id}/level", data={"level": "concern", "reason": " "}))
    assert [(a["href"], a.get_text()) for a in page.select(".error-summary a")] == [("#reason", "Enter why you are changing the level")]
    page = soup(client.post(f"/manage/safeguarding/{answer.id}/level", data={"level": "urgent", "reason": "no change"}))
    assert page.select_one(".error-summary a")["href"] == "#level"
    page = soup(client.post(f"/manage/safeguarding/{answer.id}/level", data={"level": "none", "reason": "not a concern"}))
    assert page.select_one(".error-summary a").get_text() == "Select the level the flag should have"
    db.session.refresh(answer)
    assert answer.safeguarding_level == "urgent"


def test_a_level_set_by_an_officer_survives_re_analysis(client, auth):
    from consult.services.tagging.store import retag

    answer = text_answer("We would like more benches in the park", level="concern")
    auth.login("officer")
    client.post(f"/manage/safeguarding/{answer.id}/level", data={"level": "urgent", "reason": "Known to the team"})
    retag()
    db.session.refresh(answer)
    assert answer.safeguarding_level == "urgent"
