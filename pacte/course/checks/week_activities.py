"""Semantic checks of a « Ma semaine » file (``datasets/<topic>/<name>.week_activities.yaml``).

Beyond its JSON Schema: unique block, activity and structure ids; every activity
names a known block; every block has an activity; the per-activity maximum does
not exceed the weekly maximum; sources are keys of ``book/references.bib``.
"""

from __future__ import annotations

from pathlib import Path

from pacte.course.checks.diagnosis_grid import _fail, _unique, check_sources


def check(data: dict, path: Path, lines) -> None:
    """Raise :class:`DataError` (file, line, field) on the first semantic problem."""
    blocks = _unique(data, "blocks", path, lines)
    _unique(data, "activities", path, lines)
    _unique(data, "structures", path, lines)
    used = set()
    for i, act in enumerate(data["activities"]):
        if act["block"] not in blocks:
            _fail(path, lines, ("activities", i, "block"), f"unknown block '{act['block']}' (known: {blocks})")
        used.add(act["block"])
    for i, block in enumerate(data["blocks"]):
        if block["id"] not in used:
            _fail(path, lines, ("blocks", i, "id"), f"block '{block['id']}' has no activity")
    if data["max_hours_activity"] > data["max_total_hours"]:
        _fail(path, lines, ("max_hours_activity",), "max_hours_activity cannot exceed max_total_hours")
    check_sources(data, path, lines)
