"""Module « Les dynamiques d'équipe » in headless Chromium: static book and Voilà, network closed.

Build first (only this module is enough)::

    PACTE_OUTPUT=/tmp/dyn PACTE_TOC=/tmp/dyn/_toc.yml pacte build
    PACTE_OUTPUT=/tmp/dyn PACTE_TOC=/tmp/dyn/_toc.yml pytest tests/test_dynamiques_browser.py
"""

from __future__ import annotations

import time

import pytest
from a11y_support import voila_view_findings
from conftest import draw_charts, open_voila, screenshot

from pacte.live.stage import build_stage
from pacte.live.store import LiveSession, StageRow

pytestmark = pytest.mark.browser

SURVEY_PAGE = "modules/dynamiques/ce-que-dit-l-enquete"
CASES_PAGE = "modules/dynamiques/noyau-actif-et-legitimite"
TIMEOUT = 30_000
NBSP = "\u00a0"

Y_LABELS_JS = """(fig) => {
  const axes = [...fig.querySelectorAll('svg g.role-axis')];
  const y = axes.find((a) => (a.getAttribute('aria-label') || '').toLowerCase().startsWith('y')) || axes[axes.length - 1];
  return [...y.querySelectorAll('g.role-axis-label text')].map((t) => t.textContent).sort();
}"""


# 404s that are not this module's: the browser's favicon probe, and the live-session client
# (loader.js, shared) asking a static server whether a live session runs.
TOLERATED_404 = ("/favicon.ico", "/api/live/status")


def _track_404(page) -> None:
    page.pacte_404 = []
    page.on("response", lambda r: page.pacte_404.append(r.url) if r.status == 404 else None)


def _static(page, book_url: str, doc: str) -> None:
    _track_404(page)
    page.goto(f"{book_url}{doc}.html")
    page.wait_for_load_state("networkidle")


def _voila(page, server: str, doc: str, ready: str) -> None:
    _track_404(page)
    open_voila(page, f"{server}voila/render/{doc}.ipynb", ready)
    assert voila_view_findings(page) == []


def _listen_answers(page) -> None:
    page.evaluate(
        "window.__pacteAnswers = []; document.addEventListener('pacte:answer', "
        "(e) => window.__pacteAnswers.push(e.detail));"
    )


def _explorer(page):
    # Vega draws a chart when it is about to be seen; in Voilà the kernel runs the page first (120 s: a
    # loaded 2-core machine)
    draw_charts(page, timeout=120_000, count=1)
    fig = page.locator("figure.pacte-chart", has=page.locator(".vega-bindings input[type=checkbox]")).first
    fig.and_(page.locator("[data-rendered=true]")).wait_for(timeout=TIMEOUT)
    return fig


def _y_labels(fig) -> list[str]:
    return fig.evaluate(Y_LABELS_JS)


def check_explorer_redraws(page) -> None:
    fig = _explorer(page)
    before = _y_labels(fig)
    assert "Vraiment soudée" in before, before
    fig.locator(".vega-bindings select").select_option("difficulties")
    page.wait_for_function(
        f"(fig) => !({Y_LABELS_JS})(fig).includes('Vraiment soudée')", arg=fig.element_handle(), timeout=TIMEOUT
    )
    after = _y_labels(fig)
    assert after != before and any(label.startswith("Conflits") for label in after), after
    # Untick every structure asked the cohesion question: the bars give way to a message.
    fig.locator(".vega-bindings select").select_option("cohesion")
    for box in fig.locator(".vega-bindings input[type=checkbox]").all()[:2]:
        box.uncheck()
    page.wait_for_function(
        "(fig) => [...fig.querySelectorAll('svg text')].some((t) => t.textContent.startsWith('Aucune barre'))",
        arg=fig.element_handle(),
        timeout=TIMEOUT,
    )


