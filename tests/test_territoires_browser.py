"""Module « Territoires, coopération et politiques publiques » in headless Chromium: static book and Voilà, network closed.

Build first (only this module and the pages it links to)::

    PACTE_OUTPUT=/tmp/terr PACTE_TOC=/tmp/terr/_toc.yml pacte build
    PACTE_OUTPUT=/tmp/terr PACTE_TOC=/tmp/terr/_toc.yml pytest tests/test_territoires_browser.py

Each activity takes an answer and shows its result; answers are dispatched
for live sessions; the Voilà views prove the answers reached Python.
"""

from __future__ import annotations

import pytest
from conftest import open_voila, screenshot

pytestmark = pytest.mark.browser

CPTS_PAGE = "modules/territoires/cpts-et-responsabilite-territoriale"
COOP_PAGE = "modules/territoires/cooperation-entre-professions"
ACTORS_PAGE = "modules/territoires/acteurs-des-politiques-publiques"
INEQ_PAGE = "modules/territoires/inegalites-territoriales"
BRAKES_PAGE = "modules/territoires/freins-et-leviers"
TIMEOUT = 30_000
VOILA_TIMEOUT = 120_000  # a kernel per view: slow on a loaded machine
NBSP = "\u00a0"
TOLERATED_404 = ("/favicon.ico", "/api/live/status")


def _plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u202f", " ")


def _open(page, url: str, voila_ready: str = "") -> None:
    page.pacte_404 = []
    page.on("response", lambda r: page.pacte_404.append(r.url) if r.status == 404 else None)
    if voila_ready:
        open_voila(page, url, voila_ready)
    else:
        page.goto(url, timeout=90_000)
    page.evaluate(
        "window.__pacteAnswers = []; document.addEventListener('pacte:answer', "
        "(e) => window.__pacteAnswers.push(e.detail));"
    )


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


def build_cpts_project(page, timeout: int = TIMEOUT):
    root = page.locator("section.pacte-cpts")
    root.wait_for(timeout=timeout)
    assert "Territoire fictif" in root.locator(".pacte-cpts-notice").inner_text()
    assert "6 500" in _plain(root.locator("[data-indicator=sans-mt]").inner_text())
    root.get_by_role("button", name="Valider mon projet").click()
    assert root.get_attribute("data-status") == "empty"
    for label in (
        "Trouver un médecin traitant pour les habitants qui n’en ont pas",
        "Organiser le parcours des personnes âgées à domicile et les sorties d’hospitalisation",
    ):
        root.get_by_label(label).check()
    root.get_by_label("Le centre hospitalier (dont le service de gériatrie)").check()
    root.get_by_label("L’ARS (délégation départementale)").check()
    root.get_by_role("button", name="Valider mon projet").click()
    assert root.get_attribute("data-status") == "complete"
    rules = root.locator(".pacte-cpts-feedback li").evaluate_all("(li) => li.map((x) => x.dataset.rule)")
    assert "acces-mt-choisi" in rules and "parcours-sans-dac" in rules and "institutions-incompletes" in rules
    assert "trop-de-missions" not in rules
    assert _plain(root.locator(".pacte-cpts-source").first.inner_text()).startswith("Source : ")
    assert _plain(root.locator(".pacte-cpts-status").inner_text()).startswith(
        "Votre projet : 2 missions et 2 partenaires"
    )
    events = page.evaluate("window.__pacteAnswers")
    assert {
        "activity": "cpts_project:projet-cpts-valmoran",
        "question": "missions",
        "answer": ["acces-mt", "parcours-age"],
    } in events
    assert {
        "activity": "cpts_project:projet-cpts-valmoran",
        "question": "partners",
        "answer": ["hopital", "ars"],
    } in events
    return root


def test_static_cpts_project(offline_page, book_url):
    page = offline_page
    _open(page, f"{book_url}{CPTS_PAGE}.html")
    root = build_cpts_project(page)
    with page.expect_download() as info:
        root.get_by_role("button", name="Télécharger mon projet (texte)").click()
    text = open(info.value.path(), encoding="utf-8-sig").read()
    assert "Territoire fictif" in text and "- Le centre hospitalier (dont le service de gériatrie)" in text
    root.scroll_into_view_if_needed()
    screenshot(page, "territoires-cpts-static")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.locator("section.pacte-cpts fieldset[data-group=missions]").scroll_into_view_if_needed()
    screenshot(page, "territoires-cpts-static-390")
    _assert_clean(page)


@pytest.mark.parametrize(
    "doc,question,choice",
    [
        (COOP_PAGE, "coop-deux-articles", "deux"),
        (ACTORS_PAGE, "acteurs-carpec", "ars-am"),
    ],
)
def test_static_page_quiz(offline_page, book_url, doc, question, choice):
    page = offline_page
    _open(page, f"{book_url}{doc}.html")
    form = page.locator(f"form[data-question={question}]")
    form.wait_for(timeout=TIMEOUT)
    form.locator(f"input[value={choice}]").check()
    form.locator("button[type=submit]").click()
    assert form.locator(".pacte-quiz-feedback").inner_text().strip() != ""
    assert {"activity": "quiz:territoires", "question": question, "answer": choice} in page.evaluate(
        "window.__pacteAnswers"
    )
    _assert_clean(page)


