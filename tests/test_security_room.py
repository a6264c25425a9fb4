"""``pacte serve`` against a hostile room (issue 26): closed activities, join codes, per-address limits."""

from __future__ import annotations

import pytest

from pacte.live.store import ActivityClosed, open_store


@pytest.fixture
def store(tmp_path):
    store = open_store(None, tmp_path)
    yield store
    store.close()


# -- finding 5: an activity the trainer closed stays closed ---------------------------------------


def test_a_closed_or_revealed_activity_does_not_reopen_when_the_next_one_is_pushed(store):
    session = store.create_session("Salle")
    who = store.add_participant(session.id)
    store.set_stage(session.id, "quiz", "bank-a", "q1", "open")
    store.record_answer(session.id, who, "quiz:bank-a", "q1", "wrong")
    store.set_stage(session.id, "quiz", "bank-a", "q1", "revealed")
    store.set_stage(session.id, "quiz", "bank-b", "q2", "open")
    with pytest.raises(ActivityClosed):
        store.record_answer(session.id, who, "quiz:bank-a", "q1", "right")
    store.set_stage(session.id, "wordcloud", "cloud", "answer", "closed")
    store.set_stage(session.id, "", "", "", "idle")
    with pytest.raises(ActivityClosed):
        store.record_answer(session.id, who, "wordcloud:cloud", "answer", "mot")
    with pytest.raises(ActivityClosed):
        store.record_answer(session.id, who, "quiz:bank-a", "q1", "right")
    assert [r["answer"] for r in store.export_rows(session.id)] == ["wrong"]
    # Page activities the trainer never closed stay open, pushed or not.
    store.record_answer(session.id, who, "quiz:bank-b", "q2", "b")
    store.record_answer(session.id, who, "quiz:page-only", "q9", "c")
    # A survey closed as a whole closes every structure.
    store.set_stage(session.id, "survey", "cohesion", "all", "closed")
    store.set_stage(session.id, "", "", "", "idle")
    with pytest.raises(ActivityClosed):
        store.record_answer(session.id, who, "survey:cohesion", "MSP", "close_knit")
    # The trainer pushing it open again reopens it.
    store.set_stage(session.id, "quiz", "bank-a", "q1", "open")
    store.record_answer(session.id, who, "quiz:bank-a", "q1", "right")
    # Another session is not affected.
    other = store.create_session("Autre salle")
    store.record_answer(other.id, store.add_participant(other.id), "quiz:bank-a", "q1", "x")
