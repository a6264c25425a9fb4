"""The simulated trainees of benchmarks/live_room.py: a small asyncio HTTP/1.1 client and the room they form.

Each trainee joins, keeps an events stream open (reconnecting as EventSource
does), and answers each pushed activity once, after a think time, retrying on
another port when its process is gone. No third-party client: raw asyncio streams
(chunked bodies decoded), so that 1 000 trainees fit in one process.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections import Counter

from serve_startup import TOKEN

from pacte.security import trainer_cookie_value

COOKIE = f"pacte_trainer={trainer_cookie_value(TOKEN)}"
WORDS = ["écoute", "confiance", "réunion", "projet", "patient", "temps", "équipe", "lien"]


class HTTPError(Exception):
    """No usable answer from the server (connection refused, reset, truncated)."""


async def read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return status, headers


async def read_chunk(reader: asyncio.StreamReader) -> bytes:
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
            status, headers = await asyncio.wait_for(read_head(self.reader), 60)
            if headers.get("transfer-encoding") == "chunked":
                payload = b""
                while chunk := await read_chunk(self.reader):
                    payload += chunk
                await self.reader.readuntil(b"\r\n")
            else:
                payload = await self.reader.readexactly(int(headers.get("content-length", "0")))
            if headers.get("connection", "").lower() == "close":
                self.close()
        except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
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
        self.push_latency_by_activity: dict[str, list[float]] = {}
        self.answer_latency_by_activity: dict[str, list[float]] = {}
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
        status, headers = await read_head(reader)
        if status != 200:
            return status
        room.reconnections += 1 if n else 0
        room.connected += 1
        room.changed.set()
        chunked = headers.get("transfer-encoding") == "chunked"
        buffer = b""
        while not room.stop.is_set():
            chunk = await read_chunk(reader) if chunked else await reader.read(65536)
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
    room.push_latency_by_activity.setdefault(key, []).append(room.push_latency[-1])
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
        room.answer_latency_by_activity.setdefault(key, []).append(seconds)
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
        except TimeoutError:
            pass
        if time.monotonic() > deadline:
            return False
    return True
