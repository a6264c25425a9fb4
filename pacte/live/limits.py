"""Bounds on what one client can make the live API do.

* :class:`AddressLimits`: joins and answers per client address (token
  buckets), on top of the per-participant limit of :mod:`pacte.live.api`;
* :class:`BoundedJSONRequestHandler`: the request body is streamed and
  refused with 413 as soon as it passes :data:`MAX_BODY` (never buffered
  whole), and an unreachable database gives a 503 with a French message
  instead of a traceback and « Erreur du serveur. »;
* :func:`load_json`: ``json.loads`` that turns hostile input (deep nesting,
  huge numbers, NaN) into :class:`BodyError` (→ 400).
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections import defaultdict, deque
from typing import Any

from tornado import web
from tornado.http1connection import HTTP1Connection

from pacte.security import LOOPBACK, client_key

log = logging.getLogger("pacte.live")

MAX_BODY = 4096
MAX_JSON_DEPTH = 32
MAX_INT_DIGITS = 30

TOO_MANY_FROM_ADDRESS = "Trop de requêtes depuis cette adresse\u00a0: patientez quelques secondes."
BODY_TOO_LARGE = "Requête trop volumineuse."
STORE_UNAVAILABLE = "Base de données des séances momentanément indisponible\u00a0: réessayez dans quelques secondes."
BAD_JSON = "Requête illisible (JSON invalide)."


class RateLimiter:
    """Sliding-window limit of events per key (e.g. join attempts per remote address)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._events: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque:
        events = self._events[key]
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def blocked(self, key: str, now: float | None = None) -> bool:
        """True when ``key`` has reached the limit in the current window."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return len(self._recent(key, now)) >= self.limit

    def hit(self, key: str, now: float | None = None) -> None:
        """Record one event for ``key``."""
        now = time.monotonic() if now is None else now
        with self._lock:
            self._recent(key, now).append(now)
            if len(self._events) > 10_000:
                for k in [k for k, v in self._events.items() if not v][:5_000]:
                    del self._events[k]

    def allow(self, key: str, now: float | None = None) -> bool:
        """Record one event for ``key``; False (and nothing recorded) when the limit is reached."""
        now = time.monotonic() if now is None else now
        with self._lock:
            events = self._recent(key, now)
            if len(events) >= self.limit:
                return False
            events.append(now)
            return True


class TokenBucket:
    """``capacity`` events at once, refilled at ``rate`` per second, per key; thread-safe, bounded memory."""

    def __init__(self, capacity: float, rate: float, max_keys: int = 50_000) -> None:
        self.capacity = float(capacity)
        self.rate = float(rate)
        self.max_keys = max_keys
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, now: float | None = None) -> bool:
        """Take one token for ``key``; False when none is left."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._state.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if len(self._state) >= self.max_keys and key not in self._state:
                # Forget the keys that are full again (idle clients).
                for k in [k for k, (t, seen) in self._state.items() if t + (now - seen) * self.rate >= self.capacity]:
                    del self._state[k]
            if tokens < 1:
                self._state[key] = (tokens, now)
                return False
            self._state[key] = (tokens - 1, now)
            return True


class TokenAttempts:
    """Wrong trainer tokens per client address (an IPv6 client by its /64): ``limit`` a ``window``, then refused.

    The trainer's dashboard link and Voilà's trainer guard share :data:`TOKEN_ATTEMPTS`
    (one per process). The server's own machine is exempt.
    """

    def __init__(self, limit: int = 10, window: float = 60.0, exempt: frozenset[str] | set[str] = LOOPBACK) -> None:
        self.failures = RateLimiter(limit=limit, window=window)
        self.exempt = frozenset(exempt)

    def refused(self, address: str | None) -> bool:
        """True when ``address`` gave too many wrong tokens lately (answer 429 without checking)."""
        key = client_key(address)
        return key not in self.exempt and self.failures.blocked(key)

    def failed(self, address: str | None) -> None:
        """Count one wrong token from ``address``."""
        self.failures.hit(client_key(address))


TOKEN_ATTEMPTS = TokenAttempts()
TOO_MANY_TOKENS = "Trop de jetons du formateur erronés depuis cette adresse\u00a0: réessayez dans une minute."


class AddressLimits:
    """Per-address budgets: ``join`` (60 at once, then 1 a second) and ``answer`` (120 at once, 10 a second).

    Generous enough for a room behind one address (NAT) answering together,
    far below a flood (the audit made 88 joins and 176 answers a second).
    The trainer's own machine (loopback: the load benchmarks, a local reverse
    proxy that does its own limiting) is exempt unless ``exempt`` says otherwise.
    """

    def __init__(
        self,
        join: tuple[float, float] = (60, 1.0),
        answer: tuple[float, float] = (120, 10.0),
        exempt: frozenset[str] | set[str] = LOOPBACK,
    ) -> None:
        self.buckets = {"join": TokenBucket(*join), "answer": TokenBucket(*answer)}
        # Questions from the room (pacte.live.room_api): asked like joins, voted like answers.
        self.buckets.update(ask=TokenBucket(*join), vote=TokenBucket(*answer))
        self.exempt = frozenset(exempt)

    def allow(self, kind: str, address: str) -> bool:
        if address in self.exempt:
            return True
        bucket = self.buckets.get(kind)
        return bucket is None or bucket.allow(address)


