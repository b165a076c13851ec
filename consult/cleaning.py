"""Input cleaning in one place: control characters out of every value, form fields stripped, error summaries.

No page or database column should hold control or non-characters and nobody types them on
purpose; removing them as the request is parsed covers every form, present and future, without
each one remembering. Tabs and newlines stay, and nothing else is changed (passwords keep their
spaces).
"""
import re

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict

_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
_UNWANTED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]")


def strip_spaces(value):
    """A form filter: surrounding white space off (control characters are already gone)."""
    return value.strip() if isinstance(value, str) else value


def remove_unwanted(value):
    if not isinstance(value, str):
        return value
    return _UNWANTED.sub("", value)


class CleanMultiDict(ImmutableMultiDict):
    def __init__(self, mapping=None):
        if mapping is not None and not isinstance(mapping, dict):
            mapping = [(remove_unwanted(key), remove_unwanted(value)) for key, value in mapping]
        elif isinstance(mapping, dict):
            mapping = {remove_unwanted(key): remove_unwanted(value) for key, value in mapping.items()}
        super().__init__(mapping)


class CleanRequest(Request):
    """Flask's request, with every form and query value cleaned as it is parsed."""

    parameter_storage_class = CleanMultiDict


def clean_text(value):
    """Strip surrounding space and drop control characters and non-characters."""
    if isinstance(value, str):
        return remove_unwanted(value).strip()
    return value


class CleanFieldsMeta:
    """A form Meta that runs clean_text on every field before the field's own filters."""

    def bind_field(self, form, unbound_field, options):
        # A new list each time: the unbound field belongs to the form class, shared by every
        # request, and adding to its own list made each request slower than the last.
        filters = [clean_text, *unbound_field.kwargs.get("filters", [])]
        return unbound_field.bind(form=form, filters=filters, **options)


def error_items(form):
    """(field id, message) pairs for a form's error summary, in the order the fields appear."""
    return [(field.id, field.errors[0]) for field in form if field.errors]
