"""Bounds on what one client address can hold open on ``pacte serve``, and a file limit fit for a room.

Every connection costs the server one open file; the system's default limit
(often 1 024) is below what a room of several hundred trainees needs, and one
client opening a thousand idle connections used to starve everyone.

* :func:`raise_file_limit`: the process's open-file limit raised from its
  soft value to its hard one at startup, with a French warning when even that
  is not enough for a large room;
* :class:`LimitedHTTPServer`: Tornado's HTTP server with a per-address cap
  on open connections (one address holding more gets a short 503 and is
  disconnected at once), a fair share when the file limit is near (addresses
  already holding many connections are refused first, light ones still
  served), a per-address budget of ``GET``/``HEAD`` requests (429 beyond it),
  and an accept loop that, out of files, pauses and logs one line instead of
  a traceback per attempt;
* :class:`AddressCounter`: how many things (connections, event streams) each
  address holds, capped.

Addresses are counted by :func:`pacte.security.client_key` (an IPv6 client
by its /64). The server's own machine (loopback: the trainer, a reverse proxy
on the same host, which limits its clients itself) is exempt.
"""

from __future__ import annotations

import errno
import json
import logging
import resource
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from tornado import httputil
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.iostream import IOStream

from pacte.course.fmt import NBSP, number
from pacte.live.limits import TOO_MANY_FROM_ADDRESS, TokenBucket
from pacte.security import LOOPBACK, client_key

log = logging.getLogger("pacte.serve")

MAX_CONNECTIONS_PER_ADDRESS = 256  # a trainee's tabs, event streams and keep-alive connections: far fewer
HEAVY_HOLDER = 8  # near the file limit, an address holding this many connections gets no more
FILE_RESERVE = 64  # files kept for the database, the logs, Voilà's kernels
FILES_FOR_A_ROOM = 4096  # about 1 000 trainees, each with an event stream and a request at a time
GET_BUDGET = (600.0, 60.0)  # GET/HEAD per address: 600 at once, then 60 a second
ACCEPT_PAUSE = 0.1  # seconds without accepting when out of files
LOG_EVERY = 10.0  # seconds between two « out of files » log lines

TOO_MANY_CONNECTIONS = (
    f"Trop de connexions ouvertes depuis cette adresse{NBSP}: fermez des onglets ou réessayez dans quelques secondes."
)


def _files_message(soft: int, wanted: int) -> str:
    return (
        f"pacte serve{NBSP}: attention, le système ne permet que {number(soft)}{NBSP}fichiers ouverts à ce "
        f"programme (il en faudrait {number(wanted)} pour une salle d’un millier d’apprenants){NBSP}: au-delà "
        f"d’environ {number(max(soft - FILE_RESERVE, 0) // 2)}{NBSP}apprenants connectés, certains attendront. "
        f"Relevez la limite avant de lancer le serveur (« ulimit -n {wanted} », ou LimitNOFILE={wanted} "
        f"dans un service systemd)."
    )


