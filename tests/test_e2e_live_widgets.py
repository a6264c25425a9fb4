"""Every answering widget in a live session: a trainee answers on the static page
served by ``pacte serve``, and the answer reaches the trainer's aggregates (the
panels the dashboard draws), through the one live protocol."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import SERVER_DATA_DIR

from pacte.live.kind_registry import activity_panel
from pacte.live.protocol import split_activity
from pacte.live.store import open_store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_store(pacte_server):
    """The store of the running ``pacte serve`` (same SQLite file), and one open session."""
    store = open_store(None, SERVER_DATA_DIR)
    session = store.create_session("Séance des widgets")
    yield store, session
    store.close()


def _quiz(page) -> None:
    form = page.locator(".pacte-quiz form").first
    form.locator("input").first.check()
    form.locator("button[type=submit]").click()


def _team_compare(page) -> None:
    root = page.locator("section.pacte-compare")
    root.get_by_label("Maison de santé pluriprofessionnelle (MSP)").check()
    form = root.locator("form[data-question=cohesion]")
    form.get_by_label("Vraiment soudée").check()
    form.get_by_role("button", name="Comparer à l’enquête").click()


def _case(page) -> None:
    case = page.locator("section.pacte-case").first
    case.locator(".pacte-case-current input[type=radio]").first.check()
    case.get_by_role("button", name="Valider ce choix").click()


def _sorting(page) -> None:
    form = page.locator(".pacte-sort form[data-item]").first
    form.locator("input").first.check()
    form.locator("button[type=submit]").click()


def _diagnosis(page) -> None:
    page.locator(".pacte-diag input[data-statement]").first.check()


def _prompt(page) -> None:
    prompt = page.locator(".pacte-prompt").first
    prompt.locator("textarea").fill("Une équipe qui se parle")
    prompt.locator("button").click()


WIDGETS: list[tuple[str, str, str, Callable]] = [
    ("quiz", "modules/dynamiques/ce-que-dit-l-enquete", ".pacte-quiz", _quiz),
    ("survey", "modules/dynamiques/ce-que-dit-l-enquete", "section.pacte-compare", _team_compare),
    ("case", "modules/dynamiques/noyau-actif-et-legitimite", "section.pacte-case", _case),
    ("sorting", "modules/dimensions/trois-dimensions", ".pacte-sort", _sorting),
    ("diagnosis", "modules/dimensions/index", ".pacte-diag", _diagnosis),
    ("text", "modules/metier/qui-sont-les-coordinateurs", ".pacte-prompt", _prompt),
]


@pytest.mark.parametrize("kind,doc,selector,act", WIDGETS, ids=[w[0] for w in WIDGETS])
def test_an_answer_in_the_static_page_reaches_the_trainer_aggregates(
    offline_page, pacte_server, live_store, kind, doc, selector, act
):
    store, session = live_store
    page = offline_page
    page.goto(f"{pacte_server}{doc}.html?seance={session.code}")
    page.locator(".pacte-live[data-joined=true]").wait_for(timeout=20000)
    page.locator(selector).first.wait_for(timeout=20000)
    page.evaluate(
        "window.__liveErrors = []; document.addEventListener('pacte:live-error', "
        "(e) => window.__liveErrors.push(e.detail.message))"
    )
    with page.expect_response(lambda r: r.url.endswith("/api/live/answer"), timeout=10000) as resp:
        act(page)
    assert resp.value.status == 201, resp.value.text()
    aggregate = store.aggregate(session.id)
    mine = [(a, q) for a, q in aggregate if a.startswith(f"{kind}:")]
    assert mine, f"no {kind} answer in the aggregate: {sorted(aggregate)}"
    panels = [activity_panel(kind, split_activity(a)[1], q, aggregate) for a, q in mine]
    assert all(p is not None for p in panels), f"no dashboard panel for {mine}"
    assert sum(p["respondents"] for p in panels if p is not None) >= 1
    assert page.evaluate("window.__liveErrors") == []
    assert page.pacte_log.external == [] and page.pacte_log.console_errors == []
