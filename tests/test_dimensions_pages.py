"""Every page of the module converts from MyST and executes in a kernel (what nbval and Voilà need)."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "modules" / "dimensions").glob("*.md"))

pytestmark = pytest.mark.notebook


def test_the_module_has_three_to_four_pages():
    assert 3 <= len(PAGES) <= 4


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_executes_and_has_the_course_shape(page):
    text = page.read_text(encoding="utf-8")
    for part in ("```{admonition} En bref", "**Objectifs**", "**Prérequis**", "**Durée**", "## Points clés",
                 "## Pour aller plus loin", "```{dropdown} Notes pour le formateur", "Quiz"):
        assert part in text, f"{page.name}: missing {part}"
    nb = jupytext.read(page)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all("remove-input" in c.metadata.get("tags", []) for c in code)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    for cell in code:
        assert not [o for o in cell.outputs if o.output_type == "error"]
        html = [o["data"].get("text/html", "") for o in cell.outputs if o.output_type in ("execute_result", "display_data")]
        assert any('class="pacte-widget"' in h for h in html), cell.source
