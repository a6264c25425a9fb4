"""JSON Schema validation of YAML data files, with errors naming file, line and field."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir
from pacte.course.yaml_lines import LineMap, load_yaml_with_lines


@cache
def load_schema(name: str) -> dict:
    """Return the JSON Schema ``datasets/schemas/<name>.schema.json``."""
    path = datasets_dir() / "schemas" / f"{name}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def json_path(parts) -> str:
    """Render a JSON path such as ``questions[2].choices[0].text``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


def _best_error(errors: list[jsonschema.ValidationError]) -> jsonschema.ValidationError:
    return jsonschema.exceptions.best_match(errors)


def validate_document(data: Any, schema_name: str, path: Path, lines: LineMap) -> None:
    """Validate ``data`` against a schema; raise DataError at the first (deepest) error."""
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    errors = list(validator.iter_errors(data))
    if not errors:
        return
    err = _best_error(errors)
    # Errors under allOf/if-then point at the question; dig to the deepest one.
    while err.context:
        err = _best_error(err.context)
    where = list(err.absolute_path)
    message = err.message
    if err.validator == "additionalProperties":
        message = f"unexpected field: {err.message}"
    raise DataError(path, message, line=lines.line_of(tuple(where)), field=json_path(where))


def load_yaml_document(path: Path, schema_name: str) -> tuple[Any, LineMap]:
    """Load a YAML file and validate it against ``schema_name``."""
    data, lines = load_yaml_with_lines(path)
    validate_document(data, schema_name, path, lines)
    return data, lines
