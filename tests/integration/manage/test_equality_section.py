"""The optional "About you" section: added and removed in one action, after the main questions,
optional, kept out of officers' per-response exports; areas' population by age and sex (issue #18)."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Area, AreaPopulation, Consultation
from consult.services.consultations import equality
from consult.services.consultations.exports import export_rows
from consult.services.consultations.questions import QuestionSpec, add_question
from tests.integration.manage.builder_helpers import draft_consultation


def _reload(slug):
    db.session.expire_all()
    return db.session.scalar(sa.select(Consultation).where(Consultation.slug == slug))


def test_officer_adds_and_removes_the_about_you_section(client, auth):
    auth.login("officer")
    consultation = draft_consultation()
    main = len(consultation.questions)
    page = client.post(f"/manage/consultations/{consultation.slug}/equality", data={"action": "add"})
    assert page.status_code == 302
    consultation = _reload(consultation.slug)
    about_you = consultation.questions[main:]
    assert [q.title for q in about_you] == [title for title, _labels in equality.STANDARD_QUESTIONS]
    assert all(q.section == "about_you" and not q.required for q in about_you)
    assert all(q.options[-1].label == "Prefer not to say" for q in about_you)
    ethnic = next(q for q in about_you if q.title == "What is your ethnic group?")
    assert len(ethnic.options) == 20  # the 19 census categories and "Prefer not to say"
    shown = client.get(f"/manage/consultations/{consultation.slug}").get_data(as_text=True)
    assert "About you (optional)" in shown and "Remove equality questions" in shown

    # A main question added later goes before the section, which stays last.
    add_question(consultation, QuestionSpec(kind="short_text", title="Anything else?"), None)
    consultation = _reload(consultation.slug)
    assert consultation.questions[main].title == "Anything else?"
    assert consultation.questions[-1].section == "about_you"

    client.post(f"/manage/consultations/{consultation.slug}/equality", data={"action": "remove"})
    consultation = _reload(consultation.slug)
    assert len(consultation.questions) == main + 1
    assert not any(q.section for q in consultation.questions)


def test_about_you_answers_are_left_out_of_officers_exports(app, auth):
    consultation = draft_consultation()
    equality.add_equality_questions(consultation, auth.user("officer"))
    header = next(iter(export_rows(_reload(consultation.slug))))
    assert not any(equality.AGE_TITLE in str(cell) for cell in header)


def test_an_unknown_action_is_refused(client, auth):
    auth.login("officer")
    consultation = draft_consultation()
    assert client.post(f"/manage/consultations/{consultation.slug}/equality", data={"action": "explode"}).status_code == 400


def test_officers_enter_population_by_age_and_sex(client, auth):
    area = Area(name="Workington", postcode_districts="CA14")
    db.session.add(area)
    db.session.commit()
    auth.login("officer")
    page = client.get(f"/manage/areas/{area.id}")
    assert "Population by age and sex" in page.get_data(as_text=True)
    sent = client.post(f"/manage/areas/{area.id}/by-age-and-sex", data={"people-1-female": "1,200", "people-1-male": "1100"})
    assert sent.status_code == 302
    cells = {(r.age_band, r.sex): r.people for r in db.session.scalars(sa.select(AreaPopulation))}
    assert cells == {("16 to 24", "Female"): 1200, ("16 to 24", "Male"): 1100}

    bad = client.post(f"/manage/areas/{area.id}/by-age-and-sex", data={"people-2-female": "lots"})
    assert bad.status_code == 200
    text = bad.get_data(as_text=True)
    assert "There is a problem" in text and "as a whole number" in text
    assert 'value="lots"' in text


def test_the_demo_towns_carry_population_by_age_and_sex(demo):
    for area in db.session.scalars(sa.select(Area)):
        people = db.session.scalars(sa.select(AreaPopulation.people).where(AreaPopulation.area_id == area.id)).all()
        assert len(people) == 16
        assert abs(sum(people) - area.population) <= 0.01 * area.population


def test_no_question_moves_across_the_edge_of_the_section(client, auth):
    auth.login("officer")
    consultation = draft_consultation()
    equality.add_equality_questions(consultation, auth.user("officer"))
    last_main = next(q for q in reversed(consultation.questions) if not q.section)
    titles = [q.title for q in consultation.questions]
    client.post(f"/manage/consultations/{consultation.slug}/questions/{last_main.id}/move", data={"direction": "down"})
    assert [q.title for q in _reload(consultation.slug).questions] == titles


def test_the_about_you_pages_are_marked_optional_for_residents(client, auth):
    consultation = draft_consultation()
    equality.add_equality_questions(consultation, auth.user("officer"))
    consultation.status = "open"
    db.session.commit()
    number = next(i for i, q in enumerate(consultation.questions, start=1) if q.section)
    page = client.get(f"/c/{consultation.slug}/q/{number}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "About you (optional)" in text and "Prefer not to say" in text
    assert f"<title>{equality.AGE_TITLE} (optional)" in text
