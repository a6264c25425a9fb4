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
    assert text.count("<main") == 1 and text.count("</main>") == 1
    assert text.index("<main") < text.index('cell-index="1"') < text.index("</main>")


def test_a_voila_view_passes_axe_once_its_widgets_are_drawn(browser, pacte_server):
    context, page = offline_context(browser, 1280, 900)
    try:
        page.goto(pacte_server + VIEW, timeout=180_000)
        page.locator("main #rendered_cells").wait_for(state="visible", timeout=120_000)
        page.locator(".pacte-diag").first.wait_for(timeout=60_000)
        page.wait_for_timeout(500)
        violations = run_axe(page)
        screenshot(page, "voila-dimensions-index")
    finally:
        context.close()
    assert violations == [], describe(violations)
    assert page.pacte_log.external == []
