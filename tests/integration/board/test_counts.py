"""The maintained counts always agree with counting the answers directly, whatever wrote them."""
import random
from datetime import timedelta

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, Response, SummaryStale, Theme
from consult.services import summaries
from consult.services.demo.seed import add_synthetic_responses
from consult.services.tagging.review import save_review
from consult.services.summaries import Filters, tally
from consult.services.summaries.filters import Filters as FiltersClass
from consult.services.tagging.store import retag
from tests.integration.public.survey_helpers import complete_survey


def figures(consultation, filters):
    matrix = summaries.theme_matrix(filters, consultation.areas)
    themes = db.session.scalars(sa.select(Theme).order_by(Theme.id)).all()
    drilled = [summaries.drilldown(theme, filters) for theme in themes]
    answers, emerging = summaries.emerging_concerns(filters)
    return {
        "sentiment": [d.sentiment.public_rows() for d in drilled],
        "phrases": [d.phrases.public_rows() for d in drilled],
        "quotes": [d.quotes for d in drilled],
        "emerging": (answers.public, emerging.public_rows()),
        "area": summaries.responses_by_area(filters, consultation.areas).public_rows(),
        "channel": summaries.responses_by_channel(filters).public_rows(),
        "questions": [r.table.public_rows() for r in summaries.closed_questions(filters, consultation)],
        "matrix": matrix.table().public_rows(),
        "month": summaries.trend_by_month(filters)[0].public_rows(),
        "consultation": summaries.trend_by_consultation(filters)[0].public_rows(),
    }


def live_figures(monkeypatch, consultation, filters):
    with monkeypatch.context() as patched:
        patched.setattr(FiltersClass, "countable", property(lambda self: False))
        patched.setattr(FiltersClass, "counted", lambda self, kind: False)
        return figures(consultation, filters)


def assert_counts_agree(monkeypatch, consultation):
    some_area = consultation.areas[1].id
    start = (consultation.opens_at + timedelta(days=3)).date()
    for filters in (
        Filters(consultation_id=consultation.id),
        Filters(consultation_id=consultation.id, area_id=some_area),
        Filters(consultation_id=consultation.id, channel="paper"),
        Filters(consultation_id=consultation.id, source="written"),
        Filters(consultation_id=consultation.id, area_id=some_area, source="ticked"),
        Filters(consultation_id=consultation.id, date_from=start, date_to=start + timedelta(days=10)),
        # The "answered an option" filter reads summary_option_count: the same figures as the answers.
        Filters(consultation_id=consultation.id, option_id=_first_option(consultation)),
        Filters(consultation_id=consultation.id, area_id=some_area, option_id=_first_option(consultation), source="ticked"),
        Filters(),
    ):
        counted = figures(consultation, filters)
        assert counted == live_figures(monkeypatch, consultation, filters), filters


def _first_option(consultation):
    question = next(q for q in consultation.questions if q.kind == "single" and q.options)
    return question.options[0].id


@pytest.fixture
def busy_demo(demo):
    add_synthetic_responses(demo, 150, random.Random(11))
    return demo


def test_counts_agree_after_bulk_inserted_responses(monkeypatch, busy_demo):
    assert_counts_agree(monkeypatch, busy_demo)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SummaryStale)) == 0


def test_counts_follow_a_survey_submitted_through_the_pages(monkeypatch, client, busy_demo):
    before = summaries.responses_by_area(Filters(consultation_id=busy_demo.id), busy_demo.areas).rows[-1]["count"].value
    complete_survey(client, busy_demo)
    after = summaries.responses_by_area(Filters(consultation_id=busy_demo.id), busy_demo.areas).rows[-1]["count"].value
    assert after == before + 1
    assert_counts_agree(monkeypatch, busy_demo)


def test_counts_follow_an_officer_review_and_a_retag(monkeypatch, auth, busy_demo):
    summaries.theme_matrix(Filters(consultation_id=busy_demo.id))  # counted before the changes
    officer = auth.user("officer")
    themes = db.session.scalars(sa.select(Theme).order_by(Theme.id)).all()
    answers = db.session.scalars(sa.select(Answer).where(Answer.text.is_not(None)).order_by(Answer.id).limit(30)).all()
    for answer in answers:
        save_review(answer, [themes[0].id, themes[-1].id], officer)
    assert_counts_agree(monkeypatch, busy_demo)
    retag(busy_demo)
    assert_counts_agree(monkeypatch, busy_demo)


