"""pa11y (HTML_CodeSniffer, WCAG 2 AA) attached to a test's tab, and axe-core as ``run_axe`` runs it:
what the page tour relies on finds what it should.

The page tour (``test_page_tour.py``) runs pa11y on every built page through ``pa11y_support``: pa11y in
Node, attached to the tour's Chromium, on the tab as the tour left it. This test shows that this pa11y
finds an error, sees what the test did to the page after it loaded (it does not load it again), and
leaves out the advisories (``pa11y_support.ADVISORIES``), each with its reason.
"""

from __future__ import annotations

from pathlib import Path

import pa11y_support
import pytest
from a11y_support import run_axe
from conftest import offline_context
from pa11y_support import ADVISORIES, AttachedPa11y

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai de pa11y</title></head>
<body><main><h1>Essai</h1><form role="search"><input type="search" aria-label="Chercher"></form>
<p>Un paragraphe.</p></main></body></html>"""
MISSING_ALT = "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"  # an image without alt text


def test_attached_pa11y_checks_the_page_as_the_test_left_it(browser, tmp_path):
    page_file = tmp_path / "essai.html"
    page_file.write_text(PAGE, encoding="utf-8")
    context, page = offline_context(browser)
    pa11y = AttachedPa11y(browser, 1280, 1600)
    try:
        page.goto(page_file.as_uri())
        clean = pa11y.check(page.url)
        page.evaluate(
            "() => { const i = document.createElement('img'); i.src = 'data:,'; document.querySelector('p').append(i); }"
        )
        found = pa11y.check(page.url)
        gone = pa11y.check(page.url + "#nowhere")
    finally:
        pa11y.close()
        context.close()
    assert clean == []  # the form without a submit button is an advisory (H32.2), not an error
    assert len(found) == 1 and found[0].startswith(MISSING_ALT + ":"), found
    assert len(gone) == 1 and "no open page at" in gone[0]


def test_every_advisory_is_an_htmlcs_code_with_its_reason():
    text = Path(pa11y_support.__file__).read_text(encoding="utf-8")
    for code in ADVISORIES:
        assert code.startswith("WCAG2AA.Principle")
        before = text[: text.index(f'"{code}"')].rstrip().splitlines()
        assert before[-1].strip().startswith("#"), f"{code} has no comment giving its reason"


def test_run_axe_finds_a_serious_violation_and_names_its_node(offline_page):
    """``run_axe`` reports a critical or serious violation with its node, and nothing on a clean part."""
    offline_page.set_content(PAGE.replace('aria-label="Chercher"', 'id="q"'))
    assert run_axe(offline_page) != []  # a search field without a name
    found = run_axe(offline_page, "form")
    assert [v["id"] for v in found] == ["label"] and found[0]["nodes"][0].startswith("#q :: ")
    assert run_axe(offline_page, "main > p") == []
