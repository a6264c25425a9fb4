"""The browser's copy of the live kinds: ``widgets/static/live_kinds.js``, generated from the registry.

The module holds one object literal (valid JSON, as ``messages.js``): the
kinds in protocol order, each kind's French label and the moderated kinds.
:mod:`pacte.live.kind_registry` writes it (``python -m pacte.live.kind_registry``)
and a test checks it is up to date; Python reads it back here so that the
protocol, which sits below the registry, checks the same list of kinds.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from pacte.course.paths import STATIC_DIR

BROWSER_MODULE = STATIC_DIR / "live_kinds.js"
_TABLE = re.compile(r"export const LIVE_KINDS = (\{.*?\n\});", re.S)
_HEADER = """\
// @ts-check
// GENERATED from pacte/live/kind_registry.py by `python -m pacte.live.kind_registry`: do not edit.
// The live activity kinds (protocol order), their French labels and the
// moderated ones; pacte/live/protocol.py reads this same object (valid JSON).
"""


def browser_module_text(table: dict[str, Any]) -> str:
    """The text of ``live_kinds.js`` for ``table`` (``{"kinds", "labels", "moderated"}``)."""
    body = json.dumps(table, ensure_ascii=False, indent=2)
    return f"{_HEADER}\nexport const LIVE_KINDS = {body};\n"


@lru_cache(maxsize=1)
def browser_kinds() -> dict[str, Any]:
    """The table written in ``live_kinds.js``."""
    match = _TABLE.search(BROWSER_MODULE.read_text(encoding="utf-8"))
    if match is None:
        raise RuntimeError("widgets/static/live_kinds.js: no `export const LIVE_KINDS = {...};` table found")
    table: dict[str, Any] = json.loads(match.group(1))
    return table
