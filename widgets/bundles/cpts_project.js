// GENERATED from widgets/static/cpts_project.js by js/build-bundles.mjs (npm run bundles): do not edit.

// widgets/static/cpts_project_logic.js
var COMPLETE = "complete";
var INCOMPLETE = "incomplete";
var EMPTY = "empty";
var INVALID = "invalid";
function plural(n, word, plural_) {
  return `${n} ${n > 1 ? plural_ || `${word}s` : word}`;
}
function describe(raw) {
  if (typeof raw === "string") return `« ${raw} »`;
  try {
    return JSON.stringify(raw);
  } catch {
    return String(raw);
  }
}
function cleanList(raw, known, what, errors) {
  if (raw === null || raw === void 0) return [];
  if (!Array.isArray(raw)) {
    errors.push(`Réponse illisible pour les ${what} : une liste est attendue.`);
    return [];
  }
  const seen = /* @__PURE__ */ new Set();
  for (const value of raw) {
    if (typeof value !== "string" || !known.includes(value))
      errors.push(`Choix inconnu parmi les ${what} : ${describe(value)}.`);
    else seen.add(value);
  }
  return known.filter((id) => seen.has(id));
}
function ruleApplies(when, missions, partners) {
  const sets = { missions: new Set(missions), partners: new Set(partners) };
  for (const [key, value] of Object.entries(when)) {
    const [what, op] = key.split("_");
    const chosen = sets[what];
    if (op === "min") {
      if (chosen.size < value) return false;
      continue;
    }
    if (op === "max") {
      if (chosen.size > value) return false;
      continue;
    }
    const hits = value.filter((id) => chosen.has(id)).length;
    if (op === "any" && hits === 0) return false;
    if (op === "all" && hits !== value.length) return false;
    if (op === "none" && hits !== 0) return false;
    if (op === "missing" && hits === value.length) return false;
  }
  return true;
}
function evaluateProject(project, answers) {
  const errors = [];
  let a = answers;
  if (a === null || a === void 0) a = {};
  if (typeof a !== "object" || Array.isArray(a)) {
    errors.push("Réponses illisibles : un dictionnaire {missions, partners} est attendu.");
    a = {};
  }
  for (const key of Object.keys(a).sort()) {
    if (key !== "missions" && key !== "partners") errors.push(`Clé inconnue : « ${key} ».`);
  }
  const missions = cleanList(
    a.missions,
    project.missions.map((m) => m.id),
    "missions",
    errors
  );
  const partners = cleanList(
    a.partners,
    project.partners.map((p) => p.id),
    "partenaires",
    errors
  );
  const counts = { "point-fort": 0, attention: 0, suggestion: 0 };
  const feedback = [];
  let status;
  let message2;
  if (errors.length) {
    status = INVALID;
    message2 = `${plural(errors.length, "réponse")} à corriger : ${errors.join(" ")}`;
  } else if (!missions.length && !partners.length) {
    status = EMPTY;
    message2 = "Choisissez des missions et des partenaires, puis validez.";
  } else if (!missions.length || !partners.length) {
    status = INCOMPLETE;
    message2 = missions.length ? "Choisissez aussi au moins un partenaire." : "Choisissez aussi au moins une mission.";
  } else {
    status = COMPLETE;
    for (const rule of project.rules) {
      if (!ruleApplies(rule.when, missions, partners)) continue;
      counts[rule.level] += 1;
      feedback.push({ rule: rule.id, level: rule.level, message: rule.message, source: rule.source });
    }
    message2 = `Votre projet : ${plural(missions.length, "mission")} et ${plural(partners.length, "partenaire")} ; ${plural(counts["point-fort"], "point fort", "points forts")}, ${plural(counts.attention, "point d’attention", "points d’attention")}, ${plural(counts.suggestion, "suggestion")}.`;
  }
  return { status, message: message2, missions, partners, errors, feedback, counts };
}
function livePayloads(project, result) {
  if (result.status !== COMPLETE) return [];
  return [
    { kind: "cpts_project", ref: project.id, question: "missions", answer: [...result.missions] },
    { kind: "cpts_project", ref: project.id, question: "partners", answer: [...result.partners] }
  ];
}
function projectSummary(project, result) {
  const labels = (list, ids) => ids.map((id) => list.find((x) => x.id === id).label);
  const lines = [project.title, ""];
  if (project.fictional) lines.push(project.territory.notice, "");
  lines.push("Missions choisies :", ...labels(project.missions, result.missions).map((l) => `- ${l}`), "");
  lines.push("Partenaires associés :", ...labels(project.partners, result.partners).map((l) => `- ${l}`), "");
  lines.push("Commentaires :");
  for (const f of result.feedback) {
    lines.push(
      `- [${f.level}] ${f.message.replace(/\s+/g, " ").trim()} (source : ${f.source.ref}, ${f.source.detail})`
    );
  }
  return `${lines.join("\r\n")}\r
`;
}

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

