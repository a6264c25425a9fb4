"""What the live API's handlers share: the context (store, thread pool, limits, hub) and the JSON handler base."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tornado.ioloop import IOLoop

from pacte.connlimits import AddressCounter
from pacte.course.fmt import NBSP
from pacte.live.answer_writer import AnswerWriter
from pacte.live.feeds import Feeds
from pacte.live.guessing import GuessLimiter
from pacte.live.hub import Hub
from pacte.live.limits import AddressLimits, BodyError, BoundedJSONRequestHandler, RateLimiter, load_json
from pacte.live.notices import urgent
from pacte.live.spot import use_loader
from pacte.live.store import LiveSession, Store

MAX_BODY = 4096
MAX_STREAMS_PER_ADDRESS = 300  # a whole room behind one address (NAT), not a thousand idle streams
NO_SESSION = "Aucune séance ouverte ne porte ce code."
CLOSED = "Cette séance est fermée."
# An open session found by its join code is reused this long by answers (the store checks again, in the
# answer's own transaction, that it is open): a room answering at once costs no look-up per answer.
SESSION_CACHE_SECONDS = 1.0
TOO_MANY_GUESSES = f"Trop de codes de séance inconnus depuis cette adresse{NBSP}: réessayez dans une minute."


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
        # Guessing a join code means failing: failed look-ups are limited per address and per code, never overall.
        self.guesses = GuessLimiter()
        self.answer_limiter = RateLimiter(limit=60, window=10)
        # Trainees' event streams per address (behind a proxy, per real client): see pacte.connlimits.
        self.streams = AddressCounter(MAX_STREAMS_PER_ADDRESS)
        # Joins and answers per client address (floods), see pacte.live.limits.
        self.address_limits = AddressLimits()
        self.trainer_token = trainer_token
        self.public_url = public_url
        # Join addresses the trainer may pick on the dashboard (pacte.live.join_address.join_choices).
        self.join_choices: list[dict] = []
        self.hub = Hub()
        self.feeds = Feeds(self)
        self.writer = AnswerWriter(store)  # group commit of answers (pacte.live.answer_writer)
        self._sessions: dict[str, tuple[float, LiveSession]] = {}  # join code → (when read, open session)
        use_loader(store.spot_question)  # spot questions created by another process or before a restart

    async def run(self, fn, *args):
        """Run a blocking store call in the thread pool."""
        return await IOLoop.current().run_in_executor(self.executor, fn, *args)

    async def record_answer(self, session_id: str, participant: str, activity: str, question: str, answer: str) -> int:
        """Store an answer with the others arriving meanwhile (one transaction); its row id once committed."""
        return await self.writer.submit((session_id, participant, activity, question, answer))

    async def session_by_code(self, code: str, *, recent: bool = False) -> LiveSession | None:
        """The open session of join code ``code``; ``recent``: one read less than SESSION_CACHE_SECONDS ago will do.

        Only for callers whose write checks again that the session is open (an answer).
        """
        now = time.monotonic()
        cached = self._sessions.get(code) if recent else None
        if cached is not None and now - cached[0] < SESSION_CACHE_SECONDS and cached[1].is_open(self.now()):
            return cached[1]
        session = await self.run(self.store.session_by_code, code)
        if session is None:
            self._sessions.pop(code, None)
        else:
            if len(self._sessions) > 1000:
                self._sessions.clear()
            self._sessions[code] = (now, session)
        return session

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

        ``now``: the trainer changed what the room sees (stage, close, deletion): sent at once, not debounced.
        """
        self.feeds.invalidate(session_id)
        if now:  # a close or a deletion: answers read the session again
            self._sessions = {c: v for c, v in self._sessions.items() if v[1].id != session_id}
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

    async def open_session(
        self, code: str, participant: str | None = None, *, recent: bool = False
    ) -> LiveSession | None:
        """The open session of join code ``code``, or None with the refusal sent.

        429 when this address or this code failed too many look-ups
        (:mod:`pacte.live.guessing`); 410 when ``code`` is the code of
        ``participant``'s own session closed since (or, without a
        participant, of a session that has closed); else 404. Both but the
        participant's own are counted as failed guesses. ``recent``: see
        :meth:`LiveContext.session_by_code`.
        """
        live = self.live
        if live.guesses.refused(self.request.remote_ip, code):
            self.set_header("Retry-After", "60")
            self.fail(429, TOO_MANY_GUESSES)
            return None
        session = await live.session_by_code(code, recent=recent)
        if session is not None:
            return session
        if participant is not None:
            joined = await live.run(live.store.participant_session, participant)
            old = None if joined is None else await live.run(live.store.session, joined)
            if old is not None and old.code == code:
                self.fail(410, CLOSED)
                return None
        live.guesses.failed(self.request.remote_ip, code)
        if participant is None and await live.run(live.store.last_session_by_code, code) is not None:
            self.fail(410, CLOSED)  # joining a session that has closed (still counted: not a way to guess)
            return None
        self.fail(404, NO_SESSION)
        return None

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
