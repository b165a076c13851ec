"""Consult: a community consultation and survey platform. create_app() builds the Flask app."""
import hashlib
import logging
from pathlib import Path

from flask import Flask, jsonify, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from config import BASE_DIR, config_from_environment
from consult import converters, security
from consult.cleaning import CleanRequest
from consult.extensions import csrf, db, limiter, migrate

log = logging.getLogger(__name__)
API_PREFIX = "/api/"


def create_app(config=None):
    """Build the app. `config` is a config object or a dict of overrides (for tests)."""
    app = Flask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(BASE_DIR / "instance"),
    )
    app.request_class = CleanRequest
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
    from consult.services.jobs import dispatch
    from consult.services.tagging import learning

    dispatch.init_app(app)
    learning.load_model(app)  # the partnership's model, trained from the shipped corpus if none is stored
    warm_up()  # before any request thread can race to load the lexicons
    return app


def register_extensions(app):
    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    from consult import i18n

    i18n.init_app(app)
    from consult.services.mail import delivery

    delivery.init_app(app)
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
    from consult.account import bp as account_bp

    app.register_blueprint(account_bp)


# Residents see these pages too: lazy texts, translated when a page is shown.
ERROR_PAGES = {
    400: (_l("There was a problem with your request"), _l("Please go back and try again.")),
    403: (_l("You do not have permission to see this page"), _l("If you think you should, contact the partnership.")),
    404: (_l("Page not found"), _l("If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.")),
    405: (_l("That action is not allowed here"), _l("Please go back and try again.")),
    429: (_l("Too many requests"), _l("You have sent a lot of answers in a short time. Please wait a minute and try again: nothing you saved is lost.")),
    413: (_l("Your answer is too long to send"), _l("Please shorten it and try again. Nothing you saved before has been lost.")),
    500: (_l("Sorry, there is a problem with the service"), _l("Try again later. Answers you saved before are kept.")),
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
        if request.path.startswith(API_PREFIX):
            # A wrong method or address under the API matches no API route, so the API's own
            # JSON handlers never see it: a program still gets JSON.
            return jsonify({"error": getattr(error, "name", "Error"), "message": str(heading)}), code
        reference = security.request_id() if code == 500 else None
        return render_template("errors/error.html", heading=heading, advice=advice, code=code, reference=reference), code

    for code in ERROR_PAGES:
        app.register_error_handler(code, render_error)

    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        # Every form posts back to the page that showed it: that page, opened again, carries a fresh token.
        return (
            render_template(
                "errors/error.html",
                heading=_("Your session timed out"),
                advice=_("For your security, the page you sent had expired. Open it again and send it again: answers you saved before are kept."),
                code=400,
                back_url=request.full_path if request.query_string else request.path,
            ),
            400,
        )


def register_security_headers(app):
    security.init_app(app)


def register_template_helpers(app):
    from consult import formatting
    from consult.i18n import language_name
    from consult.services.survey import translated

    app.jinja_env.filters["date"] = formatting.long_date
    app.jinja_env.filters["datetime"] = formatting.long_datetime
    app.jinja_env.filters["waited"] = formatting.time_waited
    app.jinja_env.filters["ordinal"] = formatting.ordinal
    app.jinja_env.filters["plain"] = translated.plain
    app.jinja_env.filters["language_name"] = language_name
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    # A file's content hash, read once per file, versions its URL so browsers may cache it for a year.
    versions = {}

    def _static_url(filename):
        """A static file's URL carrying a hash of its content."""
        if filename not in versions:
            versions[filename] = hashlib.sha256((Path(app.static_folder) / filename).read_bytes()).hexdigest()[:10]
        return url_for("static", filename=filename, v=versions[filename])

    app.jinja_env.globals.update(site_name=app.config["SITE_NAME"], static_url=_static_url)


def register_commands(app):
    from consult.cli import register

    register(app)
