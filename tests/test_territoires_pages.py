"""Module « Territoires »: page shape, sources, typography, and every page executes as a notebook (what nbval and Voilà need)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "modules" / "territoires").glob("*.md"))
CODE_CELL = re.compile(r"```\{code-cell\}.*?```", re.S)
NBSP = "\u00a0\u202f"


def _prose(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    text = text.split("\n---\n", 1)[1]  # jupytext header
    return CODE_CELL.sub("", text)


def test_module_comes_after_dynamiques():
    toc = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text(encoding="utf-8"))
    chapters = next(p for p in toc["parts"] if p["caption"] == "Modules")["chapters"]
    files = [c["file"] for c in chapters]
    here = files.index("modules/territoires/cpts-et-responsabilite-territoriale")
    assert files[here - 1] == "modules/dynamiques/ce-que-dit-l-enquete"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_french_typography(page):
    prose = _prose(page)
    prose = re.sub(r"`[^`]*`", "", prose)
    assert "'" not in prose, "typographic apostrophe ’ in reader text"
    for mark in (":", ";", "?", "!", "%", "€", "»"):
        assert not re.search(rf"\w {re.escape(mark)}", prose), mark
    assert not re.search(r"« ", prose)
    assert not re.search(r"\d \d{3}\b", prose), "non-breaking space inside numbers"


def test_the_two_article_51_are_named_distinctly():
    coop = (ROOT / "modules" / "territoires" / "cooperation-entre-professions.md").read_text(encoding="utf-8")
    # The article 51 of 2018 is the recurring fact, taught on the financement page.
    assert "article 51 de la loi HPST" in coop and "{fact}`article-51-2018`" in coop
    assert "{ref}`financement-reformes`" in coop
    for page in PAGES:
        text = _prose(page)
        for match in re.finditer(r"article 51", text):
            context = text[max(0, match.start() - 200) : match.end() + 200]
            assert "HPST" in context or "2018" in context or "« article" in context, (page.stem, context)


def test_figures_of_the_june_2025_document_say_cited_in():
    text = _prose(ROOT / "modules" / "territoires" / "freins-et-leviers.md")
    for organisation in (
        "DREES 2022",
        "CNSA 2022",
        "CNOM 2022",
        "FMF 2023",
        "Santé publique France 2022",
        "Conseil du numérique en santé 2022",
        "ANAP",
    ):
        assert re.search(rf"{organisation}[^)]*, cité dans", text), organisation


def test_links_to_the_funding_module_use_its_labels():
    labels = set()
    for page in (ROOT / "modules" / "financement").glob("*.md"):
        labels |= set(re.findall(r"^\(([a-z-]+)\)=$", page.read_text(encoding="utf-8"), re.M))
    used = set()
    for page in PAGES:
        used |= set(re.findall(r"\{ref\}`(financement-[a-z-]+)`", page.read_text(encoding="utf-8")))
    assert used and used <= labels, used - labels


def test_pacte_training_is_not_confused_with_the_2012_plan():
    for page in PAGES:
        text = _prose(page)
        if "Pacte territoire santé" in text and page.stem in (
            "inegalites-territoriales",
            "cooperation-entre-professions",
        ):
            assert "formation PACTE" in text
