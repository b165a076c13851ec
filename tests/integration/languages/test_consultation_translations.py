"""Officers translate a consultation's texts; residents in Polish see them, and the English where
there is none, marked lang="en"; answers still count against the same options."""
import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AuditEvent, Consultation, Translation
from consult.services.consultations.translations import save_translations, texts_to_translate
from tests.integration.public.survey_helpers import complete_survey, option_id
from tests.pagecheck import soup

SLUG = "community-safety-survey"
TITLE_PL = "Ankieta o bezpieczeństwie w społeczności"
QUESTION_PL = "Jak bezpiecznie czujesz się w swojej okolicy w dzień?"


@pytest.fixture
def demo(demo):
    """The demo survey without the Polish translation it is seeded with."""
    db.session.execute(sa.delete(Translation))
    db.session.commit()
    return demo


def _polish(client):
    client.get("/language/pl?next=/")


def _translate(demo, auth, **values):
    save_translations(demo, "pl", values, auth.user("officer"))


def test_an_officer_translates_texts_and_sees_how_many_are_done(client, auth, demo):
    officer = auth.login("officer")
    total = len(texts_to_translate(demo))
    overview = soup(client.get(f"/manage/consultations/{SLUG}/translations"))
    assert f"0 of {total}" in overview.select_one("table").get_text(" ", strip=True)
    page = soup(client.get(f"/manage/consultations/{SLUG}/translations/pl"))
    title_field = page.select_one("#t-consultation-title")
    assert title_field is not None and title_field["lang"] == "pl"
    assert page.select_one("#t-consultation-title-hint").get_text(strip=True) == demo.title
    question = demo.questions[0]
    saved = client.post(
        f"/manage/consultations/{SLUG}/translations/pl",
        data={"t-consultation-title": TITLE_PL, f"t-question-{question.id}-title": QUESTION_PL},
    )
    assert saved.status_code == 302
    rows = dict(db.session.execute(sa.select(Translation.key, Translation.text).where(Translation.language == "pl")).all())
    assert rows == {"consultation.title": TITLE_PL, f"question.{question.id}.title": QUESTION_PL}
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "consultation.translated"))
    assert event.user_id == officer.id and event.detail["translated"] == 2 and event.detail["language"] == "pl"
    again = soup(client.get(saved.headers["Location"]))
    assert "Translations saved" in again.get_text() and f"2 of {total}" in again.get_text()
    # Blank removes a translation.
    client.post(
        f"/manage/consultations/{SLUG}/translations/pl",
        data={"t-consultation-title": TITLE_PL, f"t-question-{question.id}-title": "  "},
    )
    assert db.session.scalar(sa.select(sa.func.count(Translation.id))) == 1


def test_a_language_not_offered_is_not_found_and_board_members_may_not_translate(client, auth, demo):
    auth.login("officer")
    assert client.get(f"/manage/consultations/{SLUG}/translations/xx").status_code == 404
    assert client.get(f"/manage/consultations/{SLUG}/translations/en").status_code == 404
    auth.logout()
    auth.login("board")
    assert client.get(f"/manage/consultations/{SLUG}/translations/pl").status_code in (302, 403)
    assert client.post(f"/manage/consultations/{SLUG}/translations/pl", data={"t-consultation-title": "x"}).status_code in (302, 403)
    assert db.session.scalar(sa.select(sa.func.count(Translation.id))) == 0


