// @ts-check
// Pure parts of the SCORM 1.2 runtime (scorm.js): suspend data, the in-memory answer store that
// replaces the browser's storage inside an LMS, the page score and the cmi.interactions records.
// No DOM, no LMS: tests/test_export_scorm.py runs them through Node.

import { parseNumber } from "./numbers.js";
import { makeRecord, PREFIX, parseRecord } from "./progress_logic.js";
import { CORRECT, evaluate, INCORRECT, score } from "./quiz_logic.js";

/** SCORM 1.2 limit of cmi.suspend_data (CMIString4096). */
const SUSPEND_LIMIT = 4096;
/** Version of the suspend data written here: { v: 2, r: { "<kind>:<ref>@<page>": answers } }. */
const SUSPEND_VERSION = 2;

/**
 * The answers kept in stored suspend data, by progress key (without the « pacte:v1: » prefix).
 * Version 1 ({ v: 1, a: { "quiz:<bank>": answers } }, written by earlier packages) is read as the
 * answers of that page's quizzes. Anything unreadable starts afresh.
 * @param {string|null|undefined} text @param {string} page
 * @returns {Record<string, Record<string, any>>}
 */
export function readSuspend(text, page) {
  let value;
  try {
    value = JSON.parse(text || "null");
  } catch {
    return {};
  }
  if (!value || typeof value !== "object") return {};
  /** @type {Record<string, Record<string, any>>} */
  const out = {};
  if (value.v === SUSPEND_VERSION && value.r && typeof value.r === "object") {
    for (const [key, answers] of Object.entries(value.r)) {
      if (/^[a-z_]+:[^@]+@.+$/.test(key) && answers && typeof answers === "object" && !Array.isArray(answers)) {
        out[key] = answers;
      }
    }
  } else if (value.v === 1 && value.a && typeof value.a === "object") {
    for (const [activity, answers] of Object.entries(value.a)) {
      if (activity.startsWith("quiz:") && answers && typeof answers === "object") out[`${activity}@${page}`] = answers;
    }
  }
  return out;
}

/**
 * Compact JSON of the answers within the SCORM 1.2 limit: quiz answers kept first, then the others
 * in order until the limit (an activity that does not fit is left out whole, never cut).
 * @param {Record<string, Record<string, any>>} answersByKey @param {number} [limit]
 * @returns {string}
 */
export function writeSuspend(answersByKey, limit = SUSPEND_LIMIT) {
  const entries = Object.entries(answersByKey);
  const ordered = [
    ...entries.filter(([k]) => k.startsWith("quiz:")),
    ...entries.filter(([k]) => !k.startsWith("quiz:")),
  ];
  /** @type {Record<string, any>} */
  const kept = {};
  for (const [key, answers] of ordered) {
    kept[key] = answers;
    if (JSON.stringify({ v: SUSPEND_VERSION, r: kept }).length > limit) delete kept[key];
  }
  return JSON.stringify({ v: SUSPEND_VERSION, r: kept });
}

/**
 * A Storage-like object (length, key, getItem, setItem, removeItem) holding the progress records of
 * this page in memory only, seeded from the LMS's suspend data; ``onChange(answersByKey)`` is called
 * after every change with what the suspend data should now hold. Visits are not kept (the LMS tracks them).
 * @param {Record<string, Record<string, any>>} initial @param {(answers: Record<string, Record<string, any>>) => void} onChange
 * @param {string} now ISO time given to restored records
 */
