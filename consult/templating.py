"""The Jinja environment: Flask's, with each template reading the environment's globals directly.

Jinja gives every template its globals as a ChainMap over the environment's, so that globals
passed for one template cannot leak into others. Consult passes none, and each page paid for the
ChainMap wherever Jinja reads it: a copy at every render, include and macro import, and a key by
key comparison at each import. Rendering a survey question took 158 µs with it, 120 µs without.
"""
from flask import current_app
from flask.templating import Environment


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


# Fragments kept per app; past this many, all are forgotten at once (a few kB each).
FRAGMENTS_KEPT = 2_000


def remembered(*key, when=True, caller):
    """`{% call remembered(key, ...) %}…{% endcall %}` gives the block's markup, rendered once per
    key and app while `when` holds, and afresh otherwise.

    For fragments every visitor sees alike, such as a survey question's list of choices: the key
    must name everything the block shows (for survey pages, the survey's revision, which changes
    with any edit, the question and the choice ticked), and nothing personal.
    """
    if not when:
        return caller()
    fragments = current_app.extensions.setdefault("consult.fragments", {})
    markup = fragments.get(key)
    if markup is None:
        if len(fragments) >= FRAGMENTS_KEPT:
            fragments.clear()
        markup = fragments[key] = caller()
    return markup
