"""Every form field drops characters no page or database should hold, and keeps the rest."""
import pytest

from consult.public.forms import clean_text


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("  Speeding on Main St  ", "Speeding on Main St"),
        ("line one\nline two\tend", "line one\nline two\tend"),
        ("nul\x00byte", "nulbyte"),
        ("escape\x1b[31m", "escape[31m"),
        ("c1\x85control", "c1control"),
        ("non\ufffechar\uffff", "nonchar"),
        ("plane seven\U0007ffff and sixteen\U0010fffe", "plane seven and sixteen"),
        ("emoji 😀 and مرحبا stay", "emoji 😀 and مرحبا stay"),
    ],
)
def test_clean_text(typed, kept):
    assert clean_text(typed) == kept


def test_clean_text_leaves_other_values_alone():
    assert clean_text(None) is None and clean_text(["1"]) == ["1"]


def test_every_request_value_loses_control_and_non_characters_but_keeps_spaces():
    from flask import request

    from consult import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.test_request_context(
        "/?q=a\x00b", method="POST", data={"password": " pass\x1bword ", "note": "line\nnext\U0010ffff"}
    ):
        assert request.args["q"] == "ab"
        assert request.form["password"] == " password "
        assert request.form["note"] == "line\nnext"


@pytest.mark.parametrize("form_path", ["consult.public.forms:TextAnswerForm", "consult.manage.builder_forms:ConsultationForm"])
def test_building_a_form_again_and_again_does_not_pile_up_filters(form_path):
    import importlib

    from consult import create_app

    module, name = form_path.split(":")
    form_class = getattr(importlib.import_module(module), name)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "WTF_CSRF_ENABLED": False})

    class Question:
        required, max_length, options = False, 10, []

    def filters_on_first_field():
        form = form_class(Question()) if module.endswith("public.forms") else form_class()
        first = next(iter(form))
        return len(first.filters)

    with app.test_request_context():
        assert filters_on_first_field() == filters_on_first_field() == filters_on_first_field()


@pytest.mark.parametrize(
    "header",
    [None, "", "session=abc.def", "a=1; b=two; a=3", 'quoted="x y"; empty=', "ünï=cödé; plain=1"],
)
def test_request_cookies_are_werkzeugs(header):
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    from consult.cleaning import CleanRequest

    environ = EnvironBuilder(headers={"Cookie": header} if header is not None else {}).get_environ()
    environ.update({"HTTP_X_OTHER": "x", "HTTP_COOKIE2": "z=9"} if header else {})
    ours, werkzeugs = CleanRequest(environ).cookies, Request(environ).cookies
    assert list(ours.items(multi=True)) == list(werkzeugs.items(multi=True))
    assert type(ours) is type(werkzeugs)


def test_the_quick_check_for_plain_text_removes_exactly_what_the_pattern_removes():
    from consult.cleaning import _UNWANTED, remove_unwanted

    samples = [chr(code) for code in range(0x3000)] + ["\ufdd0", "\ufffe", "\U0001fffe", "\U0010ffff", "🚗"]
    samples += ["plain words ~!", "tab\there", "a\x7fb", "x" * 90 + "\x00", "café\x85", "\u202eRTL"]
    for text in samples:
        assert remove_unwanted(text) == _UNWANTED.sub("", text), repr(text)


FORM_BODIES = [
    b"csrf_token=abc.def&answer=12&website=",
    b"answer=7&answer=9&answer=&empty",
    b"text=Boy+racers+%26+bikes%21+%F0%9F%9A%97&name=%C3%A9",
    b"bad=%ZZ%&also=%FF%FE&ctl=a%00b%1Bc%0Anext",
    b"",
    b"raw=caf\xc3\xa9",
    b"undecodable=\xff\xfe",
]


@pytest.mark.parametrize("body", FORM_BODIES)
def test_a_browser_form_is_read_exactly_as_werkzeug_reads_it(body):
    import io

    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    from consult import create_app
    from consult.cleaning import CleanMultiDict, CleanRequest

    class WerkzeugRequest(Request):
        parameter_storage_class = CleanMultiDict

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    environ = EnvironBuilder(method="POST", data=body, content_type="application/x-www-form-urlencoded").get_environ()
    environ["wsgi.input_terminated"] = True  # as gunicorn says
    with app.app_context():
        theirs = WerkzeugRequest({**environ, "wsgi.input": io.BytesIO(body)})
        ours = CleanRequest({**environ, "wsgi.input": io.BytesIO(body)})
        assert list(ours.form.items(multi=True)) == list(theirs.form.items(multi=True))
        assert type(ours.form) is CleanMultiDict and not ours.files and ours.get_data() == theirs.get_data() == b""


def test_a_form_over_the_size_limit_is_refused_unread_and_a_short_one_as_a_bad_request():
    import io

    from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

    from consult import create_app
    from consult.cleaning import CleanRequest

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "MAX_CONTENT_LENGTH": 100})

    def request(body, length):
        stream = io.BytesIO(body)
        environ = {"REQUEST_METHOD": "POST", "CONTENT_TYPE": "application/x-www-form-urlencoded",
                   "CONTENT_LENGTH": str(length), "wsgi.input": stream, "wsgi.input_terminated": True}
        return CleanRequest(environ), stream

    with app.app_context():
        ok, _ = request(b"a=" + b"x" * 98, 100)
        assert ok.form["a"] == "x" * 98
        large, stream = request(b"a=" + b"x" * 99, 101)
        with pytest.raises(RequestEntityTooLarge):
            large.form
        assert stream.tell() == 0
        short, _ = request(b"a=1", 10)
        with pytest.raises(BadRequest):
            short.form


def test_other_bodies_still_go_through_werkzeug(client):
    from flask import request

    app = client.application
    with app.test_request_context("/", method="POST", data={"note": "a\x00b", "file": (__import__("io").BytesIO(b"x"), "f.txt")}):
        assert request.mimetype == "multipart/form-data"
        assert request.form["note"] == "ab" and request.files["file"].filename == "f.txt"
    with app.test_request_context("/", method="POST", data=b"answer=1", content_type="application/x-www-form-urlencoded; charset=utf-8"):
        assert request.form["answer"] == "1"
