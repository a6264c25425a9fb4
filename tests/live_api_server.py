"""The live-session API served in a thread on loopback, for the API tests (one way to start it)."""

from __future__ import annotations

import asyncio
import threading

from conftest import free_port
from tornado import httpserver, web
from tornado.ioloop import IOLoop

from pacte.live.api import LiveContext, live_handlers


def start_api(store, live=None, max_body_size: int = 256 * 1024):
    """Serve the live API of ``store`` on a free loopback port in a thread; return (base URL, context, stop)."""
    live = live or LiveContext(store, workers=4)
    port = free_port()
    ready = threading.Event()
    holder = {}

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        app = web.Application(live_handlers("/api/live", live))
        server = httpserver.HTTPServer(app, max_body_size=max_body_size)
        server.listen(port, "127.0.0.1")
        holder["loop"] = IOLoop.current()
        ready.set()
        IOLoop.current().start()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)

    def stop():
        holder["loop"].add_callback(holder["loop"].stop)
        thread.join(5)

    return f"http://127.0.0.1:{port}/api/live/", live, stop
