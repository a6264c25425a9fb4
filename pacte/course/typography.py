"""French typography for every text a learner reads (one helper for pages, widgets and charts).

* a non-breaking space before « : ; ! ? » and before the closing guillemet,
  after the opening guillemet, between a number and « % » or « € »;
* a non-breaking space between the digit groups of a number (« 1 320 », as :mod:`pacte.course.fmt`);
* a non-breaking space between a number and its unit (« 20 min », « 40 ans »);
* ordinals in superscript letters (« 1ᵉʳ janvier », « 1ʳᵉ »);
* the typographic apostrophe ’ instead of ' inside words (« l’équipe »).

:func:`french` fixes one string; :func:`french_state` walks a widget state or a
Vega-Lite spec and fixes its strings, leaving identifiers, expressions and
answers alone; :func:`problems` lists what is left to fix in a text (used by
the tests, ``pacte check`` and ``pacte typo``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

NBSP = "\u00a0"  # before « : » and « % », « € », and inside guillemets (as pacte.course.fmt)
NNBSP = "\u202f"  # before « ; ! ? » and between digit groups
APOSTROPHE = "\u2019"

_URL = re.compile(r"(?:https?|ftp|mailto|file):\S+|www\.\S+|\b[\w.-]+@[\w-]+\.\w+")
_COLON = re.compile(r"[ \t]+:(?=\s|$|[»)\]\"'’,.])")
_OTHER = re.compile(r"[ \t]+([;!?])")
_PCT = re.compile(r"(?<=\d)[ \t]+(?=(?:[kM]?€|%))")
# A number and its unit (« 20 min », « 40 ans », « 1,5 heure », « 4 h »), as Grammalecte asks
_UNIT = re.compile(
    r"(?<=\d)[ \t]+(?=(?:min|h|ms|ans?|heures?|jours?|mois|semaines?|minutes?|secondes?|s|km|kg|Ko|Mo|Go|Kio|Mio|Gio|px)\b(?!['’-]))"
)
# « 1er janvier » → « 1ᵉʳ janvier » (superscript letters, as Grammalecte asks)
_ORDINAL = re.compile(r"\b1(er|re|ers|res)\b")
_SUPERSCRIPT = str.maketrans("ers", "ᵉʳˢ")
_NUM = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_OPEN = re.compile(r"«[ \t\u202f]*(?=\S)")
_CLOSE = re.compile(r"(?<=\S)[ \t\u202f]*»")
_APOS = re.compile(r"(?<=[A-Za-zÀ-ÖØ-öø-ÿœŒ])'(?=[A-Za-zÀ-ÖØ-öø-ÿœŒ0-9*_«{\[])")


def _fix(text: str) -> str:
    text = _OPEN.sub("«" + NBSP, text)
    text = _CLOSE.sub(NBSP + "»", text)
    text = _COLON.sub(NBSP + ":", text)
    text = _OTHER.sub(lambda m: NNBSP + m.group(1), text)
    text = _PCT.sub(NBSP, text)
    text = _NUM.sub(NBSP, text)
    text = _UNIT.sub(NBSP, text)
    text = _ORDINAL.sub(lambda m: "1" + m.group(1).translate(_SUPERSCRIPT), text)
    text = _APOS.sub(APOSTROPHE, text)
    return text


def french(text: str) -> str:
    """Return ``text`` with French typography; URLs and e-mail addresses are left untouched."""
    if not isinstance(text, str) or not text:
        return text
    out, last = [], 0
    for m in _URL.finditer(text):
        out.append(_fix(text[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_fix(text[last:]))
    return "".join(out)


# Keys whose string values are not prose: identifiers, Vega expressions, answers typed by learners.
SKIP_KEYS = frozenset(
    {
        "id",
        "ids",
        "ref",
        "key",
        "module",
        "locator",
        "url",
        "href",
        "src",
        "$schema",
        "field",
        "fields",
        "expr",
        "filter",
        "calculate",
        "test",
        "labelExpr",
        "signal",
        "update",
        "format",
        "timeFormat",
        "dateTime",
        "answers",
        "answer",
        "kernel_result",
        "kernel_answers",
        "session",
        "token",
        "css",
        "style",
        "color",
        "scheme",
        "fill",
        "stroke",
        "mark",
        "type",
        "shape",
        "orient",
        "align",
        "baseline",
        "font",
        "sort",
        "name",
        "as",
        "groupby",
        "op",
        "on",
        "bind_name",
    }
)


def french_state(value: Any, key: str | None = None) -> Any:
    """Apply :func:`french` to the prose strings of a widget state or chart spec (a copy)."""
    if key in SKIP_KEYS or (isinstance(key, str) and (key.startswith("_") or key.startswith("kernel_"))):
        return value
    if isinstance(value, str):
        return french(value)
    if isinstance(value, dict):
        return {k: french_state(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [french_state(v, key) for v in value]
    return value


_PROBLEMS = [
    (re.compile(r"[ \t]:(?=\s|$)"), "plain space before « : »"),
    (re.compile(r"[ \t][;!?]"), "plain space before « ; ! ? »"),
    (re.compile(r"(?<=\d)[ \t](?:[kM]?€|%)"), "plain space before « % » or « € »"),
    (re.compile(r"«[ \t]"), "plain space after « « »"),
    (re.compile(r"[ \t]»"), "plain space before « » »"),
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), "plain space inside a number"),
    (re.compile(r"'"), "straight apostrophe (use ’)"),
]


def problems(text: str) -> Iterator[tuple[int, str, str]]:
    """Yield (offset, message, excerpt) for each typography fault of ``text`` (URLs ignored)."""
    masked = _URL.sub(lambda m: "x" * len(m.group(0)), text)
    for pattern, message in _PROBLEMS:
        for m in pattern.finditer(masked):
            start = max(0, m.start() - 25)
            yield m.start(), message, text[start : m.end() + 25].replace("\n", " ")
