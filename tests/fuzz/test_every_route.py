"""Every route, read from the URL map: each POST route has a hostile-input test, hostile path
parts are a 404, and hostile query strings on every page are answered without a crash or markup.
"""
import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.routing import IntegerConverter

from consult.extensions import db
from consult.models import Response
from consult.services.survey.receipts import new_receipt_code
from consult.services.tagging.jobs import queue_retag
from consult.services.tagging.themes import all_themes
from consult.services.accounts.api_tokens import create_token
from consult.services.mail import outbox
from consult.services.accounts.users import invite_user
from tests.fuzz.hostile import assert_no_injected_markup, body, fuzz, hostile_number, hostile_text
from tests.fuzz.routes import STAFF_PREFIXES, rules, urls
from tests.integration.manage.answer_helpers import text_answer

BUILDER = "test_hostile_builder_input"
ADMIN = "test_hostile_admin_input"
RESIDENT = "test_hostile_input"
# Endpoint -> "module:test" that posts hostile values to it. A new POST route fails
# test_every_post_route_has_a_hostile_input_test until its test is written and listed here.
FUZZED = {
    "public.question": f"{RESIDENT}:test_any_answer_gets_a_page_or_a_redirect_never_a_crash",
    "public.check_answers": f"{ADMIN}:test_check_answers_page_answers_hostile_input",
    "public.start_again": f"{RESIDENT}:test_start_again_answers_hostile_input_politely",
    "auth.login": f"{RESIDENT}:test_login_form_answers_hostile_input_politely",
    "auth.logout": f"{ADMIN}:test_sign_out_answers_hostile_input",
    "auth.set_password": f"{ADMIN}:test_set_password_form_answers_hostile_input",
    "manage.new_consultation": f"{BUILDER}:test_new_consultation_form_answers_hostile_input",
    "manage.edit_consultation": f"{BUILDER}:test_edit_consultation_form_answers_hostile_input",
    "manage.change_status": f"{BUILDER}:test_lifecycle_buttons_answer_hostile_input",
    "manage.new_question": f"{BUILDER}:test_new_question_form_answers_hostile_input",
    "manage.edit_question": f"{BUILDER}:test_edit_question_form_answers_hostile_input",
    "manage.move_question": f"{BUILDER}:test_move_question_answers_hostile_input",
    "manage.remove_question": f"{BUILDER}:test_remove_question_answers_hostile_input",
    "manage.preview_question": f"{BUILDER}:test_preview_question_answers_hostile_input",
    "manage.paper_response": f"{BUILDER}:test_paper_response_form_answers_hostile_input",
    "manage.outcome": f"{BUILDER}:test_outcome_form_answers_hostile_input",
    "manage.publish_outcome": f"{BUILDER}:test_publish_outcome_button_answers_hostile_input",
    "manage.theme_new": f"{ADMIN}:test_new_theme_form_answers_hostile_input",
    "manage.theme_edit": f"{ADMIN}:test_theme_editor_answers_hostile_input",
    "manage.themes_reanalyse": f"{ADMIN}:test_reanalyse_button_answers_hostile_input",
    "manage.invite_user": f"{ADMIN}:test_invite_form_answers_hostile_input",
    "manage.user_detail": f"{ADMIN}:test_role_form_answers_hostile_input",
    "manage.user_active": f"{ADMIN}:test_disable_and_enable_buttons_answer_hostile_input",
    "manage.user_new_link": f"{ADMIN}:test_new_link_button_answers_hostile_input",
    "manage.user_sign_out": f"{ADMIN}:test_sign_out_everywhere_button_answers_hostile_input",
    "manage.review_save": f"{ADMIN}:test_review_form_answers_hostile_input",
    "manage.review_retrain": f"{ADMIN}:test_retrain_button_answers_hostile_input",
    "manage.safeguarding_record": f"{ADMIN}:test_safeguarding_action_form_answers_hostile_input",
    "manage.safeguarding_change_level": f"{ADMIN}:test_safeguarding_level_form_answers_hostile_input",
    "manage.review_confirm": f"{ADMIN}:test_bulk_confirm_answers_hostile_input",
    "manage.erase_lookup": f"{ADMIN}:test_erasure_lookup_answers_hostile_input",
    "manage.erase_confirm": f"{ADMIN}:test_erasure_confirmation_answers_hostile_input",
    "manage.suspect_decide": f"{ADMIN}:test_suspect_decision_answers_hostile_input",
    "manage.area_edit": f"{ADMIN}:test_area_population_form_answers_hostile_input",
    "manage.user_areas": f"{ADMIN}:test_partner_areas_form_answers_hostile_input",
    "manage.user_alerts": f"{ADMIN}:test_safeguarding_alerts_form_answers_hostile_input",
    "manage.settings": f"{ADMIN}:test_contact_details_form_answers_hostile_input",
    "manage.question_themes": f"{BUILDER}:test_option_themes_form_answers_hostile_input",
    "account.api_tokens_page": f"{ADMIN}:test_api_token_form_answers_hostile_input",
    "account.revoke_api_token": f"{ADMIN}:test_api_token_revoke_button_answers_hostile_input",
    "public.results_email": f"{ADMIN}:test_results_email_form_answers_hostile_input",
    "public.resume": f"{ADMIN}:test_resume_code_form_answers_hostile_input",
    "manage.area_population_table": f"{ADMIN}:test_population_by_age_and_sex_form_answers_hostile_input",
    "manage.equality_section": f"{ADMIN}:test_equality_section_buttons_answer_hostile_input",
    "public.saved_email": f"{ADMIN}:test_saved_draft_email_form_answers_hostile_input",
    "manage.translate": f"{BUILDER}:test_translation_form_answers_hostile_input",
}
# Values that look like a page's filters but are as wrong as they can be.
EXTREME_QUERY = {
    "from": "0001-01-01", "to": "9999-12-31", "page": "99999999999999999999", "user": "99999999999999999999",
    "area": "2147483648", "option": "99999999999999999999", "channel": "paper", "sort": "total", "dir": "desc",
}
MARKUP = '"><img src=x onerror=alert(1)><script>alert(1)</script>'
MARKUP_QUERY = {name: MARKUP for name in (
    "from", "to", "page", "user", "area", "option", "channel", "sort", "dir", "consultation", "status", "action",
    "theme", "next", "raw", "saved", "confidence",
)}
QUERY_NAMES = sorted(MARKUP_QUERY)
hostile_query = st.dictionaries(
    st.one_of(st.sampled_from(QUERY_NAMES), hostile_text),
    st.one_of(hostile_number, st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "20260101", "2026-W01-1"])),
    max_size=5,
)
ANSWERED = (200, 302, 400, 404, 409)


