"""A room of simulated trainees led by a simulated trainer: print figures, assert nothing.

    .venv/bin/python benchmarks/live_room.py [--trainees 1000] [--activities 10] [--setup both]
        [--processes 2] [--database-url URL] [--no-nginx] [--no-kill]

Each trainee joins, opens the events stream (``/api/live/events``) and answers every
activity the trainer pushes (``POST /api/live/trainer/sessions/<id>/stage``) once it
receives it, after a short think time. The trainer pushes the next activity when every
trainee answered (or after ``--activity-timeout`` seconds). Mid-run (half of the
activities pushed and half of the room answered) one server process is killed with
SIGKILL: with one process (SQLite) it is restarted on the same port; with several
(PostgreSQL) it stays dead and its trainees retry on another process (nginx does it,
or the client moves to the next port). Prints completion time, answer latency,
push delivery latency, server memory per connected trainee, and the answers
acknowledged with 201 that the database does not hold (must be 0).

Setups: ``sqlite`` (one process), ``postgres`` (``--processes`` processes on one
PostgreSQL, behind deploy/nginx.conf when nginx is installed, else trainees spread
over the ports), ``both`` (default; postgres only with ``--database-url``,
``PACTE_DATABASE_URL`` or ``PACTE_TEST_DATABASE_URL``). Everything on loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import free_port  # noqa: E402
from deploy_support import Nginx, nginx_binary  # noqa: E402
from serve_startup import TOKEN, Server, rss_kib  # noqa: E402

from pacte.security import trainer_cookie_value  # noqa: E402

COOKIE = f"pacte_trainer={trainer_cookie_value(TOKEN)}"
KINDS = ("quiz", "scale", "wordcloud", "ranking", "survey", "text")
WORDS = ["écoute", "confiance", "réunion", "projet", "patient", "temps", "équipe", "lien"]


class HTTPError(Exception):
    """No usable answer from the server (connection refused, reset, truncated)."""


async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return status, headers


async def _read_chunk(reader: asyncio.StreamReader) -> bytes:
    size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
    data = await reader.readexactly(size + 2)
    return data[:-2]


class Client:
    """One keep-alive HTTP/1.1 connection to ``port``, reopened when needed."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: object = None, cookie: bool = False) -> tuple[int, dict]:
        """Send one request; return (status, JSON body). Raises :class:`HTTPError` on a connection failure."""
        data = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Length: {len(data)}\r\n"
        if body is not None:
            head += "Content-Type: application/json\r\n"
        if cookie:
            head += f"Cookie: {COOKIE}\r\n"
        try:
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
            assert self.reader is not None
            self.writer.write(head.encode() + b"\r\n" + data)
            status, headers = await asyncio.wait_for(_read_head(self.reader), 60)
            if headers.get("transfer-encoding") == "chunked":
                payload = b""
                while chunk := await _read_chunk(self.reader):
                    payload += chunk
                await self.reader.readuntil(b"\r\n")
            else:
                payload = await self.reader.readexactly(int(headers.get("content-length", "0")))
            if headers.get("connection", "").lower() == "close":
                self.close()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError, ValueError):
            self.close()
            raise HTTPError(path) from None
        try:
            return status, json.loads(payload) if payload else {}
        except ValueError:
            return status, {}


class Room:
    """What the trainer and the trainees share: ports, pushes, measures."""

    def __init__(self, ports: list[int], via_proxy: bool, trainees: int) -> None:
        self.ports = ports
        self.via_proxy = via_proxy
        self.trainees = trainees
        self.pushed: dict[str, float] = {}  # activity key → push time (monotonic)
        self.answered: Counter[str] = Counter()
        self.acked: list[tuple[str, str, str]] = []
        self.answer_latency: list[float] = []
        self.push_latency: list[float] = []
        self.push_latency_calm: list[float] = []  # activities other than the one of the kill
        self.calm = True
        self.errors: Counter[str] = Counter()
        self.connected = 0
        self.reconnections = 0
        self.stop = asyncio.Event()
        self.changed = asyncio.Event()
        self.code = ""
        self.current = ""

    def port(self, index: int, attempt: int) -> int:
        """The port trainee ``index`` uses on its ``attempt``-th try (next port after a failure)."""
        return self.ports[(index + attempt) % len(self.ports)]


