"""SQLite backend of the live-session store.

Thread safety: one connection per thread (the tornado app calls the store
from a ThreadPoolExecutor), so reads run in parallel under WAL; writes are
serialised by a per-store lock (no SQLITE_BUSY back-off between our own
threads) and use ``BEGIN IMMEDIATE`` (with ``busy_timeout``) against other
processes on the same file.

Durability: WAL with ``synchronous=FULL``: the WAL is fsynced at every commit,
so an answer acknowledged by :meth:`record_answer` survives a killed server
and a power cut.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pacte.live.store import migrations
from pacte.live.store.base import Clock, SQLStore, StoreError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
MIN_SQLITE = (3, 35, 0)  # RETURNING; upsert needs 3.24


class _SQLiteTx:
    __slots__ = ("_conn",)

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        cur = self._conn.execute(sql, params)
        row = cur.fetchone()
        cur.close()
        return row

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._conn.execute(sql, params).rowcount


class SQLiteStore(SQLStore):
    """The store in one SQLite file (WAL, synchronous=FULL, foreign keys on)."""

    dialect = migrations.SQLITE

    def __init__(self, path: Path, clock: Clock = time.time):
        super().__init__(clock)
        if sqlite3.sqlite_version_info < MIN_SQLITE:
            raise StoreError(
                f"SQLite {sqlite3.sqlite_version} is too old for the live store "
                f"(needs {'.'.join(map(str, MIN_SQLITE))} or later)"
            )
        self.path = Path(path)
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._conns: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._conns_lock = threading.Lock()
        self._closed = False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            # Owner-only; SQLite gives the -wal and -shm files the same mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        conn = self._conn()
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            log.warning("SQLite refused WAL mode for %s (journal_mode=%s)", self.path, mode)
        with self._write_lock:
            migrations.migrate(conn, migrations.SQLITE, migrations=migrations.MIGRATIONS)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        with self._conns_lock:
            if self._closed:
                raise StoreError("the live-session store is closed")
            # Close the connections of threads that have ended (a resized pool).
            alive = []
            for thread, c in self._conns:
                if thread.is_alive():
                    alive.append((thread, c))
                else:
                    c.close()
            conn = self._connect()
            alive.append((threading.current_thread(), conn))
            self._conns = alive
        self._local.conn = conn
        return conn

    @contextmanager
    def _tx(self, write: bool) -> Iterator[_SQLiteTx]:
        if self._closed:
            raise StoreError("the live-session store is closed")
        conn = self._conn()
        if write:
            with self._write_lock:
                conn.execute("BEGIN IMMEDIATE")
                yield from self._finish(conn)
        else:
            conn.execute("BEGIN")  # one snapshot for the few reads of an operation
            yield from self._finish(conn)

    @staticmethod
    def _finish(conn: sqlite3.Connection) -> Iterator[_SQLiteTx]:
        try:
            yield _SQLiteTx(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _is_unique_violation(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.IntegrityError) and "UNIQUE" in str(exc)

    def close(self) -> None:
        with self._write_lock, self._conns_lock:  # let a write in progress finish
            self._closed = True
            conns, self._conns = self._conns, []
        for _, conn in conns:
            try:
                conn.close()
            except sqlite3.Error:  # pragma: no cover - closing is best effort
                pass
