"""Checking a live answer against the course's own data before it is stored.

An answer names an activity and a question:

* ``quiz:<bank-id>`` / ``<question-id>``: a choice id (single), a list of
  choice ids (multiple) or a number (numeric) of that question bank;
* ``survey:<question-id>`` / ``<structure>``: an answer id (or a list of them
  for multiple-answer questions) of the PACTE survey for MSP, CDS or CPTS;
* ``text:<prompt-id>`` / ``answer``: free text, length-limited.

Valid answers come back in a canonical text form; anything else raises
:class:`AnswerError` with a French message for the trainee.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from pacte.course.banks import bank_path, load_bank_file
from pacte.course.checks import load_data_file
from pacte.course.paths import datasets_dir
from pacte.course.errors import DataError
from pacte.course.scoring import parse_number

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
STRUCTURES = ("MSP", "CDS", "CPTS")


class AnswerError(ValueError):
    """An answer that cannot be stored; ``message`` is French, for the trainee."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@lru_cache(maxsize=64)
def _bank(bank_id: str) -> dict | None:
    path = bank_path(bank_id)
    if not path.exists():
        return None
    try:
        return load_bank_file(path)
    except DataError:
        return None


@lru_cache(maxsize=1)
def survey_questions() -> dict[str, dict]:
    """Survey question id → {"label", "multiple", "answers": {answer_id: label}} (from the dataset)."""
    from pacte.course.data import load_table

    table = load_table("survey_answers")
    out: dict[str, dict] = {}
    for row in table.itertuples():
        q = out.setdefault(row.question_id, {"label": row.question, "multiple": bool(row.multiple), "answers": {},
                                             "structures": set()})
        q["answers"][row.answer_id] = row.answer
        q["structures"].add(row.structure)
    return out


@lru_cache(maxsize=1)
def text_prompts() -> dict[str, dict]:
    """Open prompt id → its definition (``datasets/live/prompts.live_prompts.yaml``)."""
    data = load_data_file(datasets_dir() / "live" / "prompts.live_prompts.yaml")
    return {p["id"]: p for p in data["prompts"]}


def _choice_ids(value: Any, allowed: set[str], multiple: bool) -> str:
    if multiple:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise AnswerError("Réponse attendue : une liste de choix.")
        if len(value) > len(allowed):
            raise AnswerError("Trop de choix.")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise AnswerError("Choix inconnu pour cette question.")
        return json.dumps(sorted(set(value)))
    if not isinstance(value, str) or value not in allowed:
        raise AnswerError("Choix inconnu pour cette question.")
    return value


def canonical_answer(activity: Any, question: Any, answer: Any) -> str:
    """Validate an answer and return its canonical text form, or raise AnswerError."""
    if not isinstance(activity, str) or ":" not in activity or not isinstance(question, str):
        raise AnswerError("Activité ou question manquante.")
    kind, _, ident = activity.partition(":")
    if not _ID.match(ident):
        raise AnswerError("Activité inconnue.")
    if kind == "quiz":
        bank = _bank(ident)
        if bank is None:
            raise AnswerError("Quiz inconnu.")
        q = next((q for q in bank["questions"] if q["id"] == question), None)
        if q is None:
            raise AnswerError("Question inconnue pour ce quiz.")
        if q["type"] == "numeric":
            value = parse_number(answer) if isinstance(answer, (str, int, float)) else None
            if value is None or (isinstance(answer, str) and len(answer) > 40):
                raise AnswerError("Réponse attendue : un nombre.")
            lo, hi = q.get("min"), q.get("max")
            if (lo is not None and value < lo) or (hi is not None and value > hi):
                raise AnswerError("Nombre hors des bornes de la question.")
            return format(value, "g")
        return _choice_ids(answer, {c["id"] for c in q["choices"]}, q["type"] == "multiple")
    if kind == "survey":
        q = survey_questions().get(ident)
        if q is None:
            raise AnswerError("Question d'enquête inconnue.")
        if question not in q["structures"]:
            raise AnswerError("Type de structure inconnu pour cette question.")
        return _choice_ids(answer, set(q["answers"]), q["multiple"])
    if kind == "text":
        prompt = text_prompts().get(ident)
        if prompt is None or question != "answer":
            raise AnswerError("Question ouverte inconnue.")
        if not isinstance(answer, str) or not answer.strip():
            raise AnswerError("Réponse vide.")
        text = " ".join(answer.split())
        if len(text) > prompt["max_length"]:
            raise AnswerError(f"Réponse trop longue ({prompt['max_length']} caractères au plus).")
        return text
    raise AnswerError("Activité inconnue.")
