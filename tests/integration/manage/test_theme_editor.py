"""The theme editor: admins change names, terms and use, add themes, and re-analyse answers."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Job, AuditEvent, Theme, utcnow
from tests.integration.manage.answer_helpers import text_answer
from tests.pagecheck import soup


def test_officers_cannot_edit_themes(client, auth):
    auth.login("officer")
    assert client.get("/manage/themes").status_code == 403
    assert client.post("/manage/themes/reanalyse").status_code == 403


def test_list_fills_the_default_themes(client, auth):
    auth.login("admin")
    page = soup(client.get("/manage/themes"))
    assert len(page.select("tbody tr")) == db.session.scalar(sa.select(sa.func.count(Theme.id))) > 3


def test_editing_a_theme_saves_and_logs_what_changed(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    theme = db.session.scalars(sa.select(Theme).order_by(Theme.position)).first()
    page = soup(client.get(f"/manage/themes/{theme.slug}"))
    assert page.select_one("#name")["value"] == theme.name
    response = client.post(f"/manage/themes/{theme.slug}", data={"name": "Renamed", "description": "", "terms": "alpha\n\n beta \nalpha"})
    assert response.headers["Location"] == "/manage/themes"
    db.session.refresh(theme)
    assert (theme.name, theme.terms, theme.active) == ("Renamed", ["alpha", "beta"], False)
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "theme.updated"))
    assert event.detail == {"changed": ["name", "description", "terms", "active"]}


def test_bad_theme_input_is_explained(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    theme = db.session.scalars(sa.select(Theme)).first()
    page = soup(client.post(f"/manage/themes/{theme.slug}", data={"name": " ", "terms": "x", "active": "y"}))
    assert page.select_one(".error-summary a").get_text() == "Enter a name for the theme"
    page = soup(client.post(f"/manage/themes/{theme.slug}", data={"name": "Fine", "terms": "", "active": "y"}))
    assert page.select_one(".error-summary a").get_text() == "Enter at least one term, or make the theme inactive"


def test_adding_a_theme_checks_the_slug(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    existing = db.session.scalars(sa.select(Theme)).first()
    for slug, message in [("Dog Fouling!", "lower-case letters"), (existing.slug, "already a theme")]:
        page = soup(client.post("/manage/themes/new", data={"slug": slug, "name": "Dog fouling", "terms": "dog mess", "active": "y"}))
        assert message in page.select_one(".error-summary a").get_text()
    response = client.post("/manage/themes/new", data={"slug": "dog-fouling", "name": "Dog fouling", "terms": "dog mess\ndog poo", "active": "y"})
    assert response.headers["Location"] == "/manage/themes"
    added = db.session.scalar(sa.select(Theme).where(Theme.slug == "dog-fouling"))
    assert added.terms == ["dog mess", "dog poo"] and added.active
    assert db.session.scalar(sa.select(AuditEvent.target).where(AuditEvent.action == "theme.created")) == "theme:dog-fouling"


def test_reanalyse_applies_a_new_theme_to_stored_answers(client, auth):
    answer = text_answer("There is dog mess all over the path by the school")
    auth.login("admin")
    client.post("/manage/themes/new", data={"slug": "dog-fouling", "name": "Dog fouling", "terms": "dog mess", "active": "y"})
    response = client.post("/manage/themes/reanalyse")
    job = db.session.scalar(sa.select(Job))
    assert response.headers["Location"] == f"/manage/themes/reanalyse/{job.id}"
    page = soup(client.get(response.headers["Location"]))
    assert page.select_one(".job-progress").get_text(" ", strip=True) == "Re-analysed 1 of 1 answer."
    assert page.h1.get_text() == "Answers re-analysed"
    assert page.select_one('meta[http-equiv="refresh"]') is None
    db.session.refresh(answer)
    assert "dog-fouling" in [tag.theme.slug for tag in answer.themes if tag.source == "auto"]
    assert db.session.scalar(sa.select(AuditEvent.detail).where(AuditEvent.action == "theme.retagged")) == {"answers": 1}


def test_every_term_problem_is_listed_at_once_with_its_line(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    theme = db.session.scalars(sa.select(Theme)).first()
    terms = "litter\nman +\n\nbins (very)\nanti*social\nlads + stare & follow"
    page = soup(client.post(f"/manage/themes/{theme.slug}", data={"name": "", "terms": terms, "active": "y"}))
    assert [(a["href"], a.get_text()) for a in page.select(".error-summary a")] == [
        ("#name", "Enter a name for the theme"),
        ("#terms", "Line 2 (‘man +’): every +, & and / needs words on both sides"),
        ("#terms", "Line 4 (‘bins (very)’): only (strong) or (weak) can go in brackets, at the end of the term"),
        ("#terms", "Line 5 (‘anti*social’): a * can only go at the end of a word, like harass*"),
        ("#terms", "Line 6 (‘lads + stare & follow’): use + (same sentence) or & (anywhere in the answer), not both"),
    ]
    assert "There are 4 problems with the terms" in page.select_one("#terms-error").get_text()
    assert page.select_one("#terms").get_text() == terms
    db.session.refresh(theme)
    assert theme.name != ""


def test_the_term_syntax_is_explained_with_examples(client, auth):
    auth.login("admin")
    page = soup(client.get("/manage/themes/new"))
    examples = [code.get_text() for code in page.select("#term-syntax tbody th code")]
    assert examples == ["fly tipping", "needles/syringes", "harass*", "men/lads + stare/follow", "my partner & hit me",
                        "county lines (strong)", "drinking (weak)"]


def test_a_built_in_theme_with_long_terms_can_be_saved_unchanged(client, auth):
    auth.login("admin")
    client.get("/manage/themes")
    theme = db.session.scalar(sa.select(Theme).where(Theme.slug == "domestic-abuse"))
    data = {"name": theme.name, "description": theme.description, "terms": "\n".join(theme.terms), "active": "y"}
    assert client.post(f"/manage/themes/{theme.slug}", data=data).headers["Location"] == "/manage/themes"


def test_progress_is_read_from_the_database_and_the_page_refreshes_until_done(client, auth):
    admin = auth.login("admin")
    job = Job(kind="retag", status="running", total=3000, done=1200, created_by_id=admin.id, updated_at=utcnow())
    db.session.add(job)
    db.session.commit()
    page = soup(client.get(f"/manage/themes/reanalyse/{job.id}"))
    assert page.select_one(".job-progress").get_text(" ", strip=True) == "Re-analysed 1,200 of 3,000 answers."
    assert page.select_one('meta[http-equiv="refresh"]')["content"] == "3"
    assert page.select_one("progress")["value"] == "1200"
    # While it runs the themes page links to it, and a second press does not start another.
    themes_page = soup(client.get("/manage/themes"))
    assert themes_page.select_one(f'a[href="/manage/themes/reanalyse/{job.id}"]') is not None
    again = client.post("/manage/themes/reanalyse")
    assert again.headers["Location"] == f"/manage/themes/reanalyse/{job.id}"
    assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 1
    assert client.get("/manage/themes/reanalyse/99999").status_code == 404


def test_a_job_lost_with_its_server_says_so_and_can_be_started_again(client, auth):
    from datetime import timedelta

    text_answer("Broken glass in the play park")
    admin = auth.login("admin")
    stale = utcnow() - timedelta(hours=1)
    job = Job(kind="retag", status="running", total=10, done=4, attempts=1, created_by_id=admin.id, updated_at=stale)
    db.session.add(job)
    db.session.commit()
    page = soup(client.get(f"/manage/themes/reanalyse/{job.id}"))
    assert page.h1.get_text() == "Re-analysis stopped" and page.select_one('meta[http-equiv="refresh"]') is None
    response = client.post("/manage/themes/reanalyse")
    assert response.headers["Location"] != f"/manage/themes/reanalyse/{job.id}"
    assert db.session.scalar(sa.select(Job).order_by(Job.id.desc())).status == "done"


def test_a_failed_job_is_tried_again_then_stores_a_plain_problem(app, auth, monkeypatch):
    from consult.services.jobs.dispatch import starter
    from consult.services.tagging import jobs

    text_answer("Broken glass in the play park")
    job, created = jobs.queue_retag(auth.user("admin"))
    assert created and job.total == 1

    calls = []

    def broken(**kwargs):
        calls.append(1)
        raise RuntimeError("database went away")

    monkeypatch.setattr(jobs, "retag", broken)
    starter(app).start(job.id, background=False)
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert len(calls) == job.attempts == 3
    assert job.status == "failed" and "Start it again" in job.error and "database" not in job.error


def test_queued_jobs_run_from_the_command_line(app, runner, auth):
    from consult.services.tagging import jobs

    text_answer("Broken glass in the play park")
    job, _ = jobs.queue_retag(auth.user("admin"))
    result = runner.invoke(args=["analysis", "run-jobs"])
    assert "Ran 1 queued re-analysis job." in result.output
    db.session.expire_all()
    assert (db.session.get(Job, job.id).status, db.session.get(Job, job.id).done) == ("done", 1)


def test_the_button_returns_at_once_and_the_work_runs_in_a_thread_after_the_commit(client, auth, app, monkeypatch):
    import threading

    from consult.services.jobs.dispatch import starter

    answer = text_answer("There is dog mess all over the path by the school")
    auth.login("admin")
    client.post("/manage/themes/new", data={"slug": "dog-fouling", "name": "Dog fouling", "terms": "dog mess", "active": "y"})
    started = []
    monkeypatch.setattr(starter(app), "start", lambda job_id, background=True: started.append(job_id))
    response = client.post("/manage/themes/reanalyse")
    job = db.session.scalar(sa.select(Job))
    assert started == [job.id] and job.status == "queued"
    page = soup(client.get(response.headers["Location"]))
    assert page.select_one(".job-progress").get_text(" ", strip=True) == "Waiting to start: 1 answer to re-analyse."
    assert page.select_one('meta[http-equiv="refresh"]') is not None
    # The thread the button starts, waited for here: it finds the job committed and stores its end.
    monkeypatch.undo()
    starter(app).start(job.id, background=True)
    for thread in threading.enumerate():
        if thread.name == f"consult-job-{job.id}":
            thread.join(timeout=60)
    db.session.expire_all()
    assert (db.session.get(Job, job.id).status, db.session.get(Job, job.id).done) == ("done", 1)
    db.session.refresh(answer)
    assert "dog-fouling" in [tag.theme.slug for tag in answer.themes if tag.source == "auto"]
