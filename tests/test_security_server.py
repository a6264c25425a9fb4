"""`pacte serve` in front of a room: the trainer's pages and kernels need the token however they are named,
bodies are refused before they are read, every response carries the security headers, odd URLs are 4xx.

The trainer's dashboard is the kernel-less page ``/formateur/``. Voilà's ``formateur/`` folder stays denied
by default to anyone without the token: a probe notebook with code is put there for these tests (the book
has none), so a missing guard would serve it (200 with its marker) and the tests would fail."""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
from urllib.parse import urlparse

import pytest
from conftest import BUILD, TRAINER_TOKEN, WORKER

from pacte.security import trainer_cookie_value

NAME = f"sonde-formateur{WORKER}.ipynb"  # one per xdist worker: each has its own server and probe
PROBE_PATH = f"/voila/render/formateur/{NAME}"  # the probe: any notebook of Voilà's trainer folder
MARKER = b"pacte-trainer-probe"  # its code's output
PROBE_TITLE = b"Sonde du dossier formateur"
PROBE = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "# Sonde du dossier formateur"},
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": "print('pacte-trainer-' + 'probe')",
        },
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}
BYPASS_PATHS = [
    PROBE_PATH,
    f"/voila/render/%66ormateur/{NAME}",
    f"/voila/render/formateur%2f{NAME}",
    f"/voila/render/formateur%2F{NAME}",
    f"/voila/render/./formateur/{NAME}",
    f"/voila/render//formateur/{NAME}",
    f"/voila/render///formateur//{NAME}",
    f"/voila/render/modules/../formateur/{NAME}",
    f"/voila/render/modules/%2e%2e/formateur/{NAME}",
    f"/voila/render/%2e/formateur/{NAME}",
    f"/voila/render/%2566ormateur/{NAME}",
    f"/voila/render/%252566ormateur/{NAME}",
    f"/voila/render/formateur%5c{NAME}",
    f"/voila/render/formateur%5C{NAME}",
    f"/voila/render/FORMATEUR/{NAME}",
    f"/voila/render/Formateur/{NAME}",
    f"/voila/render/formateur;x=1/{NAME}",
    f"/voila/render/formateur/{NAME};x=1",
    f"/voila/render/formateur./{NAME}",
    f"/voila/render/formateur/{NAME}/",
    f"/voila/render/formateur/{NAME}.",
    f"/voila/render/formateur/./{NAME}",
    "/voila/render/formateur/",
    "/voila/render/formateur",
    f"/voila/render/%EF%BD%86ormateur/{NAME}",
    f"/voila/render/formateur/{NAME}?token=",
    f"/voila/render/formateur/{NAME}?token=wrong",
    f"/voila/render/formateur/{NAME}?token=%C3%A9",
    f"/voila/render/formateur/{NAME}?token=%FF",
    f"/voila/render/formateur/{NAME}?TOKEN={TRAINER_TOKEN}",
    f"/voila/render/modules/../formateur/{NAME}?token=%00",
    "/voila/tree/formateur",
    f"/voila/tree/formateur/{NAME}",
    "/voila/tree/%66ormateur",
    f"/voila/files/formateur/{NAME}",
    f"/voila/files/%66ormateur/{NAME}",
    f"/voila/files/modules/../formateur/{NAME}",
    f"/voila/static/../formateur/{NAME}",
    f"/voila/static/%2e%2e/formateur/{NAME}",
    f"/voila/static/..%2f..%2fformateur/{NAME}",
    f"/voila/api/contents/formateur/{NAME}",
    "/voila/api/contents/formateur",
    f"/voila/templates/pacte/static/../../formateur/{NAME}",
    f"/formateur/{NAME}",
    f"/voila/formateur/{NAME}",
    f"/api/contents/formateur/{NAME}",
]


@pytest.fixture(scope="module", autouse=True)
def trainer_probe(pacte_server):
    """A notebook with code in Voilà's ``formateur/`` folder for the duration of this module."""
    folder = BUILD / "voila" / "formateur"
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / NAME
    probe.write_text(json.dumps(PROBE), encoding="utf-8")
    yield probe
    probe.unlink(missing_ok=True)


def request(
    base: str, method: str, path: str, headers: dict | None = None, body: bytes | None = None, timeout: float = 30
):
    """One raw request, path sent as is (no client-side normalisation)."""
    u = urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None and "Content-Length" not in (headers or {}):
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def trainer_cookie() -> dict:
    return {"Cookie": f"pacte_trainer={trainer_cookie_value(TRAINER_TOKEN)}"}


