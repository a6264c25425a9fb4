// @ts-check
// The trainer dashboard's pure logic (no DOM): catalogue grouping and search,
// the next activity, stage controls, French number formats, the drawing model
// of each panel and the QR code matrix of the join link. Tested through Node
// (tests/test_dashboard_logic.py); dashboard.js draws what these return.
import { LIVE_KINDS } from "../../pacte/static/live_kinds.js";
import { activityId } from "../../pacte/static/live_protocol.js";
import { fmtNumber, NBSP } from "../../pacte/static/numbers.js";
import qrcode from "./vendor/qrcode.mjs";

export { NBSP };

/**
 * « 1 320 », « 12,5 » (at most one decimal); « – » for what is not a finite number.
 * @param {unknown} value
 */
export function formatNumber(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  return fmtNumber(value, 1);
}

// « 12,5 % » (NBSP before the sign).
export function formatPercent(value) {
  return `${formatNumber(value)}${NBSP}%`;
}

// « 0 réponse », « 1 réponse », « 2 réponses » (French: singular up to 1).
export function countLabel(n, singular, plural = `${singular}s`) {
  return `${formatNumber(n)}${NBSP}${Math.abs(n) >= 2 ? plural : singular}`;
}

export function activityKey(a) {
  return a ? `${activityId(a.kind, a.ref)}|${a.question}` : "";
}

export function sameActivity(a, b) {
  return Boolean(a && b) && a.kind === b.kind && a.ref === b.ref && a.question === b.question;
}

