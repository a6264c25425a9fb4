"""`pacte serve` in headless Chromium: the Voilà view renders offline and answers reach Python."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from conftest import draw_charts, screenshot

pytestmark = pytest.mark.browser

VOILA_SURVEY = "voila/render/modules/metier/qui-sont-les-coordinateurs.ipynb"


def test_server_serves_the_book_and_hides_jupyter_apis(pacte_server):
    with urllib.request.urlopen(pacte_server + "book/intro.html") as resp:
        assert "La coordination en soins primaires" in resp.read().decode()
    with urllib.request.urlopen(pacte_server + "pacte/static/vendor/vega-bundle.js") as resp:
        assert resp.status == 200
    for path in ("api/contents", "api/terminals", "api/kernels", "voila/tree", "voila/api/contents", "tree", "lab"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(pacte_server + path)
        assert err.value.code in (403, 404, 405), path


def test_voila_view_renders_offline_and_answers_reach_python(offline_page, pacte_server):
    page = offline_page
    page.goto(pacte_server + VOILA_SURVEY)
    draw_charts(page, timeout=120_000, count=2)  # scrolled to in turn: Vega draws a chart about to be seen
    assert page.locator("figure.pacte-chart[data-rendered=true]").count() == 2
    quiz = page.locator(".pacte-quiz")
    form = quiz.locator("form[data-question=feminisation]")
    form.locator("input[value=p76]").check()
    form.locator("button[type=submit]").click()
    assert "Bonne réponse" in form.locator(".pacte-quiz-feedback").inner_text()
    page.wait_for_selector(".pacte-quiz[data-kernel-score='1']", timeout=20000)
    form = quiz.locator("form[data-question=cdi-cpts]")
    form.locator("input[value=msp]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_function("document.querySelector('.pacte-quiz').dataset.score === '1'")
    explorer = page.locator("figure.pacte-chart").nth(1)
    explorer.locator("select").select_option("cohesion")
    page.wait_for_function(
        "el => el.querySelector('svg').textContent.includes('Vraiment soudée')",
        arg=explorer.element_handle(),
        timeout=10000,
    )
    explorer.scroll_into_view_if_needed()
    screenshot(page, "voila-survey-page")
    assert page.pacte_log.external == []
    assert page.pacte_log.page_errors == []
