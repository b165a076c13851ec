"""Text answers are analysed on submit, re-analysed by retag, and the tagger is measured by evaluate."""
import json

import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Theme, utcnow
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def test_submitted_text_answer_gets_themes_sentiment_phrases_and_redaction(client, demo):
    complete_survey(client, demo)
    answer = db.session.scalars(sa.select(Answer).where(Answer.text.like("Boy racers%"))).one()
    slugs = {tag.theme.slug for tag in answer.themes}
    assert {"road-safety", "substance-misuse"} <= slugs
    assert all(tag.source == "auto" and 0 < tag.confidence <= 1 and tag.evidence for tag in answer.themes)
    assert answer.analysed_at is not None and -1 <= answer.sentiment <= 1
    assert answer.redacted_text and answer.safeguarding_level == "none"
    assert isinstance(answer.phrases, list)


def test_personal_details_are_redacted_but_the_original_is_kept(client, demo):
    complete_survey(client, demo, q8="My neighbour Gary Smith deals from 14 Lowther Street, call me on 07700 900123.")
    answer = db.session.scalars(sa.select(Answer).where(Answer.text.like("My neighbour%"))).one()
    assert "Gary" not in answer.redacted_text and "07700" not in answer.redacted_text
    assert "14 Lowther Street" not in answer.redacted_text
    assert "[name]" in answer.redacted_text and "[phone]" in answer.redacted_text
    assert "Gary Smith" in answer.text


def test_disclosure_of_risk_is_flagged_and_thank_you_shows_extra_help(client, demo):
    complete_survey(client, demo, q8="My partner hits me and I am scared to go home tonight.")
    answer = db.session.scalars(sa.select(Answer).where(Answer.text.like("My partner%"))).one()
    assert answer.safeguarding_level in ("concern", "urgent") and answer.safeguarding_reasons
    page = soup(client.get(f"/c/{SLUG}/done"))
    extra = page.select_one(".warning-panel")
    assert extra is not None
    assert "0808 2000 247" in extra.get_text() and "Samaritans" in extra.get_text()


def test_thank_you_has_no_extra_panel_when_nothing_is_flagged(client, demo):
    complete_survey(client, demo)
    assert soup(client.get(f"/c/{SLUG}/done")).select_one(".warning-panel") is None


def test_default_themes_are_stored_on_first_use(client, demo):
    complete_survey(client, demo)
    slugs = set(db.session.scalars(sa.select(Theme.slug)))
    assert slugs == {
        "vawg", "hate-crime", "antisocial-behaviour", "sexual-abuse-exploitation", "reoffending",
        "domestic-abuse", "substance-misuse", "serious-violence", "road-safety",
    }


def test_retag_follows_a_taxonomy_change_and_keeps_officer_tags(client, demo, runner):
    complete_survey(client, demo)
    answer = db.session.scalars(sa.select(Answer).where(Answer.text.like("Speed bumps%"))).one()
    hate = db.session.scalars(sa.select(Theme).where(Theme.slug == "hate-crime")).one()
    answer.themes.append(AnswerTheme(theme=hate, source="officer", confidence=1.0, evidence=[]))
    answer.reviewed_at = utcnow()
    road = db.session.scalars(sa.select(Theme).where(Theme.slug == "road-safety")).one()
    road.terms, road.customised_at = ["bumps"], utcnow()
    db.session.commit()

    result = runner.invoke(args=["analysis", "retag", "--consultation", SLUG])
    assert result.exit_code == 0, result.output
    assert "Re-analysed 2 text answers." in result.output
    db.session.expire_all()
    tags = {(tag.theme.slug, tag.source) for tag in answer.themes}
    assert ("hate-crime", "officer") in tags
    assert ("road-safety", "auto") in tags
    boy_racers = db.session.scalars(sa.select(Answer).where(Answer.text.like("Boy racers%"))).one()
    assert "road-safety" not in {tag.theme.slug for tag in boy_racers.themes}


def test_retag_names_an_unknown_consultation(runner, demo):
    result = runner.invoke(args=["analysis", "retag", "--consultation", "nope"])
    assert result.exit_code == 1 and "No consultation has the slug 'nope'" in result.output


def test_evaluate_prints_a_table_then_json_last(runner, tmp_path, demo):
    labelled = tmp_path / "labelled.csv"
    labelled.write_text(
        "text,themes,safeguarding\n"
        "Lads on scramblers tearing round the estate every night,antisocial-behaviour,0\n"
        "Drivers race through the village far too fast,road-safety,0\n"
        "The new bakery on the corner is lovely,,0\n",
        encoding="utf-8",
    )
    result = runner.invoke(args=["analysis", "evaluate", str(labelled)])
    assert result.exit_code == 0, result.output
    last = json.loads(result.output.strip().splitlines()[-1])
    assert set(last) >= {"macro_f1", "per_theme", "none_precision", "safeguarding"}
    assert last["per_theme"]["road-safety"]["support"] == 1
    assert "macro-F1" in result.output


