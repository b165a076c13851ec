"""The project's own labelled examples are tagged and flagged well enough to trust."""
from consult.analysis.evaluate import evaluate, load_labelled_csv


def test_own_examples_reach_the_quality_targets(taxonomy, examples_path):
    result = evaluate(load_labelled_csv(examples_path, taxonomy), taxonomy)
    assert result["macro_f1"] >= 0.85
    assert min(t["f1"] for t in result["per_theme"].values()) >= 0.6
    assert result["none_precision"] >= 0.9


def test_safeguarding_recall_over_own_examples_is_complete(taxonomy, examples_path):
    result = evaluate(load_labelled_csv(examples_path, taxonomy), taxonomy)
    assert result["safeguarding"]["recall"] == 1.0
