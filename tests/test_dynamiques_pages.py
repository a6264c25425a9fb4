"""Every page of the module « Les dynamiques d'équipe » executes as a notebook (jupytext + nbconvert)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "modules" / "dynamiques").glob("*.md"))
BIN = Path(sys.executable).parent


def test_module_has_three_to_four_pages():
    assert 3 <= len(PAGES) <= 4


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_executes(page, tmp_path):
    nb = tmp_path / "d.ipynb"
    out = tmp_path / "d_out.ipynb"
    subprocess.run([str(BIN / "jupytext"), "--to", "ipynb", "--output", str(nb), str(page)],
                   check=True, capture_output=True, cwd=ROOT)
    proc = subprocess.run([str(BIN / "jupyter"), "nbconvert", "--execute", "--to", "notebook", str(nb),
                           "--output", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    executed = nbformat.read(out, as_version=4)
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code, "a module page has activities"
    for cell in code:
        assert "remove-input" in cell.metadata.get("tags", []), cell.source
        assert not any(o.get("output_type") == "error" for o in cell.outputs), cell.source
        html = [o["data"].get("text/html", "") for o in cell.outputs if "data" in o]
        assert any("pacte-widget" in h or "pacte-quotes" in h for h in html), cell.source


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_has_the_course_shape(page):
    text = page.read_text(encoding="utf-8")
    order = ["```{admonition} En bref", "**Objectifs**", "**Prérequis**", "**Durée**", "## Points clés",
             "## Activités", "## Quiz", "## Pour aller plus loin", "## Notes pour le formateur", "{dropdown}"]
    positions = [text.find(marker) for marker in order]
    assert all(p >= 0 for p in positions), dict(zip(order, positions))
    assert positions == sorted(positions), dict(zip(order, positions))
    assert 'Quiz.from_bank("dynamiques-equipe"' in text and "{cite}`" in text
