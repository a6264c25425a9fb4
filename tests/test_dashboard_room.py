"""The dashboard in a real room (issue 25), in headless Chromium over the fake trainer API.

The join address (warned when loopback, another picked), the session's end (warned in its last hour).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from dashboard_fakes import BASE, FakeTrainerApi

pytestmark = pytest.mark.browser


@pytest.fixture
def dashboard(offline_page):
    page = offline_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    api = FakeTrainerApi()
    api.install(page)
    page.goto(f"{BASE}formateur/")
    page.locator("main[data-ready=true]").wait_for(timeout=20000)
    page.locator("article.activity").first.wait_for(timeout=10000)
    page.pacte_api = api
    return page


def test_a_loopback_join_address_is_warned_and_another_can_be_picked(dashboard):
    page = dashboard
    warning = page.locator("#join-warning")
    assert warning.is_visible()
    assert "les téléphones de la salle ne pourront pas l’ouvrir" in warning.inner_text()
    select = page.locator("#join-choice")
    assert select.is_visible() and select.input_value() == "http://127.0.0.1:9/"
    assert "192.168.1.23" in page.locator("#join-choice option").nth(1).inner_text()
    select.select_option("http://192.168.1.23:9/")
    page.locator("#join-link", has_text="http://192.168.1.23:9/book/direct.html?seance=K7M2QX").wait_for(timeout=10000)
    assert warning.is_hidden()
    posted = [b for m, p, b in page.pacte_api.calls if m == "POST" and p == "join-address"]
    assert posted == [{"url": "http://192.168.1.23:9/"}]
    # The projected QR code follows the chosen address.
    page.locator("#projection-toggle").click()
    page.locator("#projection-url", has_text="192.168.1.23").wait_for(timeout=10000)
    label = page.locator("#projection-qr svg").get_attribute("aria-label")
    assert "http://192.168.1.23:9/book/direct.html?seance=K7M2QX" in label


def test_the_end_of_an_open_session_is_shown_and_warned_in_its_last_hour(offline_page):
    page = offline_page
    api = FakeTrainerApi()
    soon = datetime.now(UTC) + timedelta(minutes=30)
    api.sessions[0].update(expires_at=soon.isoformat(timespec="seconds"), state_text="ouverte jusqu’au 8 décembre")
    api.summary["session"] = dict(api.sessions[0])
    api.install(page)
    page.goto(f"{BASE}formateur/")
    page.locator("main[data-ready=true]").wait_for(timeout=20000)
    assert page.locator("#session-end").inner_text() == "Séance ouverte jusqu’au 8 décembre."
    warning = page.locator("#session-end-warning")
    assert warning.is_visible()
    text = warning.inner_text()
    assert "n’acceptera plus de réponses dans" in text and "\u00a0min" in text
    minutes = int(text.split("dans ")[1].split("\u00a0")[0])
    assert 25 <= minutes <= 30


def test_catalogue_search_folds_apostrophes_accents_and_case():
    import json
    from pathlib import Path

    from node_runner import call_js

    logic = Path(__file__).resolve().parents[1] / "pacte" / "live" / "dashboard" / "dashboard_logic.js"
    setup = f"const {{ groupCatalogue }} = await import({json.dumps(logic.as_uri())});"
    item = {"kind": "text", "ref": "r", "question": "answer", "module": "m", "title": "Question ouverte"}
    catalogue = [{**item, "prompt": "Qu’attendez-vous d’abord de l’équipe ?"}]
    queries = ["d'abord", "D’ABORD", "qu'attendez", "EQUIPE", "l`equipe", "d'ailleurs"]
    found = call_js("numbers", "groupCatalogue", [[catalogue, q] for q in queries], setup=setup)
    assert [len(groups) for groups in found] == [1, 1, 1, 1, 1, 0]
