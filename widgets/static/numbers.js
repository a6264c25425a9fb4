// @ts-check
// French numbers in the browser: reading what a learner typed, and writing
// figures the French way (« 1 200 », « 12,5 », « 73 500 € »).
import { message } from "./messages.js";

export const NBSP = "\u00a0";

/**
 * True for what counts as no answer: null, undefined, "" or a boolean.
 * @param {unknown} raw
 * @returns {boolean}
 */
export function isBlank(raw) {
  return raw === null || raw === undefined || raw === "" || typeof raw === "boolean";
}

/**
 * The number a learner typed (« 1 200 », « 12,5 », « 56 % »), or null when it is not one.
 * @param {unknown} raw
 * @returns {number | null}
 */
export function parseNumber(raw) {
  if (typeof raw === "boolean" || raw === null || raw === undefined) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const text = raw
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".")
    .replace(/%+$/, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return parseFloat(text);
}

/**
 * Round half up (2.345 → 2.35 with 2 decimals), as the Python twins do.
 * @param {number} value
 * @param {number} [decimals]
 * @returns {number}
 */
export function roundHalfUp(value, decimals = 0) {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 0.5) / factor;
}

/** @type {Map<string, Intl.NumberFormat>} */
const FORMATS = new Map();

/**
 * The one French number format of the browser: « 1 200 », « 12,5 »; thousands grouped by
 * non-breaking spaces, a decimal comma, at most ``maxDecimals`` decimals (none for an integer) and at
 * least ``minDecimals``. The Python twin is ``pacte.course.fmt.decimal`` (and ``number`` for fixed decimals).
 * @param {number} value
 * @param {number} [maxDecimals]
 * @param {number} [minDecimals]
 * @returns {string}
 */
export function fmtNumber(value, maxDecimals = 2, minDecimals = 0) {
  const max = Number.isInteger(value) ? minDecimals : Math.max(maxDecimals, minDecimals);
  const key = `${minDecimals}/${max}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: minDecimals, maximumFractionDigits: max });
    FORMATS.set(key, format);
  }
  return format.format(value).replace(/[\u202f ]/g, NBSP);
}

/**
 * A percentage given in points, with exactly ``decimals`` decimals: « 56 % », « 12,5 % ».
 * @param {number} value
 * @param {number} [decimals]
 * @returns {string}
 */
export function fmtPercent(value, decimals = 0) {
  return `${fmtNumber(value, decimals, decimals)}${NBSP}%`;
}

/**
 * An amount in euros with exactly ``decimals`` decimals: « 73 500 € ».
 * @param {number} value
 * @param {number} [decimals]
 * @returns {string}
 */
export function fmtEuros(value, decimals = 0) {
  return `${fmtNumber(value, decimals, decimals)}${NBSP}€`;
}

// French plural of a word: « 1 niveau », « 2 niveaux », « 3 missions » (plural from 2). Words in -au,
// -eau, -eu take an x, words in -s, -x, -z do not change; ``pluralForm`` gives any other plural.
/**
 * @param {number} n
 * @param {string} word
 * @param {string} [pluralForm]
 */
function pluralWord(n, word, pluralForm) {
  if (Math.abs(n) < 2) return word;
  if (pluralForm) return pluralForm;
  if (/[sxz]$/.test(word)) return word;
  if (/(au|eu)$/.test(word)) return `${word}x`;
  return `${word}s`;
}

/**
 * A count and its word: « 2 niveaux », « 1 200 réponses ».
 * @param {number} n
 * @param {string} word
 * @param {string} [pluralForm]
 * @returns {string}
 */
export function plural(n, word, pluralForm) {
  return `${fmtNumber(n)}${NBSP}${pluralWord(n, word, pluralForm)}`;
}

// Read a bounded number typed by the learner; on a problem push a French
// message naming the field to ``errors`` and return null.
/**
 * @param {unknown} raw
 * @param {{ short_label: string, default?: number, integer?: boolean, min: number, max: number, unit?: string }} spec
 * @param {string} field
 * @param {{ field: string, message: string }[]} errors
 * @returns {number | null}
 */
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
    errors.push({
      field,
      message: message("simulator.out_of_range", {
        label,
        min: fmtNumber(spec.min),
        max: fmtNumber(spec.max),
        unit: spec.unit,
      }),
    });
    return null;
  }
  return value;
}
