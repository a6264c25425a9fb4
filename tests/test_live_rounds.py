"""Rounds of a question: a reset starts a new round, earlier rounds are kept, counted apart and exported."""

from __future__ import annotations

import pytest
from test_live_store import T0, Backend, FakeClock, pg_url  # noqa: F401  (pg_url: fixture)

from pacte.live.catalogue import catalogue
from pacte.live.stage import build_summary, load_stage
from pacte.live.store import migrations


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", None, tmp_path)
    return Backend("postgres", request.getfixturevalue("pg_url"), tmp_path)


@pytest.fixture
def store(backend):
    s = backend.open(FakeClock())
    yield s
    s.close()


def quiz_question() -> dict:
    return next(a for a in catalogue() if a["kind"] == "quiz")


def test_vote_discuss_vote_again_compare(store):
    quiz = quiz_question()
    activity, question = f"quiz:{quiz['ref']}", quiz["question"]
    session = store.create_session("Instruction par les pairs")
    people = [store.add_participant(session.id) for _ in range(3)]
    pushed = store.set_stage(session.id, "quiz", quiz["ref"], question, "revealed")
    store.set_stage(session.id, "quiz", quiz["ref"], question, "open")
    choices = ["a", "a", "b"]
    for person, choice in zip(people, choices, strict=True):
        store.record_answer(session.id, person, activity, question, choice)
    store.set_stage(session.id, "quiz", quiz["ref"], question, "closed")

    assert store.start_round(session.id, activity, [question]) == (2, 3)
    stage = store.stage(session.id)
    assert stage.state == "open" and stage.seq == pushed.seq + 3  # drawn again, and open for the second vote
    assert load_stage(store, session, T0)["round"] == 2
    for person in people:
        store.record_answer(session.id, person, activity, question, "b")  # the room changed its mind

    assert store.aggregate(session.id) == {(activity, question): {"b": 3}}
    assert store.earlier_rounds(session.id) == {1: {(activity, question): {"a": 2, "b": 1}}}
    summary = build_summary(store, session, T0, "http://salle/")
    [entry] = [a for a in summary["activities"] if a["kind"] == "quiz"]
    assert (entry["round"], entry["answers"]) == (2, 3)
    assert [(r["round"], r["answers"]) for r in entry["rounds"]] == [(1, 3)]
    assert entry["rounds"][0]["panel"]["type"] == entry["panel"]["type"]
    assert summary["stage"]["round"] == 2
    rows = store.export_rows(session.id)
    assert [(r["round"], r["answer"]) for r in rows] == [(1, "a"), (1, "a"), (1, "b"), (2, "b"), (2, "b"), (2, "b")]


def test_a_round_of_a_question_not_on_stage_leaves_the_stage_alone(store):
    session = store.create_session("Tours")
    person = store.add_participant(session.id)
    store.record_answer(session.id, person, "quiz:x", "q1", "a")
    before = store.set_stage(session.id, "quiz", "x", "q2", "closed")
    assert store.start_round(session.id, "quiz:x", ["q1"]) == (2, 1)
    assert store.stage(session.id) == before
    assert store.current_round(session.id, "quiz:x", "q1") == 2
    assert store.current_round(session.id, "quiz:x", "q2") == 1


def test_a_survey_starts_one_round_for_all_its_structures(store):
    session = store.create_session("Enquête")
    a, b = store.add_participant(session.id), store.add_participant(session.id)
    store.record_answer(session.id, a, "survey:s", "msp", "1")
    store.record_answer(session.id, b, "survey:s", "cpts", "2")
    store.set_stage(session.id, "survey", "s", "all", "revealed")
    assert store.start_round(session.id, "survey:s", ["msp", "cpts", "centre"]) == (2, 2)
    assert store.stage(session.id).state == "open"
    assert store.current_round(session.id, "survey:s", "all") == 2
    assert store.current_rounds(session.id) == {("survey:s", q): 2 for q in ("msp", "cpts", "centre")}


def test_answers_of_a_v3_database_become_round_one(backend):
    conn = backend.raw()
    try:
        if backend.kind == "sqlite":
            conn.execute("PRAGMA foreign_keys = ON")
        migrations.migrate(conn, backend.kind, target=3)
        ph = backend.ph
        conn.execute(
            f"INSERT INTO sessions (id, code, title, created_at, expires_at, closed) VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})",
            ("s3", "ABCDEF", "Avant les tours", T0, T0 + 3600, False),
        )
        conn.execute(f"INSERT INTO participants (id, session_id, joined_at) VALUES ({ph}, {ph}, {ph})", ("p", "s3", T0))
        conn.execute(
            f"INSERT INTO answers (session_id, participant_id, activity, question, answer, answered_at)"
            f" VALUES ({ph}, {ph}, {ph}, {ph}, {ph}, {ph})",
            ("s3", "p", "quiz:x", "q1", "a", T0),
        )
    finally:
        conn.close()
    s = backend.open(FakeClock())
    try:
        assert s.export_rows("s3")[0]["round"] == 1
        assert s.aggregate("s3") == {("quiz:x", "q1"): {"a": 1}}
        assert s.start_round("s3", "quiz:x", ["q1"]) == (2, 1)
        s.record_answer("s3", "p", "quiz:x", "q1", "b")  # the same participant answers the same question again
        assert [r["round"] for r in s.export_rows("s3")] == [1, 2]
        first = s.export_rows("s3")[0]["answered_at"]
        s.record_answer("s3", "p", "quiz:x", "q1", "c")  # within a round, an answer replaces the previous one
        assert [(r["round"], r["answer"]) for r in s.export_rows("s3")] == [(1, "a"), (2, "c")]
        assert s.export_rows("s3")[0]["answered_at"] == first
    finally:
        s.close()


def test_a_new_round_brings_the_trainee_back_to_not_answered():
    from node_runner import call_js
    from test_live_room_logic import QUIZ
    from test_live_room_logic import stage as room_stage

    first, second = room_stage(QUIZ, seq=3), {**room_stage(QUIZ, seq=4), "round": 2}
    keys = call_js("live_room_logic", "activityKey", [[first], [second], [{**first, "round": 1}]])
    assert keys == ["quiz:metier/q1", "quiz:metier/q1#2", "quiz:metier/q1"]
    memory = {"sent": {"quiz:metier/q1": {"question": "q1", "answer": "a"}}}
    views = call_js("live_room_logic", "roomView", [[first, memory], [second, memory]])
    assert views[0]["sent"] == {"question": "q1", "answer": "a"} and views[0]["status"].startswith("Réponse envoyée.")
    assert views[1]["sent"] is None and views[1]["status"] == "" and views[1]["canAnswer"]
