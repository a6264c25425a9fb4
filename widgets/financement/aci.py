"""The ACI MSP simulator: rules in ``datasets/financement/aci_msp.aci_rules.yaml``.

:func:`aci_result` is the Python twin of ``static/aci_logic.js`` (same
validation, same French messages, same arithmetic; tests/test_financement_parity.py).
"""

from __future__ import annotations

from typing import Any

import traitlets as t

from pacte.course.citations import citations_for
from pacte.course.fmt import NBSP, euros
from pacte.course.messages import message
from pacte.course.scoring import parse_number
from widgets._host import PacteWidget
from widgets.financement.inputs import (
    ACI_RULES_FILE,
    MAX_COEFFICIENT,
    MAX_OVERRIDE_POINTS,
    SimulatorInputError,
    fmt_number,
    load_rules,
    quoted,
    read_number,
    round_half_up,
    sources_of,
)


def load_aci_rules() -> dict:
    """Return the validated ACI MSP rules (a fresh copy the caller may change)."""
    import copy

    return copy.deepcopy(load_rules(ACI_RULES_FILE))


def default_aci_inputs(rules: dict) -> dict:
    """Return the inputs the simulator starts from (the defaults of the rules file)."""
    return {
        "patientele": rules["inputs"]["patientele"]["default"],
        "professionals": rules["inputs"]["professionals"]["default"],
        "precarity_share": rules["inputs"]["precarity_share"]["default"],
        "criteria": {c["id"]: c["default"] for c in rules["criteria"]},
    }


# ---------------------------------------------------------------------------
# Shared helpers (mirrors of the JS helpers)
# ---------------------------------------------------------------------------


def _check_aci(rules: dict, inputs: Any) -> tuple[dict | None, list[dict]]:
    errors: list[dict] = []
    if not isinstance(inputs, dict):
        return None, [{"field": "inputs", "message": message("simulator.unreadable")}]
    values = {}
    for name in ("patientele", "professionals", "precarity_share"):
        values[name] = read_number(inputs.get(name), rules["inputs"][name], name, errors)
    by_id = {c["id"]: c for c in rules["criteria"]}
    units = {c["id"]: 0 for c in rules["criteria"]}
    crit_in = inputs.get("criteria", {})
    if crit_in is None:
        crit_in = {}
    if not isinstance(crit_in, dict):
        errors.append({"field": "criteria", "message": "Critères : saisie illisible."})
        crit_in = {}
    for cid, raw in crit_in.items():
        field = f"criteria.{cid}"
        crit = by_id.get(cid)
        if crit is None:
            errors.append({"field": field, "message": f"Critère inconnu : {quoted(cid)}."})
            continue
        if "count" in crit:
            n = None if isinstance(raw, bool) or raw is None or raw == "" else parse_number(raw)
            cmax = crit["count"]["max"]
            if n is None or n != int(n) or n < 0 or n > cmax:
                errors.append({"field": field, "message": f"{quoted(crit['label'])} : indiquez un nombre entier "
                                                          f"entre 0 et {fmt_number(cmax)}."})
                continue
            units[cid] = int(n)
        else:
            if not isinstance(raw, bool):
                errors.append({"field": field, "message": f"{quoted(crit['label'])} : indiquez oui ou non."})
                continue
            units[cid] = 1 if raw else 0
    points = {c["id"]: {"fixed": c["fixed_points"], "variable": c["variable_points"],
                        "per_professional": c["per_professional"]["points"] if "per_professional" in c else 0}
              for c in rules["criteria"]}
    variant = inputs.get("variant")
    if variant not in (None, ""):
        found = [v for v in rules.get("variants", []) if v["id"] == variant]
        if not found:
            errors.append({"field": "variant", "message": f"Variante inconnue : {quoted(str(variant))}."})
        else:
            for cid, pts in found[0]["points"].items():
                points[cid].update(pts)
    overrides = inputs.get("points", {})
    if overrides is None:
        overrides = {}
    if not isinstance(overrides, dict):
        errors.append({"field": "points", "message": "Points : saisie illisible."})
        overrides = {}
    names = {"fixed": "les points fixes", "variable": "les points variables",
             "per_professional": "les points par professionnel"}
    for cid, over in overrides.items():
        crit = by_id.get(cid)
        if crit is None:
            errors.append({"field": f"points.{cid}", "message": f"Points : critère inconnu {quoted(cid)}."})
            continue
        if not crit["indicatif"]:
            errors.append({"field": f"points.{cid}", "message": f"{quoted(crit['label'])} : ces points sont "
                                                               "confirmés par les sources et ne sont pas modifiables."})
            continue
        if not isinstance(over, dict):
            errors.append({"field": f"points.{cid}", "message": f"{quoted(crit['label'])} : saisie illisible."})
            continue
        for key, raw in over.items():
            field = f"points.{cid}.{key}"
            if key not in names or (key == "per_professional" and "per_professional" not in crit):
                errors.append({"field": field, "message": f"{quoted(crit['label'])} : type de points inconnu {quoted(key)}."})
                continue
            n = None if isinstance(raw, bool) or raw is None or raw == "" else parse_number(raw)
            if n is None or n < 0 or n > MAX_OVERRIDE_POINTS:
                errors.append({"field": field, "message": f"{quoted(crit['label'])} : {names[key]} doivent être un "
                                                          f"nombre entre 0 et {fmt_number(MAX_OVERRIDE_POINTS)}."})
                continue
            points[cid][key] = n
    coefficient = rules["parameters"]["precarity_coefficient"]["value"]
    params_in = inputs.get("parameters", {})
    if params_in is None:
        params_in = {}
    if not isinstance(params_in, dict):
        errors.append({"field": "parameters", "message": "Paramètres : saisie illisible."})
        params_in = {}
    for key, raw in params_in.items():
        field = f"parameters.{key}"
        param = rules["parameters"].get(key)
        if param is None:
            errors.append({"field": field, "message": f"Paramètre inconnu : {quoted(key)}."})
            continue
        if not param.get("indicatif"):
            errors.append({"field": field, "message": f"{quoted(param['label'])} : cette valeur est confirmée par "
                                                      "les sources et n'est pas modifiable."})
            continue
        n = None if isinstance(raw, bool) or raw is None or raw == "" else parse_number(raw)
        if n is None or n < 0 or n > MAX_COEFFICIENT:
            errors.append({"field": field, "message": f"{quoted(param['label'])} : saisissez un nombre entre 0 et "
                                                      f"{fmt_number(MAX_COEFFICIENT)}."})
            continue
        coefficient = n
    if errors:
        return None, errors
    return {**values, "units": units, "points": points, "coefficient": coefficient}, []


