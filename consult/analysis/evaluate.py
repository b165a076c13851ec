"""Evaluation: score the theme tagger and safeguarding flags against a labelled CSV.

Run ``python -m consult.analysis.evaluate FILE.csv`` for a report. The CSV is UTF-8 with a
header holding ``text`` and ``themes`` (slugs separated by ``;``, empty for none) and,
optionally, ``safeguarding`` (0 or 1).
"""
from __future__ import annotations

import json
import sys

from . import analyse_many
from .corpus import EvaluationFileError, LabelledRow, load_labelled_csv
from .taxonomy import Taxonomy, load_default_taxonomy

__all__ = ["EvaluationFileError", "LabelledRow", "evaluate", "format_report",
           "load_labelled_csv", "score"]

# Above this polarity an answer reads as positive (the board's "How people felt").
POSITIVE = 0.05


def _ratio(numerator: int, denominator: int) -> float:
    return round(numerator / denominator, 4) if denominator else 0.0


def evaluate(rows, taxonomy: Taxonomy, model=None) -> dict:
    """Score the analysis (with the given model, else the current one) against gold labels."""
    rows = list(rows)
    return score(rows, analyse_many([r.text for r in rows], taxonomy, model=model), taxonomy.slugs)


def score(rows, analyses, slugs) -> dict:
    """Score analyses against their rows' gold labels.

    Returns per-theme precision, recall, F1 and support, their macro-F1, ``none_precision``
    (of texts given no theme, the share whose gold label is also none), when labelled,
    safeguarding recall and precision (flagged means level is not "none"), and
    ``problem_positive_share``: of rows whose gold label has a theme, the share scored positive.
    """
    # Answers an officer only decided a safeguarding flag on say nothing about themes.
    pairs = [(r, a) for r, a in zip(rows, analyses) if getattr(r, "themes_known", True)]
    per_theme = {}
    for slug in slugs:
        tp = fp = fn = 0
        for row, analysis in pairs:
            predicted = slug in analysis.theme_slugs
            gold = slug in row.themes
            tp += predicted and gold
            fp += predicted and not gold
            fn += gold and not predicted
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        per_theme[slug] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    empty = [row for row, a in pairs if not a.themes]
    result = {
        "rows": len(rows),
        "macro_f1": round(sum(t["f1"] for t in per_theme.values()) / len(per_theme), 4)
        if per_theme else 0.0,
        "per_theme": per_theme,
        "none_precision": _ratio(sum(1 for r in empty if not r.themes), len(empty)),
        "none_predicted": len(empty),
    }
    problems = [a for r, a in pairs if r.themes]
    result["problem_positive_share"] = _ratio(
        sum(1 for a in problems if a.sentiment > POSITIVE), len(problems))
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
    lines.append(f"problem answers scored positive: {result['problem_positive_share']:.3f}")
    keys = ("macro_f1", "per_theme", "none_precision", "problem_positive_share", "learned_from")
    summary = {k: result[k] for k in keys if k in result}
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
