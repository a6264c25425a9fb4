// @ts-check
// Open prompt: a short text answer, forwarded to the live session if joined.
import { currentSession, emitAnswer } from "./live_client.js";

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
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
    status.textContent = currentSession()
      ? "Réponse envoyée à la séance, sans votre nom."
      : "Réponse enregistrée dans cette page (aucune séance en direct rejointe).";
  });
  el.replaceChildren(form);
}

export default { render };
