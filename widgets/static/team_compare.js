// @ts-check
// « Votre équipe face à l'enquête PACTE »: one module for every host (Jupyter, Voilà, Binder, static book).
// The learner answers the survey's questions; each answer is placed in the survey
// distribution of their type of structure, and (live session) beside the group's answers
// once the trainer reveals that survey question to the room (followStage, live_client.js).

import { barCell, COMPARE_CSS, COMPARE_STYLE_ID } from "./compare_view.js";
import { h, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer, followStage } from "./live_client.js";
import { remember } from "./progress.js";
import { placeAnswer, questionsFor, roomFromStage, roomShares } from "./team_compare_logic.js";

function table(spec, room, question, structure, mine) {
  const s = spec.structures.find((x) => x.id === structure);
  const dist = spec.distribution[question.id][structure];
  const group = roomShares(spec, room, question.id);
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Réponse"),
    h("th", { scope: "col" }, `Enquête PACTE (${s.id}, ${s.sample_size} répondants)`),
    group
      ? h("th", { scope: "col" }, `Votre groupe (${group.respondents} répondant${group.respondents > 1 ? "s" : ""})`)
      : null,
  );
  const rows = question.answers.map((a) => {
    const isMine = mine.includes(a.id);
    return h(
      "tr",
      { class: isMine ? "pacte-compare-mine" : "", "data-answer": a.id },
      h("th", { scope: "row" }, a.label, isMine ? " (votre réponse)" : ""),
      barCell("pacte-compare-survey", dist[a.id]),
      group ? barCell("pacte-compare-room", group.percents[a.id]) : null,
    );
  });
  const note = question.multiple
    ? " Plusieurs réponses possibles\u00a0: les pourcentages ne s’additionnent pas à 100."
    : "";
  return h(
    "table",
    { class: "pacte-compare-table" },
    h(
      "caption",
      {},
      `Réponses des ${s.plural} à la question «\u00a0${question.survey_question}\u00a0», en\u00a0% des répondants.${note}`,
    ),
    h("thead", {}, head),
    h("tbody", {}, rows),
  );
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(COMPARE_STYLE_ID, COMPARE_CSS);
  const spec = model.get("spec");
  remember(model, {
    kind: "compare",
    ref: spec.id || "equipe-enquete",
    title: "Votre équipe face à l’enquête PACTE",
    shape: Object.fromEntries([
      ["structure", spec.structures.map((x) => x.id)],
      ...spec.questions.map((q) => [q.id, q.answers.map((a) => a.id)]),
    ]),
    summarize: (a) => {
      const n = Object.keys(a).filter((k) => k !== "structure").length;
      const total = a.structure ? questionsFor(spec, a.structure).length : 0;
      return { done: n, total, label: `${n} question${n > 1 ? "s" : ""} comparée${n > 1 ? "s" : ""} à l’enquête` };
    },
  });
  const uid = Math.random().toString(36).slice(2, 8);
  const root = h("section", { class: "pacte-compare", "aria-label": "Votre équipe face à l’enquête PACTE" });
  root.append(
    h("h3", {}, "Votre équipe face à l’enquête PACTE"),
    h(
      "p",
      {},
      "Répondez pour votre équipe aux questions posées aux 521 apprenants de l’enquête, puis comparez\u00a0: chaque réponse est placée parmi celles des coordinateurs du même type de structure.",
    ),
  );
  const structureSet = h("fieldset", {}, h("legend", {}, "Dans quel type de structure coordonnez-vous\u00a0?"));
  for (const s of spec.structures) {
    const id = `tc-${uid}-${s.id}`;
    structureSet.append(
      h(
        "div",
        { class: "pacte-compare-option" },
        h("input", { type: "radio", id, name: `tc-${uid}-structure`, value: s.id }),
        h("label", { for: id }, `${s.label} (${s.id})`),
      ),
    );
  }
  const questionsBox = h("div", { class: "pacte-compare-questions" });
  const status = h("p", { class: "pacte-compare-status", "aria-live": "polite" });
  root.append(structureSet, status, questionsBox, h("p", { class: "pacte-compare-source" }, spec.source));

  let answers = { ...(model.get("answers") || {}) };
  let room = {}; // the live session's answers, {question id: {respondents, counts}}
  const shown = new Map(); // question id -> redraw function

  const save = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };

  const drawQuestions = (structure) => {
    questionsBox.replaceChildren();
    shown.clear();
    root.dataset.structure = structure;
    questionsFor(spec, structure).forEach((q, i) => {
      const form = h("form", { class: "pacte-compare-question", "data-question": q.id, novalidate: "" });
      const fs = h("fieldset", {}, h("legend", {}, `${i + 1}. ${q.prompt}`));
      if (q.multiple)
        fs.append(h("p", { class: "pacte-compare-hint" }, "Plusieurs réponses possibles, comme dans l’enquête."));
      for (const a of q.answers) {
        const id = `tc-${uid}-${q.id}-${a.id}`;
        fs.append(
          h(
            "div",
            { class: "pacte-compare-option" },
            h("input", { type: q.multiple ? "checkbox" : "radio", id, name: `tc-${uid}-${q.id}`, value: a.id }),
            h("label", { for: id }, a.label),
          ),
        );
      }
      const message = h("p", { class: "pacte-compare-message", role: "alert" });
      const result = h("div", { class: "pacte-compare-result", "aria-live": "polite" });
      form.append(
        fs,
        h("button", { type: "submit", class: "pacte-compare-button" }, "Comparer à l’enquête"),
        message,
        result,
      );
      const show = (placed, mine) => {
        result.replaceChildren(
          ...placed.items.map((it) => h("p", { class: "pacte-compare-sentence" }, it.sentence)),
          table(spec, room, q, structure, mine),
        );
        form.dataset.status = "ok";
      };
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const checked = [.../** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll("input:checked"))].map(
          (x) => x.value,
        );
        const answer = q.multiple ? checked : (checked[0] ?? null);
        const placed = placeAnswer(spec, structure, q.id, answer);
        if (placed.status !== "ok") {
          message.textContent = placed.message;
          form.dataset.status = "invalid";
          return;
        }
        message.textContent = "";
        const mine = q.multiple ? answer : [answer];
        show(placed, mine);
        shown.set(q.id, () => show(placed, mine));
        answers = { ...answers, structure, [q.id]: answer };
        save();
        emitAnswer(root, "survey", q.id, structure, answer);
      });
      const previous = answers.structure === structure ? answers[q.id] : undefined;
      if (previous !== undefined && previous !== null) {
        // a stored answer: shown with its comparison
        const placed = placeAnswer(spec, structure, q.id, previous);
        if (placed.status === "ok") {
          const mine = q.multiple ? previous : [previous];
          form.querySelectorAll("input").forEach((x) => {
            x.checked = mine.includes(x.value);
          });
          show(placed, mine);
          shown.set(q.id, () => show(placed, mine));
        }
      }
      questionsBox.append(form);
    });
  };

  structureSet.addEventListener("change", (event) => {
    const structure = /** @type {HTMLInputElement} */ (event.target).value;
    answers = { structure };
    save();
    const s = spec.structures.find((x) => x.id === structure);
    status.textContent = `Questions pour les ${s.plural} : répondez puis cliquez sur «\u00a0Comparer à l’enquête\u00a0».`;
    drawQuestions(structure);
  });

  const showKernel = (kr) => {
    if (!kr.results) return;
    root.dataset.kernelResult = Object.entries(kr.results)
      .map(([qid, r]) =>
        r.status === "ok" ? `${qid}:${r.items.map((it) => `${it.answer}=${it.percent}`).join("+")}` : `${qid}:invalid`,
      )
      .join(";");
  };
  if (answers.structure && spec.structures.some((s) => s.id === answers.structure)) {
    /** @type {HTMLInputElement | null} */ (structureSet.querySelector(`input[value="${answers.structure}"]`)).checked =
      true;
    drawQuestions(answers.structure);
  }
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  const stopFollowing = followStage((stage) => {
    const next = roomFromStage(spec, room, stage);
    if (next === room) return;
    room = next;
    for (const redraw of shown.values()) redraw();
  });
  return () => {
    stopFollowing();
    stopKernel();
  };
}

export default { render };
