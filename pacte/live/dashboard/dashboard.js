// @ts-check
// The trainer's dashboard (served by `pacte serve` at /formateur/, no kernel):
// sessions, the catalogue of pushable activities, the stage controls, the live
// panels fed by the trainer's event stream, projection mode, CSV and print.
import { errorText, h } from "../../pacte/static/dom.js";
import { activityCard } from "./dashboard_cards.js";
import { setupJoin } from "./dashboard_join.js";
import * as L from "./dashboard_logic.js";
import { projectionView } from "./dashboard_projection.js";
import { drawRoomQuestions, projectionQuestions } from "./dashboard_room.js";
import { setupToolkit } from "./dashboard_toolkit.js";

const API = new URL("../../api/live/trainer/", import.meta.url);
const REMEMBER = "pacte-trainer-session";
const RETRY_MS = 3000;
/** @type {(id: string) => PageElement} */
const $ = (id) => /** @type {PageElement} */ (document.getElementById(id));
const state = {
  sessions: [],
  sessionId: null,
  catalogue: [],
  summary: null,
  query: "",
  projection: false,
  source: null,
  retry: null,
  openGroups: new Set(),
  catalogueSignature: "",
  activitiesSignature: "",
};

function say(text, error = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("is-error", error);
}

/**
 * Call the trainer's API; its JSON answer, or an Error with a French message.
 * @param {string} path
 * @param {{ method?: string, body?: unknown }} [options]
 */
async function api(path, { method = "GET", body = undefined } = {}) {
  /** @type {RequestInit & { headers: Record<string, string> }} */
  const init = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const resp = await fetch(new URL(path, API), init);
  let data = {};
  try {
    data = await resp.json();
  } catch {
    data = {};
  }
  if (resp.status === 403)
    throw new Error(
      "Accès réservé au formateur\u00a0: ouvrez le lien avec le jeton affiché par «\u00a0pacte serve\u00a0».",
    );
  if (!resp.ok || data.ok === false) throw new Error(data.error || `Action impossible (erreur ${resp.status}).`);
  return data;
}

async function attempt(action) {
  try {
    await action();
  } catch (err) {
    say(errorText(err), true);
  }
}

const current = () => state.sessions.find((s) => s.id === state.sessionId) || state.summary?.session || null;
const sessionPath = (suffix = "") => `sessions/${encodeURIComponent(state.sessionId)}${suffix}`;

// -- sessions ------------------------------------------------------------------
function drawSessions() {
  const list = $("session-list");
  list.replaceChildren(
    ...state.sessions.map((s) => {
      const button = h("button", { type: "button", class: "session-choice", "data-id": s.id }, L.sessionLabel(s));
      if (s.id === state.sessionId) button.setAttribute("aria-current", "true");
      button.addEventListener("click", () => selectSession(s.id));
      return h("li", {}, button, h("span", { class: "hint" }, ` ${L.countLabel(s.participants ?? 0, "participant")}`));
    }),
  );
  if (!state.sessions.length) list.append(h("li", { class: "hint" }, "Aucune séance pour l’instant."));
}

function drawSession() {
  const s = current();
  const box = $("session-current");
  box.hidden = !s;
  document.body.dataset.session = s ? s.code : "";
  $("session-heading").textContent = s
    ? `${s.title} — code ${s.code}${s.open === false ? " (fermée)" : ""}`
    : "Aucune séance choisie.";
  if (!s) return;
  $("session-code").textContent = s.code;
  const url = state.summary?.join_url || "";
  $("join-link").textContent = url;
  $("join-link").href = url || "#";
  $("participants").textContent = state.summary ? L.participantsText(state.summary) : "";
  $("export-csv").href = new URL(sessionPath("/export.csv"), API).href;
  $("export-csv").setAttribute("download", `seance-${s.code}.csv`);
  $("export-xlsx").href = new URL(sessionPath("/export.xlsx"), API).href;
  $("export-xlsx").setAttribute("download", `seance-${s.code}.xlsx`);
  $("close-session").disabled = s.open === false;
  $("session-end").textContent = s.state_text ? `Séance ${s.state_text}.` : "";
  const warning = L.endWarning(s, Date.now());
  $("session-end-warning").textContent = warning;
  $("session-end-warning").hidden = !warning;
}

