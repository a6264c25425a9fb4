// @ts-check
// "Séance en direct" box added to every page of the book when it is served by
// `pacte serve` (on the page « Séance en direct », book/direct.md, the box is the
// page): join with a code (or a ?seance=CODE link), follow the activities the
// trainer pushes (live_room.js), leave. Answers given on the pages are also
// forwarded by live_client.js.
//
// On the other pages the box takes no room until it is needed, so that the page
// does not jump as it loads: a small « Séance en direct » button in the article's
// header opens the join form; once joined, a compact bar fixed at the bottom of
// the window says so and offers to leave; the room itself takes room at the top
// of the article only when the trainer has pushed an activity.

import { h as el, errorText } from "./dom.js";
import { currentSession, installForwarder, joinSession, leaveSession, liveAvailable } from "./live_client.js";
import { mountRoom } from "./live_room.js";

let room = null;
let endedMessage = "";
let toggle = null;
let open = false;

function stopRoom() {
  if (room) room.close();
  room = null;
}

function draw(box, message = "") {
  stopRoom();
  box.replaceChildren();
  const status = el("p", { class: "pacte-live-status", "aria-live": "polite" });
  const session = currentSession();
  document.documentElement.classList.toggle("pacte-live-joined", Boolean(session));
  if (session) {
    box.dataset.joined = "true";
    status.append(
      `Vous participez à la séance «\u00a0${session.title}\u00a0» (code\u00a0${session.code}). `,
      el("span", { class: "pacte-live-more" }, "Vos réponses sont transmises au formateur, sans votre nom."),
    );
    const leave = el(
      "button",
      { type: "button", class: "pacte-button pacte-secondary pacte-live-leave" },
      "Quitter la séance",
    );
    // A mis-tap would make the trainee a new participant of the room: ask first.
    const question = `Quitter la séance «\u00a0${session.title}\u00a0»\u00a0? Pour revenir, il faudra saisir de nouveau le code\u00a0; vous compterez alors comme un nouveau participant.`;
    leave.addEventListener("click", () => {
      if (!window.confirm(question)) return;
      open = true;
      stopRoom();
      leaveSession();
    });
    const head = el("div", { class: "pacte-live-head" }, status, leave);
    const host = el("div", { class: "pacte-live-room", "aria-live": "off" });
    box.append(head, host);
    showToggle(false);
    room = mountRoom(host, session, {
      onEnded: (text) => {
        room = null;
        endedMessage = text;
        leaveSession();
      },
    });
    return;
  }
  delete box.dataset.joined;
  if (message) open = true;
  const form = el("form", { class: "pacte-live-form" });
  const input = el("input", {
    id: "pacte-live-code",
    type: "text",
    maxlength: "12",
    autocomplete: "off",
    inputmode: "text",
    "aria-describedby": "pacte-live-help",
    placeholder: "ex. K7M2QXBD",
  });
  form.append(
    el("label", { for: "pacte-live-code" }, "Séance en direct — code\u00a0: "),
    input,
    el("button", { type: "submit", class: "pacte-button" }, "Rejoindre"),
  );
  const help = el(
    "p",
    { id: "pacte-live-help", class: "pacte-live-help" },
    "Le formateur affiche le code au tableau. Aucune donnée personnelle n’est demandée.",
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "Connexion…";
    try {
      await joinSession(input.value);
      open = false;
      draw(box);
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  status.textContent = message;
  const panel = el("div", { id: "pacte-live-panel", class: "pacte-live-panel" }, form, help, status);
  box.append(panel);
  showToggle(true);
  setOpen(box, open || box.classList.contains("pacte-live-page"));
}

// The header button that opens (and closes) the join form of a module page.
function setOpen(box, value) {
  open = value;
  const panel = box.querySelector(".pacte-live-panel");
  if (panel) panel.hidden = !value;
  box.dataset.open = String(value);
  if (toggle) toggle.setAttribute("aria-expanded", String(value));
}

function showToggle(visible) {
  if (toggle) toggle.hidden = !visible;
}

function makeToggle(box) {
  const button = el(
    "button",
    {
      type: "button",
      class: "btn btn-sm pacte-live-toggle",
      "aria-expanded": "false",
      "aria-controls": "pacte-live-panel",
    },
    el("span", { class: "pacte-live-dot", "aria-hidden": "true" }),
    el("span", {}, el("span", { class: "pacte-live-toggle-more" }, "Séance "), "en direct"),
  );
  button.addEventListener("click", () => {
    setOpen(box, !open);
    if (open) {
      box.scrollIntoView({ block: "nearest" });
      const input = box.querySelector("#pacte-live-code");
      if (input) input.focus();
    }
  });
  const header = document.querySelector(".article-header-buttons");
  if (header) header.prepend(button);
  else {
    button.classList.add("pacte-live-toggle-floating");
    document.body.append(button);
  }
  return button;
}

// Where the box goes: the slot of the page « Séance en direct », else the top of the article
// (after the article's header, never above the page's header).
function place(box) {
  const slot = document.querySelector(".pacte-live-slot");
  if (slot) {
    box.classList.add("pacte-live-page");
    slot.replaceChildren(box);
    return;
  }
  box.classList.add("pacte-live-compact");
  const article = document.querySelector("article.bd-article");
  const header = document.querySelector(".bd-header-article");
  if (article) article.prepend(box);
  else if (header)
    header.after(box); // the search page: under the article's header, not above it
  else (document.querySelector("main") || document.body).prepend(box);
  toggle = makeToggle(box);
}

export async function mountLiveBox() {
  if (!(await liveAvailable())) return;
  installForwarder();
  const params = new URLSearchParams(window.location.search);
  const code = params.get("seance");
  const box = el("aside", { class: "pacte-live", "aria-label": "Séance en direct" });
  place(box);
  const joined = currentSession();
  let message = "";
  if (code && (!joined || joined.code.toUpperCase() !== code.trim().toUpperCase())) {
    try {
      await joinSession(code);
    } catch (err) {
      message = errorText(err);
    }
  }
  draw(box, message);
  document.addEventListener("pacte:live-left", () => {
    draw(box, endedMessage);
    endedMessage = "";
  });
  document.addEventListener("pacte:live-error", (e) => {
    // The room shows the errors of its own form; answers given in the page's activities are reported here.
    const s = box.querySelector(".pacte-live-status");
    if (s && !(room && room.sending)) s.textContent = /** @type {CustomEvent} */ (e).detail.message;
  });
}
