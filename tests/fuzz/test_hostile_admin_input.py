"""Hostile input over the other officer and admin forms: themes, users, set-password, sign-out, tag
review (one answer and bulk confirm) and retraining, safeguarding actions and level changes, erasure by receipt code, suspect decisions, and the resident's
check-answers page.

As in test_hostile_builder_input.py: every field gets generated values, the answer is a page with
a validation message, a redirect to a page showing what was stored, or a 400/413, never a 500,
and neither page carries injected markup.
"""
import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from consult.extensions import db, limiter
from consult.models import SAFEGUARDING_ACTIONS, Consultation, Response
from consult.services.tagging import themes as theme_service
from consult.services.survey.receipts import format_receipt_code, new_receipt_code
from consult.services.accounts.users import create_user, invite_user
from tests.fuzz.hostile import (
    answered_politely, hostile_number, hostile_text, invalid_utf8, officer_fuzz, post_raw, short_hostile_text,
)
from tests.integration.manage.answer_helpers import consultation as answer_consultation
from tests.integration.manage.answer_helpers import text_answer
from tests.integration.public.survey_helpers import complete_survey

junk_fields = st.dictionaries(hostile_text, hostile_text, max_size=3)
terms = st.lists(short_hostile_text, min_size=1, max_size=4).map("\n".join)
theme_fields = st.fixed_dictionaries(
    {"name": short_hostile_text, "description": hostile_text, "terms": st.one_of(terms, hostile_text)},
    optional={"active": st.one_of(st.just("y"), hostile_text)},
)
new_slug = st.one_of(st.from_regex(r"[a-z]{2,10}(-[a-z0-9]{1,6})?", fullmatch=True), hostile_text)
role = st.one_of(st.sampled_from(["admin", "officer", "board", "partner"]), hostile_text)


@pytest.fixture
def admin(auth):
    return auth.login("admin")


@pytest.fixture
def officer(auth):
    return auth.login("officer")


@pytest.fixture
def colleague(app):
    return create_user("colleague@example.org", "officer", "a long colleague password", name="Colleague")


def _response(suspect=False):
    """A stored response with a receipt code, suspect (waiting for an officer) or not."""
    of = answer_consultation()
    response = Response(consultation=of, channel="web", receipt_code=new_receipt_code())
    if suspect:
        response.suspect_reason = "a field hidden from people was filled in"
    db.session.add(response)
    db.session.commit()
    return response


@officer_fuzz
@given(slug=new_slug, fields=theme_fields)
def test_new_theme_form_answers_hostile_input(client, admin, slug, fields):
    answered_politely(client, client.post("/manage/themes/new", data={**fields, "slug": slug}))


@officer_fuzz
@given(fields=theme_fields)
def test_theme_editor_answers_hostile_input(client, admin, fields):
    theme = theme_service.all_themes()[0]
    answered_politely(client, client.post(f"/manage/themes/{theme.slug}", data=fields))


@officer_fuzz
@given(junk=junk_fields)
def test_reanalyse_button_answers_hostile_input(client, admin, junk):
    text_answer("Speeding cars on the prom <script>alert(1)</script>")
    answered_politely(client, client.post("/manage/themes/reanalyse", data=junk))


@pytest.fixture
def quick_retrain(monkeypatch):
    """Retraining's own work is tested in tests/integration/manage/test_retrain.py; here only
    the button's handling of what is posted matters."""
    from consult.services.tagging import learning

    monkeypatch.setattr(learning, "retrain", lambda app, user, **options: {"switched": False})


@officer_fuzz
@given(junk=junk_fields)
def test_retrain_button_answers_hostile_input(client, officer, quick_retrain, junk):
    answered_politely(client, client.post("/manage/review/retrain", data=junk))


@officer_fuzz
@given(
    email=st.one_of(st.emails(), hostile_text),
    name=st.one_of(short_hostile_text, hostile_text),
    chosen=role,
)
def test_invite_form_answers_hostile_input(client, admin, email, name, chosen):
    answered_politely(client, client.post("/manage/users/invite", data={"email": email, "name": name, "role": chosen}))


