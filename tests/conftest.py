"""Shared fixtures: an app on a migrated test database, a client that checks every page, demo data."""
import os
import tempfile

os.environ["CONSULT_ENV"] = "testing"
# The name pytest-xdist gives this test process ("gw0", "gw1", ...) when `make test` runs the
# tests in several processes; each has its own database, model folder and export folder.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
# One analysis model per test process, trained from the shipped corpus by the first app made.
if WORKER or not os.environ.get("ANALYSIS_MODEL_DIR"):
    os.environ["ANALYSIS_MODEL_DIR"] = tempfile.mkdtemp(prefix="consult-test-models-")
EXPORT_DIR = tempfile.mkdtemp(prefix="consult-test-exports-")

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from consult import create_app  # noqa: E402
from consult.extensions import db  # noqa: E402
from tests.pagecheck import CheckingClient  # noqa: E402


def pytest_sessionstart(session):
    """Stop at once, with the fix, when a catalogue was changed but not compiled (make translations)."""
    from config import BASE_DIR

    for source in (BASE_DIR / "translations").glob("*/LC_MESSAGES/messages.po"):
        compiled = source.with_suffix(".mo")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            pytest.exit(f"{compiled} is missing or older than its .po: run `make translations` first", returncode=4)


def _settings(url, **overrides):
    return {"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False, "EXPORT_DIR": EXPORT_DIR, **overrides}


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A database built once by the migrations, as production builds it."""
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    if WORKER and url.startswith("postgresql"):
        url = worker_database(url)
    app = create_app(_settings(url))
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            drop_everything(db.engine)
        upgrade()
        db.engine.dispose()
    return url


def worker_database(url):
    """The URL of this test process's own PostgreSQL database beside `url`'s (made when missing),
    so that processes running tests side by side never empty each other's tables."""
    made = sa.engine.make_url(url)
    own = made.set(database=f"{made.database}_{WORKER}")
    engine = sa.create_engine(made, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            found = connection.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own.database})
            if not found:
                connection.execute(sa.text(f'CREATE DATABASE "{own.database}"'))
    finally:
        engine.dispose()
    return own.render_as_string(hide_password=False)


def drop_everything(engine):
    """A PostgreSQL database with nothing in it, for the migrations to build from the start."""
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))


def empty_tables(engine):
    tables = [table.name for table in db.metadata.sorted_tables]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            quoted = ", ".join(f'"{table}"' for table in tables)
            connection.execute(sa.text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        else:
            connection.execute(sa.text("PRAGMA foreign_keys=OFF"))
            for table in tables:
                connection.execute(sa.text(f'DELETE FROM "{table}"'))
            connection.execute(sa.text("PRAGMA foreign_keys=ON"))


def make_app(database_url, **overrides):
    app = create_app(_settings(database_url, **overrides))
    app.test_client_class = CheckingClient
    return app


@pytest.fixture
def app(database_url):
    app = make_app(database_url)
    with app.app_context():
        yield app
        db.session.remove()
        empty_tables(db.engine)
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def demo(app):
    """The demo partnership: ten areas, the open community safety survey and a closed survey."""
    from consult.models import Consultation
    from consult.services.demo.seed import seed_demo

    seed_demo()
    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == "community-safety-survey"))


class AuthActions:
    """Sign the test client in as a user of a given role (created on first use), and out again."""

    PASSWORD = "a long test password for staff"

    def __init__(self, client):
        self._client = client

    def user(self, role="officer", email=None):
        from consult.services.accounts.users import create_user, find_user

        email = email or f"{role}@example.org"
        return find_user(email) or create_user(email, role, self.PASSWORD, name=f"Test {role}")

    def login(self, role="officer", email=None):
        user = self.user(role, email)
        response = self._client.post("/auth/login", data={"email": user.email, "password": self.PASSWORD})
        assert response.status_code == 302, "signing in failed"
        return user

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def own_models(app, tmp_path, monkeypatch):
    """A model folder of the test's own (a copy of the session's) and a small corpus, so
    training is quick and leaves the other tests' model alone."""
    import shutil

    from consult.analysis import store
    from consult.services.tagging import learning

    shutil.copytree(learning.model_folder(app), tmp_path / "models")
    monkeypatch.setitem(app.config, "ANALYSIS_MODEL_DIR", str(tmp_path / "models"))
    corpus = store.load_corpus()
    monkeypatch.setattr(store, "load_corpus", lambda taxonomy=None: corpus[:240])
    before = store.in_use()
    yield tmp_path / "models"
    store.use(before)
