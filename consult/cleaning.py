"""Input cleaning in one place: every form and query value loses control and non-characters.

No page or database column should hold them and nobody types them on purpose; removing them
as the request is parsed covers every form, present and future, without each one remembering.
Tabs and newlines stay, and nothing else is changed (passwords keep their spaces).
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
