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
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import free_port  # noqa: E402
from deploy_support import Nginx, nginx_binary  # noqa: E402
from live_room_trainees import Client, HTTPError, Room, trainee, wait_for  # noqa: E402
from serve_startup import Server, rss_kib  # noqa: E402

KINDS = ("quiz", "scale", "wordcloud", "ranking", "survey", "text")


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
        self.cpu_of_killed = (0.0, 0.0)
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

    def cpu_seconds(self) -> tuple[float, float]:
        """(CPU time used, time spent waiting for a CPU) of the server processes so far, killed ones included."""
        alive = [(cpu_seconds(s.proc.pid), queued_seconds(s.proc.pid)) for s in self.servers if s.proc.poll() is None]
        return self.cpu_of_killed[0] + sum(a for a, _ in alive), self.cpu_of_killed[1] + sum(b for _, b in alive)

    def kill_one(self) -> str:
        """SIGKILL the first process; restart it on its port when it is the only one."""
        victim = self.servers[0]
        used, queued = self.cpu_of_killed
        self.cpu_of_killed = (used + cpu_seconds(victim.proc.pid), queued + queued_seconds(victim.proc.pid))
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process, seconds (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def queued_seconds(pid: int) -> float:
    """Time the threads of one process spent runnable but waiting for a CPU (/proc schedstat), seconds."""
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            total += int(stat.read_text().split()[1])
        except (OSError, IndexError, ValueError):
            pass
    return total / 1e9


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def push(trainer: Client, path: str, stage: dict) -> None:
    """POST the stage until it is accepted (a process may be down)."""
    status, body = 0, dict[str, object]()
    for attempt in range(20):
        try:
            status, body = await trainer.request("POST", path, stage, cookie=True)
        except HTTPError:
            status, body = 0, {}
        if status == 200:
            return
        if attempt or status:  # a keep-alive connection to a killed process: retried at once, as browsers do
            await asyncio.sleep(0.5)
    raise RuntimeError(f"push refused: {status} {body}")


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
    server_cpu_start = setup.cpu_seconds()
    killed_at = args.activities // 2 if args.kill else -1
    killed_time = 0.0
    for i, act in enumerate(chosen):
        key = f"{act['kind']}:{act['ref']}:{act['question']}"
        stage = {"kind": act["kind"], "ref": act["ref"], "question": act["question"], "state": "open"}
        room.pushed[key] = time.monotonic()
        room.current = key
        room.calm = i != killed_at
        await push(trainer, f"/api/live/trainer/sessions/{session['id']}/stage", stage)
        if i == killed_at:
            await wait_for(room, lambda k=key: room.answered[k] >= room.trainees // 2, args.activity_timeout)
            killed_time = time.monotonic()
            figures["killed"] = setup.kill_one()
            figures["killed_key"] = key
        if not await wait_for(room, lambda k=key: room.answered[k] >= room.trainees, args.activity_timeout):
            room.errors[f"activity timeout ({room.answered[key]} of {room.trainees} answered)"] += 1
        if i == killed_at:  # as a trainer would, wait for the room to be back before the next activity
            await wait_for(room, lambda: room.connected >= room.trainees, args.activity_timeout)
            figures["back"] = (room.connected, time.monotonic() - killed_time)
    figures["completion"] = time.monotonic() - start
    figures["room_cpu"] = (_cpu_seconds() - cpu_start) / figures["completion"]
    used, queued = setup.cpu_seconds()
    figures["server_cpu"], figures["server_queued"] = used - server_cpu_start[0], queued - server_cpu_start[1]
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
    print(
        f"  server CPU during the activities: {figures['server_cpu']:.1f} s = "
        f"{figures['server_cpu'] * 1000 / max(len(room.acked), 1):.2f} ms per answer acknowledged "
        f"(answers, pushes, pings, reconnections, a restarted process from its start); its threads waited {figures['server_queued']:.1f} s "
        f"for a CPU meanwhile (load average {os.getloadavg()[0]:.1f} at the end)"
    )
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
    calm_answers = [s for k, v in room.answer_latency_by_activity.items() if k != figures.get("killed_key") for s in v]
    print(
        f"  answer latency ms, activities without a kill ({len(calm_answers)} answers): "
        f"p50 {pct(calm_answers, 0.5)}, p95 {pct(calm_answers, 0.95)}, p99 {pct(calm_answers, 0.99)}"
    )
    by_activity = ", ".join(pct(v, 0.5) for v in room.push_latency_by_activity.values())
    print(f"  push delivery latency p50 per activity, in push order, ms: {by_activity}")
    by_activity = ", ".join(pct(v, 0.95) for v in room.answer_latency_by_activity.values())
    print(f"  answer latency p95 per activity, in push order, ms: {by_activity}")
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
