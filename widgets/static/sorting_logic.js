// @ts-check
// Sorting-exercise feedback in the browser: the JavaScript twin of the
// functions in widgets/sorting.py. Keep both in step:
// tests/test_dimensions_parity.py runs the same cases through each.

import { message } from "./messages.js";

export const CORRECT = "correct";
export const INCORRECT = "incorrect";
export const UNANSWERED = "unanswered";
export const INVALID = "invalid";

function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function describe(raw) {
  if (typeof raw === "string") return `«\u00a0${raw}\u00a0»`;
  try {
    return JSON.stringify(raw);
  } catch {
    return String(raw);
  }
}

export function evaluateItem(exercise, itemId, answer) {
  const item = exercise.items.find((i) => i.id === itemId);
  if (!item) {
    return {
      item: String(itemId),
      status: INVALID,
      message: message("sorting.unknown_item", { item: itemId }),
      expected: null,
      explanation: null,
      hint: null,
    };
  }
  const cats = new Map(exercise.categories.map((c) => [c.id, c]));
  if (answer === null || answer === undefined || answer === "") {
    return {
      item: item.id,
      status: UNANSWERED,
      message: message("sorting.unanswered"),
      expected: null,
      explanation: null,
      hint: null,
    };
  }
  if (typeof answer !== "string" || !cats.has(answer)) {
    const known = exercise.categories.map((c) => c.label).join(", ");
    return {
      item: item.id,
      status: INVALID,
      message: message("sorting.unknown_category", { answer: describe(answer), known }),
      expected: null,
      explanation: null,
      hint: null,
    };
  }
  const ok = answer === item.expected;
  const expectedLabel = cats.get(item.expected).label;
  return {
    item: item.id,
    status: ok ? CORRECT : INCORRECT,
    message: message(ok ? "sorting.correct" : "sorting.incorrect", { label: expectedLabel }),
    expected: item.expected,
    explanation: item.explanation,
    hint: ok || !item.feedback || !Object.hasOwn(item.feedback, answer) ? null : item.feedback[answer],
  };
}

export function scoreSorting(exercise, answers) {
  const errors = [];
  if (answers === null || answers === undefined) answers = {};
  if (!isObject(answers)) {
    errors.push(message("sorting.unreadable"));
    answers = {};
  }
  const known = new Set(exercise.items.map((i) => i.id));
  for (const key of Object.keys(answers).sort()) {
    if (!known.has(key)) errors.push(message("sorting.unknown_item", { item: key }));
  }
  const results = {};
  let correct = 0;
  let answered = 0;
  for (const item of exercise.items) {
    const r = evaluateItem(exercise, item.id, Object.hasOwn(answers, item.id) ? answers[item.id] : undefined);
    results[item.id] = r.status;
    if (r.status === CORRECT) correct += 1;
    if (r.status === CORRECT || r.status === INCORRECT) answered += 1;
    if (r.status === INVALID) errors.push(message("sorting.item_error", { item: item.id, message: r.message }));
  }
  const total = exercise.items.length;
  let status;
  if (errors.length) status = INVALID;
  else if (answered === 0) status = "empty";
  else if (answered < total) status = "incomplete";
  else status = "complete";
  const s = answered > 1 ? "s" : "";
  return {
    status,
    correct,
    answered,
    total,
    results,
    errors,
    message: message("sorting.score", { correct, total, answered, s }),
  };
}