@pytest.mark.parametrize("path", BYPASS_PATHS, ids=lambda path: path.replace(NAME, "sonde"))  # same ids in every worker
def test_trainer_notebooks_are_refused_however_they_are_spelled(pacte_server, path):
    status, headers, body = request(pacte_server, "GET", path)
    assert status in (400, 403, 404), (path, status)
    assert MARKER not in body and PROBE_TITLE not in body
    assert "pacte_trainer" not in headers.get("Set-Cookie", "")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_other_methods_on_the_dashboard_are_refused(pacte_server, method):
    status, _, body = request(pacte_server, method, f"/voila/render/%66ormateur/{NAME}", body=b"")
    assert status in (403, 404, 405) and PROBE_TITLE not in body


def test_token_moves_to_an_httponly_strict_cookie_and_the_url_is_cleaned(pacte_server):
    status, headers, _ = request(pacte_server, "GET", f"{PROBE_PATH}?a=1&token={TRAINER_TOKEN}&b=2")
    assert status == 303
    assert headers["Location"] == f"{PROBE_PATH}?a=1&b=2"
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert TRAINER_TOKEN not in cookie
    assert headers["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin")


@pytest.mark.parametrize(
    "cookie",
    ["%C3%A9", "é".encode().decode("latin-1"), "", "x" * 5000, trainer_cookie_value("another-token"), TRAINER_TOKEN],
)
def test_bad_cookies_are_refused_without_error(pacte_server, cookie):
    for path in (PROBE_PATH, "/formateur/", "/formateur/static/dashboard.js"):
        status, _, body = request(pacte_server, "GET", path, headers={"Cookie": f"pacte_trainer={cookie}"})
        assert status in (400, 403), (path, status)
        assert PROBE_TITLE not in body and b"dashboard.js" not in body and b"import" not in body


@pytest.fixture(scope="module")
def probe_kernel(pacte_server) -> str:
    """The kernel of the probe notebook, opened with the trainer's cookie (so the guard lets it through)."""
    status, _, body = request(pacte_server, "GET", PROBE_PATH, headers=trainer_cookie(), timeout=180)
    assert status == 200, status
    assert PROBE_TITLE in body  # the probe is served: without the cookie, the refusals above are the guard's
    match = re.search(rb'kernelId"?\s*:\s*"([0-9a-f-]{36})"', body)
    assert match, "no kernel id in the probe page"
    return match.group(1).decode()


