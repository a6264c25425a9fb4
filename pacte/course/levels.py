"""Question levels per module: the share of recall questions `pacte check` accepts.

Every question declares its level (:data:`pacte.course.question_items.LEVELS`):
``rappel`` when the answer is a fact or a figure one can only remember,
``compréhension`` when the learner explains, relates or interprets,
``application`` when the learner applies what was taught to a situation.
A module may hold at most :data:`MAX_RECALL` recall questions, counted over its
quiz banks, sorting and ordering exercises and branching cases.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.question_items import LEVELS, QuestionItem, question_items

MAX_RECALL = 0.20


def level_counts(items: list[QuestionItem]) -> dict[str, Counter]:
    """Module → count of questions per level (``None`` for a question without a valid level)."""
    out: dict[str, Counter] = {}
    for item in items:
        level = item.level if item.level in LEVELS else None
        out.setdefault(item.module, Counter())[level] += 1
    return dict(sorted(out.items()))


def level_shares(root: Path | None = None) -> list[dict]:
    """Per module: its number of questions and the count of each level, for the report of `pacte check`."""
    return [
        {"module": module, "questions": sum(counts.values()), **{level: counts[level] for level in LEVELS}}
        for module, counts in level_counts(question_items(root)).items()
    ]


def check_levels(root: Path | None = None, items: list[QuestionItem] | None = None) -> list[DataError]:
    """A module whose recall share is above :data:`MAX_RECALL` (English error naming the module and the share).

    A missing or unknown level is a schema error of its file, reported by the data checks.
    """
    items = question_items(root) if items is None else items
    errors: list[DataError] = []
    for module, counts in level_counts(items).items():
        total = sum(counts.values())
        recall = counts["rappel"]
        if total and recall / total > MAX_RECALL:
            first = next(i for i in items if i.module == module and i.level == "rappel")
            ids = ", ".join(i.qid for i in items if i.module == module and i.level == "rappel")
            errors.append(
                DataError(
                    first.path,
                    f"module '{module}': {recall}/{total} questions are recall ('rappel'), {recall / total:.0%}, "
                    f"above the {MAX_RECALL:.0%} limit; rewrite some as 'compréhension' or 'application' "
                    f"questions (recall: {ids})",
                    line=first.line,
                    field="level",
                )
            )
    return errors


def format_levels(shares: list[dict]) -> list[str]:
    """The report lines of `pacte check` (French): the share of each level in each module."""
    nbsp = "\u00a0"
    lines = [f"Niveaux des questions par module (rappel au plus {MAX_RECALL * 100:.0f}{nbsp}%){nbsp}:"]
    for s in shares:
        n = s["questions"] or 1
        parts = ", ".join(f"{level} {round(100 * s[level] / n)}{nbsp}%" for level in LEVELS)
        lines.append(f"  {s['module']}{nbsp}: {s['questions']} questions — {parts}")
    return lines
