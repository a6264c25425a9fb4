// @ts-check
// Learner progress kept in this browser only (localStorage, keys « pacte:v1:… »): every answering
// widget calls remember() first thing in render(); its stored answers are put back into the model
// before it draws, and each new answer is saved. Nothing is sent anywhere. Same code in the static
// book (loader.js) and in Voilà / JupyterLab (same origin, same localStorage).
import { injectStyle } from "./dom.js";
import {
  ACTIVITY_MODULES,
  courseUrl,
  fingerprint,
  isDone,
  isEmptyAnswers,
  makeRecord,
  PREFIX,
  pageKey,
  parseRecord,
  recordKey,
  restoreAnswers,
} from "./progress_logic.js";

let lmsStore = null;

// Inside an LMS (scorm.js) the learner's answers live in the LMS, never in a browser store shared with
// whoever uses the browser next: scorm.js hands its in-memory store (seeded from cmi.suspend_data) here
// before any widget is drawn, and every remember() then reads and writes it instead of localStorage.
export function useProgressStorage(store) {
  lmsStore = store;
}

export function progressStorage() {
  if (lmsStore) return lmsStore;
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null; // storage disabled (private mode, blocked cookies): the course works, it just forgets
  }
}

export function currentPage() {
  const lab = jupyterLabConfig();
  if (lab && lab.treePath) return pageKey(lab.treePath);
  return pageKey(globalThis.location ? globalThis.location.pathname : "");
}

export function readAllRecords() {
  const store = progressStorage();
  const out = {};
  if (!store) return out;
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (!key || !key.startsWith(PREFIX)) continue;
    const rec = parseRecord(store.getItem(key));
    if (rec) out[key] = rec;
  }
  return out;
}

export function writeRecords(records) {
  const store = progressStorage();
  if (!store) return false;
  for (const [key, rec] of Object.entries(records)) store.setItem(key, JSON.stringify(rec));
  notifyProgress();
  return true;
}

export function clearAllRecords() {
  const store = progressStorage();
  if (!store) return 0;
  const keys = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key && key.startsWith(PREFIX)) keys.push(key);
  }
  for (const k of keys) store.removeItem(k);
  notifyProgress();
  return keys.length;
}

function notifyProgress() {
  if (typeof document !== "undefined") document.dispatchEvent(new CustomEvent("pacte:progress"));
}

function safeSummary(summarize, answers) {
  if (!summarize) return {};
  try {
    return summarize(answers) || {};
  } catch {
    return {};
  }
}

// remember(model, { kind, ref, title, shape, definition, trait, summarize }):
// kind: the widget kind ("quiz"…); ref: the activity id (the page is added, as one bank may be split over pages);
// shape: { answerKey: allowedValues|null } used to drop answers that no longer fit (see progress_logic.js);
// definition: what else defines the activity (fingerprint only); trait: "answers" (default) or "inputs";
// migrate(answers) -> { answers, dropped }: a widget's own repair of stored answers (a case path…);
// summarize(answers) -> { done, total, correct, complete, label, details } for « Mon parcours »;
// overDefaults: the trait starts with default values (simulators), which stored values replace.
// Otherwise stored answers are put back only when the model has none (answers set from Python win).
export function remember(model, options) {
  const {
    kind,
    ref,
    title = "",
    shape = null,
    definition = null,
    trait = "answers",
    summarize = null,
    migrate = null,
    overDefaults = false,
  } = options;
  const page = currentPage();
  const key = recordKey(kind, `${ref}@${page}`);
  const print = fingerprint(shape || definition);
  const store = progressStorage();
  const handle = {
    key,
    restored: false,
    dropped: 0,
    forget: () => {
      if (store) store.removeItem(key);
      notifyProgress();
    },
  };
  if (!store) return handle;
  let droppedTotal = 0; // kept in the record for « Mon parcours »; handle.dropped is what this visit dropped

  const save = () => {
    try {
      const answers = model.get(trait) || {};
      if (isEmptyAnswers(answers)) {
        store.removeItem(key);
      } else {
        const rec = makeRecord({
          kind,
          ref: `${ref}@${page}`,
          page,
          title,
          fingerprint: print,
          answers,
          summary: safeSummary(summarize, answers),
          now: new Date().toISOString(),
          dropped: droppedTotal,
        });
        store.setItem(key, JSON.stringify(rec));
      }
      notifyProgress();
    } catch (err) {
      console.warn("pacte progress: not saved", err); // a full storage never breaks the activity
    }
  };

  try {
    const stored = parseRecord(store.getItem(key));
    if (stored) {
      let { answers, dropped, changed } = restoreAnswers(stored, print, shape);
      if (migrate) {
        const m = migrate(answers);
        answers = m.answers;
        dropped += m.dropped;
      }
      handle.dropped = dropped;
      droppedTotal = dropped + (Number.isInteger(stored.dropped) ? stored.dropped : 0);
      if (!isEmptyAnswers(answers) && (overDefaults || isEmptyAnswers(model.get(trait)))) {
        model.set(trait, answers);
        model.save_changes();
        handle.restored = true;
      }
      if (changed || dropped) save();
    }
  } catch (err) {
    console.warn("pacte progress: stored answers ignored", err);
  }
  model.on(`change:${trait}`, save);
  return handle;
}

