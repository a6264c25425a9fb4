"""Test helpers for the trainer's live API and the event streams: a server, JSON calls, an SSE reader."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

from conftest import free_port
from tornado import httpserver, web
from tornado.ioloop import IOLoop

from pacte.live.api import LiveContext, live_handlers
from pacte.live.trainer_page import trainer_page_handlers
from pacte.security import trainer_cookie_value

TOKEN = "jeton-de-test-du-formateur-0123456789"
COOKIE = f"pacte_trainer={trainer_cookie_value(TOKEN)}"


def start_server(store, live: LiveContext | None = None, transforms: list | None = None):
    """Serve the live API and ``/formateur/`` on a free loopback port in a thread: (root URL, live, stop)."""
    live = live or LiveContext(store, workers=4, trainer_token=TOKEN)
    port = free_port()
    ready = threading.Event()
    holder = {}

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        routes = [*live_handlers("/api/live", live), *trainer_page_handlers("/", live)]
        app = web.Application(routes, transforms=transforms)
        server = httpserver.HTTPServer(app)
        server.listen(port, "127.0.0.1")
        holder["loop"] = IOLoop.current()
        ready.set()
        IOLoop.current().start()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(10)

    def stop():
        live.hub.stop()
        holder["loop"].add_callback(holder["loop"].stop)
        thread.join(5)

    return f"http://127.0.0.1:{port}/", live, stop


def request(url: str, method: str = "GET", body=None, headers: dict | None = None, raw: bytes | None = None):
    """(status, headers, body bytes) of one request; redirects are not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=15) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def call(url: str, method: str = "GET", body=None, trainer: bool = True, headers: dict | None = None):
    """A JSON call: (status, decoded body); as the trainer (cookie, JSON content type) unless ``trainer=False``."""
    sent = {"Content-Type": "application/json"} if method != "GET" else {}
    if trainer:
        sent["Cookie"] = COOKIE
    sent.update(headers or {})
    status, _, payload = request(url, method, body if method != "GET" else None, sent)
    return status, json.loads(payload or b"{}")


class SSE:
    """A Server-Sent Events reader over a raw socket (HTTP/1.1, chunked or not)."""

    def __init__(self, url: str, cookie: str | None = None, timeout: float = 10.0):
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        lines = [f"GET {path} HTTP/1.1", f"Host: {parts.netloc}", "Accept: text/event-stream", "Accept-Encoding: gzip"]
        if cookie:
            lines.append(f"Cookie: {cookie}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        self.file = self.sock.makefile("rb")
        status_line = self.file.readline().decode()
        self.status = int(status_line.split()[1])
        self.headers: dict[str, str] = {}
        while (line := self.file.readline().decode().strip()) != "":
            name, _, value = line.partition(":")
            self.headers[name.strip().lower()] = value.strip()
        self.chunked = self.headers.get("transfer-encoding") == "chunked"
        self._buffer = b""

    def _more(self) -> bytes:
        if not self.chunked:
            return self.file.read1(65536)
        size = int(self.file.readline().strip() or b"0", 16)
        if size == 0:
            return b""
        data = self.file.read(size)
        self.file.readline()
        return data

    def blocks(self) -> Iterator[str]:
        """Raw event blocks (``retry``, comments and events), as they arrive."""
        while True:
            while b"\n\n" in self._buffer:
                block, self._buffer = self._buffer.split(b"\n\n", 1)
                yield block.decode()
            more = self._more()
            if not more:
                return
            self._buffer += more

    def next_event(self, name: str | None = None) -> tuple[str, dict]:
        """The next ``event:`` block (of type ``name`` if given): (event, decoded data)."""
        for block in self.blocks():
            fields = dict(
                line.split(": ", 1) for line in block.splitlines() if ": " in line and not line.startswith(":")
            )
            if "event" in fields and (name is None or fields["event"] == name):
                return fields["event"], json.loads(fields["data"])
        raise EOFError("the stream ended")

    def close(self) -> None:
        """Close the connection."""
        self.file.close()
        self.sock.close()
