"""The optional "About you" section: standard equality questions an officer adds or removes in one action.

The wording follows the ONS 2021 census (England and Wales), with "Prefer not to say" on each.
The answers are special category data: the board and partners see them only as suppressed
counts (summaries/overview.py, summaries/representation.py), never per response, never as a
filter beside quotes, and officers' per-response exports leave them out (exports.py).
"""
from consult.extensions import db
from consult.models import Option, Question
from consult.services.accounts import audit
from consult.services.consultations.builder import has_responses

SECTION = "about_you"
PREFER_NOT = "Prefer not to say"
AGE_BANDS = ("Under 16", "16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 to 74", "75 or over")
SEXES = ("Female", "Male")
AGE_TITLE = "What is your age?"
SEX_TITLE = "What is your sex?"
HINT = "This question is optional. We ask it to check that we hear from everyone; your answer is never shown with your other answers."

# ONS 2021 census ethnic groups: the five high-level groups, each with its sub-options, as the census lists them.
ETHNIC_GROUPS = (
    "Asian, Asian British or Asian Welsh: Bangladeshi",
    "Asian, Asian British or Asian Welsh: Chinese",
    "Asian, Asian British or Asian Welsh: Indian",
    "Asian, Asian British or Asian Welsh: Pakistani",
    "Asian, Asian British or Asian Welsh: any other Asian background",
    "Black, Black British, Black Welsh, Caribbean or African: African",
    "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
    "Black, Black British, Black Welsh, Caribbean or African: any other Black, Black British or Caribbean background",
    "Mixed or Multiple ethnic groups: White and Asian",
    "Mixed or Multiple ethnic groups: White and Black African",
    "Mixed or Multiple ethnic groups: White and Black Caribbean",
    "Mixed or Multiple ethnic groups: any other Mixed or Multiple background",
    "White: English, Welsh, Scottish, Northern Irish or British",
    "White: Irish",
    "White: Gypsy or Irish Traveller",
    "White: Roma",
    "White: any other White background",
    "Other ethnic group: Arab",
    "Other ethnic group: any other ethnic group",
)

STANDARD_QUESTIONS = (
    (AGE_TITLE, AGE_BANDS),
    (SEX_TITLE, SEXES),
    ("Is the gender you identify with the same as your sex registered at birth?", ("Yes", "No")),
    ("What is your ethnic group?", ETHNIC_GROUPS),
    (
        "Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?",
        ("Yes, and it reduces my ability to carry out day-to-day activities a lot",
         "Yes, and it reduces my ability to carry out day-to-day activities a little",
         "Yes, but it does not reduce my ability to carry out day-to-day activities",
         "No"),
    ),
    (
        "What is your religion?",
        ("No religion", "Christian", "Buddhist", "Hindu", "Jewish", "Muslim", "Sikh", "Any other religion"),
    ),
    (
        "Which of the following best describes your sexual orientation?",
        ("Straight or heterosexual", "Gay or lesbian", "Bisexual", "Other sexual orientation"),
    ),
)


class SectionLocked(Exception):
    """Raised when the section would change after the first response."""


def ensure_editable(consultation):
    """:raise SectionLocked: once the consultation has a response."""
    if has_responses(consultation):
        raise SectionLocked(consultation.slug)


def next_main_position(consultation):
    """The position for a new main question: before the "About you" section, which moves down one; flushes."""
    section = sorted((q for q in consultation.questions if q.section == SECTION), key=lambda q: -q.position)
    if not section:
        return max((q.position for q in consultation.questions), default=0) + 1
    first = section[-1].position
    # Positions are unique per consultation: move the last one first.
    for question in section:
        question.position += 1
        db.session.flush()
    return first


def has_section(consultation):
    return any(question.section == SECTION for question in consultation.questions)


def add_equality_questions(consultation, user):
    """Append the standard optional questions after the main ones; commits. Does nothing if present.

    :raise SectionLocked: once the consultation has a response.
    """
    ensure_editable(consultation)
    if has_section(consultation):
        return False
    position = max((q.position for q in consultation.questions), default=0)
    for offset, (title, labels) in enumerate(STANDARD_QUESTIONS, start=1):
        question = Question(position=position + offset, kind="single", title=title, hint=HINT, required=False, section=SECTION)
        for index, label in enumerate((*labels, PREFER_NOT), start=1):
            question.options.append(Option(position=index, label=label, value=None, exclusive=label == PREFER_NOT))
        consultation.questions.append(question)
    db.session.flush()
    audit.record("equality.added", f"consultation:{consultation.id}", user=user)
    db.session.commit()
    return True


def remove_equality_questions(consultation, user):
    """Remove the whole "About you" section; the main questions keep their order. Commits.

    :raise SectionLocked: once the consultation has a response.
    """
    ensure_editable(consultation)
    if not has_section(consultation):
        return False
    for question in [q for q in consultation.questions if q.section == SECTION]:
        consultation.questions.remove(question)
    db.session.flush()
    audit.record("equality.removed", f"consultation:{consultation.id}", user=user)
    db.session.commit()
    return True
