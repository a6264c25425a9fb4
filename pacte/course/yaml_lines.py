"""YAML loading that remembers the line of every mapping key, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pacte.course.errors import DataError, utf8_error_line

# libyaml's parser when PyYAML has it (about ten times faster, same nodes and marks), else PyYAML's own.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineMap:
    """Maps a JSON path (tuple of keys and indexes) to the 1-based line it starts on."""

    def __init__(self) -> None:
        self._lines: dict[tuple, int] = {}

    def record(self, path: tuple, line: int) -> None:
        self._lines[path] = line

    def line_of(self, path: tuple) -> int | None:
        """Return the line of ``path`` or of its closest recorded parent."""
        path = tuple(path)
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return self._lines.get(())


def _construct(node: yaml.Node, path: tuple, lines: LineMap, scalars: yaml.SafeLoader) -> Any:
    lines.record(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            lines.record(path + (key,), key_node.start_mark.line + 1)
            out[key] = _construct(value_node, path + (key,), lines, scalars)
            lines.record(path + (key,), key_node.start_mark.line + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, path + (i,), lines, scalars) for i, item in enumerate(node.value)]
    return _scalar(node, scalars)


def _scalar(node: yaml.ScalarNode, scalars: yaml.SafeLoader) -> Any:
    return scalars.construct_object(node, deep=True)


def load_yaml_with_lines(path: Path) -> tuple[Any, LineMap]:
    """Load a YAML file; return its data and a map from JSON paths to lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line, reason = utf8_error_line(path) or (None, exc.reason)
        raise DataError(path, f"not valid UTF-8 ({reason})", line=line) from exc
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise DataError(path, f"invalid YAML: {getattr(exc, 'problem', exc)}", line=line) from exc
    lines = LineMap()
    if node is None:
        raise DataError(path, "file is empty")
    scalars = yaml.SafeLoader("")  # one constructor for the file's scalars (not shared: threads may load files)
    try:
        return _construct(node, (), lines, scalars), lines
    finally:
        scalars.dispose()
