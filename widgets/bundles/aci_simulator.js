// GENERATED from widgets/static/aci_simulator.js by js/build-bundles.mjs (npm run bundles): do not edit.

// widgets/static/messages.js
var MESSAGES = {
  "quiz.unanswered": "Aucune réponse.",
  "quiz.single_only": "Choisissez une seule réponse.",
  "quiz.unreadable": "Réponse illisible.",
  "quiz.unknown_choice": "Réponse inconnue : {choices}.",
  "quiz.correct": "Bonne réponse.",
  "quiz.incorrect": "Ce n’est pas la bonne réponse.",
  "quiz.not_a_number": "Saisissez un nombre (par exemple 56 ou 12,5).",
  "quiz.out_of_range": "La valeur doit être comprise entre {lo} et {hi}.",
  "sorting.unknown_item": "Élément inconnu : « {item} ».",
  "sorting.unanswered": "Choisissez une catégorie avant de valider.",
  "sorting.unknown_category": "Catégorie inconnue : {answer} (choix possibles : {known}).",
  "sorting.correct": "Bien vu : « {label} ».",
  "sorting.incorrect": "Pas tout à fait : la réponse attendue est « {label} ».",
  "sorting.unreadable": "Réponses illisibles : un dictionnaire {élément: catégorie} est attendu.",
  "simulator.unreadable": "Saisie illisible : les données du simulateur manquent.",
  "sorting.score": "Score : {correct} / {total} ({answered} élément{s} classé{s}).",
  "sorting.item_error": "« {item} » : {message}",
  "simulator.not_a_number": "{label} : saisissez un nombre (par exemple {example}).",
  "simulator.not_an_integer": "{label} : saisissez un nombre entier.",
  "simulator.out_of_range": "{label} : la valeur doit être comprise entre {min} et {max} {unit}.",
  "aci.criteria_unreadable": "Critères : saisie illisible.",
  "aci.unknown_criterion": "Critère inconnu : {criterion}.",
  "aci.count_range": "{label} : indiquez un nombre entier entre 0 et {max}.",
  "aci.yes_no": "{label} : indiquez oui ou non.",
  "aci.unknown_variant": "Variante inconnue : {variant}.",
  "aci.points_unreadable": "Points : saisie illisible.",
  "aci.points_unknown_criterion": "Points : critère inconnu {criterion}.",
  "aci.points_locked": "{label} : ces points sont confirmés par les sources et ne sont pas modifiables.",
  "aci.criterion_unreadable": "{label} : saisie illisible.",
  "aci.points_unknown_kind": "{label} : type de points inconnu {kind}.",
  "aci.points_range": "{label} : {kind} doivent être un nombre entre 0 et {max}.",
  "aci.points_fixed": "les points fixes",
  "aci.points_variable": "les points variables",
  "aci.points_per_professional": "les points par professionnel",
  "aci.parameters_unreadable": "Paramètres : saisie illisible.",
  "aci.unknown_parameter": "Paramètre inconnu : {parameter}.",
  "aci.parameter_locked": "{label} : cette valeur est confirmée par les sources et n’est pas modifiable.",
  "aci.parameter_range": "{label} : saisissez un nombre entre 0 et {max}.",
  "aci.missing_prerequisite": "Prérequis non rempli : {criteria}. Sans ses prérequis, la MSP ne perçoit aucune rémunération au titre de l’ACI.",
  "aci.missing_socle": "Critère socle non rempli : {criteria}. Il est attendu de toute MSP signataire ; le simulateur ne lui attribue aucun point.",
  "aci.precarity_capped": "La majoration liée à la précarité est plafonnée à {cap} %.",
  "compare.unknown_structure": "Type de structure non prévu : choisissez MSP, centre de santé ou CPTS.",
  "compare.unknown_question": "Question inconnue : « {question} ».",
  "compare.not_asked": "Cette question n’a pas été posée aux {who}.",
  "compare.unreadable_multiple": "Réponse illisible : cochez une ou plusieurs réponses.",
  "compare.unreadable_single": "Réponse illisible : choisissez une réponse.",
  "compare.unanswered_multiple": "Cochez au moins une réponse avant de comparer.",
  "compare.unanswered_single": "Choisissez une réponse avant de comparer.",
  "compare.unknown_answer": "Réponse non prévue : « {answer} ». Réponses possibles : {allowed}.",
  "compare.duplicate": "Une même réponse est cochée deux fois.",
  "compare.exclusive": "« {label} » ne peut pas être coché avec une autre réponse."
};
function message(key, params = {}) {
  const text = (
    /** @type {Record<string, string>} */
    MESSAGES[key]
  );
  if (text === void 0) throw new Error(`unknown message key: ${key}`);
  return text.replace(/\{([a-z_]+)\}/g, (all, name) => name in params ? String(params[name]) : all);
}