@officer_fuzz
@given(chosen=role, junk=junk_fields)
def test_role_form_answers_hostile_input(client, admin, colleague, chosen, junk):
    answered_politely(client, client.post(f"/manage/users/{colleague.id}", data={**junk, "role": chosen}))


@officer_fuzz
@given(change=st.sampled_from(["disable", "enable"]), junk=junk_fields)
def test_disable_and_enable_buttons_answer_hostile_input(client, admin, colleague, change, junk):
    answered_politely(client, client.post(f"/manage/users/{colleague.id}/{change}", data=junk))


@officer_fuzz
@given(junk=junk_fields)
def test_new_link_button_answers_hostile_input(client, admin, colleague, junk):
    answered_politely(client, client.post(f"/manage/users/{colleague.id}/link", data=junk))


@officer_fuzz
@given(junk=junk_fields)
def test_sign_out_everywhere_button_answers_hostile_input(client, admin, colleague, junk):
    answered_politely(client, client.post(f"/manage/users/{colleague.id}/sign-out", data=junk))


@officer_fuzz
@given(password=st.one_of(short_hostile_text, hostile_text), same=st.booleans(), other=hostile_text)
def test_set_password_form_answers_hostile_input(client, app, password, same, other):
    """Anyone holding the link may post to it: nobody is signed in."""
    _user, token = invite_user(f"new-{new_receipt_code().lower()}@example.org", "officer", "New person", None)
    data = {"password": password, "confirm": password if same else other}
    answered_politely(client, client.post(f"/auth/set-password/{token}", data=data))


@officer_fuzz
@given(junk=junk_fields)
def test_sign_out_answers_hostile_input(client, auth, junk):
    limiter.reset()  # signing in once an example is faster than the per-address limit allows
    auth.login("officer")
    answered_politely(client, client.post("/auth/logout", data=junk))


@officer_fuzz
@given(
    chosen=st.one_of(st.just("valid"), st.lists(hostile_number, max_size=3)),
    note=st.one_of(short_hostile_text, hostile_text),
    back=st.one_of(st.just(""), st.just("street-safety"), hostile_text),
)
def test_review_form_answers_hostile_input(client, officer, chosen, note, back):
    answer = text_answer("Speeding cars on the prom every night")
    themes = [str(theme.id) for theme in theme_service.all_themes()[:2]] if chosen == "valid" else chosen
    data = {"themes": themes, "note": note, "consultation": back}
    answered_politely(client, client.post(f"/manage/review/{answer.id}", data=data))


@officer_fuzz
@given(kind=st.one_of(st.sampled_from(sorted(SAFEGUARDING_ACTIONS)), hostile_text), note=st.one_of(short_hostile_text, hostile_text))
def test_safeguarding_action_form_answers_hostile_input(client, officer, kind, note):
    flag = text_answer("A made-up worry about home", level="concern", reasons=["fear at home"])
    answered_politely(client, client.post(f"/manage/safeguarding/{flag.id}", data={"kind": kind, "note": note}))


@officer_fuzz
@given(chosen=st.one_of(st.just("valid"), st.lists(st.one_of(hostile_number, hostile_text), max_size=4)),
       filters=st.dictionaries(st.sampled_from(["consultation", "theme", "area", "confidence", "status", "page"]),
                               st.one_of(hostile_number, hostile_text), max_size=4))
def test_bulk_confirm_answers_hostile_input(client, officer, chosen, filters):
    answer = text_answer("Speeding cars on the prom every night")
    data = {**filters, "answers": [str(answer.id)] if chosen == "valid" else chosen}
    answered_politely(client, client.post("/manage/review/confirm", data=data))


