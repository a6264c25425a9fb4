"""A hostile room against ``pacte serve``'s live API (issue 26): figures, no assertions.

    .venv/bin/python benchmarks/hostile_room.py [--files 1024]

Also run at the end of ``benchmarks/fuzz_api.py``. Starts the live API and the
trainer's page in a child process the way ``pacte serve`` listens
(:func:`pacte.connlimits.listen`, default limits, open-file limit lowered to
``--files`` soft and hard so that the server cannot raise it), then plays the
attacks of the security probe from loopback addresses 127.0.0.2 and up
(127.0.0.1, the server's own machine, is exempt from per-address limits):

* 1 100 idle connections from one address, then 4 × 250 from four more:
  connections refused, and how long a trainee from another address waits
  to join and to answer meanwhile;
* 300 wrong join codes from 15 addresses, then the right code from another;
* 200 wrong codes through ``GET /api/live/stage`` from one address;
* 1 000 ``GET`` from one address as fast as one client can: 200 versus 429,
  and a trainee's answer time during the flood;
* an answer to a revealed activity after the next push;
* 30 wrong trainer tokens from one address;
* the blank-looking answers of the probe.

The Voilà kernel quota needs Voilà and a built book: see
``tests/test_security_room.py`` (its figures are the cap arithmetic).
"""

from __future__ import annotations

import argparse
import http.client
import json
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "jeton-du-banc-d-essai-0123456789"
BLANK_LOOKING = ["\u3164", "\u2800", "\u115f", "\u1160", "\uffa0", "\u034f", "\u180e", "\u17b4", "\u17b5"]
WORDCLOUD_ANSWER = ("text:mot-equipe", "answer")


def serve(port: int, data_dir: str) -> None:
    """The child process: live API and trainer page behind the connection limits, until killed."""
    import asyncio

    from tornado import web
    from tornado.ioloop import IOLoop

    from pacte import connlimits
    from pacte.live.api import LiveContext, live_handlers
    from pacte.live.store import open_store
    from pacte.live.trainer_page import trainer_page_handlers
    from pacte.security import redacting_log_function

    soft, warning = connlimits.raise_file_limit()
    asyncio.set_event_loop(asyncio.new_event_loop())
    store = open_store(None, Path(data_dir))
    live = LiveContext(store, trainer_token=TOKEN)
    routes = [*live_handlers("/api/live", live), *trainer_page_handlers("/", live)]
    app = web.Application(routes, log_function=redacting_log_function(None))
    connlimits.listen(app, port, "127.0.0.1", idle_connection_timeout=300, max_body_size=256 * 1024)
    print(json.dumps({"files": soft, "warning": warning}), flush=True)
    IOLoop.current().start()


def request(port: int, method: str, path: str, body: dict | None = None, source: str = "127.0.0.1", cookie=None):
    """(status, JSON body or {}, seconds) of one request from ``source``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    start = time.perf_counter()
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if cookie:
            headers["Cookie"] = cookie
        conn.request(method, path, None if body is None else json.dumps(body).encode(), headers)
        resp = conn.getresponse()
        raw = resp.read()
        return resp.status, json.loads(raw) if raw.startswith(b"{") else {}, time.perf_counter() - start
    except OSError as exc:
        return f"error {type(exc).__name__}", {}, time.perf_counter() - start
    finally:
        conn.close()


def idle(port: int, n: int, source: str) -> list[socket.socket]:
    """``n`` connections from ``source`` that send nothing."""
    out = []
    for _ in range(n):
        sock = socket.socket()
        sock.settimeout(10)
        sock.bind((source, 0))
        try:
            sock.connect(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        out.append(sock)
    return out


def closed_by_server(socks: list[socket.socket]) -> int:
    """How many of ``socks`` the server answered (503) and closed."""
    n = 0
    for sock in socks:
        sock.setblocking(False)
        try:
            sock.recv(16)  # the 503, or the end of the stream
            n += 1
        except BlockingIOError:
            pass
        except OSError:
            n += 1
    return n


def codes(n: int, salt: int) -> list[str]:
    """``n`` distinct well-formed join codes nobody holds."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    out = []
    for i in range(salt, salt + n):
        tail = ""
        for _ in range(4):
            i, r = divmod(i, len(alphabet))
            tail += alphabet[r]
        out.append("ZZZZ" + tail)
    return out


def attack_connections(port: int, code: str) -> list[str]:
    lines = []
    held = idle(port, 1100, "127.0.0.2")
    time.sleep(1)
    status, joined, took = request(port, "POST", "/api/live/join", {"code": code}, "127.0.0.3")
    refused = closed_by_server(held)
    lines.append(
        f"1 100 idle connections from one address: {refused} answered 503 and closed; "
        f"a trainee from another address joins: {status} in {took * 1000:.0f} ms"
    )
    for source in ("127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"):
        held += idle(port, 250, source)
    time.sleep(1)
    status, joined, took = request(port, "POST", "/api/live/join", {"code": code}, "127.0.0.8")
    body = {"code": code, "participant": joined.get("participant"), "activity": WORDCLOUD_ANSWER[0]}
    answer = {**body, "question": WORDCLOUD_ANSWER[1], "answer": "Soudée"}
    status2, _, took2 = request(port, "POST", "/api/live/answer", answer, "127.0.0.8")
    lines.append(
        f"+ 4 × 250 idle connections from four more addresses: join {status} in {took * 1000:.0f} ms, "
        f"answer {status2} in {took2 * 1000:.0f} ms"
    )
    for sock in held:
        sock.close()
    return lines


