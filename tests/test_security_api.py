"""The live API under hostile input: per-address limits (429), hostile JSON (4xx in French), invisible text,
a database that stops answering (503 in French within seconds), and a quick property-based fuzz."""

from __future__ import annotations

import json
import sqlite3
import time
import urllib.error
import urllib.request

import pytest
from conftest import fuzz_examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from live_api_server import start_api

from pacte.live.api import RateLimiter
from pacte.live.limits import AddressLimits, BodyError, TokenBucket, load_json
from pacte.live.store import open_store

NUMERIC = ("quiz:profils-coordination", "dynamique-cpts")
VALID = [
    ("quiz:profils-coordination", "satisfactions", ["projet", "animation"]),
    ("quiz:profils-coordination", "dynamique-cpts", "48,5"),
    ("survey:cohesion", "MSP", "close_knit"),
    ("text:mot-equipe", "answer", "Très soudée"),
]


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    store = open_store(None, tmp_path_factory.mktemp("live-security"))
    base, live, stop = start_api(store)
    yield {"base": base, "store": store, "live": live}
    stop()
    store.close()


@pytest.fixture
def unlimited(api):
    """Lift every rate limit for a test that sends many requests; restore afterwards."""
    live = api["live"]
    saved = live.answer_limiter, live.address_limits
    live.answer_limiter = RateLimiter(limit=10**9, window=10)
    live.address_limits = AddressLimits(join=(10**9, 10**9), answer=(10**9, 10**9))
    yield api
    live.answer_limiter, live.address_limits = saved


def call(base, path, body=None, raw=None, content_type="application/json", timeout=10):
    data = raw if raw is not None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        payload = err.read()
        return err.code, (json.loads(payload) if payload.startswith(b"{") else {})


def joined(api):
    session = api["store"].create_session("Sécurité")
    status, data = call(api["base"], "join", {"code": session.code})
    assert status == 201, data
    return session, data["participant"]


def post_answer(api, session, participant, activity, question, value, raw=None):
    if raw is not None:
        return call(api["base"], "answer", raw=raw)
    return call(
        api["base"],
        "answer",
        {"code": session.code, "participant": participant, "activity": activity, "question": question, "answer": value},
    )


def assert_french(message: str) -> None:
    assert message and any(ch in message for ch in "éèàçêù ") and "Traceback" not in message, message


# -- per-address limits (finding 3) -------------------------------------------------------------


def test_token_bucket_refills_and_bounds_memory():
    bucket = TokenBucket(capacity=3, rate=1, max_keys=100)
    assert [bucket.allow("a", now=0) for _ in range(4)] == [True, True, True, False]
    assert bucket.allow("a", now=1.01) and not bucket.allow("a", now=1.02)
    for i in range(1000):
        bucket.allow(f"k{i}", now=100 + i)
    assert len(bucket._state) <= 101


def test_joins_and_answers_are_limited_per_address_in_french(api):
    live = api["live"]
    saved = live.address_limits, live.answer_limiter
    try:
        live.answer_limiter = RateLimiter(limit=10**9, window=10)
        session = api["store"].create_session("Flood")
        live.address_limits = AddressLimits(join=(5, 0.001), answer=(8, 0.001), exempt=())
        joins = [call(api["base"], "join", {"code": session.code}) for _ in range(7)]
        assert [s for s, _ in joins] == [201] * 5 + [429] * 2
        assert_french(joins[-1][1]["error"])
        participants = [d["participant"] for s, d in joins if s == 201]
        statuses = []
        for i in range(12):  # a new participant each time: the per-participant limit alone would let them all in
            statuses.append(post_answer(api, session, participants[i % 5], *VALID[2])[0])
        assert statuses.count(429) == 12 - 8 and set(statuses[:8]) == {201}
        status, data = post_answer(api, session, participants[0], *VALID[2])
        assert status == 429 and "adresse" in data["error"]
    finally:
        live.address_limits, live.answer_limiter = saved


def test_default_limits_stop_a_flood_but_not_a_room():
    limits = AddressLimits()
    assert all(limits.allow("answer", "127.0.0.1") for _ in range(1000))  # the trainer's machine
    # A room of 40 trainees behind one address joining within a few seconds.
    assert all(limits.allow("join", "10.0.0.1") for _ in range(40))
    # A flood of 1 000 answers in one go from one address is mostly refused.
    accepted = sum(limits.allow("answer", "10.0.0.2") for _ in range(1000))
    assert accepted <= 130


def test_per_participant_limit_is_kept(api):
    live = api["live"]
    saved = live.answer_limiter
    try:
        live.answer_limiter = RateLimiter(limit=3, window=60)
        session, participant = joined(api)
        codes = [post_answer(api, session, participant, *VALID[2])[0] for _ in range(5)]
        assert codes[:3] == [201] * 3 and codes[3:] == [429, 429]
    finally:
        live.answer_limiter = saved


# -- hostile JSON (finding 4) -----------------------------------------------------------------

