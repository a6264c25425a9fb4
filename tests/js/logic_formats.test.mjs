// The widgets' logic modules write their figures through numbers.js (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatNumber, formatPercent } from "../../pacte/live/dashboard/dashboard_logic.js";
import { frenchDecimal, round2 } from "../../widgets/static/diagnosis_logic.js";
import { formatNumber as quizNumber } from "../../widgets/static/quiz_logic.js";
import { frenchNumber, shareOf } from "../../widgets/static/week_logic.js";

const NBSP = "\u00a0";

test("diagnosis and week: at most two decimals, rounded half up", () => {
  assert.deepEqual([2.5, 3, 2.345, 1.004].map(frenchDecimal), ["2,5", "3", "2,35", "1"]);
  assert.deepEqual([2.5, 3, 2.345, 1234.5].map(frenchNumber), ["2,5", "3", "2,35", `1${NBSP}234,5`]);
  assert.equal(round2(2.345), 2.35);
});

test("week: a share in percent, one decimal, rounded half up; 0 of nothing", () => {
  assert.equal(shareOf(1, 3), 33.3);
  assert.equal(shareOf(2, 3), 66.7);
  assert.equal(shareOf(5, 0), 0);
});

test("quiz: ten decimals at most, and the Python twin's texts for infinities", () => {
  assert.equal(quizNumber(0.1 + 0.2), "0,3");
  assert.equal(quizNumber(1200), `1${NBSP}200`);
  assert.equal(quizNumber(Number.POSITIVE_INFINITY), "inf");
  assert.equal(quizNumber(Number.NEGATIVE_INFINITY), "-inf");
});

test("dashboard: one decimal at most, a dash for what is not a number", () => {
  assert.equal(formatNumber(1320), `1${NBSP}320`);
  assert.equal(formatNumber(12.55), "12,6");
  assert.equal(formatNumber(Number.NaN), "–");
  assert.equal(formatNumber("12"), "–");
  assert.equal(formatPercent(66.666), `66,7${NBSP}%`);
});
