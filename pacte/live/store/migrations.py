"""Versioned schema migrations for the live-session store (SQLite and PostgreSQL).

``MIGRATIONS`` is an ordered list of ``(version, description, sql_for_sqlite,
sql_for_postgres)``. Versions start at 1 and grow by one. The applied versions
are rows of the ``schema_version`` table. :func:`migrate` applies every
pending migration, in order, inside one transaction: a failing migration
leaves the database exactly as it was.

Rules for a new migration: append, never edit a shipped one; keep rows (an
``ALTER TABLE … ADD COLUMN`` or a new table, or for SQLite a
create-copy-drop-rename inside the migration); no ``;`` inside string literals
(statements are split on ``;``); no parameters.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pacte.live.store.base import StoreError
from pacte.live.store.key_migrations import KEY_MIGRATIONS
from pacte.live.store.room_migrations import ROOM_MIGRATIONS
from pacte.live.store.toolkit_migrations import TOOLKIT_MIGRATIONS

SQLITE = "sqlite"
POSTGRES = "postgres"

# Taken with pg_advisory_xact_lock so that two servers opening the same
# database at once do not both migrate it.
_PG_LOCK_ID = 0x7061637465  # "pacte"

MIGRATIONS: list[tuple[int, str, str, str]] = [
    (
        1,
        "initial schema: sessions, anonymous participants, one current answer per question",
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            title TEXT NOT NULL,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
        );
        CREATE UNIQUE INDEX sessions_open_code ON sessions (code) WHERE closed = 0;
        CREATE INDEX sessions_expires_at ON sessions (expires_at);
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            joined_at REAL NOT NULL,
            UNIQUE (id, session_id)
        );
        CREATE INDEX participants_session ON participants (session_id);
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            answered_at REAL NOT NULL,
            UNIQUE (session_id, participant_id, activity, question),
            FOREIGN KEY (participant_id, session_id)
                REFERENCES participants (id, session_id) ON DELETE CASCADE
        );
        """,
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            title TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            expires_at DOUBLE PRECISION NOT NULL,
            closed BOOLEAN NOT NULL DEFAULT FALSE
        );
        CREATE UNIQUE INDEX sessions_open_code ON sessions (code) WHERE NOT closed;
        CREATE INDEX sessions_expires_at ON sessions (expires_at);
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            joined_at DOUBLE PRECISION NOT NULL,
            UNIQUE (id, session_id)
        );
        CREATE INDEX participants_session ON participants (session_id);
        CREATE TABLE answers (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            answered_at DOUBLE PRECISION NOT NULL,
            UNIQUE (session_id, participant_id, activity, question),
            FOREIGN KEY (participant_id, session_id)
                REFERENCES participants (id, session_id) ON DELETE CASCADE
        );
        """,
    ),
    (
        2,
        "hidden questions, sessions.closed_at, index for per-question aggregates",
        """
        ALTER TABLE sessions ADD COLUMN closed_at REAL;
        CREATE TABLE hidden_questions (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            hidden_at REAL NOT NULL,
            PRIMARY KEY (session_id, activity, question)
        );
        CREATE INDEX answers_by_question ON answers (session_id, activity, question, answer);
        """,
        """
        ALTER TABLE sessions ADD COLUMN closed_at DOUBLE PRECISION;
        CREATE TABLE hidden_questions (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            hidden_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (session_id, activity, question)
        );
        CREATE INDEX answers_by_question ON answers (session_id, activity, question, answer);
        """,
    ),
    (
        3,
        "session stage pushed by the trainer, hidden word-cloud entries, participants' last_seen",
        """
        CREATE TABLE stages (
            session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('idle', 'open', 'closed', 'revealed')),
            updated_at REAL NOT NULL
        );
        CREATE TABLE hidden_answers (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            hidden_at REAL NOT NULL,
            PRIMARY KEY (session_id, activity, question, answer)
        );
        ALTER TABLE participants ADD COLUMN last_seen REAL;
        CREATE INDEX participants_last_seen ON participants (session_id, last_seen);
        """,
        """
        CREATE TABLE stages (
            session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            seq BIGINT NOT NULL,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('idle', 'open', 'closed', 'revealed')),
            updated_at DOUBLE PRECISION NOT NULL
        );
        CREATE TABLE hidden_answers (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            hidden_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (session_id, activity, question, answer)
        );
        ALTER TABLE participants ADD COLUMN last_seen DOUBLE PRECISION;
        CREATE INDEX participants_last_seen ON participants (session_id, last_seen);
        """,
    ),
    (
        4,
        "activities the trainer closed or revealed: they stay closed after the next push; "
        "index for per-question answer versions (the summary rebuilt incrementally)",
        """
        CREATE TABLE closed_activities (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            closed_at REAL NOT NULL,
            PRIMARY KEY (session_id, kind, ref, question)
        );
        CREATE INDEX answers_versions ON answers (session_id, activity, question, answered_at);
        """,
        """
        CREATE TABLE closed_activities (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            closed_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (session_id, kind, ref, question)
        );
        CREATE INDEX answers_versions ON answers (session_id, activity, question, answered_at);
        """,
    ),
    (
        5,
        "rounds: answers kept per round of a question (a reset starts a new round), the current round of each question",
        """
        CREATE TABLE answers_v4 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            answered_at REAL NOT NULL,
            round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
            UNIQUE (session_id, participant_id, activity, question, round),
            FOREIGN KEY (participant_id, session_id)
                REFERENCES participants (id, session_id) ON DELETE CASCADE
        );
        INSERT INTO answers_v4 (id, session_id, participant_id, activity, question, answer, answered_at, round)
            SELECT id, session_id, participant_id, activity, question, answer, answered_at, 1 FROM answers;
        DROP TABLE answers;
        ALTER TABLE answers_v4 RENAME TO answers;
        CREATE INDEX answers_by_question ON answers (session_id, activity, question, round, answer);
        CREATE INDEX answers_versions ON answers (session_id, activity, question, answered_at);
        CREATE TABLE rounds (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            round INTEGER NOT NULL CHECK (round >= 1),
            started_at REAL NOT NULL,
            PRIMARY KEY (session_id, activity, question)
        );
        """,
        """
        ALTER TABLE answers ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1);
        ALTER TABLE answers DROP CONSTRAINT answers_session_id_participant_id_activity_question_key;
        ALTER TABLE answers ADD CONSTRAINT answers_one_per_round
            UNIQUE (session_id, participant_id, activity, question, round);
        DROP INDEX answers_by_question;
        CREATE INDEX answers_by_question ON answers (session_id, activity, question, round, answer);
        CREATE TABLE rounds (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            activity TEXT NOT NULL,
            question TEXT NOT NULL,
            round INTEGER NOT NULL CHECK (round >= 1),
            started_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (session_id, activity, question)
        );
        """,
    ),
    *ROOM_MIGRATIONS,
    *TOOLKIT_MIGRATIONS,
    *KEY_MIGRATIONS,
]

LATEST_VERSION = MIGRATIONS[-1][0]


class MigrationError(StoreError):
    """The database schema cannot be brought to the version this code expects."""


def split_sql(script: str) -> list[str]:
    """Split a migration script into statements (on ``;``; no ``;`` in literals)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def _ph(dialect: str) -> str:
    if dialect == SQLITE:
        return "?"
    if dialect == POSTGRES:
        return "%s"
    raise ValueError(f"unknown SQL dialect {dialect!r} (expected 'sqlite' or 'postgres')")


