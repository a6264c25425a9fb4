"""The live API behind ``pacte serve``'s connection limits, as a process (for the open-file limit test).

    python tests/connlimits_serve.py PORT DATA_DIR

Raises the open-file limit as ``pacte serve`` does (printing its French
warning when it cannot), creates one session, prints its join code, then
serves ``/api/live/`` on 127.0.0.1:PORT through :func:`pacte.connlimits.listen`.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from tornado import web
from tornado.ioloop import IOLoop

from pacte import connlimits
from pacte.live.api import LiveContext, live_handlers
from pacte.live.store import open_store


def main(port: int, data_dir: str) -> None:
    """Serve until killed."""
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    _, warning = connlimits.raise_file_limit()
    if warning:
        print(warning, file=sys.stderr, flush=True)
    asyncio.set_event_loop(asyncio.new_event_loop())
    store = open_store(None, Path(data_dir))
    session = store.create_session("Salle")
    app = web.Application(live_handlers("/api/live", LiveContext(store)))
    connlimits.listen(app, port, "127.0.0.1", idle_connection_timeout=300)
    print(session.code, flush=True)
    IOLoop.current().start()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
