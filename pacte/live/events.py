"""Server-Sent Events of live sessions: the pushed activity to trainees, the summary to the trainer.

* ``GET /api/live/events?code=CODE&participant=ID`` (trainees): ``retry: 3000``,
  then ``event: stage`` with the current STAGE at once (late joiners land on the
  current activity) and after every change. 400 bad code or id, 404 unknown
  code, 403 unknown participant, 410 closed session (EventSource then stops).
* ``GET /api/live/trainer/sessions/<id>/events`` (trainer cookie):
  ``event: summary`` at once and after every change (≤ 4 per second).

Both send a ``: ping`` comment every 15 s (:mod:`pacte.live.feeds`), which
also lets the server notice a client that left.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from tornado import web
from tornado.iostream import IOStream, StreamClosedError

from pacte.course.fmt import NBSP
from pacte.live.countdown import restamp
from pacte.live.feeds import event_bytes
from pacte.live.handlers import JSONHandler, LiveContext
from pacte.live.protocol import JOIN_CODE_RULE, normalize_join_code, valid_participant
from pacte.live.trainer_auth import UNKNOWN_SESSION, TrainerAuth, join_base
from pacte.security import client_key

RETRY = b"retry: 3000\n\n"
MAX_STREAMS_PER_PARTICIPANT = 6  # tabs of one trainee on this process (and half-dead connections)
TOO_MANY_STREAMS = f"Trop de flux ouverts depuis cette adresse{NBSP}: fermez des onglets ou réessayez plus tard."


class EventStreamHandler(JSONHandler):
    """An open ``text/event-stream`` response; :class:`pacte.live.feeds.Feeds` writes to it."""

    _ended = False
    _sent_event = False

    def initialize(self, live: LiveContext) -> None:
        super().initialize(live)
        self._done = asyncio.Event()

    def send_raw(self, chunk: bytes) -> None:
        """Write ``chunk`` and flush it (a closed connection ends the stream)."""
        if self._ended:
            return
        if chunk.startswith(b"event:"):
            self._sent_event = True
        stream = getattr(self.request.connection, "stream", None)
        try:
            if self._headers_written and isinstance(stream, IOStream):
                # The fan-out writes one event to every stream of a room: straight to the socket's buffer,
                # framed here, without the handler's buffer, transforms and two futures per write. A
                # connection that fails closes its stream, and Tornado then calls on_connection_close.
                chunked = self._headers.get("Transfer-Encoding") == "chunked"
                stream.write(b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk)
                return
            self.write(chunk)
            future = self.flush()
        except StreamClosedError:
            self.end()
            return
        future.add_done_callback(lambda f: self.end() if f.exception() is not None else None)

    def end(self) -> None:
        """Finish the stream (client gone, session closed or deleted)."""
        if not self._ended:
            self._ended = True
            self._done.set()

    def on_connection_close(self) -> None:
        self.end()

    async def stream(
        self,
        register: Callable[[EventStreamHandler], Callable[[], None]],
        first: Callable[[], Awaitable[bytes | None]],
    ) -> None:
        """Open the stream, register it, send ``await first()`` unless a fresher event went out, wait for the end.

        Registered before the first event is read: a change meanwhile is not missed.
        """
        # No gzip on a stream: a compressor per open stream would cost ~300 KB each (1 000 trainees: 300 MB).
        self._transforms = [t for t in self._transforms if not isinstance(t, web.GZipContentEncoding)]
        self.set_header("Content-Type", "text/event-stream; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Accel-Buffering", "no")  # nginx: do not buffer the stream
        unregister = register(self)
        try:
            self.send_raw(RETRY)
            chunk = await first()
            if chunk is None:
                self.end()
            elif not self._sent_event:
                self.send_raw(chunk)
            await self._done.wait()
        finally:
            unregister()
        if not self._finished:
            try:
                self.finish()
            except StreamClosedError:
                pass


class TraineeEventsHandler(EventStreamHandler):
    """``GET /api/live/events?code=CODE&participant=ID``."""

    async def get(self) -> None:
        code = normalize_join_code(self.get_query_argument("code", ""))
        participant = self.get_query_argument("participant", "")
        if code is None:
            return self.fail(400, f"Code de séance invalide{NBSP}: {JOIN_CODE_RULE}.")
        if not valid_participant(participant):
            return self.fail(400, "Identifiant de participant invalide.")
        store = self.live.store
        session = await self.open_session(code, participant)
        if session is None:
            return
        if not await self.live.run(store.has_participant, session.id, participant):
            return self.fail(403, f"Participant inconnu pour cette séance{NBSP}: rejoignez-la de nouveau.")
        feeds = self.live.feeds
        if feeds.streams_of(participant) >= MAX_STREAMS_PER_PARTICIPANT:
            return self.fail(429, f"Trop de connexions ouvertes pour ce participant{NBSP}: fermez un onglet.")

        async def first() -> bytes | None:
            stage = await feeds.stage(session.id)
            return None if stage is None else event_bytes("stage", restamp(stage, self.live.now()))

        key = client_key(self.request.remote_ip)
        if not self.live.streams.acquire(key):
            return self.fail(429, TOO_MANY_STREAMS)
        try:
            await self.stream(lambda s: feeds.add_trainee(session.id, participant, s), first)
        finally:
            self.live.streams.release(key)


class TrainerEventsHandler(TrainerAuth, EventStreamHandler):
    """``GET /api/live/trainer/sessions/<id>/events``."""

    async def get(self, session_id: str) -> None:
        base = join_base(self)
        feeds = self.live.feeds
        if await self.live.run(self.live.store.session, session_id) is None:
            return self.fail(404, UNKNOWN_SESSION)

        async def first() -> bytes | None:
            summary = await feeds.summary(session_id, base)
            return None if summary is None else event_bytes("summary", summary)

        await self.stream(lambda s: feeds.add_trainer(session_id, s, base), first)


def event_handlers(prefix: str, live: LiveContext | None) -> list[tuple]:
    """Routes of the two event streams under ``prefix`` (``/api/live``)."""
    args = {"live": live}
    return [
        (f"{prefix}/events", TraineeEventsHandler, args),
        (rf"{prefix}/trainer/sessions/(?P<session_id>[A-Za-z0-9_-]{{1,64}})/events", TrainerEventsHandler, args),
    ]
