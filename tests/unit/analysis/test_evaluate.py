"""Evaluation reads labelled CSVs strictly and computes the agreed metrics."""
import json

import pytest

from consult.analysis.evaluate import (
    EvaluationFileError, evaluate, format_report, load_labelled_csv, main,
)

TINY = (
    "text,themes,safeguarding\n"
    "Boy racers speeding every night,road-safety,0\n"
    "Drug dealers outside the shop,substance-misuse,0\n"
    "Lovely park,,0\n"
    "The library is closed,road-safety,0\n"
    "He hits me and I'm scared to go home,domestic-abuse,1\n"
)


def write(tmp_path, content, encoding="utf-8"):
    path = tmp_path / "labelled.csv"
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def test_metrics_on_a_tiny_known_file(tmp_path, taxonomy):
    result = evaluate(load_labelled_csv(write(tmp_path, TINY), taxonomy), taxonomy)
    road = result["per_theme"]["road-safety"]
    assert road == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert result["per_theme"]["substance-misuse"]["f1"] == 1.0
    assert result["per_theme"]["vawg"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                           "support": 0}
    # Two texts get no theme; one of them is labelled road-safety.
    assert result["none_precision"] == 0.5
    assert result["safeguarding"] == {"recall": 1.0, "precision": 1.0, "positives": 1,
                                      "flagged": 1}


def test_report_ends_with_one_json_object(tmp_path, taxonomy):
    lines = format_report(evaluate(load_labelled_csv(write(tmp_path, TINY), taxonomy), taxonomy))
    summary = json.loads(lines[-1])
    assert {"macro_f1", "per_theme", "none_precision", "safeguarding"} <= set(summary)
    assert set(summary["per_theme"]["road-safety"]) == {"precision", "recall", "f1", "support"}
    assert any(line.startswith("road-safety") for line in lines[:-1])


def test_safeguarding_is_optional(tmp_path, taxonomy):
    rows = load_labelled_csv(write(tmp_path, "text,themes\nKnife crime,serious-violence\n"), taxonomy)
    assert "safeguarding" not in evaluate(rows, taxonomy)


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("text,themes\nSpeeding,road-rage\n", "line 2: unknown theme slug(s) road-rage"),
        ("text,labels\nSpeeding,road-safety\n", "lacks column(s) themes"),
        ("text,themes,safeguarding\nSpeeding,road-safety,yes\n", "line 2: safeguarding must be"),
        ("text,themes\nSpeeding,road-safety,extra\n", "line 2: wrong number of fields"),
        ("text,themes\nSpeeding\n", "line 2: wrong number of fields"),
    ],
)
def test_malformed_files_raise_a_clear_error(tmp_path, taxonomy, content, fragment):
    with pytest.raises(EvaluationFileError) as error:
        load_labelled_csv(write(tmp_path, content), taxonomy)
    assert fragment in str(error.value)


def test_undecodable_file_is_refused(tmp_path, taxonomy):
    path = write(tmp_path, "text,themes\nCaf\xe9 noise,antisocial-behaviour\n".encode("latin-1"))
    with pytest.raises(EvaluationFileError, match="UTF-8"):
        load_labelled_csv(path, taxonomy)


def test_command_line_exits_2_on_a_bad_file(tmp_path, capsys):
    assert main([str(write(tmp_path, "text\nx\n"))]) == 2
    assert "lacks column" in capsys.readouterr().err


def test_command_line_prints_the_report(tmp_path, capsys):
    assert main([str(write(tmp_path, TINY))]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["macro_f1"] >= 0
