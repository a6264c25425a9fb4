"""Chart legend filters without a mouse (issue 28): buttons beside the chart drive the legend's selection.

A Vega-Lite legend bound to a point selection filters with a click only; widgets/static/chart_legend.js
adds one toggle button (``aria-pressed``) per legend value and « Tout afficher », and keeps them in step
with the mouse. Each data point's value (what the tooltip shows) is in the « Voir les données » table.
"""

from __future__ import annotations

from a11y_support import offline_context, wait_widgets
from node_runner import call_js

PAGE = "modules/territoires/inegalites-territoriales.html"
FADED = "0.25"  # the opacity of the bars outside the selection (widgets/territories.py)


def _legend_spec():
    return {
        "params": [
            {"name": "pick", "select": {"type": "point", "fields": ["kind"]}, "bind": "legend", "views": ["v"]},
            {"name": "year", "bind": {"input": "select", "options": [1, 2]}, "value": 1},
        ],
        "layer": [
            {
                "mark": "point",
                "encoding": {
                    "color": {"field": "kind", "type": "nominal", "title": "Source"},
                    "x": {"field": "n", "type": "quantitative"},
                },
            }
        ],
        "data": {"values": [{"kind": "b", "n": 1}, {"kind": "a", "n": 2}, {"kind": "b", "n": 3}]},
    }


def test_legend_filters_are_found_with_their_values():
    spec = _legend_spec()
    ordered = _legend_spec()
    ordered["layer"][0]["encoding"]["color"]["scale"] = {"domain": ["b", "a"]}
    found, from_domain, none = call_js(
        "chart_layout", "legendFilters", [[spec], [ordered], [{"mark": "bar", "encoding": {}}]]
    )
    assert found == [{"param": "pick", "field": "kind", "title": "Source", "values": ["a", "b"]}]
    assert from_domain[0]["values"] == ["b", "a"]
    assert none == []


def _faded(page) -> int:
    return page.evaluate(
        """(faded) => [...document.querySelectorAll('figure.pacte-chart .mark-rect path')]
             .filter((p) => p.getAttribute('opacity') === faded || p.style.opacity === faded).length""",
        FADED,
    )


def _tab_to(page, selector: str, max_steps: int = 300) -> None:
    """Press Tab until the focused element matches ``selector`` (keyboard only, no click)."""
    for _ in range(max_steps):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached in {max_steps} Tab presses")


def test_a_legend_filters_with_the_keyboard_only(browser, book_url):
    context, external = offline_context(browser, 1280, 900)
    page = context.new_page()
    try:
        page.goto(book_url + PAGE)
        wait_widgets(page)
        group = page.locator(".pacte-chart-filter")
        assert group.count() == 1, "no keyboard filter beside the chart's clickable legend"
        assert group.get_attribute("role") == "group"
        assert _faded(page) == 0
        first = group.locator("button[aria-pressed]").first
        value = first.get_attribute("data-value")
        _tab_to(page, ".pacte-chart-filter button[aria-pressed]")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.querySelector('.pacte-chart-filter [aria-pressed=true]')")
        assert first.get_attribute("aria-pressed") == "true"
        page.wait_for_function(
            """(f) => [...document.querySelectorAll('figure.pacte-chart .mark-rect path')]
                 .some((p) => p.getAttribute('opacity') === f)""",
            arg=FADED,
        )
        shown = page.evaluate(
            """(f) => [...document.querySelectorAll('figure.pacte-chart .mark-rect path')]
                 .filter((p) => p.getAttribute('opacity') !== f).length""",
            FADED,
        )
        assert 0 < shown < page.locator("figure.pacte-chart .mark-rect path").count(), value
        # A second value joins the first (as a shift-click on the legend does).
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        page.wait_for_function("() => document.querySelectorAll('.pacte-chart-filter [aria-pressed=true]').length == 2")
        # « Tout afficher » shows every bar again.
        _tab_to(page, ".pacte-chart-filter-all")
        page.keyboard.press("Enter")
        page.wait_for_function("() => !document.querySelector('.pacte-chart-filter [aria-pressed=true]')")
        page.wait_for_function(
            """(f) => ![...document.querySelectorAll('figure.pacte-chart .mark-rect path')]
                 .some((p) => p.getAttribute('opacity') === f)""",
            arg=FADED,
        )
        # A mouse click on the legend shows on the buttons.
        page.locator(
            "figure.pacte-chart .role-legend-label text, figure.pacte-chart .mark-text.role-legend-label text"
        ).first.click()
        page.wait_for_function("() => document.querySelectorAll('.pacte-chart-filter [aria-pressed=true]').length == 1")
        # The values the tooltip shows are in the data table.
        table = page.locator("figure.pacte-chart .pacte-chart-table")
        assert "Instruments" in (table.locator("thead").text_content() or "")
        assert not external
    finally:
        context.close()
