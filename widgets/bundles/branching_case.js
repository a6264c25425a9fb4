// GENERATED from widgets/static/branching_case.js by js/build-bundles.mjs (npm run bundles): do not edit.

// widgets/static/branching_case_logic.js
function nodeIndex(caseGraph) {
  return new Map(caseGraph.nodes.map((n) => [n.id, n]));
}
function walk(caseGraph, choices) {
  if (!Array.isArray(choices)) {
    return { ok: false, index: null, message: "Parcours illisible : une liste de choix est attendue." };
  }
  const nodes = nodeIndex(caseGraph);
  let node = nodes.get(caseGraph.start);
  const path = [node.id];
  for (let i = 0; i < choices.length; i += 1) {
    const choiceId = choices[i];
    if (node.kind === "debrief") {
      return { ok: false, index: i, message: "Le cas est terminé : aucun autre choix n’est possible." };
    }
    const choice = node.choices.find((c) => c.id === choiceId);
    if (typeof choiceId !== "string" || !choice) {
      return {
        ok: false,
        index: i,
        message: `Choix non prévu à cette étape (« ${String(choiceId)} ») : choisissez l’une des options proposées.`
      };
    }
    node = nodes.get(choice.next);
    path.push(node.id);
  }
  const finished = node.kind === "debrief";
  return { ok: true, node: node.id, path, steps: choices.length, finished, outcome: finished ? node.outcome : null };
}
var OUTCOME_LABELS = {
  favorable: "Issue favorable",
  mitige: "Issue mitigée",
  defavorable: "Issue défavorable"
};

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

