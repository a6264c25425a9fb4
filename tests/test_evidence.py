"""Seed citations open their passage: the `pacte check` rule, the passage cut, the facts, the built pages."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

from pacte.course.evidence import check_page, evidence_counts, page_citations, passage, split_passage
from pacte.course.facts import expand_facts, load_facts, page_fact_errors
from pacte.course.locators import seed_texts
from pacte.course.paths import build_dir, course_root
from pacte.site.voila_export import myst_to_commonmark

SEEDS = seed_texts()
# A phrase of the Schweyer 2025 seed and one of Bergeron's chapter of the 2018 book.
SCHWEYER = "835 CPTS, objectif 100 % CPTS"
BERGERON_ONLY = "Un nouvel enjeu de politique publique"


def _page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_citation_without_locator_or_with_an_absent_one_is_refused_with_its_line(tmp_path):
    path = _page(
        tmp_path,
        "# Titre\n\nUne phrase {cite}`schweyer2025`.\n\n"
        "Une autre {cite-passage}`une phrase que la source ne contient pas <schweyer2025>`.\n"
        f"Une bonne {{cite-passage}}`{SCHWEYER} <schweyer2025>` et une loi {{cite}}`csp_l4041`.\n",
    )
    errors = check_page(path, SEEDS)
    assert [(e.line, e.field) for e in errors] == [(3, "cite"), (5, "cite-passage")]
    assert f"{path}:3" in str(errors[0]) and "without a locator" in str(errors[0])
    assert f"{path}:5" in str(errors[1]) and "not found verbatim" in str(errors[1])


def test_locator_of_another_chapter_and_citation_of_a_non_seed_are_refused(tmp_path):
    path = _page(tmp_path, f"{{cite-passage}}`{BERGERON_ONLY} <schweyer2018>`\n{{cite-passage}}`x y z <csp_l4041>`\n")
    errors = check_page(path, SEEDS)
    assert [e.line for e in errors] == [1, 2]
    assert "chapter of bergeron2018" in str(errors[0]) and "not a seed" in str(errors[1])


def test_passage_holds_the_phrase_and_its_neighbours():
    p = passage("schweyer2025", SCHWEYER, SEEDS)
    assert p is not None and p.phrase == SCHWEYER and p.before and p.after
    text = " ".join(SEEDS["schweyer2025"].split())
    assert f"{p.before} {p.phrase} {p.after}".replace("… ", "").replace(" …", "") in text
    assert split_passage(f"{SCHWEYER}\n <schweyer2025>") == ("schweyer2025", SCHWEYER)


def test_counts_of_evidence_and_hors_sources_marks():
    text = f"{{cite-passage}}`{SCHWEYER} <schweyer2025>` {{cite}}`csp_l4041` {{hors-sources}}`Un conseil.`"
    assert evidence_counts(text, SEEDS) == {"with_evidence": 1, "other_citations": 1, "hors_sources": 1}


def test_every_fact_source_is_a_found_locator_and_a_fact_expands_to_its_citations():
    facts = load_facts()
    assert facts
    for fact in facts.values():
        cits = page_citations(f"{{fact}}`{fact.id}`")
        assert [(c.key, c.locator) for c in cits] == [(s["ref"], s["locator"]) for s in fact.sources]
        assert all(passage(c.key, c.locator, SEEDS) for c in cits)
        # Alone on its line, the fact opens a sentence: its statement takes a capital.
        assert expand_facts(f"{{fact}}`{fact.id}`").startswith(fact.statement[:1].upper() + fact.statement[1:])


def test_a_page_contradicting_a_fact_is_refused_unless_marked_hors_sources(tmp_path):
    facts = load_facts()
    bad = _page(tmp_path, "Intro.\n\nL’article 51 de 2018 vient de la LFSS pour 2018.\n")
    assert [e.line for e in page_fact_errors(bad, facts)] == [3]
    marked = _page(tmp_path, "L’article 51 de 2018 {hors-sources}`vient de la LFSS pour 2018.`\n")
    assert page_fact_errors(marked, facts) == []
    half = _page(tmp_path, "Titre\n\nLes équipes de soins primaires (ESP) sont définies en 2009.\n")
    assert [e.line for e in page_fact_errors(half, facts)] == [3]
    unknown = _page(tmp_path, "{fact}`nope`\n")
    assert "unknown fact" in str(page_fact_errors(unknown, facts)[0])


def test_no_two_pages_disagree_on_a_recurring_fact():
    facts = load_facts()
    root = course_root()
    pages = sorted(root.glob("book/*.md")) + sorted(root.glob("modules/*/*.md"))
    assert [str(e) for p in pages for e in page_fact_errors(p, facts)] == []


def test_voila_markdown_carries_the_passage_in_a_details():
    out = myst_to_commonmark(f"Texte {{cite-passage}}`{SCHWEYER} <schweyer2025>`.\n\nSuite.")
    assert "(Schweyer, 2025)" in out and "{cite-passage}" not in out
    assert re.search(r'\n\n<details class="pacte-evidence"><summary>[^<]*Schweyer, 2025', out)
    assert f"<mark>{html.escape(SCHWEYER)}</mark>" in out and out.endswith("Suite.")


def _plain(text: str) -> str:
    """Compared without spaces and in NFKC form: the book's typography adds non-breaking spaces,
    turns ' into ’ and 1er into 1ᵉʳ, in the passages too."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", html.unescape(text))).replace("’", "'")


def _seed_citations(text: str) -> list[tuple[str, str]]:
    return [(c.key, c.locator) for c in page_citations(text) if c.key in SEEDS and c.locator]


@pytest.mark.parametrize("kind", ["html", "voila"])
def test_every_seed_citation_of_the_built_pages_embeds_its_passage(kind):
    built = build_dir() / kind
    if not built.exists():
        pytest.skip("the book is not built: run `pacte build` first")
    root = course_root()
    checked = 0
    for source in sorted(root.glob("modules/*/*.md")) + sorted(root.glob("book/*.md")):
        doc = source.relative_to(root).with_suffix("")
        cits = _seed_citations(source.read_text(encoding="utf-8"))
        target = built / (f"{doc}.html" if kind == "html" else f"{doc}.ipynb")
        if not cits or not target.exists():
            continue
        text = target.read_text(encoding="utf-8")
        if kind == "voila":
            text = "".join("".join(c["source"]) for c in json.loads(text)["cells"] if c["cell_type"] == "markdown")
        marks = [_plain(m) for m in re.findall(r"<mark>(.*?)</mark>", text, re.S)]
        for key, locator in cits:
            assert _plain(locator) in marks, f"{target}: no passage for {key}: {locator!r}"
        if kind == "html":
            assert text.count('data-pacte-evidence aria-expanded="false"') == len(cits), target
        checked += 1
    assert checked > 20