// widgets/static/numbers.js
var NBSP = " ";
var FORMATS = /* @__PURE__ */ new Map();
function fmtNumber(value, maxDecimals = 2, minDecimals = 0) {
  const max = Number.isInteger(value) ? minDecimals : Math.max(maxDecimals, minDecimals);
  const key = `${minDecimals}/${max}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: minDecimals, maximumFractionDigits: max });
    FORMATS.set(key, format);
  }
  return format.format(value).replace(/[\u202f ]/g, NBSP);
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

// widgets/static/cpts_project.js
var STYLE_ID = "pacte-cpts-project-style";
var CSS = `
.pacte-cpts { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-cpts h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-cpts-territory { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .6rem .9rem; margin: .8rem 0; }
.pacte-cpts-territory h4 { margin: 0 0 .3rem; font-size: 1.05rem; }
.pacte-cpts-notice { font-weight: 600; color: #7a4100; background: #fff4e5; border-left: 4px solid #b35c00; padding: .2rem .5rem; margin: .3rem 0; }
.pacte-cpts-indicators { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: .3rem .9rem; margin: .5rem 0; padding: 0; list-style: none; font-size: .92rem; }
.pacte-cpts-indicators strong { font-variant-numeric: tabular-nums; }
.pacte-cpts-needs { margin: .3rem 0 0 1.1rem; font-size: .92rem; }
.pacte-cpts fieldset.pacte-cpts-group { border: 1px solid #dde3ea; border-radius: 6px; background: #fff; padding: .5rem .9rem .7rem; margin: .8rem 0; }
.pacte-cpts fieldset.pacte-cpts-group > legend { font-weight: 700; font-size: 1.02rem; padding: 0 .3rem; float: none; width: auto; }
.pacte-cpts-option { display: flex; align-items: flex-start; gap: .45rem; margin: .3rem 0; line-height: 1.4; }
.pacte-cpts-option input { margin-top: .25rem; }
.pacte-cpts-option input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-cpts-count { font-size: .85rem; color: #4a5560; margin: .2rem 0 0; }
.pacte-cpts-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
.pacte-cpts .pacte-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-cpts .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-cpts .pacte-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-cpts-status { font-weight: 600; }
.pacte-cpts-status.pacte-invalid { color: #b23c00; }
.pacte-cpts-feedback { list-style: none; padding: 0; margin: .5rem 0; }
.pacte-cpts-feedback li { background: #fff; border: 1px solid #dde3ea; border-left: 5px solid #7f8c99; border-radius: 6px; padding: .45rem .8rem; margin: .45rem 0; font-size: .93rem; }
.pacte-cpts-feedback li[data-level="point-fort"] { border-left-color: #2e7d32; }
.pacte-cpts-feedback li[data-level="attention"] { border-left-color: #c62828; }
.pacte-cpts-feedback li[data-level="suggestion"] { border-left-color: #1f5f8b; }
.pacte-cpts-level { font-weight: 700; margin-right: .3rem; }
.pacte-cpts-source { display: block; font-size: .8rem; color: #4a5560; margin-top: .2rem; }
`;
var LEVEL_LABEL = { "point-fort": "Point fort :", attention: "Point d’attention :", suggestion: "Suggestion :" };
function saveText(text, filename) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${text}`], { type: "text/plain;charset=utf-8" }));
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4e3);
}
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const project = model.get("project");
  remember(model, {
    kind: "cpts_project",
    ref: project.id,
    title: project.title,
    definition: [project.missions.map((m) => m.id), project.partners.map((p) => p.id)],
    migrate: (a) => {
      const keep = (list2, options) => Array.isArray(list2) ? list2.filter((x) => options.some((o) => o.id === x)) : [];
      const out = { missions: keep(a.missions, project.missions), partners: keep(a.partners, project.partners) };
      const before = (Array.isArray(a.missions) ? a.missions.length : 0) + (Array.isArray(a.partners) ? a.partners.length : 0);
      return { answers: out, dropped: before - out.missions.length - out.partners.length };
    },
    summarize: (a) => {
      const r = evaluateProject(project, a);
      const m = (a.missions || []).length;
      const p = (a.partners || []).length;
      return {
        complete: r.status === COMPLETE,
        label: `${m} mission${m > 1 ? "s" : ""} et ${p} partenaire${p > 1 ? "s" : ""} choisis`
      };
    }
  });
  const uid = Math.random().toString(36).slice(2, 8);
  const saved = model.get("answers") || {};
  const cite = (src) => `${project.citations && project.citations[src.ref] || src.ref} — ${src.detail}`;
  const t = project.territory;
  const root = h("section", { class: "pacte-cpts", "aria-label": `Activité : ${project.title}` });
  root.append(h("h3", {}, project.title), h("p", {}, project.instructions));
  root.append(
    h(
      "div",
      { class: "pacte-cpts-territory" },
      h("h4", {}, `Le territoire : ${t.name}`),
      project.fictional ? h("p", { class: "pacte-cpts-notice" }, t.notice) : null,
      h("p", {}, t.description),
      h(
        "ul",
        { class: "pacte-cpts-indicators", "aria-label": "Chiffres du territoire" },
        t.indicators.map(
          (i) => h(
            "li",
            { "data-indicator": i.id },
            `${i.label} : `,
            h("strong", {}, `${fmtNumber(i.value)}${i.unit === "%" ? " %" : ""}`)
          )
        )
      ),
      h("p", { style: "margin:.4rem 0 0" }, h("strong", {}, "Besoins repérés :")),
      h(
        "ul",
        { class: "pacte-cpts-needs" },
        t.needs.map((n) => h("li", {}, n.label))
      )
    )
  );
  const form = h("form", { class: "pacte-cpts-form", novalidate: true });
  const group = (key, legend, entries) => {
    const fs = h("fieldset", { class: "pacte-cpts-group", "data-group": key }, h("legend", {}, legend));
    for (const entry of entries) {
      const id = `cpts-${uid}-${key}-${entry.id}`;
      const input = h("input", { type: "checkbox", id, name: key, value: entry.id });
      if (Array.isArray(saved[key]) && saved[key].includes(entry.id)) input.checked = true;
      fs.append(h("div", { class: "pacte-cpts-option" }, input, h("label", { for: id }, entry.label)));
    }
    return fs;
  };
  const missionCount = h("p", { class: "pacte-cpts-count", "aria-live": "polite" });
  const missions = group(
    "missions",
    `Les missions pour commencer (${project.max_missions} conseillées au plus)`,
    project.missions
  );
  missions.append(missionCount);
  const partners = group("partners", "Les partenaires à associer dès le départ", project.partners);
  const submit = h("button", { type: "submit", class: "pacte-button" }, "Valider mon projet");
  const reset = h("button", { type: "button", class: "pacte-button pacte-secondary" }, "Recommencer");
  const download = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "txt", disabled: true },
    "Télécharger mon projet (texte)"
  );
  form.append(missions, partners, h("div", { class: "pacte-cpts-actions" }, submit, reset, download));
  root.append(form);
  const status = h("p", { class: "pacte-cpts-status", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "pacte-cpts-feedback" });
  root.append(h("div", { class: "pacte-cpts-result" }, status, list));
  const chosen = (key) => [.../** @type {NodeListOf<HTMLInputElement>} */
  form.querySelectorAll(`input[name=${key}]:checked`)].map(
    (i) => i.value
  );
  const countMissions = () => {
    const n = chosen("missions").length;
    missionCount.textContent = `${n} mission${n > 1 ? "s" : ""} choisie${n > 1 ? "s" : ""}.`;
  };
  let current = null;
  const show = (result) => {
    current = result;
    status.textContent = result.message;
    status.className = `pacte-cpts-status${result.status === INVALID ? " pacte-invalid" : ""}`;
    root.dataset.status = result.status;
    root.dataset.feedback = String(result.feedback.length);
    list.replaceChildren(
      ...result.feedback.map(
        (f) => h(
          "li",
          { "data-level": f.level, "data-rule": f.rule },
          h("span", { class: "pacte-cpts-level" }, LEVEL_LABEL[f.level] || f.level),
          f.message,
          h("span", { class: "pacte-cpts-source" }, "Source : ", cite(f.source))
        )
      )
    );
    download.disabled = result.status !== COMPLETE;
  };
  form.addEventListener("change", countMissions);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const answers = { missions: chosen("missions"), partners: chosen("partners") };
    const result = evaluateProject(project, answers);
    show(result);
    model.set("answers", answers);
    model.save_changes();
    for (const p of livePayloads(project, result)) emitAnswer(root, p.kind, p.ref, p.question, p.answer);
  });
  reset.addEventListener("click", () => {
    form.reset();
    countMissions();
    list.replaceChildren();
    status.textContent = "";
    delete root.dataset.status;
    download.disabled = true;
    model.set("answers", {});
    model.save_changes();
  });
  download.addEventListener("click", () => {
    if (current && current.status === COMPLETE) saveText(projectSummary(project, current), "projet-cpts.txt");
  });
  const showKernel = (kr) => {
    if (kr && typeof kr.status === "string") {
      root.dataset.kernelStatus = kr.status;
      root.dataset.kernelFeedback = String((kr.feedback || []).length);
    }
  };
  countMissions();
  if (saved.missions || saved.partners) show(evaluateProject(project, saved));
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var cpts_project_default = { render };
export {
  cpts_project_default as default
};
