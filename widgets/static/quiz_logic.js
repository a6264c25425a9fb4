// Quiz scoring in the browser: the JavaScript twin of widgets/scoring.py.
// Keep both in step: tests/test_parity.py runs the same cases through each.

import { parseNumber } from "./numbers.js";

export const CORRECT = "correct";
export const INCORRECT = "incorrect";
export const UNANSWERED = "unanswered";
export const INVALID = "invalid";

export function formatNumber(value) {
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 10 })
    .format(value)
    .replace(/\u202f/g, "\u00a0");
}

function orderPicked(question, picked) {
  const set = new Set(picked);
  return question.choices.filter((c) => set.has(c.id)).map((c) => c.id);
}

export function evaluate(question, answer) {
  if (answer === null || answer === undefined || answer === "" || (Array.isArray(answer) && answer.length === 0)) {
    return { status: UNANSWERED, feedback: [], message: "Aucune réponse." };
  }
  if (question.type === "single" || question.type === "multiple") {
    const choices = new Map(question.choices.map((c) => [c.id, c]));
    if (question.type === "single" && typeof answer !== "string") {
      return { status: INVALID, feedback: [], message: "Choisissez une seule réponse." };
    }
    const picked = question.type === "single" ? [answer] : answer;
    if (!Array.isArray(picked) || !picked.every((p) => typeof p === "string")) {
      return { status: INVALID, feedback: [], message: "Réponse illisible." };
    }
    const unknown = picked.filter((p) => !choices.has(p));
    if (unknown.length) {
      return { status: INVALID, feedback: [], message: "Réponse inconnue : " + unknown.join(", ") + "." };
    }
    const expected = new Set(question.choices.filter((c) => c.correct).map((c) => c.id));
    const got = new Set(picked);
    const ok = got.size === expected.size && [...got].every((p) => expected.has(p));
    return {
      status: ok ? CORRECT : INCORRECT,
      feedback: orderPicked(question, picked).map((id) => choices.get(id).feedback),
      message: ok ? "Bonne réponse." : "Ce n'est pas la bonne réponse.",
    };
  }
  const value = parseNumber(answer);
  if (value === null) {
    return { status: INVALID, feedback: [], message: "Saisissez un nombre (par exemple 56 ou 12,5)." };
  }
  const lo = question.min ?? null;
  const hi = question.max ?? null;
  if ((lo !== null && value < lo) || (hi !== null && value > hi)) {
    return {
      status: INVALID,
      feedback: [],
      message: `La valeur doit être comprise entre ${formatNumber(lo ?? -Infinity)} et ${formatNumber(hi ?? Infinity)}.`,
    };
  }
  const target = Number(question.answer);
  const tol = Number(question.tolerance ?? 0);
  const fb = question.feedback;
  if (Math.abs(value - target) <= tol + 1e-9) {
    return { status: CORRECT, feedback: [fb.correct], message: "Bonne réponse." };
  }
  const side = value < target ? fb.too_low : fb.too_high;
  return { status: INCORRECT, feedback: [side || fb.incorrect], message: "Ce n'est pas la bonne réponse." };
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
