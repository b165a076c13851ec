"""Large exports as background jobs (thread mode): progress page, file, access, audit, expiry."""
import csv
import io
import threading
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent, Job, utcnow
from consult.services.consultations import export_jobs
from consult.services.jobs.dispatch import starter
from tests.integration.jobs.conftest import PHONE_TEXT
from tests.pagecheck import soup

EXPORT = "/manage/consultations/safer-streets/export.csv"


def _audits(action):
    return db.session.scalar(sa.select(sa.func.count(AuditEvent.id)).where(AuditEvent.action == action))


def test_a_large_export_becomes_a_job_whose_file_is_offered_and_logged(answered, client, auth):
    officer = auth.login("officer")
    response = client.get(EXPORT)
    job = db.session.scalar(sa.select(Job))
    assert response.headers["Location"] == f"/manage/jobs/{job.id}"
    assert (job.kind, job.status, job.created_by_id, job.params) == (
        "export", "done", officer.id, {"consultation_id": answered.id, "format": "csv", "raw": False})
    assert _audits("export.redacted") == 0  # logged when the file is downloaded

    page = soup(client.get(response.headers["Location"]))
    assert page.h1.get_text() == "Your download is ready"
    assert page.select_one(".job-progress").get_text(" ", strip=True) == "Exported 3 of 3 responses."
    assert page.select_one('meta[http-equiv="refresh"]') is None
    link = page.select_one(f'a[href="/manage/jobs/{job.id}/file"]')
    assert link.get_text() == "Download safer-streets-responses.csv"

    download = client.get(link["href"])
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert 'filename=safer-streets-responses.csv' in download.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(download.get_data().decode("utf-8-sig"))))
    assert len(rows) == 4 and "07700" not in rows[1][6] and "[phone]" in rows[1][6]
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "export.redacted"))
    assert (event.user_id, event.target, event.detail) == (officer.id, f"consultation:{answered.id}", {"format": "csv"})


def test_small_exports_still_download_at_once(answered, client, auth, app):
    app.config["EXPORT_JOB_THRESHOLD"] = 4
    auth.login("officer")
    assert client.get(EXPORT).status_code == 200
    assert db.session.scalar(sa.select(sa.func.count(Job.id))) == 0


def test_only_the_officer_who_asked_or_an_admin_sees_the_job(answered, client, auth):
    auth.login("officer", "first@example.org")
    job_url = client.get(EXPORT).headers["Location"]
    auth.logout()
    auth.login("officer", "second@example.org")
    assert client.get(job_url).status_code == 404
    assert client.get(job_url + "/file").status_code == 404
    auth.logout()
    auth.login("admin")
    assert client.get(job_url + "/file").status_code == 200


def test_original_text_jobs_are_for_admins_only(answered, client, auth):
    auth.login("admin")
    job_url = client.get(EXPORT + "?raw=1").headers["Location"]
    rows = list(csv.reader(io.StringIO(client.get(job_url + "/file").get_data().decode("utf-8-sig"))))
    assert rows[1][6] == PHONE_TEXT and _audits("export.raw") == 1
    job = db.session.scalar(sa.select(Job))
    job.created_by_id = auth.user("officer").id
    db.session.commit()
    auth.logout()
    auth.login("officer")
    assert client.get(job_url + "/file").status_code == 404


def test_xlsx_exports_run_as_jobs_too(answered, client, auth):
    from openpyxl import load_workbook

    auth.login("officer")
    job_url = client.get(EXPORT.replace(".csv", ".xlsx")).headers["Location"]
    workbook = load_workbook(io.BytesIO(client.get(job_url + "/file").get_data()), read_only=True)
    assert len(list(workbook["Responses"].rows)) == 4


def test_files_are_deleted_after_the_keep_time_and_the_page_says_so(answered, client, auth):
    auth.login("officer")
    job_url = client.get(EXPORT).headers["Location"]
    job = db.session.scalar(sa.select(Job))
    path = Path(job.result_path)
    assert path.exists() and job.expires_at > utcnow() + timedelta(hours=23)
    job.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    gone = client.get(job_url + "/file")
    assert gone.status_code == 410
    assert "kept only for a limited time" in soup(gone).select_one("main p").get_text()
    assert _audits("export.redacted") == 0
    page = soup(client.get(job_url))
    assert not path.exists() and db.session.get(Job, job.id).result_path is None
    assert "has been deleted" in page.select_one(".warning-panel").get_text()


def test_expired_files_are_purged_from_the_command_line(answered, client, auth, runner):
    auth.login("officer")
    client.get(EXPORT)
    job = db.session.scalar(sa.select(Job))
    job.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert "Deleted 1 expired export file." in runner.invoke(args=["jobs", "purge-files"]).output
    assert not Path(db.session.get(Job, job.id).result_path or "/nonexistent").exists()


def test_the_work_runs_in_a_thread_of_the_app_when_no_redis_is_set(answered, app, auth):
    job = export_jobs.queue_export(answered, "csv", False, auth.user("officer"))
    starter(app).start(job.id, background=True)
    for thread in threading.enumerate():
        if thread.name == f"consult-job-{job.id}":
            thread.join(timeout=60)
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert (job.status, job.done, job.attempts) == ("done", 3, 1) and Path(job.result_path).exists()


def test_a_job_lost_with_its_worker_is_started_again(answered, client, auth):
    officer = auth.login("officer")
    job = export_jobs.queue_export(answered, "csv", False, officer)
    # The worker claimed it, wrote part of the file and died: no progress for an hour.
    job.status, job.attempts, job.done, job.updated_at = "running", 1, 1, utcnow() - timedelta(hours=1)
    db.session.commit()
    page = soup(client.get(f"/manage/jobs/{job.id}"))
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert (job.status, job.attempts, job.done) == ("done", 2, 3)
    assert page.h1.get_text() == "Your download is ready"


def test_a_job_that_keeps_failing_stops_with_a_plain_reason(answered, client, auth, monkeypatch):
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise OSError("disk full at /secret/path")

    monkeypatch.setattr(export_jobs.exports, "write_xlsx", broken)
    auth.login("officer")
    job_url = client.get(EXPORT.replace(".csv", ".xlsx")).headers["Location"]
    page = soup(client.get(job_url))
    assert len(calls) == 3
    assert page.h1.get_text() == "Preparing the download stopped"
    assert "Ask for it again" in page.select_one(".warning-panel").get_text() and "secret" not in page.get_text()
    # No half-written file is left behind.
    assert list(Path(client.application.config["EXPORT_DIR"]).glob("*")) == []


def test_job_lost_seconds_sets_how_long_a_stalled_job_waits_before_it_is_claimed_again(app, answered, auth):
    from consult.services.jobs.runner import claim

    job = export_jobs.queue_export(answered, "csv", False, auth.user("officer"))
    job.status, job.attempts, job.updated_at = "running", 1, utcnow() - timedelta(seconds=30)
    db.session.commit()
    assert claim(job.id) is None  # still within the default quarter of an hour
    app.config["JOB_LOST_SECONDS"] = 20
    assert claim(job.id).attempts == 2


def test_jobs_run_queued_runs_every_queued_job_here(answered, runner, auth):
    job = export_jobs.queue_export(answered, "csv", False, auth.user("officer"))
    result = runner.invoke(args=["jobs", "run-queued"])
    assert result.exit_code == 0 and "Ran 1 queued job." in result.output
    db.session.expire_all()
    assert (db.session.get(Job, job.id).status, db.session.get(Job, job.id).attempts) == ("done", 1)
    assert "Ran 0 queued jobs." in runner.invoke(args=["jobs", "run-queued", "--kind", "export"]).output
