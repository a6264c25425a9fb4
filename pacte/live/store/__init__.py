"""The live-session store: one SQL implementation over SQLite or PostgreSQL.

``base`` holds the store itself and its errors; ``sqlite`` and ``postgres``
the two connections; ``migrations`` the versioned schema. This module only
picks one from a URL, so nothing here imports back from its submodules.
"""

from __future__ import annotations

import time
from pathlib import Path

from pacte.live.store.base import (
    SQLITE_FILENAME,
    Clock,
    LiveSession,
    SessionClosed,
    SQLStore,
    Store,
    StoreError,
    UnknownSession,
)
from pacte.live.store.errors import ActivityClosed, UnknownParticipant
from pacte.live.store.stages import IDLE, PRESENCE_WINDOW, STATES, StageRow

__all__ = [
    "IDLE",
    "PRESENCE_WINDOW",
    "STATES",
    "ActivityClosed",
    "StageRow",
    "Clock",
    "LiveSession",
    "SQLStore",
    "SessionClosed",
    "Store",
    "StoreError",
    "UnknownParticipant",
    "UnknownSession",
    "open_store",
]


def open_store(url: str | None, data_dir: Path, *, clock: Clock = time.time) -> SQLStore:
    """Open (creating and migrating if needed) the live-session store.

    ``url``: ``None`` → SQLite file ``data_dir / "live.sqlite3"``;
    ``sqlite:///abs/path.sqlite3`` → that SQLite file;
    ``postgresql://user:password@host:port/db?…`` (or ``postgres://``) → PostgreSQL.
    ``clock`` gives the current unix time (tests move it).
    """
    if url is None or url in ("sqlite://", "sqlite:///"):
        from pacte.live.store.sqlite import SQLiteStore

        return SQLiteStore(Path(data_dir) / SQLITE_FILENAME, clock=clock)
    if url.startswith("sqlite:///"):
        from pacte.live.store.sqlite import SQLiteStore

        path = url[len("sqlite://") :]
        if path == "/:memory:":
            raise ValueError("an in-memory SQLite store is not supported (one connection per thread)")
        return SQLiteStore(Path(path), clock=clock)
    if url.startswith(("postgresql://", "postgres://")):
        from pacte.live.store.postgres import PostgresStore

        return PostgresStore(url, clock=clock)
    scheme = url.split(":", 1)[0] if ":" in url else url[:20]
    raise ValueError(f"unsupported live-session store URL scheme {scheme!r}: use sqlite:///path or postgresql://…")
