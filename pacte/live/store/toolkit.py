"""The trainer's toolkit in the store: saved sequences, questions typed on the spot, the countdown.

Mixed into :class:`pacte.live.store.base.SQLStore` (tables of migration 7,
:mod:`pacte.live.store.toolkit_migrations`).

* Saved sequences belong to no session: they outlive sessions and their
  retention, for the next group; one is removed only by :meth:`delete_sequence`.
* A spot question belongs to its session (deleted with it); its ref is unique
  across sessions.
* A timer belongs to the stage it was started on (``seq``): any new push,
  close or reveal ends it. When it has ``close_at_zero``, answers to the pushed
  activity are refused from its deadline on (:meth:`_require_in_time`, inside
  the answer's transaction), and :meth:`expire_timer` closes the stage.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

from pacte.live.notices import urgent
from pacte.live.protocol import activity_id
from pacte.live.store.errors import ActivityClosed
from pacte.live.store.hooks import SessionHooks
from pacte.live.store.stages import SURVEY_ALL, Tx

MAX_TIMER_SECONDS = 3600.0


@dataclass(frozen=True)
class TimerRow:
    """A countdown on the stage ``seq``: ``deadline`` (unix time), initial ``seconds``, whether answers close at zero."""

    seq: int
    deadline: float
    seconds: float
    close_at_zero: bool


class ToolkitMixin(SessionHooks):
    """Saved sequences, spot questions and timers, in SQL common to SQLite and PostgreSQL."""

    def _remember_closing(self, tx: Tx, session_id: str, kind: str, ref: str, question: str, state: str) -> None:
        raise NotImplementedError

    # -- saved sequences ------------------------------------------------------------
    def save_sequence(self, sequence_id: str | None, title: str, module: str, steps: list[dict]) -> dict[str, Any]:
        """Save a new sequence (``sequence_id`` None) or replace one; return it. Unknown id → KeyError."""
        body = json.dumps({"steps": steps}, ensure_ascii=False)
        with self._tx(write=True) as tx:
            now = self._clock()
            if sequence_id is None:
                sequence_id = secrets.token_urlsafe(9)
                tx.run(
                    "INSERT INTO saved_sequences (id, title, module, body, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (sequence_id, title, module, body, now, now),
                )
            elif not tx.run(
                "UPDATE saved_sequences SET title = ?, module = ?, body = ?, updated_at = ? WHERE id = ?",
                (title, module, body, now, sequence_id),
            ):
                raise KeyError(sequence_id)
        return {"id": sequence_id, "title": title, "module": module, "steps": steps, "updated_at": now}

    def saved_sequences(self) -> list[dict[str, Any]]:
        """Every saved sequence, most recently saved first."""
        with self._tx(write=False) as tx:
            rows = tx.all(
                "SELECT id, title, module, body, updated_at FROM saved_sequences ORDER BY updated_at DESC, id"
            )
        return [
            {"id": r[0], "title": r[1], "module": r[2], "steps": json.loads(r[3])["steps"], "updated_at": float(r[4])}
            for r in rows
        ]

    def delete_sequence(self, sequence_id: str) -> bool:
        """Delete a saved sequence; False if there was none with this id."""
        with self._tx(write=True) as tx:
            return bool(tx.run("DELETE FROM saved_sequences WHERE id = ?", (sequence_id,)))

    # -- questions typed on the spot --------------------------------------------------
    def add_spot_question(self, session_id: str, ref: str, definition: dict[str, Any]) -> None:
        """Store a spot question of an open session (UnknownSession, SessionClosed)."""
        with self._tx(write=True) as tx:
            now = self._clock()
            self._require_open(tx, session_id, now)
            tx.run(
                "INSERT INTO spot_questions (ref, session_id, body, created_at) VALUES (?, ?, ?, ?)",
                (ref, session_id, json.dumps(definition, ensure_ascii=False), now),
            )

    def spot_question(self, ref: str) -> dict[str, Any] | None:
        """The definition of spot question ``ref`` (any session), or None."""
        with self._tx(write=False) as tx:
            row = tx.one("SELECT body FROM spot_questions WHERE ref = ?", (ref,))
        return None if row is None else json.loads(row[0])

    def spot_questions(self, session_id: str) -> dict[str, dict[str, Any]]:
        """``ref -> definition`` of every spot question of a session, oldest first."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT ref, body FROM spot_questions WHERE session_id = ? ORDER BY created_at, ref", (session_id,)
            )
        return {ref: json.loads(body) for ref, body in rows}

    # -- timers -----------------------------------------------------------------------
    def _timer(self, tx: Tx, session_id: str) -> tuple[TimerRow, tuple] | None:
        """The timer of the current stage with that stage's ``(kind, ref, question, state)``, or None."""
        row = tx.one(
            "SELECT t.seq, t.deadline, t.seconds, t.close_at_zero, s.kind, s.ref, s.question, s.state"
            " FROM timers t JOIN stages s ON s.session_id = t.session_id AND s.seq = t.seq WHERE t.session_id = ?",
            (session_id,),
        )
        if row is None:
            return None
        return TimerRow(int(row[0]), float(row[1]), float(row[2]), bool(row[3])), tuple(row[4:8])

    def timer(self, session_id: str) -> TimerRow | None:
        """The countdown of the current stage, or None (none started, or the stage changed since)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            found = self._timer(tx, session_id)
        return None if found is None else found[0]

    def start_timer(self, session_id: str, seconds: float, close_at_zero: bool) -> TimerRow:
        """Start a countdown on the pushed, open activity. Nothing open → ValueError; closed session → SessionClosed."""
        if not 0 < seconds <= MAX_TIMER_SECONDS:
            raise ValueError(f"seconds must be in ]0, {MAX_TIMER_SECONDS}]")
        with self._tx(write=True) as tx:
            now = self._clock()
            self._require_open(tx, session_id, now)
            stage = tx.one("SELECT seq, state FROM stages WHERE session_id = ?", (session_id,))
            if stage is None or stage[1] != "open":
                raise ValueError("no open activity on the stage")
            timer = TimerRow(int(stage[0]), now + seconds, float(seconds), close_at_zero)
            tx.run(
                "INSERT INTO timers (session_id, seq, deadline, seconds, close_at_zero) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET seq = excluded.seq, deadline = excluded.deadline,"
                " seconds = excluded.seconds, close_at_zero = excluded.close_at_zero",
                (session_id, timer.seq, timer.deadline, timer.seconds, int(close_at_zero)),
            )
            self._notify(tx, session_id)
        return timer

    def add_time(self, session_id: str, seconds: float) -> TimerRow | None:
        """Push the deadline of the running countdown back (from now if it had reached zero); None if there is none."""
        if not 0 < seconds <= MAX_TIMER_SECONDS:
            raise ValueError(f"seconds must be in ]0, {MAX_TIMER_SECONDS}]")
        with self._tx(write=True) as tx:
            now = self._clock()
            self._require_open(tx, session_id, now)
            found = self._timer(tx, session_id)
            if found is None or found[1][3] != "open":
                return None
            timer = found[0]
            deadline = min(max(timer.deadline, now) + seconds, now + MAX_TIMER_SECONDS)
            tx.run("UPDATE timers SET deadline = ? WHERE session_id = ?", (deadline, session_id))
            self._notify(tx, session_id)
        return TimerRow(timer.seq, deadline, timer.seconds, timer.close_at_zero)

    def stop_timer(self, session_id: str) -> bool:
        """Remove the countdown (answers stay as they are); False if there was none."""
        with self._tx(write=True) as tx:
            self._require_session(tx, session_id)
            removed = tx.run("DELETE FROM timers WHERE session_id = ?", (session_id,))
            self._notify(tx, session_id)
        return bool(removed)

    def _require_in_time(self, tx: Tx, session_id: str, activity: str, question: str) -> None:
        """Raise :class:`ActivityClosed` if a countdown that closes at zero ran out on this activity."""
        found = self._timer(tx, session_id)
        if found is None or not found[0].close_at_zero or self._clock() < found[0].deadline:
            return
        kind, ref, pushed_question, _ = found[1]
        if activity == activity_id(kind, ref) and (
            question == pushed_question or (kind == "survey" and pushed_question == SURVEY_ALL)
        ):
            raise ActivityClosed(session_id, activity, question)

    def expire_timer(self, session_id: str) -> bool:
        """Close the pushed activity if its countdown (closing at zero) ran out; True if it did so now.

        Atomic: a push made meanwhile (a new ``seq``) is left alone.
        """
        with self._tx(write=True) as tx:
            now = self._clock()
            found = self._timer(tx, session_id)
            if found is None or not found[0].close_at_zero or now < found[0].deadline or found[1][3] != "open":
                return False
            kind, ref, question, _ = found[1]
            closed = tx.run(
                "UPDATE stages SET seq = seq + 1, state = 'closed', updated_at = ?"
                " WHERE session_id = ? AND seq = ? AND state = 'open'",
                (now, session_id, found[0].seq),
            )
            if closed:
                self._remember_closing(tx, session_id, kind, ref, question, "closed")
                self._notify(tx, urgent(session_id))
        return bool(closed)
