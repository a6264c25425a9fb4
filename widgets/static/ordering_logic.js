// @ts-check
// Ordering-exercise scoring in the browser: the JavaScript twin of
// widgets/ordering.py. Keep both in step: tests/test_panorama_ordering.py runs
// the same cases through each (through Node).

export const CORRECT = "correct";
export const INCORRECT = "incorrect";

export function expectedRanks(exercise) {
  const positions = exercise.items.map((i) => i.position);
  const out = {};
  for (const item of exercise.items) {
    const p = item.position;
    out[item.id] = [1 + positions.filter((q) => q < p).length, positions.filter((q) => q <= p).length];
  }
  return out;
}

export function expectedOrder(exercise) {
  return exercise.items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.position - b.item.position || a.index - b.index)
    .map((x) => x.item.id);
}

function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function readOrder(answer) {
  if (isObject(answer)) {
    if (Object.keys(answer).length === 0) return { order: null, errors: [] };
    answer = Object.hasOwn(answer, "order") ? answer.order : null;
  }
  if (answer === null || answer === undefined) return { order: null, errors: [] };
  if (!Array.isArray(answer))
    return { order: null, errors: ["Réponse illisible : une liste d’éléments dans l’ordre est attendue."] };
  return { order: answer, errors: [] };
}

export function scoreOrdering(exercise, answer) {
  const items = exercise.items;
  const total = items.length;
  const ranks = expectedRanks(exercise);
  const position = new Map(items.map((i) => [i.id, i.position]));
  let pairsTotal = 0;
  for (let a = 0; a < total; a += 1) {
    for (let b = a + 1; b < total; b += 1) if (items[a].position !== items[b].position) pairsTotal += 1;
  }
  const base = { total, correct: 0, pairs: 0, pairs_total: pairsTotal, results: {}, order: [], perfect: false };
  const read = readOrder(answer);
  const order = read.order;
  const errors = read.errors;
  if (order === null && errors.length === 0) {
    return { ...base, status: "empty", errors: [], message: "Placez les éléments puis vérifiez votre ordre." };
  }
  if (order !== null) {
    const seen = new Set();
    for (const raw of order) {
      if (typeof raw !== "string" || !position.has(raw)) {
        const label = typeof raw === "string" ? `« ${raw} »` : JSON.stringify(raw);
        errors.push(`Élément inconnu : ${label}.`);
      } else if (seen.has(raw)) {
        errors.push(`Élément placé deux fois : « ${raw} ».`);
      } else {
        seen.add(raw);
      }
    }
    const missing = items.filter((i) => !seen.has(i.id)).map((i) => i.id);
    if (missing.length && errors.length === 0) {
      errors.push(`Éléments manquants : ${missing.map((m) => `« ${m} »`).join(", ")}.`);
    }
  }
  if (errors.length) {
    return { ...base, status: "invalid", errors, message: `Ordre non reconnu : ${errors.join(" ")}` };
  }
  const results = {};
  let correct = 0;
  order.forEach((itemId, index) => {
    const [lo, hi] = ranks[itemId];
    const rank = index + 1;
    const ok = lo <= rank && rank <= hi;
    if (ok) correct += 1;
    results[itemId] = {
      status: ok ? CORRECT : INCORRECT,
      rank,
      expected: [lo, hi],
      offset: ok ? 0 : rank > hi ? rank - hi : rank - lo,
    };
  });
  let pairs = 0;
  for (let a = 0; a < total; a += 1) {
    for (let b = a + 1; b < total; b += 1) if (position.get(order[a]) < position.get(order[b])) pairs += 1;
  }
  const s = correct > 1 ? "s" : "";
  const message = `${correct} élément${s} sur ${total} à la bonne place ; ${pairs} paires sur ${pairsTotal} dans le bon ordre.`;
  return {
    ...base,
    status: "complete",
    correct,
    pairs,
    results,
    order: [...order],
    perfect: correct === total,
    errors: [],
    message,
  };
}