def attack_codes(port: int, code: str) -> list[str]:
    statuses: Counter = Counter()
    for n in range(15):
        for wrong in codes(20, n * 20):
            statuses[request(port, "POST", "/api/live/join", {"code": wrong}, f"127.0.1.{n + 1}")[0]] += 1
    right = request(port, "POST", "/api/live/join", {"code": code}, "127.0.2.1")[0]
    again = request(port, "POST", "/api/live/join", {"code": code}, "127.0.1.1")[0]
    stage: Counter = Counter(
        request(port, "GET", f"/api/live/stage?code={c}", None, "127.0.3.1")[0] for c in codes(200, 1000)
    )
    return [
        f"300 wrong codes from 15 addresses: {dict(statuses)}; right code from another address: {right}; "
        f"from an attacker: {again}",
        f"200 wrong codes through GET /api/live/stage from one address: {dict(stage)}",
    ]


def _flood(port: int, n: int, source: str) -> Counter:
    """``n`` GET /api/live/status on one keep-alive connection from ``source``: statuses."""
    statuses: Counter = Counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    for _ in range(n):
        try:
            conn.request("GET", "/api/live/status")
            resp = conn.getresponse()
            resp.read()
            statuses[resp.status] += 1
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException):
            statuses["error"] += 1
            conn.close()
    conn.close()
    return statuses


def attack_gets(port: int, code: str) -> list[str]:
    from concurrent.futures import ThreadPoolExecutor

    _, joined, _ = request(port, "POST", "/api/live/join", {"code": code}, "127.0.4.2")
    body = {"code": code, "participant": joined.get("participant"), "activity": WORDCLOUD_ANSWER[0]}
    start = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        floods = [pool.submit(_flood, port, 750, "127.0.4.1") for _ in range(4)]
        answer_times = []
        while not all(f.done() for f in floods):
            answer = {**body, "question": WORDCLOUD_ANSWER[1], "answer": f"Mot {len(answer_times)}"}
            answer_times.append(request(port, "POST", "/api/live/answer", answer, "127.0.4.2")[2] * 1000)
            time.sleep(0.5)
        statuses = sum((f.result() for f in floods), Counter())
    rate = 3000 / (time.perf_counter() - start)
    times = sorted(answer_times)
    return [
        f"3 000 GETs from one address on 4 connections ({rate:.0f}/s): {dict(statuses)}; "
        f"a trainee's {len(times)} answers meanwhile: median {times[len(times) // 2]:.0f} ms, max {times[-1]:.0f} ms"
    ]


def attack_closed_activity(port: int) -> list[str]:
    from pacte.security import trainer_cookie_value

    cookie = f"pacte_trainer={trainer_cookie_value(TOKEN)}"
    _, made, _ = request(port, "POST", "/api/live/trainer/sessions", {"title": "Banc"}, cookie=cookie)
    session = made["session"]
    _, joined, _ = request(port, "POST", "/api/live/join", {"code": session["code"]}, "127.0.5.1")
    stage = f"/api/live/trainer/sessions/{session['id']}/stage"
    quiz = {"kind": "quiz", "ref": "profils-coordination", "question": "satisfactions"}
    answer = {"code": session["code"], "participant": joined["participant"], "activity": "quiz:profils-coordination"}
    answer |= {"question": "satisfactions", "answer": ["projet"]}
    request(port, "POST", stage, {**quiz, "state": "revealed"}, cookie=cookie)
    request(
        port, "POST", stage, {"kind": "survey", "ref": "cohesion", "question": "all", "state": "open"}, cookie=cookie
    )
    late = request(port, "POST", "/api/live/answer", answer, "127.0.5.1")[0]
    blank = Counter(
        request(
            port,
            "POST",
            "/api/live/answer",
            {**answer, "activity": "text:mot-equipe", "question": "answer", "answer": ch},
            "127.0.5.1",
        )[0]
        for ch in BLANK_LOOKING
    )
    return [
        f"answer to a revealed activity after the next push: {late}",
        f"the 9 blank-looking answers: {dict(blank)}",
    ]


def attack_tokens(port: int) -> list[str]:
    statuses = Counter(
        request(port, "GET", f"/formateur/?token=essai-{i}-0123456789abcdef", None, "127.0.6.1")[0] for i in range(30)
    )
    return [f"30 wrong trainer tokens from one address: {dict(statuses)}"]


def run_attacks(files: int = 1024) -> list[str]:
    """Start the server child with ``files`` open files, play every attack, return one line per figure."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import free_port

    from pacte.live.store import open_store

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 4096 and hard > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))  # the attacker's own sockets
    data_dir = tempfile.mkdtemp(prefix="pacte-hostile-")
    port = free_port()

    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (files, files))

    proc = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), data_dir],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lower,
        text=True,
    )
    try:
        assert proc.stdout is not None
        started = json.loads(proc.stdout.readline())
        store = open_store(None, Path(data_dir))
        code = store.create_session("Salle").code
        lines = [f"server open-file limit: {started['files']} (warning printed: {bool(started['warning'])})"]
        for attack in (attack_connections, attack_codes, attack_gets):
            lines += attack(port, code)
        lines += attack_closed_activity(port)
        lines += attack_tokens(port)
        store.close()
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    lines.append(
        f"server log: {len(err.encode())} bytes, {err.count('Traceback')} tracebacks, "
        f"{err.count('out of open files')} « out of open files » lines"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1024, help="open-file limit of the server (soft and hard)")
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "DATA_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1])
        return 0
    print(f"hostile room against the live API (open files: {args.files})")
    for line in run_attacks(args.files):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
