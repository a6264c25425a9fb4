"""What the trainer leads in a session: the pushed activity (the stage), hidden word-cloud entries, presence.

Mixed into :class:`pacte.live.store.base.SQLStore`. Everything is in the
database, so every ``pacte serve`` process and a restarted server see the
same stage. On PostgreSQL every change sends ``NOTIFY pacte_live, '<session
id>'`` inside its own transaction (delivered at commit, to every process
listening, see :mod:`pacte.live.hub`); SQLite has one process, nothing to send.

Presence: a process keeps the participants whose event stream is open and
writes their ``last_seen`` in batches (:meth:`StageMixin.touch_participants`);
a participant is counted connected while ``last_seen`` is recent
(:data:`PRESENCE_WINDOW`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from pacte.live.notices import CHANNEL, urgent
from pacte.live.store.errors import ActivityClosed, SessionClosed, UnknownSession

# Answers of each question's current round: `a` is answers, `r` its rounds row (none: round 1).
CURRENT_ROUND_JOIN = (
    " LEFT JOIN rounds r ON r.session_id = a.session_id AND r.kind = a.kind AND r.ref = a.ref"
    " AND r.question = a.question"
)

STATES = ("idle", "open", "closed", "revealed")
CLOSED_STATES = ("closed", "revealed")
# A pushed survey question covers the answers of every structure (as pacte.live.survey.SURVEY_ALL).
SURVEY_ALL = "all"
PRESENCE_WINDOW = 45.0  # seconds: a participant seen this recently counts as connected
MAX_ID_CHARS = 200
MAX_HIDDEN_ANSWER_CHARS = 2000
_BATCH = 500


class Tx(Protocol):
    """What a backend's transaction offers to the store (``?`` placeholders)."""

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...
    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None: ...
    def run(self, sql: str, params: Sequence[Any] = ()) -> int: ...


@dataclass(frozen=True)
class StageRow:
    """The current stage of a session as stored (``seq`` 0 and state ``idle``: nothing pushed yet)."""

    seq: int
    kind: str
    ref: str
    question: str
    state: str
    updated_at: float

    @property
    def activity(self) -> str:
        """``"<kind>:<ref>"`` as in a trainee's answer (``""`` when idle)."""
        return f"{self.kind}:{self.ref}" if self.kind else ""

    @property
    def accepts_answers(self) -> bool:
        """Whether answers to the pushed activity are accepted."""
        return self.state not in CLOSED_STATES


IDLE = StageRow(0, "", "", "", "idle", 0.0)


def key_columns(activity: str) -> tuple[str, str]:
    """The ``(kind, ref)`` columns an activity key ``"<kind>:<ref>"`` is stored in (``("*", "")`` for ``"*"``)."""
    kind, colon, ref = activity.partition(":")
    if colon and not ref:
        raise ValueError(f"activity {activity!r} has a colon but no ref")
    return kind, ref


def activity_key(kind: str, ref: str) -> str:
    """The activity key of stored ``kind`` and ``ref`` columns (the inverse of :func:`key_columns`)."""
    return f"{kind}:{ref}" if ref else kind


def _check_id(name: str, value: object, max_chars: int = MAX_ID_CHARS) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value or len(value) > max_chars or "\x00" in value:
        raise ValueError(f"{name} must be 1 to {max_chars} characters without NUL")
    return value


