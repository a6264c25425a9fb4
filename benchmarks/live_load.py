"""Load and crash benchmark of live sessions (loopback only, bounded in count and time).

    .venv/bin/python benchmarks/live_load.py [--trainees 200] [--answers 10] [--database-url URL]

Phase 1: N simulated trainees join a session of a running `pacte serve` and
each answers K questions, spread over about 40 seconds. Prints answers per
second, p50/p95 latency, the server's memory, and lost answers (acknowledged
with 201 but missing from the store).
Phase 2: the same load, and the server is killed with SIGKILL mid-run; it is
restarted on the same store and every acknowledged answer is looked up.
Both lost counts must be 0. Nothing is asserted: figures are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import free_port, wait_for_http  # noqa: E402

from pacte.course.banks import load_bank  # noqa: E402
from pacte.live.store import open_store  # noqa: E402

BANK = "profils-coordination"
MAX_SECONDS = 120


def questions(k: int) -> list[tuple[str, str, object]]:
    """K (activity, question, answer) triples the server accepts: quiz answers then survey answers."""
    items: list[tuple[str, str, object]] = []
    for q in load_bank(BANK)["questions"]:
        if q["type"] == "numeric":
            items.append((f"quiz:{BANK}", q["id"], str(q["answer"])))
        elif q["type"] == "single":
            items.append((f"quiz:{BANK}", q["id"], random.choice(q["choices"])["id"]))
        else:
            items.append((f"quiz:{BANK}", q["id"], [q["choices"][0]["id"]]))
    items += [
        ("survey:cohesion", "MSP", "close_knit"),
        ("survey:cpts_dynamics", "CPTS", "growing"),
        ("survey:difficulties", "CDS", ["conflicts"]),
        ("text:mot-equipe", "answer", "soudée"),
    ]
    if k > len(items):
        raise SystemExit(f"at most {len(items)} distinct questions per trainee")
    return items[:k]


def post(base: str, path: str, body: dict) -> tuple[int, dict, float]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, headers={"Content-Type": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            status, payload = resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        status, payload = err.code, {}
    except OSError:
        status, payload = 0, {}
    return status, payload, time.perf_counter() - start


class Server:
    """A `pacte serve` process on a free loopback port."""

    def __init__(self, data_dir: Path, database_url: str | None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        args = [
            sys.executable,
            "-m",
            "pacte.cli",
            "serve",
            "--port",
            str(self.port),
            "--pool-size",
            "0",
            "--data-dir",
            str(data_dir),
        ]
        if database_url:
            args += ["--database-url", database_url]
        self.proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_http(self.base + "api/live/status", timeout=90)

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=20)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def run_load(server: Server, code: str, trainees: int, k: int, spread: float, kill_after: int | None = None) -> dict:
    """Simulate the room; return acknowledged answers, latencies, errors."""
    acked: list[tuple[str, str, str]] = []
    latencies: list[float] = []
    errors: dict[int, int] = {}
    lock = threading.Lock()
    killed = threading.Event()
    deadline = time.monotonic() + MAX_SECONDS

    def trainee(i: int) -> None:
        time.sleep(random.uniform(0, spread / 4))
        status, joined, _ = post(server.base, "api/live/join", {"code": code})
        if status != 201:
            with lock:
                errors[status] = errors.get(status, 0) + 1
            return
        for activity, question, answer in questions(k):
            if killed.is_set() or time.monotonic() > deadline:
                return
            time.sleep(random.uniform(0, spread / k))
            status, _, latency = post(
                server.base,
                "api/live/answer",
                {
                    "code": code,
                    "participant": joined["participant"],
                    "activity": activity,
                    "question": question,
                    "answer": answer,
                },
            )
            with lock:
                if status == 201:
                    acked.append((joined["participant"], activity, question))
                    latencies.append(latency)
                    if kill_after is not None and len(acked) == kill_after and not killed.is_set():
                        killed.set()
                        server.kill()
                else:
                    errors[status] = errors.get(status, 0) + 1

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=min(trainees, 256)) as pool:  # every trainee at once
        list(pool.map(trainee, range(trainees)))
    return {"acked": acked, "latencies": latencies, "errors": errors, "elapsed": time.perf_counter() - start}


def missing(store, session_id: str, acked: list[tuple[str, str, str]]) -> int:
    stored = {(r["participant"], r["activity"], r["question"]) for r in store.export_rows(session_id)}
    return sum(1 for a in acked if a not in stored)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--answers", type=int, default=10)
    parser.add_argument("--spread", type=float, default=40.0, help="seconds over which the answers are spread")
    parser.add_argument("--database-url", default=os.environ.get("PACTE_DATABASE_URL"))
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="pacte-load-"))
    store = open_store(args.database_url, data_dir)
    backend = "PostgreSQL" if args.database_url else "SQLite (WAL, synchronous=FULL)"
    print(
        f"store: {backend}; {args.trainees} trainees x {args.answers} answers over ~{args.spread:.0f} s, loopback only"
    )

    session = store.create_session("Banc de charge")
    server = Server(data_dir, args.database_url)
    try:
        rss_before = server.rss_mib()
        result = run_load(server, session.code, args.trainees, args.answers, args.spread)
        rss_after = server.rss_mib()
    finally:
        server.stop()
    lat = sorted(result["latencies"])
    n = len(result["acked"])
    print(
        f"phase 1: {n} answers acknowledged in {result['elapsed']:.1f} s = {n / result['elapsed']:.1f} answers/s; "
        f"errors {result['errors'] or 'none'}"
    )
    if lat:
        print(
            f"phase 1: latency p50 {statistics.median(lat) * 1000:.1f} ms, "
            f"p95 {lat[int(0.95 * (len(lat) - 1))] * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms"
        )
    print(f"phase 1: server memory (RSS) {rss_before:.0f} MiB before, {rss_after:.0f} MiB after")
    print(f"phase 1: lost answers (acknowledged, not stored): {missing(store, session.id, result['acked'])}")

    session2 = store.create_session("Banc de charge, arrêt brutal")
    target = args.trainees * args.answers // 2
    server = Server(data_dir, args.database_url)
    result = run_load(server, session2.code, args.trainees, args.answers, args.spread, kill_after=target)
    print(
        f"phase 2: server killed with SIGKILL after {len(result['acked'])} acknowledged answers "
        f"(connection errors after the kill: {result['errors'].get(0, 0)})"
    )
    server = Server(data_dir, args.database_url)
    try:
        restarted = open_store(args.database_url, data_dir)
        print(f"phase 2: restarted; lost acknowledged answers: {missing(restarted, session2.id, result['acked'])}")
        restarted.close()
    finally:
        server.stop()
    store.close()


if __name__ == "__main__":
    main()
