"""Where mail goes: MAIL_URL or the MAIL_* settings read into one SmtpSettings, or None."""
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

TRUE = {"1", "true", "yes", "on"}


class MailSettingsError(ValueError):
    """The mail settings cannot be understood; the message says which one (never a password)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    # repr=False: settings printed in a log or traceback never show the password.
    password: str | None = field(repr=False)
    starttls: bool
    ssl: bool
    sender: str
    timeout: float


def _flag(value):
    return str(value).strip().lower() in TRUE


def partnership_name(config):
    return config.get("PARTNERSHIP_NAME") or config.get("SITE_NAME") or "Consult"


def _sender(config, host):
    return config.get("MAIL_FROM") or f"{partnership_name(config)} <no-reply@{host}>"


def smtp_settings(config):
    """The SMTP server to deliver through, from a Flask config, or None when none is configured.

    :raise MailSettingsError: for a MAIL_URL or MAIL_PORT that cannot be used.
    """
    url = config.get("MAIL_URL")
    timeout = float(config.get("MAIL_TIMEOUT_SECONDS") or 10)
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise MailSettingsError("MAIL_URL must look like smtp://user:password@host:587?starttls=1 (or smtps://...)")
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        ssl = parts.scheme == "smtps"
        try:
            port = parts.port or (465 if ssl else 587)
        except ValueError:
            raise MailSettingsError("MAIL_URL has a port that is not a number") from None
        starttls = _flag(query["starttls"]) if "starttls" in query else (not ssl and port == 587)
        return SmtpSettings(
            host=parts.hostname, port=port,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            starttls=starttls, ssl=ssl, sender=_sender(config, parts.hostname), timeout=timeout,
        )
    host = config.get("MAIL_SERVER")
    if not host:
        return None
    ssl = _flag(config.get("MAIL_USE_SSL") or False)
    try:
        port = int(config.get("MAIL_PORT") or (465 if ssl else 587))
    except (TypeError, ValueError):
        raise MailSettingsError("MAIL_PORT must be a number") from None
    starttls = config.get("MAIL_USE_STARTTLS")
    starttls = (not ssl and port == 587) if starttls is None else _flag(starttls)
    return SmtpSettings(
        host=host, port=port, username=config.get("MAIL_USERNAME"), password=config.get("MAIL_PASSWORD"),
        starttls=starttls, ssl=ssl, sender=_sender(config, host), timeout=timeout,
    )


def mail_configured(config):
    """True when messages are delivered rather than kept in the outbox."""
    try:
        return smtp_settings(config) is not None
    except MailSettingsError:
        return True  # configured, wrongly: delivery reports the problem on each message
