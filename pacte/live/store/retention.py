"""How long sessions last and how long their answers are kept (mixed into :class:`~pacte.live.store.base.SQLStore`).

A session accepts answers until the trainer closes it or its time limit
(``pacte serve --session-hours``) passes; then it is closed, never deleted:
its answers stay readable and exportable. A session ended more than the
retention ago (30 days by default, ``--retention-days``) may be purged, but
only on the trainer's say (``pacte sessions purge``): nothing is deleted at
startup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from pacte.live.store.stages import Tx

DEFAULT_SESSION_HOURS = 24.0
DEFAULT_RETENTION_DAYS = 30.0
NO_LIMIT_SECONDS = 100 * 365 * 24 * 3600.0  # --session-hours 0: open until the trainer closes it


def session_seconds(hours: float) -> float:
    """The time limit of a new session in seconds (``0``: none); ValueError when negative."""
    if hours < 0:
        raise ValueError("session hours must be positive or 0 (no limit)")
    return NO_LIMIT_SECONDS if hours == 0 else hours * 3600.0


class RetentionMixin:
    """Closing expired sessions, listing the ones past retention, purging them."""

    _clock: Callable[[], float]
    _session_columns = ""

    def _tx(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _notify(self, tx: Tx, session_id: str) -> None:
        raise NotImplementedError

    def _session_of(self, row: tuple) -> Any:
        raise NotImplementedError

    def _close_expired(self, tx: Tx, now: float) -> int:
        return tx.run(
            "UPDATE sessions SET closed = ?, closed_at = expires_at WHERE NOT closed AND expires_at <= ?", (True, now)
        )

    def close_expired_sessions(self, now: float | None = None) -> int:
        """Close the sessions whose time limit has passed (answers kept; their join codes become free)."""
        now = self._clock() if now is None else now
        with self._tx(write=True) as tx:
            return self._close_expired(tx, now)

    def ended_before(self, moment: float) -> list[Any]:
        """Sessions closed or expired before ``moment`` (unix time), oldest first."""
        with self._tx(write=False) as tx:
            rows = tx.all(
                f"SELECT {self._session_columns} FROM sessions"
                " WHERE (closed AND COALESCE(closed_at, expires_at) < ?) OR (NOT closed AND expires_at < ?)"
                " ORDER BY created_at, id",
                (moment, moment),
            )
        return [self._session_of(r) for r in rows]

    def past_retention(self, retention_days: float = DEFAULT_RETENTION_DAYS, now: float | None = None) -> list[Any]:
        """Sessions ended more than ``retention_days`` ago: what ``pacte sessions purge`` would delete."""
        now = self._clock() if now is None else now
        return self.ended_before(now - retention_days * 86400)

    def purge_sessions(self, session_ids: Iterable[str]) -> int:
        """Delete these sessions with their participants and answers; return how many were deleted."""
        deleted = 0
        with self._tx(write=True) as tx:
            for session_id in sorted(set(session_ids)):
                count = tx.run("DELETE FROM sessions WHERE id = ?", (session_id,))
                if count:
                    self._notify(tx, session_id)
                deleted += count
        return deleted

    def answer_count(self, session_id: str) -> int:
        """How many answers a session holds (all rounds)."""
        with self._tx(write=False) as tx:
            row = tx.one("SELECT COUNT(*) FROM answers WHERE session_id = ?", (session_id,))
        return int(row[0]) if row else 0
