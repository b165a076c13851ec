"""DirectStatement (services/direct.py) reads and writes exactly what the ORM does, on each database."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.models import Draft, utcnow
from consult.services.direct import DirectStatement

_drafts = Draft.__table__
_READ = DirectStatement(
    sa.select(_drafts.c.id, _drafts.c.answers, _drafts.c.started_at, _drafts.c.response_id).where(
        _drafts.c.token_hash == sa.bindparam("token_hash")
    )
)
_UNEXPIRED = DirectStatement(
    sa.select(_drafts.c.id).where(_drafts.c.token_hash == sa.bindparam("token_hash"), _drafts.c.expires_at > sa.bindparam("now"))
)
_KEEP = DirectStatement(
    sa.update(_drafts)
    .where(_drafts.c.token_hash == sa.bindparam("token_hash"))
    .values(answers=sa.bindparam("answers", type_=_drafts.c.answers.type), updated_at=sa.bindparam("now"))
)
_ADD = DirectStatement(
    sa.insert(_drafts).values(
        token_hash=sa.bindparam("token_hash"), consultation_id=sa.bindparam("consultation_id"),
        answers=sa.bindparam("answers", type_=_drafts.c.answers.type),
        started_at=sa.bindparam("now"), updated_at=sa.bindparam("now"), expires_at=sa.bindparam("expires"),
    )
)
ANSWERS = {"3": "Boy racers ‮ on the A595 🚗, «quotes» and 'apostrophes'", "4": [7, 9], "5": {"area_id": 2, "district": "CA28"}}


def _draft(demo, token_hash="a" * 64, **values):
    started = utcnow().replace(microsecond=123456)
    draft = Draft(token_hash=token_hash, consultation_id=demo.id, answers=ANSWERS, started_at=started,
                  updated_at=started, expires_at=started + timedelta(hours=1), **values)
    db.session.add(draft)
    db.session.commit()
    return draft


def test_a_read_gives_what_the_orm_gives(demo):
    draft = _draft(demo)
    assert _READ.first(token_hash=draft.token_hash) == (draft.id, ANSWERS, draft.started_at, None)
    assert _READ.first(token_hash="b" * 64) is None


def test_dates_compare_as_the_orm_stores_them(demo):
    draft = _draft(demo)
    assert _UNEXPIRED.first(token_hash=draft.token_hash, now=draft.expires_at - timedelta(microseconds=1)) == (draft.id,)
    assert _UNEXPIRED.first(token_hash=draft.token_hash, now=draft.expires_at) is None


def test_a_write_is_committed_and_read_back_by_the_orm(demo):
    draft = _draft(demo)
    later = utcnow().replace(microsecond=654321)
    assert _KEEP.execute(token_hash=draft.token_hash, answers={"3": "changed"}, now=later) == 1
    assert _KEEP.execute(token_hash="b" * 64, answers={}, now=later) == 0
    with db.engine.connect() as other:  # another connection sees it: it was committed
        row = other.execute(sa.select(_drafts.c.answers, _drafts.c.updated_at).where(_drafts.c.id == draft.id)).one()
    assert tuple(row) == ({"3": "changed"}, later)
    db.session.expire_all()
    assert db.session.get(Draft, draft.id).answers == {"3": "changed"}


def test_a_failed_statement_changes_nothing_and_gives_its_connection_back(demo):
    taken, consultation_id = _draft(demo).token_hash, demo.id
    db.session.commit()  # the session gives its connection back too
    pool = db.engine.pool
    before = pool.checkedout()
    now = utcnow()
    with pytest.raises(Exception, match="(?i)unique|duplicate"):
        _ADD.execute(token_hash=taken, consultation_id=consultation_id, answers={}, now=now, expires=now)
    assert pool.checkedout() == before
    assert _ADD.execute(token_hash="c" * 64, consultation_id=consultation_id, answers={"1": 2}, now=now, expires=now) == 1
    assert pool.checkedout() == before
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Draft)) == 2


def test_only_plain_named_parameters_are_taken(app):
    in_list = DirectStatement(sa.select(_drafts.c.id).where(_drafts.c.id.in_(sa.bindparam("ids", expanding=True))))
    with pytest.raises(ValueError, match="plain named bind parameters"):
        in_list.first(ids=[1, 2])


def test_a_connection_the_server_dropped_is_not_used_again(demo, monkeypatch):
    taken, consultation_id = _draft(demo).token_hash, demo.id
    db.session.commit()
    invalidated = []
    sa.event.listen(db.engine.pool, "invalidate", lambda dbapi_connection, record, error: invalidated.append(error))
    now = utcnow()
    with pytest.raises(Exception, match="(?i)unique|duplicate"):
        _ADD.execute(token_hash=taken, consultation_id=consultation_id, answers={}, now=now, expires=now)
    assert invalidated == []  # an ordinary error keeps the connection
    monkeypatch.setattr(type(db.engine.dialect), "is_disconnect", lambda self, error, connection, cursor: True)
    with pytest.raises(Exception, match="(?i)unique|duplicate"):
        _ADD.execute(token_hash=taken, consultation_id=consultation_id, answers={}, now=now, expires=now)
    assert len(invalidated) == 1
    monkeypatch.undo()
    assert _READ.first(token_hash=taken)[0]  # a fresh connection serves the next statement