@contextmanager
def _transaction(conn: Any, dialect: str) -> Iterator[None]:
    if dialect == POSTGRES:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_ID,))
            yield
        return
    if conn.in_transaction:
        raise MigrationError("migrate() needs a SQLite connection with no open transaction")
    conn.execute("BEGIN IMMEDIATE")  # takes the write lock: one migrating process at a time
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _has_version_table(conn: Any, dialect: str) -> bool:
    if dialect == SQLITE:
        row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
        return row is not None
    return conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]


def _max_version(conn: Any) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def current_version(conn: Any, dialect: str) -> int:
    """Return the schema version of the database (0: no schema yet)."""
    _ph(dialect)
    return _max_version(conn) if _has_version_table(conn, dialect) else 0


def applied_versions(conn: Any, dialect: str) -> list[int]:
    """Return the versions recorded in ``schema_version``, in order."""
    if not _has_version_table(conn, dialect):
        return []
    return [int(r[0]) for r in conn.execute("SELECT version FROM schema_version ORDER BY version")]


def migrate(
    conn: Any, dialect: str, target: int | None = None, migrations: list[tuple[int, str, str, str]] | None = None
) -> list[int]:
    """Bring the database to ``target`` (default: the latest version); return the versions applied.

    ``conn`` is a :mod:`sqlite3` connection (``dialect="sqlite"``, no open
    transaction) or a psycopg 3 connection (``dialect="postgres"``). All the
    pending migrations run in one transaction. A database newer than this
    code raises :class:`MigrationError`; so does a ``target`` older than the
    database (migrations only go forward).
    """
    ph = _ph(dialect)
    migrations = MIGRATIONS if migrations is None else migrations
    versions = [m[0] for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise MigrationError(f"migration versions must be 1, 2, 3… in order, got {versions}")
    latest = versions[-1] if versions else 0
    target = latest if target is None else target
    if not 0 <= target <= latest:
        raise MigrationError(f"unknown target schema version {target} (latest is {latest})")
    applied: list[int] = []
    with _transaction(conn, dialect):
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY,"
            " description TEXT NOT NULL,"
            " applied_at DOUBLE PRECISION NOT NULL)"
        )
        current = _max_version(conn)
        if current > latest:
            raise MigrationError(
                f"the live-session database is at schema version {current}, newer than this "
                f"code knows ({latest}): upgrade the course package"
            )
        if current > target:
            raise MigrationError(f"the database is at schema version {current}, past the target {target}")
        for version, description, sql_sqlite, sql_postgres in migrations:
            if not current < version <= target:
                continue
            for statement in split_sql(sql_sqlite if dialect == SQLITE else sql_postgres):
                conn.execute(statement)
            conn.execute(
                f"INSERT INTO schema_version (version, description, applied_at) VALUES ({ph}, {ph}, {ph})",
                (version, description, time.time()),
            )
            applied.append(version)
    return applied
