"""Learning from officers: the review page counts reviews since training and retrains on request;
a model that scores worse is not switched on, and either way the retrain is audit-logged."""

import pytest
import sqlalchemy as sa

from consult.analysis import store
from consult.extensions import db
from consult.models import AuditEvent
from consult.services.tagging import learning
from consult.services.tagging.review import save_review
from tests.integration.manage.answer_helpers import text_answer, theme
from tests.pagecheck import soup


def scores(macro_f1, recall):
    return {"macro_f1": macro_f1, "none_precision": 0.9, "safeguarding": {"recall": recall}}


def reviewed(officer, text="Lads doing wheelies on scramblers across the rec", slug="antisocial-behaviour"):
    answer = text_answer(text)
    save_review(answer, [theme(slug).id], officer)
    return answer


def test_review_page_counts_reviews_since_training_and_offers_retrain(client, auth):
    officer = auth.login("officer")
    reviewed(officer)
    page = soup(client.get("/manage/review"))
    section = page.select_one("section[aria-labelledby=model-heading]")
    assert "1 review" in section.get_text(" ", strip=True)
    form = section.select_one("form")
    assert form["method"] == "post" and form["action"] == "/manage/review/retrain"
    assert form.select_one("input[name=csrf_token]") is not None
    assert form.select_one("button").get_text(strip=True) == "Retrain"


def test_retrain_switches_on_a_model_that_scores_no_worse(client, auth, own_models, monkeypatch):
    officer = auth.login("officer")
    reviewed(officer)
    monkeypatch.setattr(learning, "retrain_scores", lambda *a, **k: (scores(0.70, 0.95), scores(0.72, 0.95)))
    old = store.current_model().version
    response = client.post("/manage/review/retrain")
    assert response.status_code == 302
    new = store.current_model()
    assert new.version != old and new.version.startswith("local-") and new.details["reviews"] == 1
    assert store.current_version(own_models) == new.version
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "analysis.retrained"))
    assert event.user_id == officer.id and event.detail["before"]["macro_f1"] == 0.70
    page = soup(client.get("/manage/review")).select_one("section[aria-labelledby=model-heading]")
    assert "0 reviews" in page.get_text(" ", strip=True) and "switched on" in page.caption.get_text()


@pytest.mark.parametrize("after", [scores(0.69, 0.95), scores(0.75, 0.90)])
def test_a_model_that_scores_worse_is_not_switched_on(client, auth, own_models, monkeypatch, after):
    officer = auth.login("officer")
    reviewed(officer)
    monkeypatch.setattr(learning, "retrain_scores", lambda *a, **k: (scores(0.70, 0.95), after))
    old = store.current_model().version
    client.post("/manage/review/retrain")
    assert store.current_model().version == old and store.current_version(own_models) == old
    assert db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "analysis.retrain_refused"))


def test_reviews_and_safeguarding_decisions_become_training_rows(app, auth):
    from consult.services.casework.safeguarding import record_action

    officer = auth.login("officer")
    reviewed(officer, "Dealers outside the Spar", "substance-misuse")
    flagged = text_answer("He checks my phone every night and I'm scared to go home", level="concern")
    record_action(flagged, "referred_service", "Passed to the IDVA service", officer)
    rows = {row.text: row for row in learning.reviewed_examples()}
    assert rows["Dealers outside the Spar"].themes == {"substance-misuse"}
    assert rows["Dealers outside the Spar"].themes_known
    decision = rows["He checks my phone every night and I'm scared to go home"]
    assert decision.safeguarding is True and not decision.themes_known


def test_retraining_runs_as_a_job_and_a_second_press_meanwhile_is_refused(client, auth, own_models, monkeypatch):
    from consult.models import Job, utcnow

    officer = auth.login("officer")
    reviewed(officer)
    monkeypatch.setattr(learning, "retrain_scores", lambda *a, **k: (scores(0.70, 0.95), scores(0.72, 0.95)))
    client.post("/manage/review/retrain")
    job = db.session.scalar(sa.select(Job).where(Job.kind == "retrain"))
    assert (job.status, job.created_by_id, job.attempts) == ("done", officer.id, 1)
    db.session.add(Job(kind="retrain", status="running", created_by_id=officer.id, updated_at=utcnow()))
    db.session.commit()
    page = soup(client.get(client.post("/manage/review/retrain").headers["Location"]))
    assert "already being retrained" in page.get_text()
    assert db.session.scalar(sa.select(sa.func.count(Job.id)).where(Job.kind == "retrain")) == 2
