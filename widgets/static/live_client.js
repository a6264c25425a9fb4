// @ts-check
// Live sessions, trainee side: join with a code, then forward every answer
// (quizzes, survey questions, open prompts) to the server that serves the
// course. Works the same in the static book and in Voilà (same origin, so the
// same localStorage). Nothing is sent anywhere when no session was joined.
import { jupyterBaseUrl } from "./host.js";
import { isLiveAnswer, liveAnswer } from "./live_protocol.js";

const KEY = "pacte-live-session";

export function apiBase() {
  if (globalThis.PACTE_LIVE_API) return globalThis.PACTE_LIVE_API;
  const base = jupyterBaseUrl();
  return new URL(`${base}api/live/`, window.location.href).href;
}

export function currentSession() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) || "null");
    return value && value.code && value.participant ? value : null;
  } catch {
    return null;
  }
}

function notify(type, detail) {
  document.dispatchEvent(new CustomEvent(`pacte:live-${type}`, { detail }));
}

async function post(path, body) {
  const response = await fetch(apiBase() + path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "omit",
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = { ok: false, error: "Réponse illisible du serveur." };
  }
  return { status: response.status, data };
}

export async function liveAvailable() {
  try {
    const response = await fetch(`${apiBase()}status`, { credentials: "omit" });
    return response.ok;
  } catch {
    return false;
  }
}

export async function joinSession(code) {
  const { status, data } = await post("join", { code: String(code || "").trim() });
  if (status !== 201) throw new Error(data.error || "Impossible de rejoindre la séance.");
  const session = { code: data.code, title: data.title, participant: data.participant };
  localStorage.setItem(KEY, JSON.stringify(session));
  notify("joined", session);
  return session;
}

export function leaveSession() {
  localStorage.removeItem(KEY);
  globalThis.__pacteLiveStage = null;
  notify("left", {});
}

/**
 * The event dispatched on ``document`` each time a new STAGE of the joined session
 * arrives (live_room.js): ``detail`` is the STAGE (pacte/live/stage.py). The first
 * one comes as soon as the trainee's page follows the session.
 */
export const STAGE_EVENT = "pacte:live-stage";

/**
 * Announce a new STAGE to the page's widgets (called by live_room.js only).
 * @param {any} stage
 */
export function publishStage(stage) {
  // On globalThis: under anywidget each widget inlines its own copy of this module.
  globalThis.__pacteLiveStage = stage;
  document.dispatchEvent(new CustomEvent(STAGE_EVENT, { detail: stage }));
}

/**
 * Follow the session's STAGE from a widget: ``handler(stage)`` is called at once with
 * the latest STAGE if one arrived before the widget was drawn, on every new one, and
 * with ``null`` when the trainee leaves the session. Returns the function that stops.
 * @param {(stage: any) => void} handler
 * @returns {() => void}
 */
export function followStage(handler) {
  const onStage = (event) => handler(/** @type {CustomEvent} */ (event).detail);
  const onLeft = () => handler(null);
  document.addEventListener(STAGE_EVENT, onStage);
  document.addEventListener("pacte:live-left", onLeft);
  if (globalThis.__pacteLiveStage && currentSession()) handler(globalThis.__pacteLiveStage);
  return () => {
    document.removeEventListener(STAGE_EVENT, onStage);
    document.removeEventListener("pacte:live-left", onLeft);
  };
}

export async function sendAnswer(activity, question, answer) {
  const session = currentSession();
  if (!session) return null;
  try {
    const { status, data } = await post("answer", {
      code: session.code,
      participant: session.participant,
      activity,
      question,
      answer,
    });
    if (status === 403 || status === 404 || status === 410) leaveSession();
    if (status !== 201) {
      notify("error", { message: data.error || "Réponse non transmise.", status });
      return false;
    }
    notify("sent", { activity, question });
    return true;
  } catch {
    notify("error", { message: "Serveur de la séance injoignable\u00a0: la réponse n’a pas été transmise." });
    return false;
  }
}

export function installForwarder() {
  if (globalThis.__pacteLiveForwarder) return;
  globalThis.__pacteLiveForwarder = true;
  document.addEventListener("pacte:answer", (event) => {
    const item = /** @type {CustomEvent} */ (event).detail;
    if (isLiveAnswer(item)) sendAnswer(item.activity, item.question, item.answer);
  });
}

/**
 * The one call every answering widget makes when the learner answers: a
 * bubbling ``pacte:answer`` event carrying a live answer (see live_protocol.js),
 * forwarded to the server only when a live session was joined.
 * @param {Element} el  the widget's root element
 * @param {string} kind  quiz, survey, text, sorting, diagnosis, case or ordering
 * @param {string} ref  the activity's id (bank, exercise, grid, case, prompt…)
 * @param {string} question  the part answered (see pacte/live/protocol.py)
 * @param {unknown} answer
 */
export function emitAnswer(el, kind, ref, question, answer) {
  installForwarder();
  const item = liveAnswer(kind, ref, question, answer);
  if (!item) {
    console.warn("pacte: answer with a wrong shape not sent", { kind, ref, question, answer });
    return;
  }
  el.dispatchEvent(new CustomEvent("pacte:answer", { bubbles: true, detail: item }));
}