async function loadSessions() {
  const data = await api("sessions");
  state.sessions = data.sessions || [];
  if (state.sessionId && !state.sessions.some((s) => s.id === state.sessionId)) state.sessionId = null;
  drawSessions();
  drawSession();
}

function selectSession(id) {
  state.sessionId = id;
  state.summary = null;
  localStorage.setItem(REMEMBER, id || "");
  drawSessions();
  drawSession();
  drawAll();
  openStream();
  if (id) attempt(async () => setSummary((await api(sessionPath("/summary"))).summary));
}

// -- live stream -----------------------------------------------------------------
function openStream() {
  clearTimeout(state.retry);
  if (state.source) state.source.close();
  state.source = null;
  if (!state.sessionId) return;
  const source = new EventSource(new URL(sessionPath("/events"), API).href);
  state.source = source;
  source.addEventListener("summary", (event) => {
    const data = JSON.parse(event.data);
    setSummary(data.summary || data);
  });
  source.addEventListener("open", () => {
    if (document.body.dataset.stream === "lost") say("Connexion rétablie.");
    document.body.dataset.stream = "open";
  });
  source.addEventListener("error", () => {
    document.body.dataset.stream = "lost";
    say("Connexion au serveur perdue, reconnexion en cours…");
    // The browser retries by itself unless the server refused the stream: then retry here.
    if (source.readyState === EventSource.CLOSED && state.source === source) {
      state.retry = setTimeout(reconnect, RETRY_MS);
    }
  });
}

// After a refused stream: the session may have been deleted (by another window); else open it again.
async function reconnect() {
  try {
    await loadSessions();
  } catch {
    state.retry = setTimeout(reconnect, RETRY_MS); // the server is still down: try again
    return;
  }
  if (!state.sessionId) {
    selectSession(null);
    say("Cette séance n’existe plus.");
  } else openStream();
}

function setSummary(summary) {
  if (!summary || (summary.session && summary.session.id && summary.session.id !== state.sessionId)) return;
  state.summary = summary;
  const listed = state.sessions.find((s) => s.id === state.sessionId);
  if (listed && summary.session) {
    const before = `${listed.participants}|${listed.open}`;
    Object.assign(listed, summary.session, { participants: summary.participants });
    if (`${listed.participants}|${listed.open}` !== before) {
      const focusedId = document.activeElement?.closest?.(".session-choice")?.getAttribute("data-id");
      drawSessions();
      if (focusedId) document.querySelector(`.session-choice[data-id="${CSS.escape(focusedId)}"]`)?.focus();
    }
  }
  drawSession();
  drawAll();
}

// -- catalogue -------------------------------------------------------------------
function catalogueItem(a, stageActivity, canPush) {
  const isCurrent = L.sameActivity(a, stageActivity);
  const verb = isCurrent ? "Relancer" : "Pousser";
  const push = h("button", { type: "button", class: "button small", disabled: !canPush }, verb);
  const detail = a.prompt ? `\u00a0: ${a.prompt.slice(0, 80)}` : "";
  push.setAttribute("aria-label", `${verb} «\u00a0${a.title}\u00a0»${detail}`);
  push.addEventListener("click", () => pushStage(a, "open"));
  return h(
    "li",
    { class: isCurrent ? "item is-current" : "item", "data-key": a.key, "aria-current": isCurrent ? "true" : null },
    h(
      "span",
      { class: "item-text" },
      h("span", { class: "kind" }, L.kindLabel(a.kind)),
      " ",
      h("strong", {}, a.title),
      a.prompt ? h("span", { class: "prompt" }, a.prompt) : null,
      isCurrent ? h("span", { class: "badge" }, "En cours") : null,
    ),
    push,
  );
}

