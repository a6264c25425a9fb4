"""Semantic checks of a diagnosis grid (``datasets/<topic>/<name>.diagnosis_grid.yaml``).

Beyond its JSON Schema, a grid must have: unique ids; statements pointing at
known dimensions and resource types; at least one statement per dimension; a
scale whose labels cover every integer from min to max; levels that are
contiguous and cover the whole scale; one feedback per level in every
dimension; sources that are keys of ``book/references.bib``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pacte.course.errors import DataError
from pacte.course.schema import json_path


def _fail(path: Path, lines, where: tuple, message: str) -> None:
    raise DataError(path, message, line=lines.line_of(where), field=json_path(where))


def _unique(data: dict, key: str, path: Path, lines) -> list[str]:
    seen: list[str] = []
    for i, entry in enumerate(data.get(key) or []):
        if entry["id"] in seen:
            _fail(path, lines, (key, i, "id"), f"duplicate id '{entry['id']}' in {key}")
        seen.append(entry["id"])
    return seen


def iter_sources(node: Any, where: tuple = ()) -> Iterator[tuple[tuple, dict]]:
    """Yield (json path, source) for every ``source`` mapping in a document."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "source" and isinstance(v, dict) and "ref" in v:
                yield where + (k,), v
            else:
                yield from iter_sources(v, where + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from iter_sources(v, where + (i,))


def check_sources(data: Any, path: Path, lines) -> None:
    """Fail if a ``source.ref`` is not a key of the bibliography."""
    from pacte.course.banks import bibliography_keys

    keys = bibliography_keys()
    if not keys:
        return
    for where, src in iter_sources(data):
        if src["ref"] not in keys:
            _fail(path, lines, where + ("ref",), f"source '{src['ref']}' is not a key of book/references.bib")


def _check_scale(scale: dict, path: Path, lines) -> None:
    lo, hi = scale["min"], scale["max"]
    if lo >= hi:
        _fail(path, lines, ("scale", "min"), f"scale min {lo} must be below max {hi}")
    values = [entry["value"] for entry in scale["labels"]]
    for j, value in enumerate(values):
        if value < lo or value > hi or values.index(value) != j:
            _fail(
                path,
                lines,
                ("scale", "labels", j, "value"),
                f"scale label value {value} is outside {lo}..{hi} or repeated",
            )
    if sorted(values) != list(range(lo, hi + 1)):
        _fail(
            path,
            lines,
            ("scale", "labels"),
            f"scale labels must give each value from {lo} to {hi} once, found {values}",
        )


def _check_levels(data: dict, path: Path, lines) -> None:
    lo, hi = data["scale"]["min"], data["scale"]["max"]
    previous = None
    for i, level in enumerate(data["levels"]):
        if level["min"] >= level["max"]:
            _fail(
                path,
                lines,
                ("levels", i, "min"),
                f"level '{level['id']}': min {level['min']} must be below max {level['max']}",
            )
        if previous is None and level["min"] != lo:
            _fail(
                path,
                lines,
                ("levels", i, "min"),
                f"the first level must start at the scale min {lo}, not {level['min']}",
            )
        if previous is not None and level["min"] != previous["max"]:
            _fail(
                path,
                lines,
                ("levels", i, "min"),
                f"levels must be contiguous: '{level['id']}' starts at {level['min']} but '{previous['id']}' ends at {previous['max']}",
            )
        previous = level
    if previous is not None and previous["max"] != hi:
        i = len(data["levels"]) - 1
        _fail(
            path, lines, ("levels", i, "max"), f"the last level must end at the scale max {hi}, not {previous['max']}"
        )


def _check_statements(data: dict, dims: list, levels: list, resources: list, path: Path, lines) -> None:
    counts = {d: 0 for d in dims}
    for i, st in enumerate(data["statements"]):
        if st["dimension"] not in counts:
            _fail(path, lines, ("statements", i, "dimension"), f"unknown dimension '{st['dimension']}' (known: {dims})")
        counts[st["dimension"]] += 1
        if "resource" in st and st["resource"] not in resources:
            _fail(
                path,
                lines,
                ("statements", i, "resource"),
                f"unknown resource type '{st['resource']}' (known: {resources})",
            )
    for i, dim in enumerate(data["dimensions"]):
        if counts[dim["id"]] == 0:
            _fail(path, lines, ("dimensions", i, "id"), f"dimension '{dim['id']}' has no statement")
        missing = [lv for lv in levels if lv not in dim["feedback"]]
        extra = [k for k in dim["feedback"] if k not in levels]
        if extra:
            _fail(
                path,
                lines,
                ("dimensions", i, "feedback", extra[0]),
                f"feedback for unknown level '{extra[0]}' (known: {levels})",
            )
        if missing:
            _fail(
                path,
                lines,
                ("dimensions", i, "feedback"),
                f"dimension '{dim['id']}' has no feedback for level(s) {missing}",
            )


def _check_action_plan(data: dict, path: Path, lines) -> None:
    lo, hi = data["scale"]["min"], data["scale"]["max"]
    plan = data.get("action_plan")
    if plan is not None and not lo <= plan["threshold"] <= hi:
        _fail(
            path, lines, ("action_plan", "threshold"), f"threshold {plan['threshold']} is outside the scale {lo}..{hi}"
        )
    for i, st in enumerate(data["statements"]):
        if st.get("levers") and plan is None:
            _fail(path, lines, ("statements", i, "levers"), "levers need an action_plan in the grid")
    if plan is not None and not any(st.get("levers") for st in data["statements"]):
        _fail(path, lines, ("action_plan",), "an action_plan needs levers on at least one statement")


def check(data: dict, path: Path, lines) -> None:
    """Raise :class:`DataError` (file, line, field) on the first semantic problem of a grid."""
    dims = _unique(data, "dimensions", path, lines)
    levels = _unique(data, "levels", path, lines)
    resources = _unique(data, "resource_types", path, lines)
    _unique(data, "statements", path, lines)
    _check_scale(data["scale"], path, lines)
    _check_levels(data, path, lines)
    _check_statements(data, dims, levels, resources, path, lines)
    _check_action_plan(data, path, lines)
    check_sources(data, path, lines)
