"""The translation catalogues: the template in git matches the sources, and every language is complete.

A developer who adds or changes a resident's text must run `make extract-messages` and translate the
new entries (docs/translations.md); these tests say so when they have not.
"""
import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po

from config import BASE_DIR

TRANSLATIONS = BASE_DIR / "translations"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# The same options as `make extract-messages`.
EXTRACT = ["extract", "--mapping-file", "babel.cfg", "--keywords", "_l", "--keywords", "lazy_gettext",
           "--no-location", "--sort-output", "--project", "Consult"]


def _ids(catalogue):
    return {message.id if isinstance(message.id, str) else tuple(message.id) for message in catalogue if message.id}


def _read(path):
    with open(path, "rb") as file:
        return read_po(file)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The texts the sources hold now, extracted afresh."""
    output = tmp_path_factory.mktemp("catalogue") / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *EXTRACT, "--output-file", str(output), "."],
                   cwd=BASE_DIR, check=True, capture_output=True)
    return _read(output)


def test_template_in_git_matches_the_sources(extracted):
    in_git = _ids(_read(TRANSLATIONS / "messages.pot"))
    fresh = _ids(extracted)
    assert fresh == in_git, (
        "translations/messages.pot is out of date: run `make extract-messages`, then translate the new "
        f"entries. Not in the .pot: {sorted(map(str, fresh - in_git))}; no longer used: {sorted(map(str, in_git - fresh))}"
    )


@pytest.mark.parametrize("source", sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")), ids=lambda path: path.parts[-3])
def test_every_text_is_translated_with_its_placeholders(extracted, source):
    catalogue = _read(source)
    assert not catalogue.fuzzy
    translated = {message.id if isinstance(message.id, str) else tuple(message.id): message for message in catalogue if message.id}
    problems = []
    for message in extracted:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        found = translated.get(key)
        if found is None:
            problems.append(f"missing: {key!r}")
            continue
        forms = found.string if isinstance(found.string, tuple) else (found.string,)
        if found.fuzzy or not all(forms):
            problems.append(f"fuzzy or empty: {key!r}")
            continue
        wanted = set(PLACEHOLDER.findall(key if isinstance(key, str) else key[-1]))
        for form in forms:
            if set(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"placeholders differ: {key!r} -> {form!r}")
    assert not problems, f"{source}: run `make extract-messages` and translate:\n" + "\n".join(problems)