// widgets/static/numbers.js
var NBSP = " ";
function isBlank(raw) {
  return raw === null || raw === void 0 || raw === "" || typeof raw === "boolean";
}
function parseNumber(raw) {
  if (typeof raw === "boolean" || raw === null || raw === void 0) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const text = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".").replace(/%+$/, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return parseFloat(text);
}
function roundHalfUp(value, decimals = 0) {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 0.5) / factor;
}
var FORMATS = /* @__PURE__ */ new Map();
function fmtNumber(value, maxDecimals = 2, minDecimals = 0) {
  const max = Number.isInteger(value) ? minDecimals : Math.max(maxDecimals, minDecimals);
  const key = `${minDecimals}/${max}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: minDecimals, maximumFractionDigits: max });
    FORMATS.set(key, format);
  }
  return format.format(value).replace(/[\u202f ]/g, NBSP);
}
function fmtEuros(value, decimals = 0) {
  return `${fmtNumber(value, decimals, decimals)}${NBSP}€`;
}
function pluralWord(n, word, pluralForm) {
  if (Math.abs(n) < 2) return word;
  if (pluralForm) return pluralForm;
  if (/[sxz]$/.test(word)) return word;
  if (/(au|eu)$/.test(word)) return `${word}x`;
  return `${word}s`;
}
function plural(n, word, pluralForm) {
  return `${fmtNumber(n)}${NBSP}${pluralWord(n, word, pluralForm)}`;
}
function readNumber(raw, spec, field, errors) {
  const label = spec.short_label;
  const value = isBlank(raw) ? null : parseNumber(raw);
  if (value === null) {
    const example = spec.default !== void 0 ? fmtNumber(spec.default) : "1";
    errors.push({ field, message: message("simulator.not_a_number", { label, example }) });
    return null;
  }
  if (spec.integer && !Number.isInteger(value)) {
    errors.push({ field, message: message("simulator.not_an_integer", { label }) });
    return null;
  }
  if (value < spec.min || value > spec.max) {
    errors.push({
      field,
      message: message("simulator.out_of_range", {
        label,
        min: fmtNumber(spec.min),
        max: fmtNumber(spec.max),
        unit: spec.unit
      })
    });
    return null;
  }
  return value;
}

// widgets/static/aci_logic.js
var MAX_OVERRIDE_POINTS = 1e5;
var MAX_COEFFICIENT = 10;
function quoted(label) {
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
          message: message("aci.count_range", { label: quoted(crit.label), max: fmtNumber(cmax) })
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
      per_professional: c.per_professional ? c.per_professional.points : 0
    };
  }
  if (variant === null || variant === void 0 || variant === "") return points;
  const found = (rules.variants || []).filter((v) => v.id === variant);
  if (!found.length) {
    errors.push({ field: "variant", message: message("aci.unknown_variant", { variant: quoted(String(variant)) }) });
  } else {
    for (const [cid, pts] of Object.entries(found[0].points)) Object.assign(points[cid], pts);
  }
  return points;
}
var POINT_KINDS = {
  fixed: "aci.points_fixed",
  variable: "aci.points_variable",
  per_professional: "aci.points_per_professional"
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
    if (!(key in POINT_KINDS) || key === "per_professional" && !crit.per_professional) {
      errors.push({
        field,
        message: message("aci.points_unknown_kind", { label: quoted(crit.label), kind: quoted(key) })
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
          max: fmtNumber(MAX_OVERRIDE_POINTS)
        })
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
    const param = Object.hasOwn(rules.parameters, key) ? rules.parameters[key] : void 0;
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
        message: message("aci.parameter_range", { label: quoted(param.label), max: fmtNumber(MAX_COEFFICIENT) })
      });
      continue;
    }
    coefficient = n;
  }
  return coefficient;
}
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
    errors
  );
  const points = basePoints(rules, inputs.variant, errors);
  overridePoints(rules, objectOrError(inputs.points, "points", "aci.points_unreadable", errors), points, errors);
  const coefficient = checkParameters(
    rules,
    objectOrError(inputs.parameters, "parameters", "aci.parameters_unreadable", errors),
    errors
  );
  if (errors.length) return [null, errors];
  return [{ ...values, units, points, coefficient }, []];
}
function computeAci(rules, inputs) {
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
      id: crit.id,
      label: crit.label,
      axis: crit.axis,
      level: crit.level,
      prerequisite: crit.prerequisite,
      indicatif: crit.indicatif,
      units: u,
      points_fixed: roundHalfUp(fixed, 2),
      points_variable: roundHalfUp(variable, 2),
      amount: roundHalfUp((fixed + variable) * pointValue)
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
      amount: roundHalfUp((f + v) * pointValue * keep)
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
    warnings
  };
}

// widgets/static/dom.js
var URL_RE = /(?:https?|ftp|mailto|file):\S+|www\.\S+|\b[\w.-]+@[\w-]+\.\w+/g;
var LETTER = "A-Za-zÀ-ÖØ-öø-ÿœŒ";
var SUPERSCRIPT = { e: "ᵉ", r: "ʳ", s: "ˢ" };
var RULES = [
  [/«[ \t\u202f]*(?=\S)/g, "« "],
  [/(?<=\S)[ \t\u202f]*»/g, " »"],
  [/[ \t]+:(?=\s|$|[»)\]"'’,.])/g, " :"],
  [/[ \t]+([;!?])/g, " $1"],
  [/(?<=\d)[ \t]+(?=(?:[kM]?€|%))/g, " "],
  [/(?<=\d) (?=\d{3}(?!\d))/g, " "],
  [
    /(?<=\d)[ \t]+(?=(?:min|h|ms|ans?|heures?|jours?|mois|semaines?|minutes?|secondes?|s|km|kg|Ko|Mo|Go|Kio|Mio|Gio|px)\b(?!['’-]))/g,
    " "
  ],
  [/\b1(er|re|ers|res)\b/g, (_, end) => `1${end.replace(/[ers]/g, (c) => SUPERSCRIPT[c])}`],
  [new RegExp(`(?<=[${LETTER}])'(?=[${LETTER}0-9*_«{\\[])`, "g"), "’"]
];
function fixPart(text) {
  return RULES.reduce((t, [re, by]) => t.replace(re, by), text);
}
function frenchText(text) {
  if (typeof text !== "string" || !text) return text;
  let out = "", last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += fixPart(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fixPart(text.slice(last));
}
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === void 0 || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === void 0) continue;
    node.append(typeof child === "string" ? document.createTextNode(frenchText(child)) : child);
  }
  return node;
}
function injectStyle(id, css) {
  if (typeof document === "undefined" || document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}

// widgets/static/host.js
function mirrorKernelResult(model, show) {
  const update = () => show(model.get("kernel_result") || {});
  model.on("change:kernel_result", update);
  update();
  return () => model.off("change:kernel_result", update);
}

// widgets/static/progress_logic.js
var RECORD_VERSION = 1;
var PREFIX = "pacte:v1:";
function recordKey(kind, ref) {
  return `${PREFIX}${kind}:${ref}`;
}
function pageKey(pathname) {
  let path = String(pathname || "").split(/[?#]/)[0];
  try {
    path = decodeURIComponent(path);
  } catch {
  }
  const m = /^.*?(?:^|\/)(modules\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path) || /^.*(?:^|\/)(book\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path);
  if (m) return m[1];
  if (/(?:^|\/)(index\.html)?$/.test(path)) return "book/intro";
  return path.replace(/^\/+/, "").replace(/\.(html|ipynb)$/, "");
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value === void 0 ? null : value);
}
function hashString(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
function fingerprint(definition) {
  return hashString(canonical(definition ?? null));
}
function isEmptyValue(v) {
  if (v === null || v === void 0 || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.values(v).every(isEmptyValue);
  return false;
}
function isEmptyAnswers(answers) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return true;
  return Object.values(answers).every(isEmptyValue);
}
function migrateAnswers(answers, shape) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { answers: {}, dropped: 0 };
  if (!shape) return { answers: { ...answers }, dropped: 0 };
  const out = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(answers)) {
    if (!Object.hasOwn(shape, key)) {
      dropped += 1;
      continue;
    }
    const allowed = shape[key];
    if (!allowed) {
      out[key] = value;
      continue;
    }
    if (Array.isArray(value) ? value.every((x) => allowed.includes(x)) : allowed.includes(value)) {
      out[key] = value;
    } else {
      dropped += 1;
    }
  }
  return { answers: out, dropped };
}
function isRecord(rec) {
  return !!rec && typeof rec === "object" && !Array.isArray(rec) && rec.v === RECORD_VERSION && typeof rec.kind === "string" && /^[a-z_]+$/.test(rec.kind) && typeof rec.ref === "string" && typeof rec.updated === "string" && !Number.isNaN(Date.parse(rec.updated)) && !!rec.answers && typeof rec.answers === "object" && !Array.isArray(rec.answers) && (rec.summary === void 0 || typeof rec.summary === "object" && rec.summary !== null);
}
function parseRecord(text) {
  if (!text) return null;
  try {
    const rec = JSON.parse(text);
    return isRecord(rec) ? rec : null;
  } catch {
    return null;
  }
}
function restoreAnswers(rec, print, shape) {
  if (!rec) return { answers: {}, dropped: 0, changed: false };
  const { answers, dropped } = migrateAnswers(rec.answers, shape);
  return { answers, dropped, changed: rec.fingerprint !== print };
}
function makeRecord(o) {
  const rec = {
    v: RECORD_VERSION,
    kind: o.kind,
    ref: o.ref,
    page: o.page,
    title: o.title || "",
    fingerprint: o.fingerprint,
    answers: o.answers,
    summary: o.summary || {},
    updated: o.now
  };
  if (o.dropped) rec.dropped = o.dropped;
  return rec;
}

// widgets/static/progress.js
var lmsStore = null;
function progressStorage() {
  if (lmsStore) return lmsStore;
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
function currentPage() {
  const lab = jupyterLabConfig();
  if (lab && lab.treePath) return pageKey(lab.treePath);
  return pageKey(globalThis.location ? globalThis.location.pathname : "");
}
function notifyProgress() {
  if (typeof document !== "undefined") document.dispatchEvent(new CustomEvent("pacte:progress"));
}
function safeSummary(summarize, answers) {
  if (!summarize) return {};
  try {
    return summarize(answers) || {};
  } catch {
    return {};
  }
}
function remember(model, options) {
  const {
    kind,
    ref,
    title = "",
    shape = null,
    definition = null,
    trait = "answers",
    summarize = null,
    migrate = null,
    overDefaults = false
  } = options;
  const page = currentPage();
  const key = recordKey(kind, `${ref}@${page}`);
  const print = fingerprint(shape || definition);
  const store = progressStorage();
  const handle = {
    key,
    restored: false,
    dropped: 0,
    forget: () => {
      if (store) store.removeItem(key);
      notifyProgress();
    }
  };
  if (!store) return handle;
  let droppedTotal = 0;
  const save = () => {
    try {
      const answers = model.get(trait) || {};
      if (isEmptyAnswers(answers)) {
        store.removeItem(key);
      } else {
        const rec = makeRecord({
          kind,
          ref: `${ref}@${page}`,
          page,
          title,
          fingerprint: print,
          answers,
          summary: safeSummary(summarize, answers),
          now: (/* @__PURE__ */ new Date()).toISOString(),
          dropped: droppedTotal
        });
        store.setItem(key, JSON.stringify(rec));
      }
      notifyProgress();
    } catch (err) {
      console.warn("pacte progress: not saved", err);
    }
  };
  try {
    const stored = parseRecord(store.getItem(key));
    if (stored) {
      let { answers, dropped, changed } = restoreAnswers(stored, print, shape);
      if (migrate) {
        const m = migrate(answers);
        answers = m.answers;
        dropped += m.dropped;
      }
      handle.dropped = dropped;
      droppedTotal = dropped + (Number.isInteger(stored.dropped) ? stored.dropped : 0);
      if (!isEmptyAnswers(answers) && (overDefaults || isEmptyAnswers(model.get(trait)))) {
        model.set(trait, answers);
        model.save_changes();
        handle.restored = true;
      }
      if (changed || dropped) save();
    }
  } catch (err) {
    console.warn("pacte progress: stored answers ignored", err);
  }
  model.on(`change:${trait}`, save);
  return handle;
}
function jupyterLabConfig() {
  const el = typeof document === "undefined" ? null : document.getElementById("jupyter-config-data");
  if (!el) return null;
  try {
    const config = JSON.parse(el.textContent || "{}");
    return config.appName === "JupyterLab" ? config : null;
  } catch {
    return null;
  }
}

// widgets/static/aci_simulator.js
var ACI_STYLE_ID = "pacte-aci-style";
var ACI_CSS = `
.pacte-sim { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-sim h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-sim fieldset { border: 1px solid #dde3ea; border-radius: 6px; margin: .75rem 0; padding: .5rem .9rem .75rem; background: #fff; }
.pacte-sim legend { font-weight: 600; padding: 0 .3rem; }
.pacte-sim-field { display: grid; grid-template-columns: minmax(12rem, 22rem) 9rem auto; gap: .3rem .6rem; align-items: center; margin: .35rem 0; }
.pacte-sim-field input, .pacte-sim select, .pacte-sim-points input { font: inherit; padding: .2rem .4rem; border: 1px solid #687887; border-radius: 4px; }
.pacte-sim-field input[aria-invalid="true"], .pacte-sim-points input[aria-invalid="true"] { border: 2px solid #c62828; }
.pacte-sim input:focus-visible, .pacte-sim select:focus-visible, .pacte-sim summary:focus-visible, .pacte-sim button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-sim-unit { color: #4a5560; font-size: .9rem; }
.pacte-sim-field-error { grid-column: 1 / -1; color: #b71c1c; margin: 0; font-size: .9rem; }
.pacte-sim-field-error:empty { display: none; }
.pacte-sim-crit { display: flex; flex-wrap: wrap; gap: .3rem .5rem; align-items: baseline; padding: .3rem 0; border-top: 1px dashed #e3e8ee; }
.pacte-sim-crit:first-of-type { border-top: none; }
.pacte-sim-crit label { flex: 1 1 16rem; }
.pacte-sim-pts { font-size: .85rem; color: #4a5560; flex: 1 1 100%; margin-left: 1.6rem; }
.pacte-sim-badge { display: inline-block; font-size: .75rem; border-radius: 3px; padding: 0 .35rem; margin-left: .25rem; border: 1px solid #687887; color: #33414e; background: #eef2f6; }
.pacte-sim-badge.pacte-prereq { border-color: #1f5f8b; color: #1f5f8b; background: #e6f0f7; }
.pacte-sim-badge.pacte-indicatif { border-color: #b35c00; color: #7a3f00; background: #fff3e0; font-style: italic; }
.pacte-sim details { margin: .75rem 0; }
.pacte-sim summary { cursor: pointer; font-weight: 600; }
.pacte-sim-points { display: grid; grid-template-columns: minmax(12rem, 1fr) repeat(3, 8.5rem); gap: .3rem .5rem; align-items: center; font-size: .9rem; margin-top: .5rem; }
.pacte-sim-points input { width: 7rem; }
.pacte-sim-points .pacte-sim-head { font-weight: 600; }
.pacte-sim-summary { position: sticky; bottom: 0; z-index: 2; background: #f8fafc; border-top: 2px solid #1f5f8b; margin-top: 1rem; padding: .4rem 0; }
.pacte-sim-result { padding-top: .25rem; }
.pacte-sim-amount { font-size: 1.35rem; margin: .2rem 0; }
.pacte-sim-amount strong { color: #1f5f8b; }
.pacte-sim-warn { border-left: 4px solid #b35c00; background: #fff8ef; padding: .4rem .7rem; margin: .5rem 0; list-style: none; }
.pacte-sim-warn li { margin: .2rem 0; }
.pacte-sim-errors { border-left: 4px solid #c62828; background: #fdecea; padding: .4rem .7rem; margin: .5rem 0; }
.pacte-sim-errors:empty, .pacte-sim-warn:empty { display: none; }
.pacte-sim-note { font-size: .85rem; color: #4a5560; }
.pacte-sim-kernel { font-size: .85rem; color: #2e7d32; }
.pacte-sim-kernel:empty { display: none; }
.pacte-sim svg { width: 100%; height: auto; max-width: 720px; }
.pacte-sim button { font: inherit; padding: .3rem .8rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #fff; color: #1f5f8b; cursor: pointer; margin-top: .5rem; }
@media (max-width: 640px) { .pacte-sim-field { grid-template-columns: 1fr 8rem; } .pacte-sim-points { grid-template-columns: 1fr 1fr; } }
`;
var SVG_NS = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== void 0) node.textContent = text;
  return node;
}
function uid(prefix) {
  return `${prefix}-${Math.random().toString(36).slice(2, 9)}`;
}
function pointsText(crit) {
  const parts = [];
  const per = crit.count ? ` par ${crit.count.unit} (${crit.count.max} au plus)` : "";
  if (crit.fixed_points) parts.push(`${fmtNumber(crit.fixed_points)} points fixes${per}`);
  if (crit.variable_points) parts.push(`${fmtNumber(crit.variable_points)} points variables${per}`);
  if (crit.per_professional) {
    const pp = crit.per_professional;
    parts.push(
      `${fmtNumber(pp.points)} points par professionnel associé jusqu’à ${pp.up_to}, ${fmtNumber(pp.points_beyond)} au-delà`
    );
  }
  return parts.join(" + ");
}
function drawChart(figure, result, rules) {
  figure.replaceChildren();
  if (!result.ok) return;
  const rows = result.by_axis;
  const avail = Math.floor(figure.clientWidth || 720);
  const narrow = avail < 560;
  const width = narrow ? Math.max(280, avail) : 720;
  const left = narrow ? 4 : 250, right = narrow ? 100 : 110, rowH = narrow ? 50 : 34, top = narrow ? 48 : 30;
  const height = top + rows.length * rowH + 10;
  const max = Math.max(1, ...rows.map((r) => r.amount));
  const scale = (width - left - right) / max;
  const titleId = uid("aci-chart-title");
  const descId = uid("aci-chart-desc");
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`
  });
  root.append(svg("title", { id: titleId }, "Répartition du montant estimé par axe de l’accord"));
  const desc = rows.map(
    (r) => `${r.label} : ${fmtEuros(r.amount)} (part fixe ${fmtEuros(r.amount_fixed)}, part variable ${fmtEuros(r.amount_variable)})`
  ).join(" ; ");
  root.append(svg("desc", { id: descId }, `${desc}.`));
  const legend = svg("g", { transform: `translate(${narrow ? 4 : left},8)`, "aria-hidden": "true" });
  legend.append(svg("rect", { x: 0, y: 0, width: 14, height: 14, fill: "#1f5f8b" }));
  legend.append(svg("text", { x: 20, y: 12, "font-size": 13, fill: "#1b2631" }, "Part fixe"));
  const lx = narrow ? 0 : 110, ly = narrow ? 20 : 0;
  legend.append(svg("rect", { x: lx, y: ly, width: 14, height: 14, fill: "#c25e1f" }));
  legend.append(
    svg("text", { x: lx + 20, y: ly + 12, "font-size": 13, fill: "#1b2631" }, "Part variable (selon la patientèle)")
  );
  root.append(legend);
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const g = svg("g", { "aria-hidden": "true", "data-axis": r.id });
    g.append(
      narrow ? svg("text", { x: left, y: y + 12, "font-size": 13, fill: "#1b2631" }, r.label) : svg("text", { x: left - 8, y: y + 18, "text-anchor": "end", "font-size": 13, fill: "#1b2631" }, r.label)
    );
    const wf = r.amount_fixed * scale;
    const wv = r.amount_variable * scale;
    const by = narrow ? y + 18 : y + 4, bh = narrow ? 22 : rowH - 12;
    g.append(svg("rect", { x: left, y: by, width: wf.toFixed(1), height: bh, fill: "#1f5f8b" }));
    g.append(svg("rect", { x: (left + wf).toFixed(1), y: by, width: wv.toFixed(1), height: bh, fill: "#c25e1f" }));
    g.append(
      svg(
        "text",
        { x: (left + wf + wv + 6).toFixed(1), y: by + 15, "font-size": 13, fill: "#1b2631" },
        fmtEuros(r.amount)
      )
    );
    root.append(g);
  });
  figure.append(
    root,
    h(
      "figcaption",
      { class: "pacte-sim-note" },
      `Répartition par axe. Valeur du point : ${fmtNumber(rules.parameters.point_value.value)}${NBSP}€.`
    )
  );
}
function render({ model, el: host }) {
  injectStyle(ACI_STYLE_ID, ACI_CSS);
  const rules = model.get("rules");
  const citations = model.get("citations") || {};
  const base = uid("aci");
  remember(model, {
    kind: "simulator",
    ref: "aci-msp",
    trait: "inputs",
    overDefaults: true,
    title: "Simulateur de la rémunération ACI d’une MSP",
    summarize: (i) => {
      const r = computeAci(rules, i);
      return { complete: true, label: r.ok ? `montant estimé : ${fmtEuros(r.amount)}` : "saisie à corriger" };
    }
  });
  const start = model.get("inputs") || {};
  const state = {
    patientele: start.patientele ?? rules.inputs.patientele.default,
    professionals: start.professionals ?? rules.inputs.professionals.default,
    precarity_share: start.precarity_share ?? rules.inputs.precarity_share.default,
    criteria: { ...start.criteria || {} }
  };
  const root = h("section", { class: "pacte-sim pacte-aci", "aria-labelledby": `${base}-title`, "data-status": "" });
  root.append(h("h3", { id: `${base}-title` }, "Simulateur : la rémunération ACI d’une MSP"));
  root.append(
    h(
      "p",
      {},
      "Décrivez la MSP et cochez les critères qu’elle remplit : le montant annuel se recalcule à chaque modification. ",
      "Les valeurs marquées ",
      h("span", { class: "pacte-sim-badge pacte-indicatif" }, "indicatif"),
      " ne sont pas confirmées par les sources du cours : vous pouvez les ajuster plus bas."
    )
  );
  const form = h("form", { novalidate: true, "aria-describedby": `${base}-title` });
  form.addEventListener("submit", (e) => e.preventDefault());
  const numInputs = {};
  const fieldErrors = {};
  const mspSet = h("fieldset", {}, h("legend", {}, "Votre MSP"));
  for (const name of ["patientele", "professionals", "precarity_share"]) {
    const spec = rules.inputs[name];
    const id = `${base}-${name}`;
    const err = h("p", { id: `${id}-err`, class: "pacte-sim-field-error" });
    const input = h("input", {
      id,
      name,
      type: "text",
      inputmode: spec.integer ? "numeric" : "decimal",
      autocomplete: "off",
      value: String(state[name]),
      "aria-describedby": `${id}-unit ${id}-err`,
      "data-field": name,
      size: "8"
    });
    numInputs[name] = input;
    fieldErrors[name] = err;
    mspSet.append(
      h(
        "div",
        { class: "pacte-sim-field" },
        h("label", { for: id }, spec.label),
        input,
        h(
          "span",
          { id: `${id}-unit`, class: "pacte-sim-unit" },
          `${spec.unit} (de ${fmtNumber(spec.min)} à ${fmtNumber(spec.max)})`
        ),
        err
      )
    );
  }
  form.append(mspSet);
  const critInputs = {};
  for (const axis of rules.axes) {
    const set = h("fieldset", {}, h("legend", {}, `Axe « ${axis.label} »`));
    for (const crit of rules.criteria.filter((c) => c.axis === axis.id)) {
      const id = `${base}-crit-${crit.id}`;
      const badges = [
        h("span", { class: "pacte-sim-badge" }, crit.level === "socle" ? "socle" : "optionnel"),
        crit.prerequisite ? h("span", { class: "pacte-sim-badge pacte-prereq" }, "prérequis") : null,
        crit.indicatif ? h(
          "span",
          { class: "pacte-sim-badge pacte-indicatif", title: "Points non confirmés par les sources du cours" },
          "indicatif"
        ) : null
      ];
      const pts = h("span", { class: "pacte-sim-pts", id: `${id}-pts` }, pointsText(crit));
      let input;
      if (crit.count) {
        input = h("select", { id, "aria-describedby": `${id}-pts`, "data-criterion": crit.id });
        for (let n = 0; n <= crit.count.max; n += 1) {
          input.append(h("option", { value: String(n) }, plural(n, crit.count.unit)));
        }
        input.value = String(state.criteria[crit.id] ?? crit.default);
        set.append(h("div", { class: "pacte-sim-crit" }, h("label", { for: id }, crit.label, ...badges), input, pts));
      } else {
        input = h("input", { id, type: "checkbox", "aria-describedby": `${id}-pts`, "data-criterion": crit.id });
        input.checked = Boolean(state.criteria[crit.id] ?? crit.default);
        set.append(h("div", { class: "pacte-sim-crit" }, input, h("label", { for: id }, crit.label, ...badges), pts));
      }
      critInputs[crit.id] = input;
    }
    form.append(set);
  }
  const overrideInputs = [];
  const details = h("details", {}, h("summary", {}, "Ajuster les valeurs indicatives"));
  details.append(
    h(
      "p",
      { class: "pacte-sim-note" },
      "Ces valeurs ne sont pas confirmées par les sources du cours. Remplacez-les par celles du texte de l’accord en vigueur si vous les connaissez."
    )
  );
  const grid = h(
    "div",
    { class: "pacte-sim-points", role: "group", "aria-label": "Points indicatifs par critère" },
    h("span", { class: "pacte-sim-head" }, "Critère"),
    h("span", { class: "pacte-sim-head" }, "Points fixes"),
    h("span", { class: "pacte-sim-head" }, "Points variables"),
    h("span", { class: "pacte-sim-head" }, "Par professionnel")
  );
  for (const crit of rules.criteria.filter((c) => c.indicatif)) {
    const cells = [h("span", { id: `${base}-ov-${crit.id}` }, crit.label)];
    for (const [key, value, word] of [
      ["fixed", crit.fixed_points, "points fixes"],
      ["variable", crit.variable_points, "points variables"],
      ["per_professional", crit.per_professional ? crit.per_professional.points : null, "points par professionnel"]
    ]) {
      if (value === null) {
        cells.push(h("span", {}, ""));
        continue;
      }
      const input = h("input", {
        type: "text",
        inputmode: "decimal",
        size: "6",
        value: String(value),
        "data-default": String(value),
        "aria-label": `${crit.label} : ${word} (indicatif)`,
        "data-override": `${crit.id}.${key}`
      });
      overrideInputs.push({ input, cid: crit.id, key, def: String(value) });
      cells.push(input);
    }
    grid.append(...cells);
  }
  const coef = rules.parameters.precarity_coefficient;
  if (coef.indicatif) {
    const input = h("input", {
      type: "text",
      inputmode: "decimal",
      size: "6",
      value: String(coef.value),
      "data-default": String(coef.value),
      "aria-label": `${coef.label} (indicatif)`,
      "data-parameter": "precarity_coefficient"
    });
    overrideInputs.push({ input, param: "precarity_coefficient", def: String(coef.value) });
    grid.append(h("span", {}, coef.label), input, h("span", {}, ""), h("span", {}, ""));
  }
  for (const o of overrideInputs) {
    const v = o.param ? start.parameters?.[o.param] : start.points?.[o.cid]?.[o.key];
    if (v !== void 0 && v !== null) o.input.value = String(v);
  }
  details.append(grid);
  const reset = h("button", { type: "button" }, "Revenir aux valeurs indicatives par défaut");
  details.append(reset);
  form.append(details);
  root.append(form);
  const result = h("div", { class: "pacte-sim-result" });
  const amountLine = h("p", { class: "pacte-sim-amount" });
  const splitLine = h("p", {});
  const advanceLine = h("p", {});
  const errorsBox = h("div", { class: "pacte-sim-errors" });
  const warnBox = h("ul", { class: "pacte-sim-warn" });
  const indicLine = h("p", { class: "pacte-sim-note" });
  const kernelLine = h("p", { class: "pacte-sim-kernel" });
  const figure = h("figure", { class: "pacte-sim-chart" });
  const summary = h("div", { class: "pacte-sim-summary" }, amountLine);
  const announce = h("p", { class: "pacte-sr-only", role: "status", "data-role": "announce" });
  result.append(errorsBox, warnBox, splitLine, advanceLine, indicLine, kernelLine);
  root.append(summary, announce, result, figure);
  const keys = [
    .../* @__PURE__ */ new Set([
      rules.parameters.point_value.source,
      rules.parameters.advance_rate.source,
      ...rules.criteria.map((c) => c.source),
      rules.inputs.patientele.source
    ])
  ];
  root.append(
    h(
      "p",
      { class: "pacte-sim-note" },
      "Sources : " + keys.map((k) => citations[k] || k).join(" ; ") + ". Les points de chaque critère, sauf ceux de la fonction de coordination, sont des valeurs indicatives du cours."
    )
  );
  function collect() {
    for (const name of Object.keys(numInputs)) state[name] = numInputs[name].value;
    for (const [cid, input] of Object.entries(critInputs)) {
      state.criteria[cid] = input.tagName === "SELECT" ? Number(input.value) : input.checked;
    }
    const points = {};
    const parameters = {};
    for (const o of overrideInputs) {
      const v = o.input.value.trim();
      if (v === o.def) continue;
      if (o.param) parameters[o.param] = v;
      else {
        points[o.cid] ||= {};
        points[o.cid][o.key] = v;
      }
    }
    const inputs = { ...state, criteria: { ...state.criteria } };
    if (Object.keys(points).length) inputs.points = points;
    if (Object.keys(parameters).length) inputs.parameters = parameters;
    return inputs;
  }
  function show(r) {
    for (const name of Object.keys(numInputs)) {
      numInputs[name].removeAttribute("aria-invalid");
      fieldErrors[name].textContent = "";
    }
    for (const o of overrideInputs) o.input.removeAttribute("aria-invalid");
    errorsBox.replaceChildren();
    warnBox.replaceChildren();
    root.dataset.status = r.status;
    if (!r.ok) {
      root.dataset.amount = "";
      amountLine.replaceChildren("Montant annuel estimé : ", h("strong", {}, "—"));
      splitLine.textContent = "";
      advanceLine.textContent = "";
      indicLine.textContent = "";
      errorsBox.append(
        h("p", {}, h("strong", {}, "Calcul impossible : corrigez la saisie.")),
        h(
          "ul",
          {},
          r.errors.map((e) => h("li", {}, e.message))
        )
      );
      for (const e of r.errors) {
        if (numInputs[e.field]) {
          numInputs[e.field].setAttribute("aria-invalid", "true");
          fieldErrors[e.field].textContent = e.message;
        }
        for (const o of overrideInputs) {
          const f = o.param ? `parameters.${o.param}` : `points.${o.cid}.${o.key}`;
          if (f === e.field) o.input.setAttribute("aria-invalid", "true");
        }
      }
      drawChart(figure, r, rules);
      return;
    }
    root.dataset.amount = String(r.amount);
    amountLine.replaceChildren(
      "Montant annuel estimé : ",
      h("strong", { "data-role": "amount" }, fmtEuros(r.amount))
    );
    splitLine.textContent = `Part fixe : ${fmtEuros(r.amount_fixed)} ; part variable : ${fmtEuros(r.amount_variable)} (${fmtNumber(r.points_total)} points au total ; patientèle de ${fmtNumber(parseNumber(state.patientele))} patients, soit ${fmtNumber(r.patientele_factor)} fois la patientèle de référence ; majoration précarité : ${fmtNumber(r.uplift * 100)}${NBSP}%).`;
    const rate = rules.parameters.advance_rate.value;
    advanceLine.textContent = `Avance versée en cours d’année (${fmtNumber(rate * 100)}${NBSP}%) : ${fmtEuros(r.advance)} ; solde versé après la fin de l’année : ${fmtEuros(r.balance)}.`;
    for (const w of r.warnings) warnBox.append(h("li", {}, w));
    if (r.status === "blocked") {
      warnBox.append(
        h("li", {}, `Si les prérequis étaient remplis, l’estimation serait de ${fmtEuros(r.potential_amount)}.`)
      );
    }
    indicLine.textContent = r.indicatif ? "Estimation indicative : elle repose sur des points par critère que les sources du cours ne confirment pas." : "";
    drawChart(figure, r, rules);
  }
  function update() {
    const inputs = collect();
    const r = computeAci(rules, inputs);
    show(r);
    kernelLine.textContent = "";
    model.set("inputs", inputs);
    model.save_changes();
    root.dispatchEvent(new CustomEvent("pacte:aci", { bubbles: true, detail: r }));
  }
  let announceTimer = null;
  let announced = "";
  const sayResult = () => {
    const r = computeAci(rules, collect());
    const text = r.ok ? `Montant annuel estimé : ${fmtEuros(r.amount)}.${r.warnings.length ? ` ${r.warnings.length} avertissement${r.warnings.length > 1 ? "s" : ""} sous le résultat.` : ""}` : `Calcul impossible : ${r.errors.length} erreur${r.errors.length > 1 ? "s" : ""} de saisie. ${r.errors[0].message}`;
    if (text !== announced) announce.textContent = announced = text;
  };
  form.addEventListener("input", () => {
    update();
    clearTimeout(announceTimer);
    announceTimer = setTimeout(sayResult, 900);
  });
  let lastWide = null;
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => {
      const narrow = (figure.clientWidth || 720) < 560;
      if (narrow !== lastWide) {
        lastWide = narrow;
        drawChart(figure, computeAci(rules, collect()), rules);
      }
    }).observe(figure);
  }
  reset.addEventListener("click", () => {
    for (const o of overrideInputs) o.input.value = o.def;
    update();
  });
  const showKernel = (kr) => {
    if (!kr || kr.ok === void 0) return;
    root.dataset.kernelStatus = kr.status;
    root.dataset.kernelAmount = kr.ok ? String(kr.amount) : "";
    kernelLine.textContent = kr.ok ? `Montant recalculé par le noyau Python : ${fmtEuros(kr.amount)}.` : `Le noyau Python a refusé la saisie : ${kr.errors.map((e) => e.message).join(" ")}`;
  };
  show(computeAci(rules, collect()));
  const stopKernel = mirrorKernelResult(model, showKernel);
  host.replaceChildren(root);
  return stopKernel;
}
var aci_simulator_default = { render };
export {
  aci_simulator_default as default
};
