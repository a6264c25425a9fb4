"""CPTS funding by size band (``datasets/financement/cpts.cpts_rules.yaml``), twin of ``static/cpts_logic.js``."""

from __future__ import annotations

from typing import Any

from pacte.course.fmt import euros
from pacte.course.messages import message
from widgets.financement.inputs import (
    CPTS_POPULATION_SPEC,
    CPTS_RULES_FILE,
    Simulator,
    SimulatorInputError,
    load_rules,
    read_number,
    round_half_up,
)


def load_cpts_rules() -> dict:
    """Return the validated CPTS funding rules (a fresh copy)."""
    import copy

    return copy.deepcopy(load_rules(CPTS_RULES_FILE))


def cpts_result(rules: dict, inputs: Any) -> dict:
    """CPTS size band and « fonctionnement » funding; mirror of ``computeCpts`` in ``static/cpts_logic.js``."""
    errors: list[dict] = []
    if not isinstance(inputs, dict):
        return {
            "ok": False,
            "status": "error",
            "errors": [{"field": "inputs", "message": message("simulator.unreadable")}],
        }
    spec = {**rules["population"], **CPTS_POPULATION_SPEC}
    pop = read_number(inputs.get("population"), spec, "population", errors)
    if errors:
        return {"ok": False, "status": "error", "errors": errors}
    band = next(
        b
        for b in rules["bands"]
        if pop >= b["min_population"] and (b["max_population"] is None or pop <= b["max_population"])
    )
    before = band["fonctionnement_2019"]["value"]
    after = band["fonctionnement_avenant2"]["value"]
    return {
        "ok": True,
        "status": "ok",
        "population": pop,
        "band": band["id"],
        "band_label": band["label"],
        "range_label": band["range_label"],
        "before": before,
        "after": after,
        "increase": after - before,
        "rate": rules["increase"]["rate"],
        "per_inhabitant_before": round_half_up(before / pop, 2),
        "per_inhabitant_after": round_half_up(after / pop, 2),
    }


def compute_cpts(rules: dict, inputs: dict) -> dict:
    """Return the CPTS band and funding; raise :class:`SimulatorInputError` on bad input."""
    result = cpts_result(rules, inputs)
    if not result["ok"]:
        raise SimulatorInputError(result["errors"])
    return result


def default_cpts_inputs(rules: dict) -> dict:
    """The population the widget starts with."""
    return {"population": rules["population"]["default"]}


class CptsFunding(Simulator):
    """CPTS funding by size band, before and after avenant 2 (:func:`cpts_result`)."""

    _module = "cpts_funding"
    load_rules = staticmethod(load_cpts_rules)
    default_inputs = staticmethod(default_cpts_inputs)
    result = staticmethod(cpts_result)

    def fallback_text(self) -> str:
        parts = [
            f"{b['label']} ({b['range_label']}) : {euros(b['fonctionnement_2019']['value'])} puis "
            f"{euros(b['fonctionnement_avenant2']['value'])}"
            for b in self.rules["bands"]
        ]
        return "Financement du fonctionnement des CPTS (JavaScript requis). " + " ; ".join(parts) + "."


def cpts_funding() -> CptsFunding:
    """The CPTS funding widget of the page."""
    return CptsFunding()
