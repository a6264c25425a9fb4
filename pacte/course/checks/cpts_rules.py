"""Semantic checks of CPTS funding rules (``*.cpts_rules.yaml``) beyond their JSON Schema."""

from __future__ import annotations

from pathlib import Path

from pacte.course.banks import bibliography_keys
from pacte.course.errors import DataError
from pacte.course.schema import json_path


def _fail(path: Path, lines, where: tuple, message: str) -> None:
    raise DataError(path, message, line=lines.line_of(where), field=json_path(where))


def _check_band_limits(bands: list[dict], i: int, path: Path, lines) -> None:
    band, where = bands[i], ("bands", i)
    if i == 0 and band["min_population"] != 0:
        _fail(path, lines, (*where, "min_population"), "the first band must start at 0")
    if i > 0:
        prev = bands[i - 1]["max_population"]
        if prev is None or band["min_population"] != prev + 1:
            _fail(
                path,
                lines,
                (*where, "min_population"),
                f"bands must be contiguous: expected min_population {None if prev is None else prev + 1}",
            )
    if (band["max_population"] is None) != (i == len(bands) - 1):
        _fail(path, lines, (*where, "max_population"), "only the last band has no max_population (null)")
    if band["max_population"] is not None and band["max_population"] < band["min_population"]:
        _fail(path, lines, (*where, "max_population"), "max_population is below min_population")


def check(data: dict, path: Path, lines) -> None:
    """Bands must be contiguous and ordered; amounts after avenant 2 = 2019 amounts × (1 + rate)."""
    keys = bibliography_keys()

    def source(obj: dict, where: tuple) -> None:
        if keys and obj["source"] not in keys:
            _fail(path, lines, (*where, "source"), f"source '{obj['source']}' is not a key of book/references.bib")

    source(data["population"], ("population",))
    source(data["increase"], ("increase",))
    pop = data["population"]
    if pop["min"] >= pop["max"]:
        _fail(path, lines, ("population", "min"), f"min {pop['min']} must be below max {pop['max']}")
    if not pop["min"] <= pop["default"] <= pop["max"]:
        _fail(path, lines, ("population", "default"), f"default {pop['default']} is outside [min, max]")
    bands = data["bands"]
    ids: set[str] = set()
    rate = data["increase"]["rate"]
    for i, band in enumerate(bands):
        where = ("bands", i)
        if band["id"] in ids:
            _fail(path, lines, (*where, "id"), f"duplicate band id '{band['id']}'")
        ids.add(band["id"])
        _check_band_limits(bands, i, path, lines)
        for key in ("fonctionnement_2019", "fonctionnement_avenant2"):
            source(band[key], (*where, key))
        before, after = band["fonctionnement_2019"]["value"], band["fonctionnement_avenant2"]["value"]
        if abs(before * (1 + rate) - after) > 0.5:
            _fail(
                path,
                lines,
                (*where, "fonctionnement_avenant2", "value"),
                f"{after} is not {before} × (1 + {rate}) = {before * (1 + rate)}",
            )
