"""« Ma semaine de coordination »: the learner spreads a week's hours over the activities the sources list.

The activities, their blocks, what the sources report about each block and the
comparison notes per type of structure are data
(``datasets/metier/semaine.week_activities.yaml``, schema ``week_activities``).
The browser sums the hours by block, shows the shares and offers CSV and PNG
downloads (``static/week.js``); with a kernel the answers also reach Python,
which recomputes the summary here (:func:`summarize_week`, the mirror of
``static/week_logic.js``) and writes it back to ``kernel_result``.

Usage in a page::

    from widgets import WeekPlanner
    WeekPlanner.from_file("metier/semaine.week_activities.yaml")
"""

from __future__ import annotations

import math
from typing import Any

import traitlets as t

from pacte.course.checks import load_data_file
from pacte.course.citations import citations_for
from pacte.course.fmt import decimal
from pacte.course.messages import message
from pacte.course.paths import datasets_dir
from widgets._host import AnsweringWidget


def round2(x: float) -> float:
    """Round half up to two decimals, as ``Math.floor(x * 100 + 0.5) / 100`` does in JS."""
    return math.floor(x * 100 + 0.5) / 100


def french_number(x: float) -> str:
    """2.5 → « 2,5 », 3.0 → « 3 » (at most two decimals, decimal comma)."""
    return decimal(round2(x), 2)


def share_of(hours: float, total: float) -> float:
    """Percent of ``total``, rounded half up to one decimal (``shareOf`` in JS)."""
    return math.floor(1000 * hours / total + 0.5) / 10 if total > 0 else 0


def _invalid(field: str, message: str) -> dict:
    return {"status": "invalid", "field": field, "message": message}


def _read_answers(spec: dict, answers: Any) -> tuple[Any, dict, dict | None]:
    """(structure, hours, None), or (None, {}, the invalid result) when the answers are unreadable."""
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        return None, {}, _invalid("answers", "Réponses illisibles : un objet {structure, hours} est attendu.")
    structure = answers.get("structure")
    if structure not in (None, "") and structure not in [s["id"] for s in spec["structures"]]:
        return None, {}, _invalid("structure", message("compare.unknown_structure"))
    hours = answers.get("hours")
    if hours is None:
        hours = {}
    if not isinstance(hours, dict):
        return None, {}, _invalid("hours", "Heures illisibles : un nombre par activité est attendu.")
    known = {a["id"]: a for a in spec["activities"]}
    for key in sorted(hours, key=str):
        if key not in known:
            return None, {}, _invalid(f"hours.{key}", f"Activité inconnue : « {key} ».")
    return structure, hours, None


def _activity_problem(spec: dict, a: dict, raw: Any) -> dict | None:
    """The invalid result when ``raw`` is not a number of hours allowed for activity ``a``."""
    field = f"hours.{a['id']}"
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
        return _invalid(field, f"« {a['label']} » : saisissez un nombre d’heures (par exemple 2,5).")
    if raw < 0:
        return _invalid(field, f"« {a['label']} » : le temps ne peut pas être négatif.")
    if raw > spec["max_hours_activity"]:
        return _invalid(
            field, f"« {a['label']} » : {french_number(spec['max_hours_activity'])} heures au plus par activité."
        )
    return None


def _hour_values(spec: dict, hours: dict) -> tuple[dict[str, float], dict | None]:
    """(hours by activity, rounded; None), or ({}, the invalid result) on the first bad value."""
    values: dict[str, float] = {}
    for a in spec["activities"]:
        raw = hours.get(a["id"])
        if raw is None:
            values[a["id"]] = 0
            continue
        problem = _activity_problem(spec, a, raw)
        if problem is not None:
            return {}, problem
        values[a["id"]] = round2(raw)
    return values, None


def _total_problem(spec: dict, total: float) -> dict | None:
    if total == 0:
        return {
            "status": "empty",
            "field": "hours",
            "message": "Indiquez au moins une demi-heure pour une activité avant de voir votre semaine.",
        }
    if total > spec["max_total_hours"]:
        return _invalid(
            "hours",
            f"Votre semaine compte {french_number(total)} heures, plus que les "
            f"{french_number(spec['max_total_hours'])} heures prévues : vérifiez vos saisies.",
        )
    return None


