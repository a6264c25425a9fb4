"""Lighthouse (npm ``lighthouse``, pinned in js/package.json), mobile profile, on one chart page (issue 28).

Accessibility score ≥ 95 and cumulative layout shift < 0.1: figures that do not depend on the
machine's speed. Performance and total blocking time do, so benchmarks/lighthouse.py prints them
for one page per module instead of asserting them.
"""

from __future__ import annotations

import pytest
from conftest import _missing
from lighthouse_support import lighthouse, missing_tool, serve_book

pytestmark = pytest.mark.slow

CHART_PAGE = "modules/panorama/compter-les-structures.html"


def test_a_chart_page_is_accessible_and_does_not_jump_on_a_phone(built_book):
    why = missing_tool()
    if why:
        _missing(why)
    with serve_book(built_book) as base:
        figures = lighthouse(base + CHART_PAGE)
    assert not figures["runtime_error"], figures
    assert figures["accessibility"] >= 95, figures
    assert figures["cls"] < 0.1, figures
