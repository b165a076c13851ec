"""Labelled examples: read the training corpus and labelled CSVs (text, themes, safeguarding)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .taxonomy import Taxonomy

TRAINING_DIR = Path(__file__).resolve().parent / "training"


class EvaluationFileError(ValueError):
    """Raised when a labelled CSV cannot be read; the message names the file line."""


@dataclass(frozen=True)
class LabelledRow:
    """One labelled text: its gold theme slugs and, when given, its safeguarding label.

    ``weight`` counts an example more than once in training: officers' own reviews weigh more
    than the shipped corpus, because they are the partnership's residents' words.
    ``themes_known`` is False for an answer an officer decided a safeguarding flag on without
    reviewing its themes: it teaches safeguarding only.
    """

    text: str
    themes: frozenset[str]
    safeguarding: bool | None = None
    weight: float = 1.0
    themes_known: bool = True


def load_labelled_csv(path, taxonomy: Taxonomy | None = None) -> list[LabelledRow]:
    """Read a labelled CSV (header with ``text`` and ``themes``, optionally ``safeguarding``).

    :raise EvaluationFileError: when the file is not UTF-8, lacks the text or themes column,
        uses a slug the taxonomy does not know, or has a safeguarding value other than 0/1.
    """
    known = set(taxonomy.slugs) if taxonomy is not None else None
    reader = None
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = [c for c in ("text", "themes") if c not in columns]
            if missing:
                raise EvaluationFileError(
                    f"{path}: line 1: header lacks column(s) {', '.join(missing)}"
                )
            has_safeguarding = "safeguarding" in columns
            rows = []
            for record in reader:
                rows.append(_row(record, path, reader.line_num, known, has_safeguarding))
    except UnicodeDecodeError as error:
        raise EvaluationFileError(f"{path}: not valid UTF-8 ({error.reason})") from error
    except csv.Error as error:
        line = reader.line_num if reader is not None else 1
        raise EvaluationFileError(f"{path}: line {line}: {error}") from error
    return rows


def _row(record, path, line, known, has_safeguarding) -> LabelledRow:
    if None in record or any(record.get(c) is None for c in ("text", "themes")):
        raise EvaluationFileError(f"{path}: line {line}: wrong number of fields")
    slugs = frozenset(s.strip() for s in record["themes"].split(";") if s.strip())
    unknown = sorted(slugs - known) if known is not None else []
    if unknown:
        raise EvaluationFileError(
            f"{path}: line {line}: unknown theme slug(s) {', '.join(unknown)}"
        )
    flag = None
    if has_safeguarding:
        value = (record.get("safeguarding") or "").strip()
        if value not in ("0", "1"):
            raise EvaluationFileError(
                f"{path}: line {line}: safeguarding must be 0 or 1, not {value!r}"
            )
        flag = value == "1"
    return LabelledRow(record["text"], slugs, flag)


def training_files(folder=TRAINING_DIR) -> list[Path]:
    """Every CSV in the training folder, by name: adding a file adds its rows to training."""
    return sorted(Path(folder).glob("*.csv"))


def load_corpus(taxonomy: Taxonomy | None = None, folder=TRAINING_DIR) -> list[LabelledRow]:
    """All rows of every CSV in the training folder, exact duplicate texts kept once."""
    seen, rows = set(), []
    for path in training_files(folder):
        for row in load_labelled_csv(path, taxonomy):
            key = " ".join(row.text.lower().split())
            if key and key not in seen:
                seen.add(key)
                rows.append(row)
    return rows