// The line « N activités sur M faites sur cette page » that loader.js puts after the title of module pages;
// it also records the visit (page, time, number of activities) for « Mon parcours ».
export function mountPageProgress(anchor, activities) {
  const store = progressStorage();
  const page = currentPage();
  if (!store || !page.startsWith("modules/")) return null;
  const title = (anchor.textContent || "").replace(/[#¶]\s*$/, "").trim();
  const visit = makeRecord({
    kind: "visit",
    ref: page,
    page,
    title,
    fingerprint: "",
    answers: {},
    summary: { total: activities },
    now: new Date().toISOString(),
  });
  try {
    store.setItem(recordKey("visit", page), JSON.stringify(visit));
  } catch {
    return null;
  }
  injectStyle(
    "pacte-page-progress-style",
    ".pacte-page-progress { font-size: .9rem; color: #3d4852; margin: .2rem 0 .8rem; }" +
      " @media print { .pacte-page-progress { display: none; } }",
  );
  const line = document.createElement("p");
  line.className = "pacte-page-progress";
  // Not a live region: the activities announce their own results; this line is read with the page.
  const draw = () => {
    const recs = Object.values(readAllRecords()).filter(
      (r) => r.page === page && r.kind !== "visit" && !isEmptyAnswers(r.answers),
    );
    const done = recs.filter(isDone).length;
    const started = recs.length - done;
    const text = activities
      ? `Votre progression : ${done} activité${done > 1 ? "s" : ""} sur ${activities} faite${done > 1 ? "s" : ""} sur cette page` +
        (started ? `, ${started} en cours` : "") +
        " (enregistré dans ce navigateur seulement). "
      : "Page ouverte : elle compte dans votre parcours (enregistré dans ce navigateur seulement). ";
    // A status line: rewritten (and so announced) only when what it says changes, not at every keystroke.
    if (line.firstChild && line.firstChild.textContent === text) return;
    line.dataset.done = String(done);
    line.dataset.total = String(activities);
    line.textContent = text;
    const link = document.createElement("a");
    link.textContent = "Mon parcours";
    link.href = courseLink("book/mon-parcours");
    line.append(link);
  };
  draw();
  document.addEventListener("pacte:progress", draw);
  anchor.after(line);
  return line;
}

// URL of a course page from the current one (same extension: .html in the book, .ipynb in Voilà and JupyterLab).
export function courseLink(doc) {
  return courseUrl(doc, globalThis.location ? globalThis.location.pathname : "", jupyterLabConfig());
}

// JupyterLab's page configuration, or null elsewhere (the static book, Voilà, Notebook).
function jupyterLabConfig() {
  const el = typeof document === "undefined" ? null : document.getElementById("jupyter-config-data");
  if (!el) return null;
  try {
    const config = JSON.parse(el.textContent || "{}");
    return config.appName === "JupyterLab" ? config : null;
  } catch {
    return null;
  }
}

export function countActivities(root) {
  return [...root.querySelectorAll("div.pacte-widget[data-pacte-module]")].filter((c) =>
    ACTIVITY_MODULES.includes(c.dataset.pacteModule),
  ).length;
}

// A short note when stored answers no longer fitted the activity (it changed since) and were dropped.
export function droppedNote(handle) {
  if (!handle || !handle.dropped || typeof document === "undefined") return null;
  const p = document.createElement("p");
  p.className = "pacte-progress-dropped";
  const n = handle.dropped;
  p.textContent = `${n} réponse${n > 1 ? "s" : ""} enregistrée${n > 1 ? "s" : ""} dans ce navigateur ne correspond${n > 1 ? "aient" : "ait"} plus à cette activité, qui a changé depuis : ${n > 1 ? "elles ont été retirées" : "elle a été retirée"}.`;
  return p;
}
