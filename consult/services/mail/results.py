"""'Tell me when the results are published': addresses kept apart from responses, used once, deleted."""
import sqlalchemy as sa
from flask import current_app
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


def subscribe(consultation_id, title, email, unsubscribe_url, today=None):
    """Keep `email` to tell once when consultation `consultation_id` publishes its results, and
    e-mail a confirmation with a link to withdraw; commits. Returns the unsubscribe token.

    `unsubscribe_url(token)` makes the withdrawal link. Giving the same address twice keeps one.
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
    subscription = ResultsSubscription(consultation_id=consultation_id, email=email, given_on=today or utcnow().date())
    db.session.add(subscription)
    try:
        db.session.flush()
    except IntegrityError:  # the same address from two tabs at once
        db.session.rollback()
        return subscribe(consultation_id, title, email, unsubscribe_url, today)
    token = unsubscribe_token(subscription)
    link = unsubscribe_url(token)
    body = (
        f"You asked us to tell you when the results of “{title}” are published.\n\n"
        "We will send you one e-mail when they are, then delete your address. It is kept apart "
        "from your answers and is not linked to them.\n\n"
        f"If you change your mind, open this link and we will delete your address now:\n{link}"
    )
    outbox.queue("results_subscribed", email, "You will hear when the results are published", body,
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
    body = (
        f"The results of “{consultation.title}” are published: what we heard, and what we will do.\n\n"
        f"Read them here:\n{results_url}\n\n"
        "This is the only e-mail we will send you about it: we have now deleted your address."
    )
    for subscription in subscriptions:
        outbox.queue("results_published", subscription.email, "The results are published", body, ref=f"consultation:{consultation.id}")
        db.session.delete(subscription)
    return len(subscriptions)