@pytest.fixture
def world(app, demo, auth):
    """An admin signed in, and one stored object of each kind a URL names; returns the URL values."""
    admin = auth.login("admin")
    flag = text_answer("A made-up worry about home", level="concern", reasons=["fear at home"])
    suspect = Response(consultation=demo, channel="web", receipt_code=new_receipt_code(), suspect_reason="too fast")
    db.session.add(suspect)
    db.session.commit()
    _user, token = invite_user("invited@example.org", "officer", "Invited", admin)
    job, _ = queue_retag(admin)
    token, _secret = create_token(admin, "Route walk", 30)
    message = outbox.queue("safeguarding_digest", "officer@example.org", "Route walk", "A message.")
    db.session.commit()
    return {
        "message_id": message.id,
        "area_id": demo.areas[0].id,
        "token_id": token.id,
        "job_id": job.id,
        "slug": demo.slug,
        ("manage.theme_edit", "slug"): all_themes()[0].slug,
        "scope": demo.slug,
        "theme_slug": all_themes()[0].slug,
        "key": "responses-by-area",
        "fmt": "csv",
        "number": 1,
        "question_id": demo.questions[0].id,
        "answer_id": flag.id,
        "response_id": suspect.id,
        "user_id": admin.id,
        "code": suspect.receipt_code,
        "token": token,
    }


def _fetched_politely(client, url, query):
    """A GET answered with a page, a redirect, or a polite refusal; never markup from the URL."""
    response = client.get(url, query_string=query)
    assert response.status_code in ANSWERED, f"{url}: {response.status_code}"
    if response.mimetype == "text/html":
        assert_no_injected_markup(body(response))
    if response.status_code == 302:
        landing = client.get(response.headers["Location"])
        assert landing.status_code in ANSWERED, f"{url} -> {response.headers['Location']}: {landing.status_code}"
        if landing.mimetype == "text/html":
            assert_no_injected_markup(body(landing))
    return response


def test_every_post_route_has_a_hostile_input_test(app):
    posted = {rule.endpoint for rule in rules(app, "POST")}
    assert {rule.endpoint for rule in rules(app, "POST", STAFF_PREFIXES)} <= posted
    missing = sorted(posted - set(FUZZED))
    assert not missing, f"POST routes without a hostile-input test in tests/fuzz (add one to FUZZED): {missing}"
    assert not sorted(set(FUZZED) - posted), "FUZZED names routes that no longer exist"
    for endpoint, name in FUZZED.items():
        module, test = name.split(":")
        function = getattr(importlib.import_module(f"tests.fuzz.{module}"), test, None)
        assert getattr(function, "is_hypothesis_test", False), f"{endpoint}: {name} is not a hypothesis test"


def test_hostile_path_parts_are_not_found(client, world):
    """A 20-digit id, NUL or markup in a path: 404, or 405 where the same path answers another
    method (a database would refuse the first two with an error)."""
    checked = 0
    for method in ("GET", "POST"):
        for rule in rules(client.application, method):
            for name in set(rule.arguments) - {"change", "file_format", "kind"}:
                numeric = isinstance(rule._converters[name], IntegerConverter)
                hostile = ["99999999999999999999", "2147483648"] if numeric else ["a\x00b", MARKUP]
                for value in hostile:
                    for url in urls(client.application, rule, {**world, name: value, (rule.endpoint, name): value}):
                        response = client.open(url, method=method)
                        assert response.status_code in (404, 405), f"{method} {url}: {response.status_code}"
                        assert_no_injected_markup(body(response))
                        checked += 1
    assert checked > 50


@pytest.mark.parametrize("query", [EXTREME_QUERY, MARKUP_QUERY], ids=["extreme", "markup"])
def test_every_page_answers_hostile_query_strings(client, world, query):
    pages = [url for rule in rules(client.application, "GET") for url in urls(client.application, rule, world)]
    assert len(pages) > 40
    for url in pages:
        _fetched_politely(client, url, query)


@fuzz
@given(page=st.integers(min_value=0), query=hostile_query)
def test_any_query_string_on_any_page_is_answered(client, world, page, query):
    pages = [url for rule in rules(client.application, "GET") for url in urls(client.application, rule, world)]
    _fetched_politely(client, pages[page % len(pages)], query)