HOSTILE_BODIES = [
    b"[" * 4000,
    b"[" * 2000 + b"]" * 2000,
    b'{"a":' * 800 + b"1" + b"}" * 800,
    b'{"code": ' + b"[" * 1500 + b"]" * 1500 + b"}",
    b'{"code": "ABCDEFGH", "participant": 1' + b"0" * 400 + b"}",
    b'{"code": 1e999}',
    b'{"code": NaN}',
    b'{"code": -Infinity}',
    b'{"code": "\\ud800"}',
    b'\xef\xbb\xbf{"code": "ABCDEFGH"}',
    b'{"code": "ABC\x00DEF"}',
    b"",
    b"null",
    b'"string"',
    b"1" * 4000,
]


@pytest.mark.parametrize("raw", HOSTILE_BODIES, ids=range(len(HOSTILE_BODIES)))
@pytest.mark.parametrize("route", ["join", "answer"])
def test_hostile_json_gets_a_french_4xx(api, raw, route):
    status, data = call(api["base"], route, raw=raw)
    assert 400 <= status < 500, (status, data)
    assert_french(data.get("error", ""))


@pytest.mark.parametrize(
    "value",
    [
        int("9" * 300),
        -int("9" * 300),
        int("1" + "0" * 310),
        "9" * 300,
        "1e400",
        "-1e400",
        "1e-400",
        1e308,
        -1e308,
        5e-324,
        2.22507e-313,
        4e-07,
        -0.0,
        99.9999999,
        "NaN",
        "Infinity",
        "-inf",
        "0x10",
        "1_000",
        "٣",
        "４８",
        True,
        None,
        [48],
        {"v": 48},
    ],
)
def test_extreme_numbers_on_numeric_questions_are_4xx(unlimited, value):
    api = unlimited
    session, participant = joined(api)
    body = json.dumps(
        {
            "code": session.code,
            "participant": participant,
            "activity": NUMERIC[0],
            "question": NUMERIC[1],
            "answer": value,
        }
    ).encode()
    status, data = call(api["base"], "answer", raw=body)
    assert status < 500, (value, status, data)
    if status >= 400:
        assert_french(data.get("error", ""))
    for row in api["store"].export_rows(session.id):
        assert len(row["answer"]) <= 40 and row["answer"].lower() not in ("nan", "inf", "-inf")
    assert_no_invalid_rows(api["store"], session.id)  # what is stored validates again (no « 2.2e-313 »)


def test_load_json_refuses_what_python_would_choke_on():
    for raw in (b"[" * 100 + b"]" * 100, b"1" * 50, b"1e999", b"NaN", b"\xff"):
        with pytest.raises(BodyError):
            load_json(raw)
    assert load_json(b'{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}


# -- invisible text (finding 9) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\u200b",
        "\u202e\u202c",
        "\u2066\u2069\u2067",
        "\ufeff\u200d",
        "\u00a0 \u2009",
        "\u200e\u200f",
        " \t\n",
        "\u2060\u2061\u2062",
    ],
)
def test_invisible_free_text_is_refused_like_empty_text(unlimited, text):
    api = unlimited
    session, participant = joined(api)
    status, data = post_answer(api, session, participant, "text:mot-equipe", "answer", text)
    assert status == 422, data
    assert_french(data["error"])
    assert api["store"].export_rows(session.id) == []


# -- database outage (finding 11, at run time) ---------------------------------------------------


class FlakyStore:
    """Wraps a store; while ``down`` every call fails as an unreachable database would."""

    def __init__(self, store):
        self._store = store
        self.down = False

    def __getattr__(self, name):
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call_(*args, **kwargs):
            if self.down:
                time.sleep(0.05)
                raise sqlite3.OperationalError("unable to open database file")
            return attr(*args, **kwargs)

        return call_


def test_unreachable_database_gives_a_french_503_and_recovers(tmp_path):
    store = open_store(None, tmp_path)
    flaky = FlakyStore(store)
    base, live, stop = start_api(flaky)
    try:
        session = store.create_session("Panne")
        status, data = call(base, "join", {"code": session.code})
        assert status == 201
        participant = data["participant"]
        flaky.down = True
        start = time.monotonic()
        status, data = call(
            base,
            "answer",
            {
                "code": session.code,
                "participant": participant,
                "activity": "survey:cohesion",
                "question": "MSP",
                "answer": "close_knit",
            },
        )
        assert status == 503 and time.monotonic() - start < 5
        assert "indisponible" in data["error"] and "réessayez" in data["error"]
        assert call(base, "join", {"code": session.code})[0] == 503
        flaky.down = False
        assert (
            call(
                base,
                "answer",
                {
                    "code": session.code,
                    "participant": participant,
                    "activity": "survey:cohesion",
                    "question": "MSP",
                    "answer": "close_knit",
                },
            )[0]
            == 201
        )
    finally:
        stop()
        store.close()


# -- quick property-based fuzz of join and answer -----------------------------------------------