// Modules fold (the catalogue is long); one opens by itself when searched or holding the current activity.
function drawCatalogue() {
  const groups = L.groupCatalogue(state.catalogue, state.query);
  const stageActivity = state.summary?.stage?.activity;
  const canPush = Boolean(state.sessionId) && current()?.open !== false;
  const signature = JSON.stringify([state.catalogue.length, state.query, L.activityKey(stageActivity), canPush]);
  if (signature === state.catalogueSignature) return; // summaries arrive often: redraw only on a change
  state.catalogueSignature = signature;
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  $("catalogue-count").textContent = `${L.countLabel(total, "activité")} sur ${L.formatNumber(state.catalogue.length)}`;
  $("catalogue-groups").replaceChildren(
    ...groups.map((g) => {
      const holdsCurrent = g.items.some((a) => L.sameActivity(a, stageActivity));
      const open = Boolean(state.query) || holdsCurrent || groups.length <= 2 || state.openGroups.has(g.module);
      const box = h(
        "details",
        { class: "group", open },
        h("summary", {}, h("h3", {}, `${g.label} (${g.items.length})`)),
        h(
          "ul",
          { class: "items" },
          g.items.map((a) => catalogueItem(a, stageActivity, canPush)),
        ),
      );
      box.addEventListener("toggle", () => {
        if (box.open) state.openGroups.add(g.module);
        else state.openGroups.delete(g.module);
      });
      return box;
    }),
  );
}

async function pushStage(activity, stateName) {
  if (!state.sessionId) return;
  const body =
    stateName === "idle"
      ? { state: "idle" }
      : { kind: activity.kind, ref: activity.ref, question: activity.question, state: stateName };
  await attempt(async () => {
    const data = await api(sessionPath("/stage"), { method: "POST", body });
    if (state.summary) state.summary = { ...state.summary, stage: data.stage };
    drawAll();
    say(
      stateName === "idle"
        ? "Écran des apprenants effacé."
        : `${L.STATE_TEXT[stateName]}\u00a0: ${activity.title || activity.ref}.`,
    );
  });
}

