"""PostgreSQL backend of the live-session store (psycopg 3 and psycopg_pool).

A small pool of autocommit connections, each checked before use (a restarted
database server costs one reconnection, not an error). Every operation runs
in its own transaction, committed before the method returns. Recording an
answer locks the session row ``FOR SHARE``, so that a concurrent close or
delete waits for it (or it sees the session closed).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from pacte.live.store import migrations
from pacte.live.store.base import Clock, SQLStore, StoreError

try:
    import psycopg
    from psycopg import errors as pg_errors
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError as exc:  # pragma: no cover - depends on the install
    raise StoreError(
        "a PostgreSQL live store needs psycopg 3 and psycopg_pool: "
        "pip install 'psycopg[binary]>=3.2,<4' 'psycopg-pool>=3.2,<4'"
    ) from exc

POOL_MIN = 1
POOL_MAX = 10
CONNECT_TIMEOUT = 10.0
# While serving, a request waits at most this long for a connection: a stopped database server
# gives a quick 503 (pacte.live.limits) instead of a request hanging for the pool's default 30 s.
REQUEST_TIMEOUT = 3.0


def _where(url: str) -> str:
    """``host:port/dbname`` of a connection string, without user or password."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(unparsable URL)"
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


class _PgTx:
    __slots__ = ("_conn",)

    def __init__(self, conn: psycopg.Connection):
        self._conn = conn

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self._conn.execute(sql.replace("?", "%s"), params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        return self._conn.execute(sql.replace("?", "%s"), params).fetchone()

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._conn.execute(sql.replace("?", "%s"), params).rowcount


class PostgresStore(SQLStore):
    """The store in a PostgreSQL database (tables in the connection's search_path)."""

    dialect = migrations.POSTGRES
    _for_share = " FOR SHARE"
    _for_update = " FOR UPDATE"

    def __init__(self, url: str, clock: Clock = time.time, *, min_size: int = POOL_MIN, max_size: int = POOL_MAX):
        super().__init__(clock)
        self.url = url  # for the LISTEN connection of pacte.live.hub (holds the password: never print it)
        self._pool = ConnectionPool(
            url,
            min_size=min_size,
            max_size=max_size,
            open=False,
            kwargs={"autocommit": True, "connect_timeout": 3},
            timeout=REQUEST_TIMEOUT,
            check=ConnectionPool.check_connection,
            name="pacte-live",
        )
        try:
            self._pool.open(wait=True, timeout=CONNECT_TIMEOUT)
        except PoolTimeout:
            self._pool.close()
            raise StoreError(f"cannot connect to the PostgreSQL live store at {_where(url)}") from None
        try:
            with self._pool.connection() as conn:
                migrations.migrate(conn, migrations.POSTGRES, migrations=migrations.MIGRATIONS)
        except BaseException:
            self._pool.close()
            raise

    @contextmanager
    def _tx(self, write: bool) -> Iterator[_PgTx]:
        if self._pool.closed:
            raise StoreError("the live-session store is closed")
        with self._pool.connection() as conn, conn.transaction():
            yield _PgTx(conn)

    def _is_unique_violation(self, exc: BaseException) -> bool:
        return isinstance(exc, pg_errors.UniqueViolation)

    def close(self) -> None:
        self._pool.close()
