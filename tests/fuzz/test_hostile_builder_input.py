"""Hostile input over the officers' consultation forms: builder, questions, preview, paper, outcome.

Each test posts generated values into every field of one form, signed in as an officer, and
expects a page with a validation message, a redirect to a page that shows what was stored, or a
400/413: never a 500, and no injected markup on either page. Structured fields (dates, numbers,
choices) are valid except for a few chosen per example, so both the problem and the saving
paths run.
"""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from consult.services.consultations.lifecycle import close_consultation, open_consultation
from consult.services.consultations.outcomes import outcome_rows, save_outcome
from consult.services.consultations.paper import enter_paper_response
from consult.services.consultations.questions import KIND_NAMES, QuestionSpec, add_question
from tests.fuzz.hostile import (
    answered_politely, hostile_number, hostile_text, invalid_utf8, officer_fuzz, post_raw, short_hostile_text,
)
from tests.integration.manage.builder_helpers import answers_for, draft_consultation

DETAIL_TEXTS = ("title", "summary", "purpose", "how_answers_are_used", "privacy_notice")
VALID_DETAILS = {
    "slug": "",
    "minutes_to_complete": "5",
    "opens_day": "",
    "opens_month": "",
    "opens_year": "",
    "opens_time": "9am",
    "closes_day": "27",
    "closes_month": "3",
    "closes_year": str(date.today().year + 2),
    "closes_time": "5:30pm",
    "retention_months": "24",
}
junk_fields = st.dictionaries(hostile_text, hostile_text, max_size=3)
# Short hostile texts fit every box; up to two boxes get any text, huge ones included.
detail_texts = st.builds(
    lambda short, any_length: {**short, **any_length},
    st.fixed_dictionaries({name: short_hostile_text for name in DETAIL_TEXTS}),
    st.dictionaries(st.sampled_from(DETAIL_TEXTS), hostile_text, max_size=2),
)
broken_details = st.dictionaries(st.sampled_from(sorted(VALID_DETAILS)), hostile_number, max_size=3)
area_choice = st.one_of(st.just("valid"), st.lists(hostile_number, max_size=3))
question_fields = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(sorted(KIND_NAMES)),
        "title": short_hostile_text,
        "hint": short_hostile_text,
        "required": st.sampled_from(["yes", "no"]),
        "options": st.lists(short_hostile_text, min_size=2, max_size=5).map("\n".join),
        "scale": st.sampled_from(["agreement", "satisfaction"]),
        "show_when": st.sampled_from(["", "valid"]),
    },
    optional={"none_of_these": st.one_of(st.just("y"), hostile_text)},
)
broken_question = st.dictionaries(
    st.sampled_from(["kind", "title", "hint", "required", "options", "scale", "show_when"]), hostile_number, max_size=2
)
broken_paper = st.dictionaries(
    st.sampled_from(["entry_key", "postcode", 0, 1, 2, 4]), st.one_of(hostile_text, st.lists(hostile_number, max_size=3)), max_size=2
)


@pytest.fixture
def officer(auth):
    return auth.login("officer")


@pytest.fixture
def draft(app):
    return draft_consultation()


@pytest.fixture
def opened(app):
    consultation = draft_consultation("open-for-paper")
    open_consultation(consultation, None)
    return consultation


@pytest.fixture
def closed(app):
    consultation = draft_consultation("closed-for-outcome")
    open_consultation(consultation, None)
    text = "Drug dealing behind the shops and speeding cars every night"
    enter_paper_response(consultation, answers_for(consultation, text=text), "k" * 20, None)
    close_consultation(consultation, None)
    theme = outcome_rows(consultation)[0][0]
    save_outcome(consultation, "Thank you to everyone who took part.", {theme.id: ("Dealing worries you.", "Patrols on Fridays.")}, None)
    return consultation


def _areas(consultation, choice):
    return [str(area.id) for area in consultation.areas] if choice == "valid" else choice


def _show_when(consultation, value):
    return str(consultation.questions[0].options[0].id) if value == "valid" else value


@officer_fuzz
@given(texts=detail_texts, broken=broken_details, areas=area_choice)
def test_new_consultation_form_answers_hostile_input(client, officer, draft, texts, broken, areas):
    data = {**VALID_DETAILS, **texts, **broken, "areas": _areas(draft, areas)}
    answered_politely(client, client.post("/manage/consultations/new", data=data))


@officer_fuzz
@given(texts=detail_texts, broken=broken_details, areas=area_choice)
def test_edit_consultation_form_answers_hostile_input(client, officer, draft, texts, broken, areas):
    data = {**VALID_DETAILS, **texts, **broken, "areas": _areas(draft, areas)}
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/edit", data=data))


@officer_fuzz
@given(fields=question_fields, broken=broken_question)
def test_new_question_form_answers_hostile_input(client, officer, draft, fields, broken):
    data = {**fields, "show_when": _show_when(draft, fields["show_when"]), **broken}
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/questions/new", data=data))


@officer_fuzz
@given(fields=question_fields, broken=broken_question)
def test_edit_question_form_answers_hostile_input(client, officer, draft, fields, broken):
    data = {**fields, "show_when": _show_when(draft, fields["show_when"]), **broken}
    question = draft.questions[1]
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/questions/{question.id}/edit", data=data))


