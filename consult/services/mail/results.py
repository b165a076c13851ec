"""'Tell me when the results are published': addresses kept apart from responses, used once, deleted."""
import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale, gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.exc import IntegrityError

from consult.extensions import db
from consult.models import ResultsSubscription, utcnow
from consult.services.accounts.users import email_problem, normalise_email
from consult.services.mail import outbox

SALT = "results-unsubscribe"


class SubscriptionProblem(ValueError):
    """The address cannot be used; the message is for the resident."""


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def unsubscribe_token(subscription):
    return _serializer().dumps(subscription.key)


def subscribe(consultation_id, title, email, unsubscribe_url, today=None, language="en"):
    """Keep `email` to tell once when consultation `consultation_id` publishes its results, and
    e-mail a confirmation with a link to withdraw; commits. Returns the unsubscribe token.

    `unsubscribe_url(token)` makes the withdrawal link. Giving the same address twice keeps one.
    `language` is the resident's page language: the results e-mail is written in it later too.
    :raise SubscriptionProblem:
    """
    email = normalise_email(email)
    problem = email_problem(email)
    if problem:
        raise SubscriptionProblem(problem)
    existing = db.session.scalar(
        sa.select(ResultsSubscription).where(ResultsSubscription.consultation_id == consultation_id, ResultsSubscription.email == email)
    )
    if existing is not None:
        return unsubscribe_token(existing)
    subscription = ResultsSubscription(consultation_id=consultation_id, email=email, given_on=today or utcnow().date(), language=language)
    db.session.add(subscription)
    try:
        db.session.flush()
    except IntegrityError:  # the same address from two tabs at once
        db.session.rollback()
        return subscribe(consultation_id, title, email, unsubscribe_url, today, language)
    token = unsubscribe_token(subscription)
    link = unsubscribe_url(token)
    with force_locale(language):
        body = "\n\n".join((
            _("You asked us to tell you when the results of “%(title)s” are published.", title=title),
            _("We will send you one e-mail when they are, then delete your address. It is kept apart "
              "from your answers and is not linked to them."),
            _("If you change your mind, open this link and we will delete your address now:\n%(link)s", link=link),
        ))
        subject = _("You will hear when the results are published")
    outbox.queue("results_subscribed", email, subject, body,
                 ref=f"consultation:{consultation_id}", headers={"List-Unsubscribe": f"<{link}>"})
    db.session.commit()
    return token


def unsubscribe(token):
    """Delete the address the token was made for; commits. False when the token is not ours
    (a mistyped link); True when the address is gone (now or before)."""
    try:
        key = _serializer().loads(token)
    except BadSignature:
        return False
    db.session.execute(sa.delete(ResultsSubscription).where(ResultsSubscription.key == str(key)))
    db.session.commit()
    return True


def tell_subscribers(consultation, results_url):
    """Queue one e-mail to each address waiting for `consultation`'s results, and delete the
    addresses; the caller commits with the publication. Returns how many."""
    subscriptions = db.session.scalars(
        sa.select(ResultsSubscription).where(ResultsSubscription.consultation_id == consultation.id)
    ).all()
    for subscription in subscriptions:
        # Published by an officer, in English; each resident reads it in the language they used.
        with force_locale(subscription.language or "en"):
            body = "\n\n".join((
                _("The results of “%(title)s” are published: what we heard, and what we will do.", title=consultation.title),
                _("Read them here:\n%(link)s", link=results_url),
                _("This is the only e-mail we will send you about it: we have now deleted your address."),
            ))
            subject = _("The results are published")
        outbox.queue("results_published", subscription.email, subject, body, ref=f"consultation:{consultation.id}")
        db.session.delete(subscription)
    return len(subscriptions)

