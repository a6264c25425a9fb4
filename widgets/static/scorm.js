// @ts-check
// SCORM 1.2 runtime of the static book. loader.js imports this module only when an LMS's SCORM API
// was found (window.API in a parent or opener window), and calls startScorm() BEFORE drawing any
// widget; outside an LMS it is never loaded. Each learning page is one SCO (pacte/export/scorm.py):
// - the page the LMS launched is the only one that talks to the API object: it marks it with its
//   name, and a page reached from it (a link followed inside the SCO's frame) finds the mark, stays
//   silent and keeps its answers in memory, so it can never write into the launched SCO's record;
//   the book's own navigation (sidebar, previous/next) is removed, links to other pages open apart;
// - the learner's answers live in the LMS: cmi.suspend_data is read back into an in-memory store
//   that replaces localStorage for every widget (progress.js), so a learner resuming on any computer
//   gets them back and the next learner on this browser starts empty;
// - cmi.core.score.raw/min/max: the page's quiz score in per cent once every question is answered,
//   never below what the LMS holds;
// - cmi.core.lesson_status: « incomplete » when opened (« completed » at once without a quiz), then
//   « completed », or « passed » / « failed » against the mastery score, once every question is answered;
// - one cmi.interactions.n record per quiz answer (id, type, response, result, correct response, latency).
// No request of its own: the LMS's API object does the talking.
import { currentPage, useProgressStorage } from "./progress.js";
import {
  interaction,
  lessonStatus,
  memoryStorage,
  pageScore,
  readSuspend,
  timespan,
  writeSuspend,
} from "./scorm_logic.js";

const DONE = new Set(["completed", "passed", "failed"]);
const NAVIGATION = [
  ".bd-sidebar-primary",
  ".prev-next-area",
  ".prev-next-footer",
  ".pacte-launch",
  ".primary-toggle",
  ".navbar-brand",
  ".search-button",
  ".search-button-field",
];

/** The quiz banks of the page, from the widgets' own state (known before they are drawn). */
function pageBanks(doc) {
  const banks = [];
  for (const c of doc.querySelectorAll('div.pacte-widget[data-pacte-module="quiz"]')) {
    try {
      const state = JSON.parse(c.querySelector("script[type='application/json']").textContent);
      if (state.bank && Array.isArray(state.bank.questions)) banks.push(state.bank);
    } catch {
      /* a broken widget counts for nothing */
    }
  }
  return banks;
}

/** Inside the LMS: no way to another page in the SCO's frame (the LMS's own table of contents leads). */
function keepInsideSco(doc) {
  for (const selector of NAVIGATION) for (const el of doc.querySelectorAll(selector)) el.remove();
  for (const a of doc.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href") || "";
    if (href.startsWith("#") || href.startsWith("javascript:")) continue;
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer");
  }
}

function notice(doc, text) {
  const p = doc.createElement("p");
  p.className = "pacte-scorm-note";
  p.setAttribute("role", "note");
  p.textContent = text;
  const title = doc.querySelector("article h1") || doc.querySelector("main h1");
  if (title) title.after(p);
  else doc.body?.prepend(p);
  return p;
}

function passive(doc, reason) {
  useProgressStorage(memoryStorage({}, () => {}));
  keepInsideSco(doc);
  notice(doc, reason);
  doc.documentElement.dataset.pacteScorm = "passive";
  return { passive: true };
}

/** Start reporting to ``api`` (a SCORM 1.2 API object); call before the widgets are drawn. */
export function startScorm(api, doc = document) {
  const page = currentPage();
  const call = (name, ...args) => {
    try {
      return String(api[name](...args));
    } catch {
      return "false";
    }
  };
  if (api.pacteLaunchedPage && api.pacteLaunchedPage !== page) {
    return passive(
      doc,
      "Cette page n’est pas l’activité ouverte par la plateforme : vos réponses n’y sont pas " +
        "enregistrées. Ouvrez-la depuis le sommaire de la plateforme pour qu’elles comptent.",
    );
  }
  const again = api.pacteLaunchedPage === page; // the launched page reloaded: its session may still be open
  if (call("LMSInitialize", "") !== "true" && !again) {
    return passive(
      doc,
      "La plateforme n’a pas ouvert le suivi de cette activité : vos réponses ne sont pas enregistrées.",
    );
  }
  try {
    api.pacteLaunchedPage = page;
  } catch {
    /* a frozen API object: the mark is only a guard */
  }
  const started = Date.now();
  let lastAnswer = started;
  const banks = pageBanks(doc);
  const bestText = call("LMSGetValue", "cmi.core.score.raw");
  let best = bestText === "" || Number.isNaN(Number(bestText)) ? null : Number(bestText);
  const masteryText = call("LMSGetValue", "cmi.student_data.mastery_score");
  const mastery = masteryText === "" || Number.isNaN(Number(masteryText)) ? null : Number(masteryText);
  let status = call("LMSGetValue", "cmi.core.lesson_status");
  let interactions = Number(call("LMSGetValue", "cmi.interactions._count")) || 0;
  const setStatus = (value) => {
    if (DONE.has(status) && value === "incomplete") return; // never step back from a finished page
    if (value !== status) call("LMSSetValue", "cmi.core.lesson_status", value);
    status = value;
  };

  const report = (answersByKey) => {
    const s = pageScore(banks, answersByKey, page, best);
    // A score only once every question is answered (or the page was finished before): Moodle turns any
    // score into « passed » / « failed » against the mastery score when the learner leaves the page.
    if (s.total > 0 && s.raw !== null && (s.answered === s.total || best !== null)) {
      call("LMSSetValue", "cmi.core.score.min", "0");
      call("LMSSetValue", "cmi.core.score.max", "100");
      if (s.raw !== best) call("LMSSetValue", "cmi.core.score.raw", String(s.raw));
      best = s.raw;
    }
    setStatus(lessonStatus(s.total, s.answered, s.raw, mastery));
    call("LMSSetValue", "cmi.suspend_data", writeSuspend(answersByKey));
    call("LMSCommit", "");
  };
  const store = memoryStorage(readSuspend(call("LMSGetValue", "cmi.suspend_data"), page), report);
  useProgressStorage(store);
  const first = pageScore(banks, store.answersByKey(), page, best);
  setStatus(lessonStatus(first.total, first.answered, first.raw, mastery));
  call("LMSCommit", "");

  doc.addEventListener("pacte:answer", (event) => {
    const item = /** @type {CustomEvent} */ (event).detail;
    if (!item || typeof item.activity !== "string" || !item.activity.startsWith("quiz:")) return;
    const bank = banks.find((b) => `quiz:${b.id}` === item.activity);
    const now = Date.now();
    const fields = bank ? interaction(bank, item.question, item.answer, now - lastAnswer, new Date(now)) : null;
    lastAnswer = now;
    if (!fields) return;
    for (const [name, value] of fields) call("LMSSetValue", `cmi.interactions.${interactions}.${name}`, value);
    interactions += 1;
    call("LMSCommit", "");
  });
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    call("LMSSetValue", "cmi.core.session_time", timespan(Date.now() - started));
    call("LMSSetValue", "cmi.core.exit", DONE.has(status) ? "" : "suspend");
    call("LMSCommit", "");
    call("LMSFinish", "");
  };
  globalThis.addEventListener?.("pagehide", finish);
  keepInsideSco(doc);
  doc.documentElement.dataset.pacteScorm = "on";
  return { finish, store, passive: false };
}