class StageMixin:
    """Stage, hidden answers and presence, in SQL common to SQLite and PostgreSQL."""

    dialect = ""
    _for_update = ""  # PostgreSQL: the stage change waits for answers being recorded (FOR SHARE)
    _clock: Callable[[], float]

    def _tx(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _require_session(self, tx: Tx, session_id: str) -> None:
        raise NotImplementedError

    def _notify(self, tx: Tx, session_id: str) -> None:
        """Tell every listening process that ``session_id`` changed (PostgreSQL, at commit)."""
        if self.dialect == "postgres":
            tx.one("SELECT pg_notify(?, ?)", (CHANNEL, session_id))

    def notify(self, session_ids: Iterable[str]) -> None:
        """Send a change notification for each session (no-op on SQLite)."""
        ids = sorted(set(session_ids))
        if self.dialect != "postgres" or not ids:
            return
        with self._tx(write=True) as tx:
            for session_id in ids:
                self._notify(tx, session_id)

    def _require_accepting(self, tx: Tx, session_id: str, activity: str, question: str) -> None:
        """Raise :class:`ActivityClosed` unless answers to ``activity``/``question`` are accepted now.

        The pushed activity accepts answers while its state is open; any other
        activity (a page's own, answered from the book) while the trainer has
        not closed or revealed it: closing is remembered after the next push
        (``closed_activities``), until the trainer pushes it open again. The
        same covering rule as :func:`pacte.live.catalogue.stage_covers`, in SQL
        (atomic with the insert).
        """
        kind, ref = key_columns(activity)
        covers = " AND kind = ? AND ref = ? AND (question = ? OR (kind = 'survey' AND question = ?))"
        params = (session_id, kind, ref, question, SURVEY_ALL)
        row = tx.one("SELECT state FROM stages WHERE session_id = ?" + covers, params)
        if row is not None:
            if row[0] in CLOSED_STATES:
                raise ActivityClosed(session_id, activity, question)
            return
        if tx.one("SELECT 1 FROM closed_activities WHERE session_id = ?" + covers, params) is not None:
            raise ActivityClosed(session_id, activity, question)

    def _remember_closing(self, tx: Tx, session_id: str, kind: str, ref: str, question: str, state: str) -> None:
        """Record that the trainer closed (or reopened, by pushing it open) an activity."""
        if state in CLOSED_STATES:
            tx.run(
                "INSERT INTO closed_activities (session_id, kind, ref, question, closed_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id, kind, ref, question) DO NOTHING",
                (session_id, kind, ref, question, self._clock()),
            )
        elif state == "open":
            tx.run(
                "DELETE FROM closed_activities WHERE session_id = ? AND kind = ? AND ref = ? AND question = ?",
                (session_id, kind, ref, question),
            )

    # -- stage -------------------------------------------------------------------
    def stage(self, session_id: str) -> StageRow:
        """The current stage of a session (:data:`IDLE` when nothing was ever pushed)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            row = tx.one(
                "SELECT seq, kind, ref, question, state, updated_at FROM stages WHERE session_id = ?", (session_id,)
            )
        if row is None:
            return IDLE
        return StageRow(int(row[0]), row[1], row[2], row[3], row[4], float(row[5]))

    def set_stage(self, session_id: str, kind: str, ref: str, question: str, state: str) -> StageRow:
        """Push an activity (or ``state="idle"`` to clear); ``seq`` grows by one. Closed session → SessionClosed."""
        if state not in STATES:
            raise ValueError(f"state must be one of {STATES}, not {state!r}")
        if state == "idle":
            kind = ref = question = ""
        else:
            _check_id("kind", kind, 40)
            _check_id("ref", ref)
            _check_id("question", question)
            if ":" in kind:
                raise ValueError("kind must not contain ':'")
        with self._tx(write=True) as tx:
            now = self._clock()
            row = tx.one("SELECT closed, expires_at FROM sessions WHERE id = ?" + self._for_update, (session_id,))
            if row is None:
                raise UnknownSession(session_id)
            if row[0] or now >= row[1]:
                raise SessionClosed(session_id)
            seq = tx.one(
                "INSERT INTO stages (session_id, seq, kind, ref, question, state, updated_at)"
                " VALUES (?, 1, ?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET seq = stages.seq + 1, kind = excluded.kind,"
                " ref = excluded.ref, question = excluded.question, state = excluded.state,"
                " updated_at = excluded.updated_at"
                " RETURNING seq",
                (session_id, kind, ref, question, state, now),
            )
            self._remember_closing(tx, session_id, kind, ref, question, state)
            self._notify(tx, urgent(session_id))
        return StageRow(int(seq[0]) if seq else 1, kind, ref, question, state, now)

    # -- answers, per question (the trainer's summary, rebuilt incrementally) ----------
    def answer_versions(self, session_id: str) -> dict[tuple[str, str], tuple[int, int, int]]:
        """``(activity, question) -> (answers, last id, last answer time in ms)`` of the current round.

        It changes whenever the round's answers do; a question whose new round has no answer yet is absent.
        """
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT a.kind, a.ref, a.question, COUNT(*), MAX(a.id), MAX(a.answered_at) FROM answers a"
                + CURRENT_ROUND_JOIN
                + " WHERE a.session_id = ? AND a.round = COALESCE(r.round, 1)"
                " GROUP BY a.kind, a.ref, a.question",
                (session_id,),
            )
        return {(activity_key(k, r), q): (int(n), int(last), int(float(t) * 1000)) for k, r, q, n, last, t in rows}

    def aggregate_of(self, session_id: str, activity: str, question: str) -> dict[str, int]:
        """``{answer: count}`` of one question of one activity in its current round (hidden answers included)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT a.answer, COUNT(*) FROM answers a"
                + CURRENT_ROUND_JOIN
                + " WHERE a.session_id = ? AND a.kind = ? AND a.ref = ? AND a.question = ?"
                " AND a.round = COALESCE(r.round, 1) GROUP BY a.answer",
                (session_id, *key_columns(activity), question),
            )
        return {answer: int(count) for answer, count in rows}

    # -- hidden word-cloud entries --------------------------------------------------
    def set_hidden_answer(self, session_id: str, activity: str, question: str, answer: str, hidden: bool) -> None:
        """Hide (or show again) one answer text from the room's view; the answers themselves are kept."""
        _check_id("activity", activity)
        _check_id("question", question)
        _check_id("answer", answer, MAX_HIDDEN_ANSWER_CHARS)
        with self._tx(write=True) as tx:
            self._require_session(tx, session_id)
            if hidden:
                tx.run(
                    "INSERT INTO hidden_answers (session_id, kind, ref, question, answer, hidden_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, kind, ref, question, answer) DO NOTHING",
                    (session_id, *key_columns(activity), question, answer, self._clock()),
                )
            else:
                tx.run(
                    "DELETE FROM hidden_answers WHERE session_id = ? AND kind = ? AND ref = ? AND question = ?"
                    " AND answer = ?",
                    (session_id, *key_columns(activity), question, answer),
                )
            self._notify(tx, session_id)

    def hidden_answers(self, session_id: str) -> dict[tuple[str, str], set[str]]:
        """``(activity, question) -> {hidden answer}`` of a session."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all("SELECT kind, ref, question, answer FROM hidden_answers WHERE session_id = ?", (session_id,))
        result: dict[tuple[str, str], set[str]] = {}
        for kind, ref, question, answer in rows:
            result.setdefault((activity_key(kind, ref), question), set()).add(answer)
        return result

    # -- presence -------------------------------------------------------------------
    def has_participant(self, session_id: str, participant_id: str) -> bool:
        """Whether ``participant_id`` joined ``session_id`` (UnknownSession if there is no such session)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            row = tx.one("SELECT 1 FROM participants WHERE id = ? AND session_id = ?", (participant_id, session_id))
        return row is not None

    def participant_session(self, participant_id: str) -> str | None:
        """The id of the session ``participant_id`` joined, or None."""
        with self._tx(write=False) as tx:
            row = tx.one("SELECT session_id FROM participants WHERE id = ?", (participant_id,))
        return None if row is None else str(row[0])

    def touch_participants(self, participant_ids: Iterable[str], now: float | None = None) -> int:
        """Set ``last_seen`` of these participants (any sessions) to ``now``; return how many rows changed."""
        ids = sorted(set(participant_ids))
        now = self._clock() if now is None else now
        changed = 0
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            marks = ", ".join("?" * len(chunk))
            with self._tx(write=True) as tx:
                changed += tx.run(f"UPDATE participants SET last_seen = ? WHERE id IN ({marks})", (now, *chunk))
        return changed

    def connected_count(self, session_id: str, window: float = PRESENCE_WINDOW) -> int:
        """Participants of the session seen in the last ``window`` seconds."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            row = tx.one(
                "SELECT COUNT(*) FROM participants WHERE session_id = ? AND last_seen >= ?",
                (session_id, self._clock() - window),
            )
        return int(row[0]) if row else 0
