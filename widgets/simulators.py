"""Simulators and charts of the module « Les modèles de financement ».

* :func:`compute_aci` estimates the yearly ACI remuneration of an MSP from the
  rules in ``datasets/financement/aci_msp.aci_rules.yaml``; :func:`compute_cpts`
  gives the « fonctionnement » funding of a CPTS from its population
  (``cpts.cpts_rules.yaml``). Both are the Python mirrors of
  ``static/aci_logic.js`` and ``static/cpts_logic.js``: same validation, same
  French messages, same arithmetic (tests/test_financement_parity.py).
* :class:`AciSimulator` and :class:`CptsFunding` are the widgets; with a kernel
  they recompute every input the browser sends and write ``kernel_result``.
* :func:`reform_timeline`, :func:`aci_comparison_chart`,
  :func:`aci_comparison_table` and :func:`figures_table` build the page figures
  from the ``financement_*`` tables of the data package.
"""

from __future__ import annotations

import html
import math
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd
import traitlets as t
from IPython.display import HTML

from pacte.course.citations import citation_labels, citations_for, source_line
from widgets._host import PacteWidget
from pacte.course.paths import datasets_dir
from pacte.course.banks import load_bank
from widgets.charts import Chart, chart
from pacte.course.checks import load_data_file
from pacte.course.data import load_table
from pacte.course.fmt import NBSP, euros, number
from widgets.quiz import Quiz
from pacte.course.scoring import parse_number

ACI_RULES_FILE = "financement/aci_msp.aci_rules.yaml"
CPTS_RULES_FILE = "financement/cpts.cpts_rules.yaml"
MAX_OVERRIDE_POINTS = 100000
MAX_COEFFICIENT = 10
CPTS_POPULATION_SPEC = {"short_label": "Population", "unit": "habitants", "integer": True}


