"""Languages of the resident pages: which one a request is shown in, and how a resident chooses.

Residents' pages are translated with Flask-Babel from the catalogues in translations/ (see
docs/translations.md for adding a language). A resident picks a language with the links on every
resident page; the choice is kept in their session. Before they choose, the browser's
Accept-Language picks among the languages offered, else English. Staff pages (manage, board,
account, API, sign-in) stay in English whatever the resident's choice, so their text and their
`lang` attribute always agree.
"""
from babel import Locale
from flask import Blueprint, current_app, has_request_context, redirect, request, session, url_for
from flask_babel import Babel, get_locale, refresh

bp = Blueprint("language", __name__)
SESSION_KEY = "lang"
DEFAULT = "en"
# Paths whose pages are written for staff only, in English.
STAFF_PREFIXES = ("/manage", "/board", "/account", "/api", "/auth")


def offered():
    """The language codes residents may choose, the default first (setting LANGUAGES)."""
    return current_app.config["LANGUAGES"]


def is_resident_page():
    return not request.path.startswith(STAFF_PREFIXES)


def select_locale():
    """Flask-Babel's locale selector: the resident's choice, else their browser's, else English
    (also for texts made outside a request: CLI commands and jobs)."""
    if not has_request_context() or not is_resident_page():
        return DEFAULT
    chosen = session.get(SESSION_KEY)
    if chosen in offered():
        return chosen
    return request.accept_languages.best_match(offered()) or DEFAULT


def current_language():
    return str(get_locale() or DEFAULT)


def language_name(code):
    """A language's name in itself ("Polski", "Cymraeg"), as residents look for it."""
    name = Locale.parse(code).get_display_name(code)
    return name[:1].upper() + name[1:]


def html_lang():
    """The page's `lang` attribute: British English for English, else the chosen language."""
    code = current_language()
    return "en-GB" if code == DEFAULT else code


def text_direction():
    """"rtl" for a right-to-left language (Arabic, Urdu, Farsi, Hebrew...), else "ltr"."""
    return Locale.parse(current_language()).text_direction


def language_links():
    """(code, name, url, current) for every offered language, for the switch on resident pages."""
    here = request.full_path.rstrip("?") if request.method == "GET" else request.path
    current = current_language()
    return [
        (code, language_name(code), url_for("language.choose", code=code, next=here), code == current)
        for code in offered()
    ]


@bp.get("/language/<code>")
def choose(code):
    """Keep the resident's choice of language and go back to the page they were on."""
    from consult.auth.views import safe_next

    if code in offered():
        session[SESSION_KEY] = code
    return redirect(safe_next(request.args.get("next")) or url_for("public.index"))


def init_app(app):
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.config["TRANSLATIONS_DIR"]))
    Babel(app, locale_selector=select_locale, default_domain="messages")
    app.register_blueprint(bp)
    # Flask-Babel keeps the locale on `g`; an app context shared by several requests (a test
    # client, a CLI command rendering pages) would otherwise keep the first request's language.
    app.before_request(refresh)
    app.jinja_env.globals.update(
        html_lang=html_lang,
        text_direction=text_direction,
        language_links=language_links,
        is_resident_page=is_resident_page,
    )
