"""Group commit of answers (pacte.live.answer_writer and SQLStore.record_answers)."""

from __future__ import annotations

import asyncio
import os
import secrets
import threading
from urllib.parse import quote

import pytest

from pacte.live.answer_writer import AnswerWriter
from pacte.live.store import ActivityClosed, SessionClosed, UnknownParticipant, open_store

ACTIVITY, QUESTION = "survey:cohesion", "MSP"


def run(coro):
    """Run ``coro`` on a fresh event loop in its own thread (Playwright may hold the main thread's loop)."""
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the test's thread
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


@pytest.fixture
def pg_url():
    """A PostgreSQL URL on a schema of its own (skipped without PACTE_TEST_DATABASE_URL, failed in CI)."""
    base = os.environ.get("PACTE_TEST_DATABASE_URL")
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail("PACTE_TEST_DATABASE_URL is not set (CI=true: a missing test dependency is a failure)")
        pytest.skip('PACTE_TEST_DATABASE_URL is not set: run eval "$(scripts/postgres-test.sh | tail -1)"')
    import psycopg
    from psycopg import sql

    schema = "pacte_test_" + secrets.token_hex(6)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote('-csearch_path=' + schema, safe='')}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture(params=["sqlite", "postgres"])
def room(request, tmp_path):
    url = None if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(url, tmp_path)
    session = store.create_session("Groupe")
    people = [store.add_participant(session.id) for _ in range(40)]
    yield store, session, people
    store.close()


def test_answers_arriving_together_share_transactions_and_are_all_stored(room):
    store, session, people = room
    writer = AnswerWriter(store)

    async def scenario() -> list[int]:
        futures = [writer.submit((session.id, p, ACTIVITY, QUESTION, "close_knit")) for p in people]
        return list(await asyncio.gather(*futures))

    ids = run(scenario())
    assert len(set(ids)) == len(people)
    assert writer.groups < len(people)  # grouped: fewer commits than answers
    stored = {(r["participant"], r["answer"]) for r in store.export_rows(session.id)}
    assert stored == {(p, "close_knit") for p in people}


def test_a_refused_answer_fails_alone_and_writes_nothing(room):
    store, session, people = room
    store.set_stage(session.id, "survey", "cohesion", "MSP", "closed")
    other = store.create_session("Autre")
    store.close_session(other.id)
    writer = AnswerWriter(store)

    async def scenario() -> list[object]:
        futures = [
            writer.submit((session.id, people[0], "survey:cohesion", "CPTS", "close_knit")),
            writer.submit((session.id, "inconnu", "survey:cohesion", "CPTS", "close_knit")),
            writer.submit((session.id, people[1], ACTIVITY, QUESTION, "close_knit")),  # closed by the trainer
            writer.submit((other.id, people[2], "survey:cohesion", "CPTS", "close_knit")),
            writer.submit((session.id, people[3], "survey:cohesion", "CPTS", "x" * 3000)),
            writer.submit((session.id, people[4], "survey:cohesion", "CPTS", "fairly_homogeneous")),
        ]
        return list(await asyncio.gather(*futures, return_exceptions=True))

    results = run(scenario())
    assert isinstance(results[0], int) and isinstance(results[5], int)
    assert isinstance(results[1], UnknownParticipant)
    assert isinstance(results[2], ActivityClosed)
    assert isinstance(results[3], SessionClosed)
    assert isinstance(results[4], ValueError)
    rows = store.export_rows(session.id)
    assert sorted(r["participant"] for r in rows) == sorted([people[0], people[4]])


def test_a_group_the_database_refuses_is_written_one_by_one(room):
    store, session, people = room

    class Flaky:
        """Fails every group of more than one answer, as a broken row would."""

        def record_answers(self, answers):
            if len(answers) > 1:
                raise RuntimeError("group refused")
            return store.record_answers(answers)

    writer = AnswerWriter(Flaky())

    async def scenario() -> list[int]:
        return list(await asyncio.gather(*(writer.submit((session.id, p, ACTIVITY, QUESTION, "p88")) for p in people)))

    ids = run(scenario())
    assert len(set(ids)) == len(people) == len(store.export_rows(session.id))


def test_nothing_is_acknowledged_when_the_database_fails(room):
    store, session, people = room

    class Down:
        """The database is unreachable."""

        def record_answers(self, answers):
            raise ConnectionError("database unreachable")

    writer = AnswerWriter(Down())

    async def scenario() -> list[object]:
        futures = [writer.submit((session.id, p, ACTIVITY, QUESTION, "p88")) for p in people[:5]]
        return list(await asyncio.gather(*futures, return_exceptions=True))

    assert all(isinstance(r, ConnectionError) for r in run(scenario()))
    assert store.export_rows(session.id) == []
