"""Every form field drops characters no page or database should hold, and keeps the rest."""
import pytest

from consult.cleaning import clean_text


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


@pytest.mark.parametrize("form_path", ["consult.answer_forms:TextAnswerForm", "consult.manage.builder_forms:ConsultationForm"])
def test_building_a_form_again_and_again_does_not_pile_up_filters(form_path):
    import importlib

    from consult import create_app

    module, name = form_path.split(":")
    form_class = getattr(importlib.import_module(module), name)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "WTF_CSRF_ENABLED": False})

    class Question:
        required, max_length, options = False, 10, []

    def filters_on_first_field():
        form = form_class(Question()) if module.endswith("answer_forms") else form_class()
        first = next(iter(form))
        return len(first.filters)

    with app.test_request_context():
        assert filters_on_first_field() == filters_on_first_field() == filters_on_first_field()
