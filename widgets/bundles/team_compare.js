// GENERATED from widgets/static/team_compare.js by js/build-bundles.mjs (npm run bundles): do not edit.

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

// widgets/static/messages.js
var MESSAGES = {
  "quiz.unanswered": "Aucune réponse.",
  "quiz.single_only": "Choisissez une seule réponse.",
  "quiz.unreadable": "Réponse illisible.",
  "quiz.unknown_choice": "Réponse inconnue : {choices}.",
  "quiz.correct": "Bonne réponse.",
  "quiz.incorrect": "Ce n’est pas la bonne réponse.",
  "quiz.not_a_number": "Saisissez un nombre (par exemple 56 ou 12,5).",
  "quiz.out_of_range": "La valeur doit être comprise entre {lo} et {hi}.",
  "sorting.unknown_item": "Élément inconnu : « {item} ».",
  "sorting.unanswered": "Choisissez une catégorie avant de valider.",
  "sorting.unknown_category": "Catégorie inconnue : {answer} (choix possibles : {known}).",
  "sorting.correct": "Bien vu : « {label} ».",
  "sorting.incorrect": "Pas tout à fait : la réponse attendue est « {label} ».",
  "sorting.unreadable": "Réponses illisibles : un dictionnaire {élément: catégorie} est attendu.",
  "simulator.unreadable": "Saisie illisible : les données du simulateur manquent.",
  "sorting.score": "Score : {correct} / {total} ({answered} élément{s} classé{s}).",
  "sorting.item_error": "« {item} » : {message}",
  "simulator.not_a_number": "{label} : saisissez un nombre (par exemple {example}).",
  "simulator.not_an_integer": "{label} : saisissez un nombre entier.",
  "simulator.out_of_range": "{label} : la valeur doit être comprise entre {min} et {max} {unit}.",
  "aci.criteria_unreadable": "Critères : saisie illisible.",
  "aci.unknown_criterion": "Critère inconnu : {criterion}.",
  "aci.count_range": "{label} : indiquez un nombre entier entre 0 et {max}.",
  "aci.yes_no": "{label} : indiquez oui ou non.",
  "aci.unknown_variant": "Variante inconnue : {variant}.",
  "aci.points_unreadable": "Points : saisie illisible.",
  "aci.points_unknown_criterion": "Points : critère inconnu {criterion}.",
  "aci.points_locked": "{label} : ces points sont confirmés par les sources et ne sont pas modifiables.",
  "aci.criterion_unreadable": "{label} : saisie illisible.",
  "aci.points_unknown_kind": "{label} : type de points inconnu {kind}.",
  "aci.points_range": "{label} : {kind} doivent être un nombre entre 0 et {max}.",
  "aci.points_fixed": "les points fixes",
  "aci.points_variable": "les points variables",
  "aci.points_per_professional": "les points par professionnel",
  "aci.parameters_unreadable": "Paramètres : saisie illisible.",
  "aci.unknown_parameter": "Paramètre inconnu : {parameter}.",
  "aci.parameter_locked": "{label} : cette valeur est confirmée par les sources et n’est pas modifiable.",
  "aci.parameter_range": "{label} : saisissez un nombre entre 0 et {max}.",
  "aci.missing_prerequisite": "Prérequis non rempli : {criteria}. Sans ses prérequis, la MSP ne perçoit aucune rémunération au titre de l’ACI.",
  "aci.missing_socle": "Critère socle non rempli : {criteria}. Il est attendu de toute MSP signataire ; le simulateur ne lui attribue aucun point.",
  "aci.precarity_capped": "La majoration liée à la précarité est plafonnée à {cap} %.",
  "compare.unknown_structure": "Type de structure non prévu : choisissez MSP, centre de santé ou CPTS.",
  "compare.unknown_question": "Question inconnue : « {question} ».",
  "compare.not_asked": "Cette question n’a pas été posée aux {who}.",
  "compare.unreadable_multiple": "Réponse illisible : cochez une ou plusieurs réponses.",
  "compare.unreadable_single": "Réponse illisible : choisissez une réponse.",
  "compare.unanswered_multiple": "Cochez au moins une réponse avant de comparer.",
  "compare.unanswered_single": "Choisissez une réponse avant de comparer.",
  "compare.unknown_answer": "Réponse non prévue : « {answer} ». Réponses possibles : {allowed}.",
  "compare.duplicate": "Une même réponse est cochée deux fois.",
  "compare.exclusive": "« {label} » ne peut pas être coché avec une autre réponse."
};
function message(key, params = {}) {
  const text = (
    /** @type {Record<string, string>} */
    MESSAGES[key]
  );
  if (text === void 0) throw new Error(`unknown message key: ${key}`);
  return text.replace(/\{([a-z_]+)\}/g, (all, name) => name in params ? String(params[name]) : all);
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
function fmtPercent(value, decimals = 0) {
  return `${fmtNumber(value, decimals, decimals)}${NBSP}%`;
}

// widgets/static/compare_view.js
var COMPARE_STYLE_ID = "pacte-team-compare-style";
var COMPARE_CSS = `
.pacte-compare { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-compare h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-compare fieldset { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0; }
.pacte-compare legend { font-weight: 600; font-size: 1rem; line-height: 1.4; padding: 0 .3rem; }
.pacte-compare-option { display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
.pacte-compare input:focus-visible, .pacte-compare button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-compare-hint { font-style: italic; font-size: .9rem; margin: .1rem 0 .3rem 0; }
.pacte-compare-question { border-top: 1px solid #dde3ea; margin-top: .8rem; padding-top: .5rem; }
.pacte-compare-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-compare-message { color: #b34700; font-weight: 600; }
.pacte-compare-sentence { font-weight: 600; margin: .4rem 0; }
.pacte-compare-table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .92rem; }
.pacte-compare-table caption { text-align: left; font-size: .9rem; color: #4a5560; padding-bottom: .2rem; }
.pacte-compare-table th, .pacte-compare-table td { text-align: left; padding: .2rem .4rem; vertical-align: middle; border-bottom: 1px solid #e6ebf0; }
.pacte-compare-table th[scope=row] { font-weight: normal; width: 38%; }
.pacte-compare-table tr.pacte-compare-mine th[scope=row] { font-weight: 700; }
.pacte-compare-cell { display: flex; align-items: center; gap: .4rem; }
.pacte-compare-bar { height: .9rem; border-radius: 3px; background: #8fb3cc; min-width: 1px; }
.pacte-compare-mine .pacte-compare-survey .pacte-compare-bar { background: #1f5f8b; }
.pacte-compare-room .pacte-compare-bar { background: #c25e1f; }
.pacte-compare-value { white-space: nowrap; font-variant-numeric: tabular-nums; }
.pacte-compare-source { font-size: .85rem; color: #4a5560; }
.pacte-compare-note { font-size: .9rem; font-style: italic; }
@media (max-width: 560px) { .pacte-compare-table th[scope=row] { width: auto; } }
`;
function barCell(cls, pct, extra) {
  const width = Math.max(0, Math.min(100, pct));
  return h(
    "td",
    { class: cls },
    h(
      "div",
      { class: "pacte-compare-cell" },
      h("div", { class: "pacte-compare-bar", style: `width:${(width * 0.7).toFixed(1)}%`, "aria-hidden": "true" }),
      h("span", { class: "pacte-compare-value" }, fmtPercent(pct), extra || "")
    )
  );
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
var STAGE_EVENT = "pacte:live-stage";
function followStage(handler) {
  const onStage = (event) => handler(
    /** @type {CustomEvent} */
    event.detail
  );
  const onLeft = () => handler(null);
  document.addEventListener(STAGE_EVENT, onStage);
  document.addEventListener("pacte:live-left", onLeft);
  if (globalThis.__pacteLiveStage && currentSession()) handler(globalThis.__pacteLiveStage);
  return () => {
    document.removeEventListener(STAGE_EVENT, onStage);
    document.removeEventListener("pacte:live-left", onLeft);
  };
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

// widgets/static/team_compare_logic.js
function lowerFirst(text) {
  return text ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
function invalid(field, message2) {
  return { status: "invalid", field, message: message2 };
}
function placeAnswer(spec, structure, questionId, answer) {
  const structures = new Map(spec.structures.map((s) => [s.id, s]));
  if (!structures.has(structure)) {
    return invalid("structure", message("compare.unknown_structure"));
  }
  const q = spec.questions.find((x) => x.id === questionId);
  if (!q) return invalid("question", message("compare.unknown_question", { question: questionId }));
  const field = `answers.${questionId}`;
  if (!q.structures.includes(structure)) {
    return invalid(field, message("compare.not_asked", { who: structures.get(structure).plural }));
  }
  const labels = new Map(q.answers.map((a) => [a.id, a.label]));
  let picked;
  if (q.multiple) {
    if (!Array.isArray(answer) || !answer.every((a) => typeof a === "string")) {
      return invalid(field, message("compare.unreadable_multiple"));
    }
    picked = answer;
  } else {
    if (Array.isArray(answer)) return invalid(field, message("quiz.single_only"));
    if (typeof answer !== "string" && answer !== null && answer !== void 0) {
      return invalid(field, message("compare.unreadable_single"));
    }
    picked = answer === null || answer === void 0 || answer === "" ? [] : [answer];
  }
  if (!picked.length) {
    return invalid(field, message(q.multiple ? "compare.unanswered_multiple" : "compare.unanswered_single"));
  }
  const unknown = picked.filter((p) => !labels.has(p));
  if (unknown.length) {
    const allowed = q.answers.map((a) => `« ${a.label} »`).join(", ");
    return invalid(field, message("compare.unknown_answer", { answer: unknown[0], allowed }));
  }
  if (new Set(picked).size !== picked.length) return invalid(field, message("compare.duplicate"));
  for (const ex of q.exclusive || []) {
    if (picked.includes(ex) && picked.length > 1) {
      return invalid(field, message("compare.exclusive", { label: labels.get(ex) }));
    }
  }
  const dist = spec.distribution[questionId][structure];
  const who = structures.get(structure).plural;
  const order = q.answers.map((a) => a.id);
  let top = order[0];
  for (const a of order) if (dist[a] > dist[top]) top = a;
  const items = [...picked].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((aid) => {
    const pct = dist[aid];
    const rank = 1 + Object.values(dist).filter((v) => v > pct).length;
    const what = ((q.templates || {})[aid] || q.template).replace("{label}", lowerFirst(labels.get(aid)));
    let sentence = `Vous faites partie des ${fmtPercent(pct)} de ${who} ${what}.`;
    if (rank === 1) sentence += " C’est la réponse la plus fréquente.";
    else sentence += ` La réponse la plus fréquente est « ${labels.get(top)} » (${fmtPercent(dist[top])}).`;
    return { answer: aid, label: labels.get(aid), percent: pct, rank, sentence };
  });
  return { status: "ok", question: questionId, structure, items };
}
function roomShares(spec, room, questionId) {
  const entry = (room || {})[questionId];
  if (!entry) return null;
  const counts = entry.counts || {};
  const q = spec.questions.find((x) => x.id === questionId);
  const respondents = entry.respondents || Object.values(counts).reduce((a, b) => a + b, 0);
  if (!respondents) return null;
  const percents = {};
  for (const a of q.answers) percents[a.id] = Math.floor(1e3 * (counts[a.id] || 0) / respondents + 0.5) / 10;
  return { respondents, percents };
}
function roomFromStage(spec, room, stage) {
  if (!stage) return {};
  const activity = stage.activity;
  const panel = stage.state === "revealed" && stage.reveal ? stage.reveal.panel : null;
  if (!activity || activity.kind !== "survey" || !panel || panel.type !== "room_vs_survey") return room;
  const q = spec.questions.find((x) => x.id === activity.ref);
  if (!q) return room;
  const known = new Set(q.answers.map((a) => a.id));
  const counts = {};
  for (const row of panel.rows || []) {
    if (known.has(row.id) && Number.isInteger(row.count) && row.count > 0) counts[row.id] = row.count;
  }
  const respondents = Number.isInteger(panel.respondents) ? panel.respondents : 0;
  return { ...room, [q.id]: { respondents, counts } };
}
function questionsFor(spec, structure) {
  return spec.questions.filter((q) => q.structures.includes(structure));
}

// widgets/static/team_compare.js
function table(spec, room, question, structure, mine) {
  const s = spec.structures.find((x) => x.id === structure);
  const dist = spec.distribution[question.id][structure];
  const group = roomShares(spec, room, question.id);
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Réponse"),
    h("th", { scope: "col" }, `Enquête PACTE (${s.id}, ${s.sample_size} répondants)`),
    group ? h("th", { scope: "col" }, `Votre groupe (${group.respondents} répondant${group.respondents > 1 ? "s" : ""})`) : null
  );
  const rows = question.answers.map((a) => {
    const isMine = mine.includes(a.id);
    return h(
      "tr",
      { class: isMine ? "pacte-compare-mine" : "", "data-answer": a.id },
      h("th", { scope: "row" }, a.label, isMine ? " (votre réponse)" : ""),
      barCell("pacte-compare-survey", dist[a.id]),
      group ? barCell("pacte-compare-room", group.percents[a.id]) : null
    );
  });
  const note = question.multiple ? " Plusieurs réponses possibles : les pourcentages ne s’additionnent pas à 100." : "";
  return h(
    "table",
    { class: "pacte-compare-table" },
    h(
      "caption",
      {},
      `Réponses des ${s.plural} à la question « ${question.survey_question} », en % des répondants.${note}`
    ),
    h("thead", {}, head),
    h("tbody", {}, rows)
  );
}
function render({ model, el }) {
  injectStyle(COMPARE_STYLE_ID, COMPARE_CSS);
  const spec = model.get("spec");
  remember(model, {
    kind: "compare",
    ref: spec.id || "equipe-enquete",
    title: "Votre équipe face à l’enquête PACTE",
    shape: Object.fromEntries([
      ["structure", spec.structures.map((x) => x.id)],
      ...spec.questions.map((q) => [q.id, q.answers.map((a) => a.id)])
    ]),
    summarize: (a) => {
      const n = Object.keys(a).filter((k) => k !== "structure").length;
      const total = a.structure ? questionsFor(spec, a.structure).length : 0;
      return { done: n, total, label: `${n} question${n > 1 ? "s" : ""} comparée${n > 1 ? "s" : ""} à l’enquête` };
    }
  });
  const uid = Math.random().toString(36).slice(2, 8);
  const root = h("section", { class: "pacte-compare", "aria-label": "Votre équipe face à l’enquête PACTE" });
  root.append(
    h("h3", {}, "Votre équipe face à l’enquête PACTE"),
    h(
      "p",
      {},
      "Répondez pour votre équipe aux questions posées aux 521 apprenants de l’enquête, puis comparez : chaque réponse est placée parmi celles des coordinateurs du même type de structure."
    )
  );
  const structureSet = h("fieldset", {}, h("legend", {}, "Dans quel type de structure coordonnez-vous ?"));
  for (const s of spec.structures) {
    const id = `tc-${uid}-${s.id}`;
    structureSet.append(
      h(
        "div",
        { class: "pacte-compare-option" },
        h("input", { type: "radio", id, name: `tc-${uid}-structure`, value: s.id }),
        h("label", { for: id }, `${s.label} (${s.id})`)
      )
    );
  }
  const questionsBox = h("div", { class: "pacte-compare-questions" });
  const status = h("p", { class: "pacte-compare-status", "aria-live": "polite" });
  root.append(structureSet, status, questionsBox, h("p", { class: "pacte-compare-source" }, spec.source));
  let answers = { ...model.get("answers") || {} };
  let room = {};
  const shown = /* @__PURE__ */ new Map();
  const save = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };
  const drawQuestions = (structure) => {
    questionsBox.replaceChildren();
    shown.clear();
    root.dataset.structure = structure;
    questionsFor(spec, structure).forEach((q, i) => {
      const form = h("form", { class: "pacte-compare-question", "data-question": q.id, novalidate: "" });
      const fs = h("fieldset", {}, h("legend", {}, `${i + 1}. ${q.prompt}`));
      if (q.multiple)
        fs.append(h("p", { class: "pacte-compare-hint" }, "Plusieurs réponses possibles, comme dans l’enquête."));
      for (const a of q.answers) {
        const id = `tc-${uid}-${q.id}-${a.id}`;
        fs.append(
          h(
            "div",
            { class: "pacte-compare-option" },
            h("input", { type: q.multiple ? "checkbox" : "radio", id, name: `tc-${uid}-${q.id}`, value: a.id }),
            h("label", { for: id }, a.label)
          )
        );
      }
      const message2 = h("p", { class: "pacte-compare-message", role: "alert" });
      const result = h("div", { class: "pacte-compare-result", "aria-live": "polite" });
      form.append(
        fs,
        h("button", { type: "submit", class: "pacte-compare-button" }, "Comparer à l’enquête"),
        message2,
        result
      );
      const show = (placed, mine) => {
        result.replaceChildren(
          ...placed.items.map((it) => h("p", { class: "pacte-compare-sentence" }, it.sentence)),
          table(spec, room, q, structure, mine)
        );
        form.dataset.status = "ok";
      };
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const checked = [.../** @type {NodeListOf<HTMLInputElement>} */
        form.querySelectorAll("input:checked")].map(
          (x) => x.value
        );
        const answer = q.multiple ? checked : checked[0] ?? null;
        const placed = placeAnswer(spec, structure, q.id, answer);
        if (placed.status !== "ok") {
          message2.textContent = placed.message;
          form.dataset.status = "invalid";
          return;
        }
        message2.textContent = "";
        const mine = q.multiple ? answer : [answer];
        show(placed, mine);
        shown.set(q.id, () => show(placed, mine));
        answers = { ...answers, structure, [q.id]: answer };
        save();
        emitAnswer(root, "survey", q.id, structure, answer);
      });
      const previous = answers.structure === structure ? answers[q.id] : void 0;
      if (previous !== void 0 && previous !== null) {
        const placed = placeAnswer(spec, structure, q.id, previous);
        if (placed.status === "ok") {
          const mine = q.multiple ? previous : [previous];
          form.querySelectorAll("input").forEach((x) => {
            x.checked = mine.includes(x.value);
          });
          show(placed, mine);
          shown.set(q.id, () => show(placed, mine));
        }
      }
      questionsBox.append(form);
    });
  };
  structureSet.addEventListener("change", (event) => {
    const structure = (
      /** @type {HTMLInputElement} */
      event.target.value
    );
    answers = { structure };
    save();
    const s = spec.structures.find((x) => x.id === structure);
    status.textContent = `Questions pour les ${s.plural} : répondez puis cliquez sur « Comparer à l’enquête ».`;
    drawQuestions(structure);
  });
  const showKernel = (kr) => {
    if (!kr.results) return;
    root.dataset.kernelResult = Object.entries(kr.results).map(
      ([qid, r]) => r.status === "ok" ? `${qid}:${r.items.map((it) => `${it.answer}=${it.percent}`).join("+")}` : `${qid}:invalid`
    ).join(";");
  };
  if (answers.structure && spec.structures.some((s) => s.id === answers.structure)) {
    structureSet.querySelector(`input[value="${answers.structure}"]`).checked = true;
    drawQuestions(answers.structure);
  }
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  const stopFollowing = followStage((stage) => {
    const next = roomFromStage(spec, room, stage);
    if (next === room) return;
    room = next;
    for (const redraw of shown.values()) redraw();
  });
  return () => {
    stopFollowing();
    stopKernel();
  };
}
var team_compare_default = { render };
export {
  team_compare_default as default
};
