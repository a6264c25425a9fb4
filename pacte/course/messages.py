"""The French messages shared by the widgets' JavaScript logic and its Python twins.

The table is one object literal in ``widgets/static/messages.js`` (valid
JSON), read here so that both sides show exactly the same text.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from pacte.course.paths import STATIC_DIR

_TABLE = re.compile(r"export const MESSAGES = (\{.*?\n\});", re.S)
_PARAM = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=1)
def messages() -> dict[str, str]:
    """The whole table, key → French text with ``{name}`` parameters."""
    text = (STATIC_DIR / "messages.js").read_text(encoding="utf-8")
    match = _TABLE.search(text)
    if match is None:
        raise RuntimeError("widgets/static/messages.js: no `export const MESSAGES = {...};` table found")
    table: dict[str, str] = json.loads(match.group(1))
    return table


def message(key: str, **params: object) -> str:
    """The message ``key`` with its ``{name}`` parameters replaced (unknown key: KeyError)."""
    text = messages()[key]
    return _PARAM.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), text)
