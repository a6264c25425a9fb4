"""The module « Panorama » in headless Chromium: static book (no kernel) and Voilà (answers reach Python).

One test per activity on the static page (counts chart, reform ordering,
structure sorting, quiz), each answering and reading the result; every page of
the module has its title and quiz (each page loads offline without error in the
page tour, tests/test_page_tour.py); in Voilà the ordering, sorting and quiz
answers reach the kernel.
"""

from __future__ import annotations

import re

import pytest
from a11y_support import voila_view_findings
from conftest import open_voila, screenshot

from widgets.ordering import load_exercise, score_ordering

pytestmark = pytest.mark.browser

TIMEOUT = 30000
PAGES = ["structures", "compter-les-structures", "histoire-des-reformes", "ailleurs", "effets-et-limites"]
STRUCTURES = "modules/panorama/structures"
COUNTS = "modules/panorama/compter-les-structures"
HISTORY = "modules/panorama/histoire-des-reformes"
EXERCISE = load_exercise("panorama/reformes.ordering_exercise.yaml")
FILE_ORDER = [i["id"] for i in EXERCISE["items"]]


def _clean(page) -> None:
    assert page.pacte_log.external == []
    assert page.pacte_log.console_errors == []
    assert page.pacte_log.page_errors == []


def _listen_answers(page) -> None:
    page.evaluate(
        "window.__pacteAnswers = []; document.addEventListener('pacte:answer', "
        "(e) => window.__pacteAnswers.push(e.detail));"
    )


@pytest.mark.parametrize("name", PAGES)
def test_every_page_is_built_with_its_title_and_quiz(built_book, name):
    """Each page has a title and a quiz; each loads offline without error and mounts its widgets in the
    page tour (tests/test_page_tour.py), which visits every page."""
    html = (built_book / f"modules/panorama/{name}.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>\s*\S", html), name
    assert 'data-pacte-module="quiz"' in html, name


