"""Errors raised on bad course data, naming the file, line and field at fault."""

from __future__ import annotations

from pathlib import Path


class DataError(ValueError):
    """Bad input in a dataset, question bank or other course data file.

    The message always names the file and, when known, the line (1-based) and
    the field, so that ``pacte check`` can point an author at the exact place.
    """

    def __init__(self, path: str | Path, message: str, *, line: int | None = None,
                 field: str | None = None):
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        where = self.path
        if line is not None:
            where += f":{line}"
        if field:
            where += f" [{field}]"
        super().__init__(f"{where}: {message}")
