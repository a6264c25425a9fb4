"""The shared contexts of ``tests/browser_tabs.py``: what a test leaves is gone for the next one."""

from __future__ import annotations

import pytest
from conftest import offline_context

pytestmark = pytest.mark.browser


def test_a_test_finds_nothing_the_previous_one_left(browser, book_url):
    context, page = offline_context(browser)
    page.goto(book_url + "book/intro.html")
    page.evaluate("() => { localStorage.setItem('pacte-essai', '1'); sessionStorage.setItem('pacte-essai', '1'); }")
    page.evaluate("() => { document.cookie = 'pacte_essai=1; path=/'; }")
    context.add_init_script("window.__leftByTheFirstTest = true;")
    assert context.cookies()
    context.close()

    context, page = offline_context(browser)
    try:
        page.goto(book_url + "book/intro.html")
        left = page.evaluate(
            """() => [localStorage.getItem('pacte-essai'), sessionStorage.getItem('pacte-essai'),
                      document.cookie, !!window.__leftByTheFirstTest]"""
        )
    finally:
        context.close()
    assert left == [None, None, "", False]


def test_a_fresh_context_is_a_new_browser_context(browser):
    context, _ = offline_context(browser, fresh=True)
    try:
        assert context not in [shared.context for shared in browser.pacte_tabs._shared.values()]
        assert context.browser is browser
    finally:
        context.close()
