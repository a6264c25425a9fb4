// @ts-check
// The one definition, in JavaScript, of a live answer: twin of
// pacte/live/protocol.py, both tested against datasets/schemas/live_answer.schema.json.
// activity = "<kind>:<ref>"; what question and answer hold per kind is listed in protocol.py.

export const KINDS = [
  "quiz",
  "survey",
  "text",
  "sorting",
  "diagnosis",
  "case",
  "ordering",
  "cpts_project",
  "profile",
  "wordcloud",
  "scale",
  "ranking",
  "room",
  "spot",
];
const REF = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const QUESTION = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const MAX_TEXT_CHARS = 2000;
const MAX_LIST_ITEMS = 64;

/**
 * @typedef {string | number | string[]} AnswerValue
 * @typedef {{ activity: string, question: string, answer: AnswerValue }} LiveAnswer
 */

/**
 * @param {unknown} value
 * @returns {boolean}
 */
function validValue(value) {
  if (typeof value === "string") return value.length <= MAX_TEXT_CHARS;
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= 1e15;
  if (Array.isArray(value)) {
    return value.length > 0 && value.length <= MAX_LIST_ITEMS && value.every((v) => typeof v === "string" && v.length <= 64);
  }
  return false;
}

/**
 * Build a live answer, or return null when its shape is wrong (a widget bug, logged once).
 * @param {string} kind
 * @param {string} ref
 * @param {string} question
 * @param {unknown} answer
 * @returns {LiveAnswer | null}
 */
export function liveAnswer(kind, ref, question, answer) {
  const item = { activity: `${kind}:${ref}`, question, answer };
  return isLiveAnswer(item) ? /** @type {LiveAnswer} */ (item) : null;
}

/**
 * True when ``item`` has the shape of a live answer.
 * @param {any} item
 * @returns {boolean}
 */
export function isLiveAnswer(item) {
  if (!item || typeof item.activity !== "string" || typeof item.question !== "string") return false;
  const at = item.activity.indexOf(":");
  if (at < 0) return false;
  const kind = item.activity.slice(0, at);
  const ref = item.activity.slice(at + 1);
  return KINDS.includes(kind) && REF.test(ref) && QUESTION.test(item.question) && validValue(item.answer);
}
