"""Every route outside a short public list checks the user's role; the guards themselves behave."""
import pytest
from flask import Blueprint

from consult.access import protect_blueprint, role_required, roles_for
from tests.conftest import make_app

# Endpoints anyone may reach: residents' pages, choosing their language, static files, and signing in and out.
PUBLIC_BLUEPRINTS = {"public", "language"}
PUBLIC_ENDPOINTS = {"static", "auth.login", "auth.logout", "auth.set_password"}


def test_every_non_public_route_checks_a_role(app):
    unguarded = []
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rpartition(".")[0]
        if rule.endpoint in PUBLIC_ENDPOINTS or blueprint in PUBLIC_BLUEPRINTS:
            continue
        if not roles_for(app, rule.endpoint):
            unguarded.append(f"{rule.rule} ({rule.endpoint})")
    assert unguarded == [], "routes without a role check: " + ", ".join(unguarded)


@pytest.fixture
def guarded_app(app, database_url):
    """Besides `app` (which empties the tables afterwards), an app with a staff-only blueprint holding one admin-only page, to test the guards alone."""
    guarded = make_app(database_url)
    staff = Blueprint("staff_test", __name__, url_prefix="/staff-test")
    protect_blueprint(staff, "admin", "officer")

    @staff.get("/")
    def index():
        return "staff", 200, {"Content-Type": "text/plain"}

    @staff.get("/admin")
    @role_required("admin")
    def admin_only():
        return "admin", 200, {"Content-Type": "text/plain"}

    guarded.register_blueprint(staff)
    with guarded.app_context():
        yield guarded


def test_roles_for_combines_blueprint_and_view(guarded_app):
    assert roles_for(guarded_app, "staff_test.index") == ("admin", "officer")
    assert roles_for(guarded_app, "staff_test.admin_only") == ("admin",)
    assert roles_for(guarded_app, "public.index") is None


def test_unknown_roles_are_a_programming_error():
    with pytest.raises(ValueError):
        role_required("mayor")


def test_anonymous_users_are_sent_to_sign_in_and_back(guarded_app):
    response = guarded_app.test_client().get("/staff-test/admin?x=1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=/staff-test/admin?x%3D1"


@pytest.mark.parametrize(("role", "index", "admin"), [("admin", 200, 200), ("officer", 200, 403), ("board", 403, 403), ("partner", 403, 403)])
def test_each_role_reaches_only_its_pages(guarded_app, role, index, admin):
    from tests.conftest import AuthActions

    client = guarded_app.test_client()
    AuthActions(client).login(role)
    assert client.get("/staff-test/").status_code == index
    assert client.get("/staff-test/admin").status_code == admin
