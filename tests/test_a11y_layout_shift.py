"""Pages that do not jump as they load on a slow phone, or for a joined trainee (issue 28).

Every page's layout shift at 1280 px and at 390 px, the CPU not slowed, is measured by the page tour
(``test_page_tour.py``), as ``pacte serve`` serves it. Here, the pages are served as ``pacte serve``
serves them (the ``pacte-live`` marker, so the « Séance en direct » control is added; the live API is
answered by the test), with what the tour cannot afford on every page:

* at 390 px with the CPU slowed 4 times through the Chrome DevTools Protocol, as Lighthouse's mobile
  profile does, until the page's widgets are mounted (then unslowed for the late shifts: a slowed
  Chromium keeps a core busy all the while, measured 0.9 s of CPU per second even idle);
* a trainee who joined on an earlier page (the session in ``localStorage``): the compact bar replaces the
  control as the page loads; three module pages at both widths.

The shifts are summed by a ``PerformanceObserver`` (``a11y_support.CLS_OBSERVER``).
``PACTE_CLS_PAGES=all`` measures every page of the book (default: one page per module, the chart
pages of the issue, the home and search pages); ``PACTE_CLS_PAGES=a,b`` the pages whose path contains
``a`` or ``b``.
"""

from __future__ import annotations

import os

import pytest
from a11y_support import CLS_LIMIT, CLS_OBSERVER, CPU_SLOWDOWN_PHONE, built_pages, settle_shifts, wait_widgets
from conftest import log_external
from test_live_room_browser import FAKE_EVENT_SOURCE, LIVE_META, FakeApi

pytestmark = pytest.mark.browser

SAMPLE = [
    "book/intro.html",
    "book/mon-parcours.html",
    "search.html",
    "modules/panorama/histoire-des-reformes.html",
    "modules/panorama/compter-les-structures.html",
    "modules/dimensions/index.html",
    "modules/financement/simulateur-aci-msp.html",
    "modules/dynamiques/ce-que-dit-l-enquete.html",
    "modules/metier/qui-sont-les-coordinateurs.html",
    "modules/territoires/inegalites-territoriales.html",
    "modules/territoires/cpts-et-responsabilite-territoriale.html",
]


def _pages(built_book) -> list[str]:
    wanted = os.environ.get("PACTE_CLS_PAGES", "")
    every = built_pages(built_book)
    if wanted == "all":
        return every
    if wanted:
        return [p for p in every if any(w in p for w in wanted.split(","))]
    return [p for p in SAMPLE if (built_book / p).exists()]


def _live_context(browser, book_url: str, width: int, joined: bool):
    """A context whose pages are served as ``pacte serve`` serves them, the live API answered by the test."""
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 500 else 900}, locale="fr-FR", has_touch=width < 500
    )
    context.add_init_script(FAKE_EVENT_SOURCE)
    context.add_init_script(CLS_OBSERVER)
    if joined:  # a trainee who joined on an earlier page: the session is in localStorage
        context.add_init_script(
            "localStorage.setItem('pacte-live-session', JSON.stringify("
            "{code: 'K7M2QX', title: 'Promotion test', participant: 'p-0123456789abcdef'}))"
        )
    api = FakeApi()
    external: list[str] = []

    def with_marker(r):
        response = r.fetch()
        r.fulfill(response=response, body=response.text().replace("<head>", "<head>" + LIVE_META, 1))

    page = context.new_page()
    log_external(page, external)
    page.route("**/*.html*", with_marker)
    page.route("**/api/live/**", api.handle)
    return context, page, external


def _measure(browser, book_url: str, pages: list[str], width: int, joined: bool) -> dict[str, tuple[float, list]]:
    context, page, external = _live_context(browser, book_url, width, joined)
    results = {}
    try:
        cdp = context.new_cdp_session(page)
        slowdown = CPU_SLOWDOWN_PHONE if width < 500 else 1
        for rel in pages:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
            page.goto(book_url + rel, wait_until="load")
            wait_widgets(page, timeout=120_000, charts=False)  # what loads before any scroll, as Lighthouse sees it
            marker = ".pacte-live[data-joined=true]" if joined else ".pacte-live:not([data-joined])"
            page.locator(marker).wait_for(state="attached", timeout=60_000)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})  # loaded: the late shifts come at full speed
            cls = settle_shifts(page)
            results[rel] = (cls["total"], cls["shifts"])
    finally:
        context.close()
    assert external == []
    return results


@pytest.mark.parametrize(
    ("width", "joined"), [(390, False), (390, True), (1280, True)], ids=["phone", "phone-joined", "laptop-joined"]
)
def test_pages_do_not_jump_as_they_load(browser, built_book, book_url, width, joined):
    pages = _pages(built_book)
    if joined:
        pages = [p for p in pages if p.startswith("modules/")][:3]
    results = _measure(browser, book_url, pages, width, joined)
    for rel, (total, shifts) in results.items():
        print(f"CLS {width} px{' joined' if joined else ''}: {total:.3f} {rel} {shifts}")
    bad = {rel: r for rel, r in results.items() if r[0] >= CLS_LIMIT}
    assert not bad, "layout shift ≥ 0.1:\n" + "\n".join(f"{rel}: {t:.3f} ({s})" for rel, (t, s) in bad.items())


@pytest.mark.parametrize("width", [390, 1280])
def test_the_live_control_opens_the_join_form_and_a_joined_trainee_gets_a_compact_bar(browser, book_url, width):
    context, page, _ = _live_context(browser, book_url, width, False)
    try:
        page.goto(book_url + "search.html")
        toggle = page.get_by_role("button", name="Séance en direct")
        toggle.wait_for()
        header = page.locator(".bd-header-article")
        assert toggle.evaluate("(b) => b.closest('.bd-header-article') !== null")
        assert page.locator("#pacte-live-code").is_hidden() and toggle.get_attribute("aria-expanded") == "false"
        # the box goes under the article's header, never above it
        assert page.evaluate(
            "document.querySelector('.bd-header-article').compareDocumentPosition(document.querySelector('.pacte-live'))"
            " & Node.DOCUMENT_POSITION_FOLLOWING"
        )
        header_box = header.bounding_box()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        code = page.locator("#pacte-live-code")
        assert code.is_visible() and code.evaluate("(i) => i === document.activeElement")
        assert code.bounding_box()["y"] >= header_box["y"] + header_box["height"] - 1
        code.fill("k7m2qx")
        page.get_by_role("button", name="Rejoindre").click()
        bar = page.locator(".pacte-live-head")
        bar.wait_for()
        page.locator(".pacte-live-room .pacte-live-room-status").wait_for()  # the room's status, in the bar
        fixed = bar.evaluate(
            "(b) => [b, b.closest('.pacte-live')].some((e) => getComputedStyle(e).position === 'fixed')"
        )
        assert fixed
        height = page.evaluate(
            "Math.max(...[...document.querySelectorAll('.pacte-live, .pacte-live-head')]"
            ".filter((e) => getComputedStyle(e).position === 'fixed').map((e) => e.getBoundingClientRect().height))"
        )
        assert height < (130 if width < 500 else 80), height
        assert toggle.is_hidden()
        page.once("dialog", lambda d: d.accept())  # « Quitter la séance ? » asks first
        page.get_by_role("button", name="Quitter la séance").click()
        page.locator(".pacte-live-form").wait_for()  # after leaving, the form is open to join again
    finally:
        context.close()
