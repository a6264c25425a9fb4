"""Every page with code, as the build executed it: the one place pages are run in the tests.

``pacte build`` executes each page (with its cache); nbval re-executes the
same notebooks (``_build/jupyter_execute``) and compares the outputs. This
file checks what every executed page must show: code hidden from the reader,
no error or stderr output, and an output for every cell.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from conftest import BUILD, IN_CI

from pacte.course.toc import toc_files

ROOT = Path(__file__).resolve().parents[1]
MODULE_PAGES = [
    doc
    for doc in toc_files()
    if doc.startswith("modules/") and "```{code-cell}" in (ROOT / f"{doc}.md").read_text(encoding="utf-8")
]


def _executed(doc: str) -> nbformat.NotebookNode:
    path = BUILD / "jupyter_execute" / f"{doc}.ipynb"
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing: `pacte build` did not execute {doc}")
        pytest.skip("the book is not built: run `pacte build` first")
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("doc", MODULE_PAGES)
def test_every_code_cell_is_hidden_and_shows_a_result_without_error(doc):
    code = [c for c in _executed(doc).cells if c.cell_type == "code"]
    assert code, f"{doc}: a module page with code has activities"
    for cell in code:
        assert "remove-input" in cell.metadata.get("tags", []), f"{doc}: the reader must not see code: {cell.source}"
        errors = [
            o
            for o in cell.outputs
            if o.output_type == "error" or (o.output_type == "stream" and o.get("name") == "stderr")
        ]
        assert errors == [], f"{doc}: {cell.source}\n{errors}"
        shown = [o for o in cell.outputs if o.output_type in ("display_data", "execute_result")]
        assert shown, f"{doc}: the cell shows nothing: {cell.source}"


def test_every_module_page_with_code_was_executed():
    assert len(MODULE_PAGES) >= 25