def _plain(text: str) -> str:
    """Text with every non-breaking space (U+00A0, U+202F) as a plain space."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _svg_texts(fig) -> list[str]:
    return [_plain(t) for t in fig.evaluate("(f) => [...f.querySelectorAll('svg text')].map((t) => t.textContent)")]


def test_static_counts_chart_switches_structure_and_explains(offline_page, book_url):
    page = offline_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(book_url + COUNTS + ".html", wait_until="networkidle")
    page.locator("figure.pacte-chart").first.scroll_into_view_if_needed()  # Vega draws it when about to be seen
    fig = page.locator("figure.pacte-chart[data-rendered=true]").first
    fig.wait_for(timeout=TIMEOUT)
    texts = _svg_texts(fig)
    assert "964" in texts and "406" in texts and "1 889" in texts, texts
    assert "835" not in texts and "455" not in texts  # CPTS and CDS figures are not shown for MSP
    select = fig.locator(".vega-bindings select")
    select.select_option("CDS")
    page.wait_for_function(
        "(f) => [...f.querySelectorAll('svg text')].some((t) => t.textContent === '455')",
        arg=fig.element_handle(),
        timeout=TIMEOUT,
    )
    texts = _svg_texts(fig)
    assert "1 933" in texts and "1 320" in texts and "964" not in texts, texts
    # hover a point: the tooltip names the source and the reason of the gap
    point = fig.locator("svg path[role=graphics-symbol], svg .mark-symbol path").first
    point.hover()
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=TIMEOUT)
    assert "Pourquoi ce chiffre diffère" in tooltip.inner_text() and "Source" in tooltip.inner_text()
    screenshot(page, "panorama-counts-chart")
    table = page.locator("table.pacte-counts-table")
    assert table.locator("tr[data-id=msp_labellisees_2018]").inner_text().count("labellisées") >= 1
    assert "cité dans le document de juin 2025" in table.locator("tr[data-id=dac_2023]").inner_text()
    _clean(page)


def test_static_ordering_with_keyboard_and_mouse(offline_page, book_url):
    page = offline_page
    page.goto(book_url + HISTORY + ".html", wait_until="networkidle")
    root = page.locator("section.pacte-order")
    root.wait_for(timeout=TIMEOUT)
    _listen_answers(page)
    assert root.get_attribute("data-status") == "unchecked"
    assert root.get_attribute("data-order") == ",".join(FILE_ORDER)

    # keyboard: focus « Monter » on the unités sanitaires de base and press Enter until it is first
    start = FILE_ORDER.index("usb")
    root.locator("li[data-item=usb] button[data-action=up]").focus()
    for _ in range(start):
        page.keyboard.press("Enter")
    order = root.get_attribute("data-order").split(",")
    assert order[0] == "usb", order
    assert "position 1 sur 16" in _plain(root.locator("[role=status]").inner_text())
    # the position field places an item directly (it swaps places with the item there)
    field = root.locator("li[data-item=cds-1991] input[data-action=position]")
    field.fill("2")
    field.press("Enter")
    order = root.get_attribute("data-order").split(",")
    assert order[:2] == ["usb", "cds-1991"], order
    # « Descendre » moves one step down
    root.locator("li[data-item=cpts-2025] button[data-action=down]").click()
    # a mouse drag and drop also works
    root.locator("li[data-item=deficit]").drag_to(root.locator("li[data-item=medecin-traitant]"))
    order = root.get_attribute("data-order").split(",")
    assert set(order) == set(FILE_ORDER) and len(order) == len(FILE_ORDER)

    root.locator("button[data-action=check]").click()
    expected = score_ordering(EXERCISE, {"order": order})
    assert root.get_attribute("data-status") == "complete"
    assert root.get_attribute("data-correct") == str(expected["correct"])
    assert root.get_attribute("data-pairs") == str(expected["pairs"])
    assert _plain(root.locator(".pacte-order-status").inner_text()).endswith(_plain(expected["message"]))
    usb = root.locator("li[data-item=usb]")
    assert usb.get_attribute("data-status") == "correct" and "Bien placé (années 1970 ou 1983)" in _plain(
        usb.inner_text()
    )
    wrong = [i for i, r in expected["results"].items() if r["status"] == "incorrect"]
    assert wrong, "the test order should leave some items misplaced"
    assert "Attendu" in root.locator(f"li[data-item={wrong[0]}] .pacte-order-mark").inner_text()
    solution = _plain(root.locator(".pacte-order-solution").inner_text())
    assert "L’ordre attendu" in solution
    assert "21 juillet 2009 — La loi « Hôpital, patients, santé, territoires »" in solution
    assert "Source" in solution and "Fournier, 2021" in solution
    assert "1983 chez F.-X. Schweyer" in solution  # the sources' disagreement is shown
    sent = page.evaluate("window.__pacteAnswers")
    assert sent[-1] == {"activity": "ordering:panorama-reformes", "question": "order", "answer": order}
    root.scroll_into_view_if_needed()
    screenshot(page, "panorama-ordering-checked")

    root.locator("button[data-action=reset]").click()
    assert root.get_attribute("data-status") == "unchecked"
    assert root.get_attribute("data-order") == ",".join(FILE_ORDER)
    assert root.locator(".pacte-order-solution").inner_text() == ""
    _clean(page)


def test_static_ordering_on_a_narrow_screen(offline_page, book_url):
    page = offline_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(book_url + HISTORY + ".html", wait_until="networkidle")
    root = page.locator("section.pacte-order")
    root.wait_for(timeout=TIMEOUT)
    root.scroll_into_view_if_needed()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, width
    screenshot(page, "panorama-ordering-390")
    _clean(page)


def test_static_structure_sorting(offline_page, book_url):
    page = offline_page
    page.goto(book_url + STRUCTURES + ".html", wait_until="networkidle")
    ex = page.locator(".pacte-sort")
    ex.wait_for(timeout=TIMEOUT)
    form = ex.locator("form[data-item=bourg-rural]")
    form.locator("input[value=cds]").check()
    form.locator("button[type=submit]").click()
    text = _plain(form.locator(".pacte-sort-feedback").inner_text())
    assert form.get_attribute("data-status") == "incorrect" and "« MSP »" in text
    assert "emploie des salariés" in text and "Source" in text
    form.locator("input[value=msp]").check()
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-status") == "correct"
    cpts = ex.locator("form[data-item=bassin-60000]")
    cpts.locator("input[value=cpts]").check()
    cpts.locator("button[type=submit]").click()
    assert cpts.get_attribute("data-status") == "correct"
    assert ex.get_attribute("data-score") == "2"
    form.scroll_into_view_if_needed()
    screenshot(page, "panorama-sorting")
    _clean(page)


def test_static_quiz_answers(offline_page, book_url):
    page = offline_page
    page.goto(book_url + COUNTS + ".html", wait_until="networkidle")
    quiz = page.locator(".pacte-quiz")
    quiz.wait_for(timeout=TIMEOUT)
    _listen_answers(page)
    form = quiz.locator("form[data-question=chiffres-cpts-stades]")
    form.locator("input[value=juste]").check()
    form.locator("button[type=submit]").click()
    feedback = form.locator(".pacte-quiz-feedback")
    assert "Réponse incorrecte" in feedback.inner_text() and "Fournier, 2021" in feedback.inner_text()
    form.locator("input[value=stades]").check()
    form.locator("button[type=submit]").click()
    assert "Bonne réponse" in feedback.inner_text()
    sent = page.evaluate("window.__pacteAnswers")
    assert sent and sent[-1] == {"activity": "quiz:panorama", "question": "chiffres-cpts-stades", "answer": "stades"}
    _clean(page)


def test_voila_ordering_sorting_and_quiz_reach_python(offline_page, pacte_server):
    page = offline_page
    open_voila(page, pacte_server + "voila/render/" + HISTORY + ".ipynb", "section.pacte-order")
    assert voila_view_findings(page) == []
    root = page.locator("section.pacte-order")
    root.locator("li[data-item=usb] input[data-action=position]").fill("1")
    root.locator("li[data-item=usb] input[data-action=position]").press("Enter")
    root.locator("button[data-action=check]").click()
    order = root.get_attribute("data-order").split(",")
    expected = score_ordering(EXERCISE, {"order": order})
    page.wait_for_selector(
        f"section.pacte-order[data-kernel-status=complete][data-kernel-correct='{expected['correct']}']"
        f"[data-kernel-pairs='{expected['pairs']}']",
        timeout=TIMEOUT,
    )
    root.scroll_into_view_if_needed()
    screenshot(page, "voila-panorama-ordering")
    assert page.pacte_log.external == [] and page.pacte_log.page_errors == []

    open_voila(page, pacte_server + "voila/render/" + STRUCTURES + ".ipynb", ".pacte-sort")
    assert voila_view_findings(page) == []
    ex = page.locator(".pacte-sort")
    form = ex.locator("form[data-item=patient-complexe]")
    form.locator("input[value=dac]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".pacte-sort[data-kernel-correct='1'][data-kernel-answered='1']", timeout=TIMEOUT)
    quiz = page.locator(".pacte-quiz")
    q = quiz.locator("form[data-question=structures-cds-msp]")
    q.locator("input[value=statut]").check()
    q.locator("button[type=submit]").click()
    page.wait_for_selector(".pacte-quiz[data-kernel-score='1']", timeout=TIMEOUT)
    assert page.pacte_log.external == [] and page.pacte_log.page_errors == []