export function memoryStorage(initial, onChange, now = new Date().toISOString()) {
  /** @type {Map<string, string>} */
  const items = new Map();
  for (const [short, answers] of Object.entries(initial)) {
    const kind = short.slice(0, short.indexOf(":"));
    const ref = short.slice(kind.length + 1);
    const page = ref.slice(ref.lastIndexOf("@") + 1);
    items.set(PREFIX + short, JSON.stringify(makeRecord({ kind, ref, page, fingerprint: "", answers, now })));
  }
  const answersByKey = () => {
    /** @type {Record<string, Record<string, any>>} */
    const out = {};
    for (const [key, text] of items) {
      const rec = parseRecord(text);
      if (rec && rec.kind !== "visit") out[key.slice(PREFIX.length)] = rec.answers;
    }
    return out;
  };
  return {
    get length() {
      return items.size;
    },
    /** @param {number} i */
    key(i) {
      return [...items.keys()][i] ?? null;
    },
    /** @param {string} key */
    getItem(key) {
      return items.has(key) ? /** @type {string} */ (items.get(key)) : null;
    },
    /** @param {string} key @param {string} value */
    setItem(key, value) {
      if (key.startsWith(`${PREFIX}visit:`)) return;
      items.set(key, String(value));
      if (key.startsWith(PREFIX)) onChange(answersByKey());
    },
    /** @param {string} key */
    removeItem(key) {
      const had = items.delete(key);
      if (had && key.startsWith(PREFIX)) onChange(answersByKey());
    },
    answersByKey,
  };
}

/**
 * The page's quiz score in per cent over all its questions, from the stored answers; never below ``best``
 * (the score the LMS already holds: resuming or changing an answer never lowers it).
 * @param {Array<any>} banks the page's quiz banks @param {Record<string, Record<string, any>>} answersByKey
 * @param {string} page @param {number|null} best
 * @returns {{ total: number, answered: number, correct: number, raw: number|null }}
 */
export function pageScore(banks, answersByKey, page, best = null) {
  let total = 0;
  let answered = 0;
  let correct = 0;
  for (const bank of banks) {
    const s = score(bank, answersByKey[`quiz:${bank.id}@${page}`] || {});
    total += s.total;
    answered += s.answered;
    correct += s.correct;
  }
  const now = total && answered ? Math.round((100 * correct) / total) : null;
  const raw = now === null ? best : best === null ? now : Math.max(now, best);
  return { total, answered, correct, raw };
}

/** The status a page reports: completed/passed/failed once every question is answered.
 * @param {number} total @param {number} answered @param {number|null} raw @param {number|null} mastery */
export function lessonStatus(total, answered, raw, mastery) {
  if (total === 0) return "completed";
  if (answered < total) return "incomplete";
  if (mastery === null || Number.isNaN(mastery) || raw === null) return "completed";
  return raw >= mastery ? "passed" : "failed";
}

/** A duration as a SCORM 1.2 CMITimespan (HHHH:MM:SS). @param {number} ms */
export function timespan(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(s / 3600), 4)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** A SCORM 1.2 CMIIdentifier (printable ASCII, no space, at most 255 characters). @param {string} text */
export function identifier(text) {
  return String(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x21-\x7E]/g, "_")
    .slice(0, 255);
}

/** @param {any} value */
function response(value) {
  const text = Array.isArray(value) ? value.map(identifier).join(",") : String(value ?? "");
  return text.slice(0, 255);
}

/**
 * The cmi.interactions.n.* values (in the order an LMS requires them) for one quiz answer, or null when
 * the answer is not gradable (invalid or empty).
 * @param {any} bank @param {string} questionId @param {any} answer @param {number} latencyMs
 * @param {Date|string} at when the learner answered (a Date, or an ISO date-time)
 * @returns {Array<[string, string]>|null}
 */
export function interaction(bank, questionId, answer, latencyMs, at) {
  const question = (bank.questions || []).find((/** @type {any} */ q) => q.id === questionId);
  if (!question) return null;
  const status = evaluate(question, answer).status;
  if (status !== CORRECT && status !== INCORRECT) return null;
  const numeric = question.type === "numeric";
  const correct = numeric
    ? String(question.answer)
    : question.choices
        .filter((/** @type {any} */ c) => c.correct)
        .map((/** @type {any} */ c) => identifier(c.id))
        .join(",");
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  const when = at instanceof Date ? at : new Date(at);
  return [
    ["id", identifier(`${bank.id}.${question.id}`)],
    ["type", numeric ? "numeric" : "choice"],
    ["time", `${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`],
    ["weighting", "1"],
    ["student_response", numeric ? String(parseNumber(answer)) : response(answer)],
    ["result", status === CORRECT ? "correct" : "wrong"],
    ["latency", timespan(latencyMs)],
    ["correct_responses.0.pattern", correct.slice(0, 255)],
  ];
}
