"""The stage, hidden answers and presence of the live store (pacte.live.store.stages), SQLite and PostgreSQL.

PostgreSQL tests need ``PACTE_TEST_DATABASE_URL`` (``eval "$(scripts/postgres-test.sh | tail -1)"``);
each test gets a fresh schema. Without it they skip, or fail when ``CI=true``.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

import pytest

from pacte.live.notices import urgent
from pacte.live.store import IDLE, ActivityClosed, SessionClosed, UnknownSession, open_store

IN_CI = os.environ.get("CI") == "true"
PG_ENV = "PACTE_TEST_DATABASE_URL"
T0 = 1_750_000_000.0


class FakeClock:
    def __init__(self, t: float = T0):
        self.t = t

    def __call__(self) -> float:
        return self.t


def _missing(reason: str) -> NoReturn:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing test dependency is a failure)")
    pytest.skip(reason)


def pg_schema_url() -> tuple[str, str]:
    """A fresh schema in the test database: (url with that search_path, schema name)."""
    base = os.environ.get(PG_ENV)
    if not base:
        _missing(f'{PG_ENV} is not set: run eval "$(scripts/postgres-test.sh | tail -1)"')
    import psycopg
    from psycopg import sql

    schema = "pacte_test_" + secrets.token_hex(6)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote('-csearch_path=' + schema, safe='')}", schema


def drop_schema(schema: str) -> None:
    """Drop a schema made by :func:`pg_schema_url`."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(os.environ[PG_ENV], autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture(params=["sqlite", "postgres"])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'live.sqlite3'}"
        return
    pg, schema = pg_schema_url()
    yield pg
    drop_schema(schema)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(url, clock, tmp_path):
    s = open_store(url, Path(tmp_path), clock=clock)
    yield s
    s.close()


@pytest.fixture
def session(store):
    return store.create_session("Séance")


def test_stage_starts_idle_and_seq_grows(store, session, clock):
    assert store.stage(session.id) == IDLE
    first = store.set_stage(session.id, "quiz", "bank", "q1", "open")
    assert (first.seq, first.activity, first.question, first.state) == (1, "quiz:bank", "q1", "open")
    assert store.stage(session.id) == first
    clock.t += 5
    closed = store.set_stage(session.id, "quiz", "bank", "q1", "closed")
    assert closed.seq == 2 and closed.updated_at == T0 + 5 and not closed.accepts_answers
    idle = store.set_stage(session.id, "ignored", "x", "y", "idle")
    assert (idle.seq, idle.kind, idle.ref, idle.question, idle.state) == (3, "", "", "", "idle")
    assert store.stage(session.id) == idle


def test_stage_bad_input_and_unknown_or_closed_session(store, session):
    for args in [
        ("quiz", "b", "q", "opened"),
        ("", "b", "q", "open"),
        ("quiz", "", "q", "open"),
        ("a:b", "r", "q", "open"),
    ]:
        with pytest.raises(ValueError):
            store.set_stage(session.id, *args)
    with pytest.raises(TypeError):
        store.set_stage(session.id, "quiz", None, "q", "open")
    with pytest.raises(UnknownSession):
        store.set_stage("nope", "quiz", "b", "q", "open")
    with pytest.raises(UnknownSession):
        store.stage("nope")
    store.close_session(session.id)
    with pytest.raises(SessionClosed):
        store.set_stage(session.id, "quiz", "b", "q", "open")


def test_answers_refused_only_for_the_closed_pushed_activity(store, session):
    p = store.add_participant(session.id)
    store.set_stage(session.id, "quiz", "bank", "q1", "open")
    store.record_answer(session.id, p, "quiz:bank", "q1", "a")
    for state in ("closed", "revealed"):
        store.set_stage(session.id, "quiz", "bank", "q1", state)
        with pytest.raises(ActivityClosed):
            store.record_answer(session.id, p, "quiz:bank", "q1", "b")
        # Other questions and activities are still answered on the trainees' own pages.
        store.record_answer(session.id, p, "quiz:bank", "q2", "b")
        store.record_answer(session.id, p, "text:prompt", "q1", "b")
    assert store.aggregate(session.id)[("quiz:bank", "q1")] == {"a": 1}
    store.set_stage(session.id, "quiz", "bank", "q1", "open")
    store.record_answer(session.id, p, "quiz:bank", "q1", "c")
    store.set_stage(session.id, "", "", "", "idle")
    store.record_answer(session.id, p, "quiz:bank", "q1", "d")
    assert store.aggregate(session.id)[("quiz:bank", "q1")] == {"d": 1}


