"""Downloading a consultation's responses as CSV (streamed) or XLSX; original text for admins only, logged.
Exports of EXPORT_JOB_THRESHOLD responses or more are prepared as background jobs (manage/jobs.py)."""
import tempfile

from flask import Response, abort, current_app, redirect, request, send_file, stream_with_context, url_for
from flask_login import current_user

from consult.manage import bp
from consult.manage.consultations import consultation_or_404
from consult.services.consultations import export_jobs, exports
from consult.services.jobs.dispatch import starter

MIMETYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@bp.get("/consultations/<slug>/export.<any(csv, xlsx):file_format>")
def export(slug, file_format):
    """Redacted text unless ?raw=1, which only admins may ask for.

    :raise 403: when someone other than an admin asks for the original text.
    """
    consultation = consultation_or_404(slug)
    raw = request.args.get("raw") == "1"
    if raw and current_user.role != "admin":
        abort(403)
    if export_jobs.needs_job(consultation, current_app.config["EXPORT_JOB_THRESHOLD"]):
        job = export_jobs.queue_export(consultation, file_format, raw, current_user)
        starter(current_app).start(job.id, background=not current_app.testing)
        return redirect(url_for("manage.job_progress", job_id=job.id))
    exports.record_export(consultation, file_format, raw, current_user)
    name = f"{consultation.slug}-responses{'-original-text' if raw else ''}.{file_format}"
    if file_format == "csv":
        chunks = exports.csv_chunks(exports.export_rows(consultation, raw))
        response = Response(stream_with_context(chunks), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    else:
        # Write-only openpyxl streams rows to this file; the file, not memory, holds the workbook.
        spool = tempfile.TemporaryFile()
        exports.write_xlsx(exports.export_rows(consultation, raw), spool, exports.column_widths(consultation))
        spool.seek(0)
        response = send_file(spool, mimetype=MIMETYPES["xlsx"], as_attachment=True, download_name=name)
    response.headers["Cache-Control"] = "no-store"
    return response
