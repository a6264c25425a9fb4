"""Group commit of the room's answers: those that arrive while one group is being written go together in the next.

A room answers in bursts (1 000 answers within a few seconds of a push).
Written one transaction each, every answer waits for its own commit — an
fsync with SQLite ``synchronous=FULL`` — behind all the others, and costs
the event loop one thread-pool round trip. Here one thread writes: it takes
every answer waiting (up to :data:`MAX_GROUP`), stores them in one
transaction (:meth:`pacte.live.store.answers.AnswersMixin.record_answers`)
and wakes the event loop once for the whole group. An answer's future is
resolved only after that transaction committed: acknowledged means stored.
The thread starts with the first answer and stops after :data:`IDLE_SECONDS`
without one.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from typing import Protocol

from pacte.live.store.answers import AnswerArgs

log = logging.getLogger(__name__)

MAX_GROUP = 256  # answers per transaction
IDLE_SECONDS = 5.0
Pending = tuple[AnswerArgs, asyncio.Future, asyncio.AbstractEventLoop]


class AnswerStore(Protocol):
    """What the writer needs of the store (:class:`pacte.live.store.SQLStore`, maybe wrapped)."""

    def record_answers(self, answers: Sequence[AnswerArgs]) -> list[int | Exception]:
        """Store answers in one transaction; each one's row id or refusal."""
        ...


class AnswerWriter:
    """One writing thread per store; :meth:`submit` from the event loop."""

    def __init__(self, store: AnswerStore) -> None:
        self._store = store
        self._cond = threading.Condition()
        self._pending: list[Pending] = []
        self._running = False
        self.groups = 0  # transactions written (tests, benchmarks)

    def submit(self, answer: AnswerArgs) -> asyncio.Future:
        """Queue ``(session, participant, activity, question, answer)``; the future gives its row id once stored.

        The future fails with the store's refusal (UnknownParticipant, SessionClosed,
        ActivityClosed, ValueError…) or with the error that stopped the write.
        """
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        with self._cond:
            self._pending.append((answer, future, loop))
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name="pacte-answer-writer", daemon=True).start()
            self._cond.notify()
        return future

    def _take(self) -> list[Pending]:
        """The next group (empty after IDLE_SECONDS without an answer: the thread then stops)."""
        with self._cond:
            if not self._pending:
                self._cond.wait(IDLE_SECONDS)
            group, self._pending = self._pending[:MAX_GROUP], self._pending[MAX_GROUP:]
            if not group:
                self._running = False
            return group

    def _run(self) -> None:
        while group := self._take():
            results = self._write([answer for answer, _, _ in group])
            self.groups += 1
            loops: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future, int | BaseException]]] = {}
            for (_, future, loop), result in zip(group, results, strict=True):
                loops.setdefault(loop, []).append((future, result))
            for loop, done in loops.items():
                try:
                    loop.call_soon_threadsafe(_resolve, done)
                except RuntimeError:  # the loop was closed meanwhile (a stopped server): nobody waits
                    pass

    def _write(self, answers: list[AnswerArgs]) -> list[int | BaseException]:
        """Each answer's row id or error: the group in one transaction; one by one if that transaction failed."""
        try:
            return list(self._store.record_answers(answers))
        except Exception as exc:
            if len(answers) == 1:
                return [exc]
            log.warning("group of %d answers not written (%s): writing them one by one", len(answers), exc)
        results: list[int | BaseException] = []
        for answer in answers:
            try:
                results.extend(self._store.record_answers([answer]))
            except Exception as exc:
                results.append(exc)
        return results


def _resolve(done: list[tuple[asyncio.Future, int | BaseException]]) -> None:
    for future, result in done:
        if future.cancelled():
            continue
        if isinstance(result, BaseException):
            future.set_exception(result)
        else:
            future.set_result(result)