def answer_for(view: dict) -> tuple[str, object]:
    """(question, answer) a trainee gives to a pushed activity, from what its screen shows."""
    spec = view["input"]
    kind = spec["type"]
    if kind == "choice":
        ids = [c["id"] for c in spec["choices"]]
        return view["question"], [random.choice(ids)] if spec["multiple"] else random.choice(ids)
    if kind == "text":
        return view["question"], random.choice(WORDS)
    if kind == "scale":
        return view["question"], random.randint(spec["min"], spec["max"])
    if kind == "ranking":
        ids = [i["id"] for i in spec["items"]]
        random.shuffle(ids)
        return view["question"], ids
    structure = random.choice(spec["structures"])["id"]
    choice = random.choice(spec["choices"])["id"]
    return structure, [choice] if spec["multiple"] else choice


async def post_retrying(room: Room, index: int, path: str, body: dict, deadline: float) -> tuple[int, dict, float]:
    """POST until a non-5xx answer or ``deadline``; (status, body, seconds of the successful try)."""
    attempt = 0
    clients: dict[int, Client] = {}
    try:
        while True:
            port = room.port(index, attempt)
            client = clients.setdefault(port, Client(port))
            start = time.monotonic()
            try:
                status, payload = await client.request("POST", path, body)
                if status < 500:
                    return status, payload, time.monotonic() - start
                room.errors[f"{status}"] += 1
            except HTTPError:
                room.errors["connection"] += 1
            if time.monotonic() > deadline:
                return 0, {}, 0.0
            attempt += 1
            await asyncio.sleep(min(0.2 * attempt, 2.0))
    finally:
        for client in clients.values():
            client.close()


async def trainee(room: Room, index: int, think: float) -> None:
    """Join, listen to the stage, answer every pushed activity once; reconnect as EventSource does."""
    status, joined, _ = await post_retrying(room, index, "/api/live/join", {"code": room.code}, time.monotonic() + 60)
    if status != 201:
        room.errors[f"join {status}"] += 1
        return
    done: set[str] = set()
    attempt = 0
    streams = 0
    while not room.stop.is_set():
        status = await listen(room, index, joined["participant"], room.port(index, attempt), done, think, streams)
        if status == 200:
            streams += 1
        elif status:
            room.errors[f"events {status}"] += 1
            if status < 500:
                return
        attempt += 1
        await asyncio.sleep(random.uniform(2.4, 3.6))  # EventSource's retry: 3000 ms