class SimulatorInputError(ValueError):
    """Bad simulator input. ``errors`` lists ``{"field", "message"}``; the message is French."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__(" ; ".join(f"[{e['field']}] {e['message']}" for e in errors))


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _load_rules(relpath: str) -> dict:
    return load_data_file(datasets_dir() / relpath)


def load_aci_rules() -> dict:
    """Return the validated ACI MSP rules (a fresh copy the caller may change)."""
    import copy

    return copy.deepcopy(_load_rules(ACI_RULES_FILE))


def load_cpts_rules() -> dict:
    """Return the validated CPTS funding rules (a fresh copy)."""
    import copy

    return copy.deepcopy(_load_rules(CPTS_RULES_FILE))


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

def round_half_up(value: float, decimals: int = 0) -> float:
    """Round like JavaScript's ``Math.floor(x * 10**d + 0.5) / 10**d`` (not banker's rounding)."""
    factor = 10 ** decimals
    out = math.floor(value * factor + 0.5) / factor
    return int(out) if decimals == 0 else out


def fmt_number(value: float) -> str:
    """French number for messages: « 4 000 », « 2,5 » (at most two decimals)."""
    if float(value) == int(value):
        return number(value, 0)
    return number(value, 2).rstrip("0").rstrip(",")


def quoted(label: str) -> str:
    return f"« {label} »"


def read_number(raw: Any, spec: dict, field: str, errors: list[dict]) -> float | None:
    """Parse one numeric input; append a French error naming the field and return None if it is bad."""
    label = spec["short_label"]
    value = None if raw is None or isinstance(raw, bool) or raw == "" else parse_number(raw)
    if value is None:
        example = fmt_number(spec["default"]) if "default" in spec else "1"
        errors.append({"field": field, "message": f"{label} : saisissez un nombre (par exemple {example})."})
        return None
    if spec.get("integer") and value != int(value):
        errors.append({"field": field, "message": f"{label} : saisissez un nombre entier."})
        return None
    if value < spec["min"] or value > spec["max"]:
        errors.append({"field": field, "message": f"{label} : la valeur doit être comprise entre "
                                                  f"{fmt_number(spec['min'])} et {fmt_number(spec['max'])}{NBSP}{spec['unit']}."})
        return None
    return value


# ---------------------------------------------------------------------------
# ACI MSP
# ---------------------------------------------------------------------------

def _check_aci(rules: dict, inputs: Any) -> tuple[dict | None, list[dict]]:
    errors: list[dict] = []
    if not isinstance(inputs, dict):
        return None, [{"field": "inputs", "message": "Saisie illisible : les données du simulateur manquent."}]
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

def cpts_result(rules: dict, inputs: Any) -> dict:
    """CPTS size band and « fonctionnement » funding; mirror of ``computeCpts`` in ``static/cpts_logic.js``."""
    errors: list[dict] = []
    if not isinstance(inputs, dict):
        return {"ok": False, "status": "error",
                "errors": [{"field": "inputs", "message": "Saisie illisible : les données du simulateur manquent."}]}
    spec = {**rules["population"], **CPTS_POPULATION_SPEC}
    pop = read_number(inputs.get("population"), spec, "population", errors)
    if errors:
        return {"ok": False, "status": "error", "errors": errors}
    band = next(b for b in rules["bands"]
                if pop >= b["min_population"] and (b["max_population"] is None or pop <= b["max_population"]))
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


# ---------------------------------------------------------------------------
# Widgets
# ---------------------------------------------------------------------------

def _sources_of(obj) -> set:
    found = set()
    if isinstance(obj, dict):
        if isinstance(obj.get("source"), str):
            found.add(obj["source"])
        for v in obj.values():
            found |= _sources_of(v)
    elif isinstance(obj, list):
        for v in obj:
            found |= _sources_of(v)
    return found


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
        super().__init__(rules=rules, citations=citations_for(_sources_of(rules)), **kwargs)
        self.kernel_result = {}  # only answers from the browser get a kernel result

    @t.observe("inputs")
    def _inputs_changed(self, change) -> None:
        self.kernel_result = aci_result(self.rules, change["new"])

    def fallback_text(self) -> str:
        r = aci_result(self.rules, self.inputs)
        amount = euros(r["amount"]) if r["ok"] else "—"
        return (f"Simulateur de la rémunération ACI d'une MSP (JavaScript requis). Avec les valeurs par défaut, "
                f"le montant annuel estimé est de {amount}.")


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
        super().__init__(rules=rules, citations=citations_for(_sources_of(rules)), **kwargs)
        self.kernel_result = {}  # only answers from the browser get a kernel result

    @t.observe("inputs")
    def _inputs_changed(self, change) -> None:
        self.kernel_result = cpts_result(self.rules, change["new"])

    def fallback_text(self) -> str:
        parts = [f"{b['label']} ({b['range_label']}) : {euros(b['fonctionnement_2019']['value'])} puis "
                 f"{euros(b['fonctionnement_avenant2']['value'])}" for b in self.rules["bands"]]
        return "Financement du fonctionnement des CPTS (JavaScript requis). " + " ; ".join(parts) + "."


def aci_simulator() -> AciSimulator:
    """The ACI simulator of the page, with the rules of the data file."""
    return AciSimulator()


def cpts_funding() -> CptsFunding:
    """The CPTS funding widget of the page."""
    return CptsFunding()


# ---------------------------------------------------------------------------
# Figures of the pages
# ---------------------------------------------------------------------------

KIND_LABELS = {"loi": "Loi", "accord conventionnel": "Accord conventionnel",
               "expérimentation": "Expérimentation", "plan": "Plan"}


def reform_timeline() -> Chart:
    """Timeline of the funding reforms, filterable by kind with a select that runs in the browser."""
    frame = load_table("financement_reforms").astype(object)
    frame["kind_label"] = frame["kind"].map(KIND_LABELS)
    labels = citation_labels()
    frame["source_label"] = [f"{labels.get(s, s)}, {d}" for s, d in zip(frame["source"], frame["source_detail"])]
    frame["end"] = [e if isinstance(e, str) and e else None for e in frame["end"]]
    options = ["toutes"] + list(KIND_LABELS)
    kind = alt.param(name="kind", value="toutes",
                     bind=alt.binding_select(options=options,
                                             labels=["Toutes les réformes"] + list(KIND_LABELS.values()),
                                             name="Type de réforme : "))
    domain = list(KIND_LABELS.values())
    color = alt.Color("kind_label:N", title="Type", scale=alt.Scale(domain=domain),
                      legend=alt.Legend(orient="bottom", columns=2))
    base = alt.Chart(frame).transform_filter("kind == 'toutes' || datum.kind == kind")
    y = alt.Y("title:N", title=None, sort=alt.EncodingSortField("start", order="ascending"),
              axis=alt.Axis(labelLimit=230, labelFontSize=11))
    tooltip = [alt.Tooltip("date_label:N", title="Date"), alt.Tooltip("title:N", title="Réforme"),
               alt.Tooltip("kind_label:N", title="Type"), alt.Tooltip("description:N", title="En bref"),
               alt.Tooltip("source_label:N", title="Source")]
    spans = base.transform_filter("datum.end != null").mark_rule(strokeWidth=6, opacity=0.6).encode(
        x="start:T", x2="end:T", y=y, color=color, tooltip=tooltip)
    dots = base.mark_point(filled=True, size=140).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%Y", tickCount=6),
                scale=alt.Scale(domain=["2003-06-01", "2023-06-01"])),
        y=y, color=color, shape=alt.Shape("kind_label:N", title="Type", scale=alt.Scale(domain=domain),
                                          legend=alt.Legend(orient="bottom", columns=2)),
        tooltip=tooltip)
    text = base.mark_text(align="left", dx=10, fontSize=11, color="#333").encode(
        x="start:T", y=y, text="date_label:N")
    layered = alt.layer(spans, dots, text).add_params(kind).properties(height=alt.Step(26), width="container")
    return chart(
        layered,
        title="Vingt ans de réformes du financement des soins primaires",
        subtitle="Une ligne par réforme ; choisissez un type dans la liste pour filtrer",
        description=(
            "Frise chronologique de 2004 à 2022. Chaque ligne est une réforme, placée à sa date ; la couleur et la "
            "forme du point indiquent son type : loi, accord conventionnel, expérimentation ou plan. Les ENMR "
            "(2010-2014) et le règlement arbitral (2015-2016) sont des périodes. La liste « Type de réforme » "
            "filtre la frise ; le survol d'un point affiche la réforme, sa date et sa source."
        ),
        source=source_line(frame),
    )


def aci_comparison(rules: dict | None = None) -> pd.DataFrame:
    """Compare the simulator's defaults with the published ACI amounts (one row per estimate or figure).

    For each published figure that describes an MSP (professionals, patientèle,
    variant of the rules), the simulator computes the same MSP with every
    criterion met and with the « socle » criteria only. National averages are
    compared with the CNAM typical MSP under today's rules.
    """
    rules = rules or load_aci_rules()
    refs = load_table("financement_aci_reference").astype(object)
    refs = refs[refs["kind"] == "montant_par_msp"]
    labels = citation_labels()
    rows = []

    def estimate(professionals, patientele, variant, socle_only):
        inputs = default_aci_inputs(rules)
        inputs.update(professionals=int(professionals), patientele=int(patientele), precarity_share=0)
        if socle_only:
            inputs["criteria"] = {c["id"]: (c["count"]["max"] if "count" in c else True) if c["level"] == "socle"
                                  else (0 if "count" in c else False) for c in rules["criteria"]}
        else:
            inputs["criteria"] = {c["id"]: c["count"]["max"] if "count" in c else True for c in rules["criteria"]}
        if variant:
            inputs["variant"] = variant
        return compute_aci(rules, inputs)["amount"]

    typical = refs[refs["professionals"].notna()].iloc[0]
    variants = {v["id"]: v["label"] for v in rules.get("variants", [])}
    scenarios = [(None, False, "règles actuelles (avenant 1), tous les critères"),
                 (None, True, "règles actuelles (avenant 1), critères socles seulement")]
    for vid, vlabel in variants.items():
        scenarios.append((vid, False, f"{vlabel}, tous les critères"))
    for variant, socle_only, what in scenarios:
        amount = estimate(typical["professionals"], typical["patientele"], variant, socle_only)
        rows.append({"kind": "Estimation du simulateur", "year": None,
                     "label": f"Simulateur : MSP de {typical['professionals']} professionnels et "
                              f"{number(typical['patientele'])} patients, {what}",
                     "amount": amount, "source": "Calcul du cours (valeurs indicatives)"})
    for r in refs.itertuples():
        rows.append({"kind": "Chiffre publié", "year": r.year, "label": f"{r.label} ({r.year})",
                     "amount": float(r.amount_eur), "source": f"{labels.get(r.source, r.source)}, {r.source_detail}"})
    return pd.DataFrame(rows)


def aci_comparison_table(rules: dict | None = None) -> HTML:
    """HTML table: the simulator's estimates beside the published amounts, with the gap to the CNAM figure."""
    frame = aci_comparison(rules)
    refs = load_table("financement_aci_reference").astype(object)
    cnam = float(refs[refs["professionals"].notna()].iloc[0]["amount_eur"])
    body = []
    for r in frame.itertuples():
        gap = r.amount - cnam
        sign = "+" if gap > 0 else ("−" if gap < 0 else "")
        gap_text = "—" if r.kind == "Chiffre publié" and r.amount == cnam else f"{sign}{euros(abs(gap))}"
        body.append(f"<tr><td>{html.escape(r.kind)}</td><td>{html.escape(r.label)}</td>"
                    f"<td style='text-align:right;white-space:nowrap'>{euros(r.amount)}</td><td style='text-align:right;white-space:nowrap'>{gap_text}</td>"
                    f"<td>{html.escape(r.source)}</td></tr>")
    table = (
        "<table class='pacte-table table'><caption>Le simulateur face aux montants publiés (écart au chiffre de la CNAM : "
        f"{euros(cnam)})</caption><thead><tr><th scope='col'>Nature</th><th scope='col'>Situation</th>"
        "<th scope='col'>Montant annuel</th><th scope='col'>Écart au chiffre CNAM</th><th scope='col'>Source</th>"
        "</tr></thead><tbody>" + "".join(body) + "</tbody></table>"
    )
    return HTML(table)


