"""The in-process hub of live-session changes (pacte.live.hub), and its PostgreSQL listener."""

from __future__ import annotations

import asyncio
import os
import threading

import pytest
from tornado.ioloop import IOLoop

from pacte.live.hub import Hub
from pacte.live.notices import ALL


def run(coro):
    """Run ``coro`` on a fresh event loop in its own thread: the browser tests' Playwright keeps an
    asyncio loop running in the main thread for the whole session, where ``asyncio.run`` is refused."""
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the test's thread
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def test_publish_coalesces_and_reaches_every_subscriber():
    async def scenario():
        hub = Hub()
        got: list[set[str]] = []
        other: list[set[str]] = []
        hub.publish("early")  # before start: delivered once started
        hub.start(IOLoop.current())

        def broken(ids):
            raise RuntimeError("a broken subscriber")

        hub.subscribe(broken)
        hub.subscribe(got.append)
        unsubscribe = hub.subscribe(other.append)
        await asyncio.sleep(0.05)

        def flood(i: int) -> None:
            for _ in range(100):
                hub.publish(f"s{i % 5}")

        threads = [threading.Thread(target=flood, args=(i,)) for i in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        await asyncio.sleep(0.05)
        unsubscribe()
        hub.publish("after")
        await asyncio.sleep(0.05)
        return got, other

    got, other = run(scenario())
    assert got[0] == {"early"} and got[-1] == {"after"}
    assert set().union(*got[1:-1]) == {f"s{i}" for i in range(5)}
    assert len(got) < 1000 / 10  # 1 000 publications, a handful of deliveries
    assert {"after"} not in other


def test_postgres_listener_hears_other_connections_and_reconnects():
    url = os.environ.get("PACTE_TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("PACTE_TEST_DATABASE_URL is not set (CI=true)")
        pytest.skip('PACTE_TEST_DATABASE_URL is not set: run eval "$(scripts/postgres-test.sh | tail -1)"')
    import psycopg

    async def wait_for(got, item):
        for _ in range(200):
            if any(item in ids for ids in got):
                return True
            await asyncio.sleep(0.05)
        return False

    async def scenario():
        hub = Hub()
        got: list[set[str]] = []
        hub.subscribe(got.append)
        hub.start(IOLoop.current(), url)
        try:
            assert await asyncio.to_thread(hub.listening.wait, 10)
            assert await wait_for(got, ALL)  # published on (re)connection: what was missed
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("SELECT pg_notify('pacte_live', 'session-1')")
                assert await wait_for(got, "session-1")
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                    (f"pacte-live-listen-{os.getpid()}",),
                )
                got.clear()
                assert await wait_for(got, ALL)  # reconnected
                conn.execute("SELECT pg_notify('pacte_live', 'session-2')")
                assert await wait_for(got, "session-2")
        finally:
            await asyncio.to_thread(hub.stop)

    run(scenario())


def test_urgent_payloads_name_their_session():
    from pacte.live.notices import split_urgent, urgent

    ids, pressing = split_urgent({"a", urgent("b"), "b", urgent("c"), ALL})
    assert ids == {"a", "b", "c", ALL} and pressing == {"b", "c"}


def test_a_stage_change_skips_the_debounce_that_answers_wait_for(monkeypatch):
    """Answers arriving just after a refresh wait for the next tick; a stage push is refreshed at once."""
    from types import SimpleNamespace
    from typing import Any, cast

    from pacte.live.feeds import REFRESH_INTERVAL, Feeds
    from pacte.live.notices import urgent

    async def scenario() -> list[float]:
        loop = IOLoop.current()
        delays: list[float] = []
        monkeypatch.setattr(loop, "add_callback", lambda fn, session_id, delay: delays.append(delay))
        feeds = Feeds(cast(Any, SimpleNamespace()))
        for name in ("answers", "stage"):
            entry = feeds._entry(name)
            entry.trainees.add(_Stream())
            entry.last_refresh = loop.time()
        feeds._changed({"answers"})
        feeds._changed({urgent("stage")})
        return delays

    answers_delay, stage_delay = run(scenario())
    assert REFRESH_INTERVAL * 0.5 < answers_delay <= REFRESH_INTERVAL
    assert stage_delay == 0.0


def test_a_push_during_the_debounce_of_answers_goes_out_at_once():
    """A stage push arriving while answers wait for their debounce tick does not wait for that tick."""
    from types import SimpleNamespace
    from typing import Any, cast

    from pacte.live.feeds import REFRESH_INTERVAL, Feeds
    from pacte.live.notices import urgent

    async def scenario() -> float:
        loop = asyncio.get_running_loop()
        feeds = Feeds(cast(Any, SimpleNamespace()))
        seq = [0]

        async def load(session_id: str, entry: Any, want_summary: bool) -> tuple[dict, None]:
            return {"seq": seq[0], "session": {"open": True}}, None

        feeds._load = load  # type: ignore[method-assign]
        stream = _Recorder()
        feeds._entry("s").trainees.add(stream)
        feeds._changed({"s"})  # an answer in a quiet session: sent at once
        await asyncio.sleep(0.02)
        seq[0] = 1
        feeds._changed({"s"})  # another answer: waits for the next tick
        await asyncio.sleep(0.02)
        seq[0] = 2
        start = loop.time()
        feeds._changed({urgent("s")})  # the trainer's push
        while not any(b'"seq": 2' in chunk for chunk in stream.chunks) and loop.time() - start < 2:
            await asyncio.sleep(0.002)
        return loop.time() - start

    assert run(scenario()) < REFRESH_INTERVAL / 2


class _Recorder:
    """An event stream that keeps what it is sent."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def send_raw(self, chunk: bytes) -> None:
        """Keep the chunk."""
        self.chunks.append(chunk)

    def end(self) -> None:
        """Nothing to close."""


class _Stream:
    """An event stream that receives nothing (only its presence matters)."""

    def send_raw(self, chunk: bytes) -> None:
        """Drop the chunk."""

    def end(self) -> None:
        """Nothing to close."""
