// CPTS funding by size band, pure logic: the JavaScript twin of cpts_result()
// in widgets/simulators.py (tests/test_financement_parity.py checks both agree).

export const NBSP = "\u00a0";
const POPULATION_SPEC = { short_label: "Population", unit: "habitants", integer: true };

export function parseNumber(raw) {
  if (typeof raw === "boolean" || raw === null || raw === undefined) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const text = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".").replace(/%+$/, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return parseFloat(text);
}

export function roundHalfUp(value, decimals = 0) {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 0.5) / factor;
}

export function fmtNumber(value, maxDecimals = 2) {
  const opts = Number.isInteger(value) ? { maximumFractionDigits: 0 } : { maximumFractionDigits: maxDecimals };
  return new Intl.NumberFormat("fr-FR", opts).format(value).replace(/\u202f/g, NBSP);
}

export function fmtEuros(value, decimals = 0) {
  const opts = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat("fr-FR", opts).format(value).replace(/\u202f/g, NBSP) + NBSP + "€";
}

function readNumber(raw, spec, field, errors) {
  const label = spec.short_label;
  const blank = raw === null || raw === undefined || raw === "" || typeof raw === "boolean";
  const value = blank ? null : parseNumber(raw);
  if (value === null) {
    const example = spec.default !== undefined ? fmtNumber(spec.default) : "1";
    errors.push({ field, message: `${label} : saisissez un nombre (par exemple ${example}).` });
    return null;
  }
  if (spec.integer && !Number.isInteger(value)) {
    errors.push({ field, message: `${label} : saisissez un nombre entier.` });
    return null;
  }
  if (value < spec.min || value > spec.max) {
    errors.push({ field, message: `${label} : la valeur doit être comprise entre ${fmtNumber(spec.min)} et ${fmtNumber(spec.max)}${NBSP}${spec.unit}.` });
    return null;
  }
  return value;
}

// Returns the band and amounts, or { ok: false, status: "error", errors: [{ field, message }] }.
export function computeCpts(rules, inputs) {
  const errors = [];
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
    return { ok: false, status: "error", errors: [{ field: "inputs", message: "Saisie illisible : les données du simulateur manquent." }] };
  }
  const spec = { ...rules.population, ...POPULATION_SPEC };
  const pop = readNumber(inputs.population, spec, "population", errors);
  if (errors.length) return { ok: false, status: "error", errors };
  const band = rules.bands.find((b) => pop >= b.min_population && (b.max_population === null || pop <= b.max_population));
  const before = band.fonctionnement_2019.value;
  const after = band.fonctionnement_avenant2.value;
  return {
    ok: true,
    status: "ok",
    population: pop,
    band: band.id,
    band_label: band.label,
    range_label: band.range_label,
    before,
    after,
    increase: after - before,
    rate: rules.increase.rate,
    per_inhabitant_before: roundHalfUp(before / pop, 2),
    per_inhabitant_after: roundHalfUp(after / pop, 2),
  };
}
