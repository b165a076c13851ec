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


def test_a_remembered_block_renders_once_per_key_and_afresh_when_not_wanted(env, monkeypatch):
    from flask import current_app

    from consult import templating

    seen = []
    env.globals["note"] = lambda: seen.append(1) or len(seen)
    template = env.from_string("{% call remembered('k', n, when=keep) %}[{{ note() }}]{% endcall %}")
    assert [template.render(n=1, keep=True) for _ in range(3)] == ["[1]", "[1]", "[1]"]
    assert template.render(n=2, keep=True) == "[2]"
    assert template.render(n=1, keep=False) == "[3]"
    monkeypatch.setattr(templating, "FRAGMENTS_KEPT", 2)
    for n in range(3, 8):
        template.render(n=n, keep=True)
    assert len(current_app.extensions["consult.fragments"]) <= 2
