// SCORM 1.2 runtime of the static book. loader.js imports this module only when
// an LMS's SCORM API was found (window.API in a parent or opener window); outside
// an LMS it is never loaded. Each page is one SCO (see pacte/export/scorm.py):
// - cmi.core.lesson_status: « incomplete » when opened (a page without a quiz is
//   « completed » at once); « completed » when every question of the page's
//   quizzes has an answer, or « passed » / « failed » against the LMS's mastery score;
// - cmi.core.score.raw/min/max: the page's quiz score in per cent (right answers
//   over questions of the page), as the quizzes show it;
// - cmi.suspend_data: the learner's answers so far, compact JSON (<= 4096 chars),
//   { v: 1, a: { "<kind>:<activity>": { "<question>": answer } } }, the same
//   answers every widget sends in its « pacte:answer » event;
// then LMSCommit. No request of its own: the LMS's API object does the talking.

const SUSPEND_LIMIT = 4096;
const DONE = new Set(["completed", "passed", "failed"]);

/** Parse stored suspend data; anything unreadable starts afresh. */
function readSuspend(text) {
  try {
    const value = JSON.parse(text || "null");
    if (value && value.v === 1 && value.a && typeof value.a === "object") return value;
  } catch (err) {
    /* not ours, or empty */
  }
  return { v: 1, a: {} };
}

/** Compact JSON of the answers within the SCORM 1.2 limit: quiz answers kept first, the oldest others dropped. */
export function writeSuspend(state, limit = SUSPEND_LIMIT) {
  const entries = Object.entries(state.a);
  const quiz = entries.filter(([k]) => k.startsWith("quiz:"));
  const other = entries.filter(([k]) => !k.startsWith("quiz:"));
  let keep = [...quiz, ...other];
  let text = JSON.stringify({ v: 1, a: Object.fromEntries(keep) });
  while (text.length > limit && keep.length) {
    const drop = other.length ? other.shift() : keep[0];
    keep = keep.filter((e) => e !== drop);
    text = JSON.stringify({ v: 1, a: Object.fromEntries(keep) });
  }
  return text.length > limit ? JSON.stringify({ v: 1, a: {} }) : text;
}

/** Number of quiz questions on the page, from the widgets' own state (known before they are drawn). */
function quizQuestionCount(doc) {
  let total = 0;
  for (const c of doc.querySelectorAll('div.pacte-widget[data-pacte-module="quiz"]')) {
    try {
      const state = JSON.parse(c.querySelector("script[type='application/json']").textContent);
      total += (state.bank && state.bank.questions ? state.bank.questions.length : 0);
    } catch (err) {
      /* a broken widget counts for nothing */
    }
  }
  return total;
}

/** Right and answered questions over the page's drawn quizzes (quiz.js writes them on its root). */
function quizResults(doc) {
  let correct = 0;
  let answered = 0;
  for (const q of doc.querySelectorAll(".pacte-quiz")) {
    correct += Number(q.dataset.score || 0);
    answered += Number(q.dataset.answered || 0);
  }
  return { correct, answered };
}

/** The status a page reports: completed/passed/failed once every question is answered. */
export function lessonStatus(total, answered, raw, mastery) {
  if (total === 0) return "completed";
  if (answered < total) return "incomplete";
  if (mastery === null || Number.isNaN(mastery)) return "completed";
  return raw >= mastery ? "passed" : "failed";
}

function sessionTime(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${pad(Math.floor(s / 3600), 4)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Start reporting to ``api`` (a SCORM 1.2 API object); returns a small handle, or null if the LMS refused. */
export function startScorm(api, doc = document) {
  const call = (name, ...args) => {
    try {
      return String(api[name](...args));
    } catch (err) {
      return "false";
    }
  };
  if (call("LMSInitialize", "") !== "true") return null;
  const started = Date.now();
  const state = readSuspend(call("LMSGetValue", "cmi.suspend_data"));
  const masteryText = call("LMSGetValue", "cmi.student_data.mastery_score");
  const mastery = masteryText === "" || masteryText === "false" ? null : Number(masteryText);
  const total = quizQuestionCount(doc);
  let status = call("LMSGetValue", "cmi.core.lesson_status");
  const setStatus = (value) => {
    if (DONE.has(status) && value === "incomplete") return; // never step back from a finished page
    if (value !== status) call("LMSSetValue", "cmi.core.lesson_status", value);
    status = value;
  };
  setStatus(total === 0 ? "completed" : "incomplete");
  call("LMSCommit", "");

  const report = () => {
    const { correct, answered } = quizResults(doc);
    if (total > 0 && answered > 0) {
      const raw = Math.round((100 * correct) / total);
      call("LMSSetValue", "cmi.core.score.min", "0");
      call("LMSSetValue", "cmi.core.score.max", "100");
      call("LMSSetValue", "cmi.core.score.raw", String(raw));
      setStatus(lessonStatus(total, answered, raw, mastery));
    }
    call("LMSSetValue", "cmi.suspend_data", writeSuspend(state));
    call("LMSCommit", "");
  };
  const onAnswer = (event) => {
    const item = event.detail;
    if (!item || typeof item.activity !== "string" || typeof item.question !== "string") return;
    state.a[item.activity] = { ...(state.a[item.activity] || {}), [item.question]: item.answer };
    report();
  };
  doc.addEventListener("pacte:answer", onAnswer);
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    call("LMSSetValue", "cmi.core.session_time", sessionTime(Date.now() - started));
    call("LMSSetValue", "cmi.core.exit", DONE.has(status) ? "" : "suspend");
    call("LMSCommit", "");
    call("LMSFinish", "");
  };
  globalThis.addEventListener?.("pagehide", finish);
  // The « open live / on Binder » links lead out of the LMS (and its tracking): not offered inside it.
  doc.querySelectorAll(".pacte-launch").forEach((nav) => nav.remove());
  doc.documentElement.dataset.pacteScorm = "on";
  return { report, finish, state };
}
