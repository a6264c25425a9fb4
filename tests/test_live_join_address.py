"""The join address of the link and QR code: chosen among the interfaces, picked by the trainer, warned if loopback."""

from __future__ import annotations

import json

import pytest
from live_push_client import call, start_server

from pacte.live.api import LiveContext
from pacte.live.join_address import (
    Address,
    describe_choice,
    is_loopback_url,
    join_choices,
    loopback_warning,
    parse_ip_json,
    room_addresses,
)
from pacte.live.store import open_store

IP_JSON = json.dumps(
    [
        {"ifname": "lo", "flags": ["LOOPBACK", "UP"], "addr_info": [{"family": "inet", "local": "127.0.0.1"}]},
        {"ifname": "docker0", "flags": ["UP"], "addr_info": [{"family": "inet", "local": "172.17.0.1"}]},
        {"ifname": "eth9", "flags": ["BROADCAST"], "addr_info": [{"family": "inet", "local": "10.9.9.9"}]},
        {
            "ifname": "wlan0",
            "flags": ["BROADCAST", "UP", "LOWER_UP"],
            "addr_info": [
                {"family": "inet6", "local": "fe80::1"},
                {"family": "inet6", "local": "2001:db8::5"},
                {"family": "inet", "local": "192.168.1.23"},
            ],
        },
    ]
)


def test_ip_json_lists_addresses_of_interfaces_that_are_up():
    found = parse_ip_json(IP_JSON)
    assert Address("192.168.1.23", "wlan0") in found
    assert all(a.interface != "eth9" for a in found)  # down


def test_room_address_is_the_private_ipv4_of_a_real_interface():
    ranked = room_addresses(parse_ip_json(IP_JSON))
    assert [a.ip for a in ranked] == ["192.168.1.23", "172.17.0.1", "2001:db8::5"]  # no loopback, no fe80::


def test_the_debian_hostname_address_is_never_chosen():
    # gethostbyname(gethostname()) gives 127.0.1.1 on Debian: it is loopback, not a room address.
    assert room_addresses([Address("127.0.1.1"), Address("10.0.0.7", "eth0")]) == [Address("10.0.0.7", "eth0")]


def test_choices_bound_to_every_interface():
    choices = join_choices("0.0.0.0", 8866, None, parse_ip_json(IP_JSON))
    assert choices[0] == {"url": "http://192.168.1.23:8866/", "interface": "wlan0", "loopback": False}
    assert [c["url"] for c in choices[1:]] == [
        "http://172.17.0.1:8866/",
        "http://[2001:db8::5]:8866/",
        "http://127.0.0.1:8866/",
    ]
    assert choices[-1]["loopback"]


def test_public_url_comes_first_and_bound_address_is_kept():
    choices = join_choices("::", 80, "https://cours.example.org", parse_ip_json(IP_JSON))
    assert choices[0]["url"] == "https://cours.example.org/"
    assert join_choices("192.168.1.23", 8866, None, []) == [
        {"url": "http://192.168.1.23:8866/", "interface": "", "loopback": False}
    ]


def test_only_loopback_falls_back_to_it_with_a_french_warning():
    choices = join_choices("0.0.0.0", 8866, None, [Address("127.0.0.1", "lo")])
    assert [c["url"] for c in choices] == ["http://127.0.0.1:8866/"]
    lines = describe_choice(choices)
    assert "lien et QR code de la séance sur http://127.0.0.1:8866/" in lines[0]
    assert "téléphones de la salle ne pourront pas l’ouvrir" in lines[-1]
    assert "\u00a0:" in lines[-1]


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8866/", True),
        ("http://127.0.1.1:8866/", True),
        ("http://localhost:8866/", True),
        ("http://[::1]:8866/", True),
        ("http://192.168.1.23:8866/", False),
        ("https://cours.example.org/", False),
    ],
)
def test_loopback_urls(url, loopback):
    assert is_loopback_url(url) is loopback
    assert (loopback_warning(url) is not None) is loopback


@pytest.fixture
def server(tmp_path):
    store = open_store(None, tmp_path)
    live = LiveContext(store, workers=2, trainer_token="jeton-de-test-du-formateur-0123456789")
    live.public_url = "http://127.0.0.1:8866/"
    live.join_choices = join_choices("0.0.0.0", 8866, None, parse_ip_json(IP_JSON))
    live.join_choices.sort(key=lambda c: not c["loopback"])  # as if the loopback one had been chosen
    root, live, stop = start_server(store, live)
    yield root + "api/live/trainer/", live
    stop()
    store.close()


def test_dashboard_reads_the_join_address_warning_and_picks_another(server):
    api, live = server
    status, data = call(api + "join-address")
    assert status == 200
    assert data["url"] == "http://127.0.0.1:8866/" and "pacte serve --host 0.0.0.0" in data["warning"]
    assert len(data["choices"]) == 4
    status, data = call(api + "join-address", "POST", {"url": "http://192.168.1.23:8866/"})
    assert status == 200 and data["url"] == "http://192.168.1.23:8866/" and data["warning"] is None
    status, data = call(api + "sessions", "POST", {"title": "Salle"})
    status, summary = call(api + f"sessions/{data['session']['id']}/summary")
    assert summary["summary"]["join_url"].startswith("http://192.168.1.23:8866/book/direct.html?seance=")


@pytest.mark.parametrize("body", [{"url": "http://10.6.6.6:8866/"}, {"url": 3}, {}])
def test_an_address_the_server_does_not_have_is_refused(server, body):
    api, live = server
    status, data = call(api + "join-address", "POST", body)
    assert status == 422 and "Adresse inconnue" in data["error"]
    assert live.public_url == "http://127.0.0.1:8866/"


def test_join_address_is_for_the_trainer_only(server):
    api, _ = server
    assert call(api + "join-address", trainer=False)[0] == 403
