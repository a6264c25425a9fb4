"""Every page of the module « Les dynamiques d'équipe » executes as a notebook (jupytext + nbconvert)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "modules" / "dynamiques").glob("*.md"))


def test_module_has_three_to_four_pages():
    assert 3 <= len(PAGES) <= 4


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_has_the_course_shape(page):
    text = page.read_text(encoding="utf-8")
    order = [
        "```{admonition} En bref",
        "**Objectifs**",
        "**Prérequis**",
        "**Durée**",
        "## Points clés",
        "## Activités",
        "## Quiz",
        "## Pour aller plus loin",
        "## Notes pour le formateur",
        "{dropdown}",
    ]
    positions = [text.find(marker) for marker in order]
    assert all(p >= 0 for p in positions), dict(zip(order, positions, strict=False))
    assert positions == sorted(positions), dict(zip(order, positions, strict=False))
    assert 'Quiz.from_bank("dynamiques-equipe"' in text and "{cite}`" in text
