"""Questions from the room and moderation before display, over HTTP (in-process server, SQLite)."""

from __future__ import annotations

import csv
import io

import pytest
from live_push_client import COOKIE, TOKEN, call, request, start_server

from pacte.live.api import LiveContext, RateLimiter
from pacte.live.catalogue import catalogue
from pacte.live.store import open_store

WORDS = next(a for a in catalogue() if a["kind"] == "wordcloud")
CLOUD = f"wordcloud:{WORDS['ref']}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = open_store(None, tmp_path_factory.mktemp("live"))
    live = LiveContext(store, workers=4, trainer_token=TOKEN)
    live.answer_limiter = RateLimiter(limit=1_000_000, window=10)
    root, live, stop = start_server(store, live)
    yield {"root": root, "api": root + "api/live/", "store": store, "live": live}
    stop()
    store.close()


@pytest.fixture
def room(server):
    """A new session and three joined trainees."""
    status, data = call(server["api"] + "trainer/sessions", "POST", {"title": "Questions"})
    assert status == 201, data
    session = data["session"]
    people = [call(server["api"] + "join", "POST", {"code": session["code"]}, trainer=False)[1]["participant"]
              for _ in range(3)]  # fmt: skip
    return {**server, "code": session["code"], "sid": session["id"], "people": people}


def ask(room, who: int, text):
    body = {"code": room["code"], "participant": room["people"][who], "text": text}
    return call(room["api"] + "ask", "POST", body, trainer=False)


def vote(room, who: int, qid, value=True):
    body = {"code": room["code"], "participant": room["people"][who], "question": qid, "vote": value}
    return call(room["api"] + "vote", "POST", body, trainer=False)


def trainer(room, path: str, body: dict | None = None):
    return call(room["api"] + f"trainer/sessions/{room['sid']}/{path}", "POST" if body is not None else "GET", body)


def stage(room) -> dict:
    return call(room["api"] + f"stage?code={room['code']}", trainer=False)[1]["stage"]


def summary(room) -> dict:
    return trainer(room, "summary")[1]["summary"]


def export_rows(room) -> list[dict]:
    status, _, body = request(room["api"] + f"trainer/sessions/{room['sid']}/export.csv", headers={"Cookie": COOKIE})
    assert status == 200
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_votes_count_once_per_participant_reorder_and_stay_anonymous(room):
    first = ask(room, 0, "  Qui finance   la coordination ? ")
    second = ask(room, 1, "Comment recruter un coordinateur ?")
    assert first[0] == second[0] == 201 and first[1]["question"]["status"] == "approved"
    one, two = first[1]["question"]["id"], second[1]["question"]["id"]
    assert [q["id"] for q in stage(room)["room_questions"]] == [one, two]  # no vote yet: oldest first
    assert vote(room, 0, two) == (200, {"ok": True, "votes": 1})
    assert vote(room, 0, two) == (200, {"ok": True, "votes": 1})  # the same participant again: still one
    assert vote(room, 2, two)[1]["votes"] == 2
    listed = stage(room)["room_questions"]
    assert [(q["id"], q["votes"]) for q in listed] == [(two, 2), (one, 0)]
    assert listed[1]["text"] == "Qui finance la coordination ?"
    assert vote(room, 2, two, False)[1]["votes"] == 1  # withdrawn
    assert vote(room, 2, two, False)[1]["votes"] == 1
    text = str(stage(room)) + str(summary(room)["room_questions"])
    assert not any(p in text for p in room["people"])  # no participant id reaches the room nor the dashboard


def test_moderated_room_questions_wait_and_hidden_ones_are_kept(room):
    assert trainer(room, "moderation", {"activity": "room:questions", "question": "ask", "moderated": True})[0] == 200
    waiting = ask(room, 0, "Question à valider")[1]["question"]
    other = ask(room, 1, "Question déplacée")[1]["question"]
    assert waiting["status"] == "pending" and stage(room)["room_questions"] == []
    assert vote(room, 2, waiting["id"])[0] == 404  # nobody can vote for what the room cannot see
    assert {q["status"] for q in summary(room)["room_questions"]} == {"pending"}
    assert trainer(room, f"room-questions/{other['id']}", {"action": "hide"})[1]["question"]["status"] == "hidden"
    assert trainer(room, "approve", {"activity": "room:questions", "question": "ask"})[1]["approved"] == 1
    assert [q["text"] for q in stage(room)["room_questions"]] == ["Question à valider"]
    marked = trainer(room, f"room-questions/{waiting['id']}", {"action": "answered"})[1]["question"]
    assert marked["answered"] is True and stage(room)["room_questions"][0]["answered"] is True
    rows = {r["Réponse"]: r for r in export_rows(room) if r["Identifiant de l’activité"] == "room:questions"}
    assert rows["Question déplacée"]["Masquée pour la salle"] == "oui"
    assert rows["Question à valider"]["Masquée pour la salle"] == "non"
    assert all(r["Participant"] == "" and r["Identifiant du participant"] == "" for r in rows.values())


