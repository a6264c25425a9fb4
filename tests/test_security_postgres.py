"""PostgreSQL in front of a room: scripts/test.sh stops its cluster even when tests fail; a database stopped
while serving gives quick French 503s and the service comes back on its own; startup failures are one French
line without the password. Uses its own throwaway cluster (scripts/postgres-test.sh on a free port)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, free_port

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not any(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")) and os.geteuid() != 0,
        reason="PostgreSQL server binaries are not installed",
    ),
]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    port = free_port()
    base = Path(f"/tmp/pacte-pg-security-{port}")
    env = {**os.environ, "PACTE_PG_PORT": str(port), "PACTE_PG_DIR": str(base)}
    yield {"env": env, "port": port, "base": base}
    subprocess.run(["bash", "scripts/postgres-test.sh", "--destroy"], cwd=ROOT, env=env, capture_output=True)
    shutil.rmtree(base, ignore_errors=True)


def pg(cluster, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "scripts/postgres-test.sh", *args],
        cwd=ROOT,
        env=cluster["env"],
        capture_output=True,
        text=True,
        timeout=180,
    )


def start(cluster) -> str:
    proc = pg(cluster)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1].split("=", 1)[1]


def test_test_sh_stops_its_cluster_when_the_tests_fail(cluster):
    assert pg(cluster, "--status").returncode == 1
    proc = subprocess.run(
        ["bash", "scripts/test.sh", "--pacte-no-such-option"],
        cwd=ROOT,
        env={**cluster["env"], "PACTE_SKIP_SETUP": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    assert "starting the cluster" in proc.stderr  # it did start one…
    assert pg(cluster, "--status").returncode == 1, "test.sh left its PostgreSQL cluster running"
    # The durations of the phases are printed even when one fails, the failed one named.
    assert "scripts/test.sh: duration of each phase" in proc.stdout and "tests      failed" in proc.stdout


def test_test_sh_leaves_a_cluster_it_did_not_start(cluster):
    start(cluster)
    try:
        proc = subprocess.run(
            ["bash", "scripts/test.sh", "--pacte-no-such-option"],
            cwd=ROOT,
            env={**cluster["env"], "PACTE_SKIP_SETUP": "1"},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode != 0
        assert pg(cluster, "--status").returncode == 0
    finally:
        pg(cluster, "--stop")


def test_database_stopped_while_serving_gives_quick_503_then_recovers(cluster):
    from live_api_server import start_api
    from test_security_api import call

    from pacte.live.limits import FailFastStore
    from pacte.live.store import open_store

    url = start(cluster)
    store = open_store(url, Path("/nonexistent"))
    base, _, stop = start_api(FailFastStore(store, cooldown=2.0))
    try:
        session = store.create_session("Panne PostgreSQL")
        status, data = call(base, "join", {"code": session.code})
        assert status == 201
        body = {
            "code": session.code,
            "participant": data["participant"],
            "activity": "survey:cohesion",
            "question": "MSP",
            "answer": "close_knit",
        }
        assert pg(cluster, "--stop").returncode == 0
        times = []
        for _ in range(5):
            t0 = time.monotonic()
            status, data = call(base, "answer", body, timeout=30)
            times.append(time.monotonic() - t0)
            assert status == 503, data
            assert "indisponible" in data["error"]
        # The first request finds out (connection timeout: 3 s), the next ones fail at once.
        assert times[0] < 8 and max(times[1:]) < 1, times
        start(cluster)
        deadline = time.monotonic() + 30
        while True:
            status, data = call(base, "answer", body, timeout=30)
            if status == 201 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert status == 201, data
    finally:
        stop()
        store.close()


def run_serve(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    out = tmp_path / "out"
    (out / "_build" / "html").mkdir(parents=True, exist_ok=True)
    (out / "_build" / "html" / "index.html").write_text("<html></html>")
    (out / "_build" / "voila").mkdir(exist_ok=True)
    env = {**os.environ, "PACTE_OUTPUT": str(out)}
    env.pop("PACTE_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "pacte.cli", "serve", "--port", str(free_port()), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_read_only_postgres_database_is_one_french_line(cluster, tmp_path):
    url = start(cluster)
    ro = url + ("&" if "?" in url else "?") + "options=-c%20default_transaction_read_only%3Don"
    proc = run_serve(tmp_path, "--database-url", ro)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "lecture seule" in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr and ":pacte@" not in proc.stderr + proc.stdout


def test_wrong_password_is_one_french_line_without_the_password(cluster, tmp_path):
    url = start(cluster)
    bad = url.replace("pacte:pacte@", "pacte:Tr3sS3cret-pw@")
    proc = run_serve(tmp_path, "--database-url", bad)
    assert proc.returncode == 2
    assert "Tr3sS3cret-pw" not in proc.stderr + proc.stdout
    assert "mot de passe" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
