"""Quiz scoring, the Python mirror of ``static/quiz_logic.js``.

Both implementations are tested against the same cases (tests/test_scoring.py)
so that a learner gets the same verdict in the static book and in Voilà.
"""

from __future__ import annotations

import math
import re
from typing import Any

from pacte.course.fmt import decimal
from pacte.course.messages import message

CORRECT, INCORRECT, UNANSWERED, INVALID = "correct", "incorrect", "unanswered", "invalid"


def parse_number(raw: Any) -> float | None:
    """Parse a learner's number, accepting French notation (« 1 200,5 »); None if unparseable."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw) if math.isfinite(raw) else None
    if not isinstance(raw, str):
        return None
    text = re.sub(r"[\s\u00a0\u202f]", "", raw).replace(",", ".").rstrip("%")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", text):
        return None
    return float(text)


def _fmt(value: float) -> str:
    return decimal(value, 10)


def evaluate(question: dict, answer: Any) -> dict:
    """Return ``{"status", "feedback", "message"}`` for one answer to one question.

    ``answer`` is a choice id (single), a list of choice ids (multiple) or a
    number or numeric string (numeric). ``None`` means not answered yet.
    """
    if answer is None or answer == "" or answer == []:
        return {"status": UNANSWERED, "feedback": [], "message": message("quiz.unanswered")}
    qtype = question["type"]
    if qtype in ("single", "multiple"):
        choices = {c["id"]: c for c in question["choices"]}
        picked = [answer] if qtype == "single" else answer
        if qtype == "single" and not isinstance(answer, str):
            return {"status": INVALID, "feedback": [], "message": message("quiz.single_only")}
        if not isinstance(picked, list) or not all(isinstance(p, str) for p in picked):
            return {"status": INVALID, "feedback": [], "message": message("quiz.unreadable")}
        unknown = [p for p in picked if p not in choices]
        if unknown:
            return {
                "status": INVALID,
                "feedback": [],
                "message": message("quiz.unknown_choice", choices=", ".join(unknown)),
            }
        expected = {cid for cid, c in choices.items() if c.get("correct")}
        ok = set(picked) == expected
        feedback = [choices[p]["feedback"] for p in question_order(question, picked)]
        return {
            "status": CORRECT if ok else INCORRECT,
            "feedback": feedback,
            "message": message("quiz.correct" if ok else "quiz.incorrect"),
        }
    value = parse_number(answer)
    if value is None:
        return {"status": INVALID, "feedback": [], "message": message("quiz.not_a_number")}
    lo, hi = question.get("min"), question.get("max")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return {
            "status": INVALID,
            "feedback": [],
            "message": message(
                "quiz.out_of_range",
                lo=_fmt(lo if lo is not None else -math.inf),
                hi=_fmt(hi if hi is not None else math.inf),
            ),
        }
    target, tol = float(question["answer"]), float(question.get("tolerance", 0))
    fb = question["feedback"]
    if abs(value - target) <= tol + 1e-9:
        return {"status": CORRECT, "feedback": [fb["correct"]], "message": message("quiz.correct")}
    side = fb.get("too_low") if value < target else fb.get("too_high")
    return {"status": INCORRECT, "feedback": [side or fb["incorrect"]], "message": message("quiz.incorrect")}


def question_order(question: dict, picked: list[str]) -> list[str]:
    """Return the picked choice ids in the order the choices are listed."""
    return [c["id"] for c in question["choices"] if c["id"] in set(picked)]


def score(bank: dict, answers: dict) -> dict:
    """Score a whole bank: counts of correct and answered questions, and the total."""
    results = {q["id"]: evaluate(q, answers.get(q["id"])) for q in bank["questions"]}
    return {
        "correct": sum(r["status"] == CORRECT for r in results.values()),
        "answered": sum(r["status"] in (CORRECT, INCORRECT) for r in results.values()),
        "total": len(bank["questions"]),
        "results": {qid: r["status"] for qid, r in results.items()},
    }