def _block_rows(spec: dict, values: dict[str, float], total: float) -> list[dict]:
    blocks = []
    for b in spec["blocks"]:
        h: float = 0
        for a in spec["activities"]:
            if a["block"] == b["id"]:
                h += values[a["id"]]
        h = round2(h)
        blocks.append({"id": b["id"], "label": b["label"], "hours": h, "share": share_of(h, total)})
    return blocks


def _top_block(blocks: list[dict]) -> dict:
    """The first block with the most hours."""
    top = blocks[0]
    for b in blocks:
        if b["hours"] > top["hours"]:
            top = b
    return top


def _sentences(total: float, top: dict, blocks: list[dict], empty: list[str]) -> list[str]:
    sentences = [
        f"Votre semaine de coordination compte {french_number(total)} heure{'s' if total >= 2 else ''}.",
        f"Le bloc « {top['label']} » en occupe la plus grande part ({french_number(top['share'])}\u00a0%).",
    ]
    if empty:
        names = ", ".join(f"« {b['label']} »" for b in blocks if b["hours"] == 0)
        which = "ces blocs que décrivent" if len(empty) > 1 else "ce bloc que décrivent"
        sentences.append(
            f"Aucun temps pour {which} les sources : {names}. Est-ce un choix, une tâche assurée "
            "par d’autres ou un travail invisible ?"
        )
    return sentences


def summarize_week(spec: dict, answers: Any) -> dict:
    """Sum the learner's hours by block; never raises on bad answers.

    ``answers`` is ``{"structure": "MSP" | "CDS" | "CPTS" | None, "hours": {activity_id: number}}``.
    Returns ``{"status": "ok", "total", "blocks", "activities", "top", "empty", "sentences", "notes"}``,
    ``{"status": "empty", …}`` when no time was given, or ``{"status": "invalid", "field", "message"}``
    (French message) naming the field at fault.
    """
    structure, hours, invalid = _read_answers(spec, answers)
    if invalid is not None:
        return invalid
    values, invalid = _hour_values(spec, hours)
    if invalid is not None:
        return invalid
    total: float = 0
    for a in spec["activities"]:
        total += values[a["id"]]
    total = round2(total)
    invalid = _total_problem(spec, total)
    if invalid is not None:
        return invalid
    blocks = _block_rows(spec, values, total)
    activities = [
        {
            "id": a["id"],
            "block": a["block"],
            "label": a["label"],
            "hours": values[a["id"]],
            "share": share_of(values[a["id"]], total),
        }
        for a in spec["activities"]
    ]
    top = _top_block(blocks)
    empty = [b["id"] for b in blocks if b["hours"] == 0]
    notes = (
        [n["text"] for n in next(s for s in spec["structures"] if s["id"] == structure)["notes"]] if structure else []
    )
    return {
        "status": "ok",
        "structure": structure or None,
        "total": total,
        "blocks": blocks,
        "activities": activities,
        "top": top["id"],
        "empty": empty,
        "sentences": _sentences(total, top, blocks, empty),
        "notes": notes,
    }


def load_week(relpath: str = "metier/semaine.week_activities.yaml") -> dict:
    """Load and check ``datasets/<relpath>`` (a ``*.week_activities.yaml`` file)."""
    return load_data_file(datasets_dir() / relpath)


class WeekPlanner(AnsweringWidget):
    """« Ma semaine de coordination »: hours per activity, shares by block, comparison with the sources."""

    _module = "week"
    spec = t.Dict().tag(sync=True)

    def __init__(self, spec: dict, **kwargs) -> None:
        spec = dict(spec)
        refs = [b["source"]["ref"] for b in spec["blocks"]] + [a["source"]["ref"] for a in spec["activities"]]
        refs += [r["source"]["ref"] for r in spec["references"]]
        refs += [n["source"]["ref"] for s in spec["structures"] for n in s["notes"]]
        spec["citations"] = citations_for(refs)
        super().__init__(spec=spec, **kwargs)

    @classmethod
    def from_file(cls, relpath: str = "metier/semaine.week_activities.yaml") -> WeekPlanner:
        """Build the widget from ``datasets/<relpath>``."""
        return cls(load_week(relpath))

    def evaluate(self, answers: dict) -> dict:
        """The summary of ``answers`` (Python twin of ``week_logic.js``)."""
        return summarize_week(self.spec, answers)

    def fallback_text(self) -> str:
        return (
            f"Activité « {self.spec['title']} » : répartissez vos heures sur {len(self.spec['activities'])} "
            "activités et comparez avec les sources (JavaScript requis)."
        )