def raise_file_limit(wanted: int = FILES_FOR_A_ROOM) -> tuple[int, str | None]:
    """Raise the open-file limit's soft value to its hard one; return (the new soft value, a French warning or None)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, wanted * 16)
    if soft == resource.RLIM_INFINITY or (target != resource.RLIM_INFINITY and soft >= target):
        target = soft
    else:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            target = soft
    if target != resource.RLIM_INFINITY and target < wanted:
        return target, _files_message(target, wanted)
    return target, None


class AddressCounter:
    """How many things each address holds; :meth:`acquire` refuses beyond ``limit`` (thread-safe)."""

    def __init__(self, limit: int, exempt: frozenset[str] | set[str] = LOOPBACK) -> None:
        self.limit = limit
        self.exempt = frozenset(exempt)
        self.total = 0
        self._held: dict[str, int] = {}
        self._lock = threading.Lock()

    def held(self, key: str) -> int:
        """How many ``key`` holds now."""
        with self._lock:
            return self._held.get(key, 0)

    def acquire(self, key: str, ceiling: int | None = None) -> bool:
        """Count one more for ``key``; False (nothing counted) past ``limit``, or past ``ceiling`` in all for a heavy holder."""
        with self._lock:
            held = self._held.get(key, 0)
            if key not in self.exempt:
                if held >= self.limit:
                    return False
                if ceiling is not None and self.total >= ceiling and held >= HEAVY_HOLDER:
                    return False
            self._held[key] = held + 1
            self.total += 1
            return True

    def release(self, key: str) -> None:
        """Count one less for ``key``."""
        with self._lock:
            held = self._held.get(key, 0)
            if held <= 1:
                self._held.pop(key, None)
            else:
                self._held[key] = held - 1
            if held:
                self.total -= 1


def _refusal(message: str, retry_after: int) -> tuple[httputil.HTTPHeaders, bytes]:
    """The headers and JSON body of a refusal sent before any handler runs (French ``message``)."""
    body = json.dumps({"ok": False, "error": message}, ensure_ascii=False).encode()
    headers = httputil.HTTPHeaders(
        {
            "Content-Type": "application/json; charset=utf-8",
            "Retry-After": str(retry_after),
            "Cache-Control": "no-store",
            "Connection": "close",
            "Content-Length": str(len(body)),
        }
    )
    return headers, body


def _raw_response(status: int, reason: str, message: str, retry_after: int) -> bytes:
    headers, body = _refusal(message, retry_after)
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers.get_all())
    return f"HTTP/1.1 {status} {reason}\r\n{lines}\r\n".encode() + body


CONNECTION_REFUSED = _raw_response(503, "Service Unavailable", TOO_MANY_CONNECTIONS, 10)


class _BudgetedRequest(httputil.HTTPMessageDelegate):
    """Answers 429 before routing when the client's address has spent its GET budget; else passes through."""

    def __init__(self, inner: httputil.HTTPMessageDelegate, conn: httputil.HTTPConnection, allow: Callable) -> None:
        self.inner, self.conn, self.allow = inner, conn, allow
        self.refused = False

    def headers_received(self, start_line: Any, headers: httputil.HTTPHeaders) -> Any:
        # Outermost delegate: the address is still the peer's (a proxy on loopback is exempt).
        address = getattr(getattr(self.conn, "context", None), "remote_ip", None)
        if getattr(start_line, "method", "") in ("GET", "HEAD") and not self.allow(address):
            self.refused = True
            fields, body = _refusal(TOO_MANY_FROM_ADDRESS, 5)
            self.conn.write_headers(httputil.ResponseStartLine("HTTP/1.1", 429, "Too Many Requests"), fields, body)
            self.conn.finish()
            return None
        return self.inner.headers_received(start_line, headers)

    def data_received(self, chunk: bytes) -> Any:
        return None if self.refused else self.inner.data_received(chunk)

    def finish(self) -> None:
        if not self.refused:
            self.inner.finish()

    def on_connection_close(self) -> None:
        if not self.refused:
            self.inner.on_connection_close()


OUT_OF_FILES = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)


class _Acceptor:
    """Accepts connections on ``sock`` like Tornado, but pauses (and tells ``out_of_files``) when out of files."""

    def __init__(self, sock: socket.socket, handle: Callable, out_of_files: Callable[[], None]) -> None:
        self.sock, self.handle, self.out_of_files = sock, handle, out_of_files
        self.loop = IOLoop.current()
        self.removed = False
        self.watching = True
        self.loop.add_handler(sock, self.on_ready, IOLoop.READ)

    def on_ready(self, fd: Any, events: int) -> None:
        """Accept what is waiting; out of files, stop watching for :data:`ACCEPT_PAUSE` seconds."""
        for _ in range(128):  # Tornado's backlog heuristic: let other work run between batches
            if self.removed:
                return
            try:
                connection, address = self.sock.accept()
            except BlockingIOError:
                return
            except ConnectionAbortedError:
                continue
            except OSError as exc:
                if exc.errno not in OUT_OF_FILES:
                    raise
                self.out_of_files()
                self.watching = False
                self.loop.remove_handler(self.sock)
                self.loop.call_later(ACCEPT_PAUSE, self.resume)
                return
            self.handle(connection, address)

    def resume(self) -> None:
        """Watch the socket again after a pause."""
        if not self.removed and not self.watching:
            self.watching = True
            self.loop.add_handler(self.sock, self.on_ready, IOLoop.READ)

    def remove(self) -> None:
        """Stop accepting (the server is stopping)."""
        if not self.removed and self.watching:
            self.loop.remove_handler(self.sock)
        self.removed = True