def aci_result(rules: dict, inputs: Any) -> dict:
    """Compute the ACI estimate; never raises: bad input gives ``{"ok": False, "errors": [...]}``.

    This is the exact mirror of ``computeAci`` in ``static/aci_logic.js``.
    """
    checked, errors = _check_aci(rules, inputs)
    if errors:
        return {"ok": False, "status": "error", "errors": errors}
    p = rules["parameters"]
    point_value = p["point_value"]["value"]
    factor = checked["patientele"] / p["reference_patientele"]["value"]
    raw_uplift = checked["coefficient"] * checked["precarity_share"] / 100
    uplift = min(p["precarity_cap"]["value"], raw_uplift)
    n_prof = checked["professionals"]
    rows = []
    fixed_total = 0.0
    variable_total = 0.0
    axis_totals = {a["id"]: [0.0, 0.0] for a in rules["axes"]}
    missing_prereq, missing_socle = [], []
    indicatif_used = False
    for crit in rules["criteria"]:
        units = checked["units"][crit["id"]]
        pts = checked["points"][crit["id"]]
        fixed = pts["fixed"] * units
        if "per_professional" in crit and units > 0:
            pp = crit["per_professional"]
            fixed += pts["per_professional"] * min(n_prof, pp["up_to"]) + pp["points_beyond"] * max(0, n_prof - pp["up_to"])
        variable = pts["variable"] * units * factor * (1 + uplift)
        if units == 0 and crit["level"] == "socle":
            (missing_prereq if crit["prerequisite"] else missing_socle).append(crit["id"])
        if units > 0 and crit["indicatif"]:
            indicatif_used = True
        fixed_total += fixed
        variable_total += variable
        axis_totals[crit["axis"]][0] += fixed
        axis_totals[crit["axis"]][1] += variable
        rows.append({"id": crit["id"], "label": crit["label"], "axis": crit["axis"], "level": crit["level"],
                     "prerequisite": crit["prerequisite"], "indicatif": crit["indicatif"], "units": units,
                     "points_fixed": round_half_up(fixed, 2), "points_variable": round_half_up(variable, 2),
                     "amount": round_half_up((fixed + variable) * point_value)})
    labels = {c["id"]: c["label"] for c in rules["criteria"]}
    blocked = len(missing_prereq) > 0
    potential = round_half_up((fixed_total + variable_total) * point_value)
    warnings = []
    if blocked:
        warnings.append("Prérequis non rempli : " + ", ".join(labels[c] for c in missing_prereq)
                        + ". Sans ses prérequis, la MSP ne perçoit aucune rémunération au titre de l'ACI.")
    if missing_socle:
        warnings.append("Critère socle non rempli : " + ", ".join(labels[c] for c in missing_socle)
                        + ". Il est attendu de toute MSP signataire ; le simulateur ne lui attribue aucun point.")
    if raw_uplift > p["precarity_cap"]["value"]:
        warnings.append(f"La majoration liée à la précarité est plafonnée à "
                        f"{fmt_number(p['precarity_cap']['value'] * 100)}{NBSP}%.")
    keep = 0 if blocked else 1
    amount_exact = (fixed_total + variable_total) * point_value * keep
    amount = round_half_up(amount_exact)
    advance = round_half_up(amount_exact * p["advance_rate"]["value"])
    by_axis = []
    for axis in rules["axes"]:
        f, v = axis_totals[axis["id"]]
        by_axis.append({"id": axis["id"], "label": axis["label"],
                        "amount_fixed": round_half_up(f * point_value * keep),
                        "amount_variable": round_half_up(v * point_value * keep),
                        "amount": round_half_up((f + v) * point_value * keep)})
    if blocked:
        for row in rows:
            row["amount"] = 0
    return {
        "ok": True,
        "status": "blocked" if blocked else "ok",
        "amount": amount,
        "amount_fixed": round_half_up(fixed_total * point_value * keep),
        "amount_variable": round_half_up(variable_total * point_value * keep),
        "advance": advance,
        "balance": amount - advance,
        "potential_amount": potential,
        "points_fixed": round_half_up(fixed_total, 2),
        "points_variable": round_half_up(variable_total, 2),
        "points_total": round_half_up(fixed_total + variable_total, 2),
        "patientele_factor": round_half_up(factor, 4),
        "uplift": round_half_up(uplift, 4),
        "by_axis": by_axis,
        "criteria": rows,
        "missing_prerequisites": missing_prereq,
        "missing_socle": missing_socle,
        "indicatif": indicatif_used,
        "warnings": warnings,
    }


