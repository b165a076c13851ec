"""The session cookie is signed as Flask signs it; its serializer is reused only while the keys stay the same."""
from flask import session

from consult import create_app


def make(secret):
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": secret})

    @app.get("/set")
    def set_value():
        session["drafts"] = {"survey": "token"}
        return "set"

    @app.get("/get")
    def get_value():
        return str(session.get("drafts"))

    return app


def test_a_cookie_round_trips_and_the_serializer_is_made_once():
    app = make("first key " * 4)
    client = app.test_client()
    client.get("/set")
    assert client.get("/get").get_data(as_text=True) == "{'survey': 'token'}"
    with app.test_request_context():
        assert app.session_interface.get_signing_serializer(app) is app.session_interface.get_signing_serializer(app)


def test_a_new_secret_key_refuses_old_cookies():
    app = make("first key " * 4)
    client = app.test_client()
    client.get("/set")
    app.secret_key = "second key " * 4
    assert client.get("/get").get_data(as_text=True) == "None"


def test_a_fallback_key_still_reads_old_cookies():
    app = make("first key " * 4)
    client = app.test_client()
    client.get("/set")
    app.config["SECRET_KEY_FALLBACKS"] = ["first key " * 4]
    app.secret_key = "second key " * 4
    assert client.get("/get").get_data(as_text=True) == "{'survey': 'token'}"
