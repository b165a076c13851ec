"""Consult: a community consultation and survey platform. create_app() builds the Flask app."""
import hashlib
import logging
from pathlib import Path

from flask import Flask, render_template, request, url_for
from flask_wtf.csrf import CSRFError

from config import BASE_DIR, config_from_environment
from consult import converters, security
from consult.cleaning import CleanRequest
from consult.extensions import csrf, db, limiter, migrate
from consult.security import SECURITY_HEADERS  # noqa: F401  (re-exported for tests)
from consult.sessions import SessionInterface
from consult.templating import TemplateEnvironment
from consult.urls import page_url

log = logging.getLogger(__name__)


class ConsultFlask(Flask):
    """Flask, remembering which functions are plain (not async) functions.

    Flask asks `inspect` whether every view, before- and after-request function and template
    context processor is a coroutine function, each time it calls one: about 0.4 µs each, eight
    or more times a page. Consult registers these once, so the answer is kept (bounded, in case
    something hands Flask a new callable on every request).
    """

    SYNC_KEPT = 1_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._plain_functions = set()

    def ensure_sync(self, func):
        try:
            if func in self._plain_functions:
                return func
        except TypeError:  # unhashable
            return super().ensure_sync(func)
        synced = super().ensure_sync(func)
        if synced is func:
            if len(self._plain_functions) >= self.SYNC_KEPT:
                self._plain_functions.clear()
            self._plain_functions.add(func)
        return synced


def create_app(config=None):
    """Build the app. `config` is a config object or a dict of overrides (for tests)."""
    app = ConsultFlask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(BASE_DIR / "instance"),
    )
    app.request_class = CleanRequest
    app.jinja_environment = TemplateEnvironment  # before anything builds app.jinja_env
    app.session_interface = SessionInterface()
    converters.init_app(app)  # before the blueprints: their rules read the converters
    if isinstance(config, dict):
        app.config.from_object(config_from_environment())
        app.config.update(config)
    else:
        app.config.from_object(config or config_from_environment())
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_template_helpers(app)
    register_commands(app)
    from consult.analysis import warm_up
    from consult.services.learning import load_model

    load_model(app)  # the partnership's model, trained from the shipped corpus if none is stored
    warm_up()  # before any request thread can race to load the lexicons
    return app


def register_extensions(app):
    from consult import compression

    compression.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    if app.config.get("TRUSTED_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        proxies = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        with app.app_context():
            _tune_sqlite(db.engine)


def _tune_sqlite(engine):
    """WAL lets readers and one writer share the file; foreign keys are off by default in SQLite."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def register_blueprints(app):
    from consult.public import bp as public_bp

    app.register_blueprint(public_bp)
    from consult import auth

    auth.init_app(app)
    from consult.manage import bp as manage_bp

    app.register_blueprint(manage_bp)
    from consult.board import bp as board_bp

    app.register_blueprint(board_bp)
    from consult.api import bp as api_bp

    app.register_blueprint(api_bp)


ERROR_PAGES = {
    400: ("There was a problem with your request", "Please go back and try again."),
    403: ("You do not have permission to see this page", "If you think you should, contact the partnership."),
    404: ("Page not found", "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address."),
    405: ("That action is not allowed here", "Please go back and try again."),
    429: ("Too many requests", "You have sent a lot of answers in a short time. Please wait a minute and try again: nothing you saved is lost."),
    413: ("Your answer is too long to send", "Please shorten it and try again. Nothing you saved before has been lost."),
    500: ("Sorry, there is a problem with the service", "Try again later. Answers you saved before are kept."),
}


def register_errorhandlers(app):
    def render_error(error):
        code = getattr(error, "code", 500) or 500
        if code not in ERROR_PAGES:
            code = 500
        if code == 500:
            original = getattr(error, "original_exception", None) or error
            log.error("Unexpected error on %s %s", request.method, request.url_rule or "unknown route", exc_info=original)
        heading, advice = ERROR_PAGES[code]
        reference = security.request_id() if code == 500 else None
        return render_template("errors/error.html", heading=heading, advice=advice, code=code, reference=reference), code

    for code in ERROR_PAGES:
        app.register_error_handler(code, render_error)

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return (
            render_template(
                "errors/error.html",
                heading="Your session timed out",
                advice="For your security, the page you sent had expired. Go back, reload the page and send it again: answers you saved before are kept.",
                code=400,
            ),
            400,
        )


def register_security_headers(app):
    security.init_app(app)


def register_template_helpers(app):
    from consult import formatting

    app.jinja_env.filters["date"] = formatting.long_date
    app.jinja_env.filters["datetime"] = formatting.long_datetime
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    # The stylesheet's URL is the same on every page of a deployment, so it is built once per
    # script root (the prefix the site is mounted under), as are the layout's links (page_url).
    static_urls = {}

    def _static_url(filename):
        """A static file's URL carrying a hash of its content, so browsers may cache it for a year."""
        key = (request.script_root, filename)
        if key not in static_urls:
            version = hashlib.sha256((Path(app.static_folder) / filename).read_bytes()).hexdigest()[:10]
            static_urls[key] = url_for("static", filename=filename, v=version)
        return static_urls[key]

    app.jinja_env.globals.update(
        site_name=app.config["SITE_NAME"], static_url=_static_url, layout_url=page_url, enumerate=enumerate,
    )


def register_commands(app):
    from consult.cli import register

    register(app)
