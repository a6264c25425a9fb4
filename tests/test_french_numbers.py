"""One French number formatter per language: ``pacte.course.fmt`` in Python, ``numbers.js`` in the
browser, giving the same text (« 1 200 », « 12,5 », « 56 % »), and no other formatter beside them."""

from __future__ import annotations

import re
from pathlib import Path

from node_runner import call_js

from pacte.course.fmt import decimal, number, percent

ROOT = Path(__file__).resolve().parents[1]
VALUES = [0, 3, -7, 2.5, 12.25, 0.1 + 0.2, 1200, 1200.5, -1234.56, 73500, 153500000, 1e20, 123456.789012345]


def test_at_most_n_decimals_is_the_same_text_in_python_and_in_the_browser():
    calls = [[v, d] for v in VALUES for d in (0, 1, 2, 10)]
    assert call_js("numbers", "fmtNumber", calls) == [decimal(v, d) for v, d in calls]
    assert decimal(2.5) == "2,5" and decimal(1200.0) == "1\u00a0200" and decimal(-1234.56, 1) == "-1\u00a0234,6"


def test_fixed_decimals_and_percents_are_the_same_text_in_python_and_in_the_browser():
    calls = [[v, d] for v in VALUES for d in (0, 1, 2)]
    setup = "const fixed = (v, d) => [m.fmtNumber(v, d, d), m.fmtPercent(v, d)];"
    assert call_js("numbers", "fixed", calls, setup=setup) == [[number(v, d), percent(v, d)] for v, d in calls]
    assert number(12.5, 2) == "12,50" and percent(56) == "56\u00a0%"


def test_no_other_number_formatter_in_the_javascript_or_the_python():
    js_files = [*(ROOT / "widgets" / "static").glob("*.js"), *(ROOT / "pacte" / "live" / "dashboard").glob("*.js")]
    js = [
        str(p.relative_to(ROOT))
        for p in js_files
        if re.search(r"Intl\.NumberFormat|\.toLocaleString\(", p.read_text("utf-8"))
    ]
    assert js == ["widgets/static/numbers.js"]
    decimal_comma = re.compile(r"""\.replace\(\s*["']\.["']\s*,\s*["'],["']\s*\)""")
    python = [
        str(p.relative_to(ROOT))
        for folder in ("pacte", "widgets")
        for p in (ROOT / folder).rglob("*.py")
        if decimal_comma.search(p.read_text("utf-8"))
    ]
    assert python == ["pacte/course/fmt.py"]