// -- stage and activities --------------------------------------------------------
function drawStage() {
  const stage = state.summary?.stage;
  const next = stage?.activity ? L.nextActivity(state.catalogue, stage.activity) : null;
  const controls = L.stageControls(stage, next);
  const entry = L.currentEntry(state.summary);
  $("stage").dataset.state = controls.state;
  $("stage-title").textContent = stage?.activity ? stage.activity.title || stage.activity.ref : L.STATE_TEXT.idle;
  $("stage-state").textContent = stage?.activity ? controls.text : "";
  $("stage-count").textContent = stage?.activity
    ? `${L.countLabel(entry?.answers ?? 0, "réponse")} à l’activité en cours`
    : "";
  const buttons = [
    .../** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll(".stage-actions button")),
  ];
  const focused = buttons.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
  for (const button of buttons) {
    button.disabled = !controls[button.dataset.action] || !state.sessionId;
    if (button.dataset.action === "next")
      button.title = next ? `Suivante\u00a0: ${next.title}` : "Pas d’activité suivante sur cette page";
  }
  // The button just used may now be disabled: the focus moves to the next one still usable.
  if (focused >= 0 && buttons[focused].disabled) {
    const after = [...buttons.slice(focused + 1), ...buttons.slice(0, focused)].find((b) => !b.disabled);
    (after || $("stage-title")).focus();
  }
}

function stageAction(action) {
  const activity = state.summary?.stage?.activity;
  if (action === "clear") return pushStage(null, "idle");
  if (!activity) return undefined;
  if (action === "next") {
    const next = L.nextActivity(state.catalogue, activity);
    return next ? pushStage(next, "open") : undefined;
  }
  const stateName = { open: "open", close: "closed", reveal: "revealed" }[action];
  return pushStage(activity, stateName);
}

// Redrawn only when the activities or the stage changed; a focused « Masquer » button keeps the focus.
function drawActivities() {
  const box = $("activities");
  const entries = state.summary?.activities || [];
  const stageActivity = state.summary?.stage?.activity;
  const signature = JSON.stringify([state.sessionId, entries, L.activityKey(stageActivity)]);
  if (signature === state.activitiesSignature) return;
  state.activitiesSignature = signature;
  const focused = box.contains(document.activeElement) ? document.activeElement : null;
  const focusKey = focused?.closest("article")?.dataset.key;
  const focusWord = focused?.dataset.word;
  const sorted = [...entries].sort(
    (a, b) => Number(L.sameActivity(b, stageActivity)) - Number(L.sameActivity(a, stageActivity)),
  );
  const actions = { api, attempt, say, path: sessionPath };
  box.replaceChildren(...sorted.map((e) => activityCard(e, L.sameActivity(e, stageActivity), actions)));
  if (!state.sessionId)
    box.append(h("p", { class: "empty" }, "Créez ou choisissez une séance pour voir les réponses."));
  else if (!entries.length) box.append(h("p", { class: "empty" }, "Pas encore de réponse dans cette séance."));
  if (focusKey && focusWord !== undefined) {
    const card = [...box.querySelectorAll("article")].find((a) => a.dataset.key === focusKey);
    const again = card && [...card.querySelectorAll("button.word-toggle")].find((b) => b.dataset.word === focusWord);
    if (again) again.focus();
  }
}

// -- projection (dashboard_projection.js) -----------------------------------------------
const drawProjection = () => {
  if (!state.projection) return;
  projectionView(state.summary, current());
  projectionQuestions(state.summary);
};

function setProjection(on) {
  state.projection = on;
  document.body.classList.toggle("is-projection", on);
  $("projection").hidden = !on;
  $("projection-toggle").setAttribute("aria-pressed", String(on));
  const url = new URL(location.href);
  if (on) url.searchParams.set("projection", "1");
  else url.searchParams.delete("projection");
  history.replaceState(null, "", url);
  drawProjection();
  (on ? $("projection-exit") : $("projection-toggle")).focus();
}

let toolkit = null; // dashboard_toolkit.js: sequences, questions on the spot, timer

function drawAll() {
  drawRoomQuestions(state.summary, { api, attempt, say, path: sessionPath });
  toolkit?.draw();
  drawStage();
  drawActivities();
  drawCatalogue();
  drawProjection();
}

// -- start -------------------------------------------------------------------------
function wire() {
  $("create-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const title = $("create-title").value.trim();
    attempt(async () => {
      const data = await api("sessions", { method: "POST", body: { title } });
      $("create-title").value = "";
      await loadSessions();
      selectSession(data.session.id);
      say(`Séance «\u00a0${data.session.title}\u00a0» créée, code ${data.session.code}.`);
    });
  });
  $("close-session").addEventListener("click", () => {
    const s = current();
    if (!s || !window.confirm(`Fermer la séance «\u00a0${s.title}\u00a0»\u00a0? Plus aucune réponse ne sera acceptée.`))
      return;
    attempt(async () => {
      await api(sessionPath("/close"), { method: "POST", body: {} });
      await loadSessions();
      drawAll();
      say("Séance fermée.");
    });
  });
  $("delete-session").addEventListener("click", () => {
    const s = current();
    if (
      !s ||
      !window.confirm(`Supprimer la séance «\u00a0${s.title}\u00a0» et toutes ses réponses\u00a0? C’est définitif.`)
    )
      return;
    attempt(async () => {
      await api(sessionPath(""), { method: "DELETE", body: {} });
      selectSession(null);
      await loadSessions();
      say("Séance supprimée avec toutes ses réponses.");
    });
  });
  $("print").addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", () => {
    $("print-date").textContent = L.printedText(new Date());
  });
  $("catalogue-search").addEventListener("input", (event) => {
    state.query = /** @type {HTMLInputElement} */ (event.target).value;
    drawCatalogue();
  });
  for (const button of document.querySelectorAll(".stage-actions button")) {
    button.addEventListener("click", () => stageAction(button.dataset.action));
  }
  $("projection-toggle").addEventListener("click", () => setProjection(!state.projection));
  $("projection-exit").addEventListener("click", () => setProjection(false));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.projection) setProjection(false);
  });
}

async function start() {
  wire();
  toolkit = setupToolkit({ api, attempt, say, state, sessionPath, redraw: drawAll });
  await attempt(async () => {
    const [catalogue] = await Promise.all([api("catalogue"), loadSessions()]);
    state.catalogue = catalogue.activities || [];
    const remembered = localStorage.getItem(REMEMBER);
    const fallback = state.sessions.find((s) => s.open !== false) || state.sessions[0];
    const chosen = state.sessions.some((s) => s.id === remembered) ? remembered : fallback?.id;
    if (chosen) selectSession(chosen);
    else drawAll();
  });
  await attempt(() => setupJoin(api, () => selectSession(state.sessionId)));
  setInterval(drawSession, 60000); // the end-of-session warning counts down
  if (L.isProjection(location.search)) setProjection(true);
  document.querySelector("main").dataset.ready = "true";
  document.body.dataset.ready = "true"; // visible in projection mode too (main is hidden there)
}

start();
