"""Sorting-exercise widget: items to place in categories, with feedback per item and a score.

The exercise is data (``datasets/<topic>/<name>.sorting_exercise.yaml``,
schema ``sorting_exercise``). Each item is sorted with radio buttons (keyboard
usable, no drag and drop). The browser gives the feedback
(``static/sorting.js``); with a kernel, the answers also reach Python, which
recomputes the score here (:func:`score_sorting`, the mirror of
``static/sorting_logic.js``) and writes it back to ``kernel_result``.

Usage in a page::

    from widgets.sorting import Sorting
    Sorting.from_file("dimensions/situations.sorting_exercise.yaml")
"""

from __future__ import annotations

import json
from typing import Any

import traitlets as t

from pacte.course.checks import load_data_file
from pacte.course.citations import citations_for
from pacte.course.messages import message
from pacte.course.paths import datasets_dir
from widgets._host import AnsweringWidget

CORRECT, INCORRECT, UNANSWERED, INVALID = "correct", "incorrect", "unanswered", "invalid"


def _describe(raw: Any) -> str:
    if isinstance(raw, str):
        return f"«\u00a0{raw}\u00a0»"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    try:
        return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return str(raw)


def evaluate_item(exercise: dict, item_id: Any, answer: Any) -> dict:
    """Return the verdict on one item: ``status``, French ``message``, ``expected``, ``explanation``, ``hint``."""
    item = next((i for i in exercise["items"] if i["id"] == item_id), None)
    empty = {"expected": None, "explanation": None, "hint": None}
    if item is None:
        return {
            "item": str(item_id),
            "status": INVALID,
            "message": message("sorting.unknown_item", item=item_id),
            **empty,
        }
    cats = {c["id"]: c for c in exercise["categories"]}
    if answer is None or answer == "":
        return {"item": item["id"], "status": UNANSWERED, "message": message("sorting.unanswered"), **empty}
    if not isinstance(answer, str) or answer not in cats:
        known = ", ".join(c["label"] for c in exercise["categories"])
        return {
            "item": item["id"],
            "status": INVALID,
            "message": message("sorting.unknown_category", answer=_describe(answer), known=known),
            **empty,
        }
    ok = answer == item["expected"]
    label = cats[item["expected"]]["label"]
    return {
        "item": item["id"],
        "status": CORRECT if ok else INCORRECT,
        "message": message("sorting.correct" if ok else "sorting.incorrect", label=label),
        "expected": item["expected"],
        "explanation": item["explanation"],
        "hint": None if ok else (item.get("feedback") or {}).get(answer),
    }


def score_sorting(exercise: dict, answers: Any) -> dict:
    """Score all answers ``{item_id: category_id}``; never raises on bad answers."""
    errors: list[str] = []
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        errors.append(message("sorting.unreadable"))
        answers = {}
    known = {i["id"] for i in exercise["items"]}
    for key in sorted(answers, key=str):
        if key not in known:
            errors.append(message("sorting.unknown_item", item=key))
    results, correct, answered = {}, 0, 0
    for item in exercise["items"]:
        r = evaluate_item(exercise, item["id"], answers.get(item["id"]))
        results[item["id"]] = r["status"]
        correct += r["status"] == CORRECT
        answered += r["status"] in (CORRECT, INCORRECT)
        if r["status"] == INVALID:
            errors.append(message("sorting.item_error", item=item["id"], message=r["message"]))
    total = len(exercise["items"])
    if errors:
        status = INVALID
    elif answered == 0:
        status = "empty"
    elif answered < total:
        status = "incomplete"
    else:
        status = "complete"
    s = "s" if answered > 1 else ""
    return {
        "status": status,
        "correct": correct,
        "answered": answered,
        "total": total,
        "results": results,
        "errors": errors,
        "message": message("sorting.score", correct=correct, total=total, answered=answered, s=s),
    }


def load_exercise(relpath: str) -> dict:
    """Load and check ``datasets/<relpath>`` (a ``*.sorting_exercise.yaml`` file)."""
    return load_data_file(datasets_dir() / relpath)


class Sorting(AnsweringWidget):
    """A sorting exercise: each item goes into one category; feedback per item and a score."""

    _module = "sorting"
    exercise = t.Dict().tag(sync=True)

    def __init__(self, exercise: dict, **kwargs) -> None:
        exercise = dict(exercise)
        exercise["citations"] = citations_for(i["source"]["ref"] for i in exercise["items"])
        super().__init__(exercise=exercise, **kwargs)

    @classmethod
    def from_file(cls, relpath: str) -> Sorting:
        """Build the widget from ``datasets/<relpath>``."""
        return cls(load_exercise(relpath))

    def evaluate(self, answers: dict) -> dict:
        """The score of ``answers`` (Python twin of ``sorting_logic.js``)."""
        return score_sorting(self.exercise, answers)

    def fallback_text(self) -> str:
        return f"Exercice « {self.exercise['title']} » : {len(self.exercise['items'])} éléments à classer (JavaScript requis)."
