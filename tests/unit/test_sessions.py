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


def test_vary_names_cookie_once_when_the_session_was_read_or_set():
    app = make("first key " * 4)

    @app.get("/vary-set")
    def vary_set():
        session.get("drafts")
        return "read", {"Vary": "Origin, cookie"}

    def vary(response):
        return [name.strip().lower() for name in response.headers.get("Vary", "").split(",") if name.strip()]

    client = app.test_client()
    first = client.get("/set")  # sets the cookie
    assert first.headers.getlist("Set-Cookie") and vary(first) == ["accept-encoding", "cookie"]
    read = client.get("/get")  # reads it, sets nothing
    assert "Set-Cookie" not in read.headers and vary(read) == ["accept-encoding", "cookie"]
    assert vary(client.get("/vary-set")).count("cookie") == 1


def test_a_cleared_session_deletes_the_cookie():
    app = make("first key " * 4)

    @app.get("/clear")
    def clear():
        session.clear()
        return "cleared"

    client = app.test_client()
    client.get("/set")
    response = client.get("/clear")
    assert "session=;" in response.headers["Set-Cookie"] and "Cookie" in response.headers["Vary"]
    assert client.get("/get").get_data(as_text=True) == "None"
