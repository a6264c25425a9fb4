// GENERATED from widgets/static/quiz.js by js/build-bundles.mjs (npm run bundles): do not edit.

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
function droppedNote(handle) {
  if (!handle || !handle.dropped || typeof document === "undefined") return null;
  const p = document.createElement("p");
  p.className = "pacte-progress-dropped";
  const n = handle.dropped;
  p.textContent = `${n} réponse${n > 1 ? "s" : ""} enregistrée${n > 1 ? "s" : ""} dans ce navigateur ne correspond${n > 1 ? "aient" : "ait"} plus à cette activité, qui a changé depuis : ${n > 1 ? "elles ont été retirées" : "elle a été retirée"}.`;
  return p;
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
function parseNumber(raw) {
  if (typeof raw === "boolean" || raw === null || raw === void 0) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const text = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".").replace(/%+$/, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return parseFloat(text);
}
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

// widgets/static/quiz_logic.js
var CORRECT = "correct";
var INCORRECT = "incorrect";
var UNANSWERED = "unanswered";
var INVALID = "invalid";
function formatNumber(value) {
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  return fmtNumber(value, 10);
}
function orderPicked(question, picked) {
  const set = new Set(picked);
  return question.choices.filter((c) => set.has(c.id)).map((c) => c.id);
}
function evaluate(question, answer) {
  if (answer === null || answer === void 0 || answer === "" || Array.isArray(answer) && answer.length === 0) {
    return { status: UNANSWERED, feedback: [], message: message("quiz.unanswered") };
  }
  if (question.type === "single" || question.type === "multiple") {
    const choices = new Map(question.choices.map((c) => [c.id, c]));
    if (question.type === "single" && typeof answer !== "string") {
      return { status: INVALID, feedback: [], message: message("quiz.single_only") };
    }
    const picked = question.type === "single" ? [answer] : answer;
    if (!Array.isArray(picked) || !picked.every((p) => typeof p === "string")) {
      return { status: INVALID, feedback: [], message: message("quiz.unreadable") };
    }
    const unknown = picked.filter((p) => !choices.has(p));
    if (unknown.length) {
      return {
        status: INVALID,
        feedback: [],
        message: message("quiz.unknown_choice", { choices: unknown.join(", ") })
      };
    }
    const expected = new Set(question.choices.filter((c) => c.correct).map((c) => c.id));
    const got = new Set(picked);
    const ok = got.size === expected.size && [...got].every((p) => expected.has(p));
    return {
      status: ok ? CORRECT : INCORRECT,
      feedback: orderPicked(question, picked).map((id) => choices.get(id).feedback),
      message: message(ok ? "quiz.correct" : "quiz.incorrect")
    };
  }
  const value = parseNumber(answer);
  if (value === null) {
    return { status: INVALID, feedback: [], message: message("quiz.not_a_number") };
  }
  const lo = question.min ?? null;
  const hi = question.max ?? null;
  if (lo !== null && value < lo || hi !== null && value > hi) {
    return {
      status: INVALID,
      feedback: [],
      message: message("quiz.out_of_range", { lo: formatNumber(lo ?? -Infinity), hi: formatNumber(hi ?? Infinity) })
    };
  }
  const target = Number(question.answer);
  const tol = Number(question.tolerance ?? 0);
  const fb = question.feedback;
  if (Math.abs(value - target) <= tol + 1e-9) {
    return { status: CORRECT, feedback: [fb.correct], message: message("quiz.correct") };
  }
  const side = value < target ? fb.too_low : fb.too_high;
  return { status: INCORRECT, feedback: [side || fb.incorrect], message: message("quiz.incorrect") };
}
function score(bank, answers) {
  const results = {};
  let correct = 0;
  let answered = 0;
  for (const q of bank.questions) {
    const r = evaluate(q, answers[q.id]);
    results[q.id] = r.status;
    if (r.status === CORRECT) correct += 1;
    if (r.status === CORRECT || r.status === INCORRECT) answered += 1;
  }
  return { correct, answered, total: bank.questions.length, results };
}

// widgets/static/quiz.js
var STATUS_TEXT = {
  correct: "Bonne réponse",
  incorrect: "Réponse incorrecte",
  invalid: "Réponse à corriger"
};
function readAnswer(question, form) {
  if (question.type === "single") {
    const checked = form.querySelector("input:checked");
    return checked ? checked.value : null;
  }
  if (question.type === "multiple") {
    return [...form.querySelectorAll("input:checked")].map((i) => i.value);
  }
  return form.querySelector("input").value.trim();
}
function renderQuestion(question, index, bank, onAnswered) {
  const name = `${bank.id}-${question.id}-${Math.random().toString(36).slice(2, 8)}`;
  const form = h("form", { class: "pacte-quiz-question", "data-question": question.id, novalidate: "" });
  const legend = h("legend", {}, `Question ${index + 1}. `, question.prompt);
  const fieldset = h("fieldset", {}, legend);
  if (question.type === "numeric") {
    const id = `${name}-num`;
    fieldset.append(
      h("label", { for: id }, `Votre réponse${question.unit ? ` (${question.unit})` : ""} : `),
      h("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", class: "pacte-quiz-number" })
    );
  } else {
    const type = question.type === "single" ? "radio" : "checkbox";
    if (question.type === "multiple")
      fieldset.append(h("p", { class: "pacte-quiz-hint" }, "Plusieurs réponses possibles."));
    for (const choice of question.choices) {
      const id = `${name}-${choice.id}`;
      fieldset.append(
        h(
          "div",
          { class: "pacte-quiz-choice" },
          h("input", { type, id, name, value: choice.id }),
          h("label", { for: id }, choice.text)
        )
      );
    }
  }
  const feedback = h("div", { class: "pacte-quiz-feedback", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "pacte-button" }, "Valider");
  form.append(fieldset, submit, feedback);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const answer = readAnswer(question, form);
    const result = evaluate(question, answer);
    showFeedback(feedback, question, result, bank);
    form.dataset.status = result.status;
    if (result.status !== INVALID) onAnswered(question.id, answer);
  });
  return form;
}
function showFeedback(box, question, result, bank) {
  box.replaceChildren();
  box.className = `pacte-quiz-feedback pacte-${result.status}`;
  if (result.status === INVALID || result.status === "unanswered") {
    box.append(h("p", { class: "pacte-quiz-status" }, result.message));
    return;
  }
  box.append(h("p", { class: "pacte-quiz-status" }, `${STATUS_TEXT[result.status]}.`));
  if (result.feedback.length) {
    box.append(
      h(
        "ul",
        { class: "pacte-quiz-choice-feedback" },
        result.feedback.map((f) => h("li", {}, f))
      )
    );
  }
  box.append(h("p", { class: "pacte-quiz-explanation" }, h("strong", {}, "Explication : "), question.explanation));
  const src = question.source;
  const label = bank.citations && bank.citations[src.ref] || src.ref;
  box.append(h("p", { class: "pacte-quiz-source" }, "Source : ", label, " — ", src.detail));
}
function restoreQuestion(form, question, answer, bank) {
  if (answer === void 0 || answer === null) return;
  if (question.type === "numeric") form.querySelector("input").value = String(answer);
  else
    form.querySelectorAll("input").forEach((i) => {
      i.checked = Array.isArray(answer) ? answer.includes(i.value) : i.value === answer;
    });
  const result = evaluate(question, answer);
  showFeedback(form.querySelector(".pacte-quiz-feedback"), question, result, bank);
  form.dataset.status = result.status;
}
function render({ model, el }) {
  const bank = model.get("bank");
  const progress = remember(model, {
    kind: "quiz",
    ref: bank.id,
    title: bank.title,
    shape: Object.fromEntries(
      bank.questions.map((q) => [q.id, q.type === "numeric" ? null : q.choices.map((c) => c.id)])
    ),
    summarize: (a) => {
      const s = score(bank, a);
      return {
        done: s.answered,
        total: s.total,
        correct: s.correct,
        label: `${s.correct} bonne${s.correct > 1 ? "s" : ""} réponse${s.correct > 1 ? "s" : ""} sur ${s.total}`
      };
    }
  });
  const root = h("section", { class: "pacte-quiz", "aria-label": `Quiz : ${bank.title}` });
  root.append(h("h3", { class: "pacte-quiz-title" }, bank.title));
  if (bank.description) root.append(h("p", {}, bank.description));
  const scoreLine = h("p", { class: "pacte-quiz-score", "aria-live": "polite" });
  const answers = { ...model.get("answers") || {} };
  const updateScore = () => {
    const s = score(bank, answers);
    scoreLine.textContent = `Score : ${s.correct} / ${s.total} (${s.answered} question${s.answered > 1 ? "s" : ""} traitée${s.answered > 1 ? "s" : ""})`;
    root.dataset.score = String(s.correct);
    root.dataset.answered = String(s.answered);
  };
  const onAnswered = (qid, answer) => {
    answers[qid] = answer;
    updateScore();
    model.set("answers", { ...answers });
    model.save_changes();
    emitAnswer(root, "quiz", bank.id, qid, answer);
  };
  const note = droppedNote(progress);
  if (note) root.append(note);
  bank.questions.forEach((q, i) => {
    const form = renderQuestion(q, i, bank, onAnswered);
    restoreQuestion(form, q, answers[q.id], bank);
    root.append(form);
  });
  const reset = h("button", { type: "button", class: "pacte-button pacte-secondary" }, "Recommencer le quiz");
  reset.addEventListener("click", () => {
    for (const k of Object.keys(answers)) delete answers[k];
    root.querySelectorAll("form").forEach((f) => {
      f.reset();
      delete f.dataset.status;
    });
    root.querySelectorAll(".pacte-quiz-feedback").forEach((b) => {
      b.replaceChildren();
      b.className = "pacte-quiz-feedback";
    });
    updateScore();
    model.set("answers", {});
    model.save_changes();
  });
  root.append(scoreLine, reset);
  const showKernel = (ks) => {
    if (ks && typeof ks.correct === "number") root.dataset.kernelScore = String(ks.correct);
  };
  updateScore();
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var quiz_default = { render };
export {
  quiz_default as default
};
