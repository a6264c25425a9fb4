"""Schema migration of the trainer's toolkit (saved sequences, questions typed on the spot, timers).

Kept apart from :mod:`pacte.live.store.migrations` (near its size limit), whose
``MIGRATIONS`` list imports :data:`TOOLKIT_MIGRATIONS`; same rules.
"""

from __future__ import annotations

_TABLES = """
        CREATE TABLE saved_sequences (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            module TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            created_at {real} NOT NULL,
            updated_at {real} NOT NULL
        );
        CREATE TABLE spot_questions (
            ref TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            created_at {real} NOT NULL
        );
        CREATE INDEX spot_questions_by_session ON spot_questions (session_id, created_at);
        CREATE TABLE timers (
            session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            deadline {real} NOT NULL,
            seconds {real} NOT NULL,
            close_at_zero INTEGER NOT NULL DEFAULT 0
        );
        """

TOOLKIT_MIGRATIONS: list[tuple[int, str, str, str]] = [
    (
        7,
        "trainer's toolkit: saved sequences, questions typed on the spot, a countdown on the pushed activity",
        _TABLES.format(real="REAL"),
        _TABLES.format(real="DOUBLE PRECISION"),
    ),
]