// Case, accents and apostrophes folded: « d'abord » typed on a keyboard finds « d’abord ».
export function fold(text) {
  return String(text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2019\u2018\u02bc`´]/g, "'").toLowerCase();
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
    const haystack = fold([a.title, a.prompt, a.module, a.module_title, a.page, a.ref, a.question, a.kind, kindLabel(a.kind)].join(" "));
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

const pct = (n, d) => (d > 0 ? (100 * n) / d : 0);
const clamp = (v) => Math.max(0, Math.min(100, Number.isFinite(v) ? v : 0));

function barRows(rows, respondents, showCorrect) {
  const max = Math.max(0, ...rows.map((r) => r.count || 0));
  return rows.map((r) => {
    const count = r.count || 0;
    const percent = typeof r.percent === "number" ? r.percent : pct(count, respondents);
    return {
      id: r.id ?? r.value ?? r.label,
      label: String(r.label ?? r.value ?? r.id ?? ""),
      count,
      percent,
      width: clamp(max ? percent : 0),
      value: `${formatNumber(count)} (${formatPercent(percent)})`,
      correct: Boolean(showCorrect && r.correct),
    };
  });
}

// « 1 – Pas du tout d’accord », or « 3 » when the value has no label of its own.
function scaleLabel(r) {
  const value = String(r.value ?? r.id);
  return r.label && String(r.label) !== value ? `${value} – ${r.label}` : value;
}

const WORD_MIN_EM = 1;
const WORD_MAX_EM = 3.2;

function wordModel(panel) {
  const words = [...(panel.words || [])].sort((a, b) => b.count - a.count || fold(a.text).localeCompare(fold(b.text)));
  const counts = words.map((w) => w.count);
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return {
    type: "words",
    respondents: panel.respondents ?? counts.reduce((s, c) => s + c, 0),
    words: words.map((w) => ({
      text: String(w.text),
      count: w.count,
      hidden: Boolean(w.hidden),
      pending: Boolean(w.pending), // moderation: waits for the trainer's approval
      size: hi > lo ? +(WORD_MIN_EM + ((WORD_MAX_EM - WORD_MIN_EM) * (w.count - lo)) / (hi - lo)).toFixed(2) : 1.6,
      label: `${w.text} (${formatNumber(w.count)})`,
    })),
  };
}

function rankingModel(panel) {
  const rows = [...(panel.rows || [])].sort((a, b) => a.mean_rank - b.mean_rank);
  const n = rows.length;
  return {
    type: "ranking",
    respondents: panel.respondents ?? 0,
    rows: rows.map((r, i) => ({
      id: r.id,
      position: i + 1,
      label: String(r.label),
      meanRank: r.mean_rank,
      value: typeof r.mean_rank === "number" ? `rang moyen ${formatNumber(r.mean_rank)}` : "pas encore classé",
      first: r.first ?? 0,
      firstText: `${countLabel(r.first ?? 0, "fois", "fois")} en premier`,
      width: typeof r.mean_rank !== "number" ? 0 : n > 1 ? clamp((100 * (n - r.mean_rank)) / (n - 1)) : 100,
    })),
  };
}

function surveyGroup(group, fallbackLabel) {
  return {
    id: group.id ?? group.structure ?? "",
    label: group.label || fallbackLabel,
    respondents: group.respondents ?? 0,
    respondentsText: `Salle${NBSP}: ${countLabel(group.respondents ?? 0, "réponse")}`,
    surveyText: group.survey_n ? `Enquête${NBSP}: ${countLabel(group.survey_n, "répondant")}` : "",
    rows: (group.rows || []).map((r) => ({
      id: r.id ?? r.label,
      label: String(r.label),
      room: r.room_percent ?? 0,
      survey: r.survey_percent ?? 0,
      roomWidth: clamp(r.room_percent),
      surveyWidth: clamp(r.survey_percent),
      roomText: formatPercent(r.room_percent ?? 0),
      surveyText: formatPercent(r.survey_percent ?? 0),
    })),
  };
}

// A pushed survey question (question "all") shows the whole room beside the
// survey's weighted total, then each structure the room answered for; a
// structure's own question shows that structure only.
function surveyModel(panel, question) {
  const all = question === "all";
  const structures = panel.structures || [];
  const own = structures.find((s) => s.id === question);
  const groups = [surveyGroup(panel, all ? "Toutes structures" : own?.label || question || "")];
  if (all) for (const s of structures) if (s.respondents > 0) groups.push(surveyGroup(s, s.id));
  const multiple = panel.multiple ? `Plusieurs réponses possibles${NBSP}: les pourcentages dépassent 100${NBSP}% au total.` : "";
  return { type: "room_vs_survey", respondents: panel.respondents ?? 0, groups, note: [panel.survey_note, multiple].filter(Boolean).join(" ") };
}

// What dashboard.js draws for a panel of pacte/live/panels.py. ``showCorrect``
// marks the right answers (always on the trainer's screen, after the reveal
// when projected).
export function panelModel(panel, { showCorrect = true, question = "" } = {}) {
  if (!panel || typeof panel !== "object") return { type: "empty" };
  if (panel.type === "bars") {
    const rows = panel.rows || [];
    return { type: "bars", respondents: panel.respondents ?? 0, rows: barRows(rows, panel.respondents ?? 0, showCorrect) };
  }
  if (panel.type === "words") return wordModel(panel);
  if (panel.type === "scale") {
    const rows = panel.rows || [];
    const respondents = panel.respondents ?? rows.reduce((s, r) => s + (r.count || 0), 0);
    const hasMean = typeof panel.mean === "number";
    return {
      type: "scale",
      respondents,
      rows: barRows(rows.map((r) => ({ ...r, label: scaleLabel(r) })), respondents, false),
      mean: hasMean ? panel.mean : null,
      meanText: hasMean ? `Moyenne${NBSP}: ${formatNumber(panel.mean)}` : "Moyenne\u00a0: pas encore de réponse",
    };
  }
  if (panel.type === "ranking") return rankingModel(panel);
  if (panel.type === "room_vs_survey") return surveyModel(panel, question);
  return { type: "unknown" };
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
    for (const m of line.matchAll(/1+/g)) parts.push(`M${m.index + border} ${y + border}h${m[0].length}v1h-${m[0].length}z`);
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
