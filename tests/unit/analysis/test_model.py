"""The learned model: deterministic training, stored versions, explained tags, and a
cross-validated score that must not fall below its floor."""
import numpy as np
import pytest

from consult.analysis import analyse, store
from consult.analysis.corpus import LabelledRow, load_corpus, training_files
from consult.analysis.crossval import crossval
from consult.analysis.features import find
from consult.analysis.model import NOT_THEMES, best_f1_threshold, fit

# Floors for 3-fold cross-validation on the shipped corpus, a little under what it scores, so
# a change to the model, features or corpus that makes it worse fails here.
FLOORS = {"macro_f1": 0.75, "none_precision": 0.82, "safeguarding_recall": 0.93,
          "safeguarding_precision": 0.55, "theme_f1": 0.65}


@pytest.fixture(scope="module")
def corpus(taxonomy):
    return load_corpus(taxonomy)


def small_fit(rows, taxonomy, version="test"):
    labels = tuple(taxonomy.slugs) + NOT_THEMES
    return fit(rows, [find(r.text, taxonomy) for r in rows], labels, version, inner_folds=2)


def test_training_reads_every_csv_in_the_training_folder(tmp_path, taxonomy):
    (tmp_path / "a.csv").write_text("text,themes,safeguarding\nBoy racers on the prom,road-safety,0\n")
    (tmp_path / "b.csv").write_text("text,themes,safeguarding\nboy racers on the  prom,road-safety,0\n"
                                    "Dealers by the Co-op,substance-misuse,0\n")
    assert [p.name for p in training_files(tmp_path)] == ["a.csv", "b.csv"]
    assert [r.text for r in load_corpus(taxonomy, tmp_path)] == ["Boy racers on the prom", "Dealers by the Co-op"]


def test_the_corpus_is_as_large_and_varied_as_issue_14_asks(corpus, taxonomy):
    assert len(corpus) >= 2500
    for slug in taxonomy.slugs:
        assert sum(slug in r.themes for r in corpus) >= 150, slug
    assert sum(not r.themes for r in corpus) >= 400
    assert sum(bool(r.safeguarding) for r in corpus) >= 300


def test_training_is_deterministic(corpus, taxonomy):
    rows = corpus[:300]
    first, second = small_fit(rows, taxonomy), small_fit(rows, taxonomy)
    assert first.thresholds == second.thresholds
    assert np.array_equal(first.coef, second.coef)
    assert store.version_of(rows) == store.version_of(list(rows))
    assert store.version_of(rows) != store.version_of(rows[:-1])


def test_a_change_to_the_rules_names_a_new_model_version(tmp_path, corpus, monkeypatch):
    rows = corpus[:50]
    copy = tmp_path / "analysis"
    copy.mkdir()
    for path in store.PACKAGE.iterdir():
        if path.is_file():
            (copy / path.name).write_bytes(path.read_bytes())
    assert store.code_digest(copy) == store.code_digest()
    before = store.version_of(rows)
    with (copy / "disclosures.py").open("a") as handle:
        handle.write("# a new disclosure pattern\n")
    digest = store.code_digest.__wrapped__
    monkeypatch.setattr(store, "code_digest", lambda: digest(copy))
    assert store.version_of(rows) != before


def test_a_saved_model_loads_back_as_the_current_one(tmp_path, corpus, taxonomy):
    model = small_fit(corpus[:200], taxonomy, version="builtin-test")
    assert store.load(tmp_path) is None
    store.save(model, tmp_path)
    assert store.current_version(tmp_path) == "builtin-test"
    loaded = store.load(tmp_path)
    assert loaded.version == "builtin-test" and np.array_equal(loaded.coef, model.coef)


@pytest.mark.parametrize("text", [
    "Dealers selling gear outside the Spar every night",
    "Cars doing 60 past the primary school at home time",
    "My ex keeps turning up at my work and texting me all night",
])
def test_every_tag_has_readable_evidence_and_a_confidence(text):
    analysis = analyse(text)
    assert analysis.themes
    for match in analysis.themes:
        assert match.evidence, match
        assert all(isinstance(word, str) and word for word in match.evidence)
        assert 0 < match.confidence <= 1


