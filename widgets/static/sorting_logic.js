// Sorting-exercise feedback in the browser: the JavaScript twin of the
// functions in widgets/sorting.py. Keep both in step:
// tests/test_dimensions_parity.py runs the same cases through each.

export const CORRECT = "correct";
export const INCORRECT = "incorrect";
export const UNANSWERED = "unanswered";
export const INVALID = "invalid";

function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function describe(raw) {
  if (typeof raw === "string") return `« ${raw} »`;
  try {
    return JSON.stringify(raw);
  } catch (err) {
    return String(raw);
  }
}

export function evaluateItem(exercise, itemId, answer) {
  const item = exercise.items.find((i) => i.id === itemId);
  if (!item) {
    return { item: String(itemId), status: INVALID, message: `Élément inconnu : « ${itemId} ».`,
      expected: null, explanation: null, hint: null };
  }
  const cats = new Map(exercise.categories.map((c) => [c.id, c]));
  if (answer === null || answer === undefined || answer === "") {
    return { item: item.id, status: UNANSWERED, message: "Choisissez une catégorie avant de valider.",
      expected: null, explanation: null, hint: null };
  }
  if (typeof answer !== "string" || !cats.has(answer)) {
    const known = exercise.categories.map((c) => c.label).join(", ");
    return { item: item.id, status: INVALID,
      message: `Catégorie inconnue : ${describe(answer)} (choix possibles : ${known}).`,
      expected: null, explanation: null, hint: null };
  }
  const ok = answer === item.expected;
  const expectedLabel = cats.get(item.expected).label;
  return {
    item: item.id,
    status: ok ? CORRECT : INCORRECT,
    message: ok ? `Bien vu : « ${expectedLabel} ».` : `Pas tout à fait : la réponse attendue est « ${expectedLabel} ».`,
    expected: item.expected,
    explanation: item.explanation,
    hint: ok || !item.feedback || !Object.prototype.hasOwnProperty.call(item.feedback, answer) ? null : item.feedback[answer],
  };
}

export function scoreSorting(exercise, answers) {
  const errors = [];
  if (answers === null || answers === undefined) answers = {};
  if (!isObject(answers)) {
    errors.push("Réponses illisibles : un dictionnaire {élément: catégorie} est attendu.");
    answers = {};
  }
  const known = new Set(exercise.items.map((i) => i.id));
  for (const key of Object.keys(answers).sort()) {
    if (!known.has(key)) errors.push(`Élément inconnu : « ${key} ».`);
  }
  const results = {};
  let correct = 0;
  let answered = 0;
  for (const item of exercise.items) {
    const r = evaluateItem(exercise, item.id, Object.prototype.hasOwnProperty.call(answers, item.id) ? answers[item.id] : undefined);
    results[item.id] = r.status;
    if (r.status === CORRECT) correct += 1;
    if (r.status === CORRECT || r.status === INCORRECT) answered += 1;
    if (r.status === INVALID) errors.push(`« ${item.id} » : ${r.message}`);
  }
  const total = exercise.items.length;
  let status;
  if (errors.length) status = INVALID;
  else if (answered === 0) status = "empty";
  else if (answered < total) status = "incomplete";
  else status = "complete";
  const message = `Score : ${correct} / ${total} (${answered} élément${answered > 1 ? "s" : ""} classé${answered > 1 ? "s" : ""}).`;
  return { status, correct, answered, total, results, errors, message };
}
