"""Markup checks beyond axe (issue 28): what the Nu HTML Checker and pa11y (HTML_CodeSniffer) found.

* no ``<style>`` element in a page's body (Nu: « Element style not allowed as child of element … »);
* every data table ties its cells to their headers: one header row and one header column
  (``scope``), or ``headers`` on every cell of a table with several levels of headers (HTMLCS H43);
* the Voilà notebooks carry their page's title (the view's ``<title>``, not « index »).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from a11y_support import built_pages
from bs4 import BeautifulSoup
from conftest import BUILD

from pacte.course.toc import page_title
from widgets import metier_answers_table
from widgets.team_dynamics import survey_quotes


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def table_problems(table) -> list[str]:
    """Why a data table does not tie its cells to their headers (HTMLCS H43/H63), or []."""
    rows = table.find_all("tr")
    header_rows = [r for r in rows if r.find_all(["td", "th"]) and not r.find_all("td")]
    problems = []
    bad_scope = [th.get("scope") for th in table.find_all("th") if th.get("scope") not in (None, "col", "row")]
    if bad_scope:
        problems.append(f"scope {bad_scope[0]!r} (only col and row tie cells in a simple table)")
    if len(header_rows) > 1:
        missing = [td for td in table.find_all("td") if not td.get("headers")]
        if missing:
            problems.append(f"{len(header_rows)} rows of headers and {len(missing)} cells without a headers attribute")
    return problems


def test_survey_quotes_bring_no_style_element():
    for theme in ("satisfaction", "difficulty"):
        markup = survey_quotes(theme).data
        assert "<style" not in markup and "style=" not in markup, markup[-300:]


def test_the_answers_table_ties_each_cell_to_its_headers():
    soup = BeautifulSoup(metier_answers_table().data, "lxml")
    tables = soup.find_all("table")
    assert len(tables) == 4  # one per survey question, each captioned by its question
    for table in tables:
        assert table.caption and table.caption.get_text(strip=True)
        assert table_problems(table) == [], table.caption.get_text()
        for row in table.tbody.find_all("tr"):
            assert row.find("th", scope="row"), row


def test_table_check_catches_a_second_header_row():
    bad = BeautifulSoup(
        "<table><tr><th scope='col'>a</th><th scope='col'>b</th></tr><tr><th colspan='2' scope='colgroup'>g</th></tr>"
        "<tr><th scope='row'>x</th><td>1</td></tr></table>",
        "lxml",
    ).table
    assert len(table_problems(bad)) == 2


@pytest.fixture(scope="module")
def page_soups(built_book) -> dict[str, BeautifulSoup]:
    return {rel: _soup(built_book / rel) for rel in built_pages(built_book)}


def test_no_style_element_in_any_page_body(page_soups):
    found = [f"{rel}: {len(s.body.find_all('style'))}" for rel, s in page_soups.items() if s.body.find_all("style")]
    assert not found, "<style> in the body of: " + ", ".join(found)


def test_every_table_of_the_book_ties_its_cells_to_their_headers(page_soups):
    found = []
    for rel, soup in page_soups.items():
        for table in soup.find_all("table"):
            if not table.find("th"):
                continue  # a layout table (none expected) is not a data table
            found += [f"{rel}: {p}" for p in table_problems(table)]
    assert not found, "\n".join(found)


def test_voila_notebooks_are_titled_by_their_page(built_book):
    notebooks = sorted((BUILD / "voila" / "modules").rglob("*.ipynb"))
    assert notebooks, "no Voilà notebook: run `pacte build`"
    for nb in notebooks:
        doc = nb.relative_to(BUILD / "voila").with_suffix("").as_posix()
        title = json.loads(nb.read_text(encoding="utf-8"))["metadata"].get("title")
        assert title == page_title(doc) and title != doc, (doc, title)
    dims = json.loads((BUILD / "voila" / "modules" / "dimensions" / "index.ipynb").read_text(encoding="utf-8"))
    assert dims["metadata"]["title"].startswith("Les dimensions")


def test_an_empty_print_heading_gets_the_page_title():
    """pa11y (HTMLCS H42.2) on genindex.html: the theme's print-only ``<h1>`` was empty."""
    from pacte.site.a11y import fill_print_heading

    page = (
        "<html><head><title>Index &#8212; La coordination en soins primaires</title></head><body>"
        '<div id="jb-print-docs-body" class="onlyprint">\n    <h1></h1>\n</div></body></html>'
    )
    assert "<h1>Index</h1>" in fill_print_heading(page)
    filled = page.replace("<h1></h1>", "<h1>Accueil</h1>")
    assert fill_print_heading(filled) == filled


def test_no_built_page_has_an_empty_heading(built_book):
    empty = []
    for rel in built_pages(built_book):
        soup = _soup(built_book / rel)
        empty += [f"{rel}: <{h.name}>" for h in soup.find_all(["h1", "h2", "h3"]) if not h.get_text(strip=True)]
    assert not empty, empty