@officer_fuzz
@given(level=st.one_of(st.sampled_from(["concern", "urgent", "none"]), hostile_text), reason=st.one_of(short_hostile_text, hostile_text))
def test_safeguarding_level_form_answers_hostile_input(client, officer, level, reason):
    flag = text_answer("A made-up worry about home", level="concern", reasons=["fear at home"])
    answered_politely(client, client.post(f"/manage/safeguarding/{flag.id}/level", data={"level": level, "reason": reason}))


@officer_fuzz
@given(receipt=st.one_of(st.just("valid"), hostile_text))
def test_erasure_lookup_answers_hostile_input(client, officer, receipt):
    if receipt == "valid":
        receipt = format_receipt_code(_response().receipt_code).lower()
    answered_politely(client, client.post("/manage/responses/erase", data={"receipt": receipt}))


@officer_fuzz
@given(junk=junk_fields)
def test_erasure_confirmation_answers_hostile_input(client, officer, junk):
    code = _response().receipt_code
    answered_politely(client, client.post(f"/manage/responses/erase/{code}", data=junk))


@officer_fuzz
@given(decision=st.one_of(st.sampled_from(["keep", "delete"]), hostile_text), junk=junk_fields)
def test_suspect_decision_answers_hostile_input(client, officer, decision, junk):
    suspect = _response(suspect=True)
    answered_politely(client, client.post(f"/manage/responses/suspect/{suspect.id}", data={**junk, "decision": decision}))


@officer_fuzz
@given(website=st.one_of(st.just(""), hostile_text), junk=junk_fields)
def test_check_answers_page_answers_hostile_input(client, demo, website, junk):
    """The resident's last page: a hidden honeypot field and anything else a script adds."""
    limiter.reset()  # a dozen residents in a few seconds is what the submit limit is for
    complete_survey(client, demo, submit=False)
    answered_politely(client, client.post(f"/c/{demo.slug}/check", data={**junk, "website": website}))
    client.delete_cookie("session")


@officer_fuzz
@given(form=st.sampled_from(["theme", "invite", "review", "safeguarding", "erase"]), raw=st.lists(invalid_utf8, min_size=4, max_size=4))
def test_admin_forms_answer_undecodable_values(client, admin, form, raw):
    if form == "theme":
        url, names = "/manage/themes/new", ["slug", "name", "description", "terms"]
    elif form == "invite":
        url, names = "/manage/users/invite", ["email", "name", "role", "extra"]
    elif form == "review":
        url, names = f"/manage/review/{text_answer('Speeding cars').id}", ["themes", "note", "consultation", "themes"]
    elif form == "safeguarding":
        flag = text_answer("A made-up worry", level="concern", reasons=["fear at home"])
        url, names = f"/manage/safeguarding/{flag.id}", ["kind", "note", "kind", "extra"]
    else:
        url, names = "/manage/responses/erase", ["receipt", "receipt", "extra", "more"]
    answered_politely(client, post_raw(client, url, list(zip(names, raw))))


# Pages added with issues 16 and 17: areas' populations, a partner's areas, safeguarding alerts,
# the partnership's contact details, personal API tokens and the results e-mail.

@officer_fuzz
@given(population=st.one_of(hostile_number, hostile_text), junk=junk_fields)
def test_area_population_form_answers_hostile_input(client, admin, demo, population, junk):
    area = demo.areas[0]
    answered_politely(client, client.post(f"/manage/areas/{area.id}", data={**junk, "population": population}))


@pytest.fixture
def partner(app):
    return create_user("partner-fuzz@example.org", "partner", "a long partner password", name="Partner")


@officer_fuzz
@given(areas=st.lists(st.one_of(hostile_number, hostile_text), max_size=4), junk=junk_fields)
def test_partner_areas_form_answers_hostile_input(client, admin, demo, partner, areas, junk):
    answered_politely(client, client.post(f"/manage/users/{partner.id}/areas", data={**junk, "areas": areas}))


@officer_fuzz
@given(receives=st.one_of(st.just("y"), hostile_text), junk=junk_fields)
def test_safeguarding_alerts_form_answers_hostile_input(client, admin, colleague, receives, junk):
    answered_politely(client, client.post(f"/manage/users/{colleague.id}/alerts", data={**junk, "receives": receives}))


