// @ts-check
// « Ma semaine de coordination »: the learner's hours per activity, summed by
// block, with shares and sentences. JavaScript twin of summarize_week() and
// week_csv() in widgets/week.py; tests/test_metier_week.py runs the same cases
// through both.
import { message } from "./messages.js";
import { fmtNumber, roundHalfUp } from "./numbers.js";

/** @param {number} x */
export function round2(x) {
  return roundHalfUp(x, 2);
}

/**
 * 2.5 → « 2,5 », 3 → « 3 » (rounded half up, at most two decimals).
 * @param {number} x
 */
export function frenchNumber(x) {
  return fmtNumber(round2(x), 2);
}

export function shareOf(hours, total) {
  return total > 0 ? Math.floor((1000 * hours) / total + 0.5) / 10 : 0;
}

function invalid(field, message) {
  return { status: "invalid", field, message };
}

function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

export function summarizeWeek(spec, answers) {
  if (answers === null || answers === undefined) answers = {};
  if (!isObject(answers)) return invalid("answers", "Réponses illisibles : un objet {structure, hours} est attendu.");
  const structure = answers.structure ?? null;
  if (structure !== null && structure !== "" && !spec.structures.some((s) => s.id === structure)) {
    return invalid("structure", message("compare.unknown_structure"));
  }
  const hours = answers.hours ?? {};
  if (!isObject(hours)) return invalid("hours", "Heures illisibles : un nombre par activité est attendu.");
  const known = new Map(spec.activities.map((a) => [a.id, a]));
  for (const key of Object.keys(hours).sort()) {
    if (!known.has(key)) return invalid(`hours.${key}`, `Activité inconnue : « ${key} ».`);
  }
  const values = {};
  for (const a of spec.activities) {
    const raw = Object.hasOwn(hours, a.id) ? hours[a.id] : null;
    const field = `hours.${a.id}`;
    if (raw === null || raw === undefined) {
      values[a.id] = 0;
      continue;
    }
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      return invalid(field, `« ${a.label} » : saisissez un nombre d’heures (par exemple 2,5).`);
    }
    if (raw < 0) return invalid(field, `« ${a.label} » : le temps ne peut pas être négatif.`);
    if (raw > spec.max_hours_activity) {
      return invalid(field, `« ${a.label} » : ${frenchNumber(spec.max_hours_activity)} heures au plus par activité.`);
    }
    values[a.id] = round2(raw);
  }
  let total = 0;
  for (const a of spec.activities) total += values[a.id];
  total = round2(total);
  if (total === 0) {
    return {
      status: "empty",
      field: "hours",
      message: "Indiquez au moins une demi-heure pour une activité avant de voir votre semaine.",
    };
  }
  if (total > spec.max_total_hours) {
    return invalid(
      "hours",
      `Votre semaine compte ${frenchNumber(total)} heures, plus que les ${frenchNumber(spec.max_total_hours)} heures prévues : vérifiez vos saisies.`,
    );
  }
  const blocks = spec.blocks.map((b) => {
    let h = 0;
    for (const a of spec.activities) if (a.block === b.id) h += values[a.id];
    h = round2(h);
    return { id: b.id, label: b.label, hours: h, share: shareOf(h, total) };
  });
  const activities = spec.activities.map((a) => ({
    id: a.id,
    block: a.block,
    label: a.label,
    hours: values[a.id],
    share: shareOf(values[a.id], total),
  }));
  let top = blocks[0];
  for (const b of blocks) if (b.hours > top.hours) top = b;
  const empty = blocks.filter((b) => b.hours === 0).map((b) => b.id);
  const sentences = [
    `Votre semaine de coordination compte ${frenchNumber(total)} heure${total >= 2 ? "s" : ""}.`,
    `Le bloc « ${top.label} » en occupe la plus grande part (${frenchNumber(top.share)}\u00a0%).`,
  ];
  if (empty.length) {
    const names = blocks
      .filter((b) => b.hours === 0)
      .map((b) => `« ${b.label} »`)
      .join(", ");
    sentences.push(
      empty.length > 1
        ? `Aucun temps pour ces blocs que décrivent les sources : ${names}. Est-ce un choix, une tâche assurée par d’autres ou un travail invisible ?`
        : `Aucun temps pour ce bloc que décrivent les sources : ${names}. Est-ce un choix, une tâche assurée par d’autres ou un travail invisible ?`,
    );
  }
  const notes = structure ? spec.structures.find((s) => s.id === structure).notes.map((n) => n.text) : [];
  return { status: "ok", structure, total, blocks, activities, top: top.id, empty, sentences, notes };
}

function csvField(text) {
  const s = String(text);
  return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function weekCsv(spec, result) {
  const blockLabel = new Map(spec.blocks.map((b) => [b.id, b.label]));
  const lines = [["Bloc", "Activité", "Heures par semaine", "Part de la semaine (%)"]];
  for (const a of result.activities)
    lines.push([blockLabel.get(a.block), a.label, frenchNumber(a.hours), frenchNumber(a.share)]);
  for (const b of result.blocks) lines.push([b.label, "Total du bloc", frenchNumber(b.hours), frenchNumber(b.share)]);
  lines.push(["Total", "", frenchNumber(result.total), "100"]);
  return `${lines.map((row) => row.map(csvField).join(";")).join("\r\n")}\r\n`;
}
