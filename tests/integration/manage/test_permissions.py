"""Each role sees only what it should: /manage is for officers and admins, raw text never reaches others."""
import pytest
from flask.testing import FlaskClient
from werkzeug.routing.converters import AnyConverter, IntegerConverter

from tests.conftest import AuthActions
from tests.integration.manage.answer_helpers import consultation, text_answer

RAW = "Raw-only-marker Zebedee Quorn"
REDACTED = "Redacted text only [name]"


def manage_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("manage.")]


def fill(rule, answer):
    """A URL for `rule` with every argument filled from the test data."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, IntegerConverter):
            values[name] = answer.id
        elif isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0] if hasattr(converter, "items") else "open"
        else:
            values[name] = answer.response.consultation.slug
    return rule.build(values, append_unknown=False)[1]


@pytest.fixture
def flagged(app):
    return text_answer(RAW, of=consultation(), redacted=REDACTED, level="urgent", reasons=["made-up reason"])


@pytest.mark.parametrize("role", ["board", "partner"])
def test_board_and_partner_get_403_on_every_officer_page(app, flagged, role):
    client = FlaskClient(app, use_cookies=True)
    AuthActions(client).login(role)
    for rule in manage_rules(app):
        url = fill(rule, flagged)
        for method in sorted(rule.methods & {"GET", "POST"}):
            response = client.open(url, method=method)
            assert response.status_code == 403, f"{method} {url} gave {response.status_code}"


def test_anonymous_visitors_are_sent_to_sign_in(app, flagged):
    client = FlaskClient(app, use_cookies=True)
    for rule in manage_rules(app):
        url = fill(rule, flagged)
        for method in sorted(rule.methods & {"GET", "POST"}):
            response = client.open(url, method=method)
            assert response.status_code == 302, f"{method} {url}"
            assert response.headers["Location"].startswith("/auth/login?next=/manage"), url


@pytest.mark.parametrize("role", ["board", "partner"])
def test_raw_text_never_reaches_board_or_partner(app, flagged, role):
    client = FlaskClient(app, use_cookies=True)
    AuthActions(client).login(role)
    fetched = 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static" or rule.endpoint == "auth.set_password":
            continue
        body = client.get(fill(rule, flagged)).get_data(as_text=True)
        fetched += 1
        assert RAW not in body, f"{rule.rule} shows raw text to a {role} user"
    assert fetched > 10


def test_officers_do_see_the_original_on_the_flag_page(client, auth, flagged):
    auth.login("officer")
    assert RAW in client.get(f"/manage/safeguarding/{flagged.id}").get_data(as_text=True)


def nav_labels(client):
    from tests.pagecheck import soup

    return [link.get_text(" ", strip=True).split(" ")[0] for link in soup(client.get("/manage/safeguarding")).select(".manage-nav-list a")]


def test_admins_see_every_section_in_the_navigation(client, auth):
    auth.login("admin")
    assert nav_labels(client) == ["Consultations", "Review", "Safeguarding", "Suspect", "Delete", "Areas", "Themes", "Users", "Settings", "Audit", "Outbox", "Board"]


def test_officers_see_only_their_sections_in_the_navigation(client, auth):
    auth.login("officer")
    assert nav_labels(client) == ["Consultations", "Review", "Safeguarding", "Suspect", "Delete", "Areas", "Board"]
