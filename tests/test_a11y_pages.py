"""Accessibility of every built page (issue 17, RGAA / WCAG 2.1 AA) read from the built files: the theme's
controls have French names, the root redirect page has ``lang="fr"`` and a title, the icon font is a subset.

axe-core, the charts' French names and the layout at 390 px are checked in Chromium by the page tour
(tests/test_page_tour.py), which visits each page once per width.
"""

from __future__ import annotations

import re

import pytest
from a11y_support import built_pages

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(built_book) -> list[str]:
    return built_pages(built_book)


def test_root_redirect_page_is_french_with_a_title(built_book):
    text = (built_book / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in text
    assert re.search(r"<title>[^<]{5,}</title>", text)
    assert 'http-equiv="Refresh"' in text
    assert '<link rel="icon" href="_static/favicon.svg">' in text  # else the browser asks /favicon.ico: a 404
    assert (built_book / "_static" / "favicon.svg").is_file()


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
