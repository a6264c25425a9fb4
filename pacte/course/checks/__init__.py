"""Semantic checks of YAML data files, beyond what their JSON Schema can say.

A data file ``datasets/<topic>/<name>.<schema>.yaml`` is validated against
``datasets/schemas/<schema>.schema.json``; if a module ``pacte.course.checks.<schema>``
exists, its ``check(data, path, lines)`` is called next and raises
:class:`pacte.course.errors.DataError` on a problem.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir
from pacte.course.schema import load_yaml_document


def schema_of(path: Path) -> str | None:
    """Return the schema name encoded in a data file name, or None for a quiz bank."""
    parts = path.name.split(".")
    if path.parent.name == "quiz" and len(parts) == 2:
        return "question_bank"
    if len(parts) == 3 and parts[-1] in ("yaml", "yml"):
        return parts[1]
    return None


def load_data_file(path: Path) -> Any:
    """Load a YAML data file, validate it against its schema and its semantic check."""
    schema = schema_of(path)
    if schema is None:
        raise DataError(path, "cannot tell the schema of this file: name it <name>.<schema>.yaml")
    if not (datasets_dir() / "schemas" / f"{schema}.schema.json").exists():
        raise DataError(path, f"no schema datasets/schemas/{schema}.schema.json for this file")
    if schema == "question_bank":
        from pacte.course.banks import load_bank_file

        return load_bank_file(path)
    data, lines = load_yaml_document(path, schema)
    try:
        module = importlib.import_module(f"pacte.course.checks.{schema}")
    except ModuleNotFoundError as exc:
        if exc.name != f"pacte.course.checks.{schema}":
            raise
        return data
    module.check(data, path, lines)
    return data


def all_data_files() -> list[Path]:
    """Return every YAML data file under ``datasets/``."""
    root = datasets_dir()
    return sorted(
        p
        for p in root.rglob("*.y*ml")
        if p.suffix in (".yaml", ".yml") and "schemas" not in p.parts and "sources" not in p.parts
    )
