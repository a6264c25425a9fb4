"""« Construire un projet de CPTS » widget: choose missions and partners, get sourced feedback.

The project is data (``datasets/<topic>/<name>.cpts_project.yaml``, schema
``cpts_project``): a territory (fictional, and said so), the missions and
partners to choose from, and feedback rules, each with its source and an
exact locator in the seed document. The browser applies the rules
(``static/cpts_project_logic.js``); with a kernel the answers also reach
Python, which recomputes the result here (:func:`evaluate_project`, the twin
of the JS logic) and writes it back to ``kernel_result``. In a live session
the page sends the chosen missions and partners (``livePayloads`` of the JS) so
that the room's choices can be compared.

Usage in a page::

    from widgets import CptsProject
    CptsProject.from_file("territoires/valmoran.cpts_project.yaml")
"""

from __future__ import annotations

import json
from typing import Any

import traitlets as t

from pacte.course.checks import load_data_file
from pacte.course.citations import citations_for
from pacte.course.paths import datasets_dir
from widgets._host import AnsweringWidget

COMPLETE, INCOMPLETE, EMPTY, INVALID = "complete", "incomplete", "empty", "invalid"
LEVELS = ("point-fort", "attention", "suggestion")


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {(plural or word + 's') if n > 1 else word}"


def _describe(raw: Any) -> str:
    if isinstance(raw, str):
        return f"« {raw} »"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    try:
        return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return str(raw)


def _clean_list(raw: Any, known: list[str], what: str, errors: list[str]) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.append(f"Réponse illisible pour les {what} : une liste est attendue.")
        return []
    seen = set()
    for value in raw:
        if not isinstance(value, str) or value not in known:
            errors.append(f"Choix inconnu parmi les {what} : {_describe(value)}.")
        else:
            seen.add(value)
    return [ident for ident in known if ident in seen]


def rule_applies(when: dict, missions: list[str], partners: list[str]) -> bool:
    """True when every condition of a rule holds (twin of ``ruleApplies``)."""
    chosen_sets = {"missions": set(missions), "partners": set(partners)}
    for key, value in when.items():
        what, _, op = key.partition("_")
        chosen = chosen_sets[what]
        if op == "min":
            if len(chosen) < value:
                return False
            continue
        if op == "max":
            if len(chosen) > value:
                return False
            continue
        hits = sum(1 for ident in value if ident in chosen)
        if (
            (op == "any" and hits == 0)
            or (op == "all" and hits != len(value))
            or (op == "none" and hits != 0)
            or (op == "missing" and hits == len(value))
        ):
            return False
    return True


def evaluate_project(project: dict, answers: Any) -> dict:
    """Apply the rules to ``{"missions": [...], "partners": [...]}``; never raises on bad answers."""
    errors: list[str] = []
    a = {} if answers is None else answers
    if not isinstance(a, dict):
        errors.append("Réponses illisibles : un dictionnaire {missions, partners} est attendu.")
        a = {}
    for key in sorted(a, key=str):
        if key not in ("missions", "partners"):
            errors.append(f"Clé inconnue : « {key} ».")
    missions = _clean_list(a.get("missions"), [m["id"] for m in project["missions"]], "missions", errors)
    partners = _clean_list(a.get("partners"), [p["id"] for p in project["partners"]], "partenaires", errors)
    counts = {level: 0 for level in LEVELS}
    feedback: list[dict] = []
    if errors:
        status = INVALID
        message = f"{_plural(len(errors), 'réponse')} à corriger : " + " ".join(errors)
    elif not missions and not partners:
        status, message = EMPTY, "Choisissez des missions et des partenaires, puis validez."
    elif not missions or not partners:
        status = INCOMPLETE
        message = "Choisissez aussi au moins un partenaire." if missions else "Choisissez aussi au moins une mission."
    else:
        status = COMPLETE
        for rule in project["rules"]:
            if not rule_applies(rule["when"], missions, partners):
                continue
            counts[rule["level"]] += 1
            feedback.append(
                {"rule": rule["id"], "level": rule["level"], "message": rule["message"], "source": rule["source"]}
            )
        message = (
            f"Votre projet : {_plural(len(missions), 'mission')} et {_plural(len(partners), 'partenaire')} ; "
            f"{_plural(counts['point-fort'], 'point fort', 'points forts')}, "
            f"{_plural(counts['attention'], 'point d’attention', 'points d’attention')}, "
            f"{_plural(counts['suggestion'], 'suggestion')}."
        )
    return {
        "status": status,
        "message": message,
        "missions": missions,
        "partners": partners,
        "errors": errors,
        "feedback": feedback,
        "counts": counts,
    }


def load_project(relpath: str) -> dict:
    """Load and check ``datasets/<relpath>`` (a ``*.cpts_project.yaml`` file)."""
    return load_data_file(datasets_dir() / relpath)


class CptsProject(AnsweringWidget):
    """Build a CPTS project on a (fictional) territory: missions, partners, sourced feedback."""

    _module = "cpts_project"
    project = t.Dict().tag(sync=True)

    def __init__(self, project: dict, **kwargs) -> None:
        project = dict(project)
        refs = {r["source"]["ref"] for r in project["rules"]}
        refs |= {e["source"]["ref"] for key in ("missions", "partners") for e in project[key]}
        project["citations"] = citations_for(refs)
        super().__init__(project=project, **kwargs)

    @classmethod
    def from_file(cls, relpath: str) -> CptsProject:
        """Build the widget from ``datasets/<relpath>``."""
        return cls(load_project(relpath))

    def evaluate(self, answers: dict) -> dict:
        """The feedback on ``answers`` (Python twin of ``cpts_project_logic.js``)."""
        return evaluate_project(self.project, answers)

    def fallback_text(self) -> str:
        return (
            f"Activité « {self.project['title']} » : {len(self.project['missions'])} missions et "
            f"{len(self.project['partners'])} partenaires à choisir (JavaScript requis)."
        )
