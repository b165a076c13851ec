"""Administrators' outbox: e-mail waiting, failed or sent, and one message as it will read."""
from flask import abort, current_app, render_template

from consult.access import role_required
from consult.extensions import db
from consult.manage import bp
from consult.models import OutboxMessage
from consult.services.mail import outbox
from consult.services.mail.settings import mail_configured


@bp.get("/outbox")
@role_required("admin")
def outbox_list():
    return render_template(
        "manage/outbox/index.html", messages=outbox.recent(), configured=mail_configured(current_app.config),
        kind_label=outbox.kind_label,
    )


@bp.get("/outbox/<int:message_id>")
@role_required("admin")
def outbox_message(message_id):
    """:raise 404: when there is no such message (or it was delivered and deleted)."""
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        abort(404)
    return render_template("manage/outbox/show.html", message=message, kind_label=outbox.kind_label)
