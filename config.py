"""Settings read from the environment: one class per way of running Consult."""
import os
import re
import secrets
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("CONSULT_INSTANCE", BASE_DIR / "instance"))


def _database_url():
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{INSTANCE_DIR / 'consult.db'}"
    # Heroku-style URLs say postgres://, which SQLAlchemy 2 no longer accepts.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return url


def _local_secret_key():
    """A random key kept in instance/, so development sessions survive a restart."""
    path = INSTANCE_DIR / "secret_key"
    INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when several workers start at once, exactly one writes the key and all read it.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):
            key = path.read_text().strip()
            if key:
                return key
            time.sleep(0.01)  # another worker created the file and is writing the key now
        raise RuntimeError(f"{path} is empty: delete it and start again") from None
    with os.fdopen(descriptor, "w") as file:
        file.write(secrets.token_hex(32))
    return path.read_text().strip()


def _int_env(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise RuntimeError(f"{name} must be a whole number, not {value!r}") from None


def _languages(value):
    """LANGUAGES="en,pl,cy" as a tuple with English first; None when unset."""
    if not value or not value.strip():
        return None
    codes = [code.strip() for code in value.split(",") if code.strip()]
    for code in codes:
        if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", code):
            raise RuntimeError(f"LANGUAGES must list language codes such as en,pl,cy, not {code!r}")
    return ("en", *[code for code in dict.fromkeys(codes) if code != "en"])


class Config:
    # Which of the classes below is running, for what only development may do (demo accounts).
    CONSULT_ENV = None
    SITE_NAME = os.environ.get("SITE_NAME", "West Cumberland Community Safety Partnership")
    SQLALCHEMY_DATABASE_URI = None  # set in __init__ so the environment is read at start-up
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Sign and send the cookie only when the session changed (a new draft, a sign-in, the idle
    # clock), not on every page: signing it was a noticeable share of a survey page's work.
    SESSION_REFRESH_EACH_REQUEST = False
    # Each page carries a fresh token, so this is how long one page may stay open before it is
    # sent; the error page then leads back to the page, with the answers saved before kept.
    WTF_CSRF_TIME_LIMIT = 4 * 3600
    MAX_CONTENT_LENGTH = 256 * 1024
    DRAFT_TTL_HOURS = 24
    # "Save and come back later": how long a saved draft and its resume code are kept.
    SAVED_DRAFT_DAYS = 30
    # Board summaries: counts under this are shown as "fewer than N" (issue 5).
    SUPPRESSION_THRESHOLD = 5
    # Staff are signed out after this long without a request.
    IDLE_TIMEOUT_MINUTES = 30
    SESSION_MAX_HOURS = 12  # a staff session ends this long after signing in, however busy
    TESTING = False
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    # Generous for a family sharing one home connection, tight enough to slow a script down.
    SURVEY_RATE_LIMIT = "120 per minute;1500 per hour"
    SUBMIT_RATE_LIMIT = "10 per minute;100 per hour"
    # Entering a resume code: tight, as each try is a guess at someone's code.
    RESUME_RATE_LIMIT = "5 per minute;30 per hour"
    # Per address, on top of the per-account back-off in consult/services/throttle.py.
    LOGIN_RATE_LIMIT = "60 per minute;600 per hour"
    # Per personal API token, across every API route (consult/api/__init__.py).
    API_TOKEN_RATE_LIMIT = "60 per minute;1000 per hour"
    MIN_COMPLETION_SECONDS = 8
    TRUSTED_PROXIES = 0
    # Outgoing e-mail (consult/services/mail/): MAIL_URL, or the separate MAIL_* settings. With
    # neither, messages wait in the outbox an admin reads at /manage/outbox.
    MAIL_URL = None
    MAIL_SERVER = None
    MAIL_PORT = None
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_USE_STARTTLS = None
    MAIL_USE_SSL = False
    MAIL_FROM = None
    MAIL_TIMEOUT_SECONDS = 10
    # The name every e-mail signs with; SITE_NAME when unset.
    PARTNERSHIP_NAME = None
    # The address in links sent by e-mail and on posters; the request's host when unset.
    PUBLIC_BASE_URL = None
    # An urgent flag nobody has opened after this long is sent again, to the admins.
    FLAG_ESCALATE_HOURS = 4
    # Background jobs go through RQ at this Redis when set, else run in the app's own threads.
    REDIS_URL = None
    # Exports of this many responses or more are prepared in the background and offered as a file,
    # kept this many hours.
    EXPORT_JOB_THRESHOLD = 5000
    EXPORT_KEEP_HOURS = 24
    EXPORT_DIR = None
    # Languages residents may choose (consult/i18n.py), English first; each needs a catalogue in
    # translations/ (docs/translations.md). Staff pages are in English.
    LANGUAGES = ("en", "pl")
    TRANSLATIONS_DIR = BASE_DIR / "translations"
    # A queued or running job whose progress stands still this long was lost with its worker.
    JOB_LOST_SECONDS = 15 * 60

    def __init__(self):
        self.SQLALCHEMY_DATABASE_URI = _database_url()
        self.DRAFT_TTL_HOURS = _int_env("DRAFT_TTL_HOURS", self.DRAFT_TTL_HOURS)
        self.SAVED_DRAFT_DAYS = _int_env("SAVED_DRAFT_DAYS", self.SAVED_DRAFT_DAYS)
        self.SUPPRESSION_THRESHOLD = _int_env("SUPPRESSION_THRESHOLD", self.SUPPRESSION_THRESHOLD)
        if self.SUPPRESSION_THRESHOLD < 2:
            raise RuntimeError("SUPPRESSION_THRESHOLD must be 2 or more: a count of 1 points to one person")
        self.IDLE_TIMEOUT_MINUTES = _int_env("IDLE_TIMEOUT_MINUTES", self.IDLE_TIMEOUT_MINUTES)
        self.SESSION_MAX_HOURS = _int_env("SESSION_MAX_HOURS", self.SESSION_MAX_HOURS)
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
        self.LANGUAGES = _languages(os.environ.get("LANGUAGES")) or self.LANGUAGES
        self.REDIS_URL = os.environ.get("REDIS_URL", "").strip() or None
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "memory://"
        self.EXPORT_JOB_THRESHOLD = _int_env("EXPORT_JOB_THRESHOLD", self.EXPORT_JOB_THRESHOLD)
        self.EXPORT_KEEP_HOURS = _int_env("EXPORT_KEEP_HOURS", self.EXPORT_KEEP_HOURS)
        self.JOB_LOST_SECONDS = _int_env("JOB_LOST_SECONDS", self.JOB_LOST_SECONDS)
        self.EXPORT_DIR = os.environ.get("EXPORT_DIR", "").strip() or str(INSTANCE_DIR / "exports")
        self.RATELIMIT_ENABLED = os.environ.get("RATELIMIT_ENABLED", "true").lower() != "false"
        self.SURVEY_RATE_LIMIT = os.environ.get("SURVEY_RATE_LIMIT", self.SURVEY_RATE_LIMIT)
        self.SUBMIT_RATE_LIMIT = os.environ.get("SUBMIT_RATE_LIMIT", self.SUBMIT_RATE_LIMIT)
        self.RESUME_RATE_LIMIT = os.environ.get("RESUME_RATE_LIMIT", self.RESUME_RATE_LIMIT)
        self.LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", self.LOGIN_RATE_LIMIT)
        self.API_TOKEN_RATE_LIMIT = os.environ.get("API_TOKEN_RATE_LIMIT", self.API_TOKEN_RATE_LIMIT)
        self.MIN_COMPLETION_SECONDS = _int_env("MIN_COMPLETION_SECONDS", self.MIN_COMPLETION_SECONDS)
        # How many reverse proxies set X-Forwarded-For in front of the app (0: none).
        self.TRUSTED_PROXIES = _int_env("TRUSTED_PROXIES", self.TRUSTED_PROXIES)
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI)
        # Where trained analysis models are kept (consult/services/learning.py).
        self.ANALYSIS_MODEL_DIR = os.environ.get("ANALYSIS_MODEL_DIR") or str(INSTANCE_DIR / "analysis-models")
        for name in ("MAIL_URL", "MAIL_SERVER", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_FROM", "PARTNERSHIP_NAME", "PUBLIC_BASE_URL"):
            setattr(self, name, os.environ.get(name, "").strip() or None)
        self.MAIL_PORT = _int_env("MAIL_PORT", None)
        self.MAIL_TIMEOUT_SECONDS = _int_env("MAIL_TIMEOUT_SECONDS", self.MAIL_TIMEOUT_SECONDS)
        self.FLAG_ESCALATE_HOURS = _int_env("FLAG_ESCALATE_HOURS", self.FLAG_ESCALATE_HOURS)
        if os.environ.get("MAIL_USE_STARTTLS", "").strip():
            self.MAIL_USE_STARTTLS = os.environ["MAIL_USE_STARTTLS"].strip().lower() in {"1", "true", "yes", "on"}
        self.MAIL_USE_SSL = os.environ.get("MAIL_USE_SSL", "").strip().lower() in {"1", "true", "yes", "on"}


def engine_options(url):
    # hide_parameters keeps residents' answers out of error messages and logs.
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 15}, "hide_parameters": True}
    return {"pool_pre_ping": True, "hide_parameters": True}


