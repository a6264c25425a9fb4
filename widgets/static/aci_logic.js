// @ts-check
// ACI MSP simulator, pure logic: the JavaScript twin of aci_result() in
// widgets/financement/. Keep both in step: tests/test_financement_parity.py
// runs the same cases through each (same messages, same arithmetic).

import { message } from "./messages.js";
import { fmtNumber, isBlank, NBSP, parseNumber, readNumber, roundHalfUp } from "./numbers.js";

const MAX_OVERRIDE_POINTS = 100000;
const MAX_COEFFICIENT = 10;

export function quoted(label) {
  return `«${NBSP}${label}${NBSP}»`;
}

function isPlainObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function objectOrError(value, field, key, errors) {
  const obj = value ?? {};
  if (isPlainObject(obj)) return obj;
  errors.push({ field, message: message(key) });
  return {};
}

function checkCriteria(rules, critIn, errors) {
  const byId = new Map(rules.criteria.map((c) => [c.id, c]));
  const units = {};
  for (const c of rules.criteria) units[c.id] = 0;
  for (const [cid, raw] of Object.entries(critIn)) {
    const field = `criteria.${cid}`;
    const crit = byId.get(cid);
    if (!crit) {
      errors.push({ field, message: message("aci.unknown_criterion", { criterion: quoted(cid) }) });
    } else if (crit.count) {
      const n = isBlank(raw) ? null : parseNumber(raw);
      const cmax = crit.count.max;
      if (n === null || !Number.isInteger(n) || n < 0 || n > cmax) {
        errors.push({
          field,
          message: message("aci.count_range", { label: quoted(crit.label), max: fmtNumber(cmax) }),
        });
      } else units[cid] = n;
    } else if (typeof raw !== "boolean") {
      errors.push({ field, message: message("aci.yes_no", { label: quoted(crit.label) }) });
    } else units[cid] = raw ? 1 : 0;
  }
  return units;
}

function basePoints(rules, variant, errors) {
  const points = {};
  for (const c of rules.criteria) {
    points[c.id] = {
      fixed: c.fixed_points,
      variable: c.variable_points,
      per_professional: c.per_professional ? c.per_professional.points : 0,
    };
  }
  if (variant === null || variant === undefined || variant === "") return points;
  const found = (rules.variants || []).filter((v) => v.id === variant);
  if (!found.length) {
    errors.push({ field: "variant", message: message("aci.unknown_variant", { variant: quoted(String(variant)) }) });
  } else {
    for (const [cid, pts] of Object.entries(found[0].points)) Object.assign(points[cid], pts);
  }
  return points;
}

const POINT_KINDS = {
  fixed: "aci.points_fixed",
  variable: "aci.points_variable",
  per_professional: "aci.points_per_professional",
};

function overridePoints(rules, overrides, points, errors) {
  const byId = new Map(rules.criteria.map((c) => [c.id, c]));
  for (const [cid, over] of Object.entries(overrides)) {
    const crit = byId.get(cid);
    const field = `points.${cid}`;
    if (!crit) errors.push({ field, message: message("aci.points_unknown_criterion", { criterion: quoted(cid) }) });
    else if (!crit.indicatif)
      errors.push({ field, message: message("aci.points_locked", { label: quoted(crit.label) }) });
    else if (!isPlainObject(over))
      errors.push({ field, message: message("aci.criterion_unreadable", { label: quoted(crit.label) }) });
    else overrideCriterion(crit, over, points[cid], errors);
  }
}

function overrideCriterion(crit, over, points, errors) {
  for (const [key, raw] of Object.entries(over)) {
    const field = `points.${crit.id}.${key}`;
    if (!(key in POINT_KINDS) || (key === "per_professional" && !crit.per_professional)) {
      errors.push({
        field,
        message: message("aci.points_unknown_kind", { label: quoted(crit.label), kind: quoted(key) }),
      });
      continue;
    }
    const n = isBlank(raw) ? null : parseNumber(raw);
    if (n === null || n < 0 || n > MAX_OVERRIDE_POINTS) {
      errors.push({
        field,
        message: message("aci.points_range", {
          label: quoted(crit.label),
          kind: message(POINT_KINDS[key]),
          max: fmtNumber(MAX_OVERRIDE_POINTS),
        }),
      });
      continue;
    }
    points[key] = n;
  }
}

function checkParameters(rules, paramsIn, errors) {
  let coefficient = rules.parameters.precarity_coefficient.value;
  for (const [key, raw] of Object.entries(paramsIn)) {
    const field = `parameters.${key}`;
    const param = Object.hasOwn(rules.parameters, key) ? rules.parameters[key] : undefined;
    if (!param) {
      errors.push({ field, message: message("aci.unknown_parameter", { parameter: quoted(key) }) });
      continue;
    }
    if (!param.indicatif) {
      errors.push({ field, message: message("aci.parameter_locked", { label: quoted(param.label) }) });
      continue;
    }
    const n = isBlank(raw) ? null : parseNumber(raw);
    if (n === null || n < 0 || n > MAX_COEFFICIENT) {
      errors.push({
        field,
        message: message("aci.parameter_range", { label: quoted(param.label), max: fmtNumber(MAX_COEFFICIENT) }),
      });
      continue;
    }
    coefficient = n;
  }
  return coefficient;
}