def check_team_compare(page) -> None:
    root = page.locator("section.pacte-compare")
    root.wait_for(timeout=TIMEOUT)
    _listen_answers(page)
    root.get_by_label("Maison de santé pluriprofessionnelle (MSP)").check()
    form = root.locator("form[data-question=cohesion]")
    form.get_by_role("button", name="Comparer à l’enquête").click()
    assert form.locator(".pacte-compare-message").inner_text() == "Choisissez une réponse avant de comparer."
    form.get_by_label("Vraiment soudée").check()
    form.get_by_role("button", name="Comparer à l’enquête").click()
    sentence = form.locator(".pacte-compare-sentence").first.inner_text()
    assert (
        f"Vous faites partie des 25{NBSP}% de coordinateurs de MSP qui jugent leur équipe «{NBSP}vraiment soudée{NBSP}»"
        in sentence
    ), sentence
    assert form.locator("tr.pacte-compare-mine th").inner_text().startswith("Vraiment soudée")
    diff = root.locator("form[data-question=difficulties]")
    diff.get_by_label("Rien").check()
    diff.get_by_label("Conflits, blocages, manque d’investissement de certains").check()
    diff.get_by_role("button", name="Comparer à l’enquête").click()
    assert "ne peut pas être coché avec une autre réponse" in diff.locator(".pacte-compare-message").inner_text()
    events = page.evaluate("window.__pacteAnswers")
    assert events == [{"activity": "survey:cohesion", "question": "MSP", "answer": "close_knit"}]


def play_case_to_the_end(page, index: int = 0) -> str:
    case = page.locator("section.pacte-case").nth(index)
    case.wait_for(timeout=TIMEOUT)
    case.get_by_role("button", name="Valider ce choix").click()
    assert case.locator(".pacte-case-message").inner_text() == "Choisissez une option avant de valider."
    for _ in range(10):
        if case.get_attribute("data-finished") == "true":
            break
        case.locator(".pacte-case-current input[type=radio]").first.check()
        case.get_by_role("button", name="Valider ce choix").click()
    assert case.get_attribute("data-finished") == "true"
    assert case.locator(".pacte-case-outcome").inner_text().startswith("Issue")
    assert case.locator(".pacte-case-sources").inner_text().startswith("Sources\u00a0: ")
    assert case.locator(".pacte-case-history li").count() >= 1
    return case.get_attribute("data-node")


def _assert_clean(page) -> None:
    log = page.pacte_log
    assert log.external == []
    missing = getattr(page, "pacte_404", [])
    assert [u for u in missing if not u.endswith(TOLERATED_404)] == []
    tolerated = sum(1 for u in missing if u.endswith(TOLERATED_404))
    errors = list(log.console_errors + log.page_errors)
    for _ in range(tolerated):
        hit = next((e for e in errors if e.startswith("Failed to load resource") and " 404 " in e), None)
        if hit:
            errors.remove(hit)
    assert errors == []


def test_static_survey_page(offline_page, book_url):
    page = offline_page
    _static(page, book_url, SURVEY_PAGE)
    check_explorer_redraws(page)
    screenshot(page, "dynamiques-explorer-static")
    check_team_compare(page)
    page.locator("section.pacte-compare").scroll_into_view_if_needed()
    screenshot(page, "dynamiques-compare-static")
    assert page.locator("section.pacte-quiz").count() == 1
    assert page.locator(".pacte-quotes li").count() == 12
    _assert_clean(page)


def test_static_cases_page(offline_page, book_url):
    page = offline_page
    _static(page, book_url, CASES_PAGE)
    assert page.locator("section.pacte-case").count() == 2
    node = play_case_to_the_end(page, 0)
    assert node == "justification-sans-fin"  # first option each time: liste, then releve
    page.locator("section.pacte-case").first.scroll_into_view_if_needed()
    screenshot(page, "dynamiques-case-static")
    case = page.locator("section.pacte-case").first
    case.get_by_role("button", name="Rejouer le cas").click()
    assert case.get_attribute("data-node") == "reunion" and case.get_attribute("data-finished") == "false"
    _assert_clean(page)


def test_voila_survey_page_reaches_the_kernel(offline_page, pacte_server):
    page = offline_page
    _voila(page, pacte_server, SURVEY_PAGE, "figure.pacte-chart")
    check_explorer_redraws(page)
    check_team_compare(page)
    page.wait_for_selector("section.pacte-compare[data-kernel-result*='cohesion:close_knit=25']", timeout=TIMEOUT)
    screenshot(page, "dynamiques-compare-voila")
    _assert_clean(page)


