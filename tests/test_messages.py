"""The French messages shared by the JavaScript logic and its Python twins come from one table."""

from __future__ import annotations

import re
from pathlib import Path

from node_runner import call_js

from pacte.course.messages import message, messages

ROOT = Path(__file__).resolve().parents[1]
NBSP_BEFORE = re.compile(r"[^\u00a0\u202f]([:;!?»%])")


def test_python_and_javascript_give_the_same_text_for_every_key():
    keys = sorted(messages())
    params = {
        "choices": "a, b",
        "lo": "0",
        "hi": "100",
        "item": "x",
        "answer": "y",
        "known": "A, B",
        "label": "L",
        "correct": 2,
        "total": 3,
        "answered": 2,
        "s": "s",
        "message": "m",
    }
    js = call_js("messages", "message", [[key, params] for key in keys])
    assert js == [message(key, **params) for key in keys]


def test_every_message_follows_french_typography():
    for key, text in messages().items():
        assert "'" not in text, key
        prose = text.replace("{élément: catégorie}", "")  # a data shape, not prose
        assert NBSP_BEFORE.findall(prose) == [], key


def test_twins_use_the_table_not_copies():
    """No message of the table is written out again in a JS logic module or its Python twin."""
    sources = [
        *(ROOT / "widgets" / "static").glob("*_logic.js"),
        ROOT / "pacte" / "course" / "scoring.py",
        ROOT / "widgets" / "sorting.py",
        *(ROOT / "widgets" / "financement").glob("*.py"),
    ]
    texts = {p: p.read_text(encoding="utf-8") for p in sources}
    for key, text in messages().items():
        fixed = re.split(r"\{[a-z_]+\}", text)[0]
        if len(fixed) < 12:
            continue
        for path, source in texts.items():
            assert fixed not in source, f"{path.name} repeats message {key!r} instead of calling message()"