class DevelopmentConfig(Config):
    CONSULT_ENV = "development"


class ProductionConfig(Config):
    CONSULT_ENV = "production"
    SESSION_COOKIE_SECURE = True

    def __init__(self):
        key = os.environ.get("SECRET_KEY", "")
        if len(key) < 32 or key in {"change-me", "dev", "secret"}:
            raise RuntimeError(
                "SECRET_KEY must be set to a random value of at least 32 characters in "
                "production, for example: python -c 'import secrets; print(secrets.token_hex(32))'"
            )
        super().__init__()


class TestingConfig(Config):
    CONSULT_ENV = "testing"
    TESTING = True
    SECRET_KEY = "testing-only-key"
    # Tests answer in milliseconds; the spam tests set their own minimum.
    MIN_COMPLETION_SECONDS = 0

    def __init__(self):
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL") or "sqlite://"
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI)


CONFIGS = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "testing": TestingConfig,
}


def unshared_rate_limits(environ, workers):
    """Why production must not start `workers` processes that each count rate limits alone, or None.

    Without REDIS_URL, Flask-Limiter keeps its counts in each process's memory, so every worker
    would allow the whole limit again. Development keeps the in-memory counts.
    """
    if environ.get("CONSULT_ENV", "development").strip().lower() != "production" or workers <= 1:
        return None
    if environ.get("RATELIMIT_ENABLED", "true").lower() == "false" or environ.get("REDIS_URL", "").strip():
        return None
    return (
        f"REDIS_URL must be set in production with {workers} workers: without it each worker counts "
        "rate limits on its own and allows the whole limit again. Set REDIS_URL=redis://HOST:6379/0 "
        "(a Redis server the workers share), or run one worker with WEB_CONCURRENCY=1."
    )


def config_from_environment():
    name = os.environ.get("CONSULT_ENV", "development").strip().lower()
    if name not in CONFIGS:
        raise RuntimeError(f"CONSULT_ENV must be one of {', '.join(CONFIGS)}, not {name!r}")
    return CONFIGS[name]()
