"""Schema migration 8: the activity key ``"<kind>:<ref>"`` stored as two columns, ``kind`` and ``ref``.

Appended to :data:`pacte.live.store.migrations.MIGRATIONS`; same rules. The
tables that held the joined key (answers, rounds, hidden answers, moderation,
approved answers) get ``kind`` and ``ref`` as the stage and the closed
activities already had them, so no query splits or joins the key. Every row is
kept: ``kind`` is the text before the first colon (all of it without one),
``ref`` the text after it (``''`` without one, as
:func:`pacte.live.protocol.split_activity`). SQLite rebuilds each table
(create, copy, drop, rename); PostgreSQL alters it in place. The unused
``hidden_questions`` table of version 2 is left as it is.
"""

from __future__ import annotations

_SQLITE_KIND = "CASE WHEN instr(activity, ':') > 0 THEN substr(activity, 1, instr(activity, ':') - 1) ELSE activity END"
_SQLITE_REF = "CASE WHEN instr(activity, ':') > 0 THEN substr(activity, instr(activity, ':') + 1) ELSE '' END"
_PG_KIND = "split_part(activity, ':', 1)"
_PG_REF = "CASE WHEN strpos(activity, ':') > 0 THEN substr(activity, strpos(activity, ':') + 1) ELSE '' END"

_TABLES: dict[str, tuple[str, str]] = {
    # table: (columns before and after the key in the old table, the new table's body)
    "answers": (
        "id, session_id, participant_id|question, answer, answered_at, round",
        """
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            answered_at REAL NOT NULL,
            round INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
            UNIQUE (session_id, participant_id, kind, ref, question, round),
            FOREIGN KEY (participant_id, session_id)
                REFERENCES participants (id, session_id) ON DELETE CASCADE
        """,
    ),
    "rounds": (
        "session_id|question, round, started_at",
        """
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            round INTEGER NOT NULL CHECK (round >= 1),
            started_at REAL NOT NULL,
            PRIMARY KEY (session_id, kind, ref, question)
        """,
    ),
    "hidden_answers": (
        "session_id|question, answer, hidden_at",
        """
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            hidden_at REAL NOT NULL,
            PRIMARY KEY (session_id, kind, ref, question, answer)
        """,
    ),
    "moderation": (
        "session_id|question, moderated",
        """
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            moderated INTEGER NOT NULL CHECK (moderated IN (0, 1)),
            PRIMARY KEY (session_id, kind, ref, question)
        """,
    ),
    "approved_answers": (
        "session_id|question, answer, approved_at",
        """
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            ref TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            approved_at REAL NOT NULL,
            PRIMARY KEY (session_id, kind, ref, question, answer)
        """,
    ),
}
# Primary keys and unique constraints PostgreSQL rebuilds on the new columns (its default names).
_PG_KEYS = {
    "answers": ("answers_one_per_round", "UNIQUE (session_id, participant_id, kind, ref, question, round)"),
    "rounds": ("rounds_pkey", "PRIMARY KEY (session_id, kind, ref, question)"),
    "hidden_answers": ("hidden_answers_pkey", "PRIMARY KEY (session_id, kind, ref, question, answer)"),
    "moderation": ("moderation_pkey", "PRIMARY KEY (session_id, kind, ref, question)"),
    "approved_answers": ("approved_answers_pkey", "PRIMARY KEY (session_id, kind, ref, question, answer)"),
}
_INDEXES = """
CREATE INDEX answers_by_question ON answers (session_id, kind, ref, question, round, answer);
CREATE INDEX answers_versions ON answers (session_id, kind, ref, question, answered_at);
"""


def _sqlite() -> str:
    parts = []
    for table, (columns, body) in _TABLES.items():
        before, after = columns.split("|")
        new = f"{before}, kind, ref, {after}"
        parts.append(
            f"CREATE TABLE {table}_v8 ({body});\n"
            f"INSERT INTO {table}_v8 ({new}) SELECT {before}, {_SQLITE_KIND}, {_SQLITE_REF}, {after} FROM {table};\n"
            f"DROP TABLE {table};\n"
            f"ALTER TABLE {table}_v8 RENAME TO {table};\n"
        )
    return "".join(parts) + _INDEXES


def _postgres() -> str:
    parts = ["DROP INDEX answers_by_question;\nDROP INDEX answers_versions;\n"]
    for table, (name, key) in _PG_KEYS.items():
        parts.append(
            f"ALTER TABLE {table} ADD COLUMN kind TEXT, ADD COLUMN ref TEXT;\n"
            f"UPDATE {table} SET kind = {_PG_KIND}, ref = {_PG_REF};\n"
            f"ALTER TABLE {table} DROP CONSTRAINT {name};\n"
            f"ALTER TABLE {table} ALTER COLUMN kind SET NOT NULL, ALTER COLUMN ref SET NOT NULL, DROP COLUMN activity;\n"
            f"ALTER TABLE {table} ADD CONSTRAINT {name} {key};\n"
        )
    return "".join(parts) + _INDEXES


KEY_MIGRATIONS: list[tuple[int, str, str, str]] = [
    (
        8,
        "the activity key as two columns, kind and ref, in answers, rounds, hidden answers, moderation and approvals",
        _sqlite(),
        _postgres(),
    ),
]