@officer_fuzz
@given(direction=st.one_of(st.sampled_from(["up", "down"]), hostile_text), index=st.integers(0, 4), junk=junk_fields)
def test_move_question_answers_hostile_input(client, officer, draft, direction, index, junk):
    question = draft.questions[index]
    url = f"/manage/consultations/{draft.slug}/questions/{question.id}/move"
    # 409: a move that would put a question before the one it depends on gets a page saying so.
    answered_politely(client, client.post(url, data={**junk, "direction": direction}), allowed=(302, 400, 409, 413))


@officer_fuzz
@given(junk=junk_fields)
def test_remove_question_answers_hostile_input(client, officer, draft, junk):
    spare = add_question(draft, QuestionSpec(kind="short_text", title="A spare question"), None)
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/questions/{spare.id}/remove", data=junk))


@officer_fuzz
@given(change=st.sampled_from(["open", "close", "copy"]), junk=junk_fields)
def test_lifecycle_buttons_answer_hostile_input(client, officer, draft, change, junk):
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/{change}", data=junk))


@officer_fuzz
@given(number=st.integers(1, 5), answer=st.one_of(st.just("valid"), hostile_text, st.lists(hostile_number, max_size=3)), postcode=hostile_text)
def test_preview_question_answers_hostile_input(client, officer, draft, number, answer, postcode):
    question = draft.questions[number - 1]
    if answer == "valid":
        answer = str(question.options[0].id) if question.options else "Better lighting"
    url = f"/manage/consultations/{draft.slug}/preview/q/{number}"
    answered_politely(client, client.post(url, data={"answer": answer, "postcode": postcode}))


@officer_fuzz
@given(text=hostile_text, broken=broken_paper)
def test_paper_response_form_answers_hostile_input(client, officer, opened, text, broken):
    questions = opened.questions
    # One valid key for every example: a sheet sent again is stored once, which is a path to test too.
    data = {"entry_key": broken.get("entry_key", "paper-sheet-0001-abcd")}
    for index, question in enumerate(questions):
        valid = str(question.options[0].id) if question.options else "" if question.kind == "area" else text
        data[f"q{question.id}-answer"] = broken.get(index, valid)
    data[f"q{questions[4].id}-postcode"] = broken.get("postcode", "CA15 6AB")
    answered_politely(client, client.post(f"/manage/consultations/{opened.slug}/paper", data=data))


@officer_fuzz
@given(introduction=hostile_text, replies=st.lists(st.tuples(hostile_text, hostile_text), min_size=1, max_size=4))
def test_outcome_form_answers_hostile_input(client, officer, closed, introduction, replies):
    data = {"introduction": introduction}
    for (theme, _count, _item), (heard, did) in zip(outcome_rows(closed), replies):
        data[f"heard-{theme.id}"], data[f"did-{theme.id}"] = heard, did
    answered_politely(client, client.post(f"/manage/consultations/{closed.slug}/outcome", data=data))


@officer_fuzz
@given(junk=junk_fields)
def test_publish_outcome_button_answers_hostile_input(client, officer, closed, junk):
    answered_politely(client, client.post(f"/manage/consultations/{closed.slug}/outcome/publish", data=junk))


@officer_fuzz
@given(form=st.sampled_from(["details", "question", "paper", "outcome"]), raw=st.lists(invalid_utf8, min_size=6, max_size=6))
def test_officer_forms_answer_undecodable_values(client, officer, draft, opened, closed, form, raw):
    if form == "details":
        url, names = "/manage/consultations/new", ["title", "summary", "slug", "closes_day", "minutes_to_complete", "areas"]
    elif form == "question":
        url, names = f"/manage/consultations/{draft.slug}/questions/new", ["kind", "title", "hint", "options", "required", "show_when"]
    elif form == "paper":
        url = f"/manage/consultations/{opened.slug}/paper"
        names = ["entry_key", *(f"q{question.id}-answer" for question in opened.questions)]
    else:
        url = f"/manage/consultations/{closed.slug}/outcome"
        names = ["introduction", *(f"{part}-{theme.id}" for theme, _c, _i in outcome_rows(closed)[:2] for part in ("heard", "did"))]
    answered_politely(client, post_raw(client, url, list(zip(names, raw))))


@officer_fuzz
@given(links=st.dictionaries(st.integers(0, 3), st.one_of(st.just(""), hostile_number, hostile_text), max_size=4),
       junk=junk_fields)
def test_option_themes_form_answers_hostile_input(client, officer, draft, links, junk):
    question = draft.questions[0]  # a single choice
    options = question.options
    data = {**junk, **{f"option-{options[i % len(options)].id}": value for i, value in links.items()}}
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/questions/{question.id}/themes", data=data))


@officer_fuzz
@given(texts=st.lists(hostile_text, min_size=1, max_size=4), junk=junk_fields)
def test_translation_form_answers_hostile_input(client, officer, draft, texts, junk):
    from consult.services.consultations.translations import texts_to_translate

    keys = [text.key for text in texts_to_translate(draft)]
    data = {**junk, **{"t-" + key.replace(".", "-"): value for key, value in zip(keys, texts)}}
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/translations/pl", data=data))
    # What was saved reaches a resident's page as text, never as markup.
    answered_politely(client, client.get(f"/manage/consultations/{draft.slug}/preview/q/1?lang=pl"))
