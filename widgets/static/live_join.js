// "Séance en direct" box added to every page of the book when it is served by
// `pacte serve`: join with a code (or a ?seance=CODE link), see the session,
// leave it. Answers are then forwarded by live_client.js.
import { currentSession, joinSession, leaveSession, liveAvailable, installForwarder } from "./live_client.js";
import { h as el } from "./dom.js";

function draw(box) {
  box.replaceChildren();
  const status = el("p", { class: "pacte-live-status", "aria-live": "polite" });
  const session = currentSession();
  if (session) {
    box.dataset.joined = "true";
    status.textContent = `Vous participez à la séance «\u00a0${session.title}\u00a0» (code ${session.code}). Vos réponses sont transmises au formateur, sans votre nom.`;
    const leave = el("button", { type: "button", class: "pacte-button pacte-secondary" }, "Quitter la séance");
    leave.addEventListener("click", () => { leaveSession(); draw(box); });
    box.append(status, leave);
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
  box.append(form, help, status);
}

export async function mountLiveBox() {
  if (!(await liveAvailable())) return;
  installForwarder();
  const params = new URLSearchParams(window.location.search);
  const code = params.get("seance");
  const box = el("aside", { class: "pacte-live", "aria-label": "Séance en direct" });
  const article = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
  article.prepend(box);
  if (code && !currentSession()) {
    try {
      await joinSession(code);
    } catch (err) {
      draw(box);
      box.querySelector(".pacte-live-status").textContent = err.message;
      return;
    }
  }
  draw(box);
  document.addEventListener("pacte:live-left", () => draw(box));
  document.addEventListener("pacte:live-error", (e) => {
    const s = box.querySelector(".pacte-live-status");
    if (s) s.textContent = e.detail.message;
  });
}
