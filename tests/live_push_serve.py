"""One live-API process for the multi-process tests: ``python tests/live_push_serve.py <store url> <port> <token>``.

Serves ``/api/live/`` (trainee and trainer routes) on 127.0.0.1:<port> over the given store, as one
``pacte serve`` process would, and prints ``ready`` once listening.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tornado import httpserver, web

from pacte.live.api import LiveContext, live_handlers
from pacte.live.store import open_store


async def main(url: str, port: int, token: str) -> None:
    """Open the store, listen, run until killed."""
    store = open_store(url, Path("/nonexistent"))
    live = LiveContext(store, workers=4, trainer_token=token)
    server = httpserver.HTTPServer(web.Application(live_handlers("/api/live", live)))
    server.listen(port, "127.0.0.1")
    print("ready", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
