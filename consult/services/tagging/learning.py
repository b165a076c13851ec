"""The partnership's own analysis model: officers' reviews as training examples, retraining
with a cross-validated before-and-after check, and the model each server loads at start.
"""
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from consult.analysis import store
from consult.analysis.corpus import LabelledRow
from consult.analysis.crossval import retrain_scores
from consult.extensions import db
from consult.models import Answer, AnswerTheme, AuditEvent, Job, SafeguardingAction, User
from consult.services.accounts.audit import record
from consult.services.jobs.dispatch import starter
from consult.services.jobs.runner import create_job, is_lost

# A flag an officer referred or signposted was a real concern; "no further action" was not.
CONCERN_ACTIONS = ("referred_police", "referred_service", "signposted")
NOT_A_CONCERN = ("no_further_action",)
# Quicker than the corpus report's 5 folds, so a retrain fits in one request.
RETRAIN_FOLDS = 3
RETRAIN_INNER_FOLDS = 2
# A new model may lose this much safeguarding recall to rounding, no more.
RECALL_SLACK = 0.005
RETRAIN_ACTIONS = ("analysis.retrained", "analysis.retrain_refused")


def model_folder(app) -> Path:
    """Where the app keeps its models: ANALYSIS_MODEL_DIR, else instance/analysis-models."""
    return Path(app.config.get("ANALYSIS_MODEL_DIR") or Path(app.instance_path) / "analysis-models")


def load_model(app):
    """Make the folder's current model the one this process uses, training one if none exists.

    Cheap when nothing changed (one small file read), so each batch of analysis calls it and
    a worker picks up a model another worker's retrain switched on.
    """
    folder = model_folder(app)
    version = store.current_version(folder)
    model = store.in_use()
    if version is not None and model is not None and model.version == version:
        return model
    return store.load_or_train(folder)


def _safeguarding_decisions(since=None):
    """{answer id: True/False} from officers' closing actions (the latest wins)."""
    query = sa.select(SafeguardingAction.answer_id, SafeguardingAction.kind).where(
        SafeguardingAction.kind.in_(CONCERN_ACTIONS + NOT_A_CONCERN)
    ).order_by(SafeguardingAction.at, SafeguardingAction.id)
    if since is not None:
        query = query.where(SafeguardingAction.at <= since)
    return {answer_id: kind in CONCERN_ACTIONS for answer_id, kind in db.session.execute(query)}


def reviewed_examples(until=None) -> list[LabelledRow]:
    """Officers' reviews as labelled rows: reviewed themes and safeguarding decisions.

    ``until`` keeps only what was decided by then (the examples a past model learned from).
    """
    decisions = _safeguarding_decisions(until)
    reviewed = Answer.reviewed_at.is_not(None)
    if until is not None:
        reviewed = sa.and_(reviewed, Answer.reviewed_at <= until)
    answers = db.session.scalars(
        sa.select(Answer)
        .where(Answer.text.is_not(None), sa.or_(reviewed, Answer.id.in_(list(decisions) or [-1])))
        .options(selectinload(Answer.themes).joinedload(AnswerTheme.theme))
        .order_by(Answer.id)
    ).all()
    rows = []
    for answer in answers:
        known = answer.reviewed_at is not None and (until is None or answer.reviewed_at <= until)
        themes = frozenset(t.theme.slug for t in answer.themes if t.source == "officer") if known else frozenset()
        rows.append(LabelledRow(answer.text, themes, decisions.get(answer.id), themes_known=known))
    return rows


def _trained_at():
    stamp = store.current_model().details.get("trained_at")
    return datetime.fromisoformat(stamp).replace(tzinfo=None) if stamp else None


def reviews_since_training() -> int:
    """Reviews and safeguarding decisions made since the model in use was trained."""
    since = _trained_at()
    reviews = sa.select(sa.func.count(Answer.id)).where(Answer.reviewed_at.is_not(None))
    decisions = sa.select(sa.func.count(SafeguardingAction.id)).where(
        SafeguardingAction.kind.in_(CONCERN_ACTIONS + NOT_A_CONCERN))
    if since is not None:
        reviews = reviews.where(Answer.reviewed_at > since)
        decisions = decisions.where(SafeguardingAction.at > since)
    return db.session.scalar(reviews) + db.session.scalar(decisions)


def model_status(app):
    """What the review page shows: the model in use (as stored, should another worker have
    retrained it) and the reviews it has not learned from."""
    model = load_model(app)
    return {"version": model.version, "trained_at": model.details.get("trained_at"),
            "reviews_used": model.details.get("reviews", 0), "cv": model.details.get("cv"),
            "since": reviews_since_training()}


def last_retrain():
    """The latest retrain's audit event (before, after, switched), or None."""
    event = db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.action.in_(RETRAIN_ACTIONS))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(1)
    )
    if event is None:
        return None
    return {"at": event.at, "switched": event.action == "analysis.retrained", **(event.detail or {})}


def retraining_now() -> bool:
    """True while a retrain job is queued or running (and not lost with its worker)."""
    job = db.session.scalar(
        sa.select(Job).where(Job.kind == "retrain", Job.status.in_(("queued", "running"))).order_by(Job.id.desc()).limit(1)
    )
    return job is not None and not is_lost(job)


def start_retrain(app, user_id, background=True) -> bool:
    """Retrain (see ``retrain``) as the user with `user_id` in a background job (consult/services/jobs),
    as it takes longer than a request may; returns False when a retrain is already under way.
    ``background=False`` waits for it when jobs run in the app's threads.
    """
    if retraining_now():
        return False
    job = create_job("retrain", db.session.get(User, user_id) if user_id else None)
    starter(app).start(job.id, background)
    return True


def retrain_work(job, progress):
    """The `retrain` job's work, in the app context of the worker or thread running it."""
    from flask import current_app

    retrain(current_app, db.session.get(User, job.created_by_id) if job.created_by_id else None)


def _recall(result: dict) -> float:
    return result.get("safeguarding", {}).get("recall", 0.0)


def _summary(result: dict) -> dict:
    """The scores the review page and the audit log show."""
    return {"macro_f1": result["macro_f1"], "none_precision": result["none_precision"],
            "safeguarding_recall": result.get("safeguarding", {}).get("recall")}


def is_worse(before: dict, after: dict) -> bool:
    """A model is worse when its macro-F1 or safeguarding recall falls."""
    return after["macro_f1"] < before["macro_f1"] or _recall(after) < _recall(before) - RECALL_SLACK


def retrain(app, user, folds=RETRAIN_FOLDS, inner_folds=RETRAIN_INNER_FOLDS):
    """Train with every review so far; switch the new model on only if it scores no worse.

    Both scores are cross-validated on the same folds of the corpus plus all reviews. The
    outcome is audit-logged and committed. Returns a dict with before, after, switched,
    version and reviews.
    """
    old = reviewed_examples(until=_trained_at()) if store.current_model().details.get("reviews") else []
    new = reviewed_examples()
    before, after = retrain_scores(old, new, folds=folds, inner_folds=inner_folds)
    switched = not is_worse(before, after)
    version = store.current_model().version
    if switched:
        model = store.train(new)
        model.details["cv"] = _summary(after)
        store.save(model, model_folder(app))
        store.use(model)
        version = model.version
    record("analysis.retrained" if switched else "analysis.retrain_refused", f"model:{version}",
           user=user, reviews=len(new), before=_summary(before), after=_summary(after))
    db.session.commit()
    return {"before": _summary(before), "after": _summary(after), "switched": switched,
            "version": version, "reviews": len(new)}