def test_a_resident_in_polish_sees_the_translation_at_once_and_english_marked_where_there_is_none(client, auth, demo):
    _polish(client)
    question = demo.questions[0]
    before = soup(client.get(f"/c/{SLUG}/q/1"))  # fills the survey copy before the translation exists
    assert before.h1.select_one('span[lang="en"]').get_text(strip=True) == question.title
    _translate(demo, auth, **{"consultation.title": TITLE_PL, f"question.{question.id}.title": QUESTION_PL,
                              f"option.{question.options[0].id}.label": "Bardzo bezpiecznie"})
    page = soup(client.get(f"/c/{SLUG}/q/1"))
    assert page.h1.get_text(strip=True) == QUESTION_PL and page.h1.select_one("[lang]") is None
    assert page.title.get_text().startswith(QUESTION_PL)
    labels = page.select("label.choice-label")
    assert labels[0].get_text(strip=True) == "Bardzo bezpiecznie" and labels[0].select_one("[lang]") is None
    untranslated = labels[1].select_one('span[lang="en"]')
    assert untranslated is not None and untranslated.get_text(strip=True) == question.options[1].label
    start = soup(client.get(f"/c/{SLUG}"))
    assert start.h1.get_text(strip=True) == TITLE_PL
    listing = soup(client.get("/"))
    assert TITLE_PL in listing.get_text()
    # English residents see the English, unmarked.
    client.get("/language/en?next=/")
    english = soup(client.get(f"/c/{SLUG}/q/1"))
    assert english.h1.get_text(strip=True) == question.title and english.h1.select_one("[lang]") is None


def test_check_answers_and_the_closed_page_show_the_translation(client, auth, demo):
    question = demo.questions[0]
    _translate(demo, auth, **{"consultation.title": TITLE_PL, f"option.{question.options[1].id}.label": "Raczej bezpiecznie"})
    _polish(client)
    check = soup(complete_survey(client, demo, submit=False))
    values = check.select(".summary-value")
    assert "Raczej bezpiecznie" in values[0].get_text()
    assert check.select_one(".caption").get_text(strip=True) == TITLE_PL
    demo.status = "closed"
    db.session.commit()
    closed = soup(client.get(f"/c/{SLUG}"))
    assert closed.h1.get_text(strip=True).startswith(TITLE_PL)


def test_a_polish_respondents_choice_counts_against_the_same_option(client, auth, demo):
    question = demo.questions[0]
    _translate(demo, auth, **{f"option.{option.id}.label": f"Opcja {n}" for n, option in enumerate(question.options)})
    complete_survey(client, demo)
    _polish(client)
    client.post("/start-again")
    complete_survey(client, demo)
    chosen = int(option_id(demo, 1, "Fairly safe"))
    assert db.session.scalar(sa.select(sa.func.count(Answer.id)).where(Answer.option_id == chosen)) == 2
    client.get("/language/en?next=/")
    auth.login("admin")
    overview = client.get(f"/api/v1/summaries/{SLUG}/overview").get_json()
    assert "Opcja" not in str(overview), "the board and API stay English"


def test_an_officer_previews_in_polish(client, auth, demo):
    question = demo.questions[0]
    _translate(demo, auth, **{f"question.{question.id}.title": QUESTION_PL})
    auth.login("officer")
    page = soup(client.get(f"/manage/consultations/{SLUG}/preview/q/1?lang=pl"))
    assert page.h1.select_one('span[lang="pl"]').get_text(strip=True) == QUESTION_PL
    assert "who choose Polski" in page.select_one(".preview-banner").get_text()
    english = soup(client.get(f"/manage/consultations/{SLUG}/preview/q/1"))
    assert english.h1.get_text(strip=True) == question.title
    assert db.session.get(Consultation, demo.id).title == demo.title


def test_the_demo_survey_is_seeded_in_polish_but_for_its_town_names(client, app):
    from consult.services.consultations.translations import progress
    from consult.services.demo.seed import seed_demo

    seed_demo()
    survey = db.session.scalar(sa.select(Consultation).where(Consultation.slug == SLUG))
    done, total = progress(survey, "pl")
    assert done == total - len(survey.areas)
    _polish(client)
    page = soup(client.get(f"/c/{SLUG}/q/1"))
    assert page.h1.get_text(strip=True) == "Jak bezpiecznie czujesz się w swojej okolicy w ciągu dnia?"
    assert [label.get_text(strip=True) for label in page.select("label.choice-label")][:2] == ["Bardzo bezpiecznie", "Raczej bezpiecznie"]
