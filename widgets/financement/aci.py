"""The ACI MSP simulator: rules in ``datasets/financement/aci_msp.aci_rules.yaml``.

:func:`aci_result` is the Python twin of ``static/aci_logic.js`` (same
validation, same French messages, same arithmetic; tests/test_financement_parity.py).
"""

from __future__ import annotations

from typing import Any

from pacte.course.fmt import euros
from pacte.course.messages import message
from pacte.course.scoring import parse_number
from widgets.financement.inputs import (
    ACI_RULES_FILE,
    MAX_COEFFICIENT,
    MAX_OVERRIDE_POINTS,
    Simulator,
    SimulatorInputError,
    fmt_number,
    load_rules,
    quoted,
    read_number,
    round_half_up,
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


def _object_or_error(value: Any, field: str, key: str, errors: list[dict]) -> dict:
    obj = {} if value is None else value
    if isinstance(obj, dict):
        return obj
    errors.append({"field": field, "message": message(key)})
    return {}


def _check_criteria(rules: dict, crit_in: dict, errors: list[dict]) -> dict[str, int]:
    by_id = {c["id"]: c for c in rules["criteria"]}
    units = {c["id"]: 0 for c in rules["criteria"]}
    for cid, raw in crit_in.items():
        field = f"criteria.{cid}"
        crit = by_id.get(cid)
        if crit is None:
            errors.append({"field": field, "message": message("aci.unknown_criterion", criterion=quoted(cid))})
        elif "count" in crit:
            n = None if isinstance(raw, bool) or raw is None or raw == "" else parse_number(raw)
            cmax = crit["count"]["max"]
            if n is None or n != int(n) or n < 0 or n > cmax:
                errors.append(
                    {
                        "field": field,
                        "message": message("aci.count_range", label=quoted(crit["label"]), max=fmt_number(cmax)),
                    }
                )
            else:
                units[cid] = int(n)
        elif not isinstance(raw, bool):
            errors.append({"field": field, "message": message("aci.yes_no", label=quoted(crit["label"]))})
        else:
            units[cid] = 1 if raw else 0
    return units


def _base_points(rules: dict, variant: Any, errors: list[dict]) -> dict[str, dict]:
    points = {
        c["id"]: {
            "fixed": c["fixed_points"],
            "variable": c["variable_points"],
            "per_professional": c["per_professional"]["points"] if "per_professional" in c else 0,
        }
        for c in rules["criteria"]
    }
    if variant in (None, ""):
        return points
    found = [v for v in rules.get("variants", []) if v["id"] == variant]
    if not found:
        errors.append({"field": "variant", "message": message("aci.unknown_variant", variant=quoted(str(variant)))})
    else:
        for cid, pts in found[0]["points"].items():
            points[cid].update(pts)
    return points


POINT_KINDS = {
    "fixed": "aci.points_fixed",
    "variable": "aci.points_variable",
    "per_professional": "aci.points_per_professional",
}


def _override_points(rules: dict, overrides: dict, points: dict[str, dict], errors: list[dict]) -> None:
    by_id = {c["id"]: c for c in rules["criteria"]}
    for cid, over in overrides.items():
        crit = by_id.get(cid)
        field = f"points.{cid}"
        if crit is None:
            errors.append({"field": field, "message": message("aci.points_unknown_criterion", criterion=quoted(cid))})
        elif not crit["indicatif"]:
            errors.append({"field": field, "message": message("aci.points_locked", label=quoted(crit["label"]))})
        elif not isinstance(over, dict):
            errors.append({"field": field, "message": message("aci.criterion_unreadable", label=quoted(crit["label"]))})
        else:
            _override_criterion(crit, over, points[cid], errors)


def _override_criterion(crit: dict, over: dict, points: dict, errors: list[dict]) -> None:
    for key, raw in over.items():
        field = f"points.{crit['id']}.{key}"
        if key not in POINT_KINDS or (key == "per_professional" and "per_professional" not in crit):
            errors.append(
                {
                    "field": field,
                    "message": message("aci.points_unknown_kind", label=quoted(crit["label"]), kind=quoted(key)),
                }
            )
            continue
        n = None if isinstance(raw, bool) or raw is None or raw == "" else parse_number(raw)
        if n is None or n < 0 or n > MAX_OVERRIDE_POINTS:
            errors.append(
                {
                    "field": field,
                    "message": message(
                        "aci.points_range",
                        label=quoted(crit["label"]),
                        kind=message(POINT_KINDS[key]),
                        max=fmt_number(MAX_OVERRIDE_POINTS),
                    ),
                }
            )
            continue
        points[key] = n


def _check_parameters(rules: dict, params_in: dict, errors: list[dict]) -> float:
    coefficient = rules["parameters"]["precarity_coefficient"]["value"]
    for key, raw in params_in.items():
        field = f"parameters.{key}"
        param = rules["parameters"].get(key)
        if param is None:
            errors.append({"field": field, "message": message("aci.unknown_parameter", parameter=quoted(key))})
            continue
        if not param.get("indicatif"):
            errors.append({"field": field, "message": message("aci.parameter_locked", label=quoted(param["label"]))})
            continue
        n = None if isinstance(raw, bool) or raw is None or raw == "" else parse_number(raw)
        if n is None or n < 0 or n > MAX_COEFFICIENT:
            errors.append(
                {
                    "field": field,
                    "message": message(
                        "aci.parameter_range", label=quoted(param["label"]), max=fmt_number(MAX_COEFFICIENT)
                    ),
                }
            )
            continue
        coefficient = n
    return coefficient


def _check_aci(rules: dict, inputs: Any) -> tuple[dict | None, list[dict]]:
    """Validate simulator inputs (twin of ``checkAci`` in ``aci_logic.js``): the checked values or French errors."""
    if not isinstance(inputs, dict):
        return None, [{"field": "inputs", "message": message("simulator.unreadable")}]
    errors: list[dict] = []
    values = {
        name: read_number(inputs.get(name), rules["inputs"][name], name, errors)
        for name in ("patientele", "professionals", "precarity_share")
    }
    units = _check_criteria(
        rules, _object_or_error(inputs.get("criteria"), "criteria", "aci.criteria_unreadable", errors), errors
    )
    points = _base_points(rules, inputs.get("variant"), errors)
    _override_points(
        rules, _object_or_error(inputs.get("points"), "points", "aci.points_unreadable", errors), points, errors
    )
    coefficient = _check_parameters(
        rules, _object_or_error(inputs.get("parameters"), "parameters", "aci.parameters_unreadable", errors), errors
    )
    if errors:
        return None, errors
    return {**values, "units": units, "points": points, "coefficient": coefficient}, []


def _warnings(
    missing_prereq: list[str], missing_socle: list[str], labels: dict[str, str], *, capped: bool, cap: float
) -> list[str]:
    warnings = []
    if missing_prereq:
        warnings.append(message("aci.missing_prerequisite", criteria=", ".join(labels[c] for c in missing_prereq)))
    if missing_socle:
        warnings.append(message("aci.missing_socle", criteria=", ".join(labels[c] for c in missing_socle)))
    if capped:
        warnings.append(message("aci.precarity_capped", cap=fmt_number(cap * 100)))
    return warnings


def aci_result(rules: dict, inputs: Any) -> dict:
    """Compute the ACI estimate; never raises: bad input gives ``{"ok": False, "errors": [...]}``.

    This is the exact mirror of ``computeAci`` in ``static/aci_logic.js``.
    """
    checked, errors = _check_aci(rules, inputs)
    if errors or checked is None:
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
    missing_prereq: list[str] = []
    missing_socle: list[str] = []
    indicatif_used = False
    for crit in rules["criteria"]:
        units = checked["units"][crit["id"]]
        pts = checked["points"][crit["id"]]
        fixed = pts["fixed"] * units
        if "per_professional" in crit and units > 0:
            pp = crit["per_professional"]
            fixed += pts["per_professional"] * min(n_prof, pp["up_to"]) + pp["points_beyond"] * max(
                0, n_prof - pp["up_to"]
            )
        variable = pts["variable"] * units * factor * (1 + uplift)
        if units == 0 and crit["level"] == "socle":
            (missing_prereq if crit["prerequisite"] else missing_socle).append(crit["id"])
        if units > 0 and crit["indicatif"]:
            indicatif_used = True
        fixed_total += fixed
        variable_total += variable
        axis_totals[crit["axis"]][0] += fixed
        axis_totals[crit["axis"]][1] += variable
        rows.append(
            {
                "id": crit["id"],
                "label": crit["label"],
                "axis": crit["axis"],
                "level": crit["level"],
                "prerequisite": crit["prerequisite"],
                "indicatif": crit["indicatif"],
                "units": units,
                "points_fixed": round_half_up(fixed, 2),
                "points_variable": round_half_up(variable, 2),
                "amount": round_half_up((fixed + variable) * point_value),
            }
        )
    labels = {c["id"]: c["label"] for c in rules["criteria"]}
    blocked = len(missing_prereq) > 0
    potential = round_half_up((fixed_total + variable_total) * point_value)
    warnings = _warnings(
        missing_prereq,
        missing_socle,
        labels,
        capped=raw_uplift > p["precarity_cap"]["value"],
        cap=p["precarity_cap"]["value"],
    )
    keep = 0 if blocked else 1
    amount_exact = (fixed_total + variable_total) * point_value * keep
    amount = round_half_up(amount_exact)
    advance = round_half_up(amount_exact * p["advance_rate"]["value"])
    by_axis = []
    for axis in rules["axes"]:
        f, v = axis_totals[axis["id"]]
        by_axis.append(
            {
                "id": axis["id"],
                "label": axis["label"],
                "amount_fixed": round_half_up(f * point_value * keep),
                "amount_variable": round_half_up(v * point_value * keep),
                "amount": round_half_up((f + v) * point_value * keep),
            }
        )
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


class AciSimulator(Simulator):
    """ACI MSP simulator (:func:`aci_result`, twin of ``computeAci`` in ``static/aci_logic.js``)."""

    _module = "aci_simulator"
    load_rules = staticmethod(load_aci_rules)
    default_inputs = staticmethod(default_aci_inputs)
    result = staticmethod(aci_result)

    def fallback_text(self) -> str:
        r = aci_result(self.rules, self.inputs)
        amount = euros(r["amount"]) if r["ok"] else "—"
        return (
            f"Simulateur de la rémunération ACI d'une MSP (JavaScript requis). Avec les valeurs par défaut, "
            f"le montant annuel estimé est de {amount}."
        )


def aci_simulator() -> AciSimulator:
    """The ACI simulator of the page, with the rules of the data file."""
    return AciSimulator()
