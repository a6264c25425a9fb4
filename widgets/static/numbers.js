// @ts-check
// French numbers in the browser: reading what a learner typed, and writing
// figures the French way (« 1 200 », « 12,5 », « 73 500 € »).
import { message } from "./messages.js";


export const NBSP = "\u00a0";

export function isBlank(raw) {
  return raw === null || raw === undefined || raw === "" || typeof raw === "boolean";
}

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

// French plural of a word: « 1 niveau », « 2 niveaux », « 3 missions » (plural from 2). Words in -au,
// -eau, -eu take an x, words in -s, -x, -z do not change; ``pluralForm`` gives any other plural.
function pluralWord(n, word, pluralForm) {
  if (Math.abs(n) < 2) return word;
  if (pluralForm) return pluralForm;
  if (/[sxz]$/.test(word)) return word;
  if (/(au|eu)$/.test(word)) return `${word}x`;
  return `${word}s`;
}

// A count and its word: « 2 niveaux ».
export function plural(n, word, pluralForm) {
  return `${fmtNumber(n)}${NBSP}${pluralWord(n, word, pluralForm)}`;
}

export function fmtEuros(value, decimals = 0) {
  const opts = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return `${new Intl.NumberFormat("fr-FR", opts).format(value).replace(/\u202f/g, NBSP) + NBSP}€`;
}

// Read a bounded number typed by the learner; on a problem push a French
// message naming the field to ``errors`` and return null.
export function readNumber(raw, spec, field, errors) {
  const label = spec.short_label;
  const value = isBlank(raw) ? null : parseNumber(raw);
  if (value === null) {
    const example = spec.default !== undefined ? fmtNumber(spec.default) : "1";
    errors.push({ field, message: message("simulator.not_a_number", { label, example }) });
    return null;
  }
  if (spec.integer && !Number.isInteger(value)) {
    errors.push({ field, message: message("simulator.not_an_integer", { label }) });
    return null;
  }
  if (value < spec.min || value > spec.max) {
    errors.push({ field, message: message("simulator.out_of_range", { label, min: fmtNumber(spec.min), max: fmtNumber(spec.max), unit: spec.unit }) });
    return null;
  }
  return value;
}
