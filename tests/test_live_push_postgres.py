"""Several processes on one PostgreSQL store: a push or an answer made through process A reaches the event
streams of process B (LISTEN/NOTIFY), also after B's listening connection was cut.

Needs ``PACTE_TEST_DATABASE_URL`` (``eval "$(scripts/postgres-test.sh | tail -1)"``); skips without it
(fails when ``CI=true``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from conftest import ROOT, free_port
from live_push_client import COOKIE, SSE, TOKEN, call
from test_live_stage_store import drop_schema, pg_schema_url

from pacte.live.catalogue import catalogue

pytestmark = pytest.mark.slow

QUIZ = next(a for a in catalogue() if a["kind"] == "quiz")
WORDS = next(a for a in catalogue() if a["kind"] == "wordcloud")


def start(url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "live_push_serve.py"), url, str(port), TOKEN],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc, f"http://127.0.0.1:{port}/api/live/"


@pytest.fixture(scope="module")
def two():
    url, schema = pg_schema_url()
    procs = []
    try:
        a, api_a = start(url)
        procs.append(a)
        b, api_b = start(url)
        procs.append(b)
        yield {"a": api_a, "b": api_b, "url": url, "pid_b": b.pid}
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)
        drop_schema(schema)


def push(api: str, sid: str, activity: dict, state: str):
    body = {k: activity[k] for k in ("kind", "ref", "question")}
    status, data = call(api + f"trainer/sessions/{sid}/stage", "POST", {**body, "state": state})
    assert status == 200, data
    return data["stage"]


def test_a_push_through_a_reaches_a_stream_on_b(two):
    status, data = call(two["a"] + "trainer/sessions", "POST", {"title": "Deux processus"})
    session = data["session"]
    status, joined = call(two["b"] + "join", "POST", {"code": session["code"]}, trainer=False)
    assert status == 201
    trainee = SSE(two["b"] + f"events?code={session['code']}&participant={joined['participant']}", timeout=20)
    trainer = SSE(two["b"] + f"trainer/sessions/{session['id']}/events", cookie=COOKIE, timeout=20)
    try:
        assert trainee.next_event("stage")[1]["state"] == "idle"
        assert trainer.next_event("summary")[1]["participants"] == 1
        pushed = push(two["a"], session["id"], QUIZ, "open")
        stage = trainee.next_event("stage")[1]
        while stage["seq"] < pushed["seq"]:
            stage = trainee.next_event("stage")[1]
        assert stage == pushed
        # An answer through A reaches B's trainer stream.
        choice = stage["activity"]["input"]["choices"][0]["id"]
        body = {"code": session["code"], "participant": joined["participant"], "question": QUIZ["question"]}
        activity = f"quiz:{QUIZ['ref']}"
        assert (
            call(two["a"] + "answer", "POST", {**body, "activity": activity, "answer": choice}, trainer=False)[0] == 201
        )
        summary = trainer.next_event("summary")[1]
        while not summary["activities"] or summary["activities"][0]["answers"] < 1:
            summary = trainer.next_event("summary")[1]
        assert summary["activities"][0]["panel"]["respondents"] == 1
        # The trainee connected to B counts as connected (written in batches, read by every process).
        deadline = time.monotonic() + 20
        while summary["connected"] < 1 and time.monotonic() < deadline:
            summary = trainer.next_event("summary")[1]
        assert summary["connected"] == 1
        assert call(two["a"] + f"trainer/sessions/{session['id']}/summary")[1]["summary"]["connected"] == 1
        # B's listening connection is cut: B reconnects and the next push still arrives.
        import psycopg

        with psycopg.connect(two["url"], autocommit=True) as conn:
            cut = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                (f"pacte-live-listen-{two['pid_b']}",),
            ).fetchall()
        assert cut
        pushed = push(two["a"], session["id"], QUIZ, "revealed")
        stage = trainee.next_event("stage")[1]
        while stage["seq"] < pushed["seq"] or stage["state"] != "revealed":
            stage = trainee.next_event("stage")[1]
        assert stage["reveal"]["correct"]
        # Answers through B to the revealed activity: 409 in every process.
        refused = call(two["b"] + "answer", "POST", {**body, "activity": activity, "answer": choice}, trainer=False)
        assert refused == (409, {"ok": False, "error": "Les réponses sont closes pour cette activité."})
    finally:
        trainee.close()
        trainer.close()
