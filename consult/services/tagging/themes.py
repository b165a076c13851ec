"""Editing the partnership's theme taxonomy, with every problem in the terms found at once (re-analysis: jobs.py)."""
import re

import sqlalchemy as sa

from consult.analysis import TaxonomyError
from consult.analysis.taxonomy import parse_term
from consult.extensions import db
from consult.models import Theme, utcnow
from consult.services.accounts.audit import record
from consult.services.tagging.store import count_text_answers, ensure_default_themes

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The built-in themes have terms of up to ~900 characters (long lists of alternatives).
TERM_LIMIT = 1500
TERMS_LIMIT = 300


class ThemeError(ValueError):
    """A theme that cannot be saved. `problems` lists every (field, message), for the admin, at once."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.problems[0][1])


def all_themes():
    """Every theme, active first in taxonomy order; fills an empty table with the defaults."""
    ensure_default_themes()
    db.session.commit()
    return db.session.scalars(sa.select(Theme).order_by(Theme.active.desc(), Theme.position, Theme.name)).all()


def find_theme(slug):
    return db.session.scalar(sa.select(Theme).where(Theme.slug == slug))


_WEIGHT = re.compile(r"\s*\((strong|weak)\)\s*$", re.IGNORECASE)
_WORDY = re.compile(r"\w")
_STAR_INSIDE = re.compile(r"\*\w")


def term_problem(term):
    """What is wrong with one term, in plain words, or None when the tagger can read it."""
    if len(term) > TERM_LIMIT:
        return f"it is longer than {TERM_LIMIT} characters"
    text = _WEIGHT.sub("", term)
    if "(" in text or ")" in text:
        return "only (strong) or (weak) can go in brackets, at the end of the term"
    if "+" in text and "&" in text:
        return "use + (same sentence) or & (anywhere in the answer), not both"
    parts = [alternative.strip() for group in re.split(r"[+&]", text) for alternative in group.split("/")]
    if any(not part for part in parts):
        return "every +, & and / needs words on both sides"
    if not all(_WORDY.search(part) for part in parts):
        return "each part needs at least one letter or number"
    if _STAR_INSIDE.search(text):
        return "a * can only go at the end of a word, like harass*"
    try:
        parse_term(term)
    except TaxonomyError as error:
        return f"it cannot be read ({error})"
    return None


def check_terms(text):
    """(terms, problems) from a one-per-line box: terms stripped, blank lines and repeats dropped;
    problems as plain messages naming the line each is on, all of them at once."""
    terms, problems = [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        term = line.strip()
        if not term or term in terms:
            continue
        problem = term_problem(term)
        if problem:
            shown = term if len(term) <= 60 else term[:57] + "..."
            problems.append(f"Line {number} (‘{shown}’): {problem}")
        terms.append(term)
    if len(terms) > TERMS_LIMIT:
        problems.insert(0, f"A theme can have up to {TERMS_LIMIT} terms (this has {len(terms)})")
    return terms, problems


def _check(name, terms_text, active, problems=()):
    """The cleaned name and terms. :raise ThemeError: with every problem found, in page order."""
    problems = list(problems)
    name = (name or "").strip()
    if not name:
        problems.append(("name", "Enter a name for the theme"))
    elif len(name) > 120:
        problems.append(("name", "The name must be 120 characters or fewer"))
    terms, term_problems = check_terms(terms_text)
    problems.extend(("terms", problem) for problem in term_problems)
    if active and not terms:
        problems.append(("terms", "Enter at least one term, or make the theme inactive"))
    if problems:
        raise ThemeError(problems)
    return name, terms


def save_theme(theme, name, description, terms_text, active, user):
    """Change a theme and log what changed; commits. :raise ThemeError:"""
    name, terms = _check(name, terms_text, active)
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
    problems = []
    if not SLUG.match(slug) or len(slug) > 60:
        problems.append(("slug", "Enter a short name of lower-case letters, numbers and hyphens, like ‘dog-fouling’"))
    elif find_theme(slug) is not None:
        problems.append(("slug", f"There is already a theme called ‘{slug}’"))
    name, terms = _check(name, terms_text, active, problems)
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


def answers_to_reanalyse():
    return count_text_answers()
