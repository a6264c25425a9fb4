"""Every module page follows the page template (book/_templates/page.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "book" / "_templates" / "page.md"
PAGES = sorted(p for p in (ROOT / "modules").rglob("*.md") if ".ipynb_checkpoints" not in p.parts)

# (what the page must have, a pattern finding it), in the order they must appear.
SHAPE = [
    ("the jupytext header", r"\A---\njupytext:"),
    ("a label before the title", r"^\([a-z0-9-]+\)=\n# \S"),
    ("the « En bref » admonition", r"^```\{admonition\} En bref"),
    ("the objectives", r"^\*\*Objectifs\*\*"),
    ("the prerequisites", r"^\*\*Prérequis\*\*"),
    ("the duration", r"^\*\*Durée\*\* — \d+[ \u00a0](?:minutes|h)"),
    ("the activities", r"^## Activit"),
    ("the quiz", r"^## Quiz"),
    ("« Pour aller plus loin »", r"^## Pour aller plus loin$"),
    ("« Notes pour le formateur »", r"^## Notes pour le formateur$"),
    ("the trainer's dropdown", r"^```+\{dropdown\}"),
    (
        "a timed session plan",
        r"^(?:\|\s*(?:[Tt]emps|[Dd]urée|[Mm]oment)\s*\||- \d+(?:\s*[-–]\s*\d+)?\s+min)",
    ),  # \s: a non-breaking space too
]
# Parts whose place is free as long as they exist after the « En bref » box.
ANYWHERE = [("« Points clés »", r"^## Points clés$")]


def shape_errors(text: str) -> list[str]:
    """What a page lacks, or has out of order, against the template."""
    errors, position = [], 0
    for what, pattern in SHAPE:
        match = re.compile(pattern, re.M).search(text, position)
        if match is None:
            found_earlier = re.compile(pattern, re.M).search(text)
            errors.append(f"{what} {'is out of order' if found_earlier else 'is missing'}")
            continue
        position = match.end()
    for what, pattern in ANYWHERE:
        if not re.search(pattern, text, re.M):
            errors.append(f"{what} is missing")
    return errors


def test_the_template_has_the_shape():
    assert shape_errors(TEMPLATE.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_module_page_has_the_template_shape(page: Path):
    assert shape_errors(page.read_text(encoding="utf-8")) == [], page.relative_to(ROOT)


def test_a_page_missing_a_part_is_reported():
    text = TEMPLATE.read_text(encoding="utf-8").replace("## Points clés", "## Résumé")
    assert shape_errors(text) == ["« Points clés » is missing"]
