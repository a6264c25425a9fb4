// @ts-check
// Questions from the room and moderation on the trainer's dashboard: the list of the
// room's questions, most voted first (approve, hide, mark answered, push back to the
// room as an open question), the moderation switches (session default, room questions,
// each free-text activity), « Approuver » / « Tout approuver », the projected list,
// and the link to the report of the day. ``actions``: {api, attempt, say, path}.
import { h } from "../../pacte/static/dom.js";
import { LIVE_KINDS } from "../../pacte/static/live_kinds.js";
import { activityId } from "../../pacte/static/live_protocol.js";
import { countLabel, NBSP } from "./dashboard_logic.js";

const ROOM = { activity: "room:questions", question: "ask" };
/** @type {(id: string) => PageElement} */
const $ = (id) => /** @type {PageElement} */ (document.getElementById(id));
let drawn = "";

function post(actions, suffix, body, done) {
  actions.attempt(async () => {
    const data = await actions.api(actions.path(suffix), { method: "POST", body });
    if (done) actions.say(done(data));
  });
}

function toggle(label, checked, onChange) {
  const input = h("input", { type: "checkbox", checked });
  input.addEventListener("change", () => onChange(input.checked));
  return h("label", { class: "moderation-toggle" }, input, ` ${label}`);
}

/** Approve one entry of a moderated activity (every spelling of it). */
export function approveWord(entry, text, actions) {
  post(
    actions,
    "/approve",
    { activity: activityId(entry.kind, entry.ref), question: entry.question, answer: text },
    () => `«${NBSP}${text}${NBSP}» est approuvé.`,
  );
}

/** The moderation switch of a free-text activity's card, and « Tout approuver » when entries wait. */
export function moderationControls(entry, actions) {
  if (!LIVE_KINDS.moderated.includes(entry.kind)) return [];
  const key = { activity: activityId(entry.kind, entry.ref), question: entry.question };
  /** @type {HTMLElement[]} */
  const nodes = [
    toggle("Valider chaque entrée avant affichage", Boolean(entry.moderated), (on) =>
      post(actions, "/moderation", { ...key, moderated: on }, () =>
        on ? "Entrées à valider avant affichage." : "Entrées affichées sans validation.",
      ),
    ),
  ];
  if (entry.pending) {
    const all = h("button", { type: "button", class: "button small approve-all" }, `Tout approuver (${entry.pending})`);
    all.addEventListener("click", () =>
      post(
        actions,
        "/approve",
        key,
        (d) => `${countLabel(d.approved, "entrée")} approuvée${d.approved > 1 ? "s" : ""}.`,
      ),
    );
    nodes.push(all);
  }
  return nodes;
}

const STATUS_TEXT = { pending: "en attente de validation", hidden: "masquée", approved: "" };

function questionItem(q, actions) {
  const act = (action, label) => {
    const b = h("button", { type: "button", class: "button small", "data-action": action }, label);
    b.setAttribute("aria-label", `${label}${NBSP}: «${NBSP}${q.text}${NBSP}»`);
    b.addEventListener("click", () =>
      post(actions, `/room-questions/${q.id}`, { action }, () => `${label}${NBSP}: fait.`),
    );
    return b;
  };
  const buttons = [];
  if (q.status !== "approved") buttons.push(act("approve", q.status === "hidden" ? "Afficher" : "Approuver"));
  if (q.status !== "hidden") buttons.push(act("hide", "Masquer"));
  if (q.status === "approved")
    buttons.push(act(q.answered ? "unanswered" : "answered", q.answered ? "Pas encore répondue" : "Répondue"));
  buttons.push(act("push", "Poser à la salle"));
  const state = [countLabel(q.votes, "vote"), STATUS_TEXT[q.status], q.answered ? "répondue" : ""]
    .filter(Boolean)
    .join(" · ");
  return h(
    "li",
    {
      class: `room-question is-${q.status}${q.answered ? " is-answered" : ""}`,
      "data-id": String(q.id),
      "data-votes": String(q.votes),
    },
    h("p", { class: "room-question-text" }, q.text),
    h("p", { class: "hint" }, state),
    h("p", { class: "room-question-actions" }, ...buttons),
  );
}

const shownText = (n, pending) =>
  `${countLabel(n, "question")} affichée${n > 1 ? "s" : ""}${pending ? ` · ${pending}${NBSP}en attente` : ""}`;

/** The « Questions de la salle » section of the dashboard, redrawn when the summary changes. */
export function drawRoomQuestions(summary, actions) {
  const box = $("room-questions");
  const session = summary?.session;
  const report = $("report-link");
  if (report)
    report.href = session ? new URL(`../formateur/rapport/${encodeURIComponent(session.id)}`, location.href).href : "#";
  const signature = JSON.stringify([session?.id, summary?.room_questions, summary?.moderation]);
  if (signature === drawn) return;
  drawn = signature;
  box.hidden = !session;
  if (!session) return box.replaceChildren();
  const list = summary.room_questions || [];
  const pending = list.filter((q) => q.status === "pending").length;
  const moderation = summary.moderation || {};
  /** @type {HTMLElement[]} */
  const head = [
    h("h3", { id: "room-questions-title" }, "Questions de la salle"),
    h(
      "p",
      { class: "counts", id: "room-questions-count" },
      shownText(list.filter((q) => q.status === "approved").length, pending),
    ),
    toggle("Valider les questions de la salle avant affichage", Boolean(moderation.room_questions), (on) =>
      post(actions, "/moderation", { ...ROOM, moderated: on }, () =>
        on ? "Questions de la salle à valider." : "Questions de la salle affichées sans validation.",
      ),
    ),
    toggle(
      "Par défaut, valider les entrées libres de la séance (nuages de mots, questions ouvertes)",
      Boolean(moderation.default),
      (on) =>
        post(actions, "/moderation", { activity: "*", question: "*", moderated: on }, () =>
          on ? "Validation par défaut activée." : "Validation par défaut désactivée.",
        ),
    ),
  ];
  if (pending) {
    const all = h("button", { type: "button", class: "button small approve-all" }, `Tout approuver (${pending})`);
    all.addEventListener("click", () =>
      post(
        actions,
        "/approve",
        ROOM,
        (d) => `${countLabel(d.approved, "question")} approuvée${d.approved > 1 ? "s" : ""}.`,
      ),
    );
    head.push(all);
  }
  const items = list.length
    ? h(
        "ol",
        { class: "room-question-list" },
        list.map((q) => questionItem(q, actions)),
      )
    : h("p", { class: "empty" }, "Pas encore de question de la salle.");
  box.replaceChildren(...head, items);
}

/** The room's questions on the projection: approved ones only, most voted first. */
export function projectionQuestions(summary) {
  const box = $("projection-questions");
  const shown = (summary?.room_questions || []).filter((q) => q.status === "approved" && !q.answered).slice(0, 6);
  box.hidden = !shown.length;
  box.replaceChildren(
    h("h2", {}, "Questions de la salle"),
    h(
      "ol",
      { class: "projection-question-list" },
      shown.map((q) =>
        h(
          "li",
          { "data-id": String(q.id), "data-votes": String(q.votes) },
          h("span", { class: "projection-votes" }, `▲${NBSP}${q.votes}`),
          " ",
          q.text,
        ),
      ),
    ),
  );
}
