"""Self-diagnosis widget: statements rated on a scale, scored by dimension.

The grid is data (``datasets/<topic>/<name>.diagnosis_grid.yaml``, schema
``diagnosis_grid``). The browser scores the answers, draws the chart and
offers the CSV and image downloads (``static/diagnosis.js``); with a kernel the
answers also reach Python, which recomputes the result here
(:func:`evaluate_diagnosis`, the mirror of ``static/diagnosis_logic.js``) and
writes it back to ``kernel_result``.

Usage in a page::

    from widgets.diagnosis import Diagnosis
    Diagnosis.from_file("dimensions/diagnostic.diagnosis_grid.yaml")
"""

from __future__ import annotations

import json
import math
from typing import Any

import traitlets as t

from pacte.course.checks import load_data_file
from pacte.course.citations import citations_for
from pacte.course.fmt import decimal
from pacte.course.paths import datasets_dir
from widgets._host import AnsweringWidget

COMPLETE, INCOMPLETE, EMPTY, INVALID = "complete", "incomplete", "empty", "invalid"


def round2(x: float) -> float:
    """Round half up to two decimals, as ``Math.floor(x * 100 + 0.5) / 100`` does in JS."""
    return math.floor(x * 100 + 0.5) / 100


def french_decimal(x: float) -> str:
    """Format a score with at most two decimals and a decimal comma (2.5 → « 2,5 »)."""
    return decimal(round2(x), 2)


def parse_rating(raw: Any, scale: dict) -> int | None:
    """Return the rating as an int of the scale, or None (accepts 3, 3.0 and "3")."""
    value = None
    if isinstance(raw, bool):
        value = None
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdigit():
        value = int(raw.strip())
    if value is None or value < scale["min"] or value > scale["max"]:
        return None
    return value


def level_of(grid: dict, score: float | None) -> str | None:
    """Return the id of the level containing ``score`` (min <= s < max; s <= max for the last one)."""
    if score is None:
        return None
    levels = grid["levels"]
    for i, lv in enumerate(levels):
        last = i == len(levels) - 1
        if score >= lv["min"] and (score < lv["max"] or (last and score <= lv["max"])):
            return lv["id"]
    return None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def _describe(raw: Any) -> str:
    if isinstance(raw, str):
        return f"« {raw} »"
    if isinstance(raw, float) and not math.isfinite(raw):
        return "null"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    try:
        return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return str(raw)


def _valid_answers(statements: list[dict], scale: dict, answers: Any, errors: list[str]) -> dict[str, int]:
    """The answers on the scale, by statement id; one French sentence in ``errors`` per bad answer."""
    valid: dict[str, int] = {}
    if answers is None:
        answers = {}
    if not isinstance(answers, dict):
        errors.append("Réponses illisibles : un dictionnaire {affirmation: valeur} est attendu.")
        answers = {}
    known = {s["id"] for s in statements}
    for key in sorted(answers, key=str):
        raw = answers[key]
        if key not in known:
            errors.append(f"Affirmation inconnue : « {key} ».")
            continue
        if raw is None or raw == "":
            continue
        value = parse_rating(raw, scale)
        if value is None:
            errors.append(
                f"Valeur hors échelle pour l'affirmation « {key} » : {_describe(raw)} "
                f"(attendu : un nombre entier de {scale['min']} à {scale['max']})."
            )
            continue
        valid[key] = value
    return valid


def _group(statements: list[dict], valid: dict[str, int], key: str, ident: str) -> tuple[int, int, float | None]:
    """(answered, total, mean) of the statements whose ``key`` is ``ident``."""
    members = [s for s in statements if s.get(key) == ident]
    values = [valid[s["id"]] for s in members if s["id"] in valid]
    mean = sum(values) / len(values) if values else None
    return len(values), len(members), mean