def test_voila_case_reaches_the_kernel(offline_page, pacte_server):
    page = offline_page
    _voila(page, pacte_server, CASES_PAGE, "section.pacte-case")
    play_case_to_the_end(page, 1)
    page.wait_for_selector("section.pacte-case[data-kernel-finished='true']", timeout=TIMEOUT)
    case = page.locator("section.pacte-case").nth(1)
    assert case.get_attribute("data-kernel-node") == case.get_attribute("data-node")
    screenshot(page, "dynamiques-case-voila")
    _assert_clean(page)


ROOM_JS = """async () => {
  const state = JSON.parse(document.querySelector("div.pacte-widget[data-pacte-module=team_compare] script").textContent);
  state.answers = { structure: "CDS" };
  const model = { get: (k) => state[k], set: (k, v) => { state[k] = v; }, save_changes: () => {}, on: () => {}, off: () => {} };
  const el = document.createElement("div");
  el.id = "room-test";
  document.querySelector("section.pacte-compare").after(el);
  const mod = await import(new URL("_static/team_compare.js", document.baseURI.replace(/modules\\/.*$/, "")).href);
  mod.default.render({ model, el });
}"""
# What live_room.js does when a STAGE arrives (live_client.js publishStage), and when the trainee leaves.
STAGE_JS = """(stage) => document.dispatchEvent(new CustomEvent("pacte:live-stage", { detail: stage }))"""
LEFT_JS = """() => document.dispatchEvent(new CustomEvent("pacte:live-left", { detail: {} }))"""


def _revealed_survey(seq: int, counts: dict) -> dict:
    """The STAGE trainees receive when the trainer reveals « cohesion » (built by the server's code)."""
    now = time.time()
    session = LiveSession(id="s", code="K7M2QX34", title="Salle", created_at=now, expires_at=now + 600, closed=False)
    row = StageRow(seq=seq, kind="survey", ref="cohesion", question="all", state="revealed", updated_at=now)
    aggregate = {("survey:cohesion", s): c for s, c in counts.items()}
    return build_stage(session, row, now, aggregate, {})


def test_static_team_compare_draws_the_room_beside_the_survey(offline_page, book_url):
    page = offline_page
    _static(page, book_url, SURVEY_PAGE)
    page.locator("section.pacte-compare").first.wait_for(timeout=TIMEOUT)
    page.evaluate(ROOM_JS)
    root = page.locator("#room-test section.pacte-compare")
    form = root.locator("form[data-question=cohesion]")  # restored structure: CDS
    form.get_by_label("Vraiment soudée").check()
    form.get_by_role("button", name="Comparer à l’enquête").click()
    assert "des 37\u00a0% de coordinateurs de centre de santé" in form.locator(".pacte-compare-sentence").inner_text()
    room_cell = form.locator("tr[data-answer=close_knit] td.pacte-compare-room")
    assert room_cell.count() == 0  # no live session: the survey alone
    # The trainer reveals « cohesion » to the room: the room's answers appear beside the survey.
    page.evaluate(STAGE_JS, _revealed_survey(4, {"MSP": {"close_knit": 2, "forming": 1}, "CDS": {"close_knit": 1}}))
    headers = form.locator("thead th").all_inner_texts()
    assert headers[-1] == "Votre groupe (4 répondants)"
    assert room_cell.inner_text().strip() == "75\u00a0%"
    # Revealed again with more answers: the table follows; another stage leaves it as it is.
    page.evaluate(STAGE_JS, _revealed_survey(6, {"CDS": {"close_knit": 1, "fairly_homogeneous": 4}}))
    assert room_cell.inner_text().strip() == "20\u00a0%"
    page.evaluate(STAGE_JS, {**_revealed_survey(7, {}), "state": "open", "reveal": None})
    assert room_cell.inner_text().strip() == "20\u00a0%"
    form.scroll_into_view_if_needed()
    screenshot(page, "dynamiques-compare-room")
    # The trainee leaves the session: the survey alone again.
    page.evaluate(LEFT_JS)
    assert room_cell.count() == 0 and form.locator("thead th").count() == 2
    _assert_clean(page)
