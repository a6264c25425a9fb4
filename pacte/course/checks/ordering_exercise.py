"""Semantic checks of an ordering exercise (``datasets/<topic>/<name>.ordering_exercise.yaml``).

Beyond its JSON Schema: unique item ids; positions that form a ranking
(1, then each new position equals 1 + the number of items placed before it, so
ties are explicit); a starting order (the file order) that is not already the
expected one; sources that are keys of ``book/references.bib``; every
``locator`` found verbatim in the seed document that ``datasets/sources/seeds.yaml``
maps to the source key.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import yaml

from pacte.course.checks.diagnosis_grid import _fail, _unique, check_sources, iter_sources
from pacte.course.paths import datasets_dir


@lru_cache(maxsize=1)
def seed_map() -> dict[str, str]:
    """BibTeX key → seed file name (``datasets/sources/seeds.yaml``), empty if absent."""
    path = datasets_dir() / "sources" / "seeds.yaml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@cache
def seed_text(name: str) -> str:
    return (datasets_dir() / "sources" / name).read_text(encoding="utf-8")


def check_locators(data, path: Path, lines) -> None:
    """Fail if a ``source.locator`` is not a verbatim phrase of the seed of its ``ref``."""
    seeds = seed_map()
    for where, src in iter_sources(data):
        locator = src.get("locator")
        if locator is None:
            continue
        seed = seeds.get(src["ref"])
        if seed is None:
            _fail(
                path,
                lines,
                where + ("locator",),
                f"source '{src['ref']}' has no seed document in datasets/sources/seeds.yaml",
            )
        if locator not in seed_text(seed):
            _fail(path, lines, where + ("locator",), f"locator not found in datasets/sources/{seed}: '{locator}'")
        if len(locator.split()) > 12:
            _fail(path, lines, where + ("locator",), "a locator has at most 12 words")


def check(data: dict, path: Path, lines) -> None:
    """Raise :class:`DataError` (file, line, field) on the first semantic problem of an exercise."""
    _unique(data, "items", path, lines)
    items = data["items"]
    positions = sorted(item["position"] for item in items)
    for i, item in enumerate(items):
        before = sum(p < item["position"] for p in positions)
        if item["position"] != before + 1:
            _fail(
                path,
                lines,
                ("items", i, "position"),
                f"position {item['position']} should be {before + 1}: positions rank the items "
                f"(1, 2, 2, 4… with ties), {before} item(s) come before this one",
            )
    order = [item["position"] for item in items]
    if order == sorted(order):
        _fail(
            path, lines, ("items",), "the items are already in the expected order: list them in a mixed starting order"
        )
    check_sources(data, path, lines)
    check_locators(data, path, lines)
