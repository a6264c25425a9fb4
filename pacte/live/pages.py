"""Where each quiz question and branching case of the course is shown: its module and page, read from the module pages.

A module page shows a bank with ``Quiz.from_bank("bank", ["id", …])`` (some
questions) or ``Quiz.from_bank("bank")`` (the whole bank). The live catalogue
uses this to group quiz questions by module and page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pacte.course.paths import course_root

_FROM_BANK = re.compile(r"""Quiz\.from_bank\(\s*["']([a-z0-9_-]+)["']\s*(?:,\s*(?:questions\s*=\s*)?\[([^\]]*)\])?""")
_ID = re.compile(r"""["']([A-Za-z0-9_-]+)["']""")
_CASE_FROM_FILE = re.compile(r"""BranchingCase\.from_file\(\s*["']([a-z0-9_-]+)["']""")
SURVEY_PAGE = "modules/dynamiques/ce-que-dit-l-enquete.md"


@lru_cache(maxsize=1)
def quiz_pages() -> dict[str, list[tuple[str, list[str] | None]]]:
    """Bank id → [(page, question ids or None for the whole bank)], pages in path order."""
    root = course_root()
    out: dict[str, list[tuple[str, list[str] | None]]] = {}
    for path in sorted((root / "modules").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        for match in _FROM_BANK.finditer(text):
            ids = _ID.findall(match.group(2)) if match.group(2) is not None else None
            out.setdefault(match.group(1), []).append((path.relative_to(root).as_posix(), ids))
    return out


def question_pages(bank_id: str, question_id: str) -> list[str]:
    """Every module page showing question ``question_id`` of bank ``bank_id``: those naming it, then whole-bank ones."""
    pages = quiz_pages().get(bank_id, [])
    named = [page for page, ids in pages if ids is not None and question_id in ids]
    return named + [page for page, ids in pages if ids is None]


def quiz_page(bank_id: str, question_id: str) -> str:
    """The first of :func:`question_pages`, or ``""``."""
    return (question_pages(bank_id, question_id) + [""])[0]


def module_of(page: str, fallback: str = "") -> str:
    """The module of a page ``modules/<module>/…``, else ``fallback``."""
    parts = page.split("/")
    return parts[1] if len(parts) == 3 and parts[0] == "modules" else fallback


@lru_cache(maxsize=1)
def case_pages() -> dict[str, str]:
    """Branching case id → the first module page showing it (``BranchingCase.from_file("id")``)."""
    root = course_root()
    out: dict[str, str] = {}
    for path in sorted((root / "modules").glob("*/*.md")):
        for case_id in _CASE_FROM_FILE.findall(path.read_text(encoding="utf-8")):
            out.setdefault(case_id, path.relative_to(root).as_posix())
    return out
