"""Property-based fuzz of the live API (join and answer), loopback only, bounded in count.

    .venv/bin/python benchmarks/fuzz_api.py [--requests 10000] [--database-url URL]

Starts the live API in its own process, configured as ``pacte serve``
configures it (same handlers, same HTTP body bound, the fail-fast store),
with the per-address limits lifted so that every generated request reaches
the parsing (the limits have their own tests). Hypothesis then generates
requests: well-formed answers to real questions, answers mutated field by
field, hostile JSON (deep nesting, huge numbers, NaN, odd Unicode), raw
bytes, wrong content types, oversized bodies.

Prints: requests tried, 5xx responses (must be 0), invalid rows stored (rows
that the course data would not accept, must be 0), and the server's memory
(RSS) before and after. Exit status 1 when a count that must be 0 is not.

Then (unless ``--no-attacks``) the attacks of a hostile room with the limits
in place (:mod:`hostile_room`): idle connections at 1 024 open files, wrong
join codes, a GET flood, an answer to a closed activity, wrong trainer
tokens, blank-looking answers; figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

VALID = [
    ("quiz:profils-coordination", "satisfactions", ["projet", "animation"]),
    ("quiz:profils-coordination", "dynamique-cpts", "48,5"),
    ("survey:cohesion", "MSP", "close_knit"),
    ("survey:cohesion", "CDS", "close_knit"),
    ("text:mot-equipe", "answer", "Très soudée"),
]


# -- the server process ----------------------------------------------------------------------


def serve(port: int, data_dir: str, database_url: str | None) -> None:
    """Run the live API on ``port`` until killed (the child process)."""
    from tornado import httpserver, web
    from tornado.ioloop import IOLoop

    from pacte.live.api import LiveContext, RateLimiter, live_handlers
    from pacte.live.guessing import GuessLimiter
    from pacte.live.limits import AddressLimits, FailFastStore
    from pacte.live.store import open_store
    from pacte.server import MAX_HTTP_BODY

    asyncio.set_event_loop(asyncio.new_event_loop())
    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # 5xx only
    store = open_store(database_url, Path(data_dir))
    live = LiveContext(FailFastStore(store))
    live.answer_limiter = RateLimiter(limit=10**9, window=10)
    live.address_limits = AddressLimits(join=(10**9, 10**9), answer=(10**9, 10**9), exempt=())
    live.guesses = GuessLimiter(per_address=10**9, per_code=10**9)
    app = web.Application(live_handlers("/api/live", live))
    server = httpserver.HTTPServer(app, max_body_size=MAX_HTTP_BODY)
    server.listen(port, "127.0.0.1")
    print("ready", flush=True)
    IOLoop.current().start()


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# -- the client --------------------------------------------------------------------------------


class Client:
    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.statuses: Counter = Counter()
        self.failures: list[str] = []

    def post(
        self, route: str, body: bytes, content_type: str = "application/json", announced: int | None = None
    ) -> int:
        for attempt in (1, 2):
            try:
                self.conn.putrequest("POST", f"/api/live/{route}")
                self.conn.putheader("Content-Type", content_type)
                self.conn.putheader("Content-Length", str(announced if announced is not None else len(body)))
                self.conn.endheaders(body if announced is None else body[: min(len(body), 1024)])
                resp = self.conn.getresponse()
                resp.read()
                if resp.getheader("Connection", "").lower() == "close" or announced is not None:
                    self.conn.close()
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.statuses[resp.status] += 1
                if resp.status >= 500:
                    self.failures.append(f"{resp.status} {route} {body[:200]!r}")
                return resp.status
            except (http.client.HTTPException, ConnectionError) as exc:
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt == 2:
                    self.statuses["connection error"] += 1
                    self.failures.append(f"connection error {route}: {exc!r}")
        return 0

    def json(self, route: str, payload) -> tuple[int, dict]:
        body = json.dumps(payload).encode()
        self.conn.putrequest("POST", f"/api/live/{route}")
        self.conn.putheader("Content-Type", "application/json")
        self.conn.putheader("Content-Length", str(len(body)))
        self.conn.endheaders(body)
        resp = self.conn.getresponse()
        return resp.status, json.loads(resp.read())


def strategies():
    from hypothesis import strategies as st

    leaf = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.integers(min_value=10**30, max_value=10**400)
        | st.floats()
        | st.text(max_size=80)
        | st.sampled_from(["\u202e", "\u200b", "\ufeff", '=HYPERLINK("x")', "<script>", "\x00", "NaN"])
    )
    values = st.recursive(
        leaf,
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
        max_leaves=16,
    )
    activity = st.sampled_from(
        [a for a, _, _ in VALID]
        + ["quiz:x", "survey:", "text", "", "sorting:x", "case:x", "diagnosis:x", "ordering:x", "cpts_project:x"]
    ) | st.text(max_size=40)
    question = st.sampled_from([q for _, q, _ in VALID] + ["order", "missions", "CPTS", ""]) | st.text(max_size=30)
    answer = st.sampled_from([v for _, _, v in VALID]) | values
    hostile = st.sampled_from(
        [
            b"[" * 5000,
            b"[" * 2000 + b"]" * 2000,
            b'{"a":' * 900 + b"1" + b"}" * 900,
            b"1" * 4000,
            b'{"code": 1e999}',
            b'{"code": NaN}',
            b'{"answer": -Infinity}',
            b'{"code": "\\ud800"}',
            b"\xff\xfe",
            b"",
            b"null",
            b"[]",
            b'"x"',
        ]
    )
    return st, values, activity, question, answer, hostile


def run_fuzz(client: Client, session_code: str, participant: str, n: int) -> int:
    from hypothesis import HealthCheck, Phase, given, settings

    st, values, activity, question, answer, hostile = strategies()
    counter = {"n": 0}
    request = st.one_of(
        # A valid answer (stored: exercises the upsert and the row check).
        st.fixed_dictionaries({"kind": st.just("valid"), "base": st.sampled_from(VALID)}),
        # Well-formed envelope, generated content.
        st.fixed_dictionaries(
            {
                "kind": st.just("answer"),
                "activity": activity,
                "question": question,
                "answer": answer,
                "real": st.booleans(),
                "code": st.text(max_size=10),
                "participant": st.text(max_size=70),
                "extra": st.dictionaries(st.text(max_size=8), values, max_size=3),
            }
        ),
        # A valid answer with one field replaced.
        st.fixed_dictionaries(
            {
                "kind": st.just("mutate"),
                "base": st.sampled_from(VALID),
                "field": st.sampled_from(["code", "participant", "activity", "question", "answer"]),
                "value": values,
            }
        ),
        st.fixed_dictionaries({"kind": st.just("join"), "code": values | st.text(max_size=12)}),
        st.fixed_dictionaries(
            {
                "kind": st.just("raw"),
                "route": st.sampled_from(["join", "answer"]),
                "body": st.binary(max_size=6000) | hostile,
                "ctype": st.sampled_from(["application/json", "text/plain", "", "application/json; charset=utf-16"]),
            }
        ),
        st.fixed_dictionaries(
            {
                "kind": st.just("oversized"),
                "route": st.sampled_from(["join", "answer"]),
                "size": st.integers(min_value=4097, max_value=200_000_000),
            }
        ),
    )

    @settings(
        max_examples=n, deadline=None, database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck)
    )
    @given(req=request)
    def one(req):
        counter["n"] += 1
        kind = req["kind"]
        if kind == "answer":
            body = {
                **req["extra"],
                "activity": req["activity"],
                "question": req["question"],
                "answer": req["answer"],
                "code": session_code if req["real"] else req["code"],
                "participant": participant if req["real"] else req["participant"],
            }
            client.post("answer", json.dumps(body).encode())
        elif kind == "valid":
            act, q, a = req["base"]
            body = {"code": session_code, "participant": participant, "activity": act, "question": q, "answer": a}
            if client.post("answer", json.dumps(body).encode()) != 201:
                client.failures.append(f"valid answer refused: {body}")
        elif kind == "mutate":
            act, q, a = req["base"]
            body = {"code": session_code, "participant": participant, "activity": act, "question": q, "answer": a}
            body[req["field"]] = req["value"]
            client.post("answer", json.dumps(body).encode())
        elif kind == "join":
            client.post("join", json.dumps({"code": req["code"]}).encode())
        elif kind == "raw":
            client.post(req["route"], req["body"], content_type=req["ctype"])
        else:
            client.post(req["route"], b"{" * 64, announced=req["size"])

    one()
    return counter["n"]


def invalid_rows(store, session_id: str) -> list[dict]:
    from pacte.live.protocol import ProtocolError, parse_answer
    from pacte.live.validation import canonical_answer

    bad = []
    for row in store.export_rows(session_id):
        stored = row["answer"]
        try:
            original = json.loads(stored) if stored.startswith("[") else stored
            again = canonical_answer(
                parse_answer({"activity": row["activity"], "question": row["question"], "answer": original})
            )
            if again != stored:
                bad.append(row)
        except (ProtocolError, ValueError):
            bad.append(row)
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL (default: SQLite in a temp folder)")
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "DATA_DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--no-attacks", action="store_true", help="skip the hostile-room attacks (issue 26)")
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1], args.database_url)
        return 0

    from conftest import free_port

    from pacte.live.store import open_store

    data_dir = tempfile.mkdtemp(prefix="pacte-fuzz-")
    port = free_port()
    cmd = [sys.executable, __file__, "--serve", str(port), data_dir]
    if args.database_url:
        cmd += ["--database-url", args.database_url]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        store = open_store(args.database_url, Path(data_dir))
        session = store.create_session("Fuzz")
        client = Client(port)
        status, data = client.json("join", {"code": session.code})
        assert status == 201, data
        for act, q, a in VALID:  # warm up: the course data is loaded on first use
            client.json(
                "answer",
                {"code": session.code, "participant": data["participant"], "activity": act, "question": q, "answer": a},
            )
        before = rss_mib(proc.pid)
        start = time.perf_counter()
        tried = run_fuzz(client, session.code, data["participant"], args.requests)
        elapsed = time.perf_counter() - start
        after = rss_mib(proc.pid)
        five_xx = sum(n for s, n in client.statuses.items() if isinstance(s, int) and s >= 500)
        errors = client.statuses.get("connection error", 0)
        bad = invalid_rows(store, session.id)
        stored = len(store.export_rows(session.id))
        store.close()
    finally:
        proc.terminate()
        proc.wait(10)
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"fuzz of the live API ({backend}), {elapsed:.1f} s")
    print(f"  requests tried:        {tried}")
    print(f"  statuses:              {dict(sorted((str(k), v) for k, v in client.statuses.items()))}")
    print(f"  5xx responses:         {five_xx}")
    print(f"  connection errors:     {errors}")
    print(f"  rows stored:           {stored}")
    print(f"  invalid rows stored:   {len(bad)}")
    print(f"  server memory (RSS):   {before:.1f} MiB before, {after:.1f} MiB after")
    for line in client.failures[:10]:
        print(f"  failure: {line}")
    for row in bad[:10]:
        print(f"  invalid row: {row}")
    refused_valid = sum(1 for f in client.failures if f.startswith("valid answer refused"))
    print(f"  valid answers refused: {refused_valid}")
    if not args.no_attacks:
        from hostile_room import run_attacks

        print("hostile room (benchmarks/hostile_room.py: default limits, server at 1 024 open files)")
        for line in run_attacks():
            print(f"  {line}")
    return 1 if five_xx or bad or errors or refused_valid or tried < args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