class BodyError(ValueError):
    """A request body that cannot be read; ``message`` is French."""

    def __init__(self, message: str = BAD_JSON):
        super().__init__(message)
        self.message = message


def _depth_ok(raw: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Cheap nesting check before parsing (brackets inside strings count too: stricter, never looser)."""
    depth = 0
    for byte in raw:
        if byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise BodyError("Nombre trop long dans la requête.")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BodyError("Nombre hors limites dans la requête.")
    return value


def _constant(name: str) -> Any:
    raise BodyError("Valeur non JSON dans la requête (NaN ou Infinity).")


def load_json(raw: bytes) -> Any:
    """Parse a request body; :class:`BodyError` (French message) on anything hostile or malformed."""
    if not _depth_ok(raw):
        raise BodyError("Requête trop imbriquée.")
    try:
        text = raw.decode("utf-8")
        return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except BodyError:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError, OverflowError):
        raise BodyError() from None


def store_unavailable(exc: BaseException | None) -> bool:
    """True for errors meaning « the database cannot be reached or written now » (not a bug)."""
    if exc is None:
        return False
    import sqlite3

    if isinstance(exc, (sqlite3.OperationalError, StoreUnavailable)):
        return True
    for cls in type(exc).__mro__:
        mod = cls.__module__ or ""
        if mod.startswith(("psycopg", "psycopg_pool")) and cls.__name__ in (
            "OperationalError",
            "InterfaceError",
            "PoolTimeout",
            "PoolClosed",
        ):
            return True
    from pacte.live.store import StoreError

    return isinstance(exc, StoreError) and "closed" in str(exc) and type(exc) is StoreError


@web.stream_request_body
class BoundedJSONRequestHandler(web.RequestHandler):
    """Base of the live API handlers: per-address limits, streamed and bounded body, 503 on database outage."""

    max_body = MAX_BODY

    def _address_limits(self) -> AddressLimits | None:
        live = getattr(self, "live", None)
        return getattr(live, "address_limits", None)

    def prepare(self) -> None:
        self._body = bytearray()
        self._too_large = False
        if self.request.method != "POST":
            return
        kind = self.request.path.rstrip("/").rsplit("/", 1)[-1]
        limits = self._address_limits()
        if limits is not None and not limits.allow(kind, self.request.remote_ip or "?"):
            self.set_header("Retry-After", "10")
            self._refuse(429, TOO_MANY_FROM_ADDRESS)
            return
        length = self.request.headers.get("Content-Length")
        if length is not None:
            try:
                too_large = int(length) > self.max_body
            except ValueError:
                too_large = True
            if too_large:
                self._refuse(413, BODY_TOO_LARGE)
                return
        # Never accept more than this on the connection, whatever the framing.
        connection = self.request.connection
        if not isinstance(connection, HTTP1Connection):  # pragma: no cover - tornado's HTTPServer hands HTTP/1.x
            raise TypeError(f"unexpected connection type {type(connection).__name__}: cannot bound the body size")
        connection.set_max_body_size(max(self.max_body * 16, 65536))

    def data_received(self, chunk: bytes) -> None:
        if self._finished:
            return
        self._body.extend(chunk)
        if len(self._body) > self.max_body:
            self._too_large = True
            self._body.clear()
            self._refuse(413, BODY_TOO_LARGE)
            return
        self.request.body = bytes(self._body)

    def _refuse(self, status: int, message: str) -> None:
        self.set_status(status)
        self.set_header("Connection", "close")
        self.finish(json.dumps({"ok": False, "error": message}, ensure_ascii=False))

    def send_error(self, status_code: int = 500, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if status_code >= 500 and store_unavailable(exc) and not self._headers_written:
            self.clear()
            self.set_status(503)
            self.set_header("Content-Type", "application/json; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.set_header("Retry-After", "5")
            self.finish(json.dumps({"ok": False, "error": STORE_UNAVAILABLE}, ensure_ascii=False))
            return
        super().send_error(status_code, **kwargs)

    def log_exception(self, typ, value, tb) -> None:
        if store_unavailable(value):
            log.warning(
                "live store unavailable: %s: %s", typ.__name__, str(value).splitlines()[0] if str(value) else ""
            )
            return
        super().log_exception(typ, value, tb)


class StoreUnavailable(RuntimeError):
    """Raised by :class:`FailFastStore` while the database is known to be down."""


class FailFastStore:
    """Wraps a store: after a « database unreachable » error, calls fail at once for ``cooldown`` seconds.

    Without it every request of a room would wait for its own connection
    timeout while PostgreSQL is stopped; with it only one request every
    ``cooldown`` seconds probes the database, the others get an immediate 503,
    and service resumes by itself as soon as a probe succeeds.
    """

    def __init__(self, store, cooldown: float = 2.0) -> None:
        self._store = store
        self._cooldown = cooldown
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def wrapped(self):
        return self._store

    def __getattr__(self, name: str):
        attr = getattr(self._store, name)
        if not callable(attr) or name.startswith("_") or name == "close":
            return attr

        def guarded(*args, **kwargs):
            now = time.monotonic()
            with self._lock:
                if now < self._down_until:
                    raise StoreUnavailable("live store marked unavailable")
            try:
                result = attr(*args, **kwargs)
            except Exception as exc:
                if store_unavailable(exc):
                    with self._lock:
                        self._down_until = time.monotonic() + self._cooldown
                raise
            with self._lock:
                self._down_until = 0.0
            return result

        return guarded
