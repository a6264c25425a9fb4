"""Semantic checks of the live prompts (``datasets/live/prompts.live_prompts.yaml``).

Beyond its JSON Schema: unique prompt ids; a ``page`` that exists, inside the
folder of its ``module`` (``modules/<module>/``); a scale whose min is below its
max and whose labels name distinct values inside it; ranking items with unique
ids; sources that are keys of ``book/references.bib`` and locators found
verbatim in their seed.
"""

from __future__ import annotations

from pathlib import Path

from pacte.course.checks.diagnosis_grid import _fail, _unique, check_sources
from pacte.course.checks.ordering_exercise import check_locators
from pacte.course.paths import course_root


def _check_page(prompt: dict, i: int, path: Path, lines) -> None:
    page, module = prompt.get("page", ""), prompt.get("module", "")
    if module and not page.startswith(f"modules/{module}/"):
        _fail(path, lines, ("prompts", i, "page"), f"page '{page}' is not in the folder of module '{module}'")
    if page and not (course_root() / page).is_file():
        _fail(path, lines, ("prompts", i, "page"), f"page '{page}' does not exist")


def _check_scale(prompt: dict, i: int, path: Path, lines) -> None:
    lo, hi = prompt.get("min", 1), prompt.get("max", 5)
    if lo >= hi:
        _fail(path, lines, ("prompts", i, "min"), f"scale min {lo} must be below max {hi}")
    values = [entry["value"] for entry in prompt.get("labels", [])]
    for j, value in enumerate(values):
        if value < lo or value > hi or values.index(value) != j:
            _fail(
                path,
                lines,
                ("prompts", i, "labels", j, "value"),
                f"label value {value} is outside {lo}..{hi} or repeated",
            )


def check(data: dict, path: Path, lines) -> None:
    """Raise :class:`DataError` (file, line, field) on the first semantic problem of the live prompts."""
    _unique(data, "prompts", path, lines)
    for i, prompt in enumerate(data["prompts"]):
        _check_page(prompt, i, path, lines)
        if prompt["kind"] == "scale":
            _check_scale(prompt, i, path, lines)
        ids = [item["id"] for item in prompt.get("items", [])]
        for j, ident in enumerate(ids):
            if ids.index(ident) != j:
                _fail(path, lines, ("prompts", i, "items", j, "id"), f"duplicate item id '{ident}'")
    check_sources(data, path, lines)
    check_locators(data, path, lines)
