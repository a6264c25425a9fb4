"""What the live API's handlers share: the context (store, thread pool, limits, hub) and the JSON handler base."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tornado.ioloop import IOLoop

from pacte.course.fmt import NBSP
from pacte.live.feeds import Feeds
from pacte.live.hub import Hub
from pacte.live.limits import AddressLimits, BodyError, BoundedJSONRequestHandler, load_json
from pacte.live.notices import urgent
from pacte.live.store import Store

MAX_BODY = 4096


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


class LiveContext:
    """What the handlers share: the store, a thread pool for its blocking calls, rate limiters, change feeds.

    ``trainer_token``: the token of ``pacte serve`` (``None``: every trainer
    route answers 403); ``public_url``: the address trainees type (ends with
    ``/``; ``None``: taken from each trainer request's host).
    """

    def __init__(
        self, store: Store, workers: int = 8, trainer_token: str | None = None, public_url: str | None = None
    ) -> None:
        self.store = store
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pacte-store")
        # Guessing a join code means failing: failed attempts are limited per address and overall.
        self.failed_joins = RateLimiter(limit=20, window=60)
        self.failed_joins_total = RateLimiter(limit=300, window=60)
        self.answer_limiter = RateLimiter(limit=60, window=10)
        # Joins and answers per client address (floods), see pacte.live.limits.
        self.address_limits = AddressLimits()
        self.trainer_token = trainer_token
        self.public_url = public_url
        self.hub = Hub()
        self.feeds = Feeds(self)

    async def run(self, fn, *args):
        """Run a blocking store call in the thread pool."""
        return await IOLoop.current().run_in_executor(self.executor, fn, *args)

    def ensure_started(self) -> None:
        """Start the change notifications and the feeds on the current IOLoop (first request; once)."""
        if self.hub.started:
            return
        listen = getattr(self.store, "url", None) if getattr(self.store, "dialect", "") == "postgres" else None
        loop = IOLoop.current()
        self.hub.start(loop, listen)
        self.feeds.start(loop)

    def changed(self, session_id: str, *, now: bool = False) -> None:
        """A session changed through this process: tell its streams (other processes hear the store's NOTIFY).

        ``now``: the trainer changed what the room sees (stage, close): sent at once, not debounced.
        """
        self.feeds.invalidate(session_id)
        self.hub.publish(urgent(session_id) if now else session_id)

    def now(self) -> float:
        """The current unix time."""
        return time.time()


class JSONHandler(BoundedJSONRequestHandler):
    """Base of the live API's JSON handlers: French errors, no caching, bounded JSON body."""

    def initialize(self, live: LiveContext) -> None:
        self.live = live
        live.ensure_started()

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def check_xsrf_cookie(self) -> None:
        """JSON API without cookies: cross-site form posts are refused by the content-type check."""

    def fail(self, status: int, message: str) -> None:
        """Finish with ``status`` and ``{"ok": false, "error": message}`` (``message`` in French)."""
        self.set_status(status)
        self.finish(json.dumps({"ok": False, "error": message}, ensure_ascii=False))

    def ok(self, payload: dict, status: int = 200) -> None:
        """Finish with ``status`` and ``{"ok": true, **payload}``."""
        self.set_status(status)
        self.finish(json.dumps({"ok": True, **payload}, ensure_ascii=False))

    def json_body(self) -> dict | None:
        """Parse the request body; on a bad payload answer 4xx and return None."""
        if len(self.request.body) > MAX_BODY:
            self.fail(413, "Requête trop volumineuse.")
            return None
        ctype = self.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            self.fail(415, f"Format attendu{NBSP}: JSON.")
            return None
        try:
            data = load_json(self.request.body)
        except BodyError as exc:
            self.fail(400, exc.message)
            return None
        if not isinstance(data, dict):
            self.fail(400, "Requête illisible (objet JSON attendu).")
            return None
        return data

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.finish(
            json.dumps(
                {"ok": False, "error": "Erreur du serveur." if status_code >= 500 else "Requête refusée."},
                ensure_ascii=False,
            )
        )
