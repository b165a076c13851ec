"""Delivering the outbox over SMTP (smtplib and email.message, as shipped), with retries.

After a request that queued messages, a `mail` job (consult/services/jobs) delivers them: on the
RQ worker when REDIS_URL is set, else in a thread of the app's own. `flask mail deliver` (cron)
sends whatever is still due, such as a message waiting out its back-off after a failure.
"""
import logging
import smtplib
import ssl
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import sqlalchemy as sa
from flask import current_app, g

from consult.extensions import db
from consult.models import Job, OutboxMessage, utcnow
from consult.services.jobs.dispatch import starter
from consult.services.jobs.runner import create_job, is_lost
from consult.services.mail.outbox import FORGET_WHEN_SENT
from consult.services.mail.settings import MailSettingsError, smtp_settings

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
# While one sender works on a message, no other takes it.
CLAIM = timedelta(minutes=2)
# How many messages one mail job sends at most; the next job or `flask mail deliver` sends the rest.
JOB_LIMIT = 200


def email_message(message, sender):
    """An OutboxMessage as an EmailMessage: plain text only, so no tracking can hide in it."""
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip(">") or None)
    email["Auto-Submitted"] = "auto-generated"
    for name, value in (message.headers or {}).items():
        email[name] = value
    email.set_content(message.body_text)
    return email


def connect(settings):
    """An SMTP connection ready to send, after STARTTLS and login as set. :raise smtplib.SMTPException, OSError:"""
    context = ssl.create_default_context()
    if settings.ssl:
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        if settings.starttls and not settings.ssl:
            smtp.starttls(context=context)
        if settings.username:
            smtp.login(settings.username, settings.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


def _close(smtp):
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _retry_after(attempts):
    return timedelta(minutes=min(2 ** attempts, 60))


def _claim(message_id, now):
    """True when this sender now holds the message (nobody else is sending it); commits."""
    claimed = db.session.execute(
        sa.update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.sent_at.is_(None),
            sa.or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until <= now),
        )
        .values(claimed_until=now + CLAIM)
    ).rowcount
    db.session.commit()
    return claimed == 1


def _problem(error):
    # The exception's own text: smtplib never puts the password in it.
    return f"{type(error).__name__}: {error}"[:500]


def deliver_due(now=None, limit=100, stop_after_failure=False):
    """Send messages that are waiting and due, over one connection; commits after each.
    Returns (sent, failed).

    Does nothing (0, 0) when no mail server is configured: messages stay in the outbox. With
    `stop_after_failure`, a server that cannot be reached ends the run (a request must not wait
    out the timeout once per message).
    """
    try:
        settings = smtp_settings(current_app.config)
    except MailSettingsError as error:
        log.error("Mail not sent: %s", error)
        return 0, 0
    if settings is None:
        return 0, 0
    now = now or utcnow()
    due = db.session.scalars(
        sa.select(OutboxMessage.id)
        .where(
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.attempts < MAX_ATTEMPTS,
            sa.or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until <= now),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    sent = failed = 0
    smtp = None
    try:
        for message_id in due:
            if not _claim(message_id, now):
                continue
            message = db.session.get(OutboxMessage, message_id)
            message.attempts += 1
            try:
                smtp = smtp or connect(settings)
                smtp.send_message(email_message(message, settings.sender))
            except (smtplib.SMTPException, OSError) as error:
                message.last_error = _problem(error)
                message.claimed_until = utcnow() + _retry_after(message.attempts)
                log.warning("Mail %s not delivered (attempt %s): %s", message.id, message.attempts, message.last_error)
                failed += 1
                db.session.commit()
                # A refused recipient leaves the connection usable; anything else starts a new one.
                if not isinstance(error, smtplib.SMTPRecipientsRefused) and smtp is not None:
                    _close(smtp)
                    smtp = None
                if stop_after_failure and not isinstance(error, smtplib.SMTPRecipientsRefused):
                    break
                continue
            if message.kind in FORGET_WHEN_SENT:
                db.session.delete(message)
            else:
                message.sent_at, message.last_error, message.claimed_until = utcnow(), None, None
            sent += 1
            db.session.commit()
    finally:
        if smtp is not None:
            _close(smtp)
    return sent, failed


def deliver_work(job, progress):
    """The `mail` job's work: send what is due, stopping at a server that cannot be reached (the
    messages wait out their back-off for the next job or cron). Returns how many were sent."""
    sent, failed = deliver_due(limit=JOB_LIMIT, stop_after_failure=True)
    if failed:
        log.warning("Mail job %s: %s message(s) not delivered, kept for a later try", job.id, failed)
    return sent


def waiting_job():
    """A mail job queued and not yet started (nor lost), or None: it will send any message committed by now."""
    job = db.session.scalar(
        sa.select(Job).where(Job.kind == "mail", Job.status == "queued").order_by(Job.id.desc()).limit(1)
    )
    return None if job is None or is_lost(job) else job


def queue_delivery(app, background=True):
    """Start a mail job for the messages just committed, unless one is still waiting to start; commits.
    Returns the job (None when no mail server is set: messages stay in the outbox)."""
    if smtp_settings(app.config) is None:
        return None
    job = waiting_job()
    if job is None:
        job = create_job("mail", None)
        starter(app).start(job.id, background)
    return job


def init_app(app):
    """Queue a `mail` job once the request that queued messages has committed."""

    @app.after_request
    def _deliver_new_mail(response):
        if g.pop("mail_queued", False) and response.status_code < 400:
            try:
                # Whatever the view left uncommitted would be rolled back at teardown anyway;
                # doing it now keeps a half-done change from being committed with the job.
                db.session.rollback()
                # Tests read the mailbox as soon as the request returns: the job runs before it does.
                queue_delivery(app, background=not app.testing)
            except Exception:  # the page has been handled; `flask mail deliver` sends it later
                db.session.rollback()
                log.exception("Queueing mail delivery after the request failed")
        return response