class LimitedHTTPServer(HTTPServer):
    """Tornado's HTTP server with per-address caps on connections and GETs, and a quiet accept loop."""

    def initialize(  # type: ignore[override]
        self,
        request_callback: Any,
        *,
        max_per_address: int = MAX_CONNECTIONS_PER_ADDRESS,
        get_budget: tuple[float, float] | None = GET_BUDGET,
        exempt: frozenset[str] | set[str] = LOOPBACK,
        file_limit: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().initialize(request_callback, **kwargs)
        self.connections = AddressCounter(max_per_address, exempt)
        self.exempt = frozenset(exempt)
        self.gets = TokenBucket(*get_budget) if get_budget else None
        soft = file_limit if file_limit is not None else resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        self.ceiling = None if soft == resource.RLIM_INFINITY else max(soft - FILE_RESERVE, soft // 2)
        self._keys: dict[int, str] = {}
        self._out_of_files = 0
        self._logged_at = -LOG_EVERY

    # -- connections -------------------------------------------------------------------
    def handle_stream(self, stream: IOStream, address: Any) -> None:
        """Serve a new connection, or answer 503 and close it when its address holds too many."""
        key = client_key(address[0] if isinstance(address, tuple) and address else None)
        if not self.connections.acquire(key, self.ceiling):
            try:
                stream.socket.send(CONNECTION_REFUSED, socket.MSG_DONTWAIT)
            except OSError:
                pass
            stream.close()
            return
        self._keys[id(stream)] = key
        super().handle_stream(stream, address)

    def on_close(self, server_conn: Any) -> None:
        """A connection ended: its address holds one less."""
        key = self._keys.pop(id(getattr(server_conn, "stream", None)), None)
        if key is not None:
            self.connections.release(key)
        super().on_close(server_conn)

    # -- requests ----------------------------------------------------------------------
    def allow_get(self, address: str | None) -> bool:
        """Whether ``address`` may make one more GET/HEAD request now."""
        key = client_key(address)
        return self.gets is None or key in self.exempt or self.gets.allow(key)

    def start_request(self, server_conn: object, request_conn: httputil.HTTPConnection) -> httputil.HTTPMessageDelegate:
        """Tornado's request delegate, behind the per-address GET budget."""
        delegate = super().start_request(server_conn, request_conn)
        return _BudgetedRequest(delegate, request_conn, self.allow_get) if self.gets is not None else delegate

    # -- accepting ---------------------------------------------------------------------
    def add_sockets(self, sockets: Any) -> None:
        """Accept on ``sockets`` with :class:`_Acceptor` (Tornado's loop, minus the traceback per failed accept)."""
        for sock in sockets:
            self._sockets[sock.fileno()] = sock
            self._handlers[sock.fileno()] = _Acceptor(sock, self._handle_connection, self._note_out_of_files).remove

    def _note_out_of_files(self) -> None:
        self._out_of_files += 1
        now = time.monotonic()
        if now - self._logged_at >= LOG_EVERY:
            self._logged_at = now
            log.warning(
                "out of open files: new connections wait (%d refusals since the last message, %d connections open)",
                self._out_of_files,
                self.connections.total,
            )
            self._out_of_files = 0


def listen(app: Any, port: int, address: str = "", **kwargs: Any) -> LimitedHTTPServer:
    """Serve ``app`` on ``port`` with :class:`LimitedHTTPServer` (what ``Application.listen`` does, bounded)."""
    server = LimitedHTTPServer(app, **kwargs)
    server.listen(port, address)
    return server
