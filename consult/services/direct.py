"""The busiest statements of the resident's path, run on the pool's database connection directly.

Every survey page reads the survey's row and the resident's draft, and every answer updates the
draft. Through the ORM session that one read cost about 117 µs of Python, through a Core
connection 62 µs, and on the driver's own connection 17 µs (a whole survey request costs about
1.1 ms in-process).

A DirectStatement is still an SQLAlchemy Core statement: it is compiled by SQLAlchemy, once per
dialect, and its parameters and result columns pass through the same type processors SQLAlchemy
applies (dates as SQLite stores them, JSON), so what is written and read is exactly what the
ORM writes and reads. Each call takes a connection from the engine's pool (PostgreSQL's
pre-ping included), runs one statement in its own transaction, and gives the connection back;
or, with rows_in, reads within a transaction the caller already has open.
Only simple statements are supported: named bind parameters, no IN lists.
"""
import contextlib
import threading
import weakref

from consult.extensions import db


class _Compiled:
    def __init__(self, statement, dialect):
        compiled = statement.compile(dialect=dialect)
        if compiled.escaped_bind_names or any(bind.expanding for bind in compiled.binds.values()):
            raise ValueError("DirectStatement takes plain named bind parameters only")
        self.sql = str(compiled)
        self.names = list(compiled.positiontup) if compiled.positional else None
        self.defaults = {name: bind.value for name, bind in compiled.binds.items() if not bind.required}
        self.binders = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }
        self.readers = None
        if statement.is_select:
            self.readers = [column.type.dialect_impl(dialect).result_processor(dialect, None) for column in statement.selected_columns]

    def parameters(self, given):
        values = {**self.defaults, **given} if self.defaults else dict(given)
        for name, processor in self.binders.items():
            values[name] = processor(values[name])
        return [values[name] for name in self.names] if self.names is not None else values

    def row(self, raw):
        if raw is None:
            return None
        return tuple(value if reader is None else reader(value) for reader, value in zip(self.readers, raw))


class DirectStatement:
    """A Core statement run on the driver's connection: .first(**params) for a SELECT,
    .execute(**params) for an INSERT, UPDATE or DELETE (committed; returns the row count)."""

    def __init__(self, statement):
        self.statement = statement
        self._by_dialect = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def _compiled(self, dialect):
        compiled = self._by_dialect.get(dialect)
        if compiled is None:
            with self._lock:
                compiled = self._by_dialect.setdefault(dialect, _Compiled(self.statement, dialect))
        return compiled

    def _run(self, params, fetch):
        engine = db.engine
        compiled = self._compiled(engine.dialect)
        connection = engine.raw_connection()
        cursor = dropped = None
        try:
            cursor = connection.cursor()
            cursor.execute(compiled.sql, compiled.parameters(params))
            if fetch:
                return compiled.row(cursor.fetchone())
            count = cursor.rowcount
            connection.commit()
            return count
        except engine.dialect.loaded_dbapi.Error as error:
            if engine.dialect.is_disconnect(error, connection.dbapi_connection, cursor):
                dropped = error
            raise
        finally:
            if cursor is not None:
                # First: SQLite keeps a connection (and its lock) open while a statement is unfinished.
                with contextlib.suppress(Exception):
                    cursor.close()
            if dropped is not None:
                connection.invalidate(dropped)  # as SQLAlchemy does: a dropped connection is not reused
            connection.close()  # back to the pool, which rolls back anything left open

    def first(self, **params):
        """The first row of a SELECT as a tuple of processed values, or None."""
        return self._run(params, fetch=True)

    def execute(self, **params):
        """Run and commit an INSERT, UPDATE or DELETE; the number of rows it changed."""
        return self._run(params, fetch=False)

    def rows_in(self, connection, **params):
        """Every row of a SELECT, run on `connection`, a Core Connection in the caller's
        transaction (such as db.session.connection()): it sees that transaction's uncommitted
        writes, and commits and closes nothing."""
        compiled = self._compiled(connection.dialect)
        cursor = connection.connection.cursor()
        try:
            cursor.execute(compiled.sql, compiled.parameters(params))
            return [compiled.row(raw) for raw in cursor.fetchall()]
        finally:
            cursor.close()
