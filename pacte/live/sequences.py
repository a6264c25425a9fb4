"""Sequences: a trainer's prepared run of activities across pages and modules.

A sequence is ``{id, title, module, description?, steps}``; a step is
``{activity: "kind:ref", question?, page?, timer?, close_at_zero?, note?}``
(the activity key of the catalogue, see :mod:`pacte.live.catalogue`), or an
on-the-spot question saved into it: ``{spot: {kind, prompt, …}}`` (see
:mod:`pacte.live.spot`). Ready-made sequences are the files
``datasets/live/sequences/<module>.live_sequence.yaml`` (JSON Schema
``datasets/schemas/live_sequence.schema.json``); the ones a trainer saves
live in the store (:mod:`pacte.live.store.toolkit`).

:func:`check_sequence_files` is what ``pacte check`` runs beyond the schema
(unknown activity or page → file, line, field); :func:`validate_steps`
checks a trainer's sequence before it is saved (French message naming the field).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pacte.course.errors import DataError
from pacte.course.paths import course_root, datasets_dir
from pacte.course.schema import json_path, load_yaml_document
from pacte.live.catalogue import PROMPT_QUESTION, catalogue
from pacte.live.kind_registry import activity_view
from pacte.live.pages import question_pages
from pacte.live.protocol import split_activity
from pacte.live.spot import SpotError, parse_spot
from pacte.live.survey import SURVEY_ALL

SCHEMA = "live_sequence"
MIN_TIMER, MAX_TIMER = 5, 3600
MAX_NOTE = 1000
MAX_STEPS = 200
MAX_NAME = 200


def sequence_files() -> list[Path]:
    """The ready-made sequence files, in name order."""
    return sorted((datasets_dir() / "live" / "sequences").glob(f"*.{SCHEMA}.yaml"))


def default_question(kind: str) -> str:
    """The question of an activity that has only one (a live prompt's, a survey's); ``""`` if it must be named."""
    if kind in PROMPT_QUESTION:
        return PROMPT_QUESTION[kind]
    return SURVEY_ALL if kind == "survey" else ""


def _entries() -> dict[tuple[str, str, str], dict[str, str]]:
    return {(a["kind"], a["ref"], a["question"]): a for a in catalogue()}


def resolve_step(step: dict[str, Any], entries: dict | None = None) -> dict[str, Any] | None:
    """The catalogue entry a step names (``kind, ref, question, page, title, prompt…``), or None if unknown."""
    kind, ref = split_activity(str(step.get("activity", "")))
    question = step.get("question") or default_question(kind)
    found = (entries if entries is not None else _entries()).get((kind, ref, question))
    if found is None and activity_view(kind, ref, question) is not None:  # pushable, not listed (e.g. a case step)
        found = {"kind": kind, "ref": ref, "question": question, "page": "", "module": ""}
    return None if found is None else dict(found)


def _step_problem(step: dict[str, Any], entries: dict) -> tuple[str, str] | None:
    """``(field, English message)`` of the first problem of a file's step, or None."""
    entry = resolve_step(step, entries)
    if entry is None:
        what = f"{step['activity']}" + (f" / {step['question']}" if step.get("question") else "")
        return "activity", f"unknown activity '{what}' (not in the live catalogue)"
    page = step.get("page")
    if page and not (course_root() / page).is_file():
        return "page", f"page '{page}' does not exist"
    shown_on = question_pages(entry["ref"], entry["question"]) if entry["kind"] == "quiz" else [entry.get("page")]
    if page and entry.get("page") and page not in shown_on:
        return "page", f"activity '{step['activity']}' is on page '{entry['page']}', not '{page}'"
    return None


def check_sequence_file(path: Path) -> list[DataError]:
    """Every problem of one sequence file (schema, then unknown activities and pages), with line and field."""
    try:
        data, lines = load_yaml_document(path, SCHEMA)
    except DataError as exc:
        return [exc]
    entries = _entries()
    errors = []
    for i, step in enumerate(data["steps"]):
        problem = _step_problem(step, entries)
        if problem is not None:
            where = ("steps", i, problem[0])
            errors.append(DataError(path, problem[1], line=lines.line_of(where), field=json_path(where)))
    return errors


def check_sequence_files(paths: list[Path] | None = None) -> list[DataError]:
    """What ``pacte check`` adds for sequences: every problem of every ready-made sequence file."""
    return [err for path in (sequence_files() if paths is None else paths) for err in check_sequence_file(path)]


