"""``pacte serve`` against a hostile room (issue 26): closed activities, join codes, per-address limits."""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
import resource
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
from conftest import BUILD, ROOT, free_port, wait_for_http
from live_api_server import start_api
from tornado import httpserver, web
from tornado.ioloop import IOLoop

from pacte.connlimits import LimitedHTTPServer, raise_file_limit
from pacte.course.prompts import live_prompts
from pacte.kernel_manager import CappedKernelManager
from pacte.kernels import (
    REQUESTER,
    TRAINER,
    KernelCapReached,
    cap_page,
    kernel_argv,
    quota_refusal,
    requester,
    trainer_reserve,
)
from pacte.live import limits
from pacte.live.api import LiveContext, live_handlers
from pacte.live.guessing import GuessLimiter
from pacte.live.kind_registry import canonical_answer, panel
from pacte.live.protocol import ProtocolError, parse_answer
from pacte.live.stage import build_summary
from pacte.live.store import ActivityClosed, open_store
from pacte.live.trainer_auth import same_origin
from pacte.live.trainer_page import trainer_page_handlers
from pacte.security import (
    TRAINER_COOKIE,
    client_key,
    fold_text,
    mask_secrets,
    redact_url,
    redacting_log_function,
    trainer_cookie_value,
)
from pacte.server import ServeOptions, serve
from pacte.startup import StartupError, check_port, check_trainer_token, open_store_or_explain

TOKEN = "jeton-de-test-du-formateur-0123456789"


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


# -- finding 1: connections and event streams per address, the open-file limit --------------------


def start_limited(store, live=None, **server_options):
    """The live API on a free loopback port behind :class:`LimitedHTTPServer`: (base URL, live, server, stop)."""
    live = live or LiveContext(store, workers=4)
    ready = threading.Event()
    holder: dict = {}

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        server = LimitedHTTPServer(web.Application(live_handlers("/api/live", live)), **server_options)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)
        sock.setblocking(False)
        server.add_sockets([sock])
        holder.update(loop=IOLoop.current(), server=server, port=sock.getsockname()[1])
        ready.set()
        IOLoop.current().start()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(10)

    def stop():
        live.hub.stop()
        holder["loop"].add_callback(holder["loop"].stop)
        thread.join(5)

    return f"http://127.0.0.1:{holder['port']}/api/live/", live, holder["server"], stop


def idle_connections(port: int, n: int, source: str) -> list[socket.socket]:
    """``n`` TCP connections from ``source`` that never send anything."""
    out = []
    for _ in range(n):
        sock = socket.socket()
        sock.settimeout(10)
        sock.bind((source, 0))
        sock.connect(("127.0.0.1", port))
        out.append(sock)
    return out


def refused(sock: socket.socket) -> bool:
    """True when the server answered 503 on this connection and closed it."""
    sock.settimeout(5)
    try:
        return sock.recv(4096).startswith(b"HTTP/1.1 503")
    except TimeoutError:
        return False


def test_one_address_cannot_hold_more_than_its_share_of_connections(tmp_path):
    store = open_store(None, tmp_path)
    base, live, server, stop = start_limited(store, max_per_address=20)
    port = urlsplit(base).port
    held = idle_connections(port, 30, "127.0.0.2")
    try:
        answers = [refused(s) for s in held[20:]]
        assert all(answers), answers
        assert server.connections.held("127.0.0.2") == 20
        session = store.create_session("Salle")
        assert fetch(base + "join", "POST", {"code": session.code}, "127.0.0.3")[0] == 201
    finally:
        for sock in held:
            sock.close()
        stop()
        store.close()


def test_gets_are_budgeted_per_address_and_streams_capped(tmp_path):
    store = open_store(None, tmp_path)
    base, live, server, stop = start_limited(store, get_budget=(5, 0.001))
    live.streams.limit = 1
    try:
        statuses = [fetch(base + "status", source="127.0.0.4")[0] for _ in range(7)]
        assert statuses == [200] * 5 + [429] * 2
        status, data = fetch(base + "status", source="127.0.0.4")
        assert status == 429 and "adresse" in data["error"]
        assert fetch(base + "status", source="127.0.0.5")[0] == 200
        assert fetch(base + "status", source="127.0.0.1")[0] == 200  # the trainer's machine is exempt
        session = store.create_session("Salle")
        people = [fetch(base + "join", "POST", {"code": session.code}, "127.0.0.6")[1]["participant"] for _ in range(2)]
        sock = socket.create_connection(("127.0.0.1", urlsplit(base).port), source_address=("127.0.0.6", 0))
        sock.sendall(
            f"GET /api/live/events?code={session.code}&participant={people[0]} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
        )
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        status, data = fetch(base + f"events?code={session.code}&participant={people[1]}", source="127.0.0.6")
        assert status == 429 and "flux" in data["error"]
        sock.close()
    finally:
        stop()
        store.close()