def aci_comparison_chart(rules: dict | None = None) -> Chart:
    """Bar chart of the same comparison (estimates and published amounts)."""
    frame = aci_comparison(rules)
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=460)),
        x=alt.X("amount:Q", title="Montant annuel par MSP (€)", axis=alt.Axis(format=",.0f")),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=["Estimation du simulateur", "Chiffre publié"],
                                                               range=["#e07b39", "#1f5f8b"])),
        tooltip=[alt.Tooltip("label:N", title="Situation"), alt.Tooltip("amount:Q", title="Montant", format=",.0f"),
                 alt.Tooltip("source:N", title="Source")],
    )
    text = alt.Chart(frame).mark_text(align="left", dx=4, fontSize=11).encode(
        y=alt.Y("label:N", sort=None), x="amount:Q", text=alt.Text("amount:Q", format=",.0f"))
    refs = load_table("financement_aci_reference").astype(object)
    src = refs[refs["kind"] == "montant_par_msp"]
    return chart(
        alt.layer(bars, text).properties(width="container", height=alt.Step(30)),
        title="Le simulateur face aux montants publiés",
        subtitle="Montants annuels par MSP, en euros",
        description=(
            "Diagramme en barres horizontales. Les barres orange sont calculées par le simulateur pour la MSP type "
            "de la CNAM (13 professionnels, 4 000 patients) ; les barres bleues sont des montants publiés : le "
            "chiffre de la CNAM en 2017, la moyenne versée au titre du règlement arbitral fin 2016 et les "
            "moyennes versées par MSP en 2022 et 2023."
        ),
        source=source_line(src) + " ; estimations : calcul du cours à partir de valeurs indicatives",
    )


