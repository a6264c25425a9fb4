// ACI MSP simulator, pure logic: the JavaScript twin of aci_result() in
// widgets/financement/. Keep both in step: tests/test_financement_parity.py
// runs the same cases through each (same messages, same arithmetic).
import { NBSP, isBlank, parseNumber, roundHalfUp, fmtNumber, readNumber } from "./numbers.js";
import { message } from "./messages.js";

const MAX_OVERRIDE_POINTS = 100000;
const MAX_COEFFICIENT = 10;

export function quoted(label) {
  return `« ${label} »`;
}

function isPlainObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

export function defaultInputs(rules) {
  const criteria = {};
  for (const c of rules.criteria) criteria[c.id] = c.default;
  return {
    patientele: rules.inputs.patientele.default,
    professionals: rules.inputs.professionals.default,
    precarity_share: rules.inputs.precarity_share.default,
    criteria,
  };
}

function checkAci(rules, inputs) {
  const errors = [];
  if (!isPlainObject(inputs)) {
    return [null, [{ field: "inputs", message: message("simulator.unreadable") }]];
  }
  const values = {};
  for (const name of ["patientele", "professionals", "precarity_share"]) {
    values[name] = readNumber(inputs[name], rules.inputs[name], name, errors);
  }
  const byId = new Map(rules.criteria.map((c) => [c.id, c]));
  const units = {};
  for (const c of rules.criteria) units[c.id] = 0;
  let critIn = inputs.criteria ?? {};
  if (!isPlainObject(critIn)) {
    errors.push({ field: "criteria", message: "Critères : saisie illisible." });
    critIn = {};
  }
  for (const [cid, raw] of Object.entries(critIn)) {
    const field = `criteria.${cid}`;
    const crit = byId.get(cid);
    if (!crit) {
      errors.push({ field, message: `Critère inconnu : ${quoted(cid)}.` });
      continue;
    }
    if (crit.count) {
      const n = isBlank(raw) ? null : parseNumber(raw);
      const cmax = crit.count.max;
      if (n === null || !Number.isInteger(n) || n < 0 || n > cmax) {
        errors.push({ field, message: `${quoted(crit.label)} : indiquez un nombre entier entre 0 et ${fmtNumber(cmax)}.` });
        continue;
      }
      units[cid] = n;
    } else {
      if (typeof raw !== "boolean") {
        errors.push({ field, message: `${quoted(crit.label)} : indiquez oui ou non.` });
        continue;
      }
      units[cid] = raw ? 1 : 0;
    }
  }
  const points = {};
  for (const c of rules.criteria) {
    points[c.id] = {
      fixed: c.fixed_points,
      variable: c.variable_points,
      per_professional: c.per_professional ? c.per_professional.points : 0,
    };
  }
  const variant = inputs.variant;
  if (variant !== null && variant !== undefined && variant !== "") {
    const found = (rules.variants || []).filter((v) => v.id === variant);
    if (!found.length) {
      errors.push({ field: "variant", message: `Variante inconnue : ${quoted(String(variant))}.` });
    } else {
      for (const [cid, pts] of Object.entries(found[0].points)) Object.assign(points[cid], pts);
    }
  }
  let overrides = inputs.points ?? {};
  if (!isPlainObject(overrides)) {
    errors.push({ field: "points", message: "Points : saisie illisible." });
    overrides = {};
  }
  const names = { fixed: "les points fixes", variable: "les points variables", per_professional: "les points par professionnel" };
  for (const [cid, over] of Object.entries(overrides)) {
    const crit = byId.get(cid);
    if (!crit) {
      errors.push({ field: `points.${cid}`, message: `Points : critère inconnu ${quoted(cid)}.` });
      continue;
    }
    if (!crit.indicatif) {
      errors.push({ field: `points.${cid}`, message: `${quoted(crit.label)} : ces points sont confirmés par les sources et ne sont pas modifiables.` });
      continue;
    }
    if (!isPlainObject(over)) {
      errors.push({ field: `points.${cid}`, message: `${quoted(crit.label)} : saisie illisible.` });
      continue;
    }
    for (const [key, raw] of Object.entries(over)) {
      const field = `points.${cid}.${key}`;
      if (!(key in names) || (key === "per_professional" && !crit.per_professional)) {
        errors.push({ field, message: `${quoted(crit.label)} : type de points inconnu ${quoted(key)}.` });
        continue;
      }
      const n = isBlank(raw) ? null : parseNumber(raw);
      if (n === null || n < 0 || n > MAX_OVERRIDE_POINTS) {
        errors.push({ field, message: `${quoted(crit.label)} : ${names[key]} doivent être un nombre entre 0 et ${fmtNumber(MAX_OVERRIDE_POINTS)}.` });
        continue;
      }
      points[cid][key] = n;
    }
  }
  let coefficient = rules.parameters.precarity_coefficient.value;
  let paramsIn = inputs.parameters ?? {};
  if (!isPlainObject(paramsIn)) {
    errors.push({ field: "parameters", message: "Paramètres : saisie illisible." });
    paramsIn = {};
  }
  for (const [key, raw] of Object.entries(paramsIn)) {
    const field = `parameters.${key}`;
    const param = Object.prototype.hasOwnProperty.call(rules.parameters, key) ? rules.parameters[key] : undefined;
    if (!param) {
      errors.push({ field, message: `Paramètre inconnu : ${quoted(key)}.` });
      continue;
    }
    if (!param.indicatif) {
      errors.push({ field, message: `${quoted(param.label)} : cette valeur est confirmée par les sources et n'est pas modifiable.` });
      continue;
    }
    const n = isBlank(raw) ? null : parseNumber(raw);
    if (n === null || n < 0 || n > MAX_COEFFICIENT) {
      errors.push({ field, message: `${quoted(param.label)} : saisissez un nombre entre 0 et ${fmtNumber(MAX_COEFFICIENT)}.` });
      continue;
    }
    coefficient = n;
  }
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
  const rawUplift = checked.coefficient * checked.precarity_share / 100;
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
      id: crit.id, label: crit.label, axis: crit.axis, level: crit.level,
      prerequisite: crit.prerequisite, indicatif: crit.indicatif, units: u,
      points_fixed: roundHalfUp(fixed, 2), points_variable: roundHalfUp(variable, 2),
      amount: roundHalfUp((fixed + variable) * pointValue),
    });
  }
  const labels = Object.fromEntries(rules.criteria.map((c) => [c.id, c.label]));
  const blocked = missingPrereq.length > 0;
  const potential = roundHalfUp((fixedTotal + variableTotal) * pointValue);
  const warnings = [];
  if (blocked) {
    warnings.push("Prérequis non rempli : " + missingPrereq.map((c) => labels[c]).join(", ")
      + ". Sans ses prérequis, la MSP ne perçoit aucune rémunération au titre de l'ACI.");
  }
  if (missingSocle.length) {
    warnings.push("Critère socle non rempli : " + missingSocle.map((c) => labels[c]).join(", ")
      + ". Il est attendu de toute MSP signataire ; le simulateur ne lui attribue aucun point.");
  }
  if (rawUplift > p.precarity_cap.value) {
    warnings.push(`La majoration liée à la précarité est plafonnée à ${fmtNumber(p.precarity_cap.value * 100)}${NBSP}%.`);
  }
  const keep = blocked ? 0 : 1;
  const amountExact = (fixedTotal + variableTotal) * pointValue * keep;
  const amount = roundHalfUp(amountExact);
  const advance = roundHalfUp(amountExact * p.advance_rate.value);
  const byAxis = rules.axes.map((axis) => {
    const [f, v] = axisTotals[axis.id];
    return {
      id: axis.id, label: axis.label,
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
