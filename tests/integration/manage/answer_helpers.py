"""Stored text answers with chosen analysis results, for the review and safeguarding tests.

The texts are made up for these tests; they never come from the evaluation files.
"""
from datetime import timedelta

from consult.extensions import db
from consult.models import Answer, AnswerTheme, Area, Consultation, Question, Response, Theme, utcnow


def consultation(slug="street-safety"):
    area = db.session.query(Area).filter_by(name="Cleator Moor").one_or_none() or Area(name="Cleator Moor", postcode_districts="CA25")
    found = db.session.query(Consultation).filter_by(slug=slug).one_or_none()
    if found:
        return found
    made = Consultation(slug=slug, title=f"Consultation {slug}", status="open", areas=[area])
    made.questions = [Question(position=1, kind="long_text", title="What would make your street feel safer?", required=False)]
    db.session.add(made)
    db.session.commit()
    return made


def theme(slug, name=None):
    found = db.session.query(Theme).filter_by(slug=slug).one_or_none()
    if found:
        return found
    made = Theme(slug=slug, name=name or slug.replace("-", " ").capitalize(), terms=[slug.replace("-", " ")], active=True)
    db.session.add(made)
    db.session.commit()
    return made


def text_answer(text, of=None, level="none", reasons=(), auto=(), undecided=False, age_minutes=0, redacted=None):
    """A submitted response with one text answer; `auto` is [(theme, confidence), ...]."""
    of = of or consultation()
    response = Response(consultation=of, area=of.areas[0] if of.areas else None, channel="web",
                        submitted_at=utcnow() - timedelta(minutes=age_minutes))
    answer = Answer(question=of.questions[0], text=text, redacted_text=redacted or text, sentiment=0.0,
                    undecided=undecided, safeguarding_level=level, safeguarding_reasons=list(reasons), analysed_at=utcnow())
    answer.themes = [AnswerTheme(theme=tag, source="auto", confidence=confidence, evidence=[tag.slug]) for tag, confidence in auto]
    response.answers = [answer]
    db.session.add(response)
    db.session.commit()
    return answer
