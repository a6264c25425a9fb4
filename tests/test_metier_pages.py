"""Pages of the module « Le métier de coordinateur·rice »: shape, durations, quizzes, typography, redirect, execution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pacte.course.banks import bibliography_keys, load_bank
from pacte.site.redirects import load_redirects, redirect_html, write_redirects

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "modules" / "metier"
PAGES = sorted(MODULE.glob("*.md"))
CODE_CELL = re.compile(r"```\{code-cell\}.*?```", re.S)
OLD_PAGE = "modules/profils/qui-sont-les-coordinateurs"
NEW_PAGE = "modules/metier/qui-sont-les-coordinateurs"


def _prose(text: str) -> str:
    body = text.split("\n---\n", 1)[1]
    body = CODE_CELL.sub("", body)
    body = re.sub(r"\{[a-z]+\}`[^`\n]*`|`[^`\n]*`", "", body)
    return "\n".join(row for row in body.splitlines() if not re.match(r"^(\(.*\)=|:\w+:)", row))


def test_module_keeps_the_profils_label():
    assert "(profils-coordination)=" in (MODULE / "qui-sont-les-coordinateurs.md").read_text(encoding="utf-8")
    assert not (ROOT / "modules" / "profils" / "qui-sont-les-coordinateurs.md").exists()


def test_toc_lists_the_module_instead_of_profils():
    toc = (ROOT / "book" / "_toc.yml").read_text(encoding="utf-8")
    assert "modules/profils/" not in toc and NEW_PAGE in toc


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_citations_and_refs_exist(page):
    text = page.read_text(encoding="utf-8")
    keys = bibliography_keys()
    for key in re.findall(r"\{cite\}`([^`]+)`", text):
        for k in key.split(","):
            assert k.strip() in keys, k
    labels = set()
    for md in (ROOT / "modules").rglob("*.md"):
        labels |= set(re.findall(r"^\(([a-z0-9-]+)\)=$", md.read_text(encoding="utf-8"), re.M))
    for ref in re.findall(r"\{ref\}`(?:[^`<]*<)?([a-z0-9-]+)>?`", text):
        assert ref in labels, ref


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_french_typography_in_the_prose(page):
    prose = _prose(page.read_text(encoding="utf-8"))
    assert "'" not in prose, [row for row in prose.splitlines() if "'" in row][:3]
    bad = re.findall(r".{0,20} [:;!?%»].{0,10}|.{0,10}« .{0,20}", prose)
    bad = [b for b in bad if not b.lstrip().startswith("|")]
    assert bad == [], bad[:5]


def test_every_quiz_question_is_asked_on_a_page():
    asked = {}
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for bank, ids in re.findall(r'Quiz\.from_bank\("([a-z-]+)"(?:,\s*\[([^\]]*)\])?', text):
            chosen = re.findall(r'"([a-z0-9-]+)"', ids) if ids else [q["id"] for q in load_bank(bank)["questions"]]
            asked.setdefault(bank, []).extend(chosen)
    assert set(asked) == {"metier", "profils-coordination"}
    for bank, ids in asked.items():
        all_ids = [q["id"] for q in load_bank(bank)["questions"]]
        assert sorted(ids) == sorted(all_ids), bank
    assert sum(len(v) for v in asked.values()) >= 24


def test_redirects_file_maps_the_old_profils_page():
    redirects = load_redirects(ROOT)
    assert redirects[OLD_PAGE] == NEW_PAGE
    assert (ROOT / f"{NEW_PAGE}.md").exists()


def test_redirect_page_is_french_with_a_visible_link(tmp_path):
    written = write_redirects(
        tmp_path, {NEW_PAGE}, {NEW_PAGE: "Qui sont les coordinatrices et coordinateurs\u00a0?"}, ROOT
    )
    assert written == [tmp_path / f"{OLD_PAGE}.html"]
    page = written[0].read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "<title>" in page
    assert '<meta http-equiv="refresh" content="0; url=../metier/qui-sont-les-coordinateurs.html">' in page
    assert '<a href="../metier/qui-sont-les-coordinateurs.html">' in page
    # Not written when the target is not in the build, nor over a real page.
    assert write_redirects(tmp_path / "x", set(), {}, ROOT) == []
    assert write_redirects(tmp_path / "y", {NEW_PAGE, OLD_PAGE}, {}, ROOT) == []
    assert "../../a/b.html" in redirect_html("x/y/z", "a/b", "T")
    # The book's icon, so that no browser asks for /favicon.ico (a 404) before following the refresh.
    assert '<link rel="icon" href="../../_static/favicon.svg">' in redirect_html("x/y/z", "a/b", "T")


def test_bad_redirects_file_is_refused(tmp_path):
    from pacte.course.errors import DataError

    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "redirects.yaml").write_text("modules/a.html: modules/b\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"redirects\.yaml \[modules/a\.html\]"):
        load_redirects(tmp_path)
