"""Voilà views in French, titled by their page, with a ``main`` landmark, and audited by axe (issue 28)."""

from __future__ import annotations

import re
import urllib.request

import pytest
from a11y_support import describe, run_axe
from conftest import offline_context, screenshot

pytestmark = pytest.mark.browser

VIEW = "voila/render/modules/dimensions/index.ipynb"


def test_a_voila_view_is_french_titled_by_its_page_with_a_main_landmark(pacte_server):
    with urllib.request.urlopen(pacte_server + VIEW, timeout=180) as resp:
        text = resp.read().decode("utf-8")
    assert re.search(r'<html lang="fr">', text), text[:300]
    assert "<title>Les dimensions de la coordination</title>" in text, re.findall(r"<title>.*?</title>", text)
    assert "<main" not in text and "</main>" not in text  # nbconvert's unopened </main> is gone
    assert text.count('role="main"') == 1
    assert text.index('<div id="rendered_cells" role="main"') < text.index('cell-index="1"')


def test_a_voila_view_passes_axe_once_its_widgets_are_drawn(browser, pacte_server):
    context, page = offline_context(browser, 1280, 900)
    try:
        page.goto(pacte_server + VIEW, timeout=180_000)
        page.locator("#rendered_cells").wait_for(state="visible", timeout=120_000)
        page.locator(".pacte-diag").first.wait_for(timeout=60_000)
        page.wait_for_timeout(500)
        # Once drawn (Voilà moved the cells into its shell), one main landmark holds the widgets.
        landmarks = page.evaluate(
            "() => [...document.querySelectorAll('main, [role=main]')].map(m => !!m.querySelector('.pacte-diag'))"
        )
        assert landmarks == [True]
        violations = run_axe(page)
        screenshot(page, "voila-dimensions-index")
    finally:
        context.close()
    assert violations == [], describe(violations)
    assert page.pacte_log.external == []