/**
 * The inputs read against the rules: `[checked, []]`, or `[null, errors]`.
 * @param {any} rules
 * @param {any} inputs
 * @returns {[any, { field: string, message: string }[]]}
 */
function checkAci(rules, inputs) {
  if (!isPlainObject(inputs)) {
    return [null, [{ field: "inputs", message: message("simulator.unreadable") }]];
  }
  const errors = [];
  const values = {};
  for (const name of ["patientele", "professionals", "precarity_share"]) {
    values[name] = readNumber(inputs[name], rules.inputs[name], name, errors);
  }
  const units = checkCriteria(
    rules,
    objectOrError(inputs.criteria, "criteria", "aci.criteria_unreadable", errors),
    errors,
  );
  const points = basePoints(rules, inputs.variant, errors);
  overridePoints(rules, objectOrError(inputs.points, "points", "aci.points_unreadable", errors), points, errors);
  const coefficient = checkParameters(
    rules,
    objectOrError(inputs.parameters, "parameters", "aci.parameters_unreadable", errors),
    errors,
  );
  if (errors.length) return [null, errors];
  return [{ ...values, units, points, coefficient }, []];
}

// Returns the estimate, or { ok: false, status: "error", errors: [{ field, message }] }.
export function computeAci(rules, inputs) {
  const [checked, errors] = checkAci(rules, inputs);
  if (errors.length) return { ok: false, status: "error", errors };
  const p = rules.parameters;
  const pointValue = p.point_value.value;
  const factor = checked.patientele / p.reference_patientele.value;
  const rawUplift = (checked.coefficient * checked.precarity_share) / 100;
  const uplift = Math.min(p.precarity_cap.value, rawUplift);
  const nProf = checked.professionals;
  const rows = [];
  let fixedTotal = 0;
  let variableTotal = 0;
  const axisTotals = {};
  for (const a of rules.axes) axisTotals[a.id] = [0, 0];
  const missingPrereq = [];
  const missingSocle = [];
  let indicatifUsed = false;
  for (const crit of rules.criteria) {
    const u = checked.units[crit.id];
    const pts = checked.points[crit.id];
    let fixed = pts.fixed * u;
    if (crit.per_professional && u > 0) {
      const pp = crit.per_professional;
      fixed += pts.per_professional * Math.min(nProf, pp.up_to) + pp.points_beyond * Math.max(0, nProf - pp.up_to);
    }
    const variable = pts.variable * u * factor * (1 + uplift);
    if (u === 0 && crit.level === "socle") (crit.prerequisite ? missingPrereq : missingSocle).push(crit.id);
    if (u > 0 && crit.indicatif) indicatifUsed = true;
    fixedTotal += fixed;
    variableTotal += variable;
    axisTotals[crit.axis][0] += fixed;
    axisTotals[crit.axis][1] += variable;
    rows.push({
      id: crit.id,
      label: crit.label,
      axis: crit.axis,
      level: crit.level,
      prerequisite: crit.prerequisite,
      indicatif: crit.indicatif,
      units: u,
      points_fixed: roundHalfUp(fixed, 2),
      points_variable: roundHalfUp(variable, 2),
      amount: roundHalfUp((fixed + variable) * pointValue),
    });
  }
  const labels = Object.fromEntries(rules.criteria.map((c) => [c.id, c.label]));
  const blocked = missingPrereq.length > 0;
  const potential = roundHalfUp((fixedTotal + variableTotal) * pointValue);
  const warnings = [];
  if (blocked)
    warnings.push(message("aci.missing_prerequisite", { criteria: missingPrereq.map((c) => labels[c]).join(", ") }));
  if (missingSocle.length)
    warnings.push(message("aci.missing_socle", { criteria: missingSocle.map((c) => labels[c]).join(", ") }));
  if (rawUplift > p.precarity_cap.value)
    warnings.push(message("aci.precarity_capped", { cap: fmtNumber(p.precarity_cap.value * 100) }));
  const keep = blocked ? 0 : 1;
  const amountExact = (fixedTotal + variableTotal) * pointValue * keep;
  const amount = roundHalfUp(amountExact);
  const advance = roundHalfUp(amountExact * p.advance_rate.value);
  const byAxis = rules.axes.map((axis) => {
    const [f, v] = axisTotals[axis.id];
    return {
      id: axis.id,
      label: axis.label,
      amount_fixed: roundHalfUp(f * pointValue * keep),
      amount_variable: roundHalfUp(v * pointValue * keep),
      amount: roundHalfUp((f + v) * pointValue * keep),
    };
  });
  if (blocked) for (const row of rows) row.amount = 0;
  return {
    ok: true,
    status: blocked ? "blocked" : "ok",
    amount,
    amount_fixed: roundHalfUp(fixedTotal * pointValue * keep),
    amount_variable: roundHalfUp(variableTotal * pointValue * keep),
    advance,
    balance: amount - advance,
    potential_amount: potential,
    points_fixed: roundHalfUp(fixedTotal, 2),
    points_variable: roundHalfUp(variableTotal, 2),
    points_total: roundHalfUp(fixedTotal + variableTotal, 2),
    patientele_factor: roundHalfUp(factor, 4),
    uplift: roundHalfUp(uplift, 4),
    by_axis: byAxis,
    criteria: rows,
    missing_prerequisites: missingPrereq,
    missing_socle: missingSocle,
    indicatif: indicatifUsed,
    warnings,
  };
}
