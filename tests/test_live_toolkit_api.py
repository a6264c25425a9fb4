"""The trainer's toolkit over HTTP: questions typed on the spot, the timer, saved sequences (SQLite, in process)."""

from __future__ import annotations

import csv
import io
import time

import pytest
from live_push_client import COOKIE, TOKEN, call, request, start_server

from pacte.live.api import LiveContext, RateLimiter
from pacte.live.catalogue import catalogue
from pacte.live.store import open_store

QUIZ = next(a for a in catalogue() if a["kind"] == "quiz" and a["page"])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = open_store(None, tmp_path_factory.mktemp("live"))
    live = LiveContext(store, workers=4, trainer_token=TOKEN)
    live.answer_limiter = RateLimiter(limit=1_000_000, window=10)
    root, live, stop = start_server(store, live)
    yield {"api": root + "api/live/", "store": store}
    stop()
    store.close()


@pytest.fixture
def room(server):
    status, data = call(server["api"] + "trainer/sessions", "POST", {"title": "Boîte à outils"})
    assert status == 201
    session = data["session"]
    people = [
        call(server["api"] + "join", "POST", {"code": session["code"]}, trainer=False)[1]["participant"]
        for _ in range(3)
    ]
    return {**server, "session": session, "sid": session["id"], "people": people}


def answer(room, person, activity, question, value):
    body = {"code": room["session"]["code"], "participant": person, "activity": activity, "question": question}
    return call(room["api"] + "answer", "POST", {**body, "answer": value}, trainer=False)


def trainer(room, suffix, body):
    return call(room["api"] + f"trainer/sessions/{room['sid']}/{suffix}", "POST", body)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"kind": "sondage", "prompt": "Q"}, "Champ kind"),
        ({"kind": "choice", "prompt": "  "}, "Champ prompt"),
        ({"kind": "choice", "prompt": "Q", "choices": ["seul"]}, "Champ choices"),
        ({"kind": "choice", "prompt": "Q", "choices": ["Oui", "oui"]}, "Champ choices"),
        ({"kind": "scale", "prompt": "Q", "min": 5, "max": 5}, "Champ max"),
        ({"kind": "text", "prompt": "x" * 301}, "Champ prompt"),
        ({"kind": "text", "prompt": "Q", "timer": -3}, "Champ timer"),
    ],
)
def test_a_spot_question_is_validated_server_side(room, body, words):
    status, data = trainer(room, "spot", body)
    assert status == 422 and data["error"].startswith(words), data
    assert call(room["api"] + f"stage?code={room['session']['code']}", trainer=False)[1]["stage"]["state"] == "idle"


def test_a_spot_question_is_pushed_answered_and_exported_with_its_prompt(room):
    status, data = trainer(
        room, "spot", {"kind": "choice", "prompt": "Qui pilote le projet\u00a0?", "choices": ["La CPTS", "L’ARS"]}
    )
    assert status == 201, data
    activity = data["activity"]
    stage = data["stage"]
    assert stage["state"] == "open" and stage["activity"]["input"]["choices"][1] == {"id": "c2", "label": "L’ARS"}
    key = f"spot:{activity['ref']}"
    assert answer(room, room["people"][0], key, "answer", "c2")[0] == 201
    assert answer(room, room["people"][1], key, "answer", "c9")[0] == 422
    status, cloud = trainer(room, "spot", {"kind": "wordcloud", "prompt": "Un mot pour la coordination"})
    words = f"spot:{cloud['activity']['ref']}"
    assert answer(room, room["people"][1], words, "answer", "  confiance ")[0] == 201
    _, summary = call(room["api"] + f"trainer/sessions/{room['sid']}/summary")
    panels = {a["ref"]: a["panel"] for a in summary["summary"]["activities"]}
    assert panels[activity["ref"]]["rows"][1]["count"] == 1
    assert panels[cloud["activity"]["ref"]]["words"][0]["text"] == "confiance"
    _, _, body = request(room["api"] + f"trainer/sessions/{room['sid']}/export.csv", "GET", None, {"Cookie": COOKIE})
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    text = "\n".join(";".join(r) for r in rows)
    assert "Qui pilote le projet\u00a0?" in text and "L’ARS" in text and "confiance" in text


def test_the_timer_closes_answers_at_zero_and_the_trainer_can_add_time(room):
    key = f"quiz:{QUIZ['ref']}"
    assert trainer(room, "timer", {"seconds": 30})[0] == 409  # nothing pushed yet
    _, pushed = trainer(
        room, "stage", {"kind": "quiz", "ref": QUIZ["ref"], "question": QUIZ["question"], "state": "open"}
    )
    choice = pushed["stage"]["activity"]["input"]["choices"][0]["id"]
    status, data = trainer(room, "timer", {"seconds": 1, "close_at_zero": True})
    assert status == 200 and data["stage"]["timer"]["seconds"] == 1 and data["stage"]["timer"]["close_at_zero"]
    status, data = trainer(room, "timer", {"add": 1})
    assert status == 200 and 1000 < data["stage"]["timer"]["remaining_ms"] <= 2000
    assert trainer(room, "timer", {"add": "beaucoup"})[0] == 422
    assert answer(room, room["people"][0], key, QUIZ["question"], choice)[0] == 201
    time.sleep(2.3)
    status, late = answer(room, room["people"][1], key, QUIZ["question"], choice)
    assert (status, late["error"]) == (409, "Les réponses sont closes pour cette activité.")
    stage = call(room["api"] + f"stage?code={room['session']['code']}", trainer=False)[1]["stage"]
    assert stage["state"] == "closed"
    assert trainer(room, "timer", {"add": 30})[0] == 409


def test_sequences_are_listed_saved_replaced_and_deleted(server):
    api = server["api"] + "trainer/"
    _, listing = call(api + "sequences")
    assert len(listing["ready"]) == 6 and all(s["source"] == "ready" for s in listing["ready"])
    steps = listing["ready"][0]["steps"][:3]
    body = {
        "title": "Groupe de mardi",
        "module": "panorama",
        "steps": [*steps, {"spot": {"kind": "scale", "prompt": "Confiance\u00a0?"}}],
    }
    status, saved = call(api + "sequences", "POST", body)
    assert status == 201 and len(saved["sequence"]["steps"]) == 4
    assert saved["sequence"]["steps"][0]["title"] == steps[0]["title"]
    status, bad = call(api + "sequences", "POST", {**body, "steps": [{"activity": "quiz:nope", "question": "x"}]})
    assert status == 422 and bad["error"].startswith("Étape 1, champ activity")
    sid = saved["sequence"]["id"]
    assert call(api + f"sequences/{sid}", "PUT", {**body, "title": "Groupe de mercredi"})[0] == 200
    assert call(api + "sequences/inconnue", "PUT", body)[0] == 404
    _, listing = call(api + "sequences")
    assert [s["title"] for s in listing["saved"]] == ["Groupe de mercredi"]
    assert call(api + f"sequences/{sid}", "DELETE")[0] == 200
    assert call(api + f"sequences/{sid}", "DELETE")[0] == 404
    assert call(api + "sequences", trainer=False)[0] == 403