def test_evaluate_refuses_an_unknown_theme_with_a_clear_error(runner, tmp_path, demo):
    labelled = tmp_path / "bad.csv"
    labelled.write_text("text,themes\nSomething,not-a-theme\n", encoding="utf-8")
    result = runner.invoke(args=["analysis", "evaluate", str(labelled)])
    assert result.exit_code != 0 and "not-a-theme" in result.output


def test_evaluate_refuses_a_missing_file(runner, tmp_path):
    result = runner.invoke(args=["analysis", "evaluate", str(tmp_path / "missing.csv")])
    assert result.exit_code != 0 and "missing.csv" in result.output


def test_evaluate_uses_built_in_themes_unless_asked_for_the_stored_ones(runner, tmp_path, client, demo):
    complete_survey(client, demo)
    road = db.session.scalars(sa.select(Theme).where(Theme.slug == "road-safety")).one()
    road.terms, road.customised_at = ["tractor"], utcnow()
    db.session.commit()
    labelled = tmp_path / "labelled.csv"
    labelled.write_text("text,themes\nDrivers race through the village far too fast,road-safety\n", encoding="utf-8")
    built_in = json.loads(runner.invoke(args=["analysis", "evaluate", str(labelled)]).output.strip().splitlines()[-1])
    stored = json.loads(
        runner.invoke(args=["analysis", "evaluate", str(labelled), "--stored"]).output.strip().splitlines()[-1]
    )
    assert built_in["per_theme"]["road-safety"]["recall"] == 1.0
    assert stored["per_theme"]["road-safety"]["recall"] == 0.0


def test_themes_no_admin_changed_follow_the_built_in_defaults(client, demo):
    from consult.services.tagging.store import current_taxonomy

    complete_survey(client, demo)
    road = db.session.scalars(sa.select(Theme).where(Theme.slug == "road-safety")).one()
    hate = db.session.scalars(sa.select(Theme).where(Theme.slug == "hate-crime")).one()
    built_in = list(road.terms)
    road.terms = ["an old term list"]  # as an older release stored it
    hate.terms, hate.customised_at = ["edited by an admin"], utcnow()
    db.session.commit()
    current_taxonomy()
    db.session.expire_all()
    assert db.session.get(Theme, road.id).terms == built_in
    assert db.session.get(Theme, hate.id).terms == ["edited by an admin"]


def test_a_default_theme_missing_from_the_table_is_added(client, demo):
    from consult.services.tagging.store import current_taxonomy

    complete_survey(client, demo)
    db.session.execute(sa.delete(AnswerTheme))
    db.session.execute(sa.delete(Theme).where(Theme.slug == "reoffending"))
    db.session.commit()
    assert "reoffending" in current_taxonomy()[1]


def test_editing_a_theme_marks_it_customised_so_defaults_no_longer_replace_it(client, demo):
    from consult.services.tagging.store import current_taxonomy
    from consult.services.tagging.themes import save_theme

    complete_survey(client, demo)
    road = db.session.scalars(sa.select(Theme).where(Theme.slug == "road-safety")).one()
    save_theme(road, "Road safety", "Speeding and crossings", "speeding\nzebra crossing", True, None)
    assert road.customised_at is not None
    current_taxonomy()
    db.session.expire_all()
    assert db.session.get(Theme, road.id).terms == ["speeding", "zebra crossing"]


def test_answers_are_analysed_before_the_submission_writes_anything(client, demo, monkeypatch):
    """On SQLite the first write holds the database's write lock until the commit: analysing the
    text answers after it kept every other resident's answer waiting."""
    from consult.services.tagging import store as tagging

    events = []
    real = tagging.analyse_many

    def analyse_many(texts, *args, **kwargs):
        events.extend("analyse" for _text in texts)
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(tagging, "analyse_many", analyse_many)

    def statement(conn, cursor, sql, parameters, context, executemany):
        events.append(sql.split(None, 1)[0].upper())

    complete_survey(client.application.test_client(), demo)  # the first submission also stores the default themes
    events.clear()
    complete_survey(client, demo, submit=False)
    sa.event.listen(db.engine, "before_cursor_execute", statement)
    try:
        page = client.post(f"/c/{SLUG}/check", data={})
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", statement)
    assert page.status_code == 302
    assert events.count("analyse") == 2  # the two text answers
    writes = [index for index, name in enumerate(events) if name in {"INSERT", "UPDATE", "DELETE"}]
    assert writes and max(index for index, name in enumerate(events) if name == "analyse") < min(writes)