// widgets/static/branching_case.js
var STYLE_ID = "pacte-branching-case-style";
var CSS = `
.pacte-case { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #fbfaf7; color: #1b2631; }
.pacte-case h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-case h4 { font-size: 1.05rem; margin: .8rem 0 .3rem 0; }
.pacte-case h4:focus { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-case-basis { font-size: .85rem; color: #4a5560; }
.pacte-case fieldset { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0; }
.pacte-case legend { font-weight: 600; font-size: 1rem; line-height: 1.4; padding: 0 .3rem; }
.pacte-case-choice { display: flex; gap: .5rem; align-items: baseline; margin: .35rem 0; }
.pacte-case-choice input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-case-history { border-left: 3px solid #c9d3dd; padding-left: 1.4rem; margin: .5rem 0; }
.pacte-case-history li { margin: .4rem 0; }
.pacte-case-step-choice { font-weight: 600; }
.pacte-case-consequence { font-style: italic; margin: .2rem 0 0 0; }
.pacte-case-message { color: #b34700; font-weight: 600; min-height: 1em; }
.pacte-case-outcome { display: inline-block; font-weight: 700; padding: .15rem .6rem; border-radius: 999px; margin: .2rem 0 .4rem 0; }
.pacte-case-outcome-favorable { background: #e3f2e8; color: #1d5e35; }
.pacte-case-outcome-mitige { background: #fdf0dc; color: #7a4a00; }
.pacte-case-outcome-defavorable { background: #fbe3e3; color: #8a1c1c; }
.pacte-case-sources { font-size: .85rem; color: #4a5560; }
.pacte-case .pacte-case-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; margin-right: .5rem; }
.pacte-case .pacte-case-button.pacte-case-secondary { background: #fff; color: #1f5f8b; }
.pacte-case .pacte-case-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
`;
function sourceLine(sources, citations, prefix) {
  const parts = sources.map((s) => `${citations && citations[s.ref] || s.ref}, ${s.detail}`);
  return `${prefix}${parts.join(" ; ")}.`;
}
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const caseGraph = model.get("case");
  const nodes = nodeIndex(caseGraph);
  remember(model, {
    kind: "case",
    ref: caseGraph.id,
    title: caseGraph.title,
    definition: caseGraph.nodes.map((n) => [n.id, (n.choices || []).map((c) => [c.id, c.next])]),
    migrate: (a) => {
      const path = Array.isArray(a.path) ? a.path : [];
      const w = walk(caseGraph, path);
      const keep = w.ok ? path : path.slice(0, w.index || 0);
      return { answers: keep.length ? { path: keep } : {}, dropped: path.length - keep.length };
    },
    summarize: (a) => {
      const w = walk(caseGraph, a.path || []);
      return {
        complete: !!(w.ok && w.finished),
        done: w.ok ? w.steps : 0,
        label: w.ok && w.finished ? `cas terminé : ${(OUTCOME_LABELS[w.outcome] || w.outcome).toLowerCase()}` : `${w.ok ? w.steps : 0} choix fait${w.ok && w.steps > 1 ? "s" : ""}, cas en cours`
      };
    }
  });
  const uid = `${caseGraph.id}-${Math.random().toString(36).slice(2, 8)}`;
  const root = h("section", { class: "pacte-case", "aria-label": `Cas à embranchements : ${caseGraph.title}` });
  root.dataset.caseId = caseGraph.id;
  const history = h("ol", { class: "pacte-case-history", "aria-label": "Votre parcours dans le cas" });
  const current = h("div", { class: "pacte-case-current" });
  const live = h("p", { class: "pacte-case-live", "aria-live": "polite" });
  root.append(
    h("h3", {}, caseGraph.title),
    h(
      "p",
      {},
      caseGraph.structure === "CPTS" ? "En CPTS. " : caseGraph.structure === "CDS" ? "En centre de santé. " : "En MSP. ",
      caseGraph.context
    )
  );
  if (caseGraph.based_on && caseGraph.based_on.length) {
    root.append(
      h(
        "p",
        { class: "pacte-case-basis" },
        sourceLine(caseGraph.based_on, caseGraph.citations, "Situation construite d’après : ")
      )
    );
  }
  root.append(history, current, live);
  let choices = [];
  const commit = () => {
    model.set("answers", { path: [...choices] });
    model.save_changes();
  };
  const drawHistory = () => {
    history.replaceChildren();
    let node = nodes.get(caseGraph.start);
    for (const cid of choices) {
      const choice = node.choices.find((c) => c.id === cid);
      history.append(
        h(
          "li",
          {},
          h("span", {}, node.title, " — "),
          h("span", { class: "pacte-case-step-choice" }, `votre choix : « ${choice.text} »`),
          choice.consequence ? h("p", { class: "pacte-case-consequence" }, choice.consequence) : null
        )
      );
      node = nodes.get(choice.next);
    }
    history.hidden = choices.length === 0;
  };
  const draw = (focus) => {
    const result = walk(caseGraph, choices);
    if (!result.ok) {
      choices = [];
      return draw(focus);
    }
    drawHistory();
    const node = nodes.get(result.node);
    root.dataset.node = node.id;
    root.dataset.finished = String(result.finished);
    root.dataset.steps = String(result.steps);
    const heading = h("h4", { tabindex: "-1" }, node.title);
    current.replaceChildren(heading, h("p", {}, node.text));
    if (node.kind === "situation") {
      const form = h("form", { class: "pacte-case-form", novalidate: "" });
      const fieldset = h("fieldset", {}, h("legend", {}, "Que faites-vous ?"));
      for (const choice of node.choices) {
        const id = `${uid}-${node.id}-${choice.id}`;
        fieldset.append(
          h(
            "div",
            { class: "pacte-case-choice" },
            h("input", { type: "radio", id, name: `${uid}-${node.id}`, value: choice.id }),
            h("label", { for: id }, choice.text)
          )
        );
      }
      const message = h("p", { class: "pacte-case-message", role: "alert" });
      form.append(fieldset, h("button", { type: "submit", class: "pacte-case-button" }, "Valider ce choix"), message);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const picked = (
          /** @type {HTMLInputElement | null} */
          form.querySelector("input:checked")
        );
        const next = walk(caseGraph, [...choices, picked ? picked.value : null]);
        if (!picked || !next.ok) {
          message.textContent = picked ? next.message : "Choisissez une option avant de valider.";
          return;
        }
        choices.push(picked.value);
        const choice = node.choices.find((c) => c.id === picked.value);
        live.textContent = `Vous avez choisi : « ${choice.text} » ${choice.consequence || ""}`.trim();
        commit();
        emitAnswer(root, "case", caseGraph.id, node.id, picked.value);
        draw(true);
      });
      current.append(form);
    } else {
      const outcome = node.outcome;
      current.append(
        h("p", { class: `pacte-case-outcome pacte-case-outcome-${outcome}` }, OUTCOME_LABELS[outcome] || outcome),
        h("p", { class: "pacte-case-takeaways-title" }, h("strong", {}, "À retenir pour le débriefing :")),
        h(
          "ul",
          { class: "pacte-case-takeaways" },
          node.takeaways.map((t) => h("li", {}, t))
        ),
        h("p", { class: "pacte-case-sources" }, sourceLine(node.sources, caseGraph.citations, "Sources : "))
      );
      const back = h(
        "button",
        { type: "button", class: "pacte-case-button pacte-case-secondary" },
        "Revenir au choix précédent"
      );
      back.addEventListener("click", () => {
        choices.pop();
        live.textContent = "Retour au choix précédent.";
        commit();
        draw(true);
      });
      const again = h("button", { type: "button", class: "pacte-case-button" }, "Rejouer le cas");
      again.addEventListener("click", () => {
        choices = [];
        live.textContent = "Le cas recommence.";
        commit();
        draw(true);
      });
      current.append(h("p", {}, back, again));
    }
    if (focus) heading.focus();
    return result;
  };
  const showKernel = (kr) => {
    if (kr.error) root.dataset.kernelError = kr.error;
    else if (kr.node) {
      delete root.dataset.kernelError;
      root.dataset.kernelNode = kr.node;
      root.dataset.kernelFinished = String(kr.finished);
    }
  };
  const stored = (model.get("answers") || {}).path;
  choices = Array.isArray(stored) ? [...stored] : [];
  draw(false);
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var branching_case_default = { render };
export {
  branching_case_default as default
};
