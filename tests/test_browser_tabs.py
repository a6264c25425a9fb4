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
        assert context not in browser.pacte_tabs.contexts()
        assert context.browser is browser
    finally:
        context.close()


def test_contexts_open_at_once_do_not_share_their_storage(browser, book_url):
    """Two trainees of one test (same options) are two browsers: what one stores, the other does not see."""
    first, one = offline_context(browser)
    second, other = offline_context(browser)
    try:
        one.goto(book_url + "book/intro.html")
        one.evaluate("() => localStorage.setItem('pacte-essai', '1')")
        other.goto(book_url + "book/intro.html")
        assert other.evaluate("() => localStorage.getItem('pacte-essai')") is None
    finally:
        first.close()
        second.close()
