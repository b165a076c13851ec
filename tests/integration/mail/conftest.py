"""Mail fixtures: an SMTP server started in this process, and the app set to deliver through it."""
import pytest

from tests import smtp_server


@pytest.fixture
def mailbox():
    """A running aiosmtpd server on a free local port; `.messages` is what it received."""
    with smtp_server.running_mailbox() as box:
        yield box


@pytest.fixture
def smtp_app(app, mailbox):
    """The app delivering to `mailbox` in plain SMTP (no STARTTLS, no login)."""
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=mailbox.port, MAIL_USE_STARTTLS=False, MAIL_TIMEOUT_SECONDS=5)
    return app
