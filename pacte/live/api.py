"""HTTP endpoints of live sessions, served by ``pacte serve`` under ``/api/live/``.

Trainees cost no kernel: the static pages (and the Voilà views) post their
answers here. Every request is checked before anything is stored: unknown
session or participant, unknown question or choice, malformed or oversized
payload → a 4xx with a French message, and nothing written. Remote addresses
are used in memory for rate limiting only, never stored.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tornado.ioloop import IOLoop

from pacte.live.limits import AddressLimits, BodyError, BoundedJSONRequestHandler, load_json
from pacte.live.protocol import JOIN_CODE_RULE, ProtocolError, normalize_join_code, parse_answer, valid_participant
from pacte.live.store import SessionClosed, Store, UnknownParticipant, UnknownSession
from pacte.live.validation import canonical_answer

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
    """What the handlers share: the store, a thread pool for its blocking calls, rate limiters."""

    def __init__(self, store: Store, workers: int = 8) -> None:
        self.store = store
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pacte-store")
        # Guessing a join code means failing: failed attempts are limited per address and overall.
        self.failed_joins = RateLimiter(limit=20, window=60)
        self.failed_joins_total = RateLimiter(limit=300, window=60)
        self.answer_limiter = RateLimiter(limit=60, window=10)
        # Joins and answers per client address (floods), see pacte.live.limits.
        self.address_limits = AddressLimits()

    async def run(self, fn, *args):
        """Run a blocking store call in the thread pool."""
        return await IOLoop.current().run_in_executor(self.executor, fn, *args)


class _JSONHandler(BoundedJSONRequestHandler):
    def initialize(self, live: LiveContext) -> None:
        self.live = live

    def set_default_headers(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def check_xsrf_cookie(self) -> None:
        """JSON API without cookies: cross-site form posts are refused by the content-type check."""

    def fail(self, status: int, message: str) -> None:
        self.set_status(status)
        self.finish(json.dumps({"ok": False, "error": message}, ensure_ascii=False))

    def ok(self, payload: dict, status: int = 200) -> None:
        self.set_status(status)
        self.finish(json.dumps({"ok": True, **payload}, ensure_ascii=False))

    def json_body(self) -> dict | None:
        """Parse the request body; on a bad payload answer 4xx and return None."""
        if len(self.request.body) > MAX_BODY:
            self.fail(413, "Requête trop volumineuse.")
            return None
        ctype = self.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype != "application/json":
            self.fail(415, "Format attendu : JSON.")
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


class StatusHandler(_JSONHandler):
    """``GET /api/live/status``: tells pages that live sessions are available here."""

    def get(self) -> None:
        self.ok({"live": True})


class JoinHandler(_JSONHandler):
    """``POST /api/live/join {code}`` → an anonymous participant id for that session."""

    async def post(self) -> None:
        address = self.request.remote_ip or "?"
        if self.live.failed_joins.blocked(address) or self.live.failed_joins_total.blocked("*"):
            self.set_header("Retry-After", "60")
            return self.fail(429, "Trop de tentatives : réessayez dans une minute.")
        data = self.json_body()
        if data is None:
            return
        code = normalize_join_code(data.get("code"))
        if code is None:
            return self.fail(400, f"Code de séance invalide : {JOIN_CODE_RULE}.")
        session = await self.live.run(self.live.store.session_by_code, code)
        if session is None:
            self.live.failed_joins.hit(address)
            self.live.failed_joins_total.hit("*")
            return self.fail(404, "Aucune séance ouverte ne porte ce code.")
        try:
            participant = await self.live.run(self.live.store.add_participant, session.id)
        except (UnknownSession, SessionClosed):
            return self.fail(410, "Cette séance est fermée.")
        self.ok({"code": session.code, "title": session.title, "participant": participant}, status=201)


class AnswerHandler(_JSONHandler):
    """``POST /api/live/answer {code, participant, activity, question, answer}``."""

    async def post(self) -> None:
        data = self.json_body()
        if data is None:
            return
        code, participant = normalize_join_code(data.get("code")), data.get("participant")
        if code is None:
            return self.fail(400, f"Code de séance invalide : {JOIN_CODE_RULE}.")
        if not isinstance(participant, str) or not valid_participant(participant):
            return self.fail(400, "Identifiant de participant invalide.")
        if not self.live.answer_limiter.allow(participant):
            return self.fail(429, "Trop de réponses d'un coup : patientez quelques secondes.")
        try:
            live_answer = parse_answer(data)
            answer = canonical_answer(live_answer)
        except ProtocolError as exc:
            return self.fail(422, exc.message)
        session = await self.live.run(self.live.store.session_by_code, code)
        if session is None:
            return self.fail(404, "Aucune séance ouverte ne porte ce code.")
        try:
            row = await self.live.run(
                self.live.store.record_answer,
                session.id,
                participant,
                live_answer.activity,
                live_answer.question,
                answer,
            )
        except UnknownParticipant:
            return self.fail(403, "Participant inconnu pour cette séance : rejoignez-la de nouveau.")
        except (UnknownSession, SessionClosed):
            return self.fail(410, "Cette séance est fermée.")
        except ValueError:
            return self.fail(422, "Réponse refusée.")
        self.ok({"id": row}, status=201)


def live_handlers(prefix: str, live: LiveContext) -> list[tuple]:
    """Tornado routes of the live-session API under ``prefix`` (e.g. ``/api/live``)."""
    args = {"live": live}
    return [
        (f"{prefix}/status", StatusHandler, args),
        (f"{prefix}/join", JoinHandler, args),
        (f"{prefix}/answer", AnswerHandler, args),
    ]
