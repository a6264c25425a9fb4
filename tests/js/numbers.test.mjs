// Unit tests of widgets/static/numbers.js, the browser's one French number format (node --test;
// tests/test_french_numbers.py checks the same texts against pacte.course.fmt).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  fmtEuros,
  fmtNumber,
  fmtPercent,
  isBlank,
  NBSP,
  parseNumber,
  plural,
  readNumber,
  roundHalfUp,
} from "../../widgets/static/numbers.js";

test("fmtNumber: no-break spaces between thousands, a decimal comma, at most N decimals", () => {
  assert.equal(fmtNumber(1234567.891), `1${NBSP}234${NBSP}567,89`);
  assert.equal(fmtNumber(12.5, 0), "13");
  assert.equal(fmtNumber(3, 2), "3");
  assert.equal(fmtNumber(3, 2, 2), "3,00");
  assert.doesNotMatch(fmtNumber(1e9), /[\u202f ]/);
});

test("fmtPercent and fmtEuros: fixed decimals and a no-break space before the sign", () => {
  assert.equal(fmtPercent(12.345, 1), `12,3${NBSP}%`);
  assert.equal(fmtPercent(56), `56${NBSP}%`);
  assert.equal(fmtEuros(73500), `73${NBSP}500${NBSP}€`);
  assert.equal(fmtEuros(2.5, 2), `2,50${NBSP}€`);
});

test("parseNumber reads what a learner types, or null", () => {
  assert.equal(parseNumber("1 200"), 1200);
  assert.equal(parseNumber(`12,5${NBSP}%`), 12.5);
  assert.equal(parseNumber("-.5"), -0.5);
  for (const bad of ["", "abc", "1,2,3", true, null, undefined, Number.NaN, {}]) assert.equal(parseNumber(bad), null);
});

test("isBlank and roundHalfUp", () => {
  assert.deepEqual([null, undefined, "", false, 0, "0"].map(isBlank), [true, true, true, true, false, false]);
  assert.equal(roundHalfUp(2.345, 2), 2.35);
  assert.equal(roundHalfUp(-2.5), -2);
});

test("plural: French plural from 2, -au and -eu take an x", () => {
  assert.equal(plural(1, "niveau"), `1${NBSP}niveau`);
  assert.equal(plural(2, "niveau"), `2${NBSP}niveaux`);
  assert.equal(plural(1.5, "heure"), `1,5${NBSP}heure`);
  assert.equal(plural(1200, "réponse"), `1${NBSP}200${NBSP}réponses`);
  assert.equal(plural(3, "choix"), `3${NBSP}choix`);
  assert.equal(plural(2, "œil", "yeux"), `2${NBSP}yeux`);
});

test("readNumber: a bounded number, or a French message naming the field", () => {
  const spec = { short_label: "Patientèle", default: 4000, integer: true, min: 0, max: 100000, unit: "patients" };
  const errors = [];
  assert.equal(readNumber("4 000", spec, "patientele", errors), 4000);
  assert.equal(readNumber("abc", spec, "patientele", errors), null);
  assert.equal(readNumber("2,5", spec, "patientele", errors), null);
  assert.equal(readNumber("200000", spec, "patientele", errors), null);
  assert.deepEqual(
    errors.map((e) => e.field),
    ["patientele", "patientele", "patientele"],
  );
  assert.match(errors[0].message, new RegExp(`4${NBSP}000`));
});
