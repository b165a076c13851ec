"""Mail settings: MAIL_URL or MAIL_* read into one SmtpSettings, and the password never shown."""
import pytest

from consult.services.mail.settings import MailSettingsError, smtp_settings


def test_nothing_configured_means_the_outbox():
    assert smtp_settings({"SITE_NAME": "Test"}) is None


def test_mail_url_gives_host_port_login_and_starttls():
    settings = smtp_settings({"MAIL_URL": "smtp://jo%40example.org:s%3Dcret@mail.example.org:587?starttls=1", "SITE_NAME": "Test CSP"})
    assert (settings.host, settings.port, settings.username, settings.password) == ("mail.example.org", 587, "jo@example.org", "s=cret")
    assert settings.starttls and not settings.ssl
    assert settings.sender == "Test CSP <no-reply@mail.example.org>"
    assert "s=cret" not in repr(settings)


def test_smtps_url_uses_ssl_on_465():
    settings = smtp_settings({"MAIL_URL": "smtps://mail.example.org"})
    assert (settings.port, settings.ssl, settings.starttls) == (465, True, False)


def test_separate_settings_and_mail_from():
    settings = smtp_settings({"MAIL_SERVER": "localhost", "MAIL_PORT": "25", "MAIL_USE_STARTTLS": False, "MAIL_FROM": "CSP <csp@example.org>"})
    assert (settings.host, settings.port, settings.starttls, settings.sender) == ("localhost", 25, False, "CSP <csp@example.org>")


@pytest.mark.parametrize("url", ["http://mail.example.org", "smtp://", "smtp://host:notaport"])
def test_unusable_mail_url_is_refused_with_a_reason(url):
    with pytest.raises(MailSettingsError):
        smtp_settings({"MAIL_URL": url})