def test_file_limit_is_raised_from_soft_to_hard():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
        raised, warning = raise_file_limit(wanted=128)
        assert raised == resource.getrlimit(resource.RLIMIT_NOFILE)[0] == hard and warning is None
        _, warning = raise_file_limit(wanted=hard + 1 if hard != resource.RLIM_INFINITY else 2**62)
        if hard != resource.RLIM_INFINITY:
            assert warning and "ulimit -n" in warning and "\u00a0:" in warning
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def lower_file_limit():
    """In the server's child process: 1 024 open files, soft and hard (the server cannot raise it)."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))


@pytest.mark.slow  # a server subprocess (tests/connlimits_serve.py)
def test_1100_idle_connections_with_1024_files_leave_other_trainees_served(tmp_path):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 3000:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))  # the attacker needs the sockets
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "connlimits_serve.py"), str(port), str(tmp_path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            preexec_fn=lower_file_limit,
        )
    held: list[socket.socket] = []
    try:
        code = proc.stdout.readline().decode().strip()
        assert len(code) == 8, log.read_text()
        base = f"http://127.0.0.1:{port}/api/live/"
        held += idle_connections(port, 1100, "127.0.0.2")
        status, joined = fetch(base + "join", "POST", {"code": code}, "127.0.0.3")
        assert status == 201
        # Four more addresses with 250 idle connections each: past the file limit, heavy holders wait.
        for source in ("127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"):
            held += idle_connections(port, 250, source)
        status, joined = fetch(base + "join", "POST", {"code": code}, "127.0.0.8")
        assert status == 201
        body = {"code": code, "participant": joined["participant"], "activity": "text:mot-equipe"}
        status, _ = fetch(base + "answer", "POST", {**body, "question": "answer", "answer": "Soudée"}, "127.0.0.8")
        assert status == 201
        text = log.read_text()
        assert "ulimit -n" in text and "1\u00a0024" in text  # the French warning at startup
        assert "Traceback" not in text and len(text) < 20_000, text[-2000:]
    finally:
        for sock in held:
            sock.close()
        proc.kill()
        proc.wait(10)


# -- finding 4: nobody can take every Voilà kernel ----------------------------------------------------


def test_twelve_anonymous_views_leave_the_trainers_view_available():
    cap, reserve, per_address = 12, 2, 2
    running, refusals = 0, []
    for _ in range(12):  # twelve anonymous page requests, from one address
        reason = quota_refusal("10.0.0.9", running, min(running, 12), cap, per_address, reserve)
        refusals.append(reason)
        running += reason is None
    assert refusals == [None, None] + ["address"] * 10
    for i in range(12):  # from twelve addresses
        reason = quota_refusal(f"10.0.1.{i}", running, 0, cap, per_address, reserve)
        running += reason is None
    assert running == cap - reserve
    assert quota_refusal(TRAINER, running, 0, cap, per_address, reserve) is None
    assert quota_refusal(TRAINER, cap, 0, cap, per_address, reserve) == "server"
    assert quota_refusal(None, running, 0, cap, per_address, reserve) is None  # a pool filling itself


def test_requester_is_the_trainer_by_cookie_or_this_machine():
    class Request:
        def __init__(self, ip):
            self.remote_ip = ip

    class Handler:
        pacte_token = TOKEN

        def __init__(self, ip, cookie=None):
            self.request, self.cookie = Request(ip), cookie

        def get_cookie(self, name):
            return self.cookie if name == TRAINER_COOKIE else None

    assert requester(Handler("127.0.0.1")) == TRAINER
    assert requester(Handler("10.0.0.5", trainer_cookie_value(TOKEN))) == TRAINER
    assert requester(Handler("10.0.0.5", "forged")) == "10.0.0.5"
    assert requester(Handler("2001:db8::7")) == "2001:db8::/64"
    page = cap_page("modules/x/page.ipynb", 2, "address")
    assert "Vous avez déjà 2\u00a0vues interactives" in page and 'href="/modules/x/page.html"' in page


def test_kernel_manager_refuses_before_starting_anything():
    async def scenario():
        manager = CappedKernelManager(max_kernels=3, trainer_reserve=2, per_address=1)
        mark = REQUESTER.set("10.0.0.7")
        try:
            first = await manager.start_kernel(kernel_name="python3")
            assert manager.held_by("10.0.0.7") == 1
            with pytest.raises(KernelCapReached) as again:
                await manager.start_kernel(kernel_name="python3")
            assert again.value.args == (1, "address")
            REQUESTER.set("10.0.0.8")  # the anonymous share (3 - 2) is used: the rest is the trainer's
            with pytest.raises(KernelCapReached) as other:
                await manager.start_kernel(kernel_name="python3")
            assert other.value.args == (3, "server") and len(manager.list_kernel_ids()) == 1
            await manager.shutdown_kernel(first, now=True)
            assert manager.held_by("10.0.0.7") == 0
        finally:
            REQUESTER.reset(mark)
            await manager.shutdown_all(now=True)

    # A thread of its own: a worker that already ran a browser test has Playwright's loop running here.
    errors: list[BaseException] = []
    runner = threading.Thread(target=lambda: _run_collecting(scenario, errors))
    runner.start()
    runner.join(timeout=300)
    assert not runner.is_alive(), "the kernel scenario did not end"
    if errors:
        raise errors[0]


def _run_collecting(scenario, errors: list[BaseException]) -> None:
    try:
        asyncio.run(scenario())
    except BaseException as exc:  # re-raised in the test's thread
        errors.append(exc)


def test_a_small_kernel_cap_still_leaves_one_view_for_the_room():
    assert [trainer_reserve(n) for n in (0, 1, 2, 3, 12)] == [0, 0, 1, 2, 2]
    assert "--CappedKernelManager.trainer_reserve=2" in kernel_argv(0, {}, 12, 600, 31)


# -- finding 6: hiding folds spellings, blank-looking answers are refused -----------------------------

WORDCLOUD = next(ref for ref, p in live_prompts().items() if p["kind"] == "wordcloud")


def test_hiding_a_word_hides_its_variants():
    variants = {
        "Nul": 3,
        "n\u200bul": 1,  # zero-width space
        "\u039dul": 1,  # Greek capital Nu
        "n\u0443l": 1,  # Cyrillic у looks like y: « nyl », another word
        "\uff2e\uff35\uff2c": 1,  # full-width
        "n u l": 1,  # spaced letters
        "N.U.L": 1,
        "nül": 1,
        "Bien": 2,
    }
    shown = panel("wordcloud", WORDCLOUD, "answer", variants, ["nul"])
    words = {w["text"]: (w["count"], w["hidden"]) for w in shown["words"]}
    assert words["Nul"] == (9, True)  # every spelling counted once under the first, and hidden
    assert words["Bien"] == (2, False) and words["n\u0443l"] == (1, False)
    assert fold_text("\u0421\u043el") == fold_text("Col") == "col"  # Cyrillic С, о
    stage_words = [w["text"] for w in shown["words"] if not w["hidden"]]
    assert "Nul" not in stage_words


@pytest.mark.parametrize(
    "text", ["\u3164", "\u2800\u2800", "\u115f", "\u1160", "\uffa0", "...", "!!!", "\u200b-\u200b", "\u3164 ?"]
)
def test_free_text_with_no_visible_letter_or_digit_is_refused(text):
    answer = parse_answer(
        {"code": "ABCDEFGH", "participant": "p-12345678", "activity": f"wordcloud:{WORDCLOUD}", "question": "answer"}
        | {"answer": text}
    )
    with pytest.raises(ProtocolError) as refused:
        canonical_answer(answer)
    assert refused.value.message == "Réponse vide."
    ok = parse_answer(
        {"code": "ABCDEFGH", "participant": "p-12345678", "activity": f"wordcloud:{WORDCLOUD}", "question": "answer"}
        | {"answer": "  Très\u00a0soudée 2 "}
    )
    assert canonical_answer(ok) == "Très soudée 2"


# -- finding 6: tokens, logs, startup messages, origin ------------------------------------------------


@pytest.mark.parametrize(
    "token", ["a", "motdepasse", "aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abcabcabcabcabcabcabcabc", "é" * 30]
)
def test_weak_trainer_tokens_are_refused_at_startup_in_french(token):
    with pytest.raises(StartupError) as refused:
        check_trainer_token(token)
    assert "--trainer-token" in str(refused.value) and "\u00a0:" in str(refused.value)
    check_trainer_token(None)  # drawn at random
    check_trainer_token(TOKEN)


def test_a_weak_token_stops_pacte_serve_before_anything(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PACTE_DATA_DIR", str(tmp_path))
    assert serve(ServeOptions(port=free_port(), trainer_token="a")) == 2
    err = capsys.readouterr().err
    assert err.startswith("pacte serve\u00a0: le jeton du formateur doit compter") and "a\n" not in err


def test_port_in_use_is_said_in_french():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        with pytest.raises(StartupError) as refused:
            check_port("127.0.0.1", port)
    assert f"le port {port} est déjà utilisé" in str(refused.value) and "--port" in str(refused.value)
    check_port("127.0.0.1", free_port())


def test_wrong_tokens_are_limited_per_address_and_never_logged(tmp_path, caplog):
    store = open_store(None, tmp_path)
    live = LiveContext(store, workers=2, trainer_token=TOKEN)
    saved = limits.TOKEN_ATTEMPTS.failures
    limits.TOKEN_ATTEMPTS.failures = limits.RateLimiter(limit=3, window=60)
    ready, holder = threading.Event(), {}

    def run():
        asyncio.set_event_loop(asyncio.new_event_loop())
        app = web.Application(trainer_page_handlers("/", live), log_function=redacting_log_function(None))
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        sock.setblocking(False)
        server = httpserver.HTTPServer(app)
        server.add_sockets([sock])
        holder.update(loop=IOLoop.current(), port=sock.getsockname()[1])
        ready.set()
        IOLoop.current().start()

    threading.Thread(target=run, daemon=True).start()
    assert ready.wait(10)
    base = f"http://127.0.0.1:{holder['port']}/formateur/"
    try:
        with caplog.at_level(logging.INFO, logger="tornado.access"):
            statuses = [fetch(base + f"?token=devine-{i}-0123456789abcdef", source="127.0.0.9")[0] for i in range(5)]
            assert statuses == [403, 403, 403, 429, 429]
            # The right token from that address waits too; another address and the trainer's machine do not.
            assert fetch(base + f"?token={TOKEN}", source="127.0.0.9")[0] == 429
            assert fetch(base + f"?token={TOKEN}", source="127.0.0.10")[0] == 303
            assert fetch(base + "?token=faux-0123456789abcdef", source="127.0.0.1")[0] == 403
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "token=***" in logged and "devine" not in logged and TOKEN not in logged and "faux" not in logged
    finally:
        limits.TOKEN_ATTEMPTS.failures = saved
        holder["loop"].add_callback(holder["loop"].stop)
        store.close()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:s3cr3t@[::1/db",
        "postgresql:/u:s3cr3t@h/db",
        "postgresql://u:p@ss:s3cr3t@127.0.0.1:1/db",
        "postgresql://u:s3cr3t@host name/db",
        "postgresql://u@127.0.0.1:1/db?password=s3cr3t&x",
    ],
)
def test_a_malformed_database_url_never_prints_its_password(url, tmp_path):
    assert "s3cr3t" not in redact_url(url) and "s3cr3t" not in mask_secrets(f"in URI: {url!r}")
    try:
        open_store_or_explain(url, tmp_path)
    except StartupError as exc:
        assert "s3cr3t" not in str(exc) and "p@ss" not in str(exc)


def test_the_origin_check_compares_the_scheme_too():
    class Request:
        protocol, host = "https", "cours.example.org"

        def __init__(self, origin):
            self.headers = {"Origin": origin}

    class Handler:
        live = None

        def __init__(self, origin):
            self.request = Request(origin)

    assert same_origin(Handler("https://cours.example.org"))
    assert not same_origin(Handler("http://cours.example.org"))
    assert not same_origin(Handler("ftp://cours.example.org"))


# -- finding 6: the summary is rebuilt incrementally -----------------------------------------------------


class CountingStore:
    """A real store that counts the calls the summary makes to it."""

    def __init__(self, store):
        self.store, self.calls = store, Counter()

    def __getattr__(self, name):
        attr = getattr(self.store, name)
        if not callable(attr):
            return attr

        def counted(*args, **kwargs):
            self.calls[name] += 1
            return attr(*args, **kwargs)

        return counted


def panel_of(summary: dict, kind: str) -> dict:
    """The panel of the one activity of ``kind`` in a summary."""
    return next(a["panel"] for a in summary["activities"] if a["kind"] == kind)


def test_the_summary_reads_and_draws_again_only_what_changed(store):
    session = store.create_session("Salle")
    cloud = f"wordcloud:{WORDCLOUD}"
    people = [store.add_participant(session.id) for _ in range(30)]
    for i, who in enumerate(people):
        store.record_answer(session.id, who, cloud, "answer", f"mot {i}")
    counting = CountingStore(store)
    first = build_summary(counting, session, time.time(), "http://x/")
    assert counting.calls["aggregate"] == 0 and counting.calls["aggregate_of"] == 1
    store.record_answer(session.id, people[0], "survey:cohesion", "MSP", "close_knit")
    second = build_summary(counting, session, time.time(), "http://x/")
    assert counting.calls["aggregate_of"] == 2  # the survey only: the cloud was not read again…
    assert panel_of(second, "wordcloud") is panel_of(first, "wordcloud")  # …nor drawn again
    # Changes of every sort reach the summary: a changed answer, a hidden entry, a reset.
    store.record_answer(session.id, people[1], cloud, "answer", "mot 0")
    store.set_hidden_answer(session.id, cloud, "answer", "mot 2", True)
    third = build_summary(counting, session, time.time(), "http://x/")
    words = {w["text"]: (w["count"], w["hidden"]) for w in panel_of(third, "wordcloud")["words"]}
    assert words["mot 0"] == (2, False) and words["mot 2"] == (1, True) and "mot 1" not in words
    store.start_round(session.id, "survey:cohesion", ["MSP"])  # a reset: round 2 starts empty
    fourth = build_summary(counting, session, time.time(), "http://x/")
    fresh = build_summary(store, session, time.time(), "http://x/")  # same result as reading everything
    assert fourth["activities"] == fresh["activities"]
    survey = next(a for a in fourth["activities"] if a["kind"] == "survey")
    assert survey["round"] == 2 and [r["round"] for r in survey["rounds"]] == [1]


@pytest.mark.slow  # a server subprocess (tests/connlimits_serve.py)
def test_out_of_files_the_accept_loop_pauses_and_logs_one_line(tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "connlimits_serve.py"), str(port), str(tmp_path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64)),
        )
    held: list[socket.socket] = []
    try:
        code = proc.stdout.readline().decode().strip()
        assert len(code) == 8, log.read_text()
        for n in range(10):  # light holders only (7 each): the fair share does not refuse them
            held += idle_connections(port, 7, f"127.0.0.{20 + n}")
        time.sleep(3)  # the server is out of files meanwhile
        text = log.read_text()
        assert 1 <= text.count("out of open files") <= 2 and "Traceback" not in text, text[-3000:]
        for sock in held:
            sock.close()
        held = []
        status, _ = fetch(f"http://127.0.0.1:{port}/api/live/join", "POST", {"code": code}, "127.0.0.3")
        assert status == 201
    finally:
        for sock in held:
            sock.close()
        proc.kill()
        proc.wait(10)


def get_page(url: str, source: str) -> tuple[int, str]:
    """(status, text) of a GET sent from ``source`` (a loopback address: 127.0.0.1 is the trainer's machine)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300, source_address=(source, 0))
    try:
        conn.request("GET", parts.path)
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.mark.slow
def test_twelve_anonymous_voila_requests_leave_the_trainers_view_available(built_book, tmp_path):
    pages = sorted(p for p in (BUILD / "voila" / "modules").rglob("*.ipynb"))
    if len(pages) < 2:
        pytest.fail("the Voilà notebooks are not built: run `pacte build` first")
    views = [str(p.relative_to(BUILD / "voila")) for p in pages[:2]]
    port = free_port()
    args = ["serve", "--port", str(port), "--trainer-token", TOKEN, "--data-dir", str(tmp_path / "live")]
    args += ["--max-kernels", "3", "--kernel-idle", "600"]
    with (tmp_path / "serve.log").open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "pacte.cli", *args], cwd=ROOT, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(base + "api/live/status")
        statuses = [get_page(base + f"voila/render/{views[0]}", f"127.0.0.{2 + i % 6}")[0] for i in range(12)]
        # 3 kernels, 2 kept for the trainer: one anonymous view, then a French 503 for the others.
        assert statuses.count(200) == 1 and statuses.count(503) == 11, statuses
        status, body = get_page(base + f"voila/render/{views[1]}", "127.0.0.1")
        assert status == 200, body[:300]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
