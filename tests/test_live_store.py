"""The live-session store (pacte.live.store), on SQLite and on PostgreSQL.

PostgreSQL tests need ``PACTE_TEST_DATABASE_URL`` (``eval "$(scripts/postgres-test.sh | tail -1)"``);
each test gets a fresh schema. Without it they skip, or fail when ``CI=true``.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from pacte.live.protocol import JOIN_CODE_ALPHABET as CODE_ALPHABET
from pacte.live.store import (
    LiveSession,
    SessionClosed,
    StoreError,
    UnknownParticipant,
    UnknownSession,
    migrations,
    open_store,
)
from pacte.live.store import base as store_mod

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI") == "true"
PG_ENV = "PACTE_TEST_DATABASE_URL"
T0 = 1_750_000_000.0


class FakeClock:
    def __init__(self, t: float = T0):
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@dataclass
class Backend:
    kind: str  # "sqlite" or "postgres"
    url: str | None
    data_dir: Path

    def open(self, clock=time.time):
        return open_store(self.url, self.data_dir, clock=clock)

    def raw(self):
        """A raw driver connection (autocommit) to the same database."""
        if self.kind == "sqlite":
            return sqlite3.connect(self.data_dir / store_mod.SQLITE_FILENAME, isolation_level=None)
        import psycopg

        return psycopg.connect(self.url, autocommit=True)

    @property
    def ph(self) -> str:
        return "?" if self.kind == "sqlite" else "%s"


def _missing(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing test dependency is a failure)")
    pytest.skip(reason)


@pytest.fixture
def pg_url():
    base = os.environ.get(PG_ENV)
    if not base:
        _missing(f'{PG_ENV} is not set: run eval "$(scripts/postgres-test.sh | tail -1)"')
    try:
        import psycopg
        from psycopg import sql
    except ImportError:
        _missing("psycopg is not installed")
    schema = "pacte_test_" + secrets.token_hex(6)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote('-csearch_path=' + schema, safe='')}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


def _driver_error(backend: Backend, postgres_error: str) -> type[Exception]:
    """What the raw driver raises for an undefined table or function (``postgres_error``: a psycopg.errors name)."""
    if backend.kind == "sqlite":
        return sqlite3.OperationalError
    import psycopg

    return getattr(psycopg.errors, postgres_error)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", None, tmp_path)
    return Backend("postgres", request.getfixturevalue("pg_url"), tmp_path)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(backend, clock):
    s = backend.open(clock)
    yield s
    s.close()


@pytest.fixture
def session(store) -> LiveSession:
    return store.create_session("Séance de test")


# -- sessions -------------------------------------------------------------------


def test_session_lifecycle(store, clock):
    s = store.create_session("Coordination — groupe A", ttl_seconds=3600)
    assert isinstance(s, LiveSession)
    assert (s.title, s.created_at, s.expires_at, s.closed) == ("Coordination — groupe A", T0, T0 + 3600, False)
    assert len(s.id) >= 22 and re.fullmatch(r"[A-Za-z0-9_-]+", s.id)
    assert store.session(s.id) == s
    assert store.session_by_code(s.code) == s
    assert s in store.list_sessions()
    store.close_session(s.id)
    closed = store.session(s.id)
    assert closed.closed and not closed.is_open(clock())
    assert store.session_by_code(s.code) is None
    store.close_session(s.id)  # closing twice is harmless
    store.delete_session(s.id)
    assert store.session(s.id) is None
    assert store.list_sessions() == []


def test_list_sessions_newest_first(store, clock):
    a = store.create_session("A")
    clock.advance(10)
    b = store.create_session("B")
    assert [x.id for x in store.list_sessions()] == [b.id, a.id]


def test_join_codes_format_and_uniqueness(store):
    sessions = [store.create_session(f"S{i}") for i in range(60)]
    codes = [s.code for s in sessions]
    assert len(set(codes)) == len(codes)
    assert len({s.id for s in sessions}) == len(sessions)
    for code in codes:
        assert len(code) == 8 and set(code) <= set(CODE_ALPHABET)
    assert not set(CODE_ALPHABET) & set("01IOLlo")


def test_join_code_collision_draws_again(store, monkeypatch):
    drawn = iter(["AAAAAAAA", "AAAAAAAA", "AAAAAAAA", "BBBBBBBB", "AAAAAAAA"])
    monkeypatch.setattr(store_mod, "new_code", lambda: next(drawn))
    first = store.create_session("first")
    second = store.create_session("second")
    assert (first.code, second.code) == ("AAAAAAAA", "BBBBBBBB")
    store.close_session(first.id)  # a closed session frees its code
    third = store.create_session("third")
    assert third.code == "AAAAAAAA"
    assert store.session_by_code("aaaaaaaa") == third


def test_code_lookup_is_case_insensitive_and_strict(store, session):
    assert store.session_by_code(session.code.lower()) == session
    assert store.session_by_code(f"  {session.code.lower()} ") == session
    for junk in ["", "ABC", "ABCDEFG", "0OIL10", "ÀBCDEF", "'; --"]:
        assert store.session_by_code(junk) is None


def test_expiry(store, clock):
    s = store.create_session("court", ttl_seconds=60)
    keep = store.create_session("long", ttl_seconds=3600)
    p = store.add_participant(s.id)
    store.record_answer(s.id, p, "quiz:x", "q1", "a")
    clock.advance(59)
    assert store.session_by_code(s.code) == s
    clock.advance(1)
    assert store.session_by_code(s.code) is None
    assert not store.session(s.id).is_open(clock())
    with pytest.raises(SessionClosed):
        store.add_participant(s.id)
    with pytest.raises(SessionClosed):
        store.record_answer(s.id, p, "quiz:x", "q1", "b")
    assert store.aggregate(s.id) == {("quiz:x", "q1"): {"a": 1}}  # kept: only the trainer purges
    assert store.close_expired_sessions() == 1
    ended = store.session(s.id)
    assert ended.closed and ended.closed_at == s.expires_at and ended.ended_at(clock()) == s.expires_at
    assert store.export_rows(s.id)[0]["answer"] == "a"
    assert store.session(keep.id) == keep and keep.ended_at(clock()) is None
    assert store.past_retention(30, now=clock()) == []
    assert {x.id for x in store.past_retention(30, now=clock() + 31 * 86400)} == {s.id, keep.id}
    assert store.purge_sessions([s.id]) == 1
    assert store.session(s.id) is None
    with pytest.raises(UnknownSession):
        store.aggregate(s.id)
    assert [x.id for x in store.list_sessions()] == [keep.id]


def test_create_session_validates(store):
    with pytest.raises(ValueError):
        store.create_session("")
    with pytest.raises(ValueError):
        store.create_session("x" * 201)
    with pytest.raises(ValueError):
        store.create_session("x", ttl_seconds=0)


# -- participants and answers -----------------------------------------------------


def test_closed_session_refuses_participants_and_answers(store, session):
    p = store.add_participant(session.id)
    store.close_session(session.id)
    with pytest.raises(SessionClosed) as e:
        store.record_answer(session.id, p, "quiz:x", "q1", "a")
    assert session.id in str(e.value)
    with pytest.raises(SessionClosed):
        store.add_participant(session.id)
    assert store.aggregate(session.id) == {}


def test_answers_upsert_and_aggregate(store, session, clock):
    p1, p2, p3 = (store.add_participant(session.id) for _ in range(3))
    assert len({p1, p2, p3}) == 3 and all(len(p) >= 22 for p in (p1, p2, p3))
    assert store.participant_count(session.id) == 3
    first = store.record_answer(session.id, p1, "quiz:profils-coordination", "q1", "a")
    clock.advance(5)
    again = store.record_answer(session.id, p1, "quiz:profils-coordination", "q1", "b")
    assert again == first  # same row, replaced
    store.record_answer(session.id, p2, "quiz:profils-coordination", "q1", "b")
    store.record_answer(session.id, p3, "quiz:profils-coordination", "q1", "c")
    store.record_answer(session.id, p1, "quiz:profils-coordination", "q2", "a")
    store.record_answer(session.id, p1, "survey:cohesion", "q1", '["a", "c"]')
    store.record_answer(session.id, p2, "survey:cohesion", "q1", "4")
    assert store.aggregate(session.id) == {
        ("quiz:profils-coordination", "q1"): {"b": 2, "c": 1},
        ("quiz:profils-coordination", "q2"): {"a": 1},
        ("survey:cohesion", "q1"): {'["a", "c"]': 1, "4": 1},
    }
    other = store.create_session("autre")
    assert store.aggregate(other.id) == {}
    assert store.participant_count(other.id) == 0


def test_answer_limits(store, session):
    p = store.add_participant(session.id)
    store.record_answer(session.id, p, "quiz:x", "q1", "é" * 2000)
    with pytest.raises(ValueError):
        store.record_answer(session.id, p, "quiz:x", "q1", "a" * 2001)
    with pytest.raises(ValueError):
        store.record_answer(session.id, p, "quiz:x", "q1", "a\x00b")
    with pytest.raises(ValueError):
        store.record_answer(session.id, p, "", "q1", "a")
    with pytest.raises(ValueError):
        store.record_answer(session.id, p, "quiz:x", "q" * 201, "a")
    with pytest.raises(TypeError):
        store.record_answer(session.id, p, "quiz:x", "q1", 3)
    assert store.aggregate(session.id) == {("quiz:x", "q1"): {"é" * 2000: 1}}


def test_unknown_ids(store, session):
    p = store.add_participant(session.id)
    other = store.create_session("autre")
    q = store.add_participant(other.id)
    bad = "nope-" + secrets.token_urlsafe(8)
    with pytest.raises(UnknownSession) as e:
        store.record_answer(bad, p, "quiz:x", "q1", "a")
    assert bad in str(e.value) and isinstance(e.value, StoreError)
    with pytest.raises(UnknownParticipant) as e:
        store.record_answer(session.id, bad, "quiz:x", "q1", "a")
    assert bad in str(e.value)
    with pytest.raises(UnknownParticipant):  # a participant of another session
        store.record_answer(session.id, q, "quiz:x", "q1", "a")
    assert store.session(bad) is None
    for call in (
        lambda: store.add_participant(bad),
        lambda: store.close_session(bad),
        lambda: store.delete_session(bad),
        lambda: store.aggregate(bad),
        lambda: store.participant_count(bad),
        lambda: store.start_round(bad, "quiz:x", ["q1"]),
        lambda: store.export_rows(bad),
    ):
        with pytest.raises(UnknownSession):
            call()


def test_reset(store, session):
    p1, p2 = store.add_participant(session.id), store.add_participant(session.id)
    for p in (p1, p2):
        store.record_answer(session.id, p, "quiz:x", "q1", "a")
        store.record_answer(session.id, p, "quiz:x", "q2", "b")
    assert store.start_round(session.id, "quiz:x", ["q1"]) == (2, 2)
    assert store.start_round(session.id, "quiz:x", ["q1"]) == (2, 0)  # an empty round is not ended
    assert store.aggregate(session.id) == {("quiz:x", "q2"): {"b": 2}}
    store.record_answer(session.id, p1, "quiz:x", "q1", "c")  # answering again after a reset
    assert store.aggregate(session.id)[("quiz:x", "q1")] == {"c": 1}
    assert store.earlier_rounds(session.id) == {1: {("quiz:x", "q1"): {"a": 2}}}


def test_export_rows(store, session, clock):
    p1, p2 = store.add_participant(session.id), store.add_participant(session.id)
    store.record_answer(session.id, p1, "quiz:x", "q1", "a")
    clock.advance(61.5)
    store.record_answer(session.id, p2, "survey:y", "q1", '["1", "3"]')
    rows = store.export_rows(session.id)
    assert rows == [
        {
            "participant": p1,
            "activity": "quiz:x",
            "question": "q1",
            "answer": "a",
            "answered_at": "2025-06-15T15:06:40Z",
            "time": 1750000000.0,
            "round": 1,
        },
        {
            "participant": p2,
            "activity": "survey:y",
            "question": "q1",
            "answer": '["1", "3"]',
            "answered_at": "2025-06-15T15:07:41Z",
            "time": 1750000061.5,
            "round": 1,
        },
    ]


def test_delete_cascades(backend, store, session):
    p = store.add_participant(session.id)
    store.record_answer(session.id, p, "quiz:x", "q1", "a")
    store.set_hidden_answer(session.id, "quiz:x", "q1", "a", True)
    other = store.create_session("autre")
    po = store.add_participant(other.id)
    store.record_answer(other.id, po, "quiz:x", "q1", "b")
    store.delete_session(session.id)
    assert store.session(session.id) is None
    with pytest.raises(UnknownSession):
        store.add_participant(session.id)
    conn = backend.raw()
    try:
        for table in ("participants", "answers", "hidden_answers"):
            n = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE session_id = {backend.ph}", (session.id,)).fetchone()[
                0
            ]
            assert n == 0, table
    finally:
        conn.close()
    assert store.aggregate(other.id) == {("quiz:x", "q1"): {"b": 1}}


def test_no_personal_data_columns(backend, store):
    conn = backend.raw()
    try:
        if backend.kind == "sqlite":
            cols = {
                r[1]
                for t in (
                    "sessions",
                    "participants",
                    "answers",
                    "hidden_questions",
                    "stages",
                    "hidden_answers",
                    "rounds",
                    "room_questions",
                    "room_votes",
                    "moderation",
                    "approved_answers",
                    "saved_sequences",
                    "spot_questions",
                    "timers",
                )
                for r in conn.execute(f"PRAGMA table_info({t})")
            }
        else:
            cols = {
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                )
            }
    finally:
        conn.close()
    # An exact list: a new column must be added here on purpose (never a name, e-mail or IP).
    assert cols - {"version", "description", "applied_at"} == {
        "id",
        "code",
        "title",
        "created_at",
        "expires_at",
        "closed",
        "closed_at",
        "session_id",
        "joined_at",
        "participant_id",
        "activity",
        "question",
        "answer",
        "answered_at",
        "hidden_at",
        "seq",
        "kind",
        "ref",
        "state",
        "updated_at",
        "last_seen",
        "round",
        "started_at",
        # Questions from the room (anonymous: the participant's random id only), votes, moderation.
        "text",
        "asked_at",
        "status",
        "question_id",
        "voted_at",
        "moderated",
        "approved_at",
        # The trainer's sequences, questions typed on the spot, countdowns.
        "module",
        "body",
        "deadline",
        "seconds",
        "close_at_zero",
    }


# -- concurrency -------------------------------------------------------------------


def test_concurrent_answers_none_lost(store, session):
    threads, per_thread = 8, 200

    def worker(n: int) -> list[int]:
        p = store.add_participant(session.id)
        ids = []
        for i in range(per_thread):
            ids.append(store.record_answer(session.id, p, "quiz:load", f"q{i}", f"c{(n + i) % 4}"))
            if i % 50 == 0:
                store.aggregate(session.id)  # the dashboard polls meanwhile
        return ids

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(worker, range(threads)))
    all_ids = [i for ids in results for i in ids]
    assert len(set(all_ids)) == threads * per_thread
    agg = store.aggregate(session.id)
    assert sum(sum(c.values()) for c in agg.values()) == threads * per_thread
    assert all(sum(c.values()) == threads for c in agg.values()) and len(agg) == per_thread
    assert store.participant_count(session.id) == threads
    assert len(store.export_rows(session.id)) == threads * per_thread


def test_concurrent_close_and_answers(store, session):
    """Answers racing a close are either refused or counted, never half-done."""
    ps = [store.add_participant(session.id) for _ in range(4)]
    accepted: list[int] = []
    lock = threading.Lock()

    def worker(p: str) -> None:
        for i in range(100):
            try:
                rid = store.record_answer(session.id, p, "quiz:race", f"q{i}", "a")
            except SessionClosed:
                return
            with lock:
                accepted.append(rid)

    with ThreadPoolExecutor(max_workers=5) as pool:
        futures = [pool.submit(worker, p) for p in ps]
        time.sleep(0.02)
        store.close_session(session.id)
        for f in futures:
            f.result()
    counted = sum(sum(c.values()) for c in store.aggregate(session.id).values())
    assert counted == len(accepted)


# -- migrations --------------------------------------------------------------------


def test_fresh_database_is_at_latest_version(backend, store):
    conn = backend.raw()
    try:
        assert migrations.current_version(conn, backend.kind) == migrations.LATEST_VERSION
        assert migrations.applied_versions(conn, backend.kind) == [m[0] for m in migrations.MIGRATIONS]
    finally:
        conn.close()
    assert migrations.LATEST_VERSION >= 2
    backend.open().close()  # reopening applies nothing


def test_upgrade_from_v1_keeps_rows(backend, clock):
    conn = backend.raw()
    ph = backend.ph
    try:
        assert migrations.migrate(conn, backend.kind, target=1) == [1]
        assert migrations.current_version(conn, backend.kind) == 1
        conn.execute(
            f"INSERT INTO sessions (id, code, title, created_at, expires_at, closed)"
            f" VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})",
            ("sess-old", "ABCDEFGH", "Ancienne séance", T0 - 100, T0 + 3600, False),
        )
        conn.execute(
            f"INSERT INTO sessions (id, code, title, created_at, expires_at, closed)"
            f" VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})",
            ("sess-closed", "ABCDEFGH", "Close", T0 - 200, T0 + 3600, True),
        )
        for pid in ("p1", "p2"):
            conn.execute(
                f"INSERT INTO participants (id, session_id, joined_at) VALUES ({ph}, {ph}, {ph})",
                (pid, "sess-old", T0 - 50),
            )
        conn.execute(
            f"INSERT INTO answers (session_id, participant_id, activity, question, answer, answered_at)"
            f" VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})",
            ("sess-old", "p1", "quiz:x", "q1", "a", T0 - 40),
        )
        conn.execute(
            f"INSERT INTO answers (session_id, participant_id, activity, question, answer, answered_at)"
            f" VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})",
            ("sess-old", "p2", "quiz:x", "q1", "b", T0 - 30),
        )
        with pytest.raises(_driver_error(backend, "UndefinedTable")):  # v1 has no hidden_questions table yet
            conn.execute("SELECT * FROM hidden_questions").fetchall()
    finally:
        conn.close()

    s = backend.open(clock)
    try:
        conn = backend.raw()
        try:
            assert migrations.current_version(conn, backend.kind) == migrations.LATEST_VERSION
        finally:
            conn.close()
        old = s.session_by_code("abcdefgh")
        assert old is not None and (old.id, old.title) == ("sess-old", "Ancienne séance")
        assert s.session("sess-closed").closed
        assert s.participant_count("sess-old") == 2
        assert s.aggregate("sess-old") == {("quiz:x", "q1"): {"a": 1, "b": 1}}
        assert [r["answer"] for r in s.export_rows("sess-old")] == ["a", "b"]
        # The v2 features work on the upgraded rows.
        s.set_hidden_answer("sess-old", "quiz:x", "q1", "a", True)
        assert s.hidden_answers("sess-old") == {("quiz:x", "q1"): {"a"}}
        s.record_answer("sess-old", "p1", "quiz:x", "q1", "b")
        assert s.aggregate("sess-old") == {("quiz:x", "q1"): {"b": 2}}
        s.close_session("sess-old")
        assert s.session_by_code("ABCDEFGH") is None
    finally:
        s.close()


def test_failing_migration_rolls_back(backend, monkeypatch):
    backend.open().close()
    broken = (
        migrations.LATEST_VERSION + 1,
        "broken",
        "CREATE TABLE half_done (a INTEGER); SELECT no_such_function()",
        "CREATE TABLE half_done (a INTEGER); SELECT no_such_function()",
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(_driver_error(backend, "UndefinedFunction")):
        backend.open()
    monkeypatch.undo()
    conn = backend.raw()
    try:
        assert migrations.current_version(conn, backend.kind) == migrations.LATEST_VERSION
        with pytest.raises(_driver_error(backend, "UndefinedTable")):
            conn.execute("SELECT * FROM half_done").fetchall()
    finally:
        conn.close()


def test_newer_database_is_refused(backend):
    backend.open().close()
    conn = backend.raw()
    try:
        conn.execute(
            f"INSERT INTO schema_version (version, description, applied_at)"
            f" VALUES ({backend.ph}, {backend.ph}, {backend.ph})",
            (99, "from the future", T0),
        )
    finally:
        conn.close()
    with pytest.raises(migrations.MigrationError, match="99"):
        backend.open()


# -- SQLite specifics ------------------------------------------------------------------


def test_open_store_urls(tmp_path):
    s = open_store(f"sqlite:///{tmp_path}/elsewhere/live.db", tmp_path / "unused")
    try:
        s.create_session("x")
    finally:
        s.close()
    assert (tmp_path / "elsewhere" / "live.db").exists()
    assert not (tmp_path / "unused").exists()
    s = open_store(None, tmp_path / "data")
    s.close()
    assert (tmp_path / "data" / "live.sqlite3").stat().st_mode & 0o077 == 0
    for bad in ("mysql://x/y", "live.db", "sqlite:///:memory:"):
        with pytest.raises(ValueError):
            open_store(bad, tmp_path)


def test_sqlite_pragmas(tmp_path):
    s = open_store(None, tmp_path)
    try:
        conn = s._conn()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        s.close()
    with pytest.raises(StoreError):
        s.create_session("after close")


_WRITER = """
import sys
from pathlib import Path
from pacte.live.store import open_store
store = open_store(None, Path(sys.argv[1]))
sid, pid = sys.argv[2], sys.argv[3]
for i in range(1_000_000):
    rid = store.record_answer(sid, pid, "quiz:durability", f"q{i}", f"a{i}")
    print(i, rid, flush=True)