def ready_made() -> list[dict[str, Any]]:
    """The valid ready-made sequences (``source: "ready"``), each step with its catalogue entry."""
    out = []
    for path in sequence_files():
        if check_sequence_file(path):
            continue
        data, _ = load_yaml_document(path, SCHEMA)
        out.append({**data, "source": "ready", "steps": [describe_step(s) for s in data["steps"]]})
    return out


def describe_step(step: dict[str, Any]) -> dict[str, Any]:
    """A step as the dashboard draws it: the step itself plus its ``kind, ref, question, title, prompt, page``."""
    if "spot" in step:
        spot = step["spot"]
        return {
            **step,
            "kind": "spot",
            "ref": "",
            "question": "answer",
            "title": "Question sur le vif",
            "prompt": spot["prompt"],
        }
    entry = resolve_step(step) or {}
    keys = ("kind", "ref", "question", "title", "prompt", "page", "module")
    return {**step, **{k: entry.get(k, "") for k in keys}}


class SequenceError(ValueError):
    """A trainer's sequence is not valid: ``message`` is French and names the field."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def _clean_step(i: int, step: Any, entries: dict) -> dict[str, Any]:
    where = f"Étape {i + 1}"
    if not isinstance(step, dict):
        raise SequenceError(f"{where}\u00a0: une étape est un objet (activity ou spot).")
    out: dict[str, Any] = {}
    if "spot" in step:
        try:
            out["spot"] = parse_spot(step["spot"])
        except SpotError as exc:
            raise SequenceError(f"{where}, champ spot.{exc.field}\u00a0: {exc.message}") from exc
    else:
        activity, question = step.get("activity"), step.get("question")
        if not isinstance(activity, str) or ":" not in activity or len(activity) > 200:
            raise SequenceError(
                f"{where}, champ activity\u00a0: activité attendue sous la forme «\u00a0type:réf\u00a0»."
            )
        if question is not None and (not isinstance(question, str) or len(question) > 200):
            raise SequenceError(f"{where}, champ question\u00a0: identifiant de question attendu.")
        entry = resolve_step({"activity": activity, "question": question}, entries)
        if entry is None:
            raise SequenceError(f"{where}, champ activity\u00a0: activité inconnue ({activity}).")
        out.update({"activity": activity, "question": entry["question"]})
        if entry.get("page"):
            out["page"] = entry["page"]
    return _clean_timing(where, step, out)


def _clean_timing(where: str, step: dict, out: dict[str, Any]) -> dict[str, Any]:
    timer = step.get("timer")
    if timer is not None:
        if not isinstance(timer, int) or isinstance(timer, bool) or not MIN_TIMER <= timer <= MAX_TIMER:
            raise SequenceError(f"{where}, champ timer\u00a0: durée en secondes de {MIN_TIMER} à {MAX_TIMER} attendue.")
        out["timer"] = timer
        out["close_at_zero"] = bool(step.get("close_at_zero"))
    note = step.get("note")
    if note is not None:
        if not isinstance(note, str) or len(note) > MAX_NOTE or "\x00" in note:
            raise SequenceError(f"{where}, champ note\u00a0: texte de {MAX_NOTE}\u00a0caractères au plus attendu.")
        if note.strip():
            out["note"] = note.strip()
    return out


def validate_sequence(data: Any) -> dict[str, Any]:
    """A trainer's sequence ``{title, module?, steps}`` cleaned for the store, or :class:`SequenceError`."""
    if not isinstance(data, dict):
        raise SequenceError("Séquence attendue (un objet JSON).")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_NAME or "\x00" in title:
        raise SequenceError(f"Champ title\u00a0: donnez un nom à la séquence ({MAX_NAME}\u00a0caractères au plus).")
    module = data.get("module") or ""
    if not isinstance(module, str) or len(module) > 40:
        raise SequenceError("Champ module\u00a0: nom de module attendu.")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps or len(steps) > MAX_STEPS:
        raise SequenceError(f"Champ steps\u00a0: de 1 à {MAX_STEPS}\u00a0étapes attendues.")
    entries = _entries()
    title = re.sub(r"[ \t\r\n]+", " ", title).strip()  # non-breaking spaces are kept (French typography)
    return {"title": title, "module": module, "steps": [_clean_step(i, s, entries) for i, s in enumerate(steps)]}