def test_static_instruments(offline_page, book_url):
    page = offline_page
    _open(page, f"{book_url}{INEQ_PAGE}.html")
    page.locator("figure.pacte-chart").first.scroll_into_view_if_needed()  # Vega draws it when about to be seen
    fig = page.locator("figure.pacte-chart[data-rendered=true]").first
    fig.wait_for(timeout=TIMEOUT)
    assert "Instruments contre les inégalités territoriales" in fig.inner_text()
    assert page.locator("table.pacte-table").count() == 2
    sort = page.locator("section.pacte-sort")
    item = sort.locator("form[data-item=fr-msp-aci]")
    item.get_by_label("Inciter").check()
    item.get_by_role("button", name="Valider").click()
    assert item.get_attribute("data-status") == "incorrect"
    assert "la mesure vise une nouvelle organisation du travail" in item.locator(".pacte-sort-feedback").inner_text()
    item.get_by_label("Organiser").check()
    item.get_by_role("button", name="Valider").click()
    assert item.get_attribute("data-status") == "correct"
    assert sort.get_attribute("data-score") == "1"
    assert {
        "activity": "sorting:instruments-inegalites",
        "question": "fr-msp-aci",
        "answer": "organisation",
    } in page.evaluate("window.__pacteAnswers")
    fig.scroll_into_view_if_needed()
    screenshot(page, "territoires-instruments-static")
    _assert_clean(page)


def rate_brakes(page, timeout: int = TIMEOUT):
    root = page.locator("section.pacte-diag")
    root.wait_for(timeout=timeout)
    assert root.locator("h4").first.inner_text() == "Les freins de votre territoire"
    for statement, value in (("temps-medical", 3), ("forfaits", 2), ("silo", 1)):
        root.locator(f"input[data-statement={statement}][value='{value}']").check()
    assert root.get_attribute("data-plan") == "2"
    items = root.locator(".pacte-diag-plan > ol > li")
    assert items.evaluate_all("(li) => li.map((x) => x.dataset.statement)") == ["temps-medical", "forfaits"]
    assert "levier 1" in items.first.inner_text()
    return root


def test_static_brakes_and_action_plan(offline_page, book_url):
    page = offline_page
    _open(page, f"{book_url}{BRAKES_PAGE}.html")
    root = rate_brakes(page)
    with page.expect_download() as info:
        root.get_by_role("button", name="Télécharger mon plan d’action (CSV)").click()
    assert info.value.suggested_filename == "freins-leviers-territoire-plan-action.csv"
    lines = open(info.value.path(), encoding="utf-8-sig").read().splitlines()
    assert lines[0] == "Famille;Point à traiter;Votre note;Levier;Source"
    assert len(lines) == 4 and lines[1].startswith("Organisation;") and "3 (Un frein majeur)" in lines[1]
    assert {
        "activity": "diagnosis:freins-leviers-territoire",
        "question": "temps-medical",
        "answer": 3,
    } in page.evaluate("window.__pacteAnswers")
    root.locator(".pacte-diag-plan").scroll_into_view_if_needed()
    screenshot(page, "territoires-plan-static")
    quiz = page.locator("section.pacte-quiz")
    assert quiz.locator("form[data-question]").count() == 8  # the synthesis quiz: 8 questions for its 15 minutes
    _open_passage_on_a_phone(page)
    _assert_clean(page)


def _open_passage_on_a_phone(page) -> None:
    """A seed citation's passage opens by keyboard at phone width (375 px), embedded in the page."""
    page.set_viewport_size({"width": 375, "height": 740})
    button = page.locator("button[data-pacte-evidence]").first
    region = page.locator(f"#{button.get_attribute('aria-controls')}")
    assert button.get_attribute("aria-expanded") == "false" and region.is_hidden()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    region.wait_for(state="visible", timeout=TIMEOUT)
    assert "Passage de la source" in region.inner_text() and region.locator("mark").count() == 1
    box = region.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    region.scroll_into_view_if_needed()
    screenshot(page, "evidence-passage-375")
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false" and region.is_hidden()


def test_voila_cpts_project_reaches_the_kernel(offline_page, pacte_server):
    page = offline_page
    _open(page, f"{pacte_server}voila/render/{CPTS_PAGE}.ipynb", "section.pacte-cpts")
    root = build_cpts_project(page, VOILA_TIMEOUT)
    page.wait_for_selector("section.pacte-cpts[data-kernel-status=complete]", timeout=VOILA_TIMEOUT)
    assert root.get_attribute("data-kernel-feedback") == root.get_attribute("data-feedback")
    screenshot(page, "territoires-cpts-voila")
    _assert_clean(page)


def test_voila_brakes_reach_the_kernel(offline_page, pacte_server):
    page = offline_page
    _open(page, f"{pacte_server}voila/render/{BRAKES_PAGE}.ipynb", "section.pacte-diag")
    rate_brakes(page, VOILA_TIMEOUT)
    page.wait_for_selector("section.pacte-diag[data-kernel-answered='3']", timeout=VOILA_TIMEOUT)
    _assert_clean(page)
