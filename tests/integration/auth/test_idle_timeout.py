"""An officer who does nothing for IDLE_TIMEOUT_MINUTES is signed out and asked to sign in again."""
import time

import sqlalchemy as sa

from consult.extensions import db
from consult.models import AuditEvent


def test_idle_session_is_signed_out(client, auth, app):
    auth.login("officer")
    with client.session_transaction() as session:
        session["seen_at"] = int(time.time()) - app.config["IDLE_TIMEOUT_MINUTES"] * 60 - 5
    response = client.get("/auth/login")
    assert "signed out because you had not done anything" in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "_user_id" not in session
    assert db.session.scalar(sa.select(AuditEvent.action).where(AuditEvent.action == "session.expired"))


def test_active_session_stays_signed_in(client, auth):
    auth.login("officer")
    with client.session_transaction() as session:
        session["seen_at"] = int(time.time()) - 60
    response = client.get("/auth/login")
    assert response.status_code == 302  # already signed in: sent on to their home page
    with client.session_transaction() as session:
        assert session["_user_id"]
        assert session["seen_at"] >= int(time.time()) - 2


def test_timeout_is_read_from_the_environment(monkeypatch):
    from config import DevelopmentConfig

    monkeypatch.setenv("IDLE_TIMEOUT_MINUTES", "45")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    assert DevelopmentConfig().IDLE_TIMEOUT_MINUTES == 45