@officer_fuzz
@given(email=st.one_of(short_hostile_text, hostile_text), phone=st.one_of(hostile_number, hostile_text), junk=junk_fields)
def test_contact_details_form_answers_hostile_input(client, admin, email, phone, junk):
    answered_politely(client, client.post("/manage/settings", data={**junk, "email": email, "phone": phone}))


@officer_fuzz
@given(name=st.one_of(short_hostile_text, hostile_text), days=st.one_of(st.sampled_from(["30", "90", "365"]), hostile_number, hostile_text),
       junk=junk_fields)
def test_api_token_form_answers_hostile_input(client, auth, name, days, junk):
    auth.login("partner")
    answered_politely(client, client.post("/account/api-tokens", data={**junk, "name": name, "days": days}))


@officer_fuzz
@given(junk=junk_fields, other=st.booleans())
def test_api_token_revoke_button_answers_hostile_input(client, auth, junk, other):
    from consult.services.accounts.api_tokens import create_token

    user = auth.login("partner")
    token, _secret = create_token(user, "Fuzzed", 30)
    token_id = token.id + 1000 if other else token.id  # someone else's or no such token
    answered_politely(client, client.post(f"/account/api-tokens/{token_id}/revoke", data=junk), allowed=(200, 302, 303, 400, 404, 413))


@officer_fuzz
@given(email=st.one_of(short_hostile_text, hostile_text), junk=junk_fields)
def test_results_email_form_answers_hostile_input(client, demo, email, junk):
    limiter.reset()
    if not getattr(client, "survey_sent", False):
        complete_survey(client, demo)
        client.survey_sent = True
    answered_politely(client, client.post(f"/c/{demo.slug}/results-email", data={**junk, "email": email}))


@officer_fuzz
@given(code=st.one_of(short_hostile_text, hostile_text, hostile_number), junk=junk_fields)
def test_resume_code_form_answers_hostile_input(client, app, code, junk):
    limiter.reset()
    answered_politely(client, client.post("/continue", data={**junk, "code": code}))


@officer_fuzz
@given(email=st.one_of(short_hostile_text, hostile_text), code=st.one_of(short_hostile_text, hostile_text), junk=junk_fields)
def test_saved_draft_email_form_answers_hostile_input(client, app, demo, email, code, junk):
    """With mail configured (a closed port: delivery fails and stays queued), holding a draft or not."""
    app.config["MAIL_SERVER"], app.config["MAIL_PORT"] = "127.0.0.1", 9
    limiter.reset()
    client.get(f"/c/{demo.slug}/q/1")
    answered_politely(client, client.post(f"/c/{demo.slug}/saved/email", data={**junk, "email": email, "code": code}),
                      allowed=(200, 302, 303, 400, 404, 413))


@officer_fuzz
@given(cells=st.dictionaries(st.tuples(st.integers(0, 12), st.sampled_from(["female", "male", "other"])),
                             st.one_of(hostile_number, hostile_text), max_size=6), junk=junk_fields)
def test_population_by_age_and_sex_form_answers_hostile_input(client, admin, demo, cells, junk):
    data = {**junk, **{f"people-{band}-{sex}": value for (band, sex), value in cells.items()}}
    answered_politely(client, client.post(f"/manage/areas/{demo.areas[0].id}/by-age-and-sex", data=data))


@officer_fuzz
@given(action=st.one_of(st.sampled_from(["add", "remove"]), hostile_text), junk=junk_fields)
def test_equality_section_buttons_answer_hostile_input(client, admin, demo, action, junk):
    from tests.integration.manage.builder_helpers import draft_consultation

    draft = db.session.scalar(sa.select(Consultation).where(Consultation.slug == "fuzz-equality")) \
        or draft_consultation("fuzz-equality")
    answered_politely(client, client.post(f"/manage/consultations/{draft.slug}/equality", data={**junk, "action": action}))
