// GENERATED from widgets/static/prompt.js by js/build-bundles.mjs (npm run bundles): do not edit.

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

// widgets/static/prompt.js
function render({ model, el }) {
  const prompt = model.get("prompt");
  const id = `pacte-prompt-${prompt.id}-${Math.random().toString(36).slice(2, 7)}`;
  const form = document.createElement("form");
  form.className = "pacte-prompt";
  const label = document.createElement("label");
  label.setAttribute("for", id);
  label.textContent = prompt.prompt;
  const area = document.createElement("textarea");
  area.id = id;
  area.maxLength = prompt.max_length;
  area.rows = 2;
  area.value = (model.get("answers") || {}).text || "";
  const help = document.createElement("p");
  help.className = "pacte-live-help";
  help.textContent = `${prompt.help || ""} (${prompt.max_length} caractères au plus)`;
  const button = document.createElement("button");
  button.type = "submit";
  button.className = "pacte-button";
  button.textContent = "Envoyer";
  const status = document.createElement("p");
  status.setAttribute("aria-live", "polite");
  status.className = "pacte-prompt-status";
  form.append(label, area, help, button, status);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = area.value.trim();
    if (!text) {
      status.textContent = "Écrivez d’abord votre réponse.";
      return;
    }
    model.set("answers", { text });
    model.save_changes();
    emitAnswer(form, "text", prompt.id, "answer", text);
    status.textContent = currentSession() ? "Réponse envoyée à la séance, sans votre nom." : "Réponse enregistrée dans cette page (aucune séance en direct rejointe).";
  });
  el.replaceChildren(form);
}
var prompt_default = { render };
export {
  prompt_default as default
};
