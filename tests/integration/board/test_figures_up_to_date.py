"""No recount of everything inside a board request: seeding leaves the counts fresh, and counts
marked stale wholesale (a migration, a bulk change) are rebuilt by ONE background job while the
board says the figures are being brought up to date."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Job, SummaryStale
from consult.services.jobs.dispatch import JobStarter
from consult.services.jobs.runner import run_job
from consult.services.summaries import freshness, tally
from consult.services.summaries.tally import EVERYTHING
from tests.pagecheck import soup

SLUG = "board-test"


def summaries_jobs():
    return db.session.scalars(sa.select(Job).where(Job.kind == "summaries").order_by(Job.id)).all()


@pytest.fixture
def started(monkeypatch):
    """Jobs queued but not run (as with a busy worker): the ids the board asked to start."""
    ids = []
    monkeypatch.setattr(JobStarter, "start", lambda self, job_id, background=True: ids.append(job_id))
    return ids


@pytest.fixture
def no_recount(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the board recounted in the request")

    monkeypatch.setattr(tally, "_recount", refuse)


def mark_everything_stale():
    """What a migration that changes how figures are counted does."""
    db.session.add(SummaryStale(**EVERYTHING))
    db.session.commit()


def test_seeding_leaves_the_counts_fresh_so_the_first_board_view_does_not_recount(runner, client, auth, monkeypatch):
    assert runner.invoke(args=["seed-demo", "--responses", "40"]).exit_code == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SummaryStale)) == 0

    def refuse(*_args, **_kwargs):
        raise AssertionError("the board recounted in the request")

    monkeypatch.setattr(tally, "_recount", refuse)
    auth.login("board")
    page = client.get("/board/community-safety-survey/")
    assert page.status_code == 200
    assert "Figures are being brought up to date" not in page.get_data(as_text=True)
    assert summaries_jobs() == []


def test_stale_counts_show_a_polite_page_and_queue_one_rebuild(board_data, client, auth, started, no_recount):
    mark_everything_stale()
    auth.login("board")
    page = client.get(f"/board/{SLUG}/?area={board_data['builder'].north.id}")
    assert page.status_code == 503
    assert page.headers["Retry-After"] == str(freshness.RETRY_AFTER)
    html = soup(page)
    assert html.h1.get_text(strip=True) == "Figures are being brought up to date"
    again = html.find("a", string="check again now")
    assert again["href"] == f"/board/{SLUG}/?area={board_data['builder'].north.id}"
    assert html.find("meta", attrs={"http-equiv": "refresh"})["content"] == str(freshness.RETRY_AFTER)
    jobs = summaries_jobs()
    assert [job.status for job in jobs] == ["queued"] and started == [jobs[0].id]

    # Every board page waits, and none queues a second rebuild while the first is waiting.
    for path in ("", "overview", "matrix", "trend", "themes/road-safety"):
        assert client.get(f"/board/{SLUG}/{path}").status_code == 503
    assert len(summaries_jobs()) == 1 and len(started) == 1


def test_no_second_rebuild_while_one_is_running_and_figures_wait_for_it_to_finish(board_data, client, auth, started):
    auth.login("board")
    mark_everything_stale()
    assert client.get(f"/board/{SLUG}/").status_code == 503
    job = summaries_jobs()[0]
    # Running: the rebuild cleared the marks first, but half-done figures are not shown either.
    db.session.execute(sa.update(Job).where(Job.id == job.id).values(status="running"))
    db.session.execute(sa.delete(SummaryStale))
    db.session.commit()
    assert client.get(f"/board/{SLUG}/matrix").status_code == 503
    assert len(summaries_jobs()) == 1 and len(started) == 1


def test_once_the_rebuild_has_run_the_figures_are_shown(board_data, client, auth, started):
    auth.login("board")
    mark_everything_stale()
    assert client.get(f"/board/{SLUG}/").status_code == 503
    assert run_job(started[0])
    page = client.get(f"/board/{SLUG}/")
    assert page.status_code == 200
    assert "Respondents" in page.get_data(as_text=True)
    assert [job.status for job in summaries_jobs()] == ["done"]


def test_a_few_stale_cells_are_still_recounted_in_the_request_without_a_job(board_data, client, auth, started):
    auth.login("board")
    assert client.get(f"/board/{SLUG}/").status_code == 200
    assert summaries_jobs() == [] and started == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SummaryStale)) == 0


def test_when_testing_the_rebuild_runs_at_once_and_the_page_shows_figures(board_data, client, auth):
    auth.login("board")
    mark_everything_stale()
    assert client.get(f"/board/{SLUG}/").status_code == 200
    assert [job.status for job in summaries_jobs()] == ["done"]


def test_the_api_answers_503_json_and_shares_the_one_rebuild(board_data, client, auth, started):
    mark_everything_stale()
    auth.login("board")
    for path in ("summary", "overview", "matrix", "trend", "themes/road-safety"):
        response = client.get(f"/api/v1/summaries/{SLUG}/{path}")
        assert response.status_code == 503, path
        assert response.headers["Retry-After"] == str(freshness.RETRY_AFTER)
        assert response.get_json()["retry_after_seconds"] == freshness.RETRY_AFTER
    assert client.get(f"/board/{SLUG}/").status_code == 503
    assert len(summaries_jobs()) == 1 and len(started) == 1

    run_job(summaries_jobs()[0].id)
    response = client.get(f"/api/v1/summaries/{SLUG}/matrix")
    assert response.status_code == 200 and response.get_json()["themes"]
