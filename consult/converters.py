"""URL converters: path values a database can take, so a hostile path is a 404, never a 500.

A whole number in a path fits a database integer (SQLite and PostgreSQL refuse larger ones with
an error, not an empty result), and a text part has no control characters (PostgreSQL refuses
text holding NUL). Both problems were found by tests/fuzz.
"""
from werkzeug.routing import IntegerConverter, UnicodeConverter

DATABASE_INTEGER_MAX = 2**31 - 1


class DatabaseInteger(IntegerConverter):
    """<int:...>, at most the largest PostgreSQL integer."""

    def __init__(self, map, fixed_digits=0, min=None, max=DATABASE_INTEGER_MAX, signed=False):  # noqa: A002  (werkzeug's names)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class PrintableText(UnicodeConverter):
    """<name> and <string:name>, without the control characters form values also lose (consult/cleaning.py)."""

    def __init__(self, map, minlength=1, maxlength=None, length=None):
        super().__init__(map, minlength=minlength, maxlength=maxlength, length=length)
        self.regex = self.regex.replace("[^/]", "[^/\\x00-\\x1f\\x7f]")


def init_app(app):
    """Call before any blueprint is registered: rules read the converters as they are added."""
    app.url_map.converters.update({"int": DatabaseInteger, "default": PrintableText, "string": PrintableText})
