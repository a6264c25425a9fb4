"""Accessibility of every built page (issue 17, RGAA / WCAG 2.1 AA), in headless Chromium, network closed.

* axe-core (WCAG 2.0/2.1 A and AA rules): no critical or serious violation on any page at desktop width;
* at 390 px: no page scrolls sideways, no chart is wider than its widget, no SVG text under 12 px
  (rendered size), no two labels of the same chart axis overlap;
* the theme's controls have French names, the root redirect page has ``lang="fr"`` and a title.

Each page is visited once per width; axe runs once per page.
"""

from __future__ import annotations

import re

import pytest
from a11y_support import LAYOUT_PROBE, built_pages, describe, offline_context, run_axe, wait_widgets

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(built_book) -> list[str]:
    return built_pages(built_book)


def _visit_all(browser, book_url, pages, width, probe):
    context, external = offline_context(browser, width)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    results = {}
    try:
        for rel in pages:
            page.goto(book_url + rel, wait_until="load")
            wait_widgets(page)
            page.wait_for_timeout(250)  # charts settle (container width, ResizeObserver)
            results[rel] = probe(page)
    finally:
        context.close()
    return results, external, errors


@pytest.fixture(scope="module")
def desktop_audit(browser, book_url, pages):
    return _visit_all(browser, book_url, pages, 1280, run_axe)


@pytest.fixture(scope="module")
def phone_layout(browser, book_url, pages):
    return _visit_all(browser, book_url, pages, 390, lambda page: page.evaluate(LAYOUT_PROBE))


def test_axe_finds_no_critical_or_serious_violation_on_any_page(desktop_audit):
    results, external, errors = desktop_audit
    bad = {rel: v for rel, v in results.items() if v}
    assert not bad, "axe-core violations:\n" + "\n".join(f"{rel}: {describe(v)}" for rel, v in bad.items())
    assert not external, f"requests to other hosts: {external}"
    assert not errors, f"page errors: {errors}"


def test_every_page_fits_a_390px_phone(phone_layout):
    results, _, errors = phone_layout
    problems = []
    for rel, r in results.items():
        if r["overflow"] > 1:
            problems.append(f"{rel}: the page scrolls sideways by {r['overflow']} px")
        problems += [f"{rel}: chart wider than its widget: {w}" for w in r["wideCharts"]]
        problems += [f"{rel}: SVG text under 12 px: {t}" for t in r["smallText"]]
        problems += [f"{rel}: overlapping axis labels: {o}" for o in r["overlaps"]]
    assert not problems, "\n".join(problems)
    assert not errors, f"page errors: {errors}"


def test_charts_speak_french_and_show_their_data(browser, book_url, pages, built_book):
    """Each chart is one image named in French (no Vega ARIA), with a « Voir les données » table."""
    chart_pages = [p for p in pages if 'data-pacte-module="chart"' in (built_book / p).read_text(encoding="utf-8")]
    assert chart_pages, "no page with a chart"
    context, _ = offline_context(browser, 1280)
    page = context.new_page()
    try:
        for rel in chart_pages:
            page.goto(book_url + rel, wait_until="load")
            wait_widgets(page)
            for fig in page.locator("figure.pacte-chart").all():
                svg = fig.locator(".pacte-chart-view svg").first
                assert svg.get_attribute("role") == "img", rel
                label = svg.get_attribute("aria-label") or ""
                assert len(label) > 20 and not re.search(r"\b(axis|titled|scale|chart|for a)\b", label, re.I), (
                    rel,
                    label,
                )
                english = fig.evaluate("""(f) => [...f.querySelectorAll('[aria-label],[aria-roledescription]')]
                    .map((n) => (n.getAttribute('aria-label') || '') + ' ' + (n.getAttribute('aria-roledescription') || ''))
                    .filter((t) => /\\b(axis|titled|scale|legend|for a|graphics)\\b/i.test(t))""")
                assert not english, (rel, english)
                details = fig.locator("details.pacte-chart-data")
                assert details.locator("summary").inner_text() == "Voir les données"
                details.locator("summary").click()
                table = details.locator("table")
                assert table.locator("thead th").count() >= 2, rel
                assert table.locator("tbody tr").count() >= 2, rel
    finally:
        context.close()


def test_root_redirect_page_is_french_with_a_title(built_book):
    text = (built_book / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in text
    assert re.search(r"<title>[^<]{5,}</title>", text)
    assert 'http-equiv="Refresh"' in text


def test_theme_controls_have_french_names(built_book, pages):
    english = re.compile(
        r'aria-label="(Main|Site navigation|On this page|Search|Color mode|Breadcrumb|'
        r'Toggle primary sidebar|Toggle secondary sidebar|Section Navigation)"|>\s*Toggle (primary|secondary)'
    )
    found = []
    for rel in pages:
        text = (built_book / rel).read_text(encoding="utf-8")
        found += [f"{rel}: {m.group(0)}" for m in english.finditer(text)]
    assert not found, "\n".join(found[:20])


def test_theme_ships_only_the_icons_it_uses(built_book):
    fa = built_book / "_static" / "scripts" / "fontawesome.js"
    assert fa.stat().st_size < 60_000, f"fontawesome.js is {fa.stat().st_size} bytes: the icon subset was not written"
    assert "magnifying-glass" in fa.read_text(encoding="utf-8")