def test_a_pushed_survey_question_covers_every_structure(store, session):
    from pacte.live.store.stages import SURVEY_ALL
    from pacte.live.survey import SURVEY_ALL as CATALOGUE_SURVEY_ALL

    assert SURVEY_ALL == CATALOGUE_SURVEY_ALL
    p = store.add_participant(session.id)
    store.set_stage(session.id, "survey", "Q1", SURVEY_ALL, "open")
    store.record_answer(session.id, p, "survey:Q1", "MSP", "a")
    store.set_stage(session.id, "survey", "Q1", SURVEY_ALL, "closed")
    for structure in ("MSP", "CDS", "CPTS"):
        with pytest.raises(ActivityClosed):
            store.record_answer(session.id, p, "survey:Q1", structure, "b")
    store.record_answer(session.id, p, "survey:Q2", "MSP", "b")


def test_hidden_answers(store, session):
    p = store.add_participant(session.id)
    store.record_answer(session.id, p, "wordcloud:mots", "answer", "bof")
    assert store.hidden_answers(session.id) == {}
    store.set_hidden_answer(session.id, "wordcloud:mots", "answer", "bof", True)
    store.set_hidden_answer(session.id, "wordcloud:mots", "answer", "bof", True)  # twice is harmless
    store.set_hidden_answer(session.id, "wordcloud:mots", "answer", "nul", True)
    assert store.hidden_answers(session.id) == {("wordcloud:mots", "answer"): {"bof", "nul"}}
    store.set_hidden_answer(session.id, "wordcloud:mots", "answer", "nul", False)
    assert store.hidden_answers(session.id) == {("wordcloud:mots", "answer"): {"bof"}}
    assert [r["answer"] for r in store.export_rows(session.id)] == ["bof"]  # kept in the export
    with pytest.raises(ValueError):
        store.set_hidden_answer(session.id, "wordcloud:mots", "answer", "", True)
    with pytest.raises(UnknownSession):
        store.set_hidden_answer("nope", "wordcloud:mots", "answer", "x", True)
    store.delete_session(session.id)
    other = store.create_session("autre")
    assert store.hidden_answers(other.id) == {}


def test_presence_counts_recently_seen_participants(store, session, clock):
    other = store.create_session("autre")
    a, b = store.add_participant(session.id), store.add_participant(session.id)
    c = store.add_participant(other.id)
    assert store.has_participant(session.id, a) and not store.has_participant(session.id, c)
    assert (store.participant_session(a), store.participant_session(c)) == (session.id, other.id)
    assert store.participant_session("unknown") is None
    assert store.connected_count(session.id) == 0
    assert store.touch_participants([a, b, c, "unknown"]) == 3
    assert (store.connected_count(session.id), store.connected_count(other.id)) == (2, 1)
    clock.t += 30
    store.touch_participants([a])
    clock.t += 30
    assert store.connected_count(session.id) == 1
    assert store.touch_participants([]) == 0
    many = [store.add_participant(session.id) for _ in range(20)]
    assert store.touch_participants(many * 60) == 20  # duplicates, several batches
    assert store.connected_count(session.id) == 21
    with pytest.raises(UnknownSession):
        store.connected_count("nope")


def test_concurrent_close_and_answers_leave_no_answer_after_close(store, session):
    people = [store.add_participant(session.id) for _ in range(4)]
    store.set_stage(session.id, "quiz", "bank", "q1", "open")
    accepted: list[float] = []
    refused = []
    stop = threading.Event()
    clock_real = time.monotonic

    def worker(p):
        while not stop.is_set():
            started = clock_real()
            try:
                store.record_answer(session.id, p, "quiz:bank", "q1", "a")
                accepted.append(started)
            except ActivityClosed:
                refused.append(p)
                return

    threads = [threading.Thread(target=worker, args=(p,)) for p in people]
    for t in threads:
        t.start()
    time.sleep(0.05)
    store.set_stage(session.id, "quiz", "bank", "q1", "closed")
    closed_at = clock_real()
    for t in threads:
        t.join(10)
    stop.set()
    assert sorted(refused) == sorted(people)
    assert accepted and not [t for t in accepted if t > closed_at]  # none started after the close returned


def test_postgres_notifies_changes(request, tmp_path, clock):
    pg, schema = pg_schema_url()
    import psycopg

    s = open_store(pg, tmp_path, clock=clock)
    try:
        listener = psycopg.connect(os.environ[PG_ENV], autocommit=True)
        listener.execute("LISTEN pacte_live")
        session = s.create_session("Séance")
        p = s.add_participant(session.id)
        s.set_stage(session.id, "quiz", "bank", "q1", "open")
        s.record_answer(session.id, p, "quiz:bank", "q1", "a")
        s.set_hidden_answer(session.id, "quiz:bank", "q1", "a", True)
        s.notify([session.id, session.id])
        got = [n.payload for n in listener.notifies(timeout=2, stop_after=5)]
        listener.close()
        # Join, stage push (marked urgent: the room's streams are refreshed at once), answer, hide, notify.
        assert got == [session.id, urgent(session.id), session.id, session.id, session.id]
    finally:
        s.close()
        drop_schema(schema)
