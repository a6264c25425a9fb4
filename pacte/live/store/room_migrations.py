"""Schema of questions from the room and of moderation (appended to :data:`pacte.live.store.migrations.MIGRATIONS`).

Kept apart from :mod:`pacte.live.store.migrations` (near the file size limit);
the same rules apply: append, never edit a shipped migration.
"""

from __future__ import annotations

_TABLES = """
CREATE TABLE room_questions (
    id {serial},
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    text TEXT NOT NULL,
    asked_at {real} NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'hidden')),
    answered_at {real},
    FOREIGN KEY (participant_id, session_id) REFERENCES participants (id, session_id) ON DELETE CASCADE
);
CREATE INDEX room_questions_session ON room_questions (session_id, status);
CREATE TABLE room_votes (
    question_id {int} NOT NULL REFERENCES room_questions (id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    voted_at {real} NOT NULL,
    PRIMARY KEY (question_id, participant_id)
);
CREATE TABLE moderation (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    activity TEXT NOT NULL,
    question TEXT NOT NULL,
    moderated INTEGER NOT NULL CHECK (moderated IN (0, 1)),
    PRIMARY KEY (session_id, activity, question)
);
CREATE TABLE approved_answers (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    activity TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    approved_at {real} NOT NULL,
    PRIMARY KEY (session_id, activity, question, answer)
)
"""

ROOM_MIGRATIONS: list[tuple[int, str, str, str]] = [
    (
        6,
        "questions from the room and their votes; moderation settings and approved free-text entries",
        _TABLES.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT", real="REAL", int="INTEGER"),
        _TABLES.format(serial="BIGSERIAL PRIMARY KEY", real="DOUBLE PRECISION", int="BIGINT"),
    ),
]
