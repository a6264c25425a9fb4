// "Séance en direct" box added to every page of the book when it is served by
// `pacte serve` (on the page « Séance en direct », book/direct.md, the box is the
// page): join with a code (or a ?seance=CODE link), follow the activities the
// trainer pushes (live_room.js), leave. Answers given on the pages are also
// forwarded by live_client.js.
import { currentSession, joinSession, leaveSession, liveAvailable, installForwarder } from "./live_client.js";
import { h as el } from "./dom.js";
import { mountRoom } from "./live_room.js";

let room = null;
let endedMessage = "";

function stopRoom() {
  if (room) room.close();
  room = null;
}

function draw(box, message = "") {
  stopRoom();
  box.replaceChildren();
  const status = el("p", { class: "pacte-live-status", "aria-live": "polite" });
  const session = currentSession();
  if (session) {
    box.dataset.joined = "true";
    status.textContent = `Vous participez à la séance «\u00a0${session.title}\u00a0» (code\u00a0${session.code}). Vos réponses sont transmises au formateur, sans votre nom.`;
    const leave = el("button", { type: "button", class: "pacte-button pacte-secondary pacte-live-leave" }, "Quitter la séance");
    // A mis-tap would make the trainee a new participant of the room: ask first.
    const question = `Quitter la séance «\u00a0${session.title}\u00a0»\u00a0? Pour revenir, il faudra saisir de nouveau le code\u00a0; vous compterez alors comme un nouveau participant.`;
    leave.addEventListener("click", () => {
      if (!window.confirm(question)) return;
      stopRoom();
      leaveSession();
    });
    const head = el("div", { class: "pacte-live-head" }, status, leave);
    const host = el("div", { class: "pacte-live-room", "aria-live": "off" });
    box.append(head, host);
    room = mountRoom(host, session, { onEnded: (text) => { room = null; endedMessage = text; leaveSession(); } });
    return;
  }
  delete box.dataset.joined;
  const form = el("form", { class: "pacte-live-form" });
  const input = el("input", { id: "pacte-live-code", type: "text", maxlength: "12", autocomplete: "off",
    inputmode: "text", "aria-describedby": "pacte-live-help", placeholder: "ex. K7M2QX" });
  form.append(el("label", { for: "pacte-live-code" }, "Séance en direct — code\u00a0: "), input,
    el("button", { type: "submit", class: "pacte-button" }, "Rejoindre"));
  const help = el("p", { id: "pacte-live-help", class: "pacte-live-help" },
    "Le formateur affiche le code au tableau. Aucune donnée personnelle n’est demandée.");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "Connexion…";
    try {
      await joinSession(input.value);
      draw(box);
    } catch (err) {
      status.textContent = err.message;
    }
  });
  status.textContent = message;
  box.append(form, help, status);
}

// Where the box goes: the slot of the page « Séance en direct », else the top of the article.
function place(box) {
  const slot = document.querySelector(".pacte-live-slot");
  if (slot) {
    box.classList.add("pacte-live-page");
    slot.replaceChildren(box);
    return;
  }
  const article = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
  article.prepend(box);
}

export async function mountLiveBox() {
  if (!(await liveAvailable())) return;
  installForwarder();
  const params = new URLSearchParams(window.location.search);
  const code = params.get("seance");
  const box = el("aside", { class: "pacte-live", "aria-label": "Séance en direct" });
  place(box);
  const joined = currentSession();
  if (code && (!joined || joined.code.toUpperCase() !== code.trim().toUpperCase())) {
    try {
      await joinSession(code);
    } catch (err) {
      draw(box);
      box.querySelector(".pacte-live-status").textContent = err.message;
      return;
    }
  }
  draw(box);
  document.addEventListener("pacte:live-left", () => {
    draw(box, endedMessage);
    endedMessage = "";
  });
  document.addEventListener("pacte:live-error", (e) => {
    // The room shows the errors of its own form; answers given in the page's activities are reported here.
    const s = box.querySelector(".pacte-live-status");
    if (s && !(room && room.sending)) s.textContent = e.detail.message;
  });
}