def test_a_moderated_word_cloud_shows_nothing_until_approved(room):
    assert trainer(room, "moderation", {"activity": "*", "question": "*", "moderated": True})[0] == 200
    assert (
        trainer(room, "stage", {"kind": "wordcloud", "ref": WORDS["ref"], "question": "answer", "state": "open"})[0]
        == 200
    )
    body = {"code": room["code"], "activity": CLOUD, "question": "answer"}
    for who, word in enumerate(["Confiance", "confiance", "Bazar"]):
        status, _ = call(
            room["api"] + "answer", "POST", {**body, "participant": room["people"][who], "answer": word}, trainer=False
        )
        assert status == 201
    entry = next(a for a in summary(room)["activities"] if a["ref"] == WORDS["ref"])
    assert entry["moderated"] is True and entry["answers"] == 0 and entry["pending"] == 3
    assert all(w["pending"] for w in entry["panel"]["words"])
    trainer(room, "stage", {"kind": "wordcloud", "ref": WORDS["ref"], "question": "answer", "state": "revealed"})
    assert stage(room)["reveal"]["panel"]["words"] == []  # the room gets nothing pending
    assert (
        trainer(room, "approve", {"activity": CLOUD, "question": "answer", "answer": "confiance"})[1]["approved"] == 1
    )
    trainer(room, "hide", {"activity": CLOUD, "question": "answer", "answer": "Bazar", "hidden": True})
    entry = next(a for a in summary(room)["activities"] if a["ref"] == WORDS["ref"])
    assert (entry["answers"], entry["pending"]) == (2, 0)  # both spellings approved at once; hidden left out
    shown = stage(room)["reveal"]["panel"]
    assert [w["text"] for w in shown["words"]] == ["Confiance"] and shown["respondents"] == 2
    flags = {
        r["Réponse"]: r["Masquée pour la salle"] for r in export_rows(room) if r["Identifiant de l’activité"] == CLOUD
    }
    assert flags == {"Confiance": "non", "confiance": "non", "Bazar": "oui"}  # approving covers every spelling


def test_a_room_question_pushed_back_as_an_open_question(room):
    qid = ask(room, 0, "Faut-il un projet de santé écrit ?")[1]["question"]["id"]
    status, data = trainer(room, f"room-questions/{qid}", {"action": "push"})
    assert status == 200 and data["stage"]["activity"]["prompt"] == "Faut-il un projet de santé écrit ?"
    view = data["stage"]["activity"]
    body = {"code": room["code"], "participant": room["people"][1], "activity": f"room:{qid}", "question": "answer"}
    assert call(room["api"] + "answer", "POST", {**body, "answer": "Oui, dès le début"}, trainer=False)[0] == 201
    assert (
        call(room["api"] + "answer", "POST", {**body, "activity": "room:999", "answer": "x"}, trainer=False)[0] == 422
    )
    assert (
        trainer(room, "stage", {"kind": "room", "ref": view["ref"], "question": "answer", "state": "closed"})[0] == 200
    )
    entry = next(a for a in summary(room)["activities"] if a["kind"] == "room")
    assert entry["prompt"] == view["prompt"] and entry["answers"] == 1


BAD = [
    ("ask", {"text": ""}, 422),
    ("ask", {"text": "   ?!  "}, 422),
    ("ask", {"text": "x" * 281}, 422),
    ("ask", {"text": 12}, 422),
    ("ask", {"text": "ok", "participant": "court"}, 400),
    ("ask", {"text": "ok", "code": "??"}, 400),
    ("vote", {"question": "1", "vote": True}, 422),
    ("vote", {"question": True, "vote": True}, 422),
    ("vote", {"question": 1, "vote": "oui"}, 422),
    ("vote", {"question": 999999, "vote": True}, 404),
]


