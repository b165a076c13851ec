"""Answers written in another language are not theme-tagged: they wait in officers' review queue,
marked, counted apart from "no theme" on the board; Polish risk words still raise a flag."""
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Answer, AnswerTheme
from consult.services import summaries
from consult.services.summaries import Filters
from consult.services.summaries.filters import Filters as FiltersClass
from tests.integration.public.survey_helpers import complete_survey
from tests.pagecheck import soup

POLISH = "Za dużo samochodów jeździ za szybko pod szkołą i nikt nic nie robi"
RISK = "Mąż mnie bije i grozi mi, boję się wracać do domu"
ENGLISH = "Boy racers on the promenade every night, and drug dealing behind the chip shop."


def _answer(text):
    return db.session.scalar(sa.select(Answer).where(Answer.text == text))


def _figures(filters):
    return summaries.emerging_concerns(filters)[0].value, summaries.awaiting_review_in_other_languages(filters).value


def test_a_polish_answer_is_not_tagged_and_waits_for_an_officer_marked_in_the_queue(client, auth, demo):
    client.get("/language/pl?next=/")
    complete_survey(client, demo, q8=POLISH)
    answer = _answer(POLISH)
    assert answer.language == "pl"
    assert db.session.scalar(sa.select(sa.func.count(AnswerTheme.id)).where(AnswerTheme.answer_id == answer.id)) == 0
    assert answer.safeguarding_level == "none" and not answer.undecided
    english = _answer("Speed bumps and more patrols.")
    assert english.language is None, "the same resident's English answer is analysed as before"

    auth.login("officer")
    queue = soup(client.get("/manage/review?language=other"))
    rows = queue.select(".review-list tbody tr")
    assert len(rows) == 1 and "Written in Polish: please read and tag" in rows[0].get_text()
    everything = soup(client.get("/manage/review"))
    first = everything.select(".review-list tbody tr")[0]
    assert "Written in Polish" in first.get_text(), "answers nobody could analyse come first"
    page = soup(client.get(f"/manage/review/{answer.id}"))
    assert "Written in Polish" in page.get_text()


def test_the_board_counts_it_as_awaiting_review_in_another_language_not_as_no_theme(monkeypatch, client, auth, demo):
    filters = Filters(consultation_id=demo.id)
    before = _figures(filters)
    client.get("/language/pl?next=/")
    complete_survey(client, demo, q8=POLISH, q9="Nie wiem, co jeszcze można zrobić")
    emerging, awaiting = _figures(filters)
    assert awaiting == before[1] + 2
    assert emerging == before[0], "an answer the analysis could not read is not an answer no theme fits"
    with monkeypatch.context() as patched:
        patched.setattr(FiltersClass, "countable", property(lambda self: False))
        assert _figures(filters) == (emerging, awaiting), "the maintained counts agree with counting directly"
    auth.login("admin")
    page = soup(client.get(f"/board/{demo.slug}/emerging"))
    assert "Awaiting review in another language" in page.get_text()
    # Once an officer has read and tagged it, it counts like any reviewed answer.
    answer = _answer(POLISH)
    client.post(f"/manage/review/{answer.id}", data={"themes": []})
    assert _figures(filters)[1] == awaiting - 1


def test_polish_risk_words_raise_a_safeguarding_flag(client, auth, demo):
    client.get("/language/pl?next=/")
    complete_survey(client, demo, q8=RISK)
    answer = _answer(RISK)
    assert answer.language == "pl" and answer.safeguarding_level == "concern"
    assert any("Polish" in reason for reason in answer.safeguarding_reasons)
    auth.login("officer")
    assert f"/manage/safeguarding/{answer.id}" in client.get("/manage/safeguarding").get_data(as_text=True)


def test_an_english_answer_from_a_resident_who_chose_polish_is_analysed_as_before(client, demo):
    client.get("/language/pl?next=/")
    complete_survey(client, demo)
    answer = _answer(ENGLISH)
    assert answer.language is None
    assert db.session.scalar(sa.select(sa.func.count(AnswerTheme.id)).where(AnswerTheme.answer_id == answer.id)) > 0
