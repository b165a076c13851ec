"""A resident who chooses Polish answers a whole survey and meets its errors in Polish (e-mails:
tests/integration/mail/test_mail_language.py)."""
import re

import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po

from config import BASE_DIR
from consult.extensions import db
from tests.conftest import make_app
from tests.integration.public.survey_helpers import typical_answers
from tests.pagecheck import soup

SLUG = "community-safety-survey"


def _english_sentences():
    """Longer English texts of the catalogue without placeholders or markup: none may show on a Polish page."""
    with open(BASE_DIR / "translations" / "messages.pot", "rb") as file:
        catalogue = read_po(file)
    return [m.id for m in catalogue if isinstance(m.id, str) and len(m.id) > 24 and "%" not in m.id and "<" not in m.id]


ENGLISH = _english_sentences()


def _officer_texts():
    """What officers wrote (titles, notices, questions, options): not in the catalogue, so not checked here."""
    from consult.models import Consultation

    texts = []
    for consultation in db.session.scalars(sa.select(Consultation)):
        texts += [consultation.title, consultation.summary, consultation.purpose, consultation.how_answers_are_used,
                  consultation.privacy_notice]
        for question in consultation.questions:
            texts += [question.title, question.hint] + [option.label for option in question.options]
    return [text for text in texts if text]


def _polish_page(response):
    page = soup(response)
    assert page.html["lang"] == "pl" and page.html["dir"] == "ltr"
    text = page.get_text(" ", strip=True)
    ours = text
    for officers_text in _officer_texts():
        ours = ours.replace(" ".join(officers_text.split()), "")
    left = [sentence for sentence in ENGLISH if sentence in ours]
    assert not left, f"English left on a Polish page: {left}"
    return page, text


@pytest.fixture
def polish(client):
    client.get("/language/pl?next=/")
    return client


def test_a_resident_completes_the_survey_in_polish(polish, demo):
    _page, text = _polish_page(polish.get("/"))
    assert "Wyraź swoje zdanie o bezpieczeństwie w okolicy" in text
    start, text = _polish_page(polish.get(f"/c/{SLUG}"))
    assert start.select_one("a.button-start").get_text(strip=True) == "Rozpocznij"
    assert "Zajmie to około" in text and "każde na osobnej stronie" in text

    answers = typical_answers(demo)
    url = f"/c/{SLUG}/q/1"
    while "/q/" in url:
        number = int(url.split("/q/")[1].split("?")[0])
        page, text = _polish_page(polish.get(url))
        assert re.search(r"Pytanie \d+ z \d+", page.select_one(".caption").get_text()), "the position reads in Polish"
        assert [b.get_text(strip=True) for b in page.select("form button")] == ["Dalej", "Zapisz i wróć później"]
        assert page.select_one(".back-link").get_text() == "Wstecz"
        response = polish.post(url, data=answers[number])
        assert response.status_code == 302
        url = response.headers["Location"]

    check, text = _polish_page(polish.get(url))
    assert check.h1.get_text() == "Sprawdź odpowiedzi przed wysłaniem"
    assert "Okręg pocztowy CA28" in text and "Zmień" in text
    assert check.select_one("form button").get_text(strip=True) == "Wyślij odpowiedzi"
    done = polish.get(polish.post(url).headers["Location"])
    page, text = _polish_page(done)
    assert page.h1.get_text() == "Dziękujemy: Twoje odpowiedzi zostały wysłane"
    assert "Twój kod potwierdzenia" in text and page.select_one(".receipt").get_text(strip=True)
    assert page.select_one("label[for=email]").get_text(" ", strip=True) == "Twój adres e-mail (opcjonalnie)"


def test_answer_errors_are_in_polish(polish, demo):
    page, text = _polish_page(polish.post(f"/c/{SLUG}/q/1", data={}))
    assert page.title.get_text().startswith("Błąd: ")
    assert page.select_one(".error-summary-title").get_text() == "Wystąpił problem"
    question = page.select_one("h1").get_text(strip=True)  # the demo's question, in its Polish translation
    assert question != demo.questions[0].title
    assert page.select_one(".error-summary a").get_text() == f"Wybierz odpowiedź na pytanie: {question}"
    assert page.select_one(".error-message").get_text(" ", strip=True) == f"Błąd: Wybierz odpowiedź na pytanie: {question}"

    page, _text = _polish_page(polish.post(f"/c/{SLUG}/q/10", data={"postcode": "not a postcode"}))
    assert "Wpisz prawdziwy kod pocztowy, np. CA28 7AB" in page.select_one("#postcode-error").get_text()

    too_long = "x" * (demo.questions[7].max_length + 1)
    page, _text = _polish_page(polish.post(f"/c/{SLUG}/q/8", data={"answer": too_long}))
    assert "Odpowiedź może mieć najwyżej" in page.select_one("#answer-error").get_text()


def test_saving_and_resuming_are_in_polish(polish, demo):
    page, text = _polish_page(polish.post(f"/c/{SLUG}/q/1", data={**typical_answers(demo)[1], "save": "1"}))
    assert page.h1.get_text() == "Twoje odpowiedzi zostały zapisane"
    assert re.search(r"Przechowujemy Twoje odpowiedzi przez \d+ dni, do \d+ \w+ \d{4}", text), "plural and date in Polish"
    response = polish.post("/continue", data={"code": "nonsense"})
    assert response.status_code == 400
    page, _text = _polish_page(response)
    assert "Wpisz swój kod: 16 liter i cyfr" in page.select_one("#code-error").get_text()


@pytest.mark.parametrize("path, heading", [("/no/such/page", "Nie znaleziono strony"), ("/c/no-such-survey", "Nie znaleziono strony")])
def test_error_pages_are_in_polish(polish, demo, path, heading):
    response = polish.get(path)
    assert response.status_code == 404
    page, _text = _polish_page(response)
    assert page.h1.get_text() == heading


def test_an_expired_form_is_explained_in_polish(database_url, demo):
    client = make_app(database_url, WTF_CSRF_ENABLED=True).test_client()
    client.get("/language/pl?next=/")
    response = client.post(f"/c/{SLUG}/q/1", data={"answer": "1"})
    assert response.status_code == 400
    page, _text = _polish_page(response)
    assert page.h1.get_text() == "Sesja wygasła"
    assert page.select_one("a.button").get_text() == "Otwórz stronę ponownie"


def test_officers_preview_keeps_english_errors_whatever_the_residents_language(client, auth, demo):
    client.get("/language/pl?next=/")
    auth.login("officer")
    page = soup(client.post(f"/manage/consultations/{SLUG}/preview/q/1", data={}))
    assert page.html["lang"] == "en-GB"
    assert "Select an answer to:" in page.get_text() and "Wybierz" not in page.get_text()
