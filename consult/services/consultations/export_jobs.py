"""Large exports as background jobs: the file is written by a worker, offered on the job's page,
downloaded by the officer who asked (or an admin) and audit-logged, and deleted after EXPORT_KEEP_HOURS."""
import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from consult.extensions import db
from consult.models import Consultation, Job, Response, utcnow
from consult.services.consultations import exports
from consult.services.jobs.runner import create_job

MIMETYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Progress is stored after this many rows.
ROWS_PER_STEP = 500


class ExportUnavailable(Exception):
    """The file cannot be downloaded: `reason` says why, politely."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def response_count(consultation):
    return db.session.scalar(sa.select(sa.func.count(Response.id)).where(Response.consultation_id == consultation.id))


def needs_job(consultation, threshold):
    """True when the export is large enough to be prepared in the background (threshold 0: always)."""
    return response_count(consultation) >= threshold


def file_name(consultation, file_format, raw):
    return f"{consultation.slug}-responses{'-original-text' if raw else ''}.{file_format}"


def queue_export(consultation, file_format, raw, user):
    """A queued export job of `consultation` for `user`; commits. Returns it."""
    params = {"consultation_id": consultation.id, "format": file_format, "raw": bool(raw)}
    return create_job("export", user, params=params, total=response_count(consultation))


def export_folder():
    folder = Path(current_app.config.get("EXPORT_DIR") or Path(current_app.instance_path) / "exports")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def export_work(job, progress):
    """Write `job`'s export to a file of its own (renamed into place only when whole); returns rows written."""
    consultation = db.session.get(Consultation, job.params["consultation_id"])
    file_format, raw = job.params["format"], job.params["raw"]
    progress.total(response_count(consultation))
    written = 0

    def counted(rows):
        nonlocal written
        for number, row in enumerate(rows):
            if number and number % ROWS_PER_STEP == 0:
                progress(ROWS_PER_STEP)
            written = number
            yield row

    folder = export_folder()
    target = folder / f"job-{job.id}-{secrets.token_hex(8)}.{file_format}"
    handle, partial = tempfile.mkstemp(dir=folder, suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as out:
            rows = counted(exports.export_rows(consultation, raw))
            if file_format == "csv":
                for chunk in exports.csv_chunks(rows):
                    out.write(chunk.encode("utf-8"))
            else:
                exports.write_xlsx(rows, out, exports.column_widths(consultation))
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    job.result_path, job.result_name = str(target), file_name(consultation, file_format, raw)
    job.expires_at = utcnow() + timedelta(hours=current_app.config.get("EXPORT_KEEP_HOURS", 24))
    return written


def may_see(job, user):
    """Only the officer who asked, or an admin, sees an export job; original text only ever an admin."""
    if job.kind != "export":
        return False
    if job.params.get("raw") and user.role != "admin":
        return False
    return user.role == "admin" or job.created_by_id == user.id


def file_for_download(job, user, now=None):
    """(path, download name) of `job`'s file for `user`, audit-logged as today's downloads; commits.

    :raise ExportUnavailable: when the file is not ready, or was deleted after EXPORT_KEEP_HOURS.
    """
    if job.status != "done":
        raise ExportUnavailable("This download is not ready yet.")
    if not job.result_path or (job.expires_at and job.expires_at <= (now or utcnow())) or not Path(job.result_path).exists():
        raise ExportUnavailable("This download has been deleted, as downloads are kept only for a limited time. Ask for the export again.")
    consultation = db.session.get(Consultation, job.params["consultation_id"])
    if consultation is None:
        raise ExportUnavailable("This consultation no longer exists.")
    exports.record_export(consultation, job.params["format"], job.params["raw"], user)
    return job.result_path, job.result_name


def purge_expired_files(now=None):
    """Delete every export file past its time; commits. Returns how many were deleted."""
    now = now or utcnow()
    expired = db.session.scalars(
        sa.select(Job).where(Job.kind == "export", Job.result_path.is_not(None), Job.expires_at <= now)
    ).all()
    for job in expired:
        Path(job.result_path).unlink(missing_ok=True)
        job.result_path = None
    db.session.commit()
    return len(expired)
