"""`pacte check` rule on ``book/references.bib``: no unescaped ``%`` inside an entry.

In BibTeX a ``%`` starts a comment, so « 25 % » in a note silently cuts the
field at that point; write ``25 \\%``. The error names the line and the field.
"""

from __future__ import annotations

import re
from pathlib import Path

from pacte.course.errors import DataError

_FIELD = re.compile(r"^\s*([A-Za-z_-]+)\s*=")


def check_bib_percent(path: Path) -> list[DataError]:
    """Return an error for every unescaped ``%`` inside an entry of the .bib file."""
    if not path.exists():
        return []
    errors: list[DataError] = []
    depth = 0
    current_field = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if depth == 0:
            if not line.lstrip().startswith("@"):
                continue  # text between entries is a comment for BibTeX
        match = _FIELD.match(line)
        if match and depth == 1:
            current_field = match.group(1).lower()
        for i, ch in enumerate(line):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth = max(0, depth - 1)
            elif ch == "%" and depth > 0 and (i == 0 or line[i - 1] != "\\"):
                errors.append(
                    DataError(
                        path,
                        "unescaped '%' cuts the field here (BibTeX comment): write '\\%'",
                        line=number,
                        field=current_field,
                    )
                )
    return errors
