"""Questions from the room and moderation (mixed into :class:`~pacte.live.store.base.SQLStore`).

A trainee asks a question at any time of an open session; other trainees vote
for it (one vote per participant and question, which they may withdraw). A
question is ``pending`` (waiting for the trainer's approval, when the
session's room questions are moderated), ``approved`` (shown to the room) or
``hidden`` (kept, never shown to the room); the trainer may mark it answered.
The author's participant id is stored (the row goes with the participant) and
never returned.

Moderation of free-text entries (word clouds, open questions): a setting per
``(activity, question)``, and a session default (activity and question
:data:`DEFAULT_KEY`); in a moderated activity an entry reaches the room once
approved (``approved_answers``), hidden entries stay in ``hidden_answers``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pacte.live.store.errors import StoreError, UnknownParticipant
from pacte.live.store.hooks import SessionHooks
from pacte.live.store.stages import Tx, _check_id, activity_key, key_columns

STATUSES = ("pending", "approved", "hidden")
DEFAULT_KEY = "*"  # activity and question of the session's default moderation
ROOM_ACTIVITY = "room:questions"  # the moderation key of the questions from the room
ROOM_QUESTION = "ask"
MAX_QUESTION_CHARS = 280
MAX_QUESTIONS_PER_PARTICIPANT = 20
MAX_QUESTIONS_PER_SESSION = 500


class UnknownRoomQuestion(StoreError):
    """No question from the room has this id in this session (or the room cannot see it)."""

    def __init__(self, session_id: str, question_id: int):
        self.session_id = session_id
        self.question_id = question_id
        super().__init__(f"unknown room question {question_id!r} in live session {session_id!r}")


class TooManyQuestions(StoreError):
    """The participant (or the session) asked as many questions as allowed."""


@dataclass(frozen=True)
class RoomQuestion:
    """A question from the room as the trainer sees it (never its author)."""

    id: int
    text: str
    asked_at: float
    status: str
    answered: bool
    votes: int

    def as_json(self) -> dict:
        """JSON-safe form for the dashboard (``asked_at`` in unix seconds)."""
        return {
            "id": self.id,
            "text": self.text,
            "asked_at": self.asked_at,
            "status": self.status,
            "answered": self.answered,
            "votes": self.votes,
        }


class RoomMixin(SessionHooks):
    """Questions from the room, their votes, moderation settings and approved entries."""

    def _require_participant(self, tx: Tx, session_id: str, participant_id: str) -> None:
        if tx.one("SELECT 1 FROM participants WHERE id = ? AND session_id = ?", (participant_id, session_id)) is None:
            raise UnknownParticipant(session_id, participant_id)

    @staticmethod
    def _moderated(tx: Tx, session_id: str, activity: str, question: str) -> bool:
        rows = tx.all(
            "SELECT kind, ref, moderated FROM moderation WHERE session_id = ?"
            " AND ((kind = ? AND ref = ? AND question = ?) OR (kind = ? AND ref = ? AND question = ?))",
            (session_id, *key_columns(activity), question, *key_columns(DEFAULT_KEY), DEFAULT_KEY),
        )
        own = [bool(m) for k, r, m in rows if activity_key(k, r) != DEFAULT_KEY]
        default = [bool(m) for k, r, m in rows if activity_key(k, r) == DEFAULT_KEY]
        return (own or default or [False])[0]

    # -- questions from the room ----------------------------------------------------
    def ask_room_question(self, session_id: str, participant_id: str, text: str) -> RoomQuestion:
        """Record a question of ``participant_id`` (pending when the room questions are moderated)."""
        _check_id("text", text, MAX_QUESTION_CHARS)
        with self._tx(write=True) as tx:
            now = self._clock()
            self._require_open(tx, session_id, now)
            self._require_participant(tx, session_id, participant_id)
            mine = tx.one(
                "SELECT COUNT(*) FROM room_questions WHERE session_id = ? AND participant_id = ?",
                (session_id, participant_id),
            )
            total = tx.one("SELECT COUNT(*) FROM room_questions WHERE session_id = ?", (session_id,))
            if (mine and mine[0] >= MAX_QUESTIONS_PER_PARTICIPANT) or (total and total[0] >= MAX_QUESTIONS_PER_SESSION):
                raise TooManyQuestions(f"too many room questions in live session {session_id!r}")
            status = "pending" if self._moderated(tx, session_id, ROOM_ACTIVITY, ROOM_QUESTION) else "approved"
            row = tx.one(
                "INSERT INTO room_questions (session_id, participant_id, text, asked_at, status)"
                " VALUES (?, ?, ?, ?, ?) RETURNING id",
                (session_id, participant_id, text, now, status),
            )
            self._notify(tx, session_id)
        if row is None:
            raise StoreError("the database returned no id for a new room question")
        return RoomQuestion(int(row[0]), text, now, status, False, 0)

    def vote_room_question(self, session_id: str, participant_id: str, question_id: int, vote: bool) -> int:
        """Give (``vote``) or withdraw a participant's vote for an approved question; return its votes."""
        with self._tx(write=True) as tx:
            now = self._clock()
            self._require_open(tx, session_id, now)
            self._require_participant(tx, session_id, participant_id)
            found = tx.one(
                "SELECT 1 FROM room_questions WHERE id = ? AND session_id = ? AND status = 'approved'",
                (question_id, session_id),
            )
            if found is None:
                raise UnknownRoomQuestion(session_id, question_id)
            if vote:
                tx.run(
                    "INSERT INTO room_votes (question_id, participant_id, voted_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (question_id, participant_id) DO NOTHING",
                    (question_id, participant_id, now),
                )
            else:
                tx.run(
                    "DELETE FROM room_votes WHERE question_id = ? AND participant_id = ?", (question_id, participant_id)
                )
            votes = tx.one("SELECT COUNT(*) FROM room_votes WHERE question_id = ?", (question_id,))
            self._notify(tx, session_id)
        return int(votes[0]) if votes else 0

    def room_questions(self, session_id: str) -> list[RoomQuestion]:
        """Every question of the session, most voted first (then oldest first)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT q.id, q.text, q.asked_at, q.status, q.answered_at,"
                " (SELECT COUNT(*) FROM room_votes v WHERE v.question_id = q.id) AS votes"
                " FROM room_questions q WHERE q.session_id = ? ORDER BY votes DESC, q.asked_at, q.id",
                (session_id,),
            )
        return [RoomQuestion(int(i), t, float(a), s, d is not None, int(v)) for i, t, a, s, d, v in rows]

    def room_question(self, session_id: str, question_id: int) -> RoomQuestion:
        """One question of the session (UnknownRoomQuestion if there is none)."""
        found = [q for q in self.room_questions(session_id) if q.id == question_id]
        if not found:
            raise UnknownRoomQuestion(session_id, question_id)
        return found[0]

    def set_room_question(
        self,
        session_id: str,
        question_ids: Iterable[int] | None,
        *,
        status: str | None = None,
        answered: bool | None = None,
    ) -> int:
        """Set the status and/or the answered mark of questions (``None``: every pending one); return how many changed."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        with self._tx(write=True) as tx:
            self._require_session(tx, session_id)
            if question_ids is None:
                ids = [
                    int(r[0])
                    for r in tx.all(
                        "SELECT id FROM room_questions WHERE session_id = ? AND status = 'pending'", (session_id,)
                    )
                ]
            else:
                ids = [int(i) for i in question_ids]
            changed = 0
            for qid in ids:
                if tx.one("SELECT 1 FROM room_questions WHERE id = ? AND session_id = ?", (qid, session_id)) is None:
                    raise UnknownRoomQuestion(session_id, qid)
                if status is not None:
                    changed += tx.run("UPDATE room_questions SET status = ? WHERE id = ?", (status, qid))
                if answered is not None:
                    when = self._clock() if answered else None
                    changed += tx.run("UPDATE room_questions SET answered_at = ? WHERE id = ?", (when, qid))
            self._notify(tx, session_id)
        return changed

    # -- moderation -------------------------------------------------------------------
    def set_moderation(self, session_id: str, activity: str, question: str, moderated: bool) -> None:
        """Moderate (or not) one activity's question; :data:`DEFAULT_KEY` twice: the session's default."""
        _check_id("activity", activity)
        _check_id("question", question)
        with self._tx(write=True) as tx:
            self._require_session(tx, session_id)
            tx.run(
                "INSERT INTO moderation (session_id, kind, ref, question, moderated) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id, kind, ref, question) DO UPDATE SET moderated = excluded.moderated",
                (session_id, *key_columns(activity), question, int(bool(moderated))),
            )
            self._notify(tx, session_id)

    def moderation(self, session_id: str) -> tuple[bool, dict[tuple[str, str], bool]]:
        """(the session's default, ``(activity, question) -> moderated`` set for single activities)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = [
                (activity_key(k, r), q, m)
                for k, r, q, m in tx.all(
                    "SELECT kind, ref, question, moderated FROM moderation WHERE session_id = ?", (session_id,)
                )
            ]
        own = {(a, q): bool(m) for a, q, m in rows if a != DEFAULT_KEY}
        default = any(bool(m) for a, _, m in rows if a == DEFAULT_KEY)
        return default, own

    def approve_answers(self, session_id: str, activity: str, question: str, answers: Iterable[str]) -> None:
        """Let these entries reach the room (they are shown again if they were hidden)."""
        _check_id("activity", activity)
        _check_id("question", question)
        texts = [_check_id("answer", a, 2000) for a in answers]
        kind, ref = key_columns(activity)
        with self._tx(write=True) as tx:
            self._require_session(tx, session_id)
            now = self._clock()
            for text in texts:
                tx.run(
                    "INSERT INTO approved_answers (session_id, kind, ref, question, answer, approved_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, kind, ref, question, answer) DO NOTHING",
                    (session_id, kind, ref, question, text, now),
                )
                tx.run(
                    "DELETE FROM hidden_answers WHERE session_id = ? AND kind = ? AND ref = ? AND question = ?"
                    " AND answer = ?",
                    (session_id, kind, ref, question, text),
                )
            self._notify(tx, session_id)

    def approved_answers(self, session_id: str) -> dict[tuple[str, str], set[str]]:
        """``(activity, question) -> {approved answer}`` of a session."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT kind, ref, question, answer FROM approved_answers WHERE session_id = ?", (session_id,)
            )
        result: dict[tuple[str, str], set[str]] = {}
        for kind, ref, question, answer in rows:
            result.setdefault((activity_key(kind, ref), question), set()).add(answer)
        return result
