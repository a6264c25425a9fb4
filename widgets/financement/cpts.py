"""CPTS funding by size band (``datasets/financement/cpts.cpts_rules.yaml``), twin of ``static/cpts_logic.js``."""

from __future__ import annotations

from typing import Any

import traitlets as t

from pacte.course.citations import citations_for
from pacte.course.fmt import euros
from pacte.course.messages import message
from widgets._host import PacteWidget
from widgets.financement.inputs import (
    CPTS_POPULATION_SPEC,
    CPTS_RULES_FILE,
    SimulatorInputError,
    load_rules,
    read_number,
    round_half_up,
    sources_of,
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


class CptsFunding(PacteWidget):
    """CPTS funding by size band, before and after avenant 2."""

    _module = "cpts_funding"
    rules = t.Dict().tag(sync=True)
    citations = t.Dict().tag(sync=True)
    inputs = t.Dict().tag(sync=True)
    kernel_result = t.Dict().tag(sync=True)

    def __init__(self, rules: dict | None = None, **kwargs) -> None:
        rules = rules or load_cpts_rules()
        kwargs.setdefault("inputs", {"population": rules["population"]["default"]})
        super().__init__(rules=rules, citations=citations_for(sources_of(rules)), **kwargs)
        self.kernel_result = {}  # only answers from the browser get a kernel result

    @t.observe("inputs")
    def _inputs_changed(self, change) -> None:
        self.kernel_result = cpts_result(self.rules, change["new"])

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
