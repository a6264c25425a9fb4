// GENERATED from widgets/static/profile_compare.js by js/build-bundles.mjs (npm run bundles): do not edit.

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
function invalid(field, message2) {
  return { status: "invalid", field, message: message2 };
}
function placeProfile(spec, structure, questionId, answer) {
  const structures = new Map(spec.structures.map((s) => [s.id, s]));
  if (!structures.has(structure)) {
    return invalid("structure", message("compare.unknown_structure"));
  }
  const q = spec.questions.find((x) => x.id === questionId);
  if (!q) return invalid("question", message("compare.unknown_question", { question: questionId }));
  const field = `answers.${questionId}`;
  if (answer === null || answer === void 0 || answer === "")
    return invalid(field, message("compare.unanswered_single"));
  if (typeof answer !== "string") return invalid(field, message("compare.unreadable_single"));
  if (!q.answers.some((a) => a.id === answer)) {
    const allowed = q.answers.map((a) => `« ${a.label} »`).join(", ");
    return invalid(field, message("compare.unknown_answer", { answer, allowed }));
  }
  const who = structures.get(structure).plural;
  const items = spec.facts[questionId][structure].map((fact) => {
    const pct = fact.percent;
    const detail = fact.detail ? ` ${fact.detail}.` : "";
    if (pct === null || pct === void 0) {
      return {
        indicator: fact.indicator,
        relation: "no_figure",
        percent: null,
        sentence: `Pour les ${who}, le tableau ne donne pas de pourcentage : ${fact.detail}.`
      };
    }
    if (fact.inside.includes(answer)) {
      return {
        indicator: fact.indicator,
        relation: "inside",
        percent: pct,
        sentence: `Vous faites partie des ${fmtPercent(pct)} de ${who} de l’enquête qui ${fact.phrase}.${detail}`
      };
    }
    return {
      indicator: fact.indicator,
      relation: "outside",
      percent: pct,
      sentence: `Dans l’enquête, ${fmtPercent(pct)} des ${who} ${fact.phrase} : vous n’en faites pas partie.${detail}`
    };
  });
  if (!items.length) {
    items.push({
      indicator: null,
      relation: "no_figure",
      percent: null,
      sentence: `L’enquête ne donne pas de chiffre sur ce point pour les ${who}.`
    });
  }
  return { status: "ok", question: questionId, structure, answer, items, note: q.note || "" };
}
function profileLivePayload(specId, questionId, structure, answer) {
  return { activity: `profile:${specId}`, question: `${structure}-${questionId}`, answer };
}

