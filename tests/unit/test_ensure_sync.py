"""The app remembers which views and hooks are plain functions; async ones are still wrapped each time."""
import functools

import flask.app

from consult import create_app


def app_counting_checks(monkeypatch):
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "k" * 40})
    checks = []
    real = flask.app.iscoroutinefunction
    monkeypatch.setattr(flask.app, "iscoroutinefunction", lambda func: checks.append(func) or real(func))
    return app, checks


def test_a_plain_function_is_checked_once_and_returned_as_it_is(monkeypatch):
    app, checks = app_counting_checks(monkeypatch)

    def view():
        return "plain"

    assert app.ensure_sync(view) is view
    assert app.ensure_sync(view) is view
    assert checks == [view]


def test_an_async_function_is_wrapped_every_time(monkeypatch):
    app, checks = app_counting_checks(monkeypatch)
    monkeypatch.setattr(app, "async_to_sync", lambda func: ("wrapped", func))

    async def view():
        return "async"

    assert app.ensure_sync(view) == ("wrapped", view)
    assert app.ensure_sync(view) == ("wrapped", view)
    assert checks == [view, view]


def test_unhashable_callables_still_work_and_memory_is_bounded(monkeypatch):
    app, checks = app_counting_checks(monkeypatch)

    class Unhashable:
        __hash__ = None

        def __call__(self):
            return "called"

    odd = Unhashable()
    assert app.ensure_sync(odd) is odd
    app.SYNC_KEPT = 3
    partials = [functools.partial(print, n) for n in range(10)]
    for func in partials:
        assert app.ensure_sync(func) is func
    assert len(app._plain_functions) <= 3


def test_pages_are_served_through_the_remembered_check(client):
    assert client.get("/").status_code == 200
    assert client.application._plain_functions  # the views and hooks it called
