"""Figures written in the pages' prose come from the datasets.

Every percentage and every euro amount in the text of a page (outside code
cells) must be a value of `datasets/` (a numeric column of a table, or a number
of a YAML data file such as the ACI rules): a figure typed into prose without
its place in a data file (and so without a source) fails.
"""

from __future__ import annotations

import re

import pytest

from pacte.course.checks import all_data_files, load_data_file
from pacte.course.data import load_package, load_table
from pacte.course.toc import page_source, toc_files

FIGURE = re.compile(r"(\d{1,3}(?:[\u00a0\u202f ]\d{3})*(?:,\d+)?)[\u00a0\u202f ]?(%|€)")
CODE_CELL = re.compile(r"```\{code-cell\}.*?```", re.S)


def _numbers(data) -> set[float]:
    if isinstance(data, bool):
        return set()
    if isinstance(data, (int, float)):
        return {float(data)}
    if isinstance(data, dict):
        data = list(data.values())
    if isinstance(data, list):
        return set().union(*(_numbers(item) for item in data)) if data else set()
    return set()


def dataset_values() -> set[float]:
    values: set[float] = set()
    for name in load_package():
        frame = load_table(name)
        for column in frame.columns:
            if str(frame[column].dtype) in ("Float64", "Int64"):
                values |= {float(v) for v in frame[column].dropna()}
    for path in all_data_files():
        if path.parent.name != "quiz":
            values |= _numbers(load_data_file(path))
    return values


VALUES = dataset_values()
PAGES = [d for d in toc_files() if d.startswith("modules/")]


def figures_in(text: str) -> list[tuple[str, float]]:
    prose = CODE_CELL.sub("", text)
    out = []
    for number, unit in FIGURE.findall(prose):
        value = float(re.sub(r"[\u00a0\u202f ]", "", number).replace(",", "."))
        out.append((f"{number} {unit}", value))
    return out


@pytest.mark.parametrize("doc", PAGES)
def test_every_figure_in_the_prose_is_in_a_dataset(doc):
    text = page_source(doc).read_text(encoding="utf-8")
    missing = [label for label, value in figures_in(text) if value not in VALUES]
    assert missing == [], f"{doc}: figures not found in datasets/: {missing}"


def test_the_check_catches_a_typed_figure():
    assert figures_in("un taux de 57 % et 73 500 € mais pas 12 patients") == [("57 %", 57.0), ("73 500 €", 73500.0)]
    assert 999.0 not in VALUES