// widgets/static/profile_compare.js
function sendLive(root, spec, questionId, structure, answer) {
  const payload = profileLivePayload(spec.id, questionId, structure, answer);
  const [kind, ref] = payload.activity.split(":");
  if (KINDS.includes(kind)) emitAnswer(root, kind, ref, payload.question, payload.answer);
}
function factTable(spec, question, structure, placed) {
  const s = spec.structures.find((x) => x.id === structure);
  const facts = spec.facts[question.id][structure].filter((f) => f.percent !== null && f.percent !== void 0);
  if (!facts.length) return null;
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Indicateur de l’enquête"),
    h("th", { scope: "col" }, `Enquête PACTE (${s.id}, ${s.sample_size} répondants)`)
  );
  const rows = facts.map((f) => {
    const item = placed.items.find((it) => it.indicator === f.indicator);
    const mine = item && item.relation === "inside";
    return h(
      "tr",
      { class: mine ? "pacte-compare-mine" : "", "data-indicator": f.indicator },
      h("th", { scope: "row" }, f.label, mine ? " (vous)" : ""),
      barCell("pacte-compare-survey", f.percent)
    );
  });
  return h(
    "table",
    { class: "pacte-compare-table" },
    h("caption", {}, `Profil des ${s.plural} de l’enquête, en % des répondants.`),
    h("thead", {}, head),
    h("tbody", {}, rows)
  );
}
function render({ model, el }) {
  injectStyle(COMPARE_STYLE_ID, COMPARE_CSS);
  const spec = model.get("spec");
  remember(model, {
    kind: "compare",
    ref: spec.id || "profil-enquete",
    title: spec.title,
    shape: Object.fromEntries([
      ["structure", spec.structures.map((x) => x.id)],
      ...spec.questions.map((q) => [q.id, q.answers.map((a) => a.id)])
    ]),
    summarize: (a) => {
      const n = Object.keys(a).filter((k) => k !== "structure").length;
      return {
        done: n,
        total: spec.questions.length,
        label: `${n} question${n > 1 ? "s" : ""} sur ${spec.questions.length} situées dans l’enquête`
      };
    }
  });
  const uid = Math.random().toString(36).slice(2, 8);
  const root = h("section", { class: "pacte-compare pacte-profile", "aria-label": spec.title });
  root.append(
    h("h3", {}, spec.title),
    h(
      "p",
      {},
      "Indiquez votre type de structure, puis répondez aux questions : chaque réponse est placée parmi les chiffres de l’enquête pour les coordinateurs du même type de structure. Vos réponses restent dans votre navigateur, sauf en séance en direct, où elles rejoignent anonymement celles du groupe."
    )
  );
  const structureSet = h("fieldset", {}, h("legend", {}, "Dans quel type de structure coordonnez-vous ?"));
  for (const s of spec.structures) {
    const id = `pc-${uid}-${s.id}`;
    structureSet.append(
      h(
        "div",
        { class: "pacte-compare-option" },
        h("input", { type: "radio", id, name: `pc-${uid}-structure`, value: s.id }),
        h("label", { for: id }, `${s.label} (${s.id}, ${s.sample_size} répondants dans l’enquête)`)
      )
    );
  }
  const status = h("p", { class: "pacte-compare-status", "aria-live": "polite" });
  const questionsBox = h("div", { class: "pacte-compare-questions" });
  root.append(structureSet, status, questionsBox, h("p", { class: "pacte-compare-source" }, spec.source));
  let answers = { ...model.get("answers") || {} };
  const save = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };
  const drawQuestions = (structure) => {
    questionsBox.replaceChildren();
    root.dataset.structure = structure;
    spec.questions.forEach((q, i) => {
      const form = h("form", { class: "pacte-compare-question", "data-question": q.id, novalidate: "" });
      const fs = h("fieldset", {}, h("legend", {}, `${i + 1}. ${q.prompt}`));
      for (const a of q.answers) {
        const id = `pc-${uid}-${q.id}-${a.id}`;
        fs.append(
          h(
            "div",
            { class: "pacte-compare-option" },
            h("input", { type: "radio", id, name: `pc-${uid}-${q.id}`, value: a.id }),
            h("label", { for: id }, a.label)
          )
        );
      }
      const message2 = h("p", { class: "pacte-compare-message", role: "alert" });
      const result = h("div", { class: "pacte-compare-result", "aria-live": "polite" });
      form.append(
        fs,
        h("button", { type: "submit", class: "pacte-compare-button" }, "Me situer dans l’enquête"),
        message2,
        result
      );
      const show = (placed) => {
        result.replaceChildren(
          ...[
            ...placed.items.map(
              (it) => h("p", { class: "pacte-compare-sentence", "data-relation": it.relation }, it.sentence)
            ),
            placed.note ? h("p", { class: "pacte-compare-note" }, placed.note) : null,
            factTable(spec, q, structure, placed)
          ].filter(Boolean)
        );
        form.dataset.status = "ok";
      };
      const previous = answers.structure === structure ? answers[q.id] : void 0;
      if (typeof previous === "string") {
        const input = (
          /** @type {HTMLInputElement | null} */
          fs.querySelector(`input[value="${previous}"]`)
        );
        const placed = placeProfile(spec, structure, q.id, previous);
        if (input && placed.status === "ok") {
          input.checked = true;
          show(placed);
        }
      }
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const checked = (
          /** @type {HTMLInputElement | null} */
          form.querySelector("input:checked")
        );
        const answer = checked ? checked.value : null;
        const placed = placeProfile(spec, structure, q.id, answer);
        if (placed.status !== "ok") {
          message2.textContent = placed.message;
          form.dataset.status = "invalid";
          return;
        }
        message2.textContent = "";
        show(placed);
        answers = { ...answers, structure, [q.id]: answer };
        save();
        sendLive(root, spec, q.id, structure, answer);
      });
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
    status.textContent = `Questions pour les ${s.plural} : répondez puis cliquez sur « Me situer dans l’enquête ».`;
    drawQuestions(structure);
  });
  const showKernel = (kr) => {
    if (!kr.results) return;
    root.dataset.kernelResult = Object.entries(kr.results).map(
      ([qid, r]) => r.status === "ok" ? `${qid}:${r.items.map((it) => `${it.indicator}=${it.relation}`).join("+")}` : `${qid}:invalid`
    ).join(";");
  };
  if (answers.structure && spec.structures.some((s) => s.id === answers.structure)) {
    structureSet.querySelector(`input[value="${answers.structure}"]`).checked = true;
    drawQuestions(answers.structure);
  }
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return () => {
    stopKernel();
  };
}
var profile_compare_default = { render };
export {
  profile_compare_default as default
};
