// @ts-check
// The trainer dashboard's pure logic (no DOM): catalogue grouping and search,
// the next activity, stage controls, French number formats, the drawing model
// of each panel and the QR code matrix of the join link. Tested through Node
// (tests/test_dashboard_logic.py); dashboard.js draws what these return.
import { LIVE_KINDS } from "../../pacte/static/live_kinds.js";
import { activityId } from "../../pacte/static/live_protocol.js";
import { NBSP } from "../../pacte/static/numbers.js";
import { countLabel, fold, formatNumber, formatPercent, panelModel } from "../../pacte/static/panel_model.js";
import qrcode from "./vendor/qrcode.mjs";

// The panel model and its number formats are shared with the trainee's room (widgets/static/panel_model.js).
export { countLabel, fold, formatNumber, formatPercent, NBSP, panelModel };

export function activityKey(a) {
  return a ? `${activityId(a.kind, a.ref)}|${a.question}` : "";
}

export function sameActivity(a, b) {
  return Boolean(a && b) && a.kind === b.kind && a.ref === b.ref && a.question === b.question;
}

// The kind's French label (live_kinds.js, generated from pacte/live/kind_registry.py).
export function kindLabel(kind) {
  return LIVE_KINDS.labels[kind] || kind;
}

const OTHER_MODULE = "Autres activités";

// Activities grouped by module (headed by ``module_title`` when the catalogue gives it) in catalogue order, keeping those whose title,
// prompt, module, page, reference or kind contain every word of ``query``
// (case, accents and the kind of apostrophe ignored).
export function groupCatalogue(activities, query = "") {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const groups = [];
  const byModule = new Map();
  for (const a of activities || []) {
    const haystack = fold(
      [a.title, a.prompt, a.module, a.module_title, a.page, a.ref, a.question, a.kind, kindLabel(a.kind)].join(" "),
    );
    if (!words.every((w) => haystack.includes(w))) continue;
    const module = a.module || "";
    if (!byModule.has(module)) {
      const group = { module, label: a.module_title || module || OTHER_MODULE, items: [] };
      byModule.set(module, group);
      groups.push(group);
    }
    byModule.get(module).items.push({ ...a, key: activityKey(a) });
  }
  return groups;
}

// The activity after ``current`` in catalogue order within the same module and
// page, or null (last one, or ``current`` is not in the catalogue).
export function nextActivity(activities, current) {
  const list = activities || [];
  const i = list.findIndex((a) => sameActivity(a, current));
  if (i < 0) return null;
  const here = list[i];
  for (const a of list.slice(i + 1)) {
    if ((a.module || "") === (here.module || "") && (a.page || "") === (here.page || "")) return a;
  }
  return null;
}

export const STATE_TEXT = {
  idle: "Aucune activité poussée vers les écrans.",
  open: "Réponses ouvertes",
  closed: "Réponses closes",
  revealed: "Résultats et bonne réponse révélés",
};

// The revealed state as it is for this kind: only a quiz has a right answer, a case has consequences.
function revealedText(stage) {
  const correct = stage?.reveal?.correct;
  if (Array.isArray(correct) && correct.length) return STATE_TEXT.revealed;
  if (stage?.activity?.kind === "case") return "Résultats et conséquences révélés";
  if (stage?.activity?.kind === "quiz" && !stage?.reveal) return STATE_TEXT.revealed;
  return "Résultats révélés";
}

// The state line of a stage: « Séance fermée » once the session is closed, the revealed state per kind.
export function stateText(stage) {
  const state = stage?.activity ? stage.state : "idle";
  if (stage?.session?.open === false) return "Séance fermée";
  if (state === "revealed") return revealedText(stage);
  return STATE_TEXT[state] || state;
}

// What the trainer may do at this stage: which buttons are enabled.
export function stageControls(stage, hasNext) {
  const state = stage?.activity ? stage.state : "idle";
  return {
    state,
    text: stateText(stage),
    open: state === "closed" || state === "revealed",
    close: state === "open",
    reveal: state === "open" || state === "closed",
    next: state !== "idle" && Boolean(hasNext),
    clear: state !== "idle",
  };
}

// The summary entry of the pushed activity (answers and panel), or null.
export function currentEntry(summary) {
  const activity = summary?.stage?.activity;
  if (!activity) return null;
  return (summary.activities || []).find((e) => sameActivity(e, activity)) || null;
}

// Participants line: « 3 connectés sur 5 participants ».
export function participantsText(summary) {
  const total = summary?.participants ?? 0;
  const connected = summary?.connected ?? 0;
  return `${countLabel(connected, "connecté")} sur ${countLabel(total, "participant")}`;
}

// Join URL as bytes for the QR code (UTF-8, one char per byte, as the encoder expects).
function utf8Binary(text) {
  return Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join("");
}

// QR code of ``text`` (error correction M, smallest version): rows of "0"/"1".
export function qrMatrix(text) {
  const qr = qrcode(0, "M");
  qr.addData(utf8Binary(String(text)), "Byte");
  qr.make();
  const size = qr.getModuleCount();
  const rows = [];
  for (let r = 0; r < size; r += 1) {
    let line = "";
    for (let c = 0; c < size; c += 1) line += qr.isDark(r, c) ? "1" : "0";
    rows.push(line);
  }
  return { size, rows };
}

// SVG path of the dark modules (runs of a row merged), shifted by a quiet zone of ``border`` modules.
export function qrPath(matrix, border = 4) {
  const parts = [];
  matrix.rows.forEach((line, y) => {
    for (const m of line.matchAll(/1+/g))
      parts.push(`M${m.index + border} ${y + border}h${m[0].length}v1h-${m[0].length}z`);
  });
  return { d: parts.join(""), size: matrix.size + 2 * border };
}

// « Résumé imprimé le 1er décembre 2026 à 14:05 ».
export function printedText(date) {
  const when = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short" }).format(date);
  return `Résumé imprimé le ${when.replace(/^1 /, "1er ").replace(/[\u202f ]/g, NBSP)}`;
}

// The warning shown in the last hour of an open session's time limit (« » when none is due).
const END_WARNING_MS = 3600 * 1000;
export function endWarning(session, nowMs) {
  if (!session || session.open === false || !session.expires_at) return "";
  const left = Date.parse(session.expires_at) - nowMs;
  if (!(left > 0) || left > END_WARNING_MS) return "";
  const minutes = Math.max(1, Math.ceil(left / 60000));
  return `Attention${NBSP}: la séance n’acceptera plus de réponses dans ${minutes}${NBSP}min. Pour continuer, créez une nouvelle séance (les réponses de celle-ci restent enregistrées).`;
}

export function isProjection(search) {
  return new URLSearchParams(search || "").get("projection") === "1";
}

// A session in the list: « K7M2QX — Promo 12 (fermée) ».
export function sessionLabel(s) {
  return `${s.code} — ${s.title}${s.open === false ? " (fermée)" : ""}`;
}
