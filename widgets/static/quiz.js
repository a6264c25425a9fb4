// @ts-check
// Quiz front end: one module for every host (Jupyter, Voilà, Binder, static book).
// The host gives a model with get/set/on/save_changes (anywidget's contract).

import { h } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer } from "./live_client.js";
import { droppedNote, remember } from "./progress.js";
import { evaluate, INVALID, score } from "./quiz_logic.js";

const STATUS_TEXT = {
  correct: "Bonne réponse",
  incorrect: "Réponse incorrecte",
  invalid: "Réponse à corriger",
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
      h("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", class: "pacte-quiz-number" }),
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
          h("label", { for: id }, choice.text),
        ),
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
        result.feedback.map((f) => h("li", {}, f)),
      ),
    );
  }
  box.append(h("p", { class: "pacte-quiz-explanation" }, h("strong", {}, "Explication\u00a0: "), question.explanation));
  const src = question.source;
  const label = (bank.citations && bank.citations[src.ref]) || src.ref;
  box.append(h("p", { class: "pacte-quiz-source" }, "Source\u00a0: ", label, " — ", src.detail));
}

// Show a stored answer (restored from this browser) with its feedback.
function restoreQuestion(form, question, answer, bank) {
  if (answer === undefined || answer === null) return;
  if (question.type === "numeric") form.querySelector("input").value = String(answer);
  else
    form.querySelectorAll("input").forEach((i) => {
      i.checked = Array.isArray(answer) ? answer.includes(i.value) : i.value === answer;
    });
  const result = evaluate(question, answer);
  showFeedback(form.querySelector(".pacte-quiz-feedback"), question, result, bank);
  form.dataset.status = result.status;
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  const bank = model.get("bank");
  const progress = remember(model, {
    kind: "quiz",
    ref: bank.id,
    title: bank.title,
    shape: Object.fromEntries(
      bank.questions.map((q) => [q.id, q.type === "numeric" ? null : q.choices.map((c) => c.id)]),
    ),
    summarize: (a) => {
      const s = score(bank, a);
      return {
        done: s.answered,
        total: s.total,
        correct: s.correct,
        label: `${s.correct} bonne${s.correct > 1 ? "s" : ""} réponse${s.correct > 1 ? "s" : ""} sur ${s.total}`,
      };
    },
  });
  const root = h("section", { class: "pacte-quiz", "aria-label": `Quiz\u00a0: ${bank.title}` });
  root.append(h("h3", { class: "pacte-quiz-title" }, bank.title));
  if (bank.description) root.append(h("p", {}, bank.description));
  const scoreLine = h("p", { class: "pacte-quiz-score", "aria-live": "polite" });
  const answers = { ...(model.get("answers") || {}) };
  const updateScore = () => {
    const s = score(bank, answers);
    scoreLine.textContent = `Score\u00a0: ${s.correct} / ${s.total} (${s.answered} question${s.answered > 1 ? "s" : ""} traitée${s.answered > 1 ? "s" : ""})`;
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

export default { render };
