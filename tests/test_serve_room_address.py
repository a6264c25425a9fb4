"""``pacte serve --host 0.0.0.0`` in a room: the join link and QR code point to an address a phone reaches.

The server runs in a network namespace of its own whose only non-loopback
address is a private IPv4 one on one end of a veth pair; the test, on the
other end, plays a phone of the room. The book is a two-page stand-in (the
server only needs the join page), so no build is needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, free_port, wait_for_http
from live_push_client import TOKEN, call, request

pytestmark = pytest.mark.slow

IP = shutil.which("ip") or "/usr/sbin/ip"


def _ip(*args: str) -> None:
    subprocess.run([IP, *args], check=True, capture_output=True, timeout=20)


@pytest.fixture
def room_network():
    """A network namespace joined to this one by a veth pair: (namespace, the server's address there)."""
    assert os.path.exists(IP), "iproute2 is missing: run scripts/install.sh --test"
    assert os.geteuid() == 0, "network namespaces need root (the test machines run the suite as root)"
    tag = os.getpid() % 60000
    namespace, host_end, room_end = f"pacte-room-{tag}", f"prm{tag}h", f"prm{tag}n"
    subnet = f"10.{231 + tag // 15000}.{tag % 15000 // 60}.{tag % 60 * 4}"
    base = subnet.rsplit(".", 1)[0] + "."
    last = int(subnet.rsplit(".", 1)[1])
    host_ip, room_ip = f"{base}{last + 1}", f"{base}{last + 2}"
    _ip("netns", "add", namespace)
    try:
        _ip("-n", namespace, "link", "set", "lo", "up")
        _ip("link", "add", host_end, "type", "veth", "peer", "name", room_end)
        _ip("link", "set", room_end, "netns", namespace)
        _ip("addr", "add", f"{host_ip}/30", "dev", host_end)
        _ip("link", "set", host_end, "up")
        _ip("-n", namespace, "addr", "add", f"{room_ip}/30", "dev", room_end)
        _ip("-n", namespace, "link", "set", room_end, "up")
        yield namespace, room_ip
    finally:
        subprocess.run([IP, "link", "del", host_end], capture_output=True, timeout=20)
        subprocess.run([IP, "netns", "del", namespace], capture_output=True, timeout=20)


@pytest.fixture
def stand_in_book(tmp_path):
    """``PACTE_OUTPUT`` with a built book of two pages (home and join page) and no Voilà notebook."""
    html = tmp_path / "_build" / "html"
    (html / "book").mkdir(parents=True)
    (tmp_path / "_build" / "voila").mkdir()
    (html / "index.html").write_text("<html><head></head><body>Accueil</body></html>", encoding="utf-8")
    (html / "book" / "direct.html").write_text("<html><head></head><body>Rejoindre</body></html>", encoding="utf-8")
    return tmp_path


def test_join_link_and_qr_code_point_to_the_room_address(room_network, stand_in_book, tmp_path):
    namespace, room_ip = room_network
    port = free_port()
    env = {**os.environ, "PACTE_OUTPUT": str(stand_in_book)}
    args = ["--host", "0.0.0.0", "--port", str(port), "--trainer-token", TOKEN, "--data-dir", str(tmp_path / "var")]
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [IP, "netns", "exec", namespace, sys.executable, "-m", "pacte.cli", "serve", *args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    room = f"http://{room_ip}:{port}/"
    try:
        wait_for_http(room + "api/live/status", timeout=60)  # reached from outside, as a phone would
        status, data = call(room + "api/live/trainer/join-address")
        assert status == 200, data
        assert data["url"] == room and data["warning"] is None
        assert data["choices"][-1]["url"] == f"http://127.0.0.1:{port}/"
        status, created = call(room + "api/live/trainer/sessions", "POST", {"title": "Salle 12"})
        assert status == 201, created
        status, summary = call(room + f"api/live/trainer/sessions/{created['session']['id']}/summary")
        join = summary["summary"]["join_url"]  # what the dashboard writes and draws as a QR code
        assert join == f"{room}book/direct.html?seance={created['session']['code']}"
        status, _, body = request(join)
        assert status == 200 and b"Rejoindre" in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    printed = log_path.read_text(encoding="utf-8")
    assert f"lien et QR code de la séance sur {room}" in printed, printed
