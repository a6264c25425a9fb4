"""Checking a live answer against the course's own data before it is stored.

:mod:`pacte.live.protocol` checks the shape of an answer; this module checks
that the ids it names exist in the course data (question banks, survey table,
open prompts, sorting exercises, diagnosis grids, branching cases, ordering
exercises). Valid answers come back in a canonical text form; anything else
raises :class:`AnswerError` with a French message for the trainee. Each
kind's validator is named by :mod:`pacte.live.kind_registry`, whose
``canonical_answer`` dispatches to it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from pacte.course.prompts import live_prompts, text_prompts
from pacte.course.scoring import parse_number
from pacte.live.kinds import Describer, bank, describe_spot, document
from pacte.live.protocol import LiveAnswer, ProtocolError
from pacte.live.room_kind import MAX_ROOM_ANSWER, ROOM_ANSWER, room_question_id
from pacte.live.spot import prompt_of
from pacte.live.survey import STRUCTURES, survey_questions
from pacte.security import has_letter_or_digit

__all__ = ["STRUCTURES", "AnswerError", "survey_questions"]

AnswerError = ProtocolError
_SMALL_INT = re.compile(r"^-?[0-9]{1,2}$")


def _choice_ids(value: Any, allowed: set[str], multiple: bool) -> str:
    if multiple:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise AnswerError("Réponse attendue\u00a0: une liste de choix.")
        if len(value) > len(allowed):
            raise AnswerError("Trop de choix.")
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise AnswerError("Choix inconnu pour cette question.")
        return json.dumps(sorted(set(value)))
    if not isinstance(value, str) or value not in allowed:
        raise AnswerError("Choix inconnu pour cette question.")
    return value


def validate_quiz(a: LiveAnswer) -> str:
    b = bank(a.ref)
    if b is None:
        raise AnswerError("Quiz inconnu.")
    q = next((q for q in b["questions"] if q["id"] == a.question), None)
    if q is None:
        raise AnswerError("Question inconnue pour ce quiz.")
    if q["type"] == "numeric":
        raw = a.answer
        value = parse_number(raw) if isinstance(raw, (str, int, float)) else None
        if value is None or (isinstance(raw, str) and len(raw) > 40):
            raise AnswerError("Réponse attendue\u00a0: un nombre.")
        lo, hi = q.get("min"), q.get("max")
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise AnswerError("Nombre hors des bornes de la question.")
        # Fixed-point text (no exponent: « 2.2e-313 » would not parse back), at most 6 decimals.
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("", "-0") else text
    return _choice_ids(a.answer, {c["id"] for c in q["choices"]}, q["type"] == "multiple")


def validate_survey(a: LiveAnswer) -> str:
    q = survey_questions().get(a.ref)
    if q is None:
        raise AnswerError("Question d’enquête inconnue.")
    if a.question not in q["structures"]:
        raise AnswerError("Type de structure inconnu pour cette question.")
    return _choice_ids(a.answer, set(q["answers"]), q["multiple"])


def _free_text(a: LiveAnswer, max_length: int) -> str:
    """A free-text answer with a visible letter or digit, trimmed, inner spaces collapsed, ``max_length`` at most."""
    if not isinstance(a.answer, str) or not has_letter_or_digit(a.answer):
        raise AnswerError("Réponse vide.")
    text = " ".join(a.answer.split())
    if len(text) > max_length:
        raise AnswerError(f"Réponse trop longue ({max_length}\u00a0caractères au plus).")
    return text


def validate_text(a: LiveAnswer) -> str:
    prompt = text_prompts().get(a.ref)
    if prompt is None or a.question != "answer":
        raise AnswerError("Question ouverte inconnue.")
    return _free_text(a, prompt["max_length"])


def validate_wordcloud(a: LiveAnswer) -> str:
    """A word cloud entry: trimmed, inner spaces collapsed, as typed (the panel folds case to count)."""
    prompt = live_prompts().get(a.ref)
    if prompt is None or prompt["kind"] != "wordcloud" or a.question != "answer":
        raise AnswerError("Nuage de mots inconnu.")
    return _free_text(a, prompt["max_length"])


def validate_scale(a: LiveAnswer) -> str:
    """An agreement scale: an integer between the prompt's bounds (« 3 » as text is accepted too)."""
    prompt = live_prompts().get(a.ref)
    if prompt is None or prompt["kind"] != "scale" or a.question != "answer":
        raise AnswerError("Échelle inconnue.")
    return _scale_value(a, prompt)


def _scale_value(a: LiveAnswer, prompt: dict) -> str:
    value = a.answer
    if isinstance(value, str) and _SMALL_INT.match(value.strip()):
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise AnswerError("Réponse attendue\u00a0: un nombre entier.")
    if not prompt["min"] <= value <= prompt["max"]:
        raise AnswerError(f"Réponse attendue\u00a0: un nombre entier de {prompt['min']} à {prompt['max']}.")
    return str(value)


def validate_ranking(a: LiveAnswer) -> str:
    """A ranking: every item id of the prompt, each once, in the trainee's order."""
    prompt = live_prompts().get(a.ref)
    if prompt is None or prompt["kind"] != "ranking":
        raise AnswerError("Classement inconnu.")
    if a.question != "order":
        raise AnswerError("Question inconnue pour ce classement.")
    ids = [item["id"] for item in prompt["items"]]
    if not isinstance(a.answer, list) or sorted(a.answer) != sorted(ids):
        raise AnswerError("Réponse attendue\u00a0: tous les éléments, chacun une fois.")
    return json.dumps(a.answer)


def _choice(a: LiveAnswer, describer: Describer, unknown: str) -> str:
    """An answer among the choices ``describer`` gives for the question (``unknown``: the message when none)."""
    q = describer(a.ref, a.question)
    if q is None:
        raise AnswerError(unknown)
    value = str(a.answer) if a.kind == "diagnosis" and isinstance(a.answer, int) else a.answer
    return _choice_ids(value, {c.id for c in q.choices}, q.multiple)


def choice_validator(describer: Describer, unknown: str) -> Callable[[LiveAnswer], str]:
    """The validator of a kind whose answers are the choices ``describer`` gives (``unknown``: French message)."""
    return lambda a: _choice(a, describer, unknown)


def validate_ordering(a: LiveAnswer) -> str:
    ex = document("ordering_exercise", a.ref)
    if ex is None:
        raise AnswerError("Exercice de mise en ordre inconnu.")
    ids = [i["id"] for i in ex["items"]]
    if a.question != "order":
        raise AnswerError("Question inconnue pour cet exercice.")
    if not isinstance(a.answer, list) or sorted(a.answer) != sorted(ids):
        raise AnswerError("Réponse attendue\u00a0: tous les éléments, chacun une fois.")
    return json.dumps(a.answer)


def validate_room(a: LiveAnswer) -> str:
    """An answer to a room question pushed back (that the question exists in the session is the server's check)."""
    if room_question_id(a.ref) is None or a.question != ROOM_ANSWER:
        raise AnswerError("Question de la salle inconnue.")
    return _free_text(a, MAX_ROOM_ANSWER)


def validate_spot(a: LiveAnswer) -> str:
    """A question typed on the spot (:mod:`pacte.live.spot`): a choice, a scale value or a short text."""
    prompt = prompt_of(a.ref)
    if prompt is None or a.question != "answer":
        raise AnswerError("Question inconnue.")
    if prompt["kind"] == "choice":
        return _choice(a, describe_spot, "Question inconnue.")
    if prompt["kind"] == "scale":
        return _scale_value(a, prompt)
    return _free_text(a, prompt["max_length"])
