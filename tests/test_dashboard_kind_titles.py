"""The trainer's dashboard draws every live kind's card with its French title and label (headless Chromium,
cards built by the real server summary, served by the fake trainer API of tests/dashboard_fakes.py)."""

from __future__ import annotations

import pytest
from dashboard_fakes import BASE, FakeTrainerApi
from test_live_kind_registry import _example
from test_live_store import T0, Backend, FakeClock

from pacte.live.kind_registry import REGISTRY
from pacte.live.stage import build_summary

pytestmark = pytest.mark.browser


def _cards(tmp_path) -> list[dict]:
    """One card per registered kind, as ``build_summary`` sends it (each kind pushed in turn)."""
    store = Backend("sqlite", None, tmp_path).open(FakeClock())
    cards = []
    try:
        session = store.create_session("Titres des cartes")
        for name in REGISTRY:
            ref, question, _ = _example(name, store, session.id)
            store.set_stage(session.id, name, ref, question, "open")
            summary = build_summary(store, session, T0, "http://salle/")
            cards.append(next(a for a in summary["activities"] if (a["kind"], a["ref"]) == (name, ref)))
    finally:
        store.close()
    return cards


def test_every_kind_card_shows_its_french_title_and_label(offline_page, tmp_path):
    cards = _cards(tmp_path)
    page = offline_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    api = FakeTrainerApi()
    api.summary["activities"] = cards
    api.install(page)
    page.goto(f"{BASE}formateur/")
    page.locator("main[data-ready=true]").wait_for(timeout=20000)
    page.locator("article.activity").first.wait_for(timeout=10000)
    drawn = page.evaluate(
        """() => [...document.querySelectorAll("article.activity")].map((a) => ({
             kind: a.dataset.kind, title: a.querySelector("h3").textContent,
             label: a.querySelector("p.kind").firstChild.textContent }))"""
    )
    assert drawn == [{"kind": c["kind"], "title": c["title"], "label": REGISTRY[c["kind"]].label} for c in cards]
    assert not [d for d in drawn if d["title"].startswith(f"{d['kind']}:")]  # never a raw « kind:ref » id
