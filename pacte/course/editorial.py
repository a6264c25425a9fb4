"""Editorial rules of ``pacte check``, beyond data validation.

Each rule returns :class:`DataError` items naming ``file:line [field]``:

* locators of seed-sourced rows and questions (:mod:`pacte.course.locators`);
* seed citations of the pages open their passage (:mod:`pacte.course.evidence`);
* recurring facts stated once, no page contradicting them (:mod:`pacte.course.facts`);
* unescaped ``%`` in ``book/references.bib`` (:mod:`pacte.course.bibcheck`);
* French typography of pages and YAML texts (:mod:`pacte.course.typocheck`);
* duplicate and near-duplicate questions, « Durée » vs session plan (:mod:`pacte.course.questions`);
* the share of recall questions per module (:mod:`pacte.course.levels`);
* more rules are registered in :data:`RULES`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pacte.course.bibcheck import check_bib_percent
from pacte.course.errors import DataError
from pacte.course.evidence import check_pages
from pacte.course.facts import check_fact_consistency
from pacte.course.levels import check_levels
from pacte.course.locators import check_locators
from pacte.course.questions import check_duplicates, check_durations
from pacte.course.typocheck import check_sources

RULES: list[tuple[str, Callable[[Path], list[DataError]]]] = [
    ("locators", check_locators),
    ("page-citations", check_pages),
    ("recurring-facts", check_fact_consistency),
    ("bib-percent", lambda root: check_bib_percent(root / "book" / "references.bib")),
    ("typography", check_sources),
    ("duplicate-questions", check_duplicates),
    ("durations", check_durations),
    ("question-levels", check_levels),
]


def editorial_errors(root: Path, timings: dict | None = None) -> list[DataError]:
    """Run every editorial rule over the course at ``root``."""
    errors: list[DataError] = []
    for name, rule in RULES:
        start = time.perf_counter()
        errors.extend(rule(root))
        if timings is not None:
            timings[name] = time.perf_counter() - start
    return errors
