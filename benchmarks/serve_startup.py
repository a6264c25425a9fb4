"""Startup and memory of ``pacte serve``: print figures, assert nothing.

    .venv/bin/python benchmarks/serve_startup.py [--pool-size 0] [--kernels 3] [--sse 1000]

Measures, on this machine, with the book already built under ``$PACTE_OUTPUT``:
  * seconds from launching ``pacte serve`` to the first 200 on ``/`` and on ``/api/live/status``;
  * memory (RSS of the server and all its child processes, from /proc) when idle;
  * cold time to a rendered Voilà view and memory per Voilà kernel (``--kernels`` views, one page each);
  * memory per trainee connected to the events stream (``--sse`` streams open at once).
``--pool-size 1`` measures the old default instead (a preheated kernel per page): add
the time until every page's pool is filled.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import free_port  # noqa: E402

from pacte.course.paths import build_dir  # noqa: E402

PAGES = [
    "modules/metier/qui-sont-les-coordinateurs",
    "modules/financement/simulateur-aci-msp",
    "modules/dynamiques/ce-que-dit-l-enquete",
    "modules/territoires/cpts-et-responsabilite-territoriale",
]
TOKEN = "benchmark-trainer-token"


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def rss_kib(pid: int) -> int:
    """Resident memory of one process, KiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Every process started by ``pid``, recursively."""
    tree, out, todo = _children(), [], [pid]
    while todo:
        kids = tree.get(todo.pop(), [])
        out += kids
        todo += kids
    return out


def tree_rss_mib(pid: int) -> tuple[float, float]:
    """(RSS of ``pid`` alone, RSS of ``pid`` and its descendants), MiB."""
    own = rss_kib(pid)
    return own / 1024, (own + sum(rss_kib(p) for p in descendants(pid))) / 1024


class Server:
    """A ``pacte serve`` process on a free loopback port (SQLite in a temporary folder unless told)."""

    def __init__(
        self,
        extra: list[str] | None = None,
        database_url: str | None = None,
        port: int | None = None,
        data_dir: Path | None = None,
    ):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.data_dir = data_dir or Path(tempfile.mkdtemp(prefix="pacte-serve-bench-"))
        self.log = self.data_dir / f"serve-{self.port}.log"
        args = [sys.executable, "-m", "pacte.cli", "serve", "--port", str(self.port)]
        args += ["--trainer-token", TOKEN, "--data-dir", str(self.data_dir), *(extra or [])]
        if database_url:
            args += ["--database-url", database_url]
        self.launched = time.perf_counter()
        with self.log.open("a") as out:
            self.proc = subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)

    def wait_ready(self, paths: tuple[str, ...] = ("", "api/live/status"), timeout: float = 120) -> dict[str, float]:
        """Seconds from launch to the first 200 on each of ``paths``."""
        ready: dict[str, float] = {}
        deadline = time.monotonic() + timeout
        while len(ready) < len(paths) and time.monotonic() < deadline:
            for path in paths:
                if path in ready:
                    continue
                try:
                    with urllib.request.urlopen(self.base + path, timeout=2) as resp:
                        if resp.status == 200:
                            ready[path] = time.perf_counter() - self.launched
                except Exception:
                    pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"pacte serve exited: {self.log.read_text()[-2000:]}")
            time.sleep(0.05)
        if len(ready) < len(paths):
            raise TimeoutError(f"{self.base} not ready after {timeout} s")
        return ready

    def rss(self) -> tuple[float, float]:
        """(server process, server and kernels) RSS in MiB."""
        return tree_rss_mib(self.proc.pid)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=20)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def render_voila(base: str, page: str) -> float:
    """Seconds to fetch a whole Voilà view (every cell executed by its kernel)."""
    start = time.perf_counter()
    with urllib.request.urlopen(f"{base}voila/render/{page}.ipynb", timeout=300) as resp:
        resp.read()
    return time.perf_counter() - start


def wait_settled(server: Server, timeout: float = 1800) -> float:
    """Wait until the memory of the server and its kernels stops growing (< 1 % in 10 s); return that time."""
    last = server.rss()[1]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(10)
        now = server.rss()[1]
        if abs(now - last) < 0.01 * last:
            break
        last = now
    return time.perf_counter() - 10


def wait_for_pools(log: Path, count: int, timeout: float = 900) -> float:
    """Seconds until Voilà reports ``count`` kernel pools filled."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if len(set(re.findall(r"Kernel pool of (\S+) is filled", log.read_text(errors="replace")))) >= count:
            return time.monotonic() - start
        time.sleep(0.5)
    raise TimeoutError("pools not filled")


async def open_streams(port: int, code: str, participants: list[str]) -> list[asyncio.StreamWriter]:
    """One events stream per participant, each read up to its first event; the open connections."""

    async def one(participant: str) -> asyncio.StreamWriter:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        path = f"/api/live/events?code={code}&participant={participant}"
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        await reader.readuntil(b"event: stage")
        return writer

    return list(await asyncio.wait_for(asyncio.gather(*(one(p) for p in participants)), timeout=180))


def measure_sse(server: Server, n: int) -> str:
    """RSS delta of the server per connected events stream."""
    from pacte.live.store import open_store

    store = open_store(None, server.data_dir)
    session = store.create_session("Banc de démarrage")
    participants = [store.add_participant(session.id) for _ in range(n)]
    store.close()
    before = server.rss()[0]

    async def run() -> float:
        writers = await open_streams(server.port, session.code, participants)
        await asyncio.sleep(2)
        after = server.rss()[0]
        for writer in writers:
            writer.close()
        return after

    after = asyncio.run(run())
    return f"{(after - before) * 1024 / n:.1f} KiB per connected trainee ({n} streams: {before:.0f} → {after:.0f} MiB)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pool-size", type=int, default=0, help="as pacte serve --pool-size (1: the old default)")
    parser.add_argument("--kernels", type=int, default=3, help="Voilà views opened to measure a kernel")
    parser.add_argument("--sse", type=int, default=1000, help="events streams opened to measure a trainee")
    args = parser.parse_args()
    out = build_dir()
    pages = len(list((out / "voila").rglob("*.ipynb")))
    print(f"machine: {os.cpu_count()} cores; book in {out.parent}; {pages} Voilà pages; pool size {args.pool_size}")
    server = Server(["--pool-size", str(args.pool_size), "--max-kernels", "0"])
    try:
        ready = server.wait_ready()
        print(f"first 200 on /:                {ready['']:6.2f} s after launch")
        print(f"first 200 on /api/live/status: {ready['api/live/status']:6.2f} s after launch")
        if args.pool_size > 0:
            wait_for_pools(server.log, pages)
            settled = wait_settled(server)
            print(f"every preheated page rendered: {settled - server.launched:6.1f} s after launch (memory settled)")
        time.sleep(3)
        own, total = server.rss()
        print(f"memory idle: server {own:.0f} MiB, server and kernels {total:.0f} MiB")
        for page in PAGES[: args.kernels]:
            seconds = render_voila(server.base, page)
            time.sleep(1)
            own2, total2 = server.rss()
            print(
                f"Voilà view {page}: rendered in {seconds:.1f} s; +{total2 - total:.0f} MiB "
                f"(server +{own2 - own:.0f} MiB, its kernel {total2 - own2 - (total - own):.0f} MiB)"
            )
            own, total = own2, total2
        print(f"events streams: {measure_sse(server, args.sse)}")
    finally:
        server.stop()
        shutil.rmtree(server.data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