async def listen(room: Room, index: int, participant: str, port: int, done: set[str], think: float, n: int) -> int:
    """One events stream until it ends; its HTTP status (0: no connection)."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return 0
    status = 0
    try:
        path = f"/api/live/events?code={room.code}&participant={participant}"
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        status, headers = await _read_head(reader)
        if status != 200:
            return status
        room.reconnections += 1 if n else 0
        room.connected += 1
        room.changed.set()
        chunked = headers.get("transfer-encoding") == "chunked"
        buffer = b""
        while not room.stop.is_set():
            chunk = await _read_chunk(reader) if chunked else await reader.read(65536)
            if not chunk:
                break
            buffer += chunk
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                await on_event(room, index, participant, event.decode(), done, think)
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
        pass
    finally:
        writer.close()
        if status == 200:
            room.connected -= 1
    return status


async def on_event(room: Room, index: int, participant: str, event: str, done: set[str], think: float) -> None:
    """A stage event: note when it arrived, answer it after the think time (in the background)."""
    fields = dict(line.split(": ", 1) for line in event.split("\n") if ": " in line and not line.startswith(":"))
    if fields.get("event") != "stage":
        return
    stage = json.loads(fields["data"])
    view = stage.get("activity")
    if stage.get("state") != "open" or not view:
        return
    key = f"{view['kind']}:{view['ref']}:{view['question']}"
    if key in done or key not in room.pushed:
        return
    done.add(key)
    room.push_latency.append(time.monotonic() - room.pushed[key])
    if room.calm and key == room.current:
        room.push_latency_calm.append(room.push_latency[-1])
    asyncio.get_running_loop().create_task(answer(room, index, participant, view, key, think))


async def answer(room: Room, index: int, participant: str, view: dict, key: str, think: float) -> None:
    await asyncio.sleep(random.uniform(0.2, think))
    question, value = answer_for(view)
    activity = f"{view['kind']}:{view['ref']}"
    body = {"code": room.code, "participant": participant, "activity": activity, "question": question, "answer": value}
    status, _, seconds = await post_retrying(room, index, "/api/live/answer", body, time.monotonic() + 120)
    if status == 201:
        room.acked.append((participant, activity, question))
        room.answer_latency.append(seconds)
    else:
        room.errors[f"answer {status}"] += 1
    room.answered[key] += 1
    room.changed.set()


async def wait_for(room: Room, condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        room.changed.clear()
        try:
            await asyncio.wait_for(room.changed.wait(), max(0.01, min(1.0, deadline - time.monotonic())))
        except asyncio.TimeoutError:
            pass
        if time.monotonic() > deadline:
            return False
    return True


def pick_activities(catalogue: list[dict], count: int) -> list[dict]:
    """``count`` activities, the kinds taken in turn (quiz, scale, word cloud, ranking, survey, text)."""
    by_kind = {kind: [a for a in catalogue if a["kind"] == kind] for kind in KINDS}
    picked: list[dict] = []
    count = min(count, sum(len(v) for v in by_kind.values()))
    while len(picked) < count:
        for kind in KINDS:
            if by_kind[kind] and len(picked) < count:
                picked.append(by_kind[kind].pop(0))
    return picked


def pct(values: list[float], q: float) -> str:
    if not values:
        return "n/a"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.0f}"


class Setup:
    """The server processes of one setup, and nginx in front of them when used."""

    def __init__(self, processes: int, database_url: str | None, use_nginx: bool) -> None:
        self.database_url = database_url
        self.data_dir = Path(tempfile.mkdtemp(prefix="pacte-room-"))
        self.extra = ["--max-kernels", "0"] + (["--behind-proxy"] if use_nginx else [])
        self.servers = [Server(self.extra, database_url, data_dir=self.data_dir) for _ in range(processes)]
        for server in self.servers:
            server.wait_ready(("api/live/status",))
        self.nginx = Nginx([s.port for s in self.servers], free_port(), self.data_dir / "nginx") if use_nginx else None
        backend = "PostgreSQL" if database_url else "SQLite (WAL, synchronous=FULL)"
        if self.nginx:
            front = f"behind {self.nginx.version.replace('nginx version: ', '')} (deploy/nginx.conf)"
        elif processes > 1:
            front = "no proxy (nginx not installed or --no-nginx): trainees spread over the ports"
        else:
            front = "direct"
        self.description = f"{backend}, {processes} process(es), {front}"

    def entry_ports(self) -> list[int]:
        """Where trainees connect: nginx, or every process."""
        if self.nginx is not None:
            return [int(self.nginx.base.rsplit(":", 1)[1].strip("/"))]
        return [s.port for s in self.servers]

    def trainer_port(self) -> int:
        """Where the trainer connects: nginx, or the last process (the first one is the one killed)."""
        return self.entry_ports()[-1]

    def rss_mib(self) -> float:
        """Resident memory of the live server processes (without kernels: none run), MiB."""
        return sum(rss_kib(s.proc.pid) for s in self.servers if s.proc.poll() is None) / 1024

    def kill_one(self) -> str:
        """SIGKILL the first process; restart it on its port when it is the only one."""
        victim = self.servers[0]
        victim.kill()
        if len(self.servers) == 1:
            self.servers[0] = Server(self.extra, self.database_url, port=victim.port, data_dir=self.data_dir)
            return f"process on port {victim.port} killed (SIGKILL) and restarted on the same store"
        return f"process on port {victim.port} killed (SIGKILL), not restarted: its trainees retry on another"

    def lost(self, session_id: str, acked: list[tuple[str, str, str]]) -> int:
        """Answers acknowledged with 201 that the database does not hold."""
        from pacte.live.store import open_store

        store = open_store(self.database_url, self.data_dir)
        try:
            rows = {(r["participant"], r["activity"], r["question"]) for r in store.export_rows(session_id)}
        finally:
            store.close()
        return sum(1 for a in acked if a not in rows)

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.stop()
        for server in self.servers:
            server.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def lead(setup: Setup, room: Room, args: argparse.Namespace) -> dict:
    """The trainer's side: open a session, wait for the room, push every activity, kill a process mid-run."""
    trainer = Client(setup.trainer_port())
    title = "Banc de charge\u00a0: salle simulée"
    status, created = await trainer.request("POST", "/api/live/trainer/sessions", {"title": title}, cookie=True)
    if status != 201:
        raise RuntimeError(f"session not created: {status} {created}")
    session = created["session"]
    room.code = session["code"]
    _, cat = await trainer.request("GET", "/api/live/trainer/catalogue", cookie=True)
    chosen = pick_activities(cat["activities"], args.activities)
    figures: dict = {"session": session["id"], "rss_before": setup.rss_mib()}
    start = time.monotonic()
    tasks = [asyncio.get_running_loop().create_task(trainee(room, i, args.think)) for i in range(room.trainees)]
    await wait_for(room, lambda: room.connected >= room.trainees, 180)
    figures["joined"] = (room.connected, time.monotonic() - start)
    await asyncio.sleep(2)
    figures["rss_connected"] = setup.rss_mib()
    start = time.monotonic()
    cpu_start = _cpu_seconds()
    killed_at = args.activities // 2 if args.kill else -1
    killed_time = 0.0
    for i, act in enumerate(chosen):
        key = f"{act['kind']}:{act['ref']}:{act['question']}"
        stage = {"kind": act["kind"], "ref": act["ref"], "question": act["question"], "state": "open"}
        room.pushed[key] = time.monotonic()
        room.current = key
        room.calm = i != killed_at
        path = f"/api/live/trainer/sessions/{session['id']}/stage"
        for _ in range(20):
            try:
                status, body = await trainer.request("POST", path, stage, cookie=True)
            except HTTPError:
                status, body = 0, {}
            if status == 200:
                break
            await asyncio.sleep(0.5)
        else:
            raise RuntimeError(f"push refused: {status} {body}")
        if i == killed_at:
            await wait_for(room, lambda k=key: room.answered[k] >= room.trainees // 2, args.activity_timeout)
            killed_time = time.monotonic()
            figures["killed"] = setup.kill_one()
        if not await wait_for(room, lambda k=key: room.answered[k] >= room.trainees, args.activity_timeout):
            room.errors[f"activity timeout ({room.answered[key]} of {room.trainees} answered)"] += 1
        if i == killed_at:  # as a trainer would, wait for the room to be back before the next activity
            await wait_for(room, lambda: room.connected >= room.trainees, args.activity_timeout)
            figures["back"] = (room.connected, time.monotonic() - killed_time)
    figures["completion"] = time.monotonic() - start
    figures["room_cpu"] = (_cpu_seconds() - cpu_start) / figures["completion"]
    figures["activities"] = len(chosen)
    room.stop.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    trainer.close()
    return figures


def run_setup(processes: int, database_url: str | None, use_nginx: bool, args: argparse.Namespace) -> bool:
    """Start a setup, run the room against it, print its figures, stop it; False if an answer was lost or missing."""
    setup = Setup(processes, database_url, use_nginx)
    n = args.trainees
    print(f"setup: {setup.description}; {n} trainees x {args.activities} activities; machine: {os.cpu_count()} cores")
    try:
        room = Room(setup.entry_ports(), setup.nginx is not None, n)
        figures = asyncio.run(lead(setup, room, args))
        lost = setup.lost(figures["session"], room.acked)
    finally:
        setup.stop()
    joined, seconds = figures["joined"]
    per_trainee = (figures["rss_connected"] - figures["rss_before"]) * 1024 / max(joined, 1)
    print(f"  joined with an open events stream: {joined} of {n} in {seconds:.1f} s")
    print(
        f"  server RSS: {figures['rss_before']:.0f} MiB before the room, {figures['rss_connected']:.0f} MiB with "
        f"{joined} trainees connected = {per_trainee:.1f} KiB per connected trainee"
    )
    print(
        f"  completion: {figures['activities']} activities in {figures['completion']:.1f} s "
        f"(the simulated room itself used {figures['room_cpu']:.2f} of the {os.cpu_count()} cores meanwhile)"
    )
    lat, push = room.answer_latency, room.push_latency
    print(f"  answers acknowledged (201): {len(room.acked)} of {n * figures['activities']}")
    print(f"  answer latency ms: p50 {pct(lat, 0.5)}, p95 {pct(lat, 0.95)}, p99 {pct(lat, 0.99)}")
    print(
        f"  push delivery latency ms (trainer push -> trainee receipt, {len(push)} deliveries): "
        f"p50 {pct(push, 0.5)}, p95 {pct(push, 0.95)}, p99 {pct(push, 0.99)}"
    )
    calm = room.push_latency_calm
    print(
        f"  push delivery latency ms, activities without a kill ({len(calm)} deliveries): "
        f"p50 {pct(calm, 0.5)}, p95 {pct(calm, 0.95)}, p99 {pct(calm, 0.99)}"
    )
    print(f"  retried or failed requests: {dict(room.errors) or 'none'}; stream reconnections: {room.reconnections}")
    if "killed" in figures:
        back, after = figures["back"]
        print(f"  mid-run: {figures['killed']}; {back} of {n} event streams open again {after:.1f} s after the kill")
    print(f"  lost answers (acknowledged with 201, missing from the database): {lost}")
    return lost == 0 and joined == n and len(room.acked) == n * figures["activities"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", type=int, default=1000)
    parser.add_argument("--activities", type=int, default=10)
    parser.add_argument("--setup", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--processes", type=int, default=2, help="pacte serve processes on PostgreSQL")
    parser.add_argument(
        "--database-url", default=os.environ.get("PACTE_DATABASE_URL") or os.environ.get("PACTE_TEST_DATABASE_URL")
    )
    parser.add_argument("--no-nginx", action="store_true", help="spread trainees over the ports instead")
    parser.add_argument("--no-kill", dest="kill", action="store_false", help="no SIGKILL mid-run")
    parser.add_argument("--think", type=float, default=4.0, help="longest think time before answering, s")
    parser.add_argument("--activity-timeout", type=float, default=90.0, help="longest wait for the room, s")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every answer was acknowledged and kept")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4 * args.trainees + 1024)), hard))
    ok = True
    if args.setup in ("sqlite", "both"):
        ok = run_setup(1, None, False, args) and ok
    if args.setup in ("postgres", "both"):
        if args.database_url:
            use_nginx = nginx_binary() is not None and not args.no_nginx
            ok = run_setup(args.processes, args.database_url, use_nginx, args) and ok
        else:
            print("setup PostgreSQL skipped: no --database-url, PACTE_DATABASE_URL or PACTE_TEST_DATABASE_URL")
    if args.check and not ok:
        print("live_room: FAILED (a trainee could not join, an answer was not acknowledged, or one was lost)")
        sys.exit(1)


if __name__ == "__main__":
    main()
