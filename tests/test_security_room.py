"""``pacte serve`` against a hostile room (issue 26): closed activities, join codes, per-address limits."""

from __future__ import annotations

import http.client
import json
from collections import Counter
from urllib.parse import urlsplit

import pytest
from live_api_server import start_api

from pacte.live.guessing import GuessLimiter
from pacte.live.store import ActivityClosed, open_store
from pacte.security import client_key


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


# -- findings 2 and 3: wrong join codes are limited per address and per code, never globally -------


def fetch(url: str, method: str = "GET", body: dict | None = None, source: str = "127.0.0.1") -> tuple[int, dict]:
    """(status, JSON body) of one request sent from the loopback address ``source`` (127.0.0.x)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20, source_address=(source, 0))
    try:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if data is not None else {}
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), data, headers)
        resp = conn.getresponse()
        payload = resp.read()
        return resp.status, json.loads(payload) if payload.startswith(b"{") else {}
    finally:
        conn.close()


def wrong_codes(n: int, salt: int = 0) -> list[str]:
    """``n`` distinct well-formed codes that no session has (the store's codes are random)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    out = []
    for i in range(salt, salt + n):
        digits = []
        for _ in range(4):
            i, r = divmod(i, len(alphabet))
            digits.append(alphabet[r])
        out.append("ZZZZ" + "".join(digits))
    return out


@pytest.fixture
def api(tmp_path):
    store = open_store(None, tmp_path)
    base, live, stop = start_api(store)
    yield {"base": base, "store": store, "live": live}
    stop()
    store.close()


def test_300_wrong_codes_from_15_addresses_lock_nobody_else_out(api):
    session = api["store"].create_session("Salle")
    attackers = [f"127.0.0.{i}" for i in range(2, 17)]
    statuses = Counter()
    for n, source in enumerate(attackers):
        for code in wrong_codes(20, salt=n * 20):
            statuses[fetch(api["base"] + "join", "POST", {"code": code}, source)[0]] += 1
    assert statuses == {404: 300}
    # Each attacker is now held back…
    status, data = fetch(api["base"] + "join", "POST", {"code": session.code}, attackers[0])
    assert status == 429 and "adresse" in data["error"]
    # …but every other address, the trainer's machine included, still joins.
    for source in ("127.0.0.1", "127.0.0.40", "127.0.0.41"):
        assert fetch(api["base"] + "join", "POST", {"code": session.code}, source)[0] == 201


def test_200_wrong_codes_through_stage_and_events_from_one_address_get_429(api):
    session = api["store"].create_session("Salle")
    statuses = [fetch(api["base"] + f"stage?code={code}", source="127.0.0.3")[0] for code in wrong_codes(200)]
    assert statuses[:20] == [404] * 20 and set(statuses[20:]) == {429}
    # The stream and the answer endpoint count the same failures, for the same address only.
    participant = "p" * 22
    assert (
        fetch(api["base"] + f"events?code={wrong_codes(1, 500)[0]}&participant={participant}", source="127.0.0.3")[0]
        == 429
    )
    assert fetch(api["base"] + f"stage?code={session.code}", source="127.0.0.4")[0] == 200
    for code in wrong_codes(20, 600):
        fetch(api["base"] + f"events?code={code}&participant={participant}", source="127.0.0.5")
    assert fetch(api["base"] + f"stage?code={session.code}", source="127.0.0.5")[0] == 429


def test_a_page_asking_again_for_one_closed_code_is_not_guessing(api):
    session = api["store"].create_session("Salle")
    gone = wrong_codes(1, 900)[0]
    statuses = {fetch(api["base"] + f"stage?code={gone}", source="127.0.0.6")[0] for _ in range(30)}
    assert statuses == {404}
    assert fetch(api["base"] + f"stage?code={session.code}", source="127.0.0.6")[0] == 200


def test_one_code_hammered_from_many_addresses_is_refused_per_code():
    limiter = GuessLimiter(per_address=20, per_code=5)
    for i in range(5):
        assert not limiter.refused(f"10.0.0.{i}", "ZZZZZZZZ", now=0)
        limiter.failed(f"10.0.0.{i}", "ZZZZZZZZ", now=0)
    assert limiter.refused("10.0.0.99", "ZZZZZZZZ", now=1)
    assert not limiter.refused("10.0.0.99", "ABCDEFGH", now=1)
    assert not limiter.refused("10.0.0.99", "ZZZZZZZZ", now=61)


def test_an_ipv6_client_is_limited_by_its_network():
    limiter = GuessLimiter(per_address=3)
    for i, code in enumerate(wrong_codes(3)):
        limiter.failed(f"2001:db8:1:2::{i + 1:x}", code, now=0)
    assert limiter.refused("2001:db8:1:2:ffff::9", "ABCDEFGH", now=1)
    assert not limiter.refused("2001:db8:1:3::1", "ABCDEFGH", now=1)
    assert client_key("::ffff:10.1.2.3") == "10.1.2.3" and client_key("::1") == "::1"
