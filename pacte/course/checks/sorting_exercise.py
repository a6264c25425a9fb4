"""Semantic checks of a sorting exercise (``datasets/<topic>/<name>.sorting_exercise.yaml``).

Beyond its JSON Schema: unique category and item ids; every item expects a
known category; per-category feedback only for known, wrong categories; every
category has at least one item; sources are keys of ``book/references.bib``.
"""

from __future__ import annotations

from pathlib import Path

from pacte.course.checks.diagnosis_grid import _fail, _unique, check_sources


def check(data: dict, path: Path, lines) -> None:
    """Raise :class:`DataError` (file, line, field) on the first semantic problem of an exercise."""
    cats = _unique(data, "categories", path, lines)
    _unique(data, "items", path, lines)
    used = set()
    for i, item in enumerate(data["items"]):
        if item["expected"] not in cats:
            _fail(path, lines, ("items", i, "expected"), f"unknown category '{item['expected']}' (known: {cats})")
        used.add(item["expected"])
        for key in item.get("feedback") or {}:
            if key not in cats:
                _fail(
                    path, lines, ("items", i, "feedback", key), f"feedback for unknown category '{key}' (known: {cats})"
                )
            if key == item["expected"]:
                _fail(
                    path,
                    lines,
                    ("items", i, "feedback", key),
                    f"feedback is for wrong answers: '{key}' is the expected category; use 'explanation'",
                )
    for i, cat in enumerate(data["categories"]):
        if cat["id"] not in used:
            _fail(path, lines, ("categories", i, "id"), f"category '{cat['id']}' has no item")
    check_sources(data, path, lines)