def test_self_harm_is_flagged_even_with_no_theme():
    analysis = analyse("Some days I just want to end it all, there's no point in going on")
    assert analysis.safeguarding.flagged
    assert "self-harm or suicidal thoughts" in analysis.safeguarding.reasons


def test_reviewed_rows_outweigh_and_replace_corpus_rows(corpus, taxonomy):
    text = corpus[0].text
    review = LabelledRow(text, frozenset({"road-safety"}), False)
    rows = store.train_rows([review], taxonomy)
    same = [r for r in rows if r.text == text]
    assert len(same) == 1 and same[0].themes == {"road-safety"} and same[0].weight == store.REVIEW_WEIGHT


def test_cross_validated_score_stays_above_the_floor(corpus, taxonomy):
    result = crossval(corpus, taxonomy, folds=3, inner_folds=2)
    assert result["macro_f1"] >= FLOORS["macro_f1"]
    assert min(t["f1"] for t in result["per_theme"].values()) >= FLOORS["theme_f1"]
    assert result["none_precision"] >= FLOORS["none_precision"]
    assert result["safeguarding"]["recall"] >= FLOORS["safeguarding_recall"]
    assert result["safeguarding"]["precision"] >= FLOORS["safeguarding_precision"]


def test_an_answer_scores_the_same_alone_or_in_a_batch(corpus, taxonomy):
    from consult.analysis import analyse_many, analyse_with
    from consult.analysis.scoring import score_all

    model = small_fit(corpus[:300], taxonomy)
    texts = ["Dealers dealing dealers by the Spar!!", "nowt", "my ex keeps turning up at 3am"]
    found = [find(t, taxonomy) for t in texts]
    batch = np.array([s.probabilities for s in score_all(model, found)])
    single = np.array([score_all(model, [f])[0].probabilities for f in found])
    assert np.allclose(batch, single, atol=1e-9)
    assert analyse_many(texts, taxonomy, model=model) == [analyse_with(model, t, taxonomy) for t in texts]


def test_reviews_weigh_up_to_the_cap_and_never_more_than_the_corpus_together():
    assert store.review_weight(4000, 150) == store.REVIEW_WEIGHT
    assert store.review_weight(2500, 1000) == 2.5
    assert store.review_weight(200, 1000) == 1.0


def test_threshold_choice_counts_weighted_rows_more():
    # Two heavy positives score 0.3, as do ten light negatives; one light positive scores 0.9.
    probabilities = np.array([0.3] * 12 + [0.9])
    y = np.array([1, 1] + [0] * 10 + [1])
    unweighted = best_f1_threshold(probabilities, y)
    weighted = best_f1_threshold(probabilities, y, weights=np.array([10.0, 10.0] + [1.0] * 11))
    assert unweighted > 0.3 and weighted <= 0.3


def test_the_corpus_teaches_what_is_over_from_what_is_ongoing(taxonomy):
    from consult.analysis.corpus import TRAINING_DIR, load_labelled_csv

    rows = load_labelled_csv(TRAINING_DIR / "lookalikes.csv", taxonomy)
    over = [r for r in rows if not r.safeguarding]
    assert len(rows) >= 100 and len(over) >= 100
    # Each kind of look-alike stands beside disclosures of current risk, so the model learns
    # the difference rather than only a lower share of flags.
    assert sum(bool(r.safeguarding) for r in rows) >= 15


def test_safeguarding_threshold_is_the_highest_that_still_reaches_the_recall_target():
    from consult.analysis.model import SAFEGUARDING_RECALL, THRESHOLD_GRID, recall_threshold

    assert SAFEGUARDING_RECALL >= 0.95
    probabilities = np.array([0.9] * 90 + [0.5] * 6 + [0.2] * 4 + [0.05] * 50)
    y = np.array([1] * 100 + [0] * 50)
    assert recall_threshold(probabilities, y, target=0.96) == 0.5
    assert recall_threshold(probabilities, y, target=0.99) == 0.2
    # A rule's flag counts towards recall whatever the model says.
    forced = np.zeros_like(y, dtype=bool)
    forced[90:96] = True
    assert recall_threshold(probabilities, y, forced, target=0.96) == THRESHOLD_GRID.max()
