"""Editorial rules of ``pacte check``, beyond data validation.

Each rule returns :class:`DataError` items naming ``file:line [field]``:

* locators of seed-sourced rows and questions (:mod:`pacte.course.locators`);
* more rules are registered in :data:`RULES`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from pacte.course.errors import DataError
from pacte.course.locators import check_locators

RULES: list[tuple[str, Callable[[Path], list[DataError]]]] = [
    ("locators", check_locators),
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