def compute_aci(rules: dict, inputs: dict) -> dict:
    """Estimate the yearly ACI remuneration of an MSP.

    ``inputs``: ``patientele``, ``professionals``, ``precarity_share`` (in %),
    ``criteria`` (criterion id → true/false, or a count for counted criteria;
    a criterion left out is not met), optionally ``points`` (criterion id →
    ``{"fixed", "variable", "per_professional"}`` for indicative criteria),
    ``parameters`` (``{"precarity_coefficient": x}``) and ``variant``.
    Raises :class:`SimulatorInputError` (a ValueError) with French messages
    naming each bad field.
    """
    result = aci_result(rules, inputs)
    if not result["ok"]:
        raise SimulatorInputError(result["errors"])
    return result


# ---------------------------------------------------------------------------
# CPTS
# ---------------------------------------------------------------------------


class AciSimulator(PacteWidget):
    """ACI MSP simulator. The browser computes (static book); with a kernel, Python recomputes each input."""

    _module = "aci_simulator"
    rules = t.Dict().tag(sync=True)
    citations = t.Dict().tag(sync=True)
    inputs = t.Dict().tag(sync=True)
    kernel_result = t.Dict().tag(sync=True)

    def __init__(self, rules: dict | None = None, **kwargs) -> None:
        rules = rules or load_aci_rules()
        kwargs.setdefault("inputs", default_aci_inputs(rules))
        super().__init__(rules=rules, citations=citations_for(sources_of(rules)), **kwargs)
        self.kernel_result = {}  # only answers from the browser get a kernel result

    @t.observe("inputs")
    def _inputs_changed(self, change) -> None:
        self.kernel_result = aci_result(self.rules, change["new"])

    def fallback_text(self) -> str:
        r = aci_result(self.rules, self.inputs)
        amount = euros(r["amount"]) if r["ok"] else "—"
        return (f"Simulateur de la rémunération ACI d'une MSP (JavaScript requis). Avec les valeurs par défaut, "
                f"le montant annuel estimé est de {amount}.")


def aci_simulator() -> AciSimulator:
    """The ACI simulator of the page, with the rules of the data file."""
    return AciSimulator()