"""


def test_sqlite_acknowledged_answers_survive_sigkill(tmp_path):
    s = open_store(None, tmp_path)
    session = s.create_session("durabilité")
    pid = s.add_participant(session.id)
    s.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(tmp_path), session.id, pid],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    acknowledged: dict[int, int] = {}
    try:
        deadline = time.monotonic() + 60
        while len(acknowledged) < 150 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            i, rid = map(int, line.split())
            acknowledged[i] = rid
        assert len(acknowledged) >= 150, proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
        for line in proc.stdout:  # printed before the kill: acknowledged too
            parts = line.split()
            if len(parts) == 2:
                acknowledged[int(parts[0])] = int(parts[1])
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    s = open_store(None, tmp_path)
    try:
        conn = s._conn()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {
            int(q[1:]): (rid, a)
            for rid, q, a in conn.execute(
                "SELECT id, question, answer FROM answers WHERE session_id = ?", (session.id,)
            )
        }
    finally:
        s.close()
    missing = [i for i in acknowledged if i not in stored]
    assert not missing, f"{len(missing)} acknowledged answers lost"
    assert all(stored[i] == (rid, f"a{i}") for i, rid in acknowledged.items())
    assert max(stored) >= max(acknowledged)


def test_sqlite_two_stores_on_one_file(tmp_path):
    """The server and a dashboard kernel open the same file: writes from both all land."""
    a, b = open_store(None, tmp_path), open_store(None, tmp_path)
    try:
        session = a.create_session("deux processus")
        pa, pb = a.add_participant(session.id), b.add_participant(session.id)

        def worker(args) -> None:
            s, p = args
            for i in range(150):
                s.record_answer(session.id, p, "quiz:x", f"q{i}", "a")

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(worker, [(a, pa), (b, pb), (a, pa), (b, pb)]))
        assert b.participant_count(session.id) == 2
        assert sum(sum(c.values()) for c in a.aggregate(session.id).values()) == 300
    finally:
        a.close()
        b.close()
