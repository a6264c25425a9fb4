"""« Mon profil face à l’enquête PACTE »: the learner's own profile placed against the survey.

The questions are ``datasets/metier/mon-profil.profile_questions.yaml``; the
survey figures come from ``datasets/pacte_survey/profile.csv``. Same design as
:mod:`widgets.team_compare`: the state carries the survey figures, the browser
places each answer (``placeProfile`` in ``static/team_compare_logic.js``, shared
with ``static/profile_compare.js``) and Python mirrors it (:func:`place_profile`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd

from pacte.course.citations import source_line
from pacte.course.data import load_table
from pacte.course.fmt import percent as fmt_percent
from pacte.course.messages import message
from widgets.team_compare import STRUCTURE_PLURAL, SurveyComparison, _invalid

PROFILE_ACTIVITY = "profile"
PROFILE_FILE = "metier/mon-profil.profile_questions.yaml"


def profile_spec(relpath: str = PROFILE_FILE) -> dict:
    """Questions, structures and survey facts of the « Mon profil » activity (JSON-ready)."""
    from pacte.course.checks import load_data_file
    from pacte.course.paths import datasets_dir

    data = load_data_file(datasets_dir() / relpath)
    table = load_table("survey_profile")
    sizes = load_table("survey_structures")
    structures = [
        {
            "id": r.structure,
            "label": r.label,
            "plural": STRUCTURE_PLURAL[r.structure],
            "sample_size": int(r.sample_size),
        }
        for r in sizes.itertuples()
    ]
    rows = {}
    for r in table.itertuples():
        pct = None if pd.isna(r.percent) else float(r.percent)
        detail = "" if pd.isna(r.detail) else str(r.detail)
        rows[(r.indicator_id, r.structure)] = {"percent": pct, "detail": detail, "label": r.indicator}
    questions: list[dict[str, Any]] = []
    facts: dict[str, dict[str, list[dict[str, Any]]]] = {}
    used = []
    for q in data["questions"]:
        questions.append({"id": q["id"], "prompt": q["prompt"], "answers": q["answers"], "note": q.get("note", "")})
        for s in structures:
            entries = []
            for ind in q["indicators"]:
                row = rows.get((ind["indicator"], s["id"]))
                if row is None:
                    continue
                used.append((ind["indicator"], s["id"]))
                entries.append(
                    {
                        "indicator": ind["indicator"],
                        "label": row["label"],
                        "inside": ind["inside"],
                        "phrase": ind["phrase"],
                        "percent": row["percent"],
                        "detail": row["detail"],
                    }
                )
            facts.setdefault(q["id"], {})[s["id"]] = entries
    frame = table[[(i, s) in used for i, s in zip(table["indicator_id"], table["structure"], strict=False)]]
    return {
        "id": data["id"],
        "title": data["title"],
        "structures": structures,
        "questions": questions,
        "facts": facts,
        "source": source_line(frame),
    }


def place_profile(spec: dict, structure: Any, question_id: Any, answer: Any) -> dict:
    """Place one profile answer among the survey's figures for its structure.

    Returns ``{"status": "ok", "question", "structure", "answer", "items": [...], "note"}`` where each
    item is ``{"indicator", "relation": "inside" | "outside" | "no_figure", "percent", "sentence"}``;
    or ``{"status": "invalid", "field", "message"}``. Mirrors ``placeProfile`` of
    ``static/team_compare_logic.js``.
    """
    structures = {s["id"]: s for s in spec["structures"]}
    if structure not in structures:
        return _invalid("structure", message("compare.unknown_structure"))
    questions = {q["id"]: q for q in spec["questions"]}
    if question_id not in questions:
        return _invalid("question", message("compare.unknown_question", question=question_id))
    q = questions[question_id]
    field = f"answers.{question_id}"
    if answer is None or answer == "":
        return _invalid(field, message("compare.unanswered_single"))
    if not isinstance(answer, str):
        return _invalid(field, message("compare.unreadable_single"))
    labels = {a["id"]: a["label"] for a in q["answers"]}
    if answer not in labels:
        allowed = ", ".join(f"«\u00a0{a['label']}\u00a0»" for a in q["answers"])
        return _invalid(field, message("compare.unknown_answer", answer=answer, allowed=allowed))
    who = structures[structure]["plural"]
    items = []
    for fact in spec["facts"][question_id][structure]:
        pct = fact["percent"]
        detail = f" {fact['detail']}." if fact["detail"] else ""
        if pct is None:
            relation = "no_figure"
            sentence = f"Pour les {who}, le tableau ne donne pas de pourcentage : {fact['detail']}."
        elif answer in fact["inside"]:
            relation = "inside"
            sentence = f"Vous faites partie des {fmt_percent(pct)} de {who} de l’enquête qui {fact['phrase']}.{detail}"
        else:
            relation = "outside"
            sentence = (
                f"Dans l’enquête, {fmt_percent(pct)} des {who} {fact['phrase']} : vous n’en faites pas partie.{detail}"
            )
        items.append({"indicator": fact["indicator"], "relation": relation, "percent": pct, "sentence": sentence})
    if not items:
        items.append(
            {
                "indicator": None,
                "relation": "no_figure",
                "percent": None,
                "sentence": f"L’enquête ne donne pas de chiffre sur ce point pour les {who}.",
            }
        )
    return {
        "status": "ok",
        "question": question_id,
        "structure": structure,
        "answer": answer,
        "items": items,
        "note": q.get("note", ""),
    }


def profile_room(spec: dict, room: dict, question_id: str, structure: str) -> dict | None:
    """The group's share inside each indicator: ``{"respondents", "percents": {indicator: %}}`` or None.

    ``room`` is ``{question_id: {structure: {"respondents": n, "counts": {answer_id: n}}}}``.
    Mirrors ``profileRoom`` of ``static/team_compare_logic.js``.
    """
    entry = ((room or {}).get(question_id) or {}).get(structure)
    if not entry:
        return None
    counts = entry.get("counts") or {}
    respondents = entry.get("respondents") or sum(counts.values())
    if not respondents:
        return None
    percents = {}
    for fact in spec["facts"][question_id][structure]:
        n = sum(counts.get(a, 0) for a in fact["inside"])
        percents[fact["indicator"]] = math.floor(1000 * n / respondents + 0.5) / 10
    return {"respondents": respondents, "percents": percents}


def profile_live_payload(spec_id: str, question_id: str, structure: str, answer: str) -> dict:
    """What a live session stores for one profile answer (mirror of ``profileLivePayload``).

    Kind ``profile``, ref the questions file id, question ``<structure>-<question id>`` (see pacte/live/protocol.py).
    """
    return {"activity": f"{PROFILE_ACTIVITY}:{spec_id}", "question": f"{structure}-{question_id}", "answer": answer}


def tally_profile_room(events: Iterable[dict]) -> dict:
    """Build a profile ``room`` from ``pacte:answer`` details (the last answer of each learner counts)."""
    latest: dict[tuple, tuple] = {}
    for i, ev in enumerate(events):
        if ev.get("activity") != PROFILE_ACTIVITY:
            continue
        latest[(ev["question"], ev.get("learner", i))] = (ev["structure"], ev["answer"])
    room: dict[str, dict] = {}
    for (qid, _), (structure, answer) in latest.items():
        entry = room.setdefault(qid, {}).setdefault(structure, {"respondents": 0, "counts": {}})
        entry["respondents"] += 1
        entry["counts"][answer] = entry["counts"].get(answer, 0) + 1
    return room


def _validate_profile_entry(qid: str, sid: str, entry: Any, allowed: set[str]) -> None:
    """Check the ``{"respondents", "counts"}`` of one question and structure."""
    if not isinstance(entry, dict) or not isinstance(entry.get("counts"), dict):
        raise ValueError(f"room.{qid}.{sid}: expected {{'respondents': n, 'counts': {{answer_id: count}}}}")
    for aid, n in entry["counts"].items():
        if aid not in allowed:
            raise ValueError(
                f"room.{qid}.{sid}.counts.{aid}: not an answer of this question (allowed: {sorted(allowed)})"
            )
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            raise ValueError(f"room.{qid}.{sid}.counts.{aid}: count must be a non-negative integer, got {n!r}")
    resp = entry.get("respondents")
    if resp is not None and (
        not isinstance(resp, int) or isinstance(resp, bool) or resp < sum(entry["counts"].values())
    ):
        raise ValueError(
            f"room.{qid}.{sid}.respondents: must be an integer at least the number of answers, got {resp!r}"
        )


def validate_profile_room(spec: dict, room: Any) -> dict:
    """Check a profile ``room`` value; raise ``ValueError`` naming the field at fault."""
    if not isinstance(room, dict):
        raise ValueError(f"room: expected a dict, got {type(room).__name__}")
    questions = {q["id"]: q for q in spec["questions"]}
    structures = {s["id"] for s in spec["structures"]}
    for qid, per_structure in room.items():
        if qid not in questions:
            raise ValueError(f"room.{qid}: unknown question (known: {', '.join(questions)})")
        if not isinstance(per_structure, dict):
            raise ValueError(f"room.{qid}: expected {{structure: {{'respondents': n, 'counts': {{...}}}}}}")
        allowed = {a["id"] for a in questions[qid]["answers"]}
        for sid, entry in per_structure.items():
            if sid not in structures:
                raise ValueError(f"room.{qid}.{sid}: unknown structure (known: {sorted(structures)})")
            _validate_profile_entry(qid, sid, entry, allowed)
    return room


class ProfileCompare(SurveyComparison):
    """« Mon profil face à l'enquête PACTE »: the learner's profile against the 521 learners of their
    structure type (:func:`place_profile`, twin of ``placeProfile``)."""

    _module = "profile_compare"
    default_spec = staticmethod(profile_spec)
    place = staticmethod(place_profile)
    check_room = staticmethod(validate_profile_room)

    def fallback_text(self) -> str:
        return (
            "Activité « Mon profil face à l’enquête PACTE » : indiquez votre profil et comparez-le aux 521 "
            "apprenants de l’enquête (JavaScript requis)."
        )
