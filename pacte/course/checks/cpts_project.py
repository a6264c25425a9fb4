"""Semantic checks of a CPTS project (``datasets/<topic>/<name>.cpts_project.yaml``).

Beyond its JSON Schema: unique mission, partner, need, indicator and rule ids;
rule conditions naming only known missions and partners; min <= max; sources
that are keys of ``book/references.bib``; every locator found verbatim in the
seed file mapped to its source key (``datasets/sources/seeds.yaml``); a
fictional territory says so in its notice.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from pacte.course.checks.diagnosis_grid import _fail, _unique, check_sources, iter_sources
from pacte.course.paths import datasets_dir


def _seed_texts() -> dict[str, str]:
    sources = datasets_dir() / "sources"
    mapping = yaml.safe_load((sources / "seeds.yaml").read_text(encoding="utf-8")) or {}
    return {key: (sources / name).read_text(encoding="utf-8") for key, name in mapping.items()}


def _check_header(data: dict, missions: set[str], path: Path, lines) -> None:
    if data["fictional"] and "fictif" not in data["territory"]["notice"].lower():
        _fail(path, lines, ("territory", "notice"), "a fictional territory must say « fictif » in its notice")
    if data["max_missions"] > len(missions):
        _fail(
            path, lines, ("max_missions",), f"max_missions {data['max_missions']} > number of missions {len(missions)}"
        )


def _check_rule_idents(rule: dict, i: int, missions: set[str], partners: set[str], path: Path, lines) -> None:
    for key, value in rule["when"].items():
        where = ("rules", i, "when", key)
        if not isinstance(value, list):
            continue
        known = missions if key.startswith("missions") else partners
        for ident in value:
            if ident not in known:
                _fail(path, lines, where, f"unknown {key.split('_')[0][:-1]} '{ident}' (known: {sorted(known)})")


def _check_rule_bounds(rule: dict, i: int, path: Path, lines) -> None:
    for what in ("missions", "partners"):
        lo, hi = rule["when"].get(f"{what}_min"), rule["when"].get(f"{what}_max")
        if lo is not None and hi is not None and lo > hi:
            _fail(path, lines, ("rules", i, "when", f"{what}_min"), f"{what}_min {lo} > {what}_max {hi}")


def _check_locators(data: dict, path: Path, lines) -> None:
    seeds = _seed_texts()
    for where, src in iter_sources(data):
        text = seeds.get(src["ref"])
        if text is None:
            _fail(
                path, lines, where + ("ref",), f"source '{src['ref']}' has no seed file in datasets/sources/seeds.yaml"
            )
            continue  # not reached: _fail raises
        if src["locator"] not in text:
            _fail(
                path,
                lines,
                where + ("locator",),
                f"locator not found in the seed of '{src['ref']}': {src['locator']!r}",
            )
        if len(src["locator"].split()) > 12:
            _fail(path, lines, where + ("locator",), "a locator has at most 12 words")


def check(data: dict, path: Path, lines) -> None:
    """Raise :class:`DataError` (file, line, field) on the first semantic problem of a project."""
    missions = set(_unique(data, "missions", path, lines))
    partners = set(_unique(data, "partners", path, lines))
    _unique(data, "rules", path, lines)
    _unique(data["territory"], "needs", path, lines)
    _unique(data["territory"], "indicators", path, lines)
    _check_header(data, missions, path, lines)
    for i, rule in enumerate(data["rules"]):
        _check_rule_idents(rule, i, missions, partners, path, lines)
        _check_rule_bounds(rule, i, path, lines)
    check_sources(data, path, lines)
    _check_locators(data, path, lines)