def national_total_check() -> dict:
    """Number of MSP implied by the 2023 national total and average (to set beside « 2 000 financées »)."""
    refs = load_table("financement_aci_reference").astype(object).set_index("id")
    figures = load_table("financement_figures").astype(object).set_index("id")
    total = float(refs.loc["total_2023", "amount_eur"])
    average = float(refs.loc["moyenne_2023", "amount_eur"])
    return {"total": total, "average": average, "implied_msp": round_half_up(total / average),
            "msp_aci": int(figures.loc["msp_aci_2025", "value"])}


def _format_value(value: float, unit: str) -> str:
    if unit == "€":
        return euros(value)
    if unit == "%":
        return f"{fmt_number(value)}{NBSP}%"
    return f"{fmt_number(value)}{NBSP}{unit}"


def figure(fid: str) -> str:
    """One figure of ``financement_figures`` formatted in French (« 56 % », « 50 000 € »)."""
    figures = load_table("financement_figures").astype(object).set_index("id")
    row = figures.loc[fid]
    return _format_value(float(row["value"]), row["unit"])


def figures_table(topic: str, caption: str) -> HTML:
    """HTML table of the figures of one topic, each with its source."""
    frame = load_table("financement_figures").astype(object)
    frame = frame[frame["topic"] == topic]
    if frame.empty:
        raise ValueError(f"no figure with topic '{topic}'")
    labels = citation_labels()
    rows = "".join(
        f"<tr><td>{html.escape(r.label)}</td><td style='text-align:right;white-space:nowrap'>{_format_value(float(r.value), r.unit)}</td>"
        f"<td>{r.year}</td><td>{html.escape(labels.get(r.source, r.source))}, {html.escape(r.source_detail)}</td></tr>"
        for r in frame.itertuples())
    return HTML(f"<table class='pacte-table table'><caption>{html.escape(caption)}</caption><thead><tr>"
                "<th scope='col'>Indicateur</th><th scope='col'>Valeur</th><th scope='col'>Année</th>"
                f"<th scope='col'>Source</th></tr></thead><tbody>{rows}</tbody></table>")
