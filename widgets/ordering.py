"""Ordering-exercise widget: put items in order (a chronology, a ranking), then compare with the answer.

The exercise is data (``datasets/<topic>/<name>.ordering_exercise.yaml``,
schema ``ordering_exercise``): each item has its expected ``position``
(1 = first; equal positions are interchangeable), a ``marker`` shown after the
check (a date), an ``explanation`` and a ``source``. The file order is the
starting order. The learner moves items with « Monter » / « Descendre »
buttons or a position menu (keyboard usable), or by drag and drop with a
mouse, then checks the order (``static/ordering.js``). With a kernel the order
also reaches Python, which scores it here (:func:`score_ordering`, the mirror
of ``static/ordering_logic.js``) and writes it back to ``kernel_result``.

Usage in a page::

    from widgets import Ordering
    Ordering.from_file("panorama/reformes.ordering_exercise.yaml")
"""

from __future__ import annotations

import json
from typing import Any

import traitlets as t

from pacte.course.checks import load_data_file
from pacte.course.citations import citations_for
from pacte.course.paths import datasets_dir
from widgets._host import AnsweringWidget

CORRECT, INCORRECT = "correct", "incorrect"


def expected_ranks(exercise: dict) -> dict[str, list[int]]:
    """Item id → [lowest, highest] rank (1-based) where the item is correctly placed (ties widen the range)."""
    positions = [i["position"] for i in exercise["items"]]
    out = {}
    for item in exercise["items"]:
        p = item["position"]
        out[item["id"]] = [1 + sum(q < p for q in positions), sum(q <= p for q in positions)]
    return out


def expected_order(exercise: dict) -> list[str]:
    """The item ids in the expected order (ties keep the file order)."""
    indexed = list(enumerate(exercise["items"]))
    return [item["id"] for _, item in sorted(indexed, key=lambda pair: (pair[1]["position"], pair[0]))]


def _read_order(answer: Any) -> tuple[list | None, list[str]]:
    """The list of ids of an answer (a list, or ``{"order": [...]}``), or None and the French errors."""
    if isinstance(answer, dict):
        if not answer:
            return None, []
        answer = answer.get("order")
    if answer is None:
        return None, []
    if not isinstance(answer, list):
        return None, ["Réponse illisible : une liste d’éléments dans l’ordre est attendue."]
    return answer, []


def score_ordering(exercise: dict, answer: Any) -> dict:
    """Score an order (list of item ids, first to last); never raises on a bad answer.

    ``status`` is ``empty`` (no answer), ``invalid`` (unknown, repeated or
    missing items: ``errors`` lists them in French) or ``complete``.
    ``correct`` counts the items inside their expected rank range; ``pairs``
    counts the pairs of items with different positions that are in the right
    relative order, out of ``pairs_total``.
    """
    items = exercise["items"]
    total = len(items)
    ranks = expected_ranks(exercise)
    position = {i["id"]: i["position"] for i in items}
    pairs_total = sum(
        1 for a in range(total) for b in range(a + 1, total) if items[a]["position"] != items[b]["position"]
    )
    base = {
        "total": total,
        "correct": 0,
        "pairs": 0,
        "pairs_total": pairs_total,
        "results": {},
        "order": [],
        "perfect": False,
    }
    order, errors = _read_order(answer)
    if order is None and not errors:
        return {**base, "status": "empty", "errors": [], "message": "Placez les éléments puis vérifiez votre ordre."}
    if order is not None:
        seen = set()
        for raw in order:
            if not isinstance(raw, str) or raw not in position:
                label = f"« {raw} »" if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
                errors.append(f"Élément inconnu : {label}.")
            elif raw in seen:
                errors.append(f"Élément placé deux fois : « {raw} ».")
            else:
                seen.add(raw)
        missing = [i["id"] for i in items if i["id"] not in seen]
        if missing and not errors:
            errors.append("Éléments manquants : " + ", ".join(f"« {m} »" for m in missing) + ".")
    if errors or order is None:  # order is None only with errors here (no answer returned "empty" above)
        return {**base, "status": "invalid", "errors": errors, "message": "Ordre non reconnu : " + " ".join(errors)}
    results = {}
    correct = 0
    for index, item_id in enumerate(order):
        lo, hi = ranks[item_id]
        rank = index + 1
        ok = lo <= rank <= hi
        correct += ok
        results[item_id] = {
            "status": CORRECT if ok else INCORRECT,
            "rank": rank,
            "expected": [lo, hi],
            "offset": 0 if ok else (rank - hi if rank > hi else rank - lo),
        }
    pairs = sum(1 for a in range(total) for b in range(a + 1, total) if position[order[a]] < position[order[b]])
    s = "s" if correct > 1 else ""
    message = f"{correct} élément{s} sur {total} à la bonne place ; {pairs} paires sur {pairs_total} dans le bon ordre."
    return {
        **base,
        "status": "complete",
        "correct": correct,
        "pairs": pairs,
        "results": results,
        "order": list(order),
        "perfect": correct == total,
        "errors": [],
        "message": message,
    }


def live_answer(exercise: dict, answer: Any) -> str:
    """Canonical text of a valid order for a live session (JSON list of ids); ValueError (French) otherwise."""
    result = score_ordering(exercise, answer)
    if result["status"] != "complete":
        raise ValueError(result["message"])
    return json.dumps(result["order"], ensure_ascii=False)


def load_exercise(relpath: str) -> dict:
    """Load and check ``datasets/<relpath>`` (a ``*.ordering_exercise.yaml`` file)."""
    return load_data_file(datasets_dir() / relpath)


class Ordering(AnsweringWidget):
    """An ordering exercise: move the items into order, check, read the expected order with its sources."""

    _module = "ordering"
    exercise = t.Dict().tag(sync=True)

    def __init__(self, exercise: dict, **kwargs) -> None:
        exercise = dict(exercise)
        exercise.setdefault("kind", "chronology")
        exercise["citations"] = citations_for(i["source"]["ref"] for i in exercise["items"])
        super().__init__(exercise=exercise, **kwargs)

    @classmethod
    def from_file(cls, relpath: str) -> Ordering:
        """Build the widget from ``datasets/<relpath>``."""
        return cls(load_exercise(relpath))

    def evaluate(self, answers: dict) -> dict:
        """The score of ``answers`` (``{"order": [...]}``; Python twin of ``ordering_logic.js``)."""
        return score_ordering(self.exercise, answers)

    def fallback_text(self) -> str:
        return (
            f"Exercice « {self.exercise['title']} » : {len(self.exercise['items'])} éléments "
            "à remettre dans l’ordre (JavaScript requis)."
        )
