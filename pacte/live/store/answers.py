"""Recording answers (mixed into :class:`~pacte.live.store.base.SQLStore`), one at a time or as a group commit.

:meth:`AnswersMixin.record_answers` writes answers that arrived together in
one transaction: one commit, hence one fsync (SQLite ``synchronous=FULL``) or
one WAL flush (PostgreSQL), for the whole group, as databases do with their
logs. Each answer is checked on its own (session open, participant known,
activity accepting, countdown not run out): a refused answer is reported
in its slot and writes nothing, the others are stored. An answer is stored
once the method returns: acknowledge it only then.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from pacte.live.store.errors import StoreError, UnknownParticipant
from pacte.live.store.stages import Tx, key_columns

MAX_ANSWER_CHARS = 2000
MAX_KEY_CHARS = 200  # activity and question ids
# What a recorded answer is made of: (session id, participant id, activity, question, answer).
AnswerArgs = tuple[str, str, str, str, str]


def check_text(name: str, value: Any, max_chars: int) -> str:
    """``value`` if it is a non-empty str of at most ``max_chars`` characters without NUL; else TypeError/ValueError."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty")
    if len(value) > max_chars:
        raise ValueError(f"{name} is {len(value)} characters long, more than {max_chars}")
    if "\x00" in value:
        raise ValueError(f"{name} contains a NUL character")
    return value


def check_answer(activity: str, question: str, answer: str) -> None:
    """Raise TypeError or ValueError when an answer cannot be stored (before any transaction)."""
    check_text("activity", activity, MAX_KEY_CHARS)
    check_text("question", question, MAX_KEY_CHARS)
    key_columns(activity)  # a key with a colon and no ref is refused
    if not isinstance(answer, str):
        raise TypeError(f"answer must be a str, not {type(answer).__name__}")
    if len(answer) > MAX_ANSWER_CHARS:
        raise ValueError(f"answer is {len(answer)} characters long, more than {MAX_ANSWER_CHARS}")
    if "\x00" in answer:
        raise ValueError("answer contains a NUL character")


class AnswersMixin:
    """``record_answer`` and its group-commit form ``record_answers``.

    The hooks below are implemented by the other parts of the store (declared
    as annotations only, so that they shadow nothing in the method order).
    """

    _clock: Callable[[], float]
    _tx: Callable[..., AbstractContextManager[Tx]]
    _require_open: Callable[[Tx, str, float], None]
    _require_accepting: Callable[[Tx, str, str, str], None]
    _require_in_time: Callable[[Tx, str, str, str], None]
    _round_of: Callable[[Tx, str, str, str], int]
    _notify: Callable[[Tx, str], None]

    def record_answer(self, session_id: str, participant_id: str, activity: str, question: str, answer: str) -> int:
        """Store one answer (the participant's earlier answer to the same question and round is replaced); its row id.

        Raises UnknownSession, SessionClosed, UnknownParticipant, ActivityClosed, TypeError or ValueError.
        """
        result = self.record_answers([(session_id, participant_id, activity, question, answer)])[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def record_answers(self, answers: Sequence[AnswerArgs]) -> list[int | Exception]:
        """Store answers together in one transaction; for each, its row id or the exception that refused it.

        Refusals (:class:`StoreError` subclasses, TypeError, ValueError) are
        returned in their slot and write nothing; any other error (database
        unreachable…) is raised and nothing of the group is stored.
        """
        results: list[int | Exception] = []
        for _, _, activity, question, answer in answers:
            try:
                check_answer(activity, question, answer)
                results.append(0)
            except (TypeError, ValueError) as exc:
                results.append(exc)
        todo = [i for i, r in enumerate(results) if not isinstance(r, Exception)]
        if not todo:
            return results
        with self._tx(True) as tx:
            changed: set[str] = set()
            gates: dict[tuple[str, ...], int | StoreError] = {}
            for i in todo:
                try:
                    results[i] = self._insert_answer(tx, *answers[i], gates=gates)
                    changed.add(answers[i][0])
                except StoreError as exc:
                    results[i] = exc
            for session_id in sorted(changed):
                self._notify(tx, session_id)
        return results

    def _insert_answer(
        self,
        tx: Tx,
        session_id: str,
        participant_id: str,
        activity: str,
        question: str,
        answer: str,
        gates: dict[tuple[str, ...], int | StoreError] | None = None,
    ) -> int:
        """Check one answer and write it in ``tx`` (a refusal raises before anything is written).

        ``gates`` keeps, for the transaction, what the checks of a session and of a question found
        (open or closed, accepting or not, its round): a group of answers to the same question reads
        them once instead of once per answer (five queries of the seven an answer took).
        """
        now = self._clock()
        gates = {} if gates is None else gates
        _gate(gates, (session_id,), lambda: self._require_open(tx, session_id, now))
        if tx.one("SELECT 1 FROM participants WHERE id = ? AND session_id = ?", (participant_id, session_id)) is None:
            raise UnknownParticipant(session_id, participant_id)
        round_no = _gate(
            gates, (session_id, activity, question), lambda: self._accepting_round(tx, session_id, activity, question)
        )
        kind, ref = key_columns(activity)
        row = tx.one(
            "INSERT INTO answers (session_id, participant_id, kind, ref, question, answer, answered_at, round)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (session_id, participant_id, kind, ref, question, round)"
            " DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at"
            " RETURNING id",
            (session_id, participant_id, kind, ref, question, answer, now, round_no),
        )
        if row is None:
            raise RuntimeError("the database returned no id for a recorded answer")
        return int(row[0])

    def _accepting_round(self, tx: Tx, session_id: str, activity: str, question: str) -> int:
        """The round an answer to ``activity``/``question`` goes to, if the question takes answers now."""
        self._require_accepting(tx, session_id, activity, question)
        self._require_in_time(tx, session_id, activity, question)  # a countdown that closes at zero
        return self._round_of(tx, session_id, activity, question)


def _gate(gates: dict[tuple[str, ...], int | StoreError], key: tuple[str, ...], check: Callable[[], Any]) -> int:
    """``check()``'s result for ``key``, computed once per transaction; a refusal is kept and raised again."""
    if key not in gates:
        try:
            found = check()
            gates[key] = found if isinstance(found, int) else 0
        except StoreError as exc:
            gates[key] = exc
    kept = gates[key]
    if isinstance(kept, StoreError):
        raise kept
    return kept
