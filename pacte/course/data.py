"""Datasets of the course: a Frictionless data package read through its Table Schema.

Every table is validated when it is loaded: types, required fields, enums,
bounds, primary keys and a non-empty ``source`` on every row. A bad cell raises
:class:`~pacte.course.errors.DataError` naming the file, the CSV line and the field.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pacte.course.errors import DataError, utf8_error_line
from pacte.course.paths import datasets_dir

_TRUE = {"true", "1", "yes", "oui"}
_FALSE = {"false", "0", "no", "non"}
_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


@dataclass(frozen=True)
class Resource:
    """One table of the data package: its name, CSV path, title and Table Schema."""

    name: str
    path: Path
    title: str
    schema: dict


def package_descriptors(root: Path | None = None) -> list[Path]:
    """Return every ``datapackage.json`` under ``datasets/`` (one package per topic folder)."""
    root = root or datasets_dir()
    return sorted(root.glob("*/datapackage.json"))


def _read_descriptor(descriptor: Path) -> dict:
    try:
        return json.loads(descriptor.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(descriptor, f"invalid JSON: {exc.msg}", line=exc.lineno) from exc


def load_package(root: Path | None = None) -> dict[str, Resource]:
    """Read every data package of the course and return all resources by name."""
    resources: dict[str, Resource] = {}
    for descriptor in package_descriptors(root):
        package = _read_descriptor(descriptor)
        for i, res in enumerate(package.get("resources", [])):
            for key in ("name", "path", "schema"):
                if key not in res:
                    raise DataError(descriptor, f"resource #{i + 1} has no '{key}'", field=f"resources[{i}]")
            fields = {f["name"] for f in res["schema"].get("fields", [])}
            if "source" not in fields:
                raise DataError(
                    descriptor,
                    f"resource '{res['name']}' has no 'source' field: every row must name its source",
                    field=f"resources[{i}].schema",
                )
            if res["name"] in resources:
                raise DataError(
                    descriptor,
                    f"resource name '{res['name']}' is already used by {resources[res['name']].path}",
                    field=f"resources[{i}].name",
                )
            resources[res["name"]] = Resource(
                res["name"], descriptor.parent / res["path"], res.get("title", res["name"]), res["schema"]
            )
    return resources


def _parse(value: str, ftype: str) -> Any:
    """The typed value of a CSV cell; ValueError if it is not of ``ftype``."""
    if ftype == "integer":
        return int(value)
    if ftype == "number":
        out = float(value)
        if math.isnan(out) or math.isinf(out):
            raise ValueError(value)
        return out
    if ftype == "boolean":
        low = value.strip().lower()
        if low not in _TRUE | _FALSE:
            raise ValueError(value)
        return low in _TRUE
    return value


def _convert(value: str, field: dict, path: Path, line: int) -> Any:
    name, ftype = field["name"], field.get("type", "string")
    constraints = field.get("constraints", {})
    if value == "":
        if constraints.get("required"):
            raise DataError(path, "value is required but empty", line=line, field=name)
        return None
    try:
        out = _parse(value, ftype)
    except ValueError:
        raise DataError(path, f"'{value}' is not a valid {ftype}", line=line, field=name) from None
    if "enum" in constraints and out not in constraints["enum"]:
        raise DataError(path, f"'{value}' is not one of {constraints['enum']}", line=line, field=name)
    if "minimum" in constraints and out < constraints["minimum"]:
        raise DataError(path, f"{out} is below the minimum {constraints['minimum']}", line=line, field=name)
    if "maximum" in constraints and out > constraints["maximum"]:
        raise DataError(path, f"{out} is above the maximum {constraints['maximum']}", line=line, field=name)
    return out


def _check_header(reader: Any, path: Path, names: list[str]) -> None:
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(path, "file is empty", line=1) from None
    except UnicodeDecodeError as exc:
        line, reason = utf8_error_line(path) or (1, exc.reason)
        raise DataError(path, f"not valid UTF-8 ({reason})", line=line) from None
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        raise DataError(
            path,
            f"header does not match the schema (missing {missing}, unexpected {extra}, expected order {names})",
            line=1,
        )


def _read_rows(reader: Any, path: Path, fields: list[dict], key: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    seen: dict[tuple, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(fields):
            raise DataError(path, f"row has {len(cells)} cells, the schema has {len(fields)} fields", line=line)
        row = {f["name"]: _convert(c, f, path, line) for f, c in zip(fields, cells, strict=True)}
        if key:
            k = tuple(row[n] for n in key)
            if k in seen:
                raise DataError(
                    path, f"duplicate primary key {k} (first seen on line {seen[k]})", line=line, field=",".join(key)
                )
            seen[k] = line
        rows.append(row)
    return rows


def read_resource(resource: Resource) -> list[dict[str, Any]]:
    """Read and validate a resource's CSV; return its rows as typed dicts."""
    path = resource.path
    fields = resource.schema["fields"]
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise DataError(path, f"file of resource '{resource.name}' not found") from exc
    with handle:
        reader = csv.reader(handle)
        _check_header(reader, path, [f["name"] for f in fields])
        try:
            return _read_rows(reader, path, fields, resource.schema.get("primaryKey", []))
        except UnicodeDecodeError as exc:
            line, reason = utf8_error_line(path) or (reader.line_num + 1, exc.reason)
            raise DataError(path, f"not valid UTF-8 ({reason})", line=line) from None


def load_table(name: str, root: Path | None = None) -> pd.DataFrame:
    """Load a validated table of the data package as a typed pandas DataFrame."""
    resources = load_package(root)
    if name not in resources:
        raise KeyError(f"unknown dataset '{name}'; known: {sorted(resources)}")
    resource = resources[name]
    rows = read_resource(resource)
    columns = [f["name"] for f in resource.schema["fields"]]
    frame = pd.DataFrame(rows, columns=columns)
    for f in resource.schema["fields"]:
        frame[f["name"]] = frame[f["name"]].astype(_DTYPES.get(f.get("type", "string"), "object"))
    frame.attrs["title"] = resource.title
    frame.attrs["path"] = str(resource.path)
    return frame


def validate_all(root: Path | None = None) -> dict[str, int]:
    """Validate every resource; return the number of rows of each."""
    return {name: len(read_resource(res)) for name, res in load_package(root).items()}
