"""What this process sends on its event streams: the STAGE and the SUMMARY, built once per change.

* Trainee streams (``/api/live/events``) and trainer streams
  (``/api/live/trainer/sessions/<id>/events``) register here per session.
* On a change (:mod:`pacte.live.hub`) the cached STAGE and SUMMARY of the
  session are dropped; if someone watches the session they are rebuilt in
  the store's thread pool — at most every :data:`REFRESH_INTERVAL` seconds
  per session (the first change of a quiet session goes at once, a flood of
  answers gives ≤ 4 rebuilds per second) — and sent where they changed, the
  same bytes to every stream.
* Presence: the participants whose stream is open have their ``last_seen``
  written in batches (soon after they connect, then every
  :data:`PRESENCE_EVERY` seconds), which every process counts.
* A ``: ping`` comment goes to every stream every :data:`PING_EVERY` seconds,
  a slice of the streams at a time (no burst of 1 000 writes at once).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from tornado.ioloop import IOLoop, PeriodicCallback

from pacte.live.hub import Hub
from pacte.live.notices import ALL, split_urgent
from pacte.live.stage import build_summary, join_url, load_stage
from pacte.live.store import Store

log = logging.getLogger(__name__)

REFRESH_INTERVAL = 0.25
PING_EVERY = 15.0
PING_SLICES = 15  # every PING_EVERY / PING_SLICES seconds, one slice of the streams is pinged
PING = b": ping\n\n"
PRESENCE_EVERY = 15.0
PRESENCE_SOON = 1.0


class FeedHost(Protocol):
    """What :class:`Feeds` needs of its process's live context (:class:`pacte.live.handlers.LiveContext`)."""

    store: Store
    hub: Hub

    def now(self) -> float:
        """The current time (seconds since the epoch)."""
        ...

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run a blocking store call in the thread pool."""
        ...


class Stream(Protocol):
    """An open event stream (see :mod:`pacte.live.events`)."""

    def send_raw(self, chunk: bytes) -> None:
        """Write one block of the stream (an event or a comment)."""

    def end(self) -> None:
        """Close the stream."""


def event_bytes(event: str, payload: Any) -> bytes:
    """One Server-Sent Event: ``event: <event>`` and the JSON ``payload`` on one ``data:`` line."""
    return f"event: {event}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n".encode()


@dataclass
class _Session:
    trainees: set[Stream] = field(default_factory=set)
    trainers: dict[Stream, str] = field(default_factory=dict)  # stream → join base URL
    version: int = 0  # grows on every change: a rebuild started before a change is not cached
    stage: dict | None = None
    summary: dict | None = None
    sent_stage: str | None = None
    sent_summary: str | None = None
    refreshing: bool = False
    again: bool = False
    pressing: bool = False  # a stage change waits for no debounce
    last_refresh: float = -1e9
    loading: asyncio.Future | None = None  # one stage read at a time: a room connecting at once shares it
    loading_version: int = -1
    wake: asyncio.Event = field(default_factory=asyncio.Event)  # set by a pressing change: the debounce ends

    @property
    def watched(self) -> bool:
        """Whether a stream of this process follows the session."""
        return bool(self.trainees or self.trainers)


class Feeds:
    """Stage and summary caches, event-stream registry and presence of one process."""

    def __init__(self, live: FeedHost) -> None:
        self.live = live
        self.sessions: dict[str, _Session] = {}
        self._present: dict[str, tuple[str, int]] = {}  # participant → (session id, open streams)
        self._presence_changed: set[str] = set()
        self._flush_soon: object | None = None
        self._loop: IOLoop | None = None
        self._timers: list[PeriodicCallback] = []
        self._ping_turn = 0

    def start(self, loop: IOLoop) -> None:
        """Subscribe to the hub and start the ping and presence timers on ``loop`` (once)."""
        if self._loop is not None:
            return
        self._loop = loop
        self.live.hub.subscribe(self._changed)
        for fn, seconds in ((self._ping, PING_EVERY / PING_SLICES), (self._presence_tick, PRESENCE_EVERY)):
            timer = PeriodicCallback(fn, seconds * 1000)
            timer.start()
            self._timers.append(timer)

    def _entry(self, session_id: str) -> _Session:
        entry = self.sessions.get(session_id)
        if entry is None:
            entry = self.sessions[session_id] = _Session()
        return entry

    def _forget_if_idle(self, session_id: str) -> None:
        entry = self.sessions.get(session_id)
        if entry is None or entry.watched or entry.refreshing:
            return
        if entry.stage is None and entry.summary is None:
            del self.sessions[session_id]

    def _cache_ok(self) -> bool:
        """Whether cached data can be trusted: on PostgreSQL only while the LISTEN connection is up."""
        return getattr(self.live.store, "dialect", "") != "postgres" or self.live.hub.listening.is_set()

    # -- changes ------------------------------------------------------------------
    def invalidate(self, session_id: str) -> None:
        """Drop the cached STAGE and SUMMARY of a session now (a change made by this process)."""
        entry = self.sessions.get(session_id)
        if entry is not None:
            entry.version += 1
            entry.stage = entry.summary = None

    def _changed(self, ids: set[str]) -> None:
        ids, pressing = split_urgent(ids)
        targets = set(self.sessions) if ALL in ids else ids & set(self.sessions)
        for session_id in targets:
            entry = self.sessions[session_id]
            entry.version += 1
            entry.stage = entry.summary = None
            if entry.watched:
                self._schedule(session_id, entry, session_id in pressing)
            else:
                self._forget_if_idle(session_id)

    def _schedule(self, session_id: str, entry: _Session, pressing: bool = False) -> None:
        """Refresh the session's streams: at most every REFRESH_INTERVAL, at once for a ``pressing`` change.

        A pressing change (a push) also ends a debounce already under way: it never waits behind answers.
        """
        entry.pressing = entry.pressing or pressing
        if entry.refreshing:
            entry.again = True
            if entry.pressing:
                entry.wake.set()
            return
        entry.refreshing = True
        now = IOLoop.current().time()
        delay = 0.0 if entry.pressing else max(0.0, entry.last_refresh + REFRESH_INTERVAL - now)
        IOLoop.current().add_callback(self._refresh, session_id, delay)

    async def _refresh(self, session_id: str, delay: float) -> None:
        entry = self._entry(session_id)
        try:
            await _pause(entry, delay)
            while True:
                entry.again = entry.pressing = False
                entry.last_refresh = IOLoop.current().time()
                await self._push(session_id, entry)
                if not entry.again or not entry.watched:
                    break
                await _pause(entry, REFRESH_INTERVAL)
        except Exception:  # a failing database must not kill the feed: the next change retries
            log.exception("live feed refresh failed")
        finally:
            entry.refreshing = False
            self._forget_if_idle(session_id)

    def _build(self, session_id: str, want_summary: bool) -> tuple[dict | None, dict | None]:
        """(STAGE, SUMMARY without join_url) of a session, or (None, None) if it is gone (blocking)."""
        store = self.live.store
        session = store.session(session_id)
        if session is None:
            return None, None
        now = self.live.now()
        if want_summary:
            summary = build_summary(store, session, now, "")
            return summary["stage"], summary
        return load_stage(store, session, now), None

    async def _load(self, session_id: str, entry: _Session, want_summary: bool) -> tuple[dict | None, dict | None]:
        version = entry.version
        stage, summary = await self.live.run(self._build, session_id, want_summary)
        if entry.version == version:
            entry.stage = stage
            if summary is not None:
                entry.summary = summary
        return stage, summary

    async def _push(self, session_id: str, entry: _Session) -> None:
        stage, summary = await self._load(session_id, entry, bool(entry.trainers))
        if stage is None:  # the session was deleted
            for stream in [*entry.trainees, *entry.trainers]:
                stream.end()
            return
        text = json.dumps(stage, ensure_ascii=False, sort_keys=True)
        if text != entry.sent_stage:
            entry.sent_stage = text
            chunk = event_bytes("stage", stage)
            for stream in list(entry.trainees):
                stream.send_raw(chunk)
        if summary is not None:
            text = json.dumps(summary, ensure_ascii=False, sort_keys=True)
            if text != entry.sent_summary:
                entry.sent_summary = text
                for stream, base in list(entry.trainers.items()):
                    stream.send_raw(event_bytes("summary", with_join_url(summary, base)))
        if not stage["session"]["open"]:
            for stream in list(entry.trainees):
                stream.end()  # the reconnection gets 410 and EventSource stops

    # -- reads (GET handlers and new streams) -----------------------------------------
    async def stage(self, session_id: str) -> dict | None:
        """The cached STAGE of a session (built if needed); None if the session is gone."""
        entry = self.sessions.get(session_id)
        if entry is not None and entry.stage is not None and self._cache_ok():
            return entry.stage
        entry = self._entry(session_id)
        if entry.loading is None or entry.loading_version != entry.version:
            entry.loading_version = entry.version
            entry.loading = asyncio.ensure_future(self._load(session_id, entry, False))
        loading = entry.loading
        try:
            return (await loading)[0]
        finally:
            if entry.loading is loading:
                entry.loading = None
            self._forget_if_idle(session_id)

    async def summary(self, session_id: str, join_base: str) -> dict | None:
        """The cached SUMMARY of a session (built if needed) with its join URL; None if the session is gone."""
        entry = self._entry(session_id)
        try:
            summary = entry.summary if self._cache_ok() else None
            if summary is None:
                summary = (await self._load(session_id, entry, True))[1]
        finally:
            self._forget_if_idle(session_id)
        return None if summary is None else with_join_url(summary, join_base)

    # -- streams --------------------------------------------------------------------
    def add_trainee(self, session_id: str, participant: str, stream: Stream) -> Callable[[], None]:
        """Register a trainee's stream (counted as connected); return the function that removes it."""
        self._entry(session_id).trainees.add(stream)
        sid, count = self._present.get(participant, (session_id, 0))
        self._present[participant] = (session_id, count + 1)
        if count == 0:
            self._presence_changed.add(session_id)
            self._flush_presence_soon()

        def remove() -> None:
            entry = self.sessions.get(session_id)
            if entry is not None:
                entry.trainees.discard(stream)
            sid, count = self._present.get(participant, (session_id, 1))
            if count <= 1:
                self._present.pop(participant, None)
                self._presence_changed.add(session_id)
            else:
                self._present[participant] = (sid, count - 1)
            self._forget_if_idle(session_id)

        return remove

    def add_trainer(self, session_id: str, stream: Stream, join_base: str) -> Callable[[], None]:
        """Register a trainer's stream; return the function that removes it."""
        self._entry(session_id).trainers[stream] = join_base

        def remove() -> None:
            entry = self.sessions.get(session_id)
            if entry is not None:
                entry.trainers.pop(stream, None)
            self._forget_if_idle(session_id)

        return remove

    def streams_of(self, participant: str) -> int:
        """How many streams ``participant`` has open on this process."""
        return self._present.get(participant, ("", 0))[1]

    def _ping(self) -> None:
        """Ping this turn's slice of the streams: each stream once every PING_EVERY seconds."""
        self._ping_turn = turn = (self._ping_turn + 1) % PING_SLICES
        for entry in list(self.sessions.values()):
            for stream in [*entry.trainees, *entry.trainers]:
                if hash(stream) % PING_SLICES == turn:
                    stream.send_raw(PING)

    # -- presence -----------------------------------------------------------------
    def _flush_presence_soon(self) -> None:
        if self._flush_soon is None and self._loop is not None:
            self._flush_soon = IOLoop.current().call_later(PRESENCE_SOON, self._presence_tick)

    async def _presence_tick(self) -> None:
        self._flush_soon = None
        changed, self._presence_changed = self._presence_changed, set()
        participants = list(self._present)
        try:
            if participants:
                await self.live.run(self.live.store.touch_participants, participants)
            if changed:
                await self.live.run(self.live.store.notify, changed)
        except Exception as exc:  # database down: the next tick writes again
            log.warning("live presence not written: %s", type(exc).__name__)
        # Local trainers see counts move (arrivals, and departures once the presence window passes).
        for session_id, entry in list(self.sessions.items()):
            if entry.trainers or session_id in changed:
                self.live.hub.publish(session_id)

    def stop(self) -> None:
        """Stop the timers (tests)."""
        for timer in self._timers:
            timer.stop()


async def _pause(entry: _Session, seconds: float) -> None:
    """Wait ``seconds`` (the debounce of a flood of answers), or less if a pressing change comes meanwhile."""
    if seconds <= 0 or entry.pressing:
        return
    entry.wake.clear()
    try:
        await asyncio.wait_for(entry.wake.wait(), seconds)
    except TimeoutError:
        pass


def with_join_url(summary: dict, join_base: str) -> dict:
    """The SUMMARY with the trainees' join URL under ``join_base`` (ends with ``/``)."""
    return {**summary, "join_url": join_url(join_base, summary["session"]["code"])}
