"""Measuring redaction on a labelled set: the share of personal details removed and of words kept.

The set is a CSV with columns text, must_remove and must_keep (each a ``|``-separated list of
substrings of the text). A detail counts as removed, and a word as kept, by whether it still
appears in the redacted text as a whole word, in any case. Run from the repository root::

    python -m consult.analysis.redact_eval [tests/data/redaction_cases.csv] [--misses]
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .redact import redact

DEFAULT_CASES = Path("tests") / "data" / "redaction_cases.csv"


@dataclass(frozen=True)
class Case:
    text: str
    must_remove: tuple[str, ...]
    must_keep: tuple[str, ...]


@dataclass
class Score:
    cases: int = 0
    details: int = 0
    removed: int = 0
    words: int = 0
    kept: int = 0
    leaks: list = field(default_factory=list)  # (text, redacted, detail)
    losses: list = field(default_factory=list)  # (text, redacted, word)

    @property
    def removed_share(self) -> float:
        return self.removed / self.details if self.details else 1.0

    @property
    def kept_share(self) -> float:
        return self.kept / self.words if self.words else 1.0


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in (cell or "").split("|") if part)


def load_cases(path) -> list[Case]:
    with open(path, newline="", encoding="utf-8") as handle:
        return [
            Case(row["text"], _split(row["must_remove"]), _split(row["must_keep"]))
            for row in csv.DictReader(handle)
        ]


def appears(part: str, text: str) -> bool:
    """Whether ``part`` is in ``text`` as a whole word (or run of words), in any case."""
    pattern = rf"(?<![A-Za-z0-9]){re.escape(part)}(?![A-Za-z0-9])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def score(cases, places=()) -> Score:
    result = Score()
    for case in cases:
        redacted = redact(case.text, places)
        result.cases += 1
        for detail in case.must_remove:
            result.details += 1
            if appears(detail, redacted):
                result.leaks.append((case.text, redacted, detail))
            else:
                result.removed += 1
        for word in case.must_keep:
            result.words += 1
            if appears(word, redacted):
                result.kept += 1
            else:
                result.losses.append((case.text, redacted, word))
    return result


def report(result: Score, misses: bool = False) -> list[str]:
    lines = [
        f"cases: {result.cases}",
        f"details removed: {result.removed}/{result.details} = {result.removed_share:.3f}",
        f"places and ordinary words kept: {result.kept}/{result.words} = {result.kept_share:.3f}",
    ]
    if misses:
        lines += [f"LEAK {detail!r}: {redacted}" for _text, redacted, detail in result.leaks]
        lines += [f"LOST {word!r}: {redacted}" for _text, redacted, word in result.losses]
    return lines


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    misses = "--misses" in args
    paths = [arg for arg in args if arg != "--misses"]
    for line in report(score(load_cases(paths[0] if paths else DEFAULT_CASES)), misses):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