def _dimension_results(grid: dict, valid: dict[str, int]) -> list[dict]:
    dimensions = []
    for d in grid["dimensions"]:
        n, tot, mean = _group(grid["statements"], valid, "dimension", d["id"])
        complete = n == tot
        dimensions.append(
            {
                "id": d["id"],
                "answered": n,
                "total": tot,
                "complete": complete,
                "mean": None if mean is None else round2(mean),
                "level": level_of(grid, mean) if complete else None,
            }
        )
    return dimensions


def _resource_results(grid: dict, valid: dict[str, int]) -> list[dict]:
    resources = []
    for r in grid.get("resource_types") or []:
        n, tot, mean = _group(grid["statements"], valid, "resource", r["id"])
        resources.append({"id": r["id"], "answered": n, "total": tot, "mean": None if mean is None else round2(mean)})
    return resources


def _status(errors: list[str], answered: int, total: int, missing: list[str]) -> tuple[str, str]:
    """(status, French message) of an evaluation."""
    if errors:
        return INVALID, f"{_plural(len(errors), 'réponse')} à corriger : " + " ".join(errors)
    if answered == 0:
        return EMPTY, "Répondez aux affirmations pour voir votre profil."
    if missing:
        return INCOMPLETE, f"Encore {_plural(len(missing), 'affirmation')} sans réponse : le profil est provisoire."
    return COMPLETE, f"Profil complet : {answered} affirmations sur {total}."


