"""Errors raised on bad course data, naming the file, line and field at fault."""

from __future__ import annotations

from pathlib import Path


class DataError(ValueError):
    """Bad input in a dataset, question bank or other course data file.

    The message always names the file and, when known, the line (1-based) and
    the field, so that ``pacte check`` can point an author at the exact place.
    """

    def __init__(self, path: str | Path, message: str, *, line: int | None = None, field: str | None = None):
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


def utf8_error_line(path: str | Path) -> tuple[int, str] | None:
    """(1-based line, reason) of the first byte of ``path`` that is not valid UTF-8, or None.

    Text-mode reading decodes by blocks, so the line a reader is on when it
    fails is not the line of the bad byte: this finds the byte itself.
    """
    raw = Path(path).read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return raw.count(b"\n", 0, exc.start) + 1, f"byte 0x{raw[exc.start]:02x} is not valid UTF-8"
    return None
