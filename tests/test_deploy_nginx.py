"""Two ``pacte serve`` processes on one PostgreSQL store behind deploy/nginx.conf (ports rewritten).

Through nginx: the book, a join and an answer (stored once), the trainer's cookie accepted by
both processes (``PACTE_TRAINER_TOKEN`` shared), a stage pushed through one process reaching an
events stream opened on the other and one opened through nginx (unbuffered), and a Voilà view
whose kernel URLs keep reaching the process that started it (``pacte_route`` cookie).
deploy/Caddyfile gets the same checks in front of the same processes.

Needs nginx (``apt-get install nginx``), ``PACTE_TEST_DATABASE_URL`` and the built book; skips
without them, or fails when ``CI=true``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD, ROOT, TRAINER_TOKEN, _missing, free_port, wait_for_http
from deploy_support import Caddy, Nginx, caddy_config, nginx_binary, nginx_config
from live_push_client import SSE, TOKEN, call, request
from test_live_stage_store import drop_schema, pg_schema_url

from pacte.live.catalogue import catalogue
from pacte.live.store import open_store

QUIZ = next(a for a in catalogue() if a["kind"] == "quiz")
PAGE = "modules/metier/qui-sont-les-coordinateurs"


def test_nginx_config_lists_every_port_in_both_upstreams():
    text = nginx_config([9001, 9002, 9003], 9100)
    for upstream in ("pacte_any", "pacte_voila"):
        block = text.split(f"upstream {upstream} {{", 1)[1].split("}", 1)[0]
        assert re.findall(r"server 127\.0\.0\.1:(\d+)", block) == ["9001", "9002", "9003"]
    assert "listen 127.0.0.1:9100;" in text and "listen 80;" not in text


def test_nginx_config_streams_events_unbuffered_and_upgrades_websockets():
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    events = text.split("location ~ ^/api/live/(events|trainer/sessions/[^/]+/events)$ {", 1)[1].split("}", 1)[0]
    assert "proxy_buffering off;" in events and "proxy_read_timeout 1h;" in events
    assert "proxy_set_header Upgrade $http_upgrade;" in text and "map $http_upgrade $pacte_connection" in text
    voila = text.split("location ~ ^/(voila/(render|api|query|execution)/|api/kernels/) {", 1)[1].split("}", 1)[0]
    assert "proxy_pass http://pacte_voila;" in voila and "hash $pacte_route consistent;" in text


def _choices(activity: dict) -> list:
    from pacte.live.kind_registry import activity_view

    view = activity_view(activity["kind"], activity["ref"], activity["question"])
    assert view is not None
    ids = [c["id"] for c in view["input"]["choices"]]
    return [[i] for i in ids] if view["input"]["multiple"] else ids


def _kernels(pid: int) -> int:
    """Kernel processes started by ``pid``."""
    count = 0
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, NotADirectoryError):
            continue
        count += int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"ipykernel" in cmdline
    return count


@pytest.fixture(scope="module")
def farm(tmp_path_factory):
    """Two processes on one PostgreSQL schema and nginx in front."""
    if nginx_binary() is None:
        _missing("nginx is not installed (apt-get install nginx)")
    if not (BUILD / "html" / "index.html").exists() or not (BUILD / "voila").exists():
        _missing("the book is not built: run `pacte build` first")
    url, schema = pg_schema_url()
    tmp = tmp_path_factory.mktemp("farm")
    # One trainer token for every process, given by the environment only.
    env = {**os.environ, "PACTE_TRAINER_TOKEN": TOKEN}
    procs: list[subprocess.Popen] = []
    ports = [free_port(), free_port()]
    nginx = None
    try:
        for port in ports:
            args = ["serve", "--port", str(port), "--behind-proxy", "--database-url", url]
            args += ["--data-dir", str(tmp / "data"), "--kernel-idle", "120"]
            with (tmp / f"serve-{port}.log").open("w") as log:
                procs.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "pacte.cli", *args], cwd=ROOT, env=env, stdout=log, stderr=log
                    )
                )
        for port in ports:
            wait_for_http(f"http://127.0.0.1:{port}/api/live/status")
        nginx = Nginx(ports, free_port(), tmp / "nginx")
        yield {
            "nginx": nginx.base,
            "a": f"http://127.0.0.1:{ports[0]}/",
            "b": f"http://127.0.0.1:{ports[1]}/",
            "pids": [p.pid for p in procs],
            "url": url,
        }
    finally:
        if nginx is not None:
            nginx.stop()
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        drop_schema(schema)


def _session(base: str, title: str) -> dict:
    status, data = call(base + "api/live/trainer/sessions", "POST", {"title": title})
    assert status == 201, data
    return data["session"]


@pytest.mark.slow
def test_book_join_and_answer_through_nginx(farm):
    status, _, body = request(farm["nginx"])
    assert status == 200 and b"<html" in body.lower()
    status, _, body = request(f"{farm['nginx']}{PAGE}.html")
    assert status == 200 and b'name="pacte-live"' in body
    session = _session(farm["nginx"], "Derrière nginx")
    status, joined = call(farm["nginx"] + "api/live/join", "POST", {"code": session["code"]}, trainer=False)
    assert status == 201, joined
    answer = {
        "code": session["code"],
        "participant": joined["participant"],
        "activity": f"quiz:{QUIZ['ref']}",
        "question": QUIZ["question"],
        "answer": _choices(QUIZ)[0],
    }
    status, data = call(farm["nginx"] + "api/live/answer", "POST", answer, trainer=False)
    assert status == 201, data
    store = open_store(farm["url"], Path("/nonexistent"))
    try:
        rows = store.export_rows(session["id"])
    finally:
        store.close()
    assert [(r["participant"], r["activity"], r["question"]) for r in rows] == [
        (joined["participant"], answer["activity"], answer["question"])
    ]


@pytest.mark.slow
def test_the_trainer_token_from_the_environment_opens_both_processes(farm):
    for base in (farm["a"], farm["b"]):
        assert call(base + "api/live/trainer/sessions")[0] == 200
        assert call(base + "api/live/trainer/sessions", trainer=False)[0] == 403
    status, headers, _ = request(f"{farm['nginx']}formateur/?token={TOKEN}")
    assert status in (302, 303) and "pacte_trainer=" in " ".join(headers.get_all("Set-Cookie") or [])


@pytest.mark.slow
def test_a_push_through_one_process_reaches_streams_on_the_other_and_through_nginx(farm):
    session = _session(farm["a"], "Deux processus")
    status, joined = call(farm["nginx"] + "api/live/join", "POST", {"code": session["code"]}, trainer=False)
    assert status == 201
    query = f"api/live/events?code={session['code']}&participant={joined['participant']}"
    on_b = SSE(farm["b"] + query, timeout=30)
    via_nginx = SSE(farm["nginx"] + query, timeout=30)
    try:
        assert on_b.next_event("stage")[1]["state"] == "idle"
        assert via_nginx.next_event("stage")[1]["state"] == "idle"
        body = {k: QUIZ[k] for k in ("kind", "ref", "question")} | {"state": "open"}
        status, data = call(farm["a"] + f"api/live/trainer/sessions/{session['id']}/stage", "POST", body)
        assert status == 200, data
        for stream in (on_b, via_nginx):
            stage = stream.next_event("stage")[1]
            while stage["seq"] < data["stage"]["seq"]:
                stage = stream.next_event("stage")[1]
            assert stage["state"] == "open" and stage["activity"]["ref"] == QUIZ["ref"]
    finally:
        on_b.close()
        via_nginx.close()


@pytest.mark.slow
def test_a_voila_view_keeps_reaching_the_process_of_its_kernel(farm):
    status, headers, body = request(f"{farm['nginx']}voila/render/{PAGE}.ipynb")
    assert status == 200, body[:300]
    route = re.search(r"pacte_route=([0-9a-f]+)", " ".join(headers.get_all("Set-Cookie") or []))
    assert route, headers
    kernel = re.search(rb'"kernelId": "([0-9a-f-]{36})"', body)
    assert kernel, body[:2000]
    kernel_id = kernel.group(1).decode()
    owners = [pid for pid in farm["pids"] if _kernels(pid)]
    assert len(owners) == 1
    # The kernel's URLs, sent with the route cookie, always reach its process (else 404).
    for _ in range(8):
        status, _, data = request(
            f"{farm['nginx']}api/kernels/{kernel_id}", headers={"Cookie": f"pacte_route={route.group(1)}"}
        )
        assert status == 200 and kernel_id.encode() in data


@pytest.mark.slow
def test_behind_proxy_the_forwarded_scheme_makes_the_trainer_cookie_secure(farm):
    forwarded = {"X-Forwarded-Proto": "https"}
    status, headers, _ = request(f"{farm['a']}formateur/?token={TOKEN}", headers=forwarded)
    cookie = next(c for c in headers.get_all("Set-Cookie") or [] if c.startswith("pacte_trainer="))
    assert status in (302, 303) and "secure" in cookie.lower()
    status, headers, _ = request(f"{farm['nginx']}formateur/?token={TOKEN}")
    cookie = next(c for c in headers.get_all("Set-Cookie") or [] if c.startswith("pacte_trainer="))
    assert "secure" not in cookie.lower()  # nginx here speaks http: it forwards the scheme it got


@pytest.mark.slow
def test_without_behind_proxy_forwarded_headers_are_ignored(pacte_server):
    status, headers, _ = request(
        f"{pacte_server}formateur/?token={TRAINER_TOKEN}", headers={"X-Forwarded-Proto": "https"}
    )
    cookie = next(c for c in headers.get_all("Set-Cookie") or [] if c.startswith("pacte_trainer="))
    assert status in (302, 303) and "secure" not in cookie.lower()


def test_caddy_config_lists_every_port():
    text = caddy_config([9001, 9002], 9100)
    assert text.count("reverse_proxy 127.0.0.1:9001 127.0.0.1:9002 {") == 3
    assert "http://127.0.0.1:9100 {" in text and ":8080 {" not in text


@pytest.mark.slow
def test_the_caddyfile_routes_like_nginx(farm, tmp_path):
    """deploy/Caddyfile in front of the same processes (Debian's caddy, installed by scripts/install.sh --test)."""
    if shutil.which("caddy") is None:
        _missing("caddy is not installed (apt-get install caddy)")
    ports = [int(farm[k].rsplit(":", 1)[1].strip("/")) for k in ("a", "b")]
    caddy = Caddy(ports, free_port(), tmp_path / "caddy")
    base = caddy.base
    try:
        assert request(base)[0] == 200
        session = _session(base, "Derrière Caddy")
        status, joined = call(base + "api/live/join", "POST", {"code": session["code"]}, trainer=False)
        assert status == 201
        stream = SSE(base + f"api/live/events?code={session['code']}&participant={joined['participant']}", timeout=30)
        try:
            assert stream.next_event("stage")[1]["state"] == "idle"
            body = {k: QUIZ[k] for k in ("kind", "ref", "question")} | {"state": "open"}
            for direct in (farm["a"], farm["b"]):  # whichever process the stream landed on
                status, data = call(direct + f"api/live/trainer/sessions/{session['id']}/stage", "POST", body)
                assert status == 200, data
                stage = stream.next_event("stage")[1]
                while stage["seq"] < data["stage"]["seq"]:
                    stage = stream.next_event("stage")[1]
                assert stage["state"] == "open"
        finally:
            stream.close()
        status, headers, page = request(f"{base}voila/render/{PAGE}.ipynb")
        assert status == 200
        route = [c.split(";")[0] for c in headers.get_all("Set-Cookie") or [] if c.startswith("pacte_route=")]
        kernel = re.search(rb'"kernelId": "([0-9a-f-]{36})"', page)
        assert route and kernel
        for _ in range(8):
            assert request(f"{base}api/kernels/{kernel.group(1).decode()}", headers={"Cookie": route[0]})[0] == 200
    finally:
        caddy.stop()
