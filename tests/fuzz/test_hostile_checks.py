"""The checks the fuzz tests rely on fail when they should: they are no use if they cannot."""
import pytest

from tests.fuzz.hostile import assert_no_injected_markup, is_neutral_cell

PAGE = '<!doctype html><html><head><script src="/static/js/question-form.js?v=1" defer></script></head><body>{}</body></html>'


@pytest.mark.parametrize("injected", [
    "<script>alert(1)</script>",
    '<p title="x"><img src=x onerror=alert(1)></p>',
    '<a href="/" onclick="steal()">Home</a>',
    '<a href=" JavaScript:alert(1)">Home</a>',
    "<script>steal()</script>",
    '<script src="https://evil.example/x.js"></script>',
])
def test_injected_markup_is_caught(injected):
    with pytest.raises(AssertionError):
        assert_no_injected_markup(PAGE.format(injected))


@pytest.mark.parametrize("escaped", [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<input value="&#34;&gt;&lt;img src=x onerror=alert(1)&gt;">',
    "<textarea>&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>",
    '<p title="onclick=alert(1)">text about onload=</p>',
])
def test_escaped_markup_passes(escaped):
    assert_no_injected_markup(PAGE.format(escaped))


@pytest.mark.parametrize("cell, neutral", [
    ("=1+1", False), ("+SUM(1)", False), ("-2+3", False), ("@SUM(1)", False), ("\t=1", False), ("\r=1", False),
    ("'=1+1", True), ("-0.5", True), ("12", True), (-3, True), ("Speeding", True), ("", True), (None, True),
])
def test_cells_that_start_a_formula_are_told_apart(cell, neutral):
    assert is_neutral_cell(cell) is neutral
