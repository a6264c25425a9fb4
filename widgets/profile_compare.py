"""« Mon profil face à l’enquête PACTE »: the learner's own profile placed against the survey.

The questions are ``datasets/metier/mon-profil.profile_questions.yaml``; the
survey figures come from ``datasets/pacte_survey/profile.csv``. Same design as
:mod:`widgets.team_compare`: the state carries the survey figures, the browser
places each answer (``placeProfile`` in ``static/team_compare_logic.js``, shared
with ``static/profile_compare.js``) and Python mirrors it (:func:`place_profile`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from pacte.course.citations import source_line
from pacte.course.data import load_table
from pacte.course.fmt import percent as fmt_percent
from pacte.course.messages import message
from widgets.team_compare import SurveyComparison, _invalid, structure_specs

PROFILE_FILE = "metier/mon-profil.profile_questions.yaml"


def profile_spec(relpath: str = PROFILE_FILE) -> dict:
    """Questions, structures and survey facts of the « Mon profil » activity (JSON-ready)."""
    from pacte.course.checks import load_data_file
    from pacte.course.paths import datasets_dir

    data = load_data_file(datasets_dir() / relpath)
    table = load_table("survey_profile")
    structures = structure_specs()
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


class ProfileCompare(SurveyComparison):
    """« Mon profil face à l'enquête PACTE »: the learner's profile against the 521 learners of their
    structure type (:func:`place_profile`, twin of ``placeProfile``)."""

    _module = "profile_compare"
    default_spec = staticmethod(profile_spec)
    place = staticmethod(place_profile)

    def fallback_text(self) -> str:
        return (
            "Activité « Mon profil face à l’enquête PACTE » : indiquez votre profil et comparez-le aux 521 "
            "apprenants de l’enquête (JavaScript requis)."
        )
