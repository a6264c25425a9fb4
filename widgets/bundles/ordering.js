// GENERATED from widgets/static/ordering.js by js/build-bundles.mjs (npm run bundles): do not edit.

// widgets/static/dom.js
var URL_RE = /(?:https?|ftp|mailto|file):\S+|www\.\S+|\b[\w.-]+@[\w-]+\.\w+/g;
var LETTER = "A-Za-zÀ-ÖØ-öø-ÿœŒ";
var SUPERSCRIPT = { e: "ᵉ", r: "ʳ", s: "ˢ" };
var RULES = [
  [/«[ \t\u202f]*(?=\S)/g, "« "],
  [/(?<=\S)[ \t\u202f]*»/g, " »"],
  [/[ \t]+:(?=\s|$|[»)\]"'’,.])/g, " :"],
  [/[ \t]+([;!?])/g, " $1"],
  [/(?<=\d)[ \t]+(?=(?:[kM]?€|%))/g, " "],
  [/(?<=\d) (?=\d{3}(?!\d))/g, " "],
  [
    /(?<=\d)[ \t]+(?=(?:min|h|ms|ans?|heures?|jours?|mois|semaines?|minutes?|secondes?|s|km|kg|Ko|Mo|Go|Kio|Mio|Gio|px)\b(?!['’-]))/g,
    " "
  ],
  [/\b1(er|re|ers|res)\b/g, (_, end) => `1${end.replace(/[ers]/g, (c) => SUPERSCRIPT[c])}`],
  [new RegExp(`(?<=[${LETTER}])'(?=[${LETTER}0-9*_«{\\[])`, "g"), "’"]
];
function fixPart(text) {
  return RULES.reduce((t, [re, by]) => t.replace(re, by), text);
}
function frenchText(text) {
  if (typeof text !== "string" || !text) return text;
  let out = "", last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += fixPart(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fixPart(text.slice(last));
}
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === void 0 || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === void 0) continue;
    node.append(typeof child === "string" ? document.createTextNode(frenchText(child)) : child);
  }
  return node;
}
function injectStyle(id, css) {
  if (typeof document === "undefined" || document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}

// widgets/static/host.js
function jupyterBaseUrl() {
  let base = "/";
  const cfg = document.getElementById("jupyter-config-data");
  if (cfg) {
    try {
      base = JSON.parse(cfg.textContent).baseUrl || "/";
    } catch (err) {
      console.warn("pacte: unreadable jupyter-config-data", err);
    }
  }
  return base.endsWith("/") ? base : `${base}/`;
}
function mirrorKernelResult(model, show) {
  const update = () => show(model.get("kernel_result") || {});
  model.on("change:kernel_result", update);
  update();
  return () => model.off("change:kernel_result", update);
}

// widgets/static/live_kinds.js
var LIVE_KINDS = {
  "kinds": [
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
    "spot"
  ],
  "labels": {
    "quiz": "Quiz",
    "survey": "Salle et enquête",
    "text": "Question ouverte",
    "sorting": "Exercice de classement",
    "diagnosis": "Autodiagnostic",
    "case": "Cas pratique",
    "ordering": "Mise en ordre",
    "cpts_project": "Projet de CPTS",
    "profile": "Mon profil",
    "wordcloud": "Nuage de mots",
    "scale": "Échelle",
    "ranking": "Classement",
    "room": "Question de la salle",
    "spot": "Sur le vif"
  },
  "moderated": [
    "text",
    "wordcloud",
    "room"
  ]
};

// widgets/static/live_protocol.js
var KINDS = LIVE_KINDS.kinds;
var REF = /^[a-z0-9][a-z0-9_-]{0,63}$/;
var QUESTION = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
var MAX_TEXT_CHARS = 2e3;
var MAX_LIST_ITEMS = 64;
function validValue(value) {
  if (typeof value === "string") return value.length <= MAX_TEXT_CHARS;
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= 1e15;
  if (Array.isArray(value)) {
    return value.length > 0 && value.length <= MAX_LIST_ITEMS && value.every((v) => typeof v === "string" && v.length <= 64);
  }
  return false;
}
function activityId(kind, ref) {
  return `${kind}:${ref}`;
}
function splitActivity(activity) {
  const at = activity.indexOf(":");
  return at < 0 ? [activity, ""] : [activity.slice(0, at), activity.slice(at + 1)];
}
function liveAnswer(kind, ref, question, answer) {
  const item = { activity: activityId(kind, ref), question, answer };
  return isLiveAnswer(item) ? (
    /** @type {LiveAnswer} */
    item
  ) : null;
}
function isLiveAnswer(item) {
  if (!item || typeof item.activity !== "string" || typeof item.question !== "string") return false;
  if (!item.activity.includes(":")) return false;
  const [kind, ref] = splitActivity(item.activity);
  return KINDS.includes(kind) && REF.test(ref) && QUESTION.test(item.question) && validValue(item.answer);
}

// widgets/static/live_client.js
var KEY = "pacte-live-session";
function apiBase() {
  if (globalThis.PACTE_LIVE_API) return globalThis.PACTE_LIVE_API;
  const base = jupyterBaseUrl();
  return new URL(`${base}api/live/`, window.location.href).href;
}
function currentSession() {
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
    credentials: "omit"
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = { ok: false, error: "Réponse illisible du serveur." };
  }
  return { status: response.status, data };
}
function leaveSession() {
  localStorage.removeItem(KEY);
  globalThis.__pacteLiveStage = null;
  notify("left", {});
}
async function sendAnswer(activity, question, answer) {
  const session = currentSession();
  if (!session) return null;
  try {
    const { status, data } = await post("answer", {
      code: session.code,
      participant: session.participant,
      activity,
      question,
      answer
    });
    if (status === 403 || status === 404 || status === 410) leaveSession();
    if (status !== 201) {
      notify("error", { message: data.error || "Réponse non transmise.", status });
      return false;
    }
    notify("sent", { activity, question });
    return true;
  } catch {
    notify("error", { message: "Serveur de la séance injoignable : la réponse n’a pas été transmise." });
    return false;
  }
}
function installForwarder() {
  if (globalThis.__pacteLiveForwarder) return;
  globalThis.__pacteLiveForwarder = true;
  document.addEventListener("pacte:answer", (event) => {
    const item = (
      /** @type {CustomEvent} */
      event.detail
    );
    if (isLiveAnswer(item)) sendAnswer(item.activity, item.question, item.answer);
  });
}
function emitAnswer(el, kind, ref, question, answer) {
  installForwarder();
  const item = liveAnswer(kind, ref, question, answer);
  if (!item) {
    console.warn("pacte: answer with a wrong shape not sent", { kind, ref, question, answer });
    return;
  }
  el.dispatchEvent(new CustomEvent("pacte:answer", { bubbles: true, detail: item }));
}

// widgets/static/ordering_logic.js
var CORRECT = "correct";
var INCORRECT = "incorrect";
function expectedRanks(exercise) {
  const positions = exercise.items.map((i) => i.position);
  const out = {};
  for (const item of exercise.items) {
    const p = item.position;
    out[item.id] = [1 + positions.filter((q) => q < p).length, positions.filter((q) => q <= p).length];
  }
  return out;
}
function expectedOrder(exercise) {
  return exercise.items.map((item, index) => ({ item, index })).sort((a, b) => a.item.position - b.item.position || a.index - b.index).map((x) => x.item.id);
}
function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
function readOrder(answer) {
  if (isObject(answer)) {
    if (Object.keys(answer).length === 0) return { order: null, errors: [] };
    answer = Object.hasOwn(answer, "order") ? answer.order : null;
  }
  if (answer === null || answer === void 0) return { order: null, errors: [] };
  if (!Array.isArray(answer))
    return { order: null, errors: ["Réponse illisible : une liste d’éléments dans l’ordre est attendue."] };
  return { order: answer, errors: [] };
}
function scoreOrdering(exercise, answer) {
  const items = exercise.items;
  const total = items.length;
  const ranks = expectedRanks(exercise);
  const position = new Map(items.map((i) => [i.id, i.position]));
  let pairsTotal = 0;
  for (let a = 0; a < total; a += 1) {
    for (let b = a + 1; b < total; b += 1) if (items[a].position !== items[b].position) pairsTotal += 1;
  }
  const base = { total, correct: 0, pairs: 0, pairs_total: pairsTotal, results: {}, order: [], perfect: false };
  const read = readOrder(answer);
  const order = read.order;
  const errors = read.errors;
  if (order === null && errors.length === 0) {
    return { ...base, status: "empty", errors: [], message: "Placez les éléments puis vérifiez votre ordre." };
  }
  if (order !== null) {
    const seen = /* @__PURE__ */ new Set();
    for (const raw of order) {
      if (typeof raw !== "string" || !position.has(raw)) {
        const label = typeof raw === "string" ? `« ${raw} »` : JSON.stringify(raw);
        errors.push(`Élément inconnu : ${label}.`);
      } else if (seen.has(raw)) {
        errors.push(`Élément placé deux fois : « ${raw} ».`);
      } else {
        seen.add(raw);
      }
    }
    const missing = items.filter((i) => !seen.has(i.id)).map((i) => i.id);
    if (missing.length && errors.length === 0) {
      errors.push(`Éléments manquants : ${missing.map((m) => `« ${m} »`).join(", ")}.`);
    }
  }
  if (errors.length) {
    return { ...base, status: "invalid", errors, message: `Ordre non reconnu : ${errors.join(" ")}` };
  }
  const results = {};
  let correct = 0;
  order.forEach((itemId, index) => {
    const [lo, hi] = ranks[itemId];
    const rank = index + 1;
    const ok = lo <= rank && rank <= hi;
    if (ok) correct += 1;
    results[itemId] = {
      status: ok ? CORRECT : INCORRECT,
      rank,
      expected: [lo, hi],
      offset: ok ? 0 : rank > hi ? rank - hi : rank - lo
    };
  });
  let pairs = 0;
  for (let a = 0; a < total; a += 1) {
    for (let b = a + 1; b < total; b += 1) if (position.get(order[a]) < position.get(order[b])) pairs += 1;
  }
  const s = correct > 1 ? "s" : "";
  const message = `${correct} élément${s} sur ${total} à la bonne place ; ${pairs} paires sur ${pairsTotal} dans le bon ordre.`;
  return {
    ...base,
    status: "complete",
    correct,
    pairs,
    results,
    order: [...order],
    perfect: correct === total,
    errors: [],
    message
  };
}

// widgets/static/progress_logic.js
var RECORD_VERSION = 1;
var PREFIX = "pacte:v1:";
function recordKey(kind, ref) {
  return `${PREFIX}${kind}:${ref}`;
}
function pageKey(pathname) {
  let path = String(pathname || "").split(/[?#]/)[0];
  try {
    path = decodeURIComponent(path);
  } catch {
  }
  const m = /^.*?(?:^|\/)(modules\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path) || /^.*(?:^|\/)(book\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path);
  if (m) return m[1];
  if (/(?:^|\/)(index\.html)?$/.test(path)) return "book/intro";
  return path.replace(/^\/+/, "").replace(/\.(html|ipynb)$/, "");
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value === void 0 ? null : value);
}
function hashString(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
function fingerprint(definition) {
  return hashString(canonical(definition ?? null));
}
function isEmptyValue(v) {
  if (v === null || v === void 0 || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.values(v).every(isEmptyValue);
  return false;
}
function isEmptyAnswers(answers) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return true;
  return Object.values(answers).every(isEmptyValue);
}
function migrateAnswers(answers, shape) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { answers: {}, dropped: 0 };
  if (!shape) return { answers: { ...answers }, dropped: 0 };
  const out = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(answers)) {
    if (!Object.hasOwn(shape, key)) {
      dropped += 1;
      continue;
    }
    const allowed = shape[key];
    if (!allowed) {
      out[key] = value;
      continue;
    }
    if (Array.isArray(value) ? value.every((x) => allowed.includes(x)) : allowed.includes(value)) {
      out[key] = value;
    } else {
      dropped += 1;
    }
  }
  return { answers: out, dropped };
}
function isRecord(rec) {
  return !!rec && typeof rec === "object" && !Array.isArray(rec) && rec.v === RECORD_VERSION && typeof rec.kind === "string" && /^[a-z_]+$/.test(rec.kind) && typeof rec.ref === "string" && typeof rec.updated === "string" && !Number.isNaN(Date.parse(rec.updated)) && !!rec.answers && typeof rec.answers === "object" && !Array.isArray(rec.answers) && (rec.summary === void 0 || typeof rec.summary === "object" && rec.summary !== null);
}
function parseRecord(text) {
  if (!text) return null;
  try {
    const rec = JSON.parse(text);
    return isRecord(rec) ? rec : null;
  } catch {
    return null;
  }
}
function restoreAnswers(rec, print, shape) {
  if (!rec) return { answers: {}, dropped: 0, changed: false };
  const { answers, dropped } = migrateAnswers(rec.answers, shape);
  return { answers, dropped, changed: rec.fingerprint !== print };
}
function makeRecord(o) {
  const rec = {
    v: RECORD_VERSION,
    kind: o.kind,
    ref: o.ref,
    page: o.page,
    title: o.title || "",
    fingerprint: o.fingerprint,
    answers: o.answers,
    summary: o.summary || {},
    updated: o.now
  };
  if (o.dropped) rec.dropped = o.dropped;
  return rec;
}

// widgets/static/progress.js
var lmsStore = null;
function progressStorage() {
  if (lmsStore) return lmsStore;
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
function currentPage() {
  const lab = jupyterLabConfig();
  if (lab && lab.treePath) return pageKey(lab.treePath);
  return pageKey(globalThis.location ? globalThis.location.pathname : "");
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
function remember(model, options) {
  const {
    kind,
    ref,
    title = "",
    shape = null,
    definition = null,
    trait = "answers",
    summarize = null,
    migrate = null,
    overDefaults = false
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
    }
  };
  if (!store) return handle;
  let droppedTotal = 0;
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
          now: (/* @__PURE__ */ new Date()).toISOString(),
          dropped: droppedTotal
        });
        store.setItem(key, JSON.stringify(rec));
      }
      notifyProgress();
    } catch (err) {
      console.warn("pacte progress: not saved", err);
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

// widgets/static/ordering.js
var STYLE_ID = "pacte-ordering-style";
var CSS = `
.pacte-order { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-order h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-order-ends { font-size: .9rem; color: #4a5560; }
.pacte-order-list { list-style: none; padding: 0; margin: .6rem 0; counter-reset: none; }
.pacte-order-item { display: grid; grid-template-columns: 2.2rem 1fr auto; gap: .3rem .6rem; align-items: center; background: #fff; border: 1px solid #dde3ea; border-left: 5px solid #dde3ea; border-radius: 6px; padding: .45rem .6rem; margin: .35rem 0; }
.pacte-order-item[draggable=true] { cursor: grab; }
.pacte-order-item.pacte-dragging { opacity: .5; }
.pacte-order-item.pacte-drop-target { outline: 2px dashed #1f5f8b; }
.pacte-order-rank { font-weight: 700; color: #1f5f8b; text-align: right; }
.pacte-order-label { line-height: 1.4; }
.pacte-order-controls { display: flex; gap: .3rem; align-items: center; flex-wrap: wrap; justify-content: flex-end; }
.pacte-order-controls input { font: inherit; font-size: .9rem; padding: .1rem .2rem; width: 2.8em; text-align: center; }
.pacte-order-help { font-size: .9rem; color: #4a5560; }
.pacte-order .pacte-button { font: inherit; padding: .3rem .85rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-order .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-order .pacte-move { font: inherit; font-size: .85rem; padding: .15rem .45rem; border-radius: 5px; border: 1px solid #687887; background: #fff; color: #1b2631; cursor: pointer; }
.pacte-order .pacte-move:disabled { opacity: .35; cursor: default; }
.pacte-order button:focus-visible, .pacte-order input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-order-mark { grid-column: 2 / 4; font-size: .88rem; }
.pacte-order-mark:empty { display: none; }
.pacte-order-item.pacte-correct { border-left-color: #2e7d32; }
.pacte-order-item.pacte-incorrect { border-left-color: #c62828; }
.pacte-order-item.pacte-correct .pacte-order-mark { color: #1b5e20; }
.pacte-order-item.pacte-incorrect .pacte-order-mark { color: #b71c1c; }
.pacte-order-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
.pacte-order-status { font-weight: 600; }
.pacte-order-solution h4 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
.pacte-order-solution ol { padding-left: 1.4rem; }
.pacte-order-solution li { margin: .5rem 0; }
.pacte-order-solution .pacte-order-marker { font-weight: 700; }
.pacte-order-solution p { margin: .15rem 0; }
.pacte-order-note { border-left: 3px solid #b35c00; padding-left: .5rem; }
.pacte-order-source { font-size: .8rem; color: #4a5560; }
@media (max-width: 520px) {
  .pacte-order-item { grid-template-columns: 1.8rem 1fr; }
  .pacte-order-controls { grid-column: 1 / 3; justify-content: flex-start; }
  .pacte-order-mark { grid-column: 1 / 3; }
}
`;
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const ex = model.get("exercise");
  remember(model, {
    kind: "ordering",
    ref: ex.id,
    title: ex.title,
    definition: ex.items.map((i) => [i.id, i.position]),
    summarize: (a) => {
      const r = scoreOrdering(ex, a);
      return {
        complete: r.status === "complete",
        done: r.correct,
        total: r.total,
        label: r.status === "complete" ? `${r.correct} à la bonne place sur ${r.total}` : "ordre à revoir"
      };
    }
  });
  const byId = new Map(ex.items.map((i) => [i.id, i]));
  const fileOrder = ex.items.map((i) => i.id);
  const saved = scoreOrdering(ex, model.get("answers"));
  let order = saved.status === "complete" ? [...saved.order] : [...fileOrder];
  let checked = saved.status === "complete";
  const cite = (src) => `${ex.citations && ex.citations[src.ref] || src.ref} — ${src.detail}`;
  const n = order.length;
  const root = h("section", { class: "pacte-order", "aria-label": `Exercice : ${ex.title}`, "data-exercise": ex.id });
  root.append(h("h3", {}, ex.title), h("p", {}, ex.instructions));
  if (ex.first_label || ex.last_label) {
    root.append(
      h(
        "p",
        { class: "pacte-order-ends" },
        `En haut de la liste : ${ex.first_label || "le premier"} ; en bas : ${ex.last_label || "le dernier"}.`
      )
    );
  }
  const announce = h("p", {
    class: "pacte-visually-hidden",
    role: "status",
    "aria-live": "polite",
    style: "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap"
  });
  const helpId = `pacte-order-help-${ex.id}`;
  root.append(
    h(
      "p",
      { class: "pacte-order-help", id: helpId },
      "Au clavier : dans la case de position d’un élément, tapez le numéro de sa place puis Entrée (il échange sa place avec l’élément qui s’y trouvait) ; flèches haut et bas : élément précédent ou suivant."
    )
  );
  const list = h("ol", { class: "pacte-order-list", "aria-label": "Éléments à ordonner" });
  const status = h("p", { class: "pacte-order-status", "aria-live": "polite" });
  const solution = h("div", { class: "pacte-order-solution" });
  const rows = /* @__PURE__ */ new Map();
  const move = (id, to, focus) => {
    const from = order.indexOf(id);
    if (from < 0 || to < 0 || to >= n || to === from) return;
    order.splice(from, 1);
    order.splice(to, 0, id);
    checked = false;
    draw();
    announce.textContent = `« ${byId.get(id).label} » est maintenant en position ${to + 1} sur ${n}.`;
    if (focus) {
      const row = rows.get(id);
      const target = row && row.querySelector(`[data-action=${focus}]`);
      if (target && !target.disabled) target.focus();
      else if (row) positionField(row).focus();
    }
  };
  const positionField = (row) => row.querySelector("input[data-action=position]");
  const focusRow = (index) => {
    const row = rows.get(order[Math.max(0, Math.min(n - 1, index))]);
    const field = row && positionField(row);
    if (field) {
      field.focus();
      field.select();
    }
  };
  const place = (id, field, keepRow) => {
    const from = order.indexOf(id);
    const typed = field.value.trim();
    const to = Number(typed) - 1;
    if (!/^\d+$/.test(typed) || to < 0 || to >= n) {
      field.value = String(from + 1);
      announce.textContent = `Tapez un numéro de position entre 1 et ${n}.`;
      return;
    }
    if (to !== from) {
      const other = order[to];
      order[from] = other;
      order[to] = id;
      checked = false;
      draw();
      announce.textContent = `« ${byId.get(id).label} » est maintenant en position ${to + 1} sur ${n} ; « ${byId.get(other).label} » passe en position ${from + 1}.`;
    }
    if (keepRow) focusRow(from);
  };
  let dragged = null;
  for (const id of order) {
    const item = byId.get(id);
    const field = h("input", {
      type: "text",
      inputmode: "numeric",
      autocomplete: "off",
      size: "2",
      maxlength: "3",
      "aria-label": `Position de « ${item.label} »`,
      "aria-describedby": helpId,
      "data-action": "position"
    });
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        place(id, field, true);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        field.value = String(order.indexOf(id) + 1);
        focusRow(order.indexOf(id) + (event.key === "ArrowDown" ? 1 : -1));
      }
    });
    field.addEventListener("change", () => place(id, field, false));
    field.addEventListener("focus", () => field.select());
    const up = h(
      "button",
      {
        type: "button",
        class: "pacte-move",
        "data-action": "up",
        "aria-label": `Monter « ${item.label} »`,
        title: "Monter"
      },
      "▲"
    );
    up.addEventListener("click", () => move(id, order.indexOf(id) - 1, "up"));
    const down = h(
      "button",
      {
        type: "button",
        class: "pacte-move",
        "data-action": "down",
        "aria-label": `Descendre « ${item.label} »`,
        title: "Descendre"
      },
      "▼"
    );
    down.addEventListener("click", () => move(id, order.indexOf(id) + 1, "down"));
    const row = h(
      "li",
      { class: "pacte-order-item", "data-item": id, draggable: "true" },
      h("span", { class: "pacte-order-rank", "aria-hidden": "true" }),
      h("span", { class: "pacte-order-label" }, item.label),
      h("span", { class: "pacte-order-controls" }, field, up, down),
      h("span", { class: "pacte-order-mark" })
    );
    row.addEventListener("dragstart", (event) => {
      dragged = id;
      row.classList.add("pacte-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", id);
    });
    row.addEventListener("dragend", () => {
      dragged = null;
      row.classList.remove("pacte-dragging");
    });
    row.addEventListener("dragover", (event) => {
      if (dragged && dragged !== id) {
        event.preventDefault();
        row.classList.add("pacte-drop-target");
      }
    });
    row.addEventListener("dragleave", () => row.classList.remove("pacte-drop-target"));
    row.addEventListener("drop", (event) => {
      event.preventDefault();
      row.classList.remove("pacte-drop-target");
      if (dragged && dragged !== id) move(dragged, order.indexOf(id), null);
    });
    rows.set(id, row);
  }
  const showSolution = (result) => {
    solution.replaceChildren();
    if (!checked || result.status !== "complete") return;
    const ol = h("ol", {});
    for (const id of expectedOrder(ex)) {
      const item = byId.get(id);
      const r = result.results[id];
      ol.append(
        h(
          "li",
          { "data-solution-item": id },
          h(
            "p",
            {},
            item.marker ? h("span", { class: "pacte-order-marker" }, `${item.marker} — `) : null,
            item.label,
            r.status === CORRECT ? " (bien placé)" : ` (vous l’aviez mis en position ${r.rank})`
          ),
          h("p", {}, item.explanation),
          item.note ? h("p", { class: "pacte-order-note" }, item.note) : null,
          h("p", { class: "pacte-order-source" }, "Source : ", cite(item.source))
        )
      );
    }
    solution.append(h("h4", {}, "L’ordre attendu"), ol);
    if (ex.conclusion) solution.append(h("p", {}, ex.conclusion));
  };
  function draw() {
    const result = scoreOrdering(ex, { order });
    list.replaceChildren();
    order.forEach((id, index) => {
      const row = rows.get(id);
      row.querySelector(".pacte-order-rank").textContent = `${index + 1}.`;
      positionField(row).value = String(index + 1);
      row.querySelector("[data-action=up]").disabled = index === 0;
      row.querySelector("[data-action=down]").disabled = index === n - 1;
      const mark = row.querySelector(".pacte-order-mark");
      row.classList.remove("pacte-correct", "pacte-incorrect");
      delete row.dataset.status;
      mark.textContent = "";
      if (checked && result.status === "complete") {
        const r = result.results[id];
        const item = byId.get(id);
        const when = item.marker ? ` (${item.marker})` : "";
        row.classList.add(r.status === CORRECT ? "pacte-correct" : "pacte-incorrect");
        row.dataset.status = r.status;
        const [lo, hi] = r.expected;
        const where = lo === hi ? `en position ${lo}` : `entre les positions ${lo} et ${hi}`;
        mark.textContent = r.status === CORRECT ? `✓ Bien placé${when}.` : `✗ Attendu ${where}${when}.`;
      }
      list.append(row);
    });
    root.dataset.status = checked ? result.status : "unchecked";
    root.dataset.order = order.join(",");
    if (checked) {
      root.dataset.correct = String(result.correct);
      root.dataset.pairs = String(result.pairs);
      status.textContent = (result.perfect ? "Bravo, tout est à sa place. " : "") + result.message;
    } else {
      delete root.dataset.correct;
      delete root.dataset.pairs;
      status.textContent = "";
    }
    showSolution(result);
  }
  const check = h("button", { type: "button", class: "pacte-button", "data-action": "check" }, "Vérifier mon ordre");
  check.addEventListener("click", () => {
    checked = true;
    draw();
    model.set("answers", { order: [...order] });
    model.save_changes();
    emitAnswer(root, "ordering", ex.id, "order", [...order]);
  });
  const reset = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-action": "reset" },
    "Recommencer"
  );
  reset.addEventListener("click", () => {
    order = [...fileOrder];
    checked = false;
    draw();
    model.set("answers", {});
    model.save_changes();
    announce.textContent = "Ordre de départ rétabli.";
  });
  root.append(list, h("div", { class: "pacte-order-actions" }, check, reset), status, announce, solution);
  const showKernel = (kr) => {
    if (kr && typeof kr.correct === "number") {
      root.dataset.kernelCorrect = String(kr.correct);
      root.dataset.kernelPairs = String(kr.pairs);
      root.dataset.kernelStatus = String(kr.status);
    }
  };
  draw();
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var ordering_default = { render };
export {
  ordering_default as default
};