def test_counts_follow_a_bulk_delete_and_a_moved_response(monkeypatch, busy_demo):
    summaries.theme_matrix(Filters(consultation_id=busy_demo.id))
    first = db.session.scalar(sa.select(Response.id).order_by(Response.id))
    db.session.execute(sa.delete(Response).where(Response.id == first))
    db.session.commit()
    moved = db.session.scalar(sa.select(Response).order_by(Response.id.desc()))
    moved.area_id = next(a.id for a in busy_demo.areas if a.id != moved.area_id)
    moved.channel = "import"
    db.session.commit()
    assert_counts_agree(monkeypatch, busy_demo)


def test_rebuild_recounts_everything(monkeypatch, busy_demo):
    tally.rebuild()
    assert_counts_agree(monkeypatch, busy_demo)


def test_summaries_rebuild_command_recounts_lost_counts_with_a_progress_bar(monkeypatch, busy_demo, runner):
    from consult.models import SummaryCount

    summaries.theme_matrix(Filters(consultation_id=busy_demo.id))
    # Counts lost or left behind (a restore, a bug): only a rebuild puts them right.
    db.session.execute(sa.delete(SummaryCount).where(SummaryCount.kind == "respondents"))
    db.session.add(SummaryCount(consultation_id=busy_demo.id, area_key=0, channel="web", day=busy_demo.opens_at.date(),
                                kind="respondents", item_id=0, count=5))
    db.session.commit()
    consultations = len(tally.consultations_to_rebuild())
    result = runner.invoke(args=["summaries", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "Recounting consultations" in result.output
    assert f"Rebuilt the summary tables of {consultations} consultation{'' if consultations == 1 else 's'}." in result.output
    assert_counts_agree(monkeypatch, busy_demo)


def test_a_summaries_job_rebuilds_with_its_progress_stored(monkeypatch, busy_demo):
    from consult.models import Job, SummaryCount
    from consult.services.jobs.runner import create_job, run_job

    db.session.execute(sa.delete(SummaryCount))
    db.session.commit()
    job = create_job("summaries", None)
    assert run_job(job.id)
    db.session.refresh(job)
    assert (job.status, job.done) == ("done", job.total) and job.total >= 1
    assert db.session.get(Job, job.id).attempts == 1
    assert_counts_agree(monkeypatch, busy_demo)




def test_a_bulk_update_marks_only_the_cells_it_touches(monkeypatch, busy_demo):
    summaries.theme_matrix(Filters(consultation_id=busy_demo.id))
    answer = db.session.scalar(sa.select(Answer).where(Answer.text.is_not(None)).order_by(Answer.id))
    db.session.execute(sa.update(Answer).where(Answer.id == answer.id).values(undecided=True))
    db.session.commit()
    stale = db.session.scalars(sa.select(SummaryStale)).all()
    assert [(s.consultation_id, s.area_key) for s in stale] == [(busy_demo.id, answer.response.area_id)]
    assert_counts_agree(monkeypatch, busy_demo)


def test_a_bulk_move_between_areas_marks_everything(monkeypatch, busy_demo):
    summaries.theme_matrix(Filters(consultation_id=busy_demo.id))
    db.session.execute(sa.update(Response).where(Response.area_id == busy_demo.areas[0].id).values(area_id=busy_demo.areas[1].id))
    db.session.commit()
    assert [s.consultation_id for s in db.session.scalars(sa.select(SummaryStale))] == [0]
    assert_counts_agree(monkeypatch, busy_demo)


def test_suspect_responses_do_not_count_until_an_officer_keeps_them(monkeypatch, client, busy_demo):
    from consult.services.casework.data_protection import decide_suspect

    by_area = lambda: summaries.responses_by_area(Filters(consultation_id=busy_demo.id), busy_demo.areas)  # noqa: E731
    before = by_area().rows[-1]["count"].value
    complete_survey(client, busy_demo, submit=False)
    client.post("/c/community-safety-survey/check", data={"website": "http://spam.example"})
    suspect = db.session.scalars(sa.select(Response).where(Response.suspect_reason.is_not(None))).one()
    assert by_area().rows[-1]["count"].value == before
    assert_counts_agree(monkeypatch, busy_demo)
    decide_suspect(suspect, keep=True)
    assert by_area().rows[-1]["count"].value == before + 1
    assert_counts_agree(monkeypatch, busy_demo)