def evaluate_diagnosis(grid: dict, answers: Any) -> dict:
    """Score the answers ``{statement_id: rating}`` against a grid; never raises on bad answers.

    Returns ``status`` (``complete``, ``incomplete``, ``empty`` or ``invalid``),
    a French ``message``, the counts, the ``missing`` statement ids, the
    ``errors`` (one French sentence per bad answer, which is then ignored),
    and per dimension and per resource type the number answered and the mean.
    A dimension gets a ``level`` only when all its statements are answered.
    """
    statements = grid["statements"]
    total = len(statements)
    errors: list[str] = []
    valid = _valid_answers(statements, grid["scale"], answers, errors)
    missing = [s["id"] for s in statements if s["id"] not in valid]
    answered = total - len(missing)
    dimensions = _dimension_results(grid, valid)
    resources = _resource_results(grid, valid)
    status, message = _status(errors, answered, total, missing)
    return {
        "status": status,
        "message": message,
        "answered": answered,
        "total": total,
        "missing": missing,
        "errors": errors,
        "dimensions": dimensions,
        "resources": resources,
    }


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if any(c in text for c in ';"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def diagnosis_csv(grid: dict, answers: Any, result: dict) -> str:
    """Return the CSV (semicolons, French decimals) that the browser offers for download."""
    answers = answers if isinstance(answers, dict) else {}
    dims = {d["id"]: d for d in grid["dimensions"]}
    levels = {lv["id"]: lv for lv in grid["levels"]}
    labels = {lab["value"]: lab["label"] for lab in grid["scale"]["labels"]}
    rows = [["Section", "Dimension", "Identifiant", "Libellé", "Réponse", "Valeur"]]
    for s in grid["statements"]:
        value = parse_rating(answers.get(s["id"]), grid["scale"])
        rows.append(
            [
                "Affirmation",
                dims[s["dimension"]]["short_label"],
                s["id"],
                s["text"],
                "" if value is None else labels.get(value, ""),
                "" if value is None else str(value),
            ]
        )
    for d in result["dimensions"]:
        dim = dims[d["id"]]
        level = levels[d["level"]]["label"] if d["level"] else ("Provisoire" if d["answered"] else "Sans réponse")
        rows.append(
            [
                "Dimension",
                dim["short_label"],
                d["id"],
                dim["label"],
                level,
                "" if d["mean"] is None else french_decimal(d["mean"]),
            ]
        )
    rtypes = {r["id"]: r for r in grid.get("resource_types") or []}
    for r in result["resources"]:
        rows.append(
            [
                "Ressources",
                "",
                r["id"],
                rtypes[r["id"]]["label"],
                f"{r['answered']}/{r['total']}",
                "" if r["mean"] is None else french_decimal(r["mean"]),
            ]
        )
    return "".join(";".join(_csv_cell(c) for c in row) + "\r\n" for row in rows)


def action_plan(grid: dict, answers: Any) -> list[dict]:
    """Statements rated at or above ``grid["action_plan"]["threshold"]``, worst first, with their levers.

    Twin of ``actionPlan`` in ``static/diagnosis_logic.js``; empty when the
    grid has no ``action_plan``.
    """
    plan = grid.get("action_plan")
    if not plan:
        return []
    answers = answers if isinstance(answers, dict) else {}
    labels = {lab["value"]: lab["label"] for lab in grid["scale"]["labels"]}
    out = []
    for index, s in enumerate(grid["statements"]):
        value = parse_rating(answers.get(s["id"]), grid["scale"])
        if value is None or value < plan["threshold"]:
            continue
        out.append(
            (
                -value,
                index,
                {
                    "id": s["id"],
                    "text": s["text"],
                    "dimension": s["dimension"],
                    "value": value,
                    "label": labels.get(value, ""),
                    "levers": list(s.get("levers") or []),
                },
            )
        )
    return [item for _, _, item in sorted(out, key=lambda x: (x[0], x[1]))]


def action_plan_csv(grid: dict, answers: Any) -> str:
    """CSV of the action plan, one row per (statement, lever) (twin of ``actionPlanCsv``)."""
    dims = {d["id"]: d for d in grid["dimensions"]}
    rows = [["Famille", "Point à traiter", "Votre note", "Levier", "Source"]]
    for item in action_plan(grid, answers):
        family = dims[item["dimension"]]["short_label"]
        note = f"{item['value']} ({item['label']})"
        if not item["levers"]:
            rows.append([family, item["text"], note, "", ""])
        for lever in item["levers"]:
            rows.append(
                [family, item["text"], note, lever["text"], f"{lever['source']['ref']}, {lever['source']['detail']}"]
            )
    return "".join(";".join(_csv_cell(c) for c in row) + "\r\n" for row in rows)


def load_grid(relpath: str) -> dict:
    """Load and check ``datasets/<relpath>`` (a ``*.diagnosis_grid.yaml`` file)."""
    return load_data_file(datasets_dir() / relpath)


class Diagnosis(AnsweringWidget):
    """A self-diagnosis over a grid of statements, with a chart and feedback per dimension.

    ``answers`` is written by the browser; ``kernel_result`` is the result
    recomputed in Python (see :func:`evaluate_diagnosis`).
    """

    _module = "diagnosis"
    grid = t.Dict().tag(sync=True)

    def __init__(self, grid: dict, **kwargs) -> None:
        grid = dict(grid)
        refs = {grid["source"]["ref"]} | {s["source"]["ref"] for s in grid["statements"]}
        refs |= {fb["source"]["ref"] for d in grid["dimensions"] for fb in d["feedback"].values()}
        refs |= {lv["source"]["ref"] for s in grid["statements"] for lv in s.get("levers") or []}
        grid["citations"] = citations_for(refs)
        super().__init__(grid=grid, **kwargs)

    @classmethod
    def from_file(cls, relpath: str) -> Diagnosis:
        """Build the widget from ``datasets/<relpath>``."""
        return cls(load_grid(relpath))

    def evaluate(self, answers: dict) -> dict:
        """The diagnosis of ``answers`` (Python twin of ``diagnosis_logic.js``)."""
        return evaluate_diagnosis(self.grid, answers)

    def to_csv(self) -> str:
        """The CSV of the current answers and result."""
        return diagnosis_csv(self.grid, self.answers, self.result)

    def action_plan_csv(self) -> str:
        """The CSV action plan of the current answers (empty header only without ``action_plan``)."""
        return action_plan_csv(self.grid, self.answers)

    def fallback_text(self) -> str:
        return (
            f"Autodiagnostic « {self.grid['title']} » : {len(self.grid['statements'])} affirmations "
            "(JavaScript requis)."
        )
