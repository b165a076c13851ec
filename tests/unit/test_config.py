"""Settings come from the environment, and production refuses to start without a real secret."""
import pytest

from config import ProductionConfig, _database_url, config_from_environment


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
        ProductionConfig()


@pytest.mark.parametrize("weak", ["change-me", "short", "x" * 31])
def test_production_refuses_a_weak_secret_key(monkeypatch, weak):
    monkeypatch.setenv("SECRET_KEY", weak)
    with pytest.raises(RuntimeError):
        ProductionConfig()


def test_production_accepts_a_long_random_key(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "a" * 16 + "9f8e7d6c5b4a39281706f5e4d3c2b1a0")
    monkeypatch.setenv("DATABASE_URL", "postgres://consult@localhost/consult")
    config = ProductionConfig()
    assert config.SESSION_COOKIE_SECURE is True
    assert config.SQLALCHEMY_DATABASE_URI == "postgresql://consult@localhost/consult"
    assert config.SQLALCHEMY_ENGINE_OPTIONS == {"pool_pre_ping": True, "hide_parameters": True}


def test_sqlite_in_instance_folder_is_the_default(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert _database_url().startswith("sqlite:///") and _database_url().endswith("instance/consult.db")


def test_unknown_environment_name_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("CONSULT_ENV", "staging-ish")
    with pytest.raises(RuntimeError, match="CONSULT_ENV must be one of"):
        config_from_environment()


def test_bad_number_in_environment_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("CONSULT_ENV", "development")
    monkeypatch.setenv("DRAFT_TTL_HOURS", "a day")
    with pytest.raises(RuntimeError, match="DRAFT_TTL_HOURS must be a whole number"):
        config_from_environment()
