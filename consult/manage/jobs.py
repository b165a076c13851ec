"""Background jobs' pages: an export's (or a rebuild's) progress, and its file when ready."""
from flask import abort, current_app, render_template, send_file
from flask_login import current_user

from consult.extensions import db
from consult.manage import bp
from consult.models import Job
from consult.services.consultations import export_jobs
from consult.services.jobs.dispatch import starter
from consult.services.jobs.runner import is_lost


def _job_or_404(job_id):
    """:raise 404: when there is no such job, or `current_user` may not see it."""
    job = db.session.get(Job, job_id)
    if job is None or not export_jobs.may_see(job, current_user):
        abort(404)
    return job


@bp.get("/jobs/<int:job_id>")
def job_progress(job_id):
    """How far an export has got, read from the database so any server process can show it."""
    job = _job_or_404(job_id)
    export_jobs.purge_expired_files()
    lost = is_lost(job)
    if lost:
        # Its worker died: start it again (or mark it failed when it has used its attempts).
        starter(current_app).restart_lost(background=not current_app.testing)
        db.session.refresh(job)
    return render_template("manage/jobs/progress.html", job=job, lost=lost and not job.finished)


@bp.get("/jobs/<int:job_id>/file")
def job_file(job_id):
    """The export's file, audit-logged; a polite page when it is not ready or was deleted."""
    job = _job_or_404(job_id)
    try:
        path, name = export_jobs.file_for_download(job, current_user)
    except export_jobs.ExportUnavailable as unavailable:
        return render_template("manage/jobs/unavailable.html", job=job, reason=unavailable.reason), 410
    response = send_file(path, mimetype=export_jobs.MIMETYPES[job.params["format"]], as_attachment=True, download_name=name)
    response.headers["Cache-Control"] = "no-store"
    return response
