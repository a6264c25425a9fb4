// GENERATED from widgets/static/sorting.js by js/build-bundles.mjs (npm run bundles): do not edit.

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
function announcer() {
  return h("p", {
    class: "pacte-sr-only",
    "aria-live": "polite",
    style: "position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0"
  });
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

// widgets/static/sorting_logic.js
var CORRECT = "correct";
var INCORRECT = "incorrect";
var UNANSWERED = "unanswered";
var INVALID = "invalid";
function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
function describe(raw) {
  if (typeof raw === "string") return `« ${raw} »`;
  try {
    return JSON.stringify(raw);
  } catch {
    return String(raw);
  }
}
function evaluateItem(exercise, itemId, answer) {
  const item = exercise.items.find((i) => i.id === itemId);
  if (!item) {
    return {
      item: String(itemId),
      status: INVALID,
      message: message("sorting.unknown_item", { item: itemId }),
      expected: null,
      explanation: null,
      hint: null
    };
  }
  const cats = new Map(exercise.categories.map((c) => [c.id, c]));
  if (answer === null || answer === void 0 || answer === "") {
    return {
      item: item.id,
      status: UNANSWERED,
      message: message("sorting.unanswered"),
      expected: null,
      explanation: null,
      hint: null
    };
  }
  if (typeof answer !== "string" || !cats.has(answer)) {
    const known = exercise.categories.map((c) => c.label).join(", ");
    return {
      item: item.id,
      status: INVALID,
      message: message("sorting.unknown_category", { answer: describe(answer), known }),
      expected: null,
      explanation: null,
      hint: null
    };
  }
  const ok = answer === item.expected;
  const expectedLabel = cats.get(item.expected).label;
  return {
    item: item.id,
    status: ok ? CORRECT : INCORRECT,
    message: message(ok ? "sorting.correct" : "sorting.incorrect", { label: expectedLabel }),
    expected: item.expected,
    explanation: item.explanation,
    hint: ok || !item.feedback || !Object.hasOwn(item.feedback, answer) ? null : item.feedback[answer]
  };
}
function scoreSorting(exercise, answers) {
  const errors = [];
  if (answers === null || answers === void 0) answers = {};
  if (!isObject(answers)) {
    errors.push(message("sorting.unreadable"));
    answers = {};
  }
  const known = new Set(exercise.items.map((i) => i.id));
  for (const key of Object.keys(answers).sort()) {
    if (!known.has(key)) errors.push(message("sorting.unknown_item", { item: key }));
  }
  const results = {};
  let correct = 0;
  let answered = 0;
  for (const item of exercise.items) {
    const r = evaluateItem(exercise, item.id, Object.hasOwn(answers, item.id) ? answers[item.id] : void 0);
    results[item.id] = r.status;
    if (r.status === CORRECT) correct += 1;
    if (r.status === CORRECT || r.status === INCORRECT) answered += 1;
    if (r.status === INVALID) errors.push(message("sorting.item_error", { item: item.id, message: r.message }));
  }
  const total = exercise.items.length;
  let status;
  if (errors.length) status = INVALID;
  else if (answered === 0) status = "empty";
  else if (answered < total) status = "incomplete";
  else status = "complete";
  const s = answered > 1 ? "s" : "";
  return {
    status,
    correct,
    answered,
    total,
    results,
    errors,
    message: message("sorting.score", { correct, total, answered, s })
  };
}

// widgets/static/sorting.js
var SORT_STYLE_ID = "pacte-sorting-style";
var SORT_CSS = `
.pacte-sort { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-sort h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-sort-cats { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: .5rem; margin: .6rem 0 1rem; padding: 0; list-style: none; }
.pacte-sort-cats li { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .4rem .6rem; font-size: .9rem; }
.pacte-sort-item { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .8rem; margin: .6rem 0; }
.pacte-sort-item fieldset { border: none; margin: 0; padding: 0; }
.pacte-sort-item legend { font-weight: 500; font-size: 1rem; line-height: 1.45; padding: 0; margin-bottom: .35rem; float: none; width: auto; }
.pacte-sort-options { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
.pacte-sort-option { display: inline-flex; align-items: center; gap: .3rem; }
.pacte-sort-option input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-sort-feedback:empty { display: none; }
.pacte-sort-feedback { margin-top: .4rem; font-size: .92rem; padding-left: .6rem; border-left: 4px solid #7f8c99; }
.pacte-sort-feedback.pacte-correct { border-left-color: #2e7d32; }
.pacte-sort-feedback.pacte-incorrect { border-left-color: #c62828; }
.pacte-sort-feedback.pacte-invalid, .pacte-sort-feedback.pacte-unanswered { border-left-color: #b35c00; }
.pacte-sort-feedback p { margin: .2rem 0; }
.pacte-sort-status { font-weight: 600; }
.pacte-sort-source { font-size: .8rem; color: #4a5560; }
.pacte-sort-score { font-weight: 600; }
.pacte-sort-errors { color: #b23c00; }
.pacte-sort-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
.pacte-sort .pacte-button { font: inherit; padding: .3rem .85rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-sort .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-sort .pacte-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
`;
function node_(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === void 0 || v === false) continue;
    if (k === "class") n.className = v;
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === void 0) continue;
    n.append(typeof child === "string" ? document.createTextNode(frenchText(child)) : child);
  }
  return n;
}
var STATUS_LABEL = {
  [CORRECT]: "Bonne réponse.",
  [INCORRECT]: "Réponse incorrecte.",
  [UNANSWERED]: "Réponse manquante.",
  [INVALID]: "Réponse à corriger."
};
function render({ model, el }) {
  injectStyle(SORT_STYLE_ID, SORT_CSS);
  const ex = model.get("exercise");
  const uid = Math.random().toString(36).slice(2, 8);
  remember(model, {
    kind: "sorting",
    ref: ex.id,
    title: ex.title,
    shape: Object.fromEntries(ex.items.map((i) => [i.id, ex.categories.map((c) => c.id)])),
    summarize: (a) => {
      const s = scoreSorting(ex, a);
      return {
        done: s.answered,
        total: ex.items.length,
        correct: s.correct,
        label: `${s.correct} bien classé${s.correct > 1 ? "s" : ""} sur ${ex.items.length}`
      };
    }
  });
  const answers = { ...model.get("answers") || {} };
  const cite = (src) => `${ex.citations && ex.citations[src.ref] || src.ref} — ${src.detail}`;
  const items = new Map(ex.items.map((i) => [i.id, i]));
  const root = node_("section", { class: "pacte-sort", "aria-label": `Exercice : ${ex.title}` });
  root.append(node_("h3", {}, ex.title), node_("p", {}, ex.instructions));
  root.append(
    node_(
      "ul",
      { class: "pacte-sort-cats", "aria-label": "Catégories" },
      ex.categories.map(
        (c) => node_("li", {}, node_("strong", {}, c.label), c.description ? ` : ${c.description}` : "")
      )
    )
  );
  const score = node_("p", { class: "pacte-sort-score" });
  const errorsBox = node_("p", { class: "pacte-sort-errors", "aria-live": "polite" });
  const spoken = announcer();
  const forms = /* @__PURE__ */ new Map();
  const updateScore = () => {
    const s = scoreSorting(ex, answers);
    score.textContent = s.message;
    root.dataset.score = String(s.correct);
    root.dataset.answered = String(s.answered);
    root.dataset.status = s.status;
    errorsBox.textContent = s.errors.length ? `Réponses enregistrées non reconnues : ${s.errors.join(" ")}` : "";
  };
  const push = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };
  const showFeedback = (form, box, result) => {
    box.replaceChildren();
    box.className = `pacte-sort-feedback pacte-${result.status}`;
    form.dataset.status = result.status;
    box.append(node_("p", { class: "pacte-sort-status" }, `${STATUS_LABEL[result.status]} ${result.message}`));
    if (result.hint) box.append(node_("p", {}, result.hint));
    if (result.explanation) box.append(node_("p", {}, result.explanation));
    const item = items.get(result.item);
    if (item && (result.status === CORRECT || result.status === INCORRECT)) {
      box.append(node_("p", { class: "pacte-sort-source" }, "Source : ", cite(item.source)));
    }
  };
  const validate = (item, form, box, { silentIfEmpty = false } = {}) => {
    const checked = form.querySelector("input:checked");
    const answer = checked ? checked.value : null;
    if (answer === null && silentIfEmpty) return null;
    const result = evaluateItem(ex, item.id, answer);
    showFeedback(form, box, result);
    if (!silentIfEmpty) {
      spoken.textContent = [
        `${STATUS_LABEL[result.status]} ${result.message}`,
        result.hint,
        scoreSorting(ex, answers).message
      ].filter(Boolean).join(" ");
    }
    if (result.status === CORRECT || result.status === INCORRECT) answers[item.id] = answer;
    return result;
  };
  const list = node_("ol", { class: "pacte-sort-list", style: "list-style:none;padding:0;margin:0" });
  ex.items.forEach((item, index) => {
    const name = `sort-${uid}-${item.id}`;
    const form = node_("form", { class: "pacte-sort-item", "data-item": item.id, novalidate: true });
    const options = node_("div", { class: "pacte-sort-options" });
    for (const c of ex.categories) {
      const id = `${name}-${c.id}`;
      const input = node_("input", { type: "radio", id, name, value: c.id });
      if (answers[item.id] === c.id) input.checked = true;
      options.append(node_("span", { class: "pacte-sort-option" }, input, node_("label", { for: id }, c.label)));
    }
    const submit = node_("button", { type: "submit", class: "pacte-button" }, "Valider");
    options.append(submit);
    const box = node_("div", { class: "pacte-sort-feedback" });
    form.append(node_("fieldset", {}, node_("legend", {}, `${index + 1}. ${item.text}`), options), box);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const r = validate(item, form, box);
      updateScore();
      if (r.status === CORRECT || r.status === INCORRECT) {
        push();
        emitAnswer(root, "sorting", ex.id, item.id, answers[item.id]);
      }
    });
    forms.set(item.id, { form, box });
    list.append(node_("li", {}, form));
    if (Object.hasOwn(answers, item.id)) {
      const r = evaluateItem(ex, item.id, answers[item.id]);
      if (r.status !== UNANSWERED) showFeedback(form, box, r);
    }
  });
  root.append(list);
  const all = node_("button", { type: "button", class: "pacte-button" }, "Valider toutes mes réponses");
  all.addEventListener("click", () => {
    let missing = 0;
    for (const item of ex.items) {
      const { form, box } = forms.get(item.id);
      const r = validate(item, form, box, { silentIfEmpty: true });
      if (r === null) missing += 1;
    }
    updateScore();
    push();
    if (missing) score.textContent += ` Encore ${missing} élément${missing > 1 ? "s" : ""} sans réponse.`;
    const s = scoreSorting(ex, answers);
    spoken.textContent = `Réponses validées : ${s.correct} bien classé${s.correct > 1 ? "s" : ""} sur ${ex.items.length}` + (missing ? `, ${missing} sans réponse.` : ".");
  });
  const reset = node_("button", { type: "button", class: "pacte-button pacte-secondary" }, "Recommencer");
  reset.addEventListener("click", () => {
    for (const k of Object.keys(answers)) delete answers[k];
    for (const { form, box } of forms.values()) {
      form.reset();
      delete form.dataset.status;
      box.replaceChildren();
      box.className = "pacte-sort-feedback";
    }
    updateScore();
    push();
  });
  root.append(score, errorsBox, spoken, node_("div", { class: "pacte-sort-actions" }, all, reset));
  const showKernel = (kr) => {
    if (kr && typeof kr.correct === "number") {
      root.dataset.kernelCorrect = String(kr.correct);
      root.dataset.kernelAnswered = String(kr.answered);
      root.dataset.kernelStatus = String(kr.status);
    }
  };
  updateScore();
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var sorting_default = { render };
export {
  sorting_default as default
};
