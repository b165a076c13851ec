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


_ALL_READ = DirectStatement(
    sa.select(_drafts.c.id, _drafts.c.answers, _drafts.c.started_at).where(_drafts.c.consultation_id == sa.bindparam("consultation_id")).order_by(_drafts.c.id)
)


def test_rows_in_a_transaction_see_its_writes_and_commit_nothing(demo):
    first = _draft(demo)
    second = Draft(token_hash="d" * 64, consultation_id=demo.id, answers={"1": [2]}, started_at=first.started_at,
                   updated_at=first.started_at, expires_at=first.expires_at)
    db.session.add(second)
    db.session.flush()  # written in the session's transaction, not committed
    connection = db.session.connection()
    rows = _ALL_READ.rows_in(connection, consultation_id=demo.id)
    assert rows == [(first.id, ANSWERS, first.started_at), (second.id, {"1": [2]}, first.started_at)]
    assert rows == [tuple(row) for row in connection.execute(_ALL_READ.statement, {"consultation_id": demo.id})]
    assert _ALL_READ.rows_in(connection, consultation_id=demo.id + 1000) == []
    db.session.rollback()
    assert _ALL_READ.rows_in(db.session.connection(), consultation_id=demo.id) == [(first.id, ANSWERS, first.started_at)]


def test_the_taxonomy_is_rebuilt_when_a_theme_changes_in_the_same_transaction(client, demo):
    from consult.models import Theme
    from consult.services.tagging import current_taxonomy, place_names

    taxonomy, ids = current_taxonomy()
    assert current_taxonomy()[0] is taxonomy  # unchanged themes: the same compiled taxonomy
    theme = db.session.get(Theme, ids["road-safety"])
    theme.name, theme.customised_at = "Roads and speeding", utcnow()
    theme.updated_at = theme.customised_at
    db.session.flush()
    assert current_taxonomy()[0] is not taxonomy
    assert "Roads and speeding" in {record["name"] for record in current_taxonomy()[0].records()}
    assert set(place_names()) == {area.name for area in demo.areas}
