"""Rounds of a question (mixed into :class:`~pacte.live.store.base.SQLStore`): vote, discuss, vote again, compare.

Every answer belongs to the round of its question current when it arrived
(1 until the trainer's first reset). :meth:`RoundsMixin.start_round` begins
the next round: answers of the earlier rounds are kept (aggregates, export),
the live panels count the current round only, and when the question is on
the stage its ``seq`` grows and it opens again, so every trainee's screen
returns to « not answered ».
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

from pacte.live.notices import urgent
from pacte.live.store.stages import SURVEY_ALL, Tx, activity_key, key_columns

Counts = dict[tuple[str, str], dict[str, int]]


class RoundsMixin:
    """Current rounds, the start of a new one, and the counts of earlier rounds."""

    _clock: Callable[[], float]

    def _tx(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _require_session(self, tx: Tx, session_id: str) -> None:
        raise NotImplementedError

    def _notify(self, tx: Tx, session_id: str) -> None:
        raise NotImplementedError

    @staticmethod
    def _round_of(tx: Tx, session_id: str, activity: str, question: str) -> int:
        """The current round of one question (1 when never reset); a survey's ``all``: its latest structure's."""
        if question == SURVEY_ALL:
            row = tx.one(
                "SELECT MAX(round) FROM rounds WHERE session_id = ? AND kind = ? AND ref = ?",
                (session_id, *key_columns(activity)),
            )
        else:
            row = tx.one(
                "SELECT round FROM rounds WHERE session_id = ? AND kind = ? AND ref = ? AND question = ?",
                (session_id, *key_columns(activity), question),
            )
        return int(row[0]) if row and row[0] is not None else 1

    def current_round(self, session_id: str, activity: str, question: str) -> int:
        """The round answers to ``activity``/``question`` go to now (1 when never reset)."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            return self._round_of(tx, session_id, activity, question)

    def current_rounds(self, session_id: str) -> dict[tuple[str, str], int]:
        """``(activity, question) -> round`` of every question reset at least once."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all("SELECT kind, ref, question, round FROM rounds WHERE session_id = ?", (session_id,))
        return {(activity_key(k, r), q): int(n) for k, r, q, n in rows}

    def start_round(self, session_id: str, activity: str, questions: Sequence[str]) -> tuple[int, int]:
        """Begin the next round of these questions of one activity (together: a survey's structures).

        Returns ``(round, answers)``: the round now current, and how many
        answers the round just ended holds. A round with no answer is not
        ended again (``answers`` is then 0 and the round unchanged).
        """
        questions = sorted(set(questions))
        kind, ref = key_columns(activity)
        with self._tx(write=True) as tx:
            self._require_session(tx, session_id)
            now = self._clock()
            rounds = {q: self._round_of(tx, session_id, activity, q) for q in questions}
            latest = max(rounds.values(), default=1)
            ended = 0
            for question in questions:
                row = tx.one(
                    "SELECT COUNT(*) FROM answers WHERE session_id = ? AND kind = ? AND ref = ? AND question = ?"
                    " AND round = ?",
                    (session_id, kind, ref, question, rounds[question]),
                )
                ended += int(row[0]) if row else 0
            if ended == 0:
                return latest, 0
            for question in questions:
                tx.run(
                    "INSERT INTO rounds (session_id, kind, ref, question, round, started_at) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (session_id, kind, ref, question) DO UPDATE SET round = excluded.round,"
                    " started_at = excluded.started_at",
                    (session_id, kind, ref, question, latest + 1, now),
                )
            marks = ", ".join("?" * len(questions))
            # On the stage: drawn again (new seq) and open, so every screen is back to « not answered ».
            tx.run(
                "UPDATE stages SET seq = seq + 1, state = 'open', updated_at = ?"
                f" WHERE session_id = ? AND kind = ? AND ref = ? AND (question IN ({marks}) OR question = ?)",
                (now, session_id, kind, ref, *questions, SURVEY_ALL),
            )
            self._notify(tx, urgent(session_id))
        return latest + 1, ended

    def earlier_rounds(self, session_id: str) -> dict[int, Counts]:
        """``round -> {(activity, question): {answer: count}}`` of the rounds before each question's current one."""
        with self._tx(write=False) as tx:
            self._require_session(tx, session_id)
            rows = tx.all(
                "SELECT a.round, a.kind, a.ref, a.question, a.answer, COUNT(*) FROM answers a"
                " JOIN rounds r ON r.session_id = a.session_id AND r.kind = a.kind AND r.ref = a.ref"
                " AND r.question = a.question"
                " WHERE a.session_id = ? AND a.round < r.round"
                " GROUP BY a.round, a.kind, a.ref, a.question, a.answer",
                (session_id,),
            )
        result: dict[int, Counts] = {}
        for round_no, kind, ref, question, answer, count in rows:
            key = (activity_key(kind, ref), question)
            result.setdefault(int(round_no), {}).setdefault(key, {})[answer] = int(count)
        return result