json_leaf = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**40, max_value=10**400)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=60)
)
json_values = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
activities = st.sampled_from(
    [a for a, _, _ in VALID]
    + ["quiz:x", "survey:", "text", "", "sorting:x", "case:x", "diagnosis:x", "ordering:x", "cpts_project:x"]
) | st.text(max_size=40)
questions = st.sampled_from([q for _, q, _ in VALID] + ["order", "missions", "CDS", "CPTS"]) | st.text(max_size=30)
answers = st.sampled_from([v for _, _, v in VALID] + ["\u202e", "=HYPERLINK(1)", "x" * 3000]) | json_values


@settings(max_examples=fuzz_examples(250), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    activity=activities,
    question=questions,
    value=answers,
    code=st.none() | st.text(max_size=12),
    participant=st.none() | st.text(max_size=70),
    use_real=st.booleans(),
    extra=st.dictionaries(st.text(max_size=8), json_values, max_size=3),
)
def test_fuzzed_answers_never_5xx_and_store_only_valid_rows(
    unlimited, activity, question, value, code, participant, use_real, extra
):

    api = unlimited
    if not hasattr(test_fuzzed_answers_never_5xx_and_store_only_valid_rows, "joined"):
        test_fuzzed_answers_never_5xx_and_store_only_valid_rows.joined = joined(api)
    session, real_participant = test_fuzzed_answers_never_5xx_and_store_only_valid_rows.joined
    body = {
        **extra,
        "activity": activity,
        "question": question,
        "answer": value,
        "code": session.code if use_real else code,
        "participant": real_participant if use_real else participant,
    }
    status, data = call(api["base"], "answer", body)
    assert status < 500, (body, status, data)
    if status >= 400:
        assert data.get("error")
    status, _ = call(api["base"], "join", {**extra, "code": code})
    assert status < 500
    assert_no_invalid_rows(api["store"], session.id)


def assert_no_invalid_rows(store, session_id) -> None:
    from pacte.live.kind_registry import canonical_answer
    from pacte.live.protocol import ProtocolError, parse_answer

    for row in store.export_rows(session_id):
        stored = row["answer"]
        original = json.loads(stored) if stored.startswith("[") else stored
        try:
            again = canonical_answer(
                parse_answer({"activity": row["activity"], "question": row["question"], "answer": original})
            )
        except ProtocolError as exc:
            pytest.fail(f"invalid row stored: {row} ({exc.message})")
        assert again == stored, row


@settings(max_examples=fuzz_examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    base=st.sampled_from(VALID),
    field=st.sampled_from(["code", "participant", "activity", "question", "answer"]),
    value=json_values,
)
def test_valid_answers_with_one_field_fuzzed(unlimited, base, field, value):
    api = unlimited
    if not hasattr(test_valid_answers_with_one_field_fuzzed, "joined"):
        test_valid_answers_with_one_field_fuzzed.joined = joined(api)
    session, participant = test_valid_answers_with_one_field_fuzzed.joined
    activity, question, answer = base
    body = {
        "code": session.code,
        "participant": participant,
        "activity": activity,
        "question": question,
        "answer": answer,
    }
    assert call(api["base"], "answer", body)[0] == 201
    body[field] = value
    status, data = call(api["base"], "answer", body)
    assert status < 500, (body, status, data)
    assert_no_invalid_rows(api["store"], session.id)
    assert api["store"].export_rows(session.id)


@settings(max_examples=fuzz_examples(80), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.binary(max_size=5000) | st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/json; charset=latin-1",
            "text/plain",
            "",
            "application/JSON",
            "multipart/form-data",
        ]
    ),
)
def test_fuzzed_raw_bodies_never_5xx(unlimited, raw, content_type):
    for route in ("join", "answer"):
        assert call(unlimited["base"], route, raw=raw, content_type=content_type)[0] < 500


def _rss_mib() -> float:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:")) / 1024


def test_sixteen_clients_sending_90_mb_do_not_grow_memory(api):
    """The audit's 16 x 90 MB took the server from 226 to 1 371 MB; now each gets a 413 after its first bytes."""
    import socket
    from concurrent.futures import ThreadPoolExecutor
    from urllib.parse import urlparse

    u = urlparse(api["base"])
    before = _rss_mib()

    def flood(route: str) -> bytes:
        chunk = b"[" * 65536
        with socket.create_connection((u.hostname, u.port), timeout=10) as s:
            s.sendall(
                f"POST /api/live/{route} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Content-Length: {90 * 1024 * 1024}\r\n\r\n".encode()
            )
            try:
                for _ in range(64):  # up to 4 MiB each, unless the server hangs up first
                    s.sendall(chunk)
            except OSError:
                pass
            try:
                return s.recv(200)
            except OSError:
                return b""

    with ThreadPoolExecutor(16) as pool:
        replies = list(pool.map(flood, ["answer", "join"] * 8))
    assert all(r.startswith(b"HTTP/1.1 413") or r == b"" for r in replies), replies
    assert sum(r.startswith(b"HTTP/1.1 413") for r in replies) >= 8
    assert _rss_mib() - before < 40
