"""Editing the partnership's theme taxonomy, and re-analysing stored answers after a change."""
import re

import sqlalchemy as sa

from consult.analysis import TaxonomyError
from consult.analysis.taxonomy import parse_term
from consult.extensions import db
from consult.models import Theme, utcnow
from consult.services.accounts.audit import record
from consult.services.tagging.store import count_text_answers, ensure_default_themes, retag

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_LIMIT = 200
TERMS_LIMIT = 300


class ThemeError(ValueError):
    """A theme that cannot be saved: `field` says which input, the message is for the admin."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


def all_themes():
    """Every theme, active first in taxonomy order; fills an empty table with the defaults."""
    ensure_default_themes()
    db.session.commit()
    return db.session.scalars(sa.select(Theme).order_by(Theme.active.desc(), Theme.position, Theme.name)).all()


def find_theme(slug):
    return db.session.scalar(sa.select(Theme).where(Theme.slug == slug))


def parse_terms(text):
    """The terms from a one-per-line box: stripped, blank lines and repeats dropped.

    :raise ThemeError: naming the first term the tagger cannot read.
    """
    terms = list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))
    if len(terms) > TERMS_LIMIT:
        raise ThemeError("terms", f"A theme can have up to {TERMS_LIMIT} terms (this has {len(terms)})")
    for number, term in enumerate(terms, start=1):
        if len(term) > TERM_LIMIT:
            raise ThemeError("terms", f"Term {number} is longer than {TERM_LIMIT} characters")
        try:
            parse_term(term)
        except TaxonomyError as error:
            raise ThemeError("terms", f"Term {number} (‘{term}’) cannot be read: {error}") from None
    return terms


def _check(name, terms, active):
    name = (name or "").strip()
    if not name:
        raise ThemeError("name", "Enter a name for the theme")
    if len(name) > 120:
        raise ThemeError("name", "The name must be 120 characters or fewer")
    if active and not terms:
        raise ThemeError("terms", "Enter at least one term, or make the theme inactive")
    return name


def save_theme(theme, name, description, terms_text, active, user):
    """Change a theme and log what changed; commits. :raise ThemeError:"""
    terms = parse_terms(terms_text)
    name = _check(name, terms, active)
    changed = [field for field, old, new in (
        ("name", theme.name, name), ("description", theme.description or "", (description or "").strip()),
        ("terms", list(theme.terms or []), terms), ("active", theme.active, bool(active)),
    ) if old != new]
    theme.name, theme.description, theme.terms, theme.active = name, (description or "").strip(), terms, bool(active)
    if changed:
        theme.customised_at = utcnow()
        record("theme.updated", f"theme:{theme.slug}", user=user, changed=changed)
    db.session.commit()
    return changed


def add_theme(slug, name, description, terms_text, active, user):
    """Add a theme at the end of the taxonomy; commits. :raise ThemeError:"""
    slug = (slug or "").strip().lower()
    if not SLUG.match(slug) or len(slug) > 60:
        raise ThemeError("slug", "Enter a short name of lower-case letters, numbers and hyphens, like ‘dog-fouling’")
    if find_theme(slug) is not None:
        raise ThemeError("slug", f"There is already a theme called ‘{slug}’")
    terms = parse_terms(terms_text)
    name = _check(name, terms, active)
    ensure_default_themes()
    position = (db.session.scalar(sa.select(sa.func.max(Theme.position))) or 0) + 1
    theme = Theme(
        slug=slug, name=name, description=(description or "").strip(), terms=terms, active=bool(active),
        position=position, customised_at=utcnow(),
    )
    db.session.add(theme)
    record("theme.created", f"theme:{slug}", user=user)
    db.session.commit()
    return theme


def reanalyse_all(user):
    """Re-analyse every stored text answer with the current themes (officer tags stay); commits.

    Runs in the request: fine for thousands of answers. For very many, the CLI command
    `flask --app wsgi analysis retag` shows a progress bar. Returns how many were analysed.
    """
    done = retag()
    record("theme.retagged", "answers", user=user, answers=done)
    db.session.commit()
    return done


def answers_to_reanalyse():
    return count_text_answers()
