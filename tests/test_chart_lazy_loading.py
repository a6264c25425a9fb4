"""Vega is loaded only when a chart is about to be seen (issue 28: chart pages fast on a phone).

The runtime (widgets/static/vendor/vega-bundle.js, 1.1 MB) used to load and compile on every chart
page before anything was drawn; now a chart waits (``data-pending``) until it comes within 400 px of
the viewport, gets the keyboard focus or is printed, and the first one to do so loads Vega. Until
then the figure already gives its name, description, legend buttons and data table.
"""

from __future__ import annotations

import pytest
from a11y_support import offline_context, wait_widgets

pytestmark = pytest.mark.browser

PAGE = "modules/panorama/compter-les-structures.html"
LEGEND_PAGE = "modules/territoires/inegalites-territoriales.html"  # a chart with a clickable legend
WIDTH, HEIGHT = 390, 700  # a phone
MARGIN = 400  # rootMargin of whenNeeded() in widgets/static/chart.js


def _open_far_from_the_chart(browser, page_path: str):
    """A phone-sized page whose first chart is mounted but far below the viewport, still pending."""
    context, external = offline_context(browser, WIDTH, HEIGHT)
    page = context.new_page()
    vega: list[str] = []
    page.on("request", lambda r: vega.append(r.url) if "vega-bundle" in r.url else None)
    page.goto(page_path, wait_until="load")
    wait_widgets(page, charts=False)
    figure = page.locator("figure.pacte-chart").first
    top = figure.evaluate("(f) => f.getBoundingClientRect().top")
    assert top > HEIGHT + MARGIN, f"the chart is {top:.0f} px down: the page no longer tests lazy loading"
    assert figure.get_attribute("data-pending") == "true"
    assert figure.get_attribute("data-rendered") is None
    return context, external, page, figure, vega


def test_vega_loads_when_the_reader_reaches_the_chart(browser, book_url):
    context, external, page, figure, vega = _open_far_from_the_chart(browser, book_url + PAGE)
    try:
        page.wait_for_timeout(1000)  # idle time changes nothing: only seeing the chart draws it
        assert vega == [], "Vega was loaded before any chart was near the viewport"
        assert figure.get_attribute("data-pending") == "true"
        # What the chart shows is already there without Vega: its name, description and data table.
        assert figure.locator(".pacte-chart-view[role=img]").get_attribute("aria-label")
        assert figure.locator(".pacte-chart-description").inner_text().strip()
        assert figure.locator(".pacte-chart-table tbody tr").count() > 0
        figure.scroll_into_view_if_needed()
        page.wait_for_function("(f) => f.dataset.rendered === 'true'", arg=figure.element_handle())
        assert len(vega) == 1
        assert figure.get_attribute("data-pending") is None
        assert figure.locator("svg[role=img]").count() == 1
        assert figure.locator(".pacte-chart-view").get_attribute("role") is None  # the SVG carries the name now
        assert not external
    finally:
        context.close()


def test_a_chart_not_drawn_yet_prints_its_data_table(browser, book_url):
    """Printing cannot wait for Vega: a pending chart opens its data table for paper, then closes it."""
    context, external, page, figure, _ = _open_far_from_the_chart(browser, book_url + PAGE)
    try:
        details = figure.locator("details.pacte-chart-data")
        assert details.evaluate("(d) => d.open") is False
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        assert details.evaluate("(d) => d.open") is True
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        assert details.evaluate("(d) => d.open") is False
        # Printing also starts the drawing, for the next print.
        page.wait_for_function("(f) => f.dataset.rendered === 'true'", arg=figure.element_handle())
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        assert details.evaluate("(d) => d.open") is False, "a drawn chart prints its drawing, its table stays closed"
        assert not external
    finally:
        context.close()


def test_a_legend_reached_with_the_keyboard_draws_its_chart(browser, book_url):
    """Tabbing to a pending chart's legend buttons draws it; a press made meanwhile is not lost."""
    context, external, page, figure, vega = _open_far_from_the_chart(browser, book_url + LEGEND_PAGE)
    try:
        first = figure.locator(".pacte-chart-filter button[aria-pressed]").first
        for _ in range(300):
            page.keyboard.press("Tab")
            if first.evaluate("(b) => b === document.activeElement"):
                break
        else:
            raise AssertionError("the chart's first legend button was not reached with Tab")
        page.keyboard.press("Enter")  # at once: Vega may not be there yet
        page.wait_for_function("(f) => f.dataset.rendered === 'true'", arg=figure.element_handle())
        page.wait_for_function("(b) => b.getAttribute('aria-pressed') === 'true'", arg=first.element_handle())
        assert len(vega) == 1
        assert not external
    finally:
        context.close()
