"""Migration 8: the activity key stored as ``kind`` and ``ref`` columns, every row of a version-7 database kept."""

from __future__ import annotations

import pytest
from test_live_store import T0, Backend, FakeClock, pg_url  # noqa: F401  (pg_url: fixture)

from pacte.live.store import migrations
from pacte.live.store.stages import activity_key, key_columns

KEYED_TABLES = ("answers", "rounds", "hidden_answers", "moderation", "approved_answers")


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", None, tmp_path)
    return Backend("postgres", request.getfixturevalue("pg_url"), tmp_path)


def _columns(conn, backend: Backend, table: str) -> list[str]:
    if backend.kind == "sqlite":
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
        (table,),
    )
    return [r[0] for r in rows]


def _write_version_7(backend: Backend) -> None:
    """A database as the code of schema version 7 left it: one session with a row in every keyed table."""
    conn = backend.raw()
    ph = backend.ph
    try:
        assert migrations.migrate(conn, backend.kind, target=7) == [1, 2, 3, 4, 5, 6, 7]

        def insert(table: str, **row) -> None:
            marks = ", ".join([ph] * len(row))
            conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", tuple(row.values()))

        insert(
            "sessions", id="s7", code="ABCDEFGH", title="Séance v7", created_at=T0, expires_at=T0 + 7200, closed=False
        )
        for pid in ("p1", "p2"):
            insert("participants", id=pid, session_id="s7", joined_at=T0)
        answers = [
            ("p1", "quiz:bank-a", "q1", "a", 1),
            ("p2", "quiz:bank-a", "q1", "b", 1),
            ("p1", "quiz:bank-a", "q1", "c", 2),  # the second round of a reset question
            ("p1", "wordcloud:un-mot", "answer", "confiance", 1),
            ("p2", "wordcloud:un-mot", "answer", "bof", 1),
            ("p1", "survey:q-x", "msp", "oui", 1),
        ]
        for i, (pid, activity, question, answer, round_no) in enumerate(answers):
            insert(
                "answers",
                session_id="s7",
                participant_id=pid,
                activity=activity,
                question=question,
                answer=answer,
                answered_at=T0 + i,
                round=round_no,
            )
        insert("rounds", session_id="s7", activity="quiz:bank-a", question="q1", round=2, started_at=T0 + 1.5)
        insert(
            "hidden_answers",
            session_id="s7",
            activity="wordcloud:un-mot",
            question="answer",
            answer="bof",
            hidden_at=T0,
        )
        insert("moderation", session_id="s7", activity="*", question="*", moderated=1)  # the session's default
        insert("moderation", session_id="s7", activity="wordcloud:un-mot", question="answer", moderated=0)
        insert(
            "approved_answers", session_id="s7", activity="text:avis", question="answer", answer="ok", approved_at=T0
        )
    finally:
        conn.close()


def test_a_version_7_database_keeps_every_row_with_kind_and_ref_columns(backend):
    _write_version_7(backend)
    store = backend.open(FakeClock(T0 + 60))  # opening migrates
    try:
        conn = backend.raw()
        try:
            assert migrations.current_version(conn, backend.kind) == migrations.LATEST_VERSION >= 8
            for table in KEYED_TABLES:
                columns = _columns(conn, backend, table)
                assert "activity" not in columns and {"kind", "ref"} <= set(columns), (table, columns)
            counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in KEYED_TABLES}
            moderation = sorted(conn.execute("SELECT kind, ref, question FROM moderation").fetchall())
        finally:
            conn.close()
        assert counts == {"answers": 6, "rounds": 1, "hidden_answers": 1, "moderation": 2, "approved_answers": 1}
        assert [tuple(r) for r in moderation] == [("*", "", "*"), ("wordcloud", "un-mot", "answer")]

        rows = store.export_rows("s7")
        assert [(r["participant"], r["activity"], r["question"], r["answer"], r["round"]) for r in rows] == [
            ("p1", "quiz:bank-a", "q1", "a", 1),
            ("p2", "quiz:bank-a", "q1", "b", 1),
            ("p1", "quiz:bank-a", "q1", "c", 2),
            ("p1", "wordcloud:un-mot", "answer", "confiance", 1),
            ("p2", "wordcloud:un-mot", "answer", "bof", 1),
            ("p1", "survey:q-x", "msp", "oui", 1),
        ]
        assert store.aggregate("s7") == {
            ("quiz:bank-a", "q1"): {"c": 1},
            ("survey:q-x", "msp"): {"oui": 1},
            ("wordcloud:un-mot", "answer"): {"bof": 1, "confiance": 1},
        }
        assert store.earlier_rounds("s7") == {1: {("quiz:bank-a", "q1"): {"a": 1, "b": 1}}}
        assert store.current_rounds("s7") == {("quiz:bank-a", "q1"): 2}
        assert store.hidden_answers("s7") == {("wordcloud:un-mot", "answer"): {"bof"}}
        assert store.moderation("s7") == (True, {("wordcloud:un-mot", "answer"): False})
        assert store.approved_answers("s7") == {("text:avis", "answer"): {"ok"}}

        # The upgraded rows take new writes under the new unique keys.
        store.record_answer("s7", "p2", "quiz:bank-a", "q1", "d")
        store.record_answer("s7", "p2", "quiz:bank-a", "q1", "c")  # replaces p2's answer of round 2
        assert store.aggregate_of("s7", "quiz:bank-a", "q1") == {"c": 2}
        assert store.start_round("s7", "quiz:bank-a", ["q1"]) == (3, 2)
        store.set_hidden_answer("s7", "wordcloud:un-mot", "answer", "bof", False)
        assert store.hidden_answers("s7") == {}
        store.set_moderation("s7", "wordcloud:un-mot", "answer", True)
        assert store.moderation("s7") == (True, {("wordcloud:un-mot", "answer"): True})
    finally:
        store.close()


def test_key_columns_and_activity_key_are_inverses():
    for activity in ("quiz:bank-a", "wordcloud:un-mot", "case:x:y", "*"):
        assert activity_key(*key_columns(activity)) == activity
    assert key_columns("case:x:y") == ("case", "x:y")
    with pytest.raises(ValueError, match="no ref"):
        key_columns("quiz:")
