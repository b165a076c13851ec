"""E-mails to residents are written in the language of the pages they used, even when sent later."""
import re

import sqlalchemy as sa

from consult.extensions import db
from consult.models import ResultsSubscription
from tests.integration.languages.test_polish_survey import SLUG, _polish_page
from tests.integration.mail.test_results_email import _publish
from tests.integration.public.survey_helpers import complete_survey, typical_answers
from tests.pagecheck import soup


def test_the_results_e_mails_are_in_the_language_the_resident_used(smtp_app, mailbox, client, auth, demo):
    client.get("/language/pl?next=/")
    complete_survey(client, demo)
    page, _text = _polish_page(client.post(f"/c/{SLUG}/results-email", data={"email": "mieszkaniec@example.org"}))
    assert page.h1.get_text() == "Powiadomimy Cię o publikacji wyników"
    assert db.session.scalar(sa.select(ResultsSubscription.language)) == "pl"
    [confirmation] = mailbox.to("mieszkaniec@example.org")
    assert confirmation["Subject"].startswith("Powiadomimy Cię o publikacji wyników")
    assert "Poproszono nas o powiadomienie" in confirmation.get_content()

    _publish(client, auth, demo)  # an officer publishes, on an English page
    [results] = [m for m in mailbox.to("mieszkaniec@example.org") if m["Subject"].startswith("Wyniki zostały opublikowane")]
    body = results.get_content()
    assert "Opublikowano wyniki konsultacji" in body and "To jedyna wiadomość" in body
    assert "The results of" not in body


def test_the_saved_answers_link_is_e_mailed_in_polish(smtp_app, mailbox, client, demo):
    client.get("/language/pl?next=/")
    page = soup(client.post(f"/c/{SLUG}/q/1", data={**typical_answers(demo)[1], "save": "1"}))
    code = page.select_one("#resume-code").get_text(strip=True)
    page, _text = _polish_page(client.post(f"/c/{SLUG}/saved/email", data={"email": "mieszkaniec@example.org", "code": code}))
    assert page.h1.get_text() == "Wysłaliśmy Ci link"
    [message] = mailbox.to("mieszkaniec@example.org")
    assert message["Subject"].startswith("Twoje zapisane odpowiedzi")
    body = message.get_content()
    assert "Aby kontynuować, otwórz ten link" in body and code in body
    assert re.search(r"Przechowujemy Twoje odpowiedzi do \d+ \w+ \d{4}", body)
