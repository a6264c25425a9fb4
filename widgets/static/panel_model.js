// @ts-check
// The one model of a live panel (pacte/live/panels.py): what the trainer's dashboard
// (pacte/live/dashboard/dashboard_panels.js) and the trainee's room (live_room_logic.js#panelView,
// drawn by live_room_results.js) show of the room's answers: rows, percentages, bar widths, order,
// and their French texts. Tested through Node (tests/test_dashboard_logic.py, tests/test_live_room_logic.py).
import { fmtNumber, NBSP } from "./numbers.js";

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

// Case, accents and apostrophes folded: « d'abord » typed on a keyboard finds « d’abord ».
export function fold(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2019\u2018\u02bc`´]/g, "'")
    .toLowerCase();
}

const pct = (n, d) => (d > 0 ? (100 * n) / d : 0);
// A bar width in percent, within 0–100, to a tenth (what a screen can show).
const clamp = (v) => Math.max(0, Math.min(100, Number.isFinite(v) ? Math.round(v * 10) / 10 : 0));

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
  // Items nobody ranked yet (mean_rank null) come last.
  const rank = (r) => (typeof r.mean_rank === "number" ? r.mean_rank : Number.POSITIVE_INFINITY);
  const rows = [...(panel.rows || [])].sort((a, b) => rank(a) - rank(b) || 0);
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
  const multiple = panel.multiple
    ? `Plusieurs réponses possibles${NBSP}: les pourcentages dépassent 100${NBSP}% au total.`
    : "";
  return {
    type: "room_vs_survey",
    respondents: panel.respondents ?? 0,
    groups,
    note: [panel.survey_note, multiple].filter(Boolean).join(" "),
  };
}

// What dashboard.js draws for a panel of pacte/live/panels.py. ``showCorrect``
// marks the right answers (always on the trainer's screen, after the reveal
// when projected).
export function panelModel(panel, { showCorrect = true, question = "" } = {}) {
  if (!panel || typeof panel !== "object") return { type: "empty" };
  if (panel.type === "bars") {
    const rows = panel.rows || [];
    return {
      type: "bars",
      respondents: panel.respondents ?? 0,
      rows: barRows(rows, panel.respondents ?? 0, showCorrect),
    };
  }
  if (panel.type === "words") return wordModel(panel);
  if (panel.type === "scale") {
    const rows = panel.rows || [];
    const respondents = panel.respondents ?? rows.reduce((s, r) => s + (r.count || 0), 0);
    const hasMean = typeof panel.mean === "number";
    return {
      type: "scale",
      respondents,
      rows: barRows(
        rows.map((r) => ({ ...r, label: scaleLabel(r) })),
        respondents,
        false,
      ),
      mean: hasMean ? panel.mean : null,
      meanText: hasMean ? `Moyenne${NBSP}: ${formatNumber(panel.mean)}` : "Moyenne\u00a0: pas encore de réponse",
    };
  }
  if (panel.type === "ranking") return rankingModel(panel);
  if (panel.type === "room_vs_survey") return surveyModel(panel, question);
  return { type: "unknown" };
}
