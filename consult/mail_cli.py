"""flask mail: deliver the outbox, escalate unopened urgent flags, send the daily digest (for cron or a systemd timer)."""
import click
from flask import current_app

from consult.services.mail.settings import MailSettingsError, smtp_settings


@click.group("mail")
def mail():
    """Outgoing e-mail."""


@mail.command("deliver")
@click.option("--limit", type=click.IntRange(min=1, max=10000), default=500, show_default=True)
def deliver_command(limit):
    """Send waiting e-mail and retry failed messages (run every minute)."""
    from consult.services.mail.delivery import deliver_due

    try:
        configured = smtp_settings(current_app.config) is not None
    except MailSettingsError as error:
        raise click.ClickException(str(error)) from None
    if not configured:
        click.echo("No mail server is set (MAIL_URL or MAIL_SERVER): messages stay in the outbox at /manage/outbox.")
        return
    sent, failed = deliver_due(limit=limit)
    click.echo(f"Sent {sent:,}, failed {failed:,} (failed messages are tried again later).")
    if failed:
        raise SystemExit(1)


@mail.command("escalate")
def escalate_command():
    """E-mail admins about urgent flags still unopened after FLAG_ESCALATE_HOURS (each flag once)."""
    from consult.services.mail.alerts import escalate_unopened
    from consult.services.mail.delivery import deliver_due

    count = escalate_unopened()
    deliver_due()
    click.echo(f"{count:,} unopened urgent flag{'' if count == 1 else 's'} sent to the admins.")


@mail.command("digest")
def digest_command():
    """E-mail safeguarding officers the counts of new flags since the last digest (run daily)."""
    from consult.services.mail.alerts import send_digest
    from consult.services.mail.delivery import deliver_due

    counts = send_digest()
    deliver_due()
    click.echo(f"Digest queued: {counts['urgent']:,} urgent, {counts['concern']:,} concern.")
