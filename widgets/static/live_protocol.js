// @ts-check
// The one definition, in JavaScript, of a live answer: twin of
// pacte/live/protocol.py, both tested against datasets/schemas/live_answer.schema.json.
// activity = "<kind>:<ref>"; what question and answer hold per kind is listed in protocol.py.
// The kinds come from live_kinds.js, generated from pacte/live/kind_registry.py.
import { LIVE_KINDS } from "./live_kinds.js";

export const KINDS = LIVE_KINDS.kinds;
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
    return (
      value.length > 0 && value.length <= MAX_LIST_ITEMS && value.every((v) => typeof v === "string" && v.length <= 64)
    );
  }
  return false;
}

/**
 * The activity key "<kind>:<ref>" (twin of pacte.live.protocol.activity_id).
 * @param {string} kind
 * @param {string} ref
 * @returns {string}
 */
export function activityId(kind, ref) {
  return `${kind}:${ref}`;
}

/**
 * [kind, ref] of an activity key "<kind>:<ref>" ([activity, ""] without a colon; twin of split_activity).
 * @param {string} activity
 * @returns {[string, string]}
 */
export function splitActivity(activity) {
  const at = activity.indexOf(":");
  return at < 0 ? [activity, ""] : [activity.slice(0, at), activity.slice(at + 1)];
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
  const item = { activity: activityId(kind, ref), question, answer };
  return isLiveAnswer(item) ? /** @type {LiveAnswer} */ (item) : null;
}

/**
 * True when ``item`` has the shape of a live answer.
 * @param {any} item
 * @returns {boolean}
 */
export function isLiveAnswer(item) {
  if (!item || typeof item.activity !== "string" || typeof item.question !== "string") return false;
  if (!item.activity.includes(":")) return false;
  const [kind, ref] = splitActivity(item.activity);
  return KINDS.includes(kind) && REF.test(ref) && QUESTION.test(item.question) && validValue(item.answer);
}
