"""Semantic checks of ACI rules files (``*.aci_rules.yaml``) beyond their JSON Schema."""

from __future__ import annotations

from pathlib import Path

from pacte.course.banks import bibliography_keys
from pacte.course.errors import DataError
from pacte.course.schema import json_path


def _fail(path: Path, lines, where: tuple, message: str) -> None:
    raise DataError(path, message, line=lines.line_of(where), field=json_path(where))


def _check_source(data: dict, path: Path, lines, where: tuple, keys: frozenset) -> None:
    if keys and data["source"] not in keys:
        _fail(path, lines, where + ("source",), f"source '{data['source']}' is not a key of book/references.bib")


def _check_inputs(data: dict, path: Path, lines, keys: frozenset) -> None:
    for name, spec in data["inputs"].items():
        where = ("inputs", name)
        _check_source(spec, path, lines, where, keys)
        if spec["min"] >= spec["max"]:
            _fail(path, lines, (*where, "min"), f"min {spec['min']} must be below max {spec['max']}")
        if not spec["min"] <= spec["default"] <= spec["max"]:
            _fail(path, lines, (*where, "default"), f"default {spec['default']} is outside [min, max]")
        if spec["integer"] and any(float(spec[k]) != int(spec[k]) for k in ("min", "max", "default")):
            _fail(path, lines, where, "an integer input needs integer min, max and default")


def _check_axes(data: dict, path: Path, lines, keys: frozenset) -> set[str]:
    axes: set[str] = set()
    for i, axis in enumerate(data["axes"]):
        if axis["id"] in axes:
            _fail(path, lines, ("axes", i, "id"), f"duplicate axis id '{axis['id']}'")
        axes.add(axis["id"])
        _check_source(axis, path, lines, ("axes", i), keys)
    return axes


def _check_criterion(crit: dict, where: tuple, axes: set[str], path: Path, lines) -> None:
    if crit["axis"] not in axes:
        _fail(path, lines, (*where, "axis"), f"unknown axis '{crit['axis']}'; known: {sorted(axes)}")
    if crit["prerequisite"] and crit["level"] != "socle":
        _fail(path, lines, (*where, "prerequisite"), "a prerequisite must be a « socle » criterion")
    if crit["prerequisite"] and "count" in crit:
        _fail(path, lines, (*where, "count"), "a prerequisite is met or not: it cannot have a count")
    default = crit["default"]
    if "count" in crit:
        if isinstance(default, bool) or not 0 <= default <= crit["count"]["max"]:
            _fail(
                path,
                lines,
                (*where, "default"),
                f"default of a counted criterion must be an integer between 0 and {crit['count']['max']}",
            )
    elif not isinstance(default, bool):
        _fail(path, lines, (*where, "default"), "default of a yes/no criterion must be true or false")
    if crit["fixed_points"] == 0 and crit["variable_points"] == 0 and "per_professional" not in crit:
        _fail(path, lines, where, "a criterion must earn fixed, variable or per-professional points")


def _check_criteria(data: dict, path: Path, lines, keys: frozenset, axes: set[str]) -> set[str]:
    ids: set[str] = set()
    for i, crit in enumerate(data["criteria"]):
        where = ("criteria", i)
        if crit["id"] in ids:
            _fail(path, lines, (*where, "id"), f"duplicate criterion id '{crit['id']}'")
        ids.add(crit["id"])
        _check_criterion(crit, where, axes, path, lines)
        _check_source(crit, path, lines, where, keys)
    if not any(c["prerequisite"] for c in data["criteria"]):
        _fail(path, lines, ("criteria",), "at least one criterion must be a prerequisite")
    return ids


def check(data: dict, path: Path, lines) -> None:
    """Raise DataError on unknown axes or sources, duplicate ids, bad defaults or bounds."""
    keys = bibliography_keys()
    for name, param in data["parameters"].items():
        _check_source(param, path, lines, ("parameters", name), keys)
    _check_inputs(data, path, lines, keys)
    axes = _check_axes(data, path, lines, keys)
    ids = _check_criteria(data, path, lines, keys, axes)
    for i, variant in enumerate(data.get("variants", [])):
        where = ("variants", i)
        _check_source(variant, path, lines, where, keys)
        for cid in variant["points"]:
            if cid not in ids:
                _fail(path, lines, (*where, "points", cid), f"unknown criterion '{cid}' in variant")
