"""Evaluation: score the theme tagger and safeguarding flags against a labelled CSV.

Run ``python -m consult.analysis.evaluate FILE.csv`` for a report. The CSV is UTF-8 with a
header holding ``text`` and ``themes`` (slugs separated by ``;``, empty for none) and,
optionally, ``safeguarding`` (0 or 1).
"""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass

from . import analyse_many
from .taxonomy import Taxonomy, load_default_taxonomy


class EvaluationFileError(ValueError):
    """Raised when a labelled CSV cannot be read; the message names the file line."""


@dataclass(frozen=True)
class LabelledRow:
    """One labelled text: its gold theme slugs and, when given, its safeguarding label."""

    text: str
    themes: frozenset[str]
    safeguarding: bool | None = None


def load_labelled_csv(path, taxonomy: Taxonomy) -> list[LabelledRow]:
    """Read a labelled CSV.

    :raise EvaluationFileError: when the file is not UTF-8, lacks the text or themes column,
        uses a slug the taxonomy does not know, or has a safeguarding value other than 0/1.
    """
    known = set(taxonomy.slugs)
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
                line = reader.line_num
                if None in record or any(record.get(c) is None for c in ("text", "themes")):
                    raise EvaluationFileError(f"{path}: line {line}: wrong number of fields")
                slugs = frozenset(s.strip() for s in record["themes"].split(";") if s.strip())
                unknown = sorted(slugs - known)
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
                rows.append(LabelledRow(record["text"], slugs, flag))
    except UnicodeDecodeError as error:
        raise EvaluationFileError(f"{path}: not valid UTF-8 ({error.reason})") from error
    except csv.Error as error:
        raise EvaluationFileError(f"{path}: line {reader.line_num}: {error}") from error
    return rows


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def evaluate(rows, taxonomy: Taxonomy) -> dict:
    """Score the analysis against gold labels.

    Returns per-theme precision, recall, F1 and support, their macro-F1, ``none_precision``
    (of texts given no theme, the share whose gold label is also none), and when labelled,
    safeguarding recall and precision (flagged means level is not "none").
    """
    rows = list(rows)
    analyses = analyse_many([r.text for r in rows], taxonomy)
    per_theme = {}
    for slug in taxonomy.slugs:
        tp = fp = fn = 0
        for row, analysis in zip(rows, analyses):
            predicted = slug in analysis.theme_slugs
            gold = slug in row.themes
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        per_theme[slug] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    empty = [row for row, a in zip(rows, analyses) if not a.themes]
    result = {
        "rows": len(rows),
        "macro_f1": round(sum(t["f1"] for t in per_theme.values()) / len(per_theme), 4)
        if per_theme else 0.0,
        "per_theme": per_theme,
        "none_precision": _ratio(sum(1 for r in empty if not r.themes), len(empty)),
        "none_predicted": len(empty),
    }
    labelled = [(r, a) for r, a in zip(rows, analyses) if r.safeguarding is not None]
    if labelled:
        tp = sum(1 for r, a in labelled if r.safeguarding and a.safeguarding.flagged)
        flagged = sum(1 for _, a in labelled if a.safeguarding.flagged)
        positives = sum(1 for r, _ in labelled if r.safeguarding)
        result["safeguarding"] = {
            "recall": _ratio(tp, positives),
            "precision": _ratio(tp, flagged),
            "positives": positives,
            "flagged": flagged,
        }
    return result


def format_report(result: dict) -> list[str]:
    """Return report lines: a per-theme table, summary lines, and last a JSON object."""
    lines = [f"{'theme':<28}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
    for slug, m in result["per_theme"].items():
        lines.append(
            f"{slug:<28}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['support']:>9}"
        )
    lines.append(f"macro-F1: {result['macro_f1']:.3f} over {len(result['per_theme'])} themes")
    lines.append(
        f"no-theme precision: {result['none_precision']:.3f} "
        f"({result['none_predicted']} texts given no theme, of {result['rows']})"
    )
    if "safeguarding" in result:
        s = result["safeguarding"]
        lines.append(
            f"safeguarding: recall {s['recall']:.3f}, precision {s['precision']:.3f} "
            f"({s['positives']} labelled, {s['flagged']} flagged)"
        )
    summary = {k: result[k] for k in ("macro_f1", "per_theme", "none_precision")}
    if "safeguarding" in result:
        summary["safeguarding"] = result["safeguarding"]
    lines.append(json.dumps(summary, sort_keys=True))
    return lines


def main(argv=None) -> int:
    """Command-line entry point: print the report for a labelled CSV; exit 2 on a bad file."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m consult.analysis.evaluate FILE.csv", file=sys.stderr)
        return 2
    taxonomy = load_default_taxonomy()
    try:
        rows = load_labelled_csv(args[0], taxonomy)
    except (EvaluationFileError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for line in format_report(evaluate(rows, taxonomy)):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
