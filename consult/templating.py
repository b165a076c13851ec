"""The Jinja environment: Flask's, with each template reading the environment's globals directly.

Jinja gives every template its globals as a ChainMap over the environment's, so that globals
passed for one template cannot leak into others. Consult passes none, and each page paid for the
ChainMap wherever Jinja reads it: a copy at every render, include and macro import, and a key by
key comparison at each import. Rendering a survey question took 158 µs with it, 120 µs without.

Also here: render_kept, which keeps a page that many visitors see alike.
"""
import secrets

from flask import current_app, render_template
from flask.templating import Environment

from consult.csrf_tokens import generate_csrf


class TemplateEnvironment(Environment):
    def make_globals(self, d):
        if not d:
            return self.globals  # live: a global added later is seen, as through the ChainMap
        return super().make_globals(d)

    # A template loaded once shares the environment's globals, so globals passed when it is
    # fetched again would change every template's. Nothing in Consult, Flask or Jinja's own
    # include and import passes any; refuse them rather than leak them.
    def get_template(self, name, parent=None, globals=None):
        _refuse(globals)
        return super().get_template(name, parent)

    def select_template(self, names, parent=None, globals=None):
        _refuse(globals)
        return super().select_template(names, parent)


def _refuse(globals):
    if globals:
        raise TypeError("Consult's templates take no per-template globals: add them to the environment's globals")


# Pages kept per app; past this many, all are forgotten at once (3 to 5 kB each).
PAGES_KEPT = 1_000
# Stands in for the CSRF token in a kept page: random per process, so no survey text can hold it.
_TOKEN_HOLE = secrets.token_hex(16)


def render_kept(key, template_name, **context):
    """render_template(template_name, **context) for a page that is the same for everyone it is
    shown to with the same `key`, apart from their CSRF token: rendered once per key and app,
    with each request's own token filled in.

    For survey question pages, which every resident sees alike apart from their token and the
    choice they ticked (rendering one took about 90 µs, filling in the token 1). The key must
    name everything the page and the layout show that can differ (for a survey page, the
    survey's revision, which changes with any edit, the question, the choice ticked, the links)
    and nothing personal: free text and postcodes are never in a kept page.
    """
    token = generate_csrf()  # also starts the session's token, as rendering does
    pages = current_app._get_current_object().extensions.setdefault("consult.pages", {})
    page = pages.get(key)
    if page is None:
        page = render_template(template_name, csrf_token=_token_hole, **context)
        if page.count(_TOKEN_HOLE) != 1 or token in page:
            # Only a page whose one token is the hole can be kept (a macro reaching the global
            # csrf_token would have put this visitor's own in it).
            return render_template(template_name, **context)
        if len(pages) >= PAGES_KEPT:
            pages.clear()
        pages[key] = page
    return page.replace(_TOKEN_HOLE, token)


def _token_hole():
    return _TOKEN_HOLE
