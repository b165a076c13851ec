"""With CSRF protection on (as in production), sign-in and sign-out need the page's token."""
import pytest

from consult.extensions import db
from consult.services.accounts.users import create_user
from tests.conftest import make_app
from tests.pagecheck import soup

PASSWORD = "a long test password for staff"


@pytest.fixture
def csrf_client(app, database_url):
    create_user("officer@example.org", "officer", PASSWORD)
    protected = make_app(database_url, WTF_CSRF_ENABLED=True)
    with protected.app_context():
        yield protected.test_client()
        db.session.remove()


def test_login_without_the_token_is_refused(csrf_client):
    response = csrf_client.post("/auth/login", data={"email": "officer@example.org", "password": PASSWORD})
    assert response.status_code == 400


def test_login_with_the_pages_token_signs_in_and_logout_needs_one_too(csrf_client):
    token = soup(csrf_client.get("/auth/login")).select_one("input[name=csrf_token]")["value"]
    response = csrf_client.post("/auth/login", data={"email": "officer@example.org", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    assert csrf_client.post("/auth/logout").status_code == 400
