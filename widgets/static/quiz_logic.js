// @ts-check
// Quiz scoring in the browser: the JavaScript twin of pacte/course/scoring.py.
// Keep both in step: tests/test_scoring.py runs the same cases through each.

import { message } from "./messages.js";
import { fmtNumber, parseNumber } from "./numbers.js";

export const CORRECT = "correct";
export const INCORRECT = "incorrect";
export const UNANSWERED = "unanswered";
export const INVALID = "invalid";

export function formatNumber(value) {
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  return fmtNumber(value, 10);
}

function orderPicked(question, picked) {
  const set = new Set(picked);
  return question.choices.filter((c) => set.has(c.id)).map((c) => c.id);
}

export function evaluate(question, answer) {
  if (answer === null || answer === undefined || answer === "" || (Array.isArray(answer) && answer.length === 0)) {
    return { status: UNANSWERED, feedback: [], message: message("quiz.unanswered") };
  }
  if (question.type === "single" || question.type === "multiple") {
    const choices = new Map(question.choices.map((c) => [c.id, c]));
    if (question.type === "single" && typeof answer !== "string") {
      return { status: INVALID, feedback: [], message: message("quiz.single_only") };
    }
    const picked = question.type === "single" ? [answer] : answer;
    if (!Array.isArray(picked) || !picked.every((p) => typeof p === "string")) {
      return { status: INVALID, feedback: [], message: message("quiz.unreadable") };
    }
    const unknown = picked.filter((p) => !choices.has(p));
    if (unknown.length) {
      return {
        status: INVALID,
        feedback: [],
        message: message("quiz.unknown_choice", { choices: unknown.join(", ") }),
      };
    }
    const expected = new Set(question.choices.filter((c) => c.correct).map((c) => c.id));
    const got = new Set(picked);
    const ok = got.size === expected.size && [...got].every((p) => expected.has(p));
    return {
      status: ok ? CORRECT : INCORRECT,
      feedback: orderPicked(question, picked).map((id) => choices.get(id).feedback),
      message: message(ok ? "quiz.correct" : "quiz.incorrect"),
    };
  }
  const value = parseNumber(answer);
  if (value === null) {
    return { status: INVALID, feedback: [], message: message("quiz.not_a_number") };
  }
  const lo = question.min ?? null;
  const hi = question.max ?? null;
  if ((lo !== null && value < lo) || (hi !== null && value > hi)) {
    return {
      status: INVALID,
      feedback: [],
      message: message("quiz.out_of_range", { lo: formatNumber(lo ?? -Infinity), hi: formatNumber(hi ?? Infinity) }),
    };
  }
  const target = Number(question.answer);
  const tol = Number(question.tolerance ?? 0);
  const fb = question.feedback;
  if (Math.abs(value - target) <= tol + 1e-9) {
    return { status: CORRECT, feedback: [fb.correct], message: message("quiz.correct") };
  }
  const side = value < target ? fb.too_low : fb.too_high;
  return { status: INCORRECT, feedback: [side || fb.incorrect], message: message("quiz.incorrect") };
}

export function score(bank, answers) {
  const results = {};
  let correct = 0;
  let answered = 0;
  for (const q of bank.questions) {
    const r = evaluate(q, answers[q.id]);
    results[q.id] = r.status;
    if (r.status === CORRECT) correct += 1;
    if (r.status === CORRECT || r.status === INCORRECT) answered += 1;
  }
  return { correct, answered, total: bank.questions.length, results };
}
