"""The trainer's toolkit: sequence files checked by ``pacte check``, saved sequences, spot questions, timers (store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_live_store import Backend, FakeClock, pg_url  # noqa: F401  (pg_url: fixture)

from pacte.live.catalogue import catalogue
from pacte.live.sequences import (
    SequenceError,
    check_sequence_file,
    check_sequence_files,
    ready_made,
    sequence_files,
    validate_sequence,
)
from pacte.live.store import ActivityClosed

MODULES = ("panorama", "dimensions", "financement", "dynamiques", "metier", "territoires")
QUIZ = next(a for a in catalogue() if a["kind"] == "quiz" and a["page"])


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", None, tmp_path)
    return Backend("postgres", request.getfixturevalue("pg_url"), tmp_path)


def test_every_module_ships_a_valid_sequence_of_8_activities_across_3_pages():
    assert check_sequence_files() == []
    ready = {s["module"]: s for s in ready_made()}
    assert set(ready) == set(MODULES) and len(sequence_files()) == len(MODULES)
    for module, sequence in ready.items():
        pages = {step["page"] for step in sequence["steps"]}
        assert len(sequence["steps"]) >= 8 and len(pages) >= 3, module
        assert all(p.startswith(f"modules/{module}/") for p in pages)
        assert all(step["title"] and step["kind"] for step in sequence["steps"])


def _bad_file(tmp_path: Path, step: str) -> Path:
    path = tmp_path / "essai.live_sequence.yaml"
    path.write_text(
        "id: essai\ntitle: Essai\nmodule: panorama\nsteps:\n"
        f"- activity: quiz:{QUIZ['ref']}\n  question: {QUIZ['question']}\n{step}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("step", "line", "field", "words"),
    [
        ("- activity: quiz:{ref}\n  question: pas-une-question\n", 7, "steps[1].activity", "unknown activity"),
        ("- activity: wordcloud:nuage-inconnu\n", 7, "steps[1].activity", "unknown activity"),
        (
            "- activity: quiz:{ref}\n  question: {q}\n  page: modules/panorama/absente.md\n",
            9,
            "steps[1].page",
            "does not exist",
        ),
        ("- activity: quiz:{ref}\n  question: {q}\n  page: book/direct.md\n", 9, "steps[1].page", "is on page"),
    ],
)
def test_pacte_check_names_file_line_and_field_of_a_bad_step(tmp_path, step, line, field, words):
    path = _bad_file(tmp_path, step.format(ref=QUIZ["ref"], q=QUIZ["question"]))
    errors = check_sequence_files([path])
    assert len(errors) == 1, errors
    assert (errors[0].line, errors[0].field) == (line, field) and words in errors[0].message
    assert str(errors[0]).startswith(f"{path}:{line} [{field}]")


def test_a_sequence_file_breaking_its_schema_is_refused(tmp_path):
    path = _bad_file(tmp_path, "- activity: quiz:{ref}\n  timer: 2\n".format(ref=QUIZ["ref"]))
    (error,) = check_sequence_file(path)
    assert error.line == 8 and "timer" in str(error)


def test_a_trainers_sequence_is_validated_with_french_messages_naming_the_field():
    step = {"activity": f"quiz:{QUIZ['ref']}", "question": QUIZ["question"], "timer": 30, "close_at_zero": True}
    clean = validate_sequence(
        {
            "title": "Ma\u00a0séance  du jour",
            "module": "panorama",
            "steps": [step, {"spot": {"kind": "wordcloud", "prompt": "Un mot"}}],
        }
    )
    assert clean["title"] == "Ma\u00a0séance du jour" and clean["steps"][0]["page"] == QUIZ["page"]
    assert clean["steps"][1] == {"spot": {"kind": "wordcloud", "prompt": "Un mot"}}
    for bad, words in [
        ({"title": "", "steps": [step]}, "Champ title"),
        ({"title": "x", "steps": []}, "Champ steps"),
        ({"title": "x", "steps": [{"activity": "quiz:nope", "question": "q"}]}, "Étape 1, champ activity"),
        ({"title": "x", "steps": [step, {**step, "timer": 99999}]}, "Étape 2, champ timer"),
        (
            {"title": "x", "steps": [{"spot": {"kind": "choice", "prompt": "Q", "choices": ["un"]}}]},
            "Étape 1, champ spot.choices",
        ),
    ]:
        with pytest.raises(SequenceError) as caught:
            validate_sequence(bad)
        assert caught.value.message.startswith(words), caught.value.message


def test_saved_sequences_survive_a_restart_and_are_deleted_only_on_request(backend):
    store = backend.open()
    steps = [{"activity": f"quiz:{QUIZ['ref']}", "question": QUIZ["question"], "timer": 45, "close_at_zero": True}]
    first = store.save_sequence(None, "Groupe du matin", "panorama", steps)
    second = store.save_sequence(None, "Groupe de l’après-midi", "", [*steps, {"note": "x", **steps[0]}])
    store.save_sequence(first["id"], "Groupe du matin (revu)", "panorama", steps[::-1])
    session = store.create_session("S")
    store.delete_session(session.id)  # a session's end never touches saved sequences
    store.close()
    again = backend.open()
    saved = {s["id"]: s for s in again.saved_sequences()}
    assert saved[first["id"]]["title"] == "Groupe du matin (revu)" and saved[first["id"]]["steps"] == steps
    assert len(saved[second["id"]]["steps"]) == 2
    with pytest.raises(KeyError):
        again.save_sequence("inconnue", "x", "", steps)
    assert again.delete_sequence(second["id"]) and not again.delete_sequence(second["id"])
    assert [s["id"] for s in again.saved_sequences()] == [first["id"]]
    again.close()


def test_a_timer_closing_at_zero_refuses_late_answers_and_closes_the_stage(backend):
    clock = FakeClock()
    store = backend.open(clock)
    session = store.create_session("S")
    people = [store.add_participant(session.id) for _ in range(2)]
    activity = f"quiz:{QUIZ['ref']}"
    with pytest.raises(ValueError):
        store.start_timer(session.id, 30, True)  # nothing pushed
    store.set_stage(session.id, "quiz", QUIZ["ref"], QUIZ["question"], "open")
    timer = store.start_timer(session.id, 30, True)
    assert store.timer(session.id) == timer and timer.deadline == clock.t + 30
    clock.advance(20)
    assert store.add_time(session.id, 30).deadline == clock.t + 40  # +30 s on the remaining 10 s
    clock.advance(39)
    store.record_answer(session.id, people[0], activity, QUIZ["question"], "a")
    assert not store.expire_timer(session.id)
    clock.advance(1)
    with pytest.raises(ActivityClosed):
        store.record_answer(session.id, people[1], activity, QUIZ["question"], "a")
    assert store.expire_timer(session.id) and store.stage(session.id).state == "closed"
    assert store.timer(session.id) is None and not store.expire_timer(session.id)
    assert sum(store.aggregate(session.id)[(activity, QUIZ["question"])].values()) == 1
    store.close()


def test_a_timer_that_does_not_close_and_a_new_push_leave_answers_open(backend):
    clock = FakeClock()
    store = backend.open(clock)
    session = store.create_session("S")
    person = store.add_participant(session.id)
    store.set_stage(session.id, "quiz", QUIZ["ref"], QUIZ["question"], "open")
    store.start_timer(session.id, 10, False)
    clock.advance(11)
    store.record_answer(session.id, person, f"quiz:{QUIZ['ref']}", QUIZ["question"], "a")
    assert not store.expire_timer(session.id) and store.stage(session.id).state == "open"
    store.start_timer(session.id, 10, True)
    store.set_stage(session.id, "quiz", QUIZ["ref"], QUIZ["question"], "open")  # pushed again: the timer ends
    clock.advance(11)
    store.record_answer(session.id, person, f"quiz:{QUIZ['ref']}", QUIZ["question"], "b")
    assert store.timer(session.id) is None and store.add_time(session.id, 30) is None
    store.close()


def test_spot_questions_are_kept_with_their_session(backend):
    store = backend.open()
    session = store.create_session("S")
    definition = {"kind": "choice", "prompt": "Qui pilote\u00a0?", "choices": ["La CPTS", "L’ARS"]}
    store.add_spot_question(session.id, "spot-0123456789ab", definition)
    store.close()
    again = backend.open()
    assert again.spot_question("spot-0123456789ab") == definition
    assert again.spot_questions(session.id) == {"spot-0123456789ab": definition}
    again.delete_session(session.id)
    assert again.spot_question("spot-0123456789ab") is None
    again.close()