@pytest.mark.parametrize(("path", "change", "status"), BAD)
def test_bad_trainee_input_gets_a_french_4xx(room, path, change, status):
    body = {"code": room["code"], "participant": room["people"][0], **change}
    got, data = call(room["api"] + path, "POST", body, trainer=False)
    assert got == status and data["ok"] is False and data["error"]


TRAINER_BAD = [
    ("room-questions/1", {"action": "erase"}, 422),
    ("room-questions/424242", {"action": "hide"}, 404),
    ("moderation", {"activity": "*", "question": "answer", "moderated": True}, 422),
    ("moderation", {"activity": "sans-deux-points", "question": "q", "moderated": True}, 422),
    ("moderation", {"activity": CLOUD, "question": "answer", "moderated": "oui"}, 422),
    ("approve", {"activity": "*", "question": "*"}, 422),
    ("approve", {"activity": CLOUD, "question": "answer", "answer": ""}, 422),
]


@pytest.mark.parametrize(("path", "body", "status"), TRAINER_BAD)
def test_bad_trainer_input_gets_a_4xx(room, path, body, status):
    got, data = trainer(room, path, body)
    assert got == status and data["ok"] is False and data["error"]


def test_asking_is_rate_limited_and_needs_a_known_participant(room):
    body = {"code": room["code"], "participant": "x" * 22, "text": "Inconnu ?"}
    assert call(room["api"] + "ask", "POST", body, trainer=False)[0] == 403
    statuses = [ask(room, 2, f"Question {n}")[0] for n in range(7)]
    assert statuses[:5] == [201] * 5 and statuses[5:] == [429, 429]


QUIZ = next(a for a in catalogue() if a["kind"] == "quiz")


def test_the_report_of_the_day_names_no_participant(room):
    from pacte.live.kind_registry import activity_view, reveal_view

    view = activity_view(QUIZ["kind"], QUIZ["ref"], QUIZ["question"])
    right = reveal_view(QUIZ["kind"], QUIZ["ref"], QUIZ["question"])
    trainer(room, "stage", {**{k: QUIZ[k] for k in ("kind", "ref", "question")}, "state": "open"})
    body = {"code": room["code"], "activity": f"quiz:{QUIZ['ref']}", "question": QUIZ["question"]}
    for who in range(3):
        choice = view["input"]["choices"][who % len(view["input"]["choices"])]["id"]
        answer = [choice] if view["input"]["multiple"] else choice
        assert (
            call(
                room["api"] + "answer",
                "POST",
                {**body, "participant": room["people"][who], "answer": answer},
                trainer=False,
            )[0]
            == 201
        )
    qid = ask(room, 1, "Où trouver le guide ?")[1]["question"]["id"]
    hidden = ask(room, 2, "Question masquée")[1]["question"]["id"]
    trainer(room, f"room-questions/{hidden}", {"action": "hide"})
    vote(room, 0, qid)
    url = room["root"] + f"formateur/rapport/{room['sid']}"
    assert request(url)[0] == 403
    status, headers, page = request(url, headers={"Cookie": COOKIE})
    html = page.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert not any(p in html for p in room["people"]) and room["sid"] not in html
    assert "Où trouver le guide" in html and "Question masquée" not in html
    assert "bonne réponse" in html and "3\u00a0réponses" in html
    if right["explanation"]:
        assert html.count("class='explanation'") == 1
    assert " :" not in html.replace("\u00a0:", "")  # French typography: a non-breaking space before « : »


def test_a_word_cloud_typed_on_the_spot_follows_the_session_moderation():
    from pacte.live.moderation import Moderation
    from pacte.live.spot import new_ref, parse_spot, register

    cloud, choice = new_ref(), new_ref()
    register(cloud, parse_spot({"kind": "wordcloud", "prompt": "Un mot pour la matinée ?"}))
    register(choice, parse_spot({"kind": "choice", "prompt": "Lequel ?", "choices": ["Oui", "Non"]}))
    moderation = Moderation(default=True)
    assert moderation.moderated(f"spot:{cloud}", "answer")
    assert not moderation.moderated(f"spot:{choice}", "answer")  # choices are never free text
    assert not Moderation(default=False).moderated(f"spot:{cloud}", "answer")
