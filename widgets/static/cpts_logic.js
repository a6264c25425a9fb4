// @ts-check
// CPTS funding by size band, pure logic: the JavaScript twin of cpts_result()
// in widgets/financement/ (tests/test_financement_parity.py checks both agree).

const POPULATION_SPEC = { short_label: "Population", unit: "habitants", integer: true };

import { message } from "./messages.js";
// Returns the band and amounts, or { ok: false, status: "error", errors: [{ field, message }] }.
import { readNumber, roundHalfUp } from "./numbers.js";
export function computeCpts(rules, inputs) {
  const errors = [];
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
    return { ok: false, status: "error", errors: [{ field: "inputs", message: message("simulator.unreadable") }] };
  }
  const spec = { ...rules.population, ...POPULATION_SPEC };
  const pop = readNumber(inputs.population, spec, "population", errors);
  if (errors.length) return { ok: false, status: "error", errors };
  const band = rules.bands.find(
    (b) => pop >= b.min_population && (b.max_population === null || pop <= b.max_population),
  );
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
