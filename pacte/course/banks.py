"""Question banks: YAML files in ``datasets/quiz/`` validated by a JSON Schema.

Beyond the schema, a bank is checked for what a schema cannot say: unique
ids, exactly one correct choice for a single-choice question, at least one for
a multiple-choice one, a numeric answer inside its bounds, and a source that
exists in the bibliography.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.paths import course_root, datasets_dir
from pacte.course.schema import json_path, load_yaml_document


def bank_path(bank_id: str) -> Path:
    """Return the file of a bank from its id (``datasets/quiz/<id>.yaml``)."""
    return datasets_dir() / "quiz" / f"{bank_id}.yaml"


@lru_cache(maxsize=1)
def bibliography_keys() -> frozenset[str]:
    """Return the citation keys defined in ``book/references.bib``."""
    bib = course_root() / "book" / "references.bib"
    if not bib.exists():
        return frozenset()
    return frozenset(re.findall(r"^@\w+\{\s*([^,\s]+)\s*,", bib.read_text(encoding="utf-8"), re.M))


def _check_semantics(bank: dict, path: Path, lines) -> None:
    seen: set[str] = set()
    keys = bibliography_keys()
    for i, q in enumerate(bank["questions"]):
        where = ("questions", i)
        if q["id"] in seen:
            raise DataError(
                path,
                f"duplicate question id '{q['id']}'",
                line=lines.line_of(where + ("id",)),
                field=json_path(where + ("id",)),
            )
        seen.add(q["id"])
        if keys and q["source"]["ref"] not in keys:
            raise DataError(
                path,
                f"source '{q['source']['ref']}' is not a key of book/references.bib",
                line=lines.line_of(where + ("source", "ref")),
                field=json_path(where + ("source", "ref")),
            )
        if q["type"] in ("single", "multiple"):
            ids = [c["id"] for c in q["choices"]]
            dup = {c for c in ids if ids.count(c) > 1}
            if dup:
                raise DataError(
                    path,
                    f"duplicate choice id(s) {sorted(dup)}",
                    line=lines.line_of(where + ("choices",)),
                    field=json_path(where + ("choices",)),
                )
            n_correct = sum(bool(c.get("correct")) for c in q["choices"])
            if q["type"] == "single" and n_correct != 1:
                raise DataError(
                    path,
                    f"a single-choice question needs exactly one correct choice, found {n_correct}",
                    line=lines.line_of(where + ("choices",)),
                    field=json_path(where + ("choices",)),
                )
            if q["type"] == "multiple" and n_correct < 1:
                raise DataError(
                    path,
                    "a multiple-choice question needs at least one correct choice",
                    line=lines.line_of(where + ("choices",)),
                    field=json_path(where + ("choices",)),
                )
        else:
            lo, hi = q.get("min"), q.get("max")
            if lo is not None and hi is not None and lo > hi:
                raise DataError(
                    path,
                    f"min {lo} is above max {hi}",
                    line=lines.line_of(where + ("min",)),
                    field=json_path(where + ("min",)),
                )
            if (lo is not None and q["answer"] < lo) or (hi is not None and q["answer"] > hi):
                raise DataError(
                    path,
                    f"answer {q['answer']} is outside [min, max]",
                    line=lines.line_of(where + ("answer",)),
                    field=json_path(where + ("answer",)),
                )


def load_bank_file(path: Path) -> dict:
    """Load and fully validate one question bank file."""
    bank, lines = load_yaml_document(path, "question_bank")
    if bank["id"] != path.stem:
        raise DataError(
            path,
            f"bank id '{bank['id']}' must match the file name '{path.stem}'",
            line=lines.line_of(("id",)),
            field="id",
        )
    _check_semantics(bank, path, lines)
    return bank


def load_bank(bank_id: str) -> dict:
    """Load the question bank ``datasets/quiz/<bank_id>.yaml``."""
    path = bank_path(bank_id)
    if not path.exists():
        raise DataError(path, f"question bank '{bank_id}' not found")
    return load_bank_file(path)


def all_bank_files() -> list[Path]:
    """Return every question bank file of the course, sorted."""
    return sorted((datasets_dir() / "quiz").glob("*.yaml"))


def select_questions(bank: dict, questions: list[str] | None = None) -> list[dict]:
    """The questions a page shows: all of the bank, or the ids the page lists, in the page's order.

    This is the only rule: a page names its questions (``Quiz.from_bank(bank,
    [ids])``) or shows the whole bank. ``KeyError`` names unknown ids.
    """
    if questions is None:
        return list(bank["questions"])
    by_id = {q["id"]: q for q in bank["questions"]}
    unknown = [q for q in questions if q not in by_id]
    if unknown:
        raise KeyError(f"bank '{bank['id']}' has no question(s) {unknown}")
    return [by_id[q] for q in questions]
