"""Who must hear that a live session changed: in-process pub/sub, fed by PostgreSQL ``LISTEN pacte_live``.

Every change (answer, join, stage, hide, close) is published with the
session id; a change of what the room sees (stage push, close) with the id
marked :func:`urgent`, which the feeds refresh at once instead of debouncing. Subscribers are called on the Tornado IOLoop, once per burst:
ids published while a delivery is pending are delivered together
(a flood of answers costs one callback per session, not one per answer).

With PostgreSQL the store sends ``NOTIFY pacte_live, '<session id>'`` in the
transaction of every change; a background thread of each process listens on
its own connection and publishes what it hears, so a change made through one
``pacte serve`` process reaches the event streams of all of them. The thread
reconnects by itself (backing off up to 10 s); after a reconnection every
watched session is published once, for the notifications missed meanwhile.
With SQLite (one process) the handlers publish their own changes.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable

from tornado.ioloop import IOLoop

from pacte.live.notices import ALL, CHANNEL

log = logging.getLogger(__name__)

CHECK_EVERY = 10.0  # seconds between liveness checks of the LISTEN connection
Callback = Callable[[set[str]], None]


class Hub:
    """Session-change notifications of one process (thread-safe :meth:`publish`, callbacks on the IOLoop)."""

    def __init__(self) -> None:
        self._loop: IOLoop | None = None
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._scheduled = False
        self._subscribers: list[Callback] = []
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while the PostgreSQL LISTEN connection is up

    def start(self, loop: IOLoop, listen_url: str | None = None) -> None:
        """Attach to ``loop`` (once); with ``listen_url`` (PostgreSQL) start the listening thread."""
        with self._lock:
            if self._loop is not None:
                return
            self._loop = loop
            if self._pending:
                self._scheduled = True
                loop.add_callback(self._deliver)
        if listen_url:
            self._thread = threading.Thread(
                target=self._listen, args=(listen_url,), name="pacte-live-listen", daemon=True
            )
            self._thread.start()

    @property
    def started(self) -> bool:
        """Whether :meth:`start` was called."""
        return self._loop is not None

    def subscribe(self, callback: Callback) -> Callable[[], None]:
        """Call ``callback(session_ids)`` on the IOLoop after changes; return the unsubscribe function."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, session_id: str) -> None:
        """Announce a change of ``session_id`` (any thread); ``ALL`` means every session."""
        with self._lock:
            self._pending.add(session_id)
            if self._scheduled or self._loop is None:
                return
            self._scheduled = True
            loop = self._loop
        loop.add_callback(self._deliver)

    def _deliver(self) -> None:
        with self._lock:
            ids, self._pending, self._scheduled = self._pending, set(), False
        for callback in list(self._subscribers):
            try:
                callback(ids)
            except Exception:  # one broken subscriber must not starve the others
                log.exception("live hub subscriber failed")

    # -- PostgreSQL -----------------------------------------------------------------
    def _listen(self, url: str) -> None:
        import psycopg

        delay = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    url,
                    autocommit=True,
                    connect_timeout=5,
                    keepalives=1,
                    keepalives_idle=10,
                    keepalives_interval=5,
                    application_name=f"pacte-live-listen-{os.getpid()}",
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    self.publish(ALL)  # what changed while we were not listening
                    delay = 0.5
                    checked = time.monotonic()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            self.publish(note.payload)
                        if time.monotonic() - checked > CHECK_EVERY:
                            conn.execute("SELECT 1")  # a silently dropped connection raises here
                            checked = time.monotonic()
            except Exception as exc:  # psycopg.Error, OSError…: reconnect
                self.listening.clear()
                if self._stop.is_set():
                    break
                log.warning("live notifications: connection lost (%s); retrying in %.1f s", type(exc).__name__, delay)
                self._stop.wait(delay)
                delay = min(delay * 2, 10.0)
        self.listening.clear()

    def stop(self) -> None:
        """Stop the listening thread (tests; the server stops with its process)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