WS_HEADERS = {
    "Connection": "Upgrade",
    "Upgrade": "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


@pytest.mark.parametrize(
    "method,path,ws",
    [
        ("GET", "/api/kernels/{k}", False),
        ("DELETE", "/api/kernels/{k}", False),
        ("GET", "/api/kernels/{k}/channels", False),
        ("GET", "/api/kernels/{k}/channels", True),
        ("GET", "/voila/query/{k}", True),
        ("POST", "/voila/api/shutdown/{k}", False),
        ("GET", "/voila/execution/{k}", True),
    ],
)
def test_the_probe_kernel_needs_the_token(pacte_server, probe_kernel, method, path, ws):
    headers = dict(WS_HEADERS) if ws else {}
    headers["Origin"] = pacte_server.rstrip("/")
    status, _, _ = request(
        pacte_server,
        method,
        path.format(k=probe_kernel),
        headers=headers,
        body=b"" if method in ("POST", "DELETE") else None,
    )
    assert status in (403, 404), (method, path, status)
    # With the cookie the kernel is there (so the 403 above was the guard, not a missing kernel).
    status, _, _ = request(pacte_server, "GET", f"/api/kernels/{probe_kernel}", headers=trainer_cookie())
    assert status == 200


DASHBOARD_FILES = [
    "dashboard.js",
    "dashboard_logic.js",
    "dashboard_panels.js",
    "dashboard_projection.js",
    "projection_fit.js",
    "dashboard.css",
    "projection.css",
    "vendor/qrcode.mjs",
]


@pytest.mark.parametrize(
    "path",
    [
        "/formateur/",
        "/formateur/index.html",
        "/formateur/?token=wrong",
        "/formateur/?TOKEN=" + TRAINER_TOKEN,
        "/%66ormateur/",
        "/FORMATEUR/",
        *[f"/formateur/static/{f}" for f in DASHBOARD_FILES],
        "/formateur/static/../index.html",
        "/formateur/static/%2e%2e/index.html",
        "/api/live/trainer/sessions",
        "/api/live/trainer/catalogue",
    ],
)
def test_the_dashboard_page_and_its_api_need_the_token(pacte_server, path):
    status, headers, body = request(pacte_server, "GET", path)
    assert status in (400, 403, 404), (path, status)
    assert b"dashboard.js" not in body and b"qrcode" not in body and b"sessions" not in body
    assert "pacte_trainer" not in headers.get("Set-Cookie", "")


def test_the_dashboard_token_moves_to_a_cookie_and_the_page_loads_its_files(pacte_server):
    status, headers, _ = request(pacte_server, "GET", f"/formateur/?projection=1&token={TRAINER_TOKEN}")
    assert status == 303 and headers["Location"] == "/formateur/?projection=1"
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TRAINER_TOKEN not in cookie
    status, headers, body = request(pacte_server, "GET", "/formateur/", headers=trainer_cookie())
    assert status == 200 and b'src="static/dashboard.js"' in body
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline' 'unsafe-eval" not in policy
    for name in DASHBOARD_FILES:
        status, headers, body = request(pacte_server, "GET", f"/formateur/static/{name}", headers=trainer_cookie())
        assert status == 200 and body, name
        expected = "text/css" if name.endswith(".css") else "javascript"
        assert expected in headers["Content-Type"], (name, headers["Content-Type"])
    # The shared modules the dashboard imports (../../pacte/static/… from /formateur/static/) are served.
    status, headers, _ = request(pacte_server, "GET", "/pacte/static/dom.js")
    assert status == 200 and "javascript" in headers["Content-Type"]


def test_trainee_pages_still_open_without_token(pacte_server):
    status, headers, body = request(pacte_server, "GET", "/", timeout=60)
    assert status == 200 and "default-src 'self'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/logout",
        "/login",
        "/voila/templates/x",
        "/voila/templates/pacte/x",
        "/voila/templates/pacte/nope/x.js",
        "/voila/templates/../../etc/passwd",
        "/voila/templates/%00/static/x",
        "/voila/templates//static/",
        "/voila/api/themes/x",
        "/voila/render/",
        "/voila/render/nope.ipynb",
        "/voila/render/%ff.ipynb",
        "/voila/files/",
        "/voila/static/",
        "/api/kernels",
        "/api/sessions",
        "/api/contents",
        "/api/terminals",
        "/api/live/",
        "/api/live/nope",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%5c..%5cetc/passwd",
        "/index.html%00",
    ],
)
def test_odd_urls_are_4xx_not_500(pacte_server, path):
    status, headers, _ = request(pacte_server, "GET", path)
    assert 300 <= status < 500, (path, status)
    assert headers.get("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/genindex.html",
        "/_static/pacte.css",
        "/pacte/static/loader.js",
        "/api/live/status",
        "/voila/render/nope.ipynb",
        "/nope",
        PROBE_PATH,
        "/formateur/",
        "/voila/static/voila.js",
    ],
    ids=lambda path: path.replace(NAME, "sonde"),
)
def test_every_response_has_the_security_headers(pacte_server, path):
    status, headers, _ = request(pacte_server, "GET", path)
    assert headers.get("X-Content-Type-Options") == "nosniff", path
    assert headers.get("Referrer-Policy") in ("same-origin", "no-referrer", "strict-origin"), path
    assert headers.get("X-Frame-Options") == "DENY", path
    assert "frame-ancestors 'none'" in headers.get("Content-Security-Policy", ""), path


def test_oversized_body_is_refused_before_it_is_sent(pacte_server):
    """100 MB announced, nothing sent: the 413 comes at once, so nothing was being buffered."""
    u = urlparse(pacte_server)
    start = time.monotonic()
    with socket.create_connection((u.hostname, u.port), timeout=10) as s:
        s.sendall(
            b"POST /api/live/answer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000000\r\n\r\n" + b"{" * 1000
        )
        reply = s.recv(4096)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:100]
    assert time.monotonic() - start < 5
    assert "Requête trop volumineuse" in reply.split(b"\r\n\r\n", 1)[1].decode()


def test_oversized_chunked_body_is_refused_while_streaming(pacte_server):
    u = urlparse(pacte_server)
    with socket.create_connection((u.hostname, u.port), timeout=10) as s:
        s.sendall(
            b"POST /api/live/join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"[" * 2048
        reply = b""
        try:
            for _ in range(64):  # up to 128 KiB, far more than the 4 KiB limit
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            reply = s.recv(4096)
        except ConnectionResetError:
            pass
    assert reply.startswith(b"HTTP/1.1 413") or reply.startswith(b"HTTP/1.1 400"), reply[:80]


def test_large_body_on_other_routes_is_refused(pacte_server):
    u = urlparse(pacte_server)
    with socket.create_connection((u.hostname, u.port), timeout=10) as s:
        s.sendall(b"POST /voila/api/shutdown/x HTTP/1.1\r\nHost: x\r\nContent-Length: 90000000\r\n\r\n")
        reply = s.recv(4096)
    assert reply.split(b" ", 2)[1] in (b"400", b"403", b"404", b"405", b"413"), reply[:80]


def test_live_api_answers_in_french_on_hostile_json(pacte_server):
    status, _, body = request(
        pacte_server,
        "POST",
        "/api/live/join",
        headers={"Content-Type": "application/json"},
        body=b"[" * 2000 + b"]" * 2000,
    )
    assert status == 400 and "Requête" in json.loads(body)["error"]
