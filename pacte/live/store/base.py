"""Storage of live sessions: join codes, anonymous participants, answers.

No HTTP here: the server calls a :class:`Store` (possibly from a thread pool)
and turns its exceptions into responses. Two backends share the SQL of
:class:`SQLStore`: SQLite (default, ``data_dir / "live.sqlite3"``) and
PostgreSQL (psycopg 3). No personal data is stored: a participant is a random
id, with no name, e-mail or address.

Every method taking a ``session_id`` raises :class:`UnknownSession` when there
is no such session, except :meth:`Store.session`, which returns ``None``.
Exception messages name internal ids: log them, do not send them to trainees.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from pacte.live.protocol import new_join_code, normalize_join_code
from pacte.live.store.answers import AnswerArgs, AnswersMixin, check_text
from pacte.live.store.errors import SessionClosed, StoreError, UnknownSession
from pacte.live.store.retention import DEFAULT_SESSION_HOURS, RetentionMixin
from pacte.live.store.room import RoomMixin, RoomQuestion
from pacte.live.store.rounds import Counts, RoundsMixin
from pacte.live.store.stages import CURRENT_ROUND_JOIN, StageMixin, StageRow, Tx, activity_key
from pacte.live.store.toolkit import TimerRow, ToolkitMixin

DEFAULT_TTL_SECONDS = int(DEFAULT_SESSION_HOURS * 3600)
MAX_TITLE_CHARS = 200
SQLITE_FILENAME = "live.sqlite3"

Clock = Callable[[], float]


@dataclass(frozen=True)
class LiveSession:
    id: str  # random 128-bit url-safe id, never shown to trainees
    code: str  # join code, unique among open sessions
    title: str
    created_at: float  # unix seconds
    expires_at: float
    closed: bool
    closed_at: float | None = None  # when the trainer closed it (or its time limit, once closed for it)

    def is_open(self, now: float) -> bool:
        """Whether the session accepts participants and answers at ``now``."""
        return not self.closed and now < self.expires_at

    def ended_at(self, now: float) -> float | None:
        """When the session stopped accepting answers, or None while it is open."""
        if self.closed:
            return self.closed_at if self.closed_at is not None else min(self.expires_at, now)
        return self.expires_at if now >= self.expires_at else None


class Store(Protocol):
    def create_session(self, title: str, ttl_seconds: float | None = None) -> LiveSession: ...
    def session_by_code(self, code: str) -> LiveSession | None: ...
    def last_session_by_code(self, code: str) -> LiveSession | None: ...
    def session(self, session_id: str) -> LiveSession | None: ...
    def list_sessions(self) -> list[LiveSession]: ...
    def close_session(self, session_id: str) -> None: ...
    def delete_session(self, session_id: str) -> None: ...
    def add_participant(self, session_id: str) -> str: ...
    def record_answer(self, session_id: str, participant_id: str, activity: str, question: str, answer: str) -> int: ...
    def record_answers(self, answers: Sequence[AnswerArgs]) -> list[int | Exception]: ...
    def aggregate(self, session_id: str) -> dict[tuple[str, str], dict[str, int]]: ...
    def answer_versions(self, session_id: str) -> dict[tuple[str, str], tuple[int, int, int]]: ...
    def aggregate_of(self, session_id: str, activity: str, question: str) -> dict[str, int]: ...
    def participant_count(self, session_id: str) -> int: ...
    def start_round(self, session_id: str, activity: str, questions: Sequence[str]) -> tuple[int, int]: ...
    def current_round(self, session_id: str, activity: str, question: str) -> int: ...
    def current_rounds(self, session_id: str) -> dict[tuple[str, str], int]: ...
    def earlier_rounds(self, session_id: str) -> dict[int, Counts]: ...
    def export_rows(self, session_id: str) -> list[dict]: ...
    def close_expired_sessions(self, now: float | None = None) -> int: ...
    def past_retention(self, retention_days: float = ..., now: float | None = None) -> list[LiveSession]: ...
    def purge_sessions(self, session_ids: Iterable[str]) -> int: ...
    def answer_count(self, session_id: str) -> int: ...
    def stage(self, session_id: str) -> StageRow: ...
    def set_stage(self, session_id: str, kind: str, ref: str, question: str, state: str) -> StageRow: ...
    def set_hidden_answer(self, session_id: str, activity: str, question: str, answer: str, hidden: bool) -> None: ...
    def hidden_answers(self, session_id: str) -> dict[tuple[str, str], set[str]]: ...
    def has_participant(self, session_id: str, participant_id: str) -> bool: ...
    def participant_session(self, participant_id: str) -> str | None: ...
    def touch_participants(self, participant_ids: Iterable[str], now: float | None = None) -> int: ...
    def connected_count(self, session_id: str, window: float = ...) -> int: ...
    def notify(self, session_ids: Iterable[str]) -> None: ...
    def ask_room_question(self, session_id: str, participant_id: str, text: str) -> RoomQuestion: ...
    def vote_room_question(self, session_id: str, participant_id: str, question_id: int, vote: bool) -> int: ...
    def room_questions(self, session_id: str) -> list[RoomQuestion]: ...
    def room_question(self, session_id: str, question_id: int) -> RoomQuestion: ...
    def set_room_question(
        self,
        session_id: str,
        question_ids: Iterable[int] | None,
        *,
        status: str | None = ...,
        answered: bool | None = ...,
    ) -> int: ...
    def set_moderation(self, session_id: str, activity: str, question: str, moderated: bool) -> None: ...
    def moderation(self, session_id: str) -> tuple[bool, dict[tuple[str, str], bool]]: ...
    def approve_answers(self, session_id: str, activity: str, question: str, answers: Iterable[str]) -> None: ...
    def approved_answers(self, session_id: str) -> dict[tuple[str, str], set[str]]: ...
    def close(self) -> None: ...
    # the trainer's toolkit (pacte.live.store.toolkit)
    def save_sequence(self, sequence_id: str | None, title: str, module: str, steps: list[dict]) -> dict: ...
    def saved_sequences(self) -> list[dict]: ...
    def delete_sequence(self, sequence_id: str) -> bool: ...
    def add_spot_question(self, session_id: str, ref: str, definition: dict) -> None: ...
    def spot_question(self, ref: str) -> dict | None: ...
    def spot_questions(self, session_id: str) -> dict[str, dict]: ...
    def timer(self, session_id: str) -> TimerRow | None: ...
    def start_timer(self, session_id: str, seconds: float, close_at_zero: bool) -> TimerRow: ...
    def add_time(self, session_id: str, seconds: float) -> TimerRow | None: ...
    def stop_timer(self, session_id: str) -> bool: ...
    def expire_timer(self, session_id: str) -> bool: ...


def _scalar(row: tuple | None) -> int:
    """The integer of a one-row, one-column query (COUNT, MAX…)."""
    if row is None:
        raise StoreError("the database returned no row for an aggregate query")
    return int(row[0])


def new_code() -> str:
    """A random join code (module-level so that tests can force collisions)."""
    return new_join_code()


def normalize_code(code: object) -> str | None:
    """The code in canonical form, or ``None`` if it cannot be a join code."""
    return normalize_join_code(code)


def iso_utc(t: float) -> str:
    """``2025-03-01T09:30:00Z`` for a unix time."""
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


_SESSION_COLUMNS = "id, code, title, created_at, expires_at, closed, closed_at"


def _session(row: tuple) -> LiveSession:
    closed_at = None if row[6] is None else float(row[6])
    return LiveSession(row[0], row[1], row[2], float(row[3]), float(row[4]), bool(row[5]), closed_at)


class SQLStore(StageMixin, RetentionMixin, RoundsMixin, RoomMixin, ToolkitMixin, AnswersMixin):
    """The store's logic in SQL common to SQLite and PostgreSQL.

    A backend provides :meth:`_tx` (a committed-on-exit transaction, with the
    backend's write serialisation when ``write``), :meth:`_is_unique_violation`
    and :meth:`close`; ``_for_share`` locks the session row against a
    concurrent close or delete where the database needs it.
    """

    dialect = ""
    _for_share = ""
    _session_columns = _SESSION_COLUMNS

    def __init__(self, clock: Clock = time.time):
        self._clock = clock
        self.session_ttl: float = DEFAULT_TTL_SECONDS  # pacte serve --session-hours

    # -- backend hooks ---------------------------------------------------
    def _tx(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _is_unique_violation(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _session_of(self, row: tuple) -> LiveSession:
        return _session(row)

    # -- helpers -----------------------------------------------------------
    def _require_session(self, tx: Tx, session_id: str) -> None:
        if tx.one("SELECT 1 FROM sessions WHERE id = ?", (session_id,)) is None:
            raise UnknownSession(session_id)

    def _require_open(self, tx: Tx, session_id: str, now: float) -> None:
        row = tx.one("SELECT closed, expires_at FROM sessions WHERE id = ?" + self._for_share, (session_id,))
        if row is None:
            raise UnknownSession(session_id)
        if row[0] or now >= row[1]:
            raise SessionClosed(session_id)

    # -- sessions ----------------------------------------------------------
    def create_session(self, title: str, ttl_seconds: float | None = None) -> LiveSession:
        """A new open session accepting answers for ``ttl_seconds`` (default: :attr:`session_ttl`)."""
        check_text("title", title, MAX_TITLE_CHARS)
        ttl_seconds = self.session_ttl if ttl_seconds is None else ttl_seconds
        if isinstance(ttl_seconds, bool) or not isinstance(ttl_seconds, (int, float)) or ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be a positive number, got {ttl_seconds!r}")
        for _ in range(50):
            now = self._clock()
            session = LiveSession(
                id=secrets.token_urlsafe(16),
                code=new_code(),
                title=title,
                created_at=now,
                expires_at=now + ttl_seconds,
                closed=False,
            )
            try:
                with self._tx(write=True) as tx:
                    self._close_expired(tx, now)  # frees the join codes of sessions past their time limit
                    tx.run(
                        f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (session.id, session.code, session.title, session.created_at, session.expires_at, False, None),
                    )
            except Exception as exc:
                if self._is_unique_violation(exc):
                    continue  # join code taken by another open session: draw again
                raise
            return session
        raise StoreError("could not draw a free join code after 50 tries")

    def session_by_code(self, code: str) -> LiveSession | None:
        canonical = normalize_code(code)
        if canonical is None:
            return None
        with self._tx(write=False) as tx:
            row = tx.one(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE code = ? AND NOT closed AND expires_at > ?",
                (canonical, self._clock()),
            )
        return None if row is None else _session(row)

    def last_session_by_code(self, code: str) -> LiveSession | None:
        """The latest session, open or not, that had join code ``code`` (to tell « closed » from « unknown »)."""
        canonical = normalize_code(code)
        if canonical is None:
            return None
        with self._tx(write=False) as tx:
            row = tx.one(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE code = ? ORDER BY created_at DESC LIMIT 1",
                (canonical,),
            )
        return None if row is None else _session(row)

    def session(self, session_id: str) -> LiveSession | None:
        with self._tx(write=False) as tx:
            row = tx.one(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,))
        return None if row is None else _session(row)

    def list_sessions(self) -> list[LiveSession]:
        with self._tx(write=False) as tx:
            rows = tx.all(f"SELECT {_SESSION_COLUMNS} FROM sessions ORDER BY created_at DESC, id")
        return [_session(r) for r in rows]

    def close_session(self, session_id: str) -> None:
        with self._tx(write=True) as tx:
            n = tx.run(
                "UPDATE sessions SET closed = ?, closed_at = COALESCE(closed_at, ?) WHERE id = ?",
                (True, self._clock(), session_id),
            )
            if n == 0:
                raise UnknownSession(session_id)
            self._notify(tx, session_id)

    def delete_session(self, session_id: str) -> None:
        with self._tx(write=True) as tx:
            if tx.run("DELETE FROM sessions WHERE id = ?", (session_id,)) == 0:
                raise UnknownSession(session_id)
            self._notify(tx, session_id)

    # -- participants and answers -----------------------------------------------
    def add_participant(self, session_id: str) -> str:
        participant_id = secrets.token_urlsafe(16)
        with self._tx(write=True) as tx:
            now = self._clock()
            self._require_open(tx, session_id, now)
            tx.run(
                "INSERT INTO participants (id, session_id, joined_at) VALUES (?, ?, ?)",
                (participant_id, session_id, now),
            )
            self._notify(tx, session_id)
        return participant_id

    def participant_count(self, session_id: str) -> int:
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            return _scalar(tx.one("SELECT COUNT(*) FROM participants WHERE session_id = ?", (session_id,)))

    def aggregate(self, session_id: str) -> dict[tuple[str, str], dict[str, int]]:
        """``(activity, question) -> {answer: count}`` over the current round's answers (hidden ones included)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT a.kind, a.ref, a.question, a.answer, COUNT(*) FROM answers a"
                + CURRENT_ROUND_JOIN
                + " WHERE a.session_id = ? AND a.round = COALESCE(r.round, 1)"
                " GROUP BY a.kind, a.ref, a.question, a.answer ORDER BY a.kind, a.ref, a.question, a.answer",
                (session_id,),
            )
        result: dict[tuple[str, str], dict[str, int]] = {}
        for kind, ref, question, answer, count in rows:
            result.setdefault((activity_key(kind, ref), question), {})[answer] = int(count)
        return result

    def export_rows(self, session_id: str) -> list[dict]:
        """One dict per answer of every round, oldest first (``answered_at`` in ISO 8601 UTC, ``time`` unix)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT participant_id, kind, ref, question, answer, answered_at, round FROM answers"
                " WHERE session_id = ? ORDER BY answered_at, id",
                (session_id,),
            )
        return [
            {
                "participant": p,
                "activity": activity_key(k, ref),
                "question": q,
                "answer": ans,
                "answered_at": iso_utc(t),
                "time": float(t),
                "round": int(r),
            }
            for p, k, ref, q, ans, t, r in rows
        ]
