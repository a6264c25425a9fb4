"""Locator rule: a figure or question taken from a seed names an exact phrase of it.

``datasets/sources/seeds.yaml`` maps bibliography keys to the seed text kept
beside it. A CSV row (any data package under ``datasets/``) or a question of a
bank whose source is such a key must carry a ``locator``: a short phrase
(at most 12 words) found verbatim in that seed, like ``grep -F`` would, and,
for a chapter of the 2018 book (seed 001), inside that chapter.
Rows whose source is not a seed key may leave ``locator`` empty (the column
itself is optional in a table with no seed-sourced row). Any other YAML data
file that gives a ``locator`` beside a seed ``ref``/``source`` has it checked
too. Errors name the file, line and field.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pacte.course.errors import DataError, utf8_error_line
from pacte.course.paths import datasets_dir

MAX_WORDS = 12

# Seed 001 is a whole book: each chapter key owns a range of its lines (the
# chapter runs from its title to its author's signature). A locator of a
# chapter key must be found in that chapter, so that a claim is cited to the
# chapter that makes it (Schweyer 2018 is not Hassenteufel 2018).
CHAPTER_LINES = {
    "bergeron2018": (1, 451),
    "bourgeois2018": (452, 653),
    "fournier2018": (654, 878),
    "vezinat2018": (879, 1044),
    "peyron_buttard2018": (1045, 1384),
    "henaut2018": (1385, 1703),
    "leicher2018": (1704, 1851),
    "battistoni2018": (1852, 1926),
    "hassenteufel2018": (1927, 2174),
    "schweyer2018": (2175, 2497),
    "dehaas2018": (2498, 2708),
    "gendry2018": (2709, 10**9),
}


def _chapter_of(text: str, locator: str) -> list[str]:
    numbers = [i + 1 for i, line in enumerate(text.split("\n")) if locator in line]
    if not numbers:  # the phrase spans a line break
        numbers = [text[: text.find(locator)].count("\n") + 1]
    return [key for key, (a, b) in CHAPTER_LINES.items() if any(a <= n <= b for n in numbers)]


@lru_cache(maxsize=4)
def _seeds(root: str) -> dict[str, str]:
    folder = Path(root) / "sources"
    index = folder / "seeds.yaml"
    if not index.exists():
        return {}
    mapping = yaml.safe_load(index.read_text(encoding="utf-8")) or {}
    return {key: (folder / name).read_text(encoding="utf-8") for key, name in mapping.items()}


def seed_texts() -> dict[str, str]:
    """Map each seed-backed bibliography key to the text of its seed."""
    return _seeds(str(datasets_dir()))


def locator_problem(ref: str, locator: Any, seeds: dict[str, str]) -> str | None:
    """Return what is wrong with ``locator`` for a source ``ref`` (None when fine or not needed)."""
    if ref not in seeds:
        return None
    if locator is None or not str(locator).strip():
        return (
            f"source '{ref}' is a seed: give a `locator`, a short exact phrase of "
            f"datasets/sources/{_seed_file(ref)} (grep -F)"
        )
    locator = str(locator)
    if len(locator.split()) > MAX_WORDS:
        return f"locator has {len(locator.split())} words; at most {MAX_WORDS}"
    if locator not in seeds[ref]:
        hint = ""
        if locator.replace("'", "’") in seeds[ref] or locator.replace("’", "'") in seeds[ref]:
            hint = " (the seed uses the other apostrophe)"
        return f"locator not found verbatim in the seed of '{ref}'{hint}: {locator!r}"
    if ref in CHAPTER_LINES:
        chapters = _chapter_of(seeds[ref], locator)
        if ref not in chapters:
            a, b = CHAPTER_LINES[ref]
            return (
                f"locator is in the chapter of {', '.join(chapters) or 'no known chapter'}, not in '{ref}' "
                f"(lines {a}-{min(b, seeds[ref].count(chr(10)) + 1)} of the seed): cite the chapter that "
                f"makes the claim: {locator!r}"
            )
    return None


@lru_cache(maxsize=4)
def _seed_index(root: str) -> dict[str, str]:
    index = Path(root) / "sources" / "seeds.yaml"
    return yaml.safe_load(index.read_text(encoding="utf-8")) or {} if index.exists() else {}


def _seed_file(ref: str) -> str:
    return _seed_index(str(datasets_dir())).get(ref, "?")


def check_csv_locators(root: Path | None = None) -> list[DataError]:
    """Check every CSV of every data package: seed-sourced rows carry a valid locator.

    ``root`` is the course root (default: the checkout or ``PACTE_ROOT``).
    """
    from pacte.course.data import load_package

    seeds = seed_texts()
    errors: list[DataError] = []
    try:
        resources = load_package(root / "datasets" if root else None)
    except DataError:
        return errors  # reported by the package check itself
    for res in resources.values():
        path = res.path
        if not path.exists() or utf8_error_line(path):
            continue  # a bad UTF-8 byte is reported (with its line) by the data check
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "source" not in reader.fieldnames:
                continue
            has_column = "locator" in reader.fieldnames
            for row in reader:
                ref = (row.get("source") or "").strip()
                if ref not in seeds:
                    continue
                if not has_column:
                    errors.append(
                        DataError(
                            path,
                            f"rows from a seed ('{ref}') need a `locator` column "
                            "(add it to the CSV and its datapackage.json schema)",
                            line=reader.line_num,
                            field="locator",
                        )
                    )
                    break
                problem = locator_problem(ref, row.get("locator"), seeds)
                if problem:
                    errors.append(DataError(path, problem, line=reader.line_num, field="locator"))
    return errors


def _walk_dict(node: dict, path: tuple) -> Iterator[tuple[tuple, str, Any, bool]]:
    src = node.get("source")
    if isinstance(src, dict) and isinstance(src.get("ref"), str):
        yield path + ("source",), src["ref"], src.get("locator"), "prompt" in node
    elif isinstance(src, str) and "locator" in node:
        yield path, src, node.get("locator"), False
    for key, value in node.items():
        if key == "source" and isinstance(value, dict):
            continue
        yield from _walk_sources(value, path + (key,))  # a `sources` list is walked here, as a value


def _walk_list(node: list, path: tuple) -> Iterator[tuple[tuple, str, Any, bool]]:
    in_sources = bool(path) and path[-1] == "sources"
    for i, item in enumerate(node):
        if in_sources and isinstance(item, dict) and isinstance(item.get("ref"), str):
            if "locator" in item:
                yield path + (i,), item["ref"], item.get("locator"), False
            continue
        yield from _walk_sources(item, path + (i,))


def _walk_sources(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, Any, bool]]:
    """Yield (json path, ref, locator, is_question) for every source object in a YAML document."""
    if isinstance(node, dict):
        yield from _walk_dict(node, path)
    elif isinstance(node, list):
        yield from _walk_list(node, path)


def check_yaml_locators(paths: list[Path] | None = None) -> list[DataError]:
    """Questions of banks from a seed need a locator; any locator given in a YAML file must be found."""
    from pacte.course.checks import all_data_files, schema_of

    seeds = seed_texts()
    errors: list[DataError] = []
    for path in paths if paths is not None else all_data_files():
        try:
            data, lines = load_yaml_lines_fast(path)
        except DataError:
            continue  # reported by the schema check
        is_bank = schema_of(path) == "question_bank"
        for where, ref, locator, is_question in _walk_sources(data):
            required = is_bank and is_question
            if locator is None and not required:
                continue
            problem = locator_problem(ref, locator, seeds)
            if problem:
                line = lines.line_of(where + ("locator",)) if locator is not None else lines.line_of(where)
                errors.append(DataError(path, problem, line=line, field="source.locator" if is_bank else "locator"))
    return errors


def check_locators(root: Path | None = None) -> list[DataError]:
    """All locator errors of the course data (``root``: the course root)."""
    return check_csv_locators(root) + check_yaml_locators()


_YAML_CACHE: dict[tuple[str, float], tuple[Any, Any]] = {}


def load_yaml_lines_fast(path: Path):
    """Like :func:`pacte.course.yaml_lines.load_yaml_with_lines`, with libyaml when available, cached per mtime.

    The editorial rules read every YAML data file; this keeps `pacte check` fast.
    """
    from pacte.course.yaml_lines import LineMap, load_yaml_with_lines

    key = (str(path), path.stat().st_mtime)
    if key in _YAML_CACHE:
        return _YAML_CACHE[key]
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        result = load_yaml_with_lines(path)
    else:
        text = path.read_text(encoding="utf-8")
        try:
            node = yaml.compose(text, Loader=loader)
            data = yaml.load(text, Loader=loader)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise DataError(path, f"invalid YAML: {exc}") from exc
        if node is None:
            raise DataError(path, "file is empty")
        lines = LineMap()
        _record_lines(node, (), lines)
        result = (data, lines)
    _YAML_CACHE[key] = result
    return result


def _record_lines(node, path: tuple, lines) -> None:
    lines.record(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _record_lines(value_node, path + (key_node.value,), lines)
            lines.record(path + (key_node.value,), key_node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, path + (i,), lines)
