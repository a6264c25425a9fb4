"""The theme's search scripts only where they serve (issue 28, pacte/site/page_scripts.py)."""

from __future__ import annotations

import pytest
from a11y_support import built_pages

from pacte.site.page_scripts import drop_search_scripts

HEAD = """<head>
    <script src="../_static/searchtools.js"></script>
    <script src="../_static/language_data.js"></script>
    <script src="../searchindex.js"></script>
  </head>"""


def test_the_three_search_scripts_are_dropped_together():
    assert drop_search_scripts(HEAD) == "<head>\n  </head>"
    alone = '<script src="../searchindex.js"></script>'
    assert drop_search_scripts(alone) == alone  # not the theme's block: left alone


def test_no_page_but_search_loads_the_search_index(built_book):
    pages = built_pages(built_book)
    loading = [p for p in pages if "searchindex.js" in (built_book / p).read_text(encoding="utf-8")]
    assert loading == ["search.html"]


@pytest.mark.browser
def test_the_search_page_still_finds(offline_page, book_url):
    page = offline_page
    page.goto(book_url + "search.html?q=coordination", wait_until="load")
    page.locator("#search-results li").first.wait_for(timeout=60_000)
    assert page.locator("#search-results li").count() > 3
    assert page.pacte_log.page_errors == []
