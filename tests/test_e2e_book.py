"""The built book in headless Chromium, network closed: a chart redraws, quizzes answer (every page loading
without error and drawing its charts: tests/test_page_tour.py)."""

from __future__ import annotations

import pytest
from conftest import offline_context, screenshot

pytestmark = pytest.mark.browser

SURVEY_PAGE = "modules/metier/qui-sont-les-coordinateurs.html"


def test_no_built_page_names_a_third_party_script_host(built_book):
    offenders = []
    for path in built_book.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for host in ("cdn.jsdelivr", "unpkg.com", "cdnjs.", "esm.sh", "fonts.googleapis", "skypack"):
            if host in text:
                offenders.append(f"{path.relative_to(built_book)}: {host}")
    assert offenders == []


def test_survey_selector_redraws_the_chart_in_the_browser(offline_page, book_url):
    page = offline_page
    page.goto(book_url + SURVEY_PAGE)
    explorer = page.locator("figure.pacte-chart").nth(1)
    explorer.scroll_into_view_if_needed()  # Vega draws a chart when it is about to be seen
    explorer.locator("svg").first.wait_for(timeout=20000)
    before = explorer.locator("svg").first.text_content()
    assert "Conflits, blocages" in before
    explorer.locator("select").select_option("cohesion")
    page.wait_for_function(
        "el => el.querySelector('svg').textContent.includes('Vraiment soudée') && "
        "!el.querySelector('svg').textContent.includes('Conflits')",
        arg=explorer.element_handle(),
        timeout=10000,
    )
    after = explorer.locator("svg").first.text_content()
    assert "Conflits, blocages" not in after and "25\u00a0%" in after
    explorer.locator("select").select_option("difficulties")
    page.wait_for_function(
        "el => el.querySelector('svg').textContent.includes('Conflits')", arg=explorer.element_handle(), timeout=10000
    )
    explorer.scroll_into_view_if_needed()
    screenshot(page, "static-survey-page")
    assert page.pacte_log.external == [] and page.pacte_log.console_errors == []


def test_quiz_gives_feedback_and_score_without_a_kernel(offline_page, book_url):
    page = offline_page
    page.goto(book_url + SURVEY_PAGE)
    quiz = page.locator(".pacte-quiz")
    quiz.wait_for(timeout=20000)
    single = quiz.locator("form[data-question=structure-plus-recente]")
    single.locator("input[value=msp]").check()
    single.locator("button[type=submit]").click()
    feedback = single.locator(".pacte-quiz-feedback")
    assert "Réponse incorrecte" in feedback.inner_text() and "69\u00a0%" in feedback.inner_text()
    assert "Source\u00a0: Schweyer, 2025" in feedback.inner_text()
    single.locator("input[value=cpts]").check()
    single.locator("button[type=submit]").click()
    assert "Bonne réponse" in feedback.inner_text()
    numeric = quiz.locator("form[data-question=dynamique-cpts]")
    numeric.locator("input").fill("cent")
    numeric.locator("button[type=submit]").click()
    assert "Saisissez un nombre" in numeric.locator(".pacte-quiz-feedback").inner_text()
    numeric.locator("input").fill("20,5")
    numeric.locator("button[type=submit]").click()
    assert numeric.get_attribute("data-status") == "correct"
    multiple = quiz.locator("form[data-question=satisfactions]")
    multiple.locator("input[value=projet]").check()
    multiple.locator("input[value=animation]").check()
    multiple.locator("button[type=submit]").click()
    assert multiple.get_attribute("data-status") == "correct"
    assert quiz.locator(".pacte-quiz-score").inner_text().startswith("Score\u00a0: 3 / 8")
    assert quiz.get_attribute("data-kernel-score") is None
    quiz.locator("button", has_text="Recommencer le quiz").click()
    assert quiz.locator(".pacte-quiz-score").inner_text().startswith("Score\u00a0: 0 / 8")
    assert page.pacte_log.external == [] and page.pacte_log.console_errors == []


def test_home_page_weight_is_reasonable(browser, book_url):
    context, page = offline_context(browser, fresh=True)  # nothing in Chromium's cache yet
    sizes = []
    page.on("response", lambda r: sizes.append(int(r.headers.get("content-length", "0"))))
    try:
        page.goto(book_url, wait_until="networkidle")
    finally:
        context.close()
    assert sizes and sum(sizes) < 3_000_000
