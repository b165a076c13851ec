"""Templates read the environment's globals directly (consult/templating.py), without letting
globals meant for one template reach the others."""
import pytest

from consult import create_app


@pytest.fixture
def env():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "templating test key " * 2})
    with app.test_request_context():
        yield app.jinja_env


def test_a_global_added_after_a_template_was_rendered_is_seen_by_it(env):
    template = env.from_string("{{ greeting | default('none') }}")
    assert template.render() == "none"
    env.globals["greeting"] = "hello"
    assert template.render() == "hello"
    assert env.get_template("components/help.html").globals["greeting"] == "hello"


def test_globals_given_for_one_template_stay_with_it(env):
    before = dict(env.globals)
    own = env.from_string("{{ only_here }}", globals={"only_here": "mine"})
    assert own.render() == "mine"
    assert env.from_string("{{ only_here | default('absent') }}").render() == "absent"
    assert env.globals == before


def test_fetching_a_loaded_template_with_globals_is_refused_not_leaked(env):
    env.get_template("components/help.html")
    before = dict(env.globals)
    with pytest.raises(TypeError, match="no per-template globals"):
        env.get_template("components/help.html", globals={"leak": 1})
    with pytest.raises(TypeError, match="no per-template globals"):
        env.select_template(["components/help.html"], globals={"leak": 1})
    assert env.globals == before


def test_pages_render_with_macros_imported_and_leave_the_globals_as_they_were(env):
    before = dict(env.globals)
    page = env.get_template("components/forms.html").module
    assert 'class="button"' in str(page.button("Continue"))
    assert env.globals == before


@pytest.fixture
def pages(env):
    from jinja2 import ChoiceLoader, DictLoader

    env.loader = ChoiceLoader([DictLoader({
        "kept.html": "<p>{{ note() }} {{ n }}</p><input value=\"{{ csrf_token() }}\">",
        "macro.html": "{% macro token() %}{{ csrf_token() }}{% endmacro %}",
        "through_macro.html": "{% import 'macro.html' as m %}<p>{{ note() }}</p><input value=\"{{ m.token() }}\">",
    }), env.loader])
    seen = []
    env.globals["note"] = lambda: seen.append(1) or len(seen)
    return seen


def test_a_kept_page_renders_once_per_key_with_each_requests_own_token(env, pages, monkeypatch):
    from flask import current_app, session

    from consult import templating
    from consult.csrf_tokens import generate_csrf

    own = generate_csrf()
    assert [templating.render_kept(("k", 1), "kept.html", n=1) for _ in range(3)] == [f'<p>1 1</p><input value="{own}">'] * 3
    assert templating.render_kept(("k", 2), "kept.html", n=2) == f'<p>2 2</p><input value="{own}">'
    with current_app.app_context(), current_app.test_request_context():  # another visitor: the same page, their own token
        other = generate_csrf()
        assert other != own and "csrf_token" in session
        assert templating.render_kept(("k", 1), "kept.html", n=1) == f'<p>1 1</p><input value="{other}">'
    assert len(pages) == 2
    monkeypatch.setattr(templating, "PAGES_KEPT", 2)
    for n in range(3, 8):
        templating.render_kept(("k", n), "kept.html", n=n)
    assert len(current_app.extensions["consult.pages"]) <= 2


def test_a_page_that_reaches_the_token_another_way_is_never_kept(env, pages):
    from flask import current_app

    from consult import templating
    from consult.csrf_tokens import generate_csrf

    own = generate_csrf()
    assert templating.render_kept("m", "through_macro.html").endswith(f'<input value="{own}">')
    with current_app.app_context(), current_app.test_request_context():
        other = generate_csrf()
        assert templating.render_kept("m", "through_macro.html").endswith(f'<input value="{other}">')
    assert "m" not in current_app.extensions.get("consult.pages", {})
