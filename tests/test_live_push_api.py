"""Trainer pacing over HTTP: push, close, reveal, event streams, hide, export, the trainer check (SQLite)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from live_push_client import COOKIE, SSE, TOKEN, call, request, start_server

from pacte.live.answers_export import HEADERS
from pacte.live.api import LiveContext, RateLimiter
from pacte.live.catalogue import catalogue
from pacte.live.events import MAX_STREAMS_PER_PARTICIPANT
from pacte.live.store import open_store

QUIZ = next(a for a in catalogue() if a["kind"] == "quiz")
WORDS = next(a for a in catalogue() if a["kind"] == "wordcloud")
SURVEY = next(a for a in catalogue() if a["kind"] == "survey")


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
    """A new session made through the trainer API, and two joined trainees."""
    status, data = call(server["api"] + "trainer/sessions", "POST", {"title": "  Séance \t  de test "})
    assert status == 201, data
    session = data["session"]
    assert session["title"] == "Séance de test" and session["open"] and session["participants"] == 0
    people = []
    for _ in range(2):
        status, joined = call(server["api"] + "join", "POST", {"code": session["code"]}, trainer=False)
        assert status == 201
        people.append(joined["participant"])
    return {**server, "session": session, "people": people, "sid": session["id"]}


def push(room, activity: dict | None, state: str):
    body = {"state": state} if activity is None else {**{k: activity[k] for k in ("kind", "ref", "question")}}
    body["state"] = state
    return call(room["api"] + f"trainer/sessions/{room['sid']}/stage", "POST", body)


def answer(room, participant: str, activity: str, question: str, value):
    body = {"code": room["session"]["code"], "participant": participant, "activity": activity, "question": question}
    return call(room["api"] + "answer", "POST", {**body, "answer": value}, trainer=False)


def stage_of(room) -> dict:
    status, data = call(room["api"] + f"stage?code={room['session']['code']}", trainer=False)
    assert status == 200
    return data["stage"]


def test_push_open_close_reveal(room):
    idle = stage_of(room)
    assert (idle["state"], idle["activity"], idle["reveal"], idle["seq"]) == ("idle", None, None, 0)
    assert idle["session"] == {"code": room["session"]["code"], "title": "Séance de test", "open": True}
    status, data = push(room, QUIZ, "open")
    assert status == 200 and data["stage"]["state"] == "open" and data["stage"]["seq"] == 1
    shown = stage_of(room)
    assert shown == data["stage"] and shown["activity"]["prompt"] == QUIZ["prompt"]
    assert "correct" not in json.dumps(shown["activity"])
    activity = f"{QUIZ['kind']}:{QUIZ['ref']}"
    choice = shown["activity"]["input"]["choices"][0]["id"]
    assert answer(room, room["people"][0], activity, QUIZ["question"], choice)[0] == 201
    assert push(room, QUIZ, "closed")[0] == 200
    status, refused = answer(room, room["people"][1], activity, QUIZ["question"], choice)
    assert (status, refused) == (409, {"ok": False, "error": "Les réponses sont closes pour cette activité."})
    status, data = push(room, QUIZ, "revealed")
    reveal = data["stage"]["reveal"]
    assert data["stage"]["seq"] == 3 and reveal["correct"] and reveal["panel"]["type"] == "bars"
    assert reveal["panel"]["respondents"] == 1
    assert answer(room, room["people"][1], activity, QUIZ["question"], choice)[0] == 409
    status, data = push(room, None, "idle")
    assert data["stage"]["state"] == "idle" and data["stage"]["activity"] is None
    # Revealed stays closed after the next push (issue 26, finding 5) until the trainer opens it again.
    assert answer(room, room["people"][1], activity, QUIZ["question"], choice)[0] == 409
    assert push(room, QUIZ, "open")[0] == 200
    assert answer(room, room["people"][1], activity, QUIZ["question"], choice)[0] == 201


def test_late_joiner_lands_on_the_current_activity_and_streams_follow(room):
    push(room, WORDS, "open")
    stream = SSE(room["api"] + f"events?code={room['session']['code']}&participant={room['people'][0]}")
    try:
        assert stream.status == 200 and stream.headers["content-type"].startswith("text/event-stream")
        assert next(stream.blocks()) == "retry: 3000"
        event, stage = stream.next_event()
        assert event == "stage" and stage["activity"]["kind"] == "wordcloud" and stage["state"] == "open"
        push(room, WORDS, "closed")
        event, stage = stream.next_event("stage")
        assert stage["state"] == "closed" and stage["seq"] == 2
        push(room, QUIZ, "open")
        assert stream.next_event("stage")[1]["activity"]["ref"] == QUIZ["ref"]
    finally:
        stream.close()


def test_trainer_stream_gets_the_summary_on_every_change(room):
    url = room["api"] + f"trainer/sessions/{room['sid']}/events"
    stream = SSE(url, cookie=COOKIE)
    try:
        assert stream.status == 200
        event, summary = stream.next_event()
        assert event == "summary" and summary["participants"] == 2 and summary["activities"] == []
        assert summary["join_url"].endswith(f"/book/direct.html?seance={room['session']['code']}")
        push(room, WORDS, "open")
        summary = stream.next_event("summary")[1]
        while not summary["activities"]:
            summary = stream.next_event("summary")[1]
        assert summary["stage"]["state"] == "open" and summary["activities"][0]["answers"] == 0
        answer(room, room["people"][0], f"wordcloud:{WORDS['ref']}", "answer", "Confiance")
        while summary["activities"][0]["answers"] == 0:
            summary = stream.next_event("summary")[1]
        assert summary["activities"][0]["panel"]["type"] == "words"
    finally:
        stream.close()
    assert SSE(url).status == 403


def test_hide_a_word_and_export(room):
    push(room, WORDS, "open")
    activity = f"wordcloud:{WORDS['ref']}"
    for person, text in zip(room["people"], ["Confiance", "=HYPERLINK(1)"], strict=True):
        assert answer(room, person, activity, "answer", text)[0] == 201
    hide = {"activity": activity, "question": "answer", "answer": "=HYPERLINK(1)", "hidden": True}
    status, data = call(room["api"] + f"trainer/sessions/{room['sid']}/hide", "POST", hide)
    assert (status, data) == (200, {"ok": True, "hidden": True})
    status, data = call(room["api"] + f"trainer/sessions/{room['sid']}/summary")
    words = {w["text"]: w["hidden"] for w in data["summary"]["activities"][0]["panel"]["words"]}
    assert words == {"Confiance": False, "=HYPERLINK(1)": True}
    push(room, WORDS, "revealed")
    shown = {w["text"]: w["hidden"] for w in stage_of(room)["reveal"]["panel"]["words"]}
    assert shown == {"Confiance": False}  # the room never receives a hidden entry
    status, headers, body = request(
        room["api"] + f"trainer/sessions/{room['sid']}/export.csv", headers={"Cookie": COOKIE}
    )
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0]) == HEADERS and len(rows) == 2
    masked = {r["Réponse (codes)"]: r["Masquée pour la salle"] for r in rows}
    assert masked == {"Confiance": "non", "'=HYPERLINK(1)": "oui"}  # kept, marked, never run as a formula


def test_sessions_list_close_delete(room):
    api, sid = room["api"], room["sid"]
    status, data = call(api + "trainer/sessions")
    mine = next(s for s in data["sessions"] if s["id"] == sid)
    assert mine["participants"] == 2 and mine["open"] and mine["code"] == room["session"]["code"]
    stream = SSE(api + f"events?code={room['session']['code']}&participant={room['people'][0]}")
    stream.next_event("stage")
    status, data = call(api + f"trainer/sessions/{sid}/close", "POST", {})
    assert status == 200 and data["session"]["open"] is False
    last = stream.next_event("stage")[1]
    assert last["session"]["open"] is False
    with pytest.raises(EOFError):
        stream.next_event()  # the server ends the stream of a closed session
    stream.close()
    again = SSE(api + f"events?code={room['session']['code']}&participant={room['people'][0]}")
    assert again.status == 410
    assert push(room, QUIZ, "open")[0] == 410
    assert call(api + f"trainer/sessions/{sid}", "DELETE")[0] == 200
    assert call(api + f"trainer/sessions/{sid}", "DELETE")[0] == 404
    assert call(api + f"trainer/sessions/{sid}/summary")[0] == 404


def test_a_title_keeps_its_non_breaking_spaces(server):
    status, data = call(server["api"] + "trainer/sessions", "POST", {"title": "Groupe A\u00a0: mars"})
    assert status == 201 and data["session"]["title"] == "Groupe A\u00a0: mars"


def test_catalogue(server):
    status, data = call(server["api"] + "trainer/catalogue")
    assert status == 200 and len(data["activities"]) == len(catalogue())


def test_trainee_stream_refusals(room):
    code, p = room["session"]["code"], room["people"][0]
    assert SSE(room["api"] + f"events?code=ZZZZZZZZ&participant={p}").status == 404
    assert SSE(room["api"] + f"events?code={code}&participant=inconnu-0000000000000").status == 403
    assert SSE(room["api"] + f"events?code=0&participant={p}").status == 400
    assert SSE(room["api"] + f"events?code={code}").status == 400
    assert SSE(room["api"] + "events?code=%FF&participant=%FF%FE").status == 400
    assert SSE(room["api"] + f"events?code={code}&participant=" + "a" * 5000).status == 400
    assert call(room["api"] + "stage?code=%FF", trainer=False)[0] == 400
    assert call(room["api"] + "stage", trainer=False)[0] == 400
    assert call(room["api"] + "stage?code=ZZZZZZZZ", trainer=False)[0] == 404
    streams = [SSE(room["api"] + f"events?code={code}&participant={p}") for _ in range(MAX_STREAMS_PER_PARTICIPANT)]
    for s in streams:
        s.next_event("stage")
    assert SSE(room["api"] + f"events?code={code}&participant={p}").status == 429
    for s in streams:
        s.close()


TRAINER_ROUTES = [
    ("GET", "trainer/sessions", None),
    ("POST", "trainer/sessions", {"title": "x"}),
    ("GET", "trainer/catalogue", None),
    ("POST", "trainer/sessions/{sid}/stage", {"state": "idle"}),
    ("POST", "trainer/sessions/{sid}/hide", {"activity": "a:b", "question": "q", "answer": "x", "hidden": True}),
    ("POST", "trainer/sessions/{sid}/reset", {"activity": f"quiz:{QUIZ['ref']}", "question": QUIZ["question"]}),
    ("POST", "trainer/sessions/{sid}/close", {}),
    ("DELETE", "trainer/sessions/{sid}", None),
    ("GET", "trainer/sessions/{sid}/summary", None),
    ("GET", "trainer/sessions/{sid}/export.csv", None),
    ("GET", "trainer/sessions/{sid}/events", None),
]


@pytest.mark.parametrize(("method", "path", "body"), TRAINER_ROUTES)
def test_trainer_routes_need_the_cookie_json_and_same_origin(room, method, path, body):
    url = room["api"] + path.format(sid=room["sid"])
    assert call(url, method, body, trainer=False)[0] == 403
    assert call(url, method, body, trainer=False, headers={"Cookie": "pacte_trainer=faux"})[0] == 403
    if method != "GET":
        assert call(url, method, body, headers={"Origin": "http://evil.example"})[0] == 403
        assert call(url, method, body, headers={"Origin": "null"})[0] == 403
        status, _, _ = request(
            url, method, raw=json.dumps(body or {}).encode(), headers={"Cookie": COOKIE, "Content-Type": "text/plain"}
        )
        assert status == 403
        status, _, _ = request(
            url, method, raw=b"title=x", headers={"Cookie": COOKIE, "Content-Type": "application/x-www-form-urlencoded"}
        )
        assert status == 403
    assert call(room["api"] + f"trainer/sessions/{room['sid']}")[0] == 405  # GET on the DELETE route
    if "{sid}" in path:
        assert call(url.replace(room["sid"], "pas-une-seance"), method, body)[0] == 404
    if path.endswith(("/events", ".csv")):
        return  # not JSON: see test_trainer_stream_gets_the_summary_on_every_change, test_hide_a_word_and_export
    status, _ = call(url, method, body, headers={"Origin": room["root"].rstrip("/")})
    assert status in (200, 201)


BAD_BODIES = [
    b"",
    b"{",
    b"[]",
    b"null",
    b'"x"',
    b'{"kind": 1}',
    b'{"state": "open"}',
    b'{"state": "open", "kind": "quiz", "ref": "nope", "question": "nope"}',
    b'{"state": "open", "kind": "a:b", "ref": "r", "question": "q"}',
    b'{"state": ["idle"]}',
    b'{"title": ""}',
    b'{"title": "   \\u200b "}',
    b'{"title": "' + b"x" * 300 + b'"}',
    b'{"activity": "nocolon", "question": "q", "answer": "a", "hidden": true}',
    b'{"activity": "a:b", "question": "q", "answer": "a", "hidden": "yes"}',
    b'{"activity": "a:b", "question": "", "answer": "a", "hidden": true}',
    b'{"activity": "a:b", "question": "q", "answer": "a\\u0000", "hidden": true}',
    b"\xff\xfe",
    b'{"a": ' * 200 + b"1" + b"}" * 200,
    b"x" * 5000,
]


@pytest.mark.parametrize(
    "path",
    ["trainer/sessions", "trainer/sessions/{sid}/stage", "trainer/sessions/{sid}/hide", "trainer/sessions/{sid}/reset"],
)
def test_bad_trainer_input_is_a_4xx(room, path):
    url = room["api"] + path.format(sid=room["sid"])
    for raw in BAD_BODIES:
        status, _, body = request(url, "POST", raw=raw, headers={"Cookie": COOKIE, "Content-Type": "application/json"})
        assert 400 <= status < 500, (raw[:40], status)
        assert json.loads(body)["ok"] is False


def test_formateur_page_token_cookie_and_static_files(server):
    root = server["root"]
    status, headers, _ = request(root + "formateur/?token=" + TOKEN + "&vue=projection")
    assert status == 303 and headers["Location"] == "/formateur/?vue=projection"
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    assert request(root + "formateur/?token=faux")[0] == 403
    assert request(root + "formateur/")[0] == 403
    status, headers, body = request(root + "formateur/", headers={"Cookie": COOKIE})
    assert status == 200 and b"<html" in body.lower() and "script-src 'self'" in headers["Content-Security-Policy"]
    assert request(root + "formateur")[0] == 302
    assert request(root + "formateur/static/dashboard.js")[0] == 403
    status, headers, _ = request(root + "formateur/static/dashboard.js", headers={"Cookie": COOKIE})
    assert status == 200 and "javascript" in headers["Content-Type"]
    assert request(root + "formateur/static/../../api.py", headers={"Cookie": COOKIE})[0] in (403, 404)
    assert request(root + "formateur/static/nothing.js", headers={"Cookie": COOKIE})[0] == 404


def test_streams_are_not_compressed(tmp_path):
    from tornado.web import GZipContentEncoding

    store = open_store(None, tmp_path)
    root, live, stop = start_server(store, LiveContext(store, workers=2), transforms=[GZipContentEncoding])
    try:
        session = store.create_session("gzip")
        participant = store.add_participant(session.id)
        stream = SSE(root + f"api/live/events?code={session.code}&participant={participant}")
        assert stream.status == 200 and "content-encoding" not in stream.headers
        assert stream.next_event("stage")[1]["state"] == "idle"
        stream.close()
        status, headers, _ = request(root + "api/live/status", headers={"Accept-Encoding": "gzip"})
        assert status == 200  # (short JSON bodies are left uncompressed by tornado anyway)
    finally:
        stop()
        store.close()


def test_no_token_means_no_trainer(tmp_path):
    store = open_store(None, tmp_path)
    root, live, stop = start_server(store, LiveContext(store, workers=2))
    try:
        assert call(root + "api/live/trainer/sessions")[0] == 403
        assert request(root + "formateur/?token=")[0] == 403
        assert request(root + "formateur/", headers={"Cookie": COOKIE})[0] == 403
    finally:
        stop()
        store.close()


class CountingStore:
    """The store, counting the aggregate reads (one per summary build)."""

    def __init__(self, store):
        self._store = store
        self.aggregates = 0
        self.stages = 0

    def stage(self, session_id):
        self.stages += 1
        return self._store.stage(session_id)

    def answer_versions(self, session_id):  # read once per summary build (pacte.live.summary_cache)
        self.aggregates += 1
        return self._store.answer_versions(session_id)

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_summary_is_built_once_per_change_and_debounced(tmp_path):
    store = open_store(None, tmp_path)
    counting = CountingStore(store)
    live = LiveContext(counting, workers=2, trainer_token=TOKEN)
    live.answer_limiter = RateLimiter(limit=1_000_000, window=10)
    root, live, stop = start_server(counting, live)
    api = root + "api/live/"
    try:
        session = store.create_session("cache")
        summary_url = api + f"trainer/sessions/{session.id}/summary"
        first = call(summary_url)[1]
        assert call(summary_url)[1] == first and counting.aggregates == 1  # cached
        people = [store.add_participant(session.id) for _ in range(3)]
        body = {"code": session.code, "activity": f"wordcloud:{WORDS['ref']}", "question": "answer"}
        call(api + "answer", "POST", {**body, "participant": people[0], "answer": "Lien"}, trainer=False)
        assert call(summary_url)[1]["summary"]["activities"][0]["answers"] == 1
        assert counting.aggregates == 2  # rebuilt once after the change
        stream = SSE(api + f"trainer/sessions/{session.id}/events", cookie=COOKIE)
        stream.next_event("summary")
        before, answers = counting.aggregates, 0
        for i in range(150):
            reply = {**body, "participant": people[i % 3], "answer": f"mot {i}"}
            answers += call(api + "answer", "POST", reply, trainer=False)[0] == 201
        summary = stream.next_event("summary")[1]
        while {w["text"] for w in summary["activities"][0]["panel"]["words"]} != {"mot 147", "mot 148", "mot 149"}:
            summary = stream.next_event("summary")[1]
        stream.close()
        assert answers == 150 and counting.aggregates - before < answers / 2  # a flood: far fewer builds
    finally:
        stop()
        store.close()


def test_a_room_connecting_at_once_reads_the_stage_once(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    store = open_store(None, tmp_path)
    counting = CountingStore(store)
    root, live, stop = start_server(counting, LiveContext(counting, workers=8, trainer_token=TOKEN))
    try:
        session = store.create_session("foule")
        people = [store.add_participant(session.id) for _ in range(30)]
        store.set_stage(session.id, WORDS["kind"], WORDS["ref"], WORDS["question"], "open")

        def connect(p):
            return SSE(root + f"api/live/events?code={session.code}&participant={p}", timeout=20)

        with ThreadPoolExecutor(30) as pool:
            streams = list(pool.map(connect, people))
        assert all(s.next_event("stage")[1]["state"] == "open" for s in streams)
        assert counting.stages <= 2
        for s in streams:
            s.close()
    finally:
        stop()
        store.close()


def test_room_versus_survey_push(room):
    stage = push(room, SURVEY, "open")[1]["stage"]
    view = stage["activity"]["input"]
    assert view["type"] == "survey" and stage["activity"]["question"] == "all"
    activity = f"survey:{SURVEY['ref']}"
    structure, choice = view["structures"][0]["id"], view["choices"][0]["id"]
    for person in room["people"]:
        assert answer(room, person, activity, structure, choice)[0] == 201
    summary = call(room["api"] + f"trainer/sessions/{room['sid']}/summary")[1]["summary"]
    item = next(a for a in summary["activities"] if a["kind"] == "survey")
    assert (item["question"], item["answers"], item["panel"]["type"]) == ("all", 2, "room_vs_survey")
    push(room, SURVEY, "closed")
    assert answer(room, room["people"][0], activity, view["structures"][-1]["id"], choice)[0] == 409
    reveal = push(room, SURVEY, "revealed")[1]["stage"]["reveal"]
    assert reveal["panel"]["type"] == "room_vs_survey" and reveal["panel"]["respondents"] == 2
    assert reveal["source"]


def test_a_case_step_is_pushed_answered_and_revealed_with_every_consequence(room):
    step = next(a for a in catalogue() if a["kind"] == "case")
    status, data = push(room, step, "open")
    assert status == 200 and data["stage"]["activity"]["input"]["type"] == "choice"
    choices = [c["id"] for c in data["stage"]["activity"]["input"]["choices"]]
    activity = f"case:{step['ref']}"
    assert answer(room, room["people"][0], activity, step["question"], choices[0])[0] == 201
    assert answer(room, room["people"][1], activity, step["question"], "pas-un-choix")[0] == 422
    reveal = push(room, step, "revealed")[1]["stage"]["reveal"]
    labels = [c["label"].rstrip(".") for c in data["stage"]["activity"]["input"]["choices"]]
    assert reveal["correct"] == [] and all(f"«\u00a0{label}\u00a0»" in reveal["explanation"] for label in labels)
    assert reveal["panel"]["type"] == "bars" and reveal["panel"]["respondents"] == 1


def test_reset_a_question_for_a_new_round(room):
    push(room, SURVEY, "open")
    activity = f"survey:{SURVEY['ref']}"
    choices = stage_of(room)["activity"]["input"]["choices"]
    structures = [s["id"] for s in stage_of(room)["activity"]["input"]["structures"]]
    for who, structure in zip(room["people"][:2], structures * 2, strict=False):
        assert answer(room, who, activity, structure, choices[0]["id"])[0] == 201
    url = room["api"] + f"trainer/sessions/{room['sid']}/"
    status, data = call(url + "reset", "POST", {"activity": activity, "question": SURVEY["question"]})
    assert (status, data) == (200, {"ok": True, "round": 2, "removed": 2})
    status, data = call(url + "summary", "GET", None)
    entry = [a for a in data["summary"]["activities"] if a["kind"] == "survey"]
    assert all(a["answers"] == 0 for a in entry)
    assert call(url + "reset", "POST", {"activity": "pas-une-activite", "question": "q"})[0] == 422
