// @ts-check
// « Mon profil face à l'enquête PACTE »: one module for every host (Jupyter, Voilà, Binder, static book).
// The learner gives their structure type and profile; each answer is placed among the
// survey's figures for the coordinators of the same type of structure; in a live session
// each answer is also sent to the trainer's dashboard. Sibling of team_compare.js, same
// logic module.

import { barCell, COMPARE_CSS, COMPARE_STYLE_ID } from "./compare_view.js";
import { h, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer } from "./live_client.js";
import { KINDS } from "./live_protocol.js";
import { remember } from "./progress.js";
import { placeProfile, profileLivePayload } from "./team_compare_logic.js";

function sendLive(root, spec, questionId, structure, answer) {
  const payload = profileLivePayload(spec.id, questionId, structure, answer);
  const [kind, ref] = payload.activity.split(":");
  // Sent once the live protocol knows this kind of answer (see pacte/live/protocol.py).
  if (KINDS.includes(kind)) emitAnswer(root, kind, ref, payload.question, payload.answer);
}

function factTable(spec, question, structure, placed) {
  const s = spec.structures.find((x) => x.id === structure);
  const facts = spec.facts[question.id][structure].filter((f) => f.percent !== null && f.percent !== undefined);
  if (!facts.length) return null;
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, "Indicateur de l’enquête"),
    h("th", { scope: "col" }, `Enquête PACTE (${s.id}, ${s.sample_size} répondants)`),
  );
  const rows = facts.map((f) => {
    const item = placed.items.find((it) => it.indicator === f.indicator);
    const mine = item && item.relation === "inside";
    return h(
      "tr",
      { class: mine ? "pacte-compare-mine" : "", "data-indicator": f.indicator },
      h("th", { scope: "row" }, f.label, mine ? " (vous)" : ""),
      barCell("pacte-compare-survey", f.percent),
    );
  });
  return h(
    "table",
    { class: "pacte-compare-table" },
    h("caption", {}, `Profil des ${s.plural} de l’enquête, en % des répondants.`),
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
    ref: spec.id || "profil-enquete",
    title: spec.title,
    shape: Object.fromEntries([
      ["structure", spec.structures.map((x) => x.id)],
      ...spec.questions.map((q) => [q.id, q.answers.map((a) => a.id)]),
    ]),
    summarize: (a) => {
      const n = Object.keys(a).filter((k) => k !== "structure").length;
      return {
        done: n,
        total: spec.questions.length,
        label: `${n} question${n > 1 ? "s" : ""} sur ${spec.questions.length} situées dans l’enquête`,
      };
    },
  });
  const uid = Math.random().toString(36).slice(2, 8);
  const root = h("section", { class: "pacte-compare pacte-profile", "aria-label": spec.title });
  root.append(
    h("h3", {}, spec.title),
    h(
      "p",
      {},
      "Indiquez votre type de structure, puis répondez aux questions : chaque réponse est placée parmi les chiffres de l’enquête pour les coordinateurs du même type de structure. Vos réponses restent dans votre navigateur, sauf en séance en direct, où elles rejoignent anonymement celles du groupe.",
    ),
  );
  const structureSet = h("fieldset", {}, h("legend", {}, "Dans quel type de structure coordonnez-vous ?"));
  for (const s of spec.structures) {
    const id = `pc-${uid}-${s.id}`;
    structureSet.append(
      h(
        "div",
        { class: "pacte-compare-option" },
        h("input", { type: "radio", id, name: `pc-${uid}-structure`, value: s.id }),
        h("label", { for: id }, `${s.label} (${s.id}, ${s.sample_size} répondants dans l’enquête)`),
      ),
    );
  }
  const status = h("p", { class: "pacte-compare-status", "aria-live": "polite" });
  const questionsBox = h("div", { class: "pacte-compare-questions" });
  root.append(structureSet, status, questionsBox, h("p", { class: "pacte-compare-source" }, spec.source));

  let answers = { ...(model.get("answers") || {}) };
  const save = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };

  const drawQuestions = (structure) => {
    questionsBox.replaceChildren();
    root.dataset.structure = structure;
    spec.questions.forEach((q, i) => {
      const form = h("form", { class: "pacte-compare-question", "data-question": q.id, novalidate: "" });
      const fs = h("fieldset", {}, h("legend", {}, `${i + 1}. ${q.prompt}`));
      for (const a of q.answers) {
        const id = `pc-${uid}-${q.id}-${a.id}`;
        fs.append(
          h(
            "div",
            { class: "pacte-compare-option" },
            h("input", { type: "radio", id, name: `pc-${uid}-${q.id}`, value: a.id }),
            h("label", { for: id }, a.label),
          ),
        );
      }
      const message = h("p", { class: "pacte-compare-message", role: "alert" });
      const result = h("div", { class: "pacte-compare-result", "aria-live": "polite" });
      form.append(
        fs,
        h("button", { type: "submit", class: "pacte-compare-button" }, "Me situer dans l’enquête"),
        message,
        result,
      );
      const show = (placed) => {
        result.replaceChildren(
          ...[
            ...placed.items.map((it) =>
              h("p", { class: "pacte-compare-sentence", "data-relation": it.relation }, it.sentence),
            ),
            placed.note ? h("p", { class: "pacte-compare-note" }, placed.note) : null,
            factTable(spec, q, structure, placed),
          ].filter(Boolean),
        );
        form.dataset.status = "ok";
      };
      const previous = answers.structure === structure ? answers[q.id] : undefined;
      if (typeof previous === "string") {
        const input = /** @type {HTMLInputElement | null} */ (fs.querySelector(`input[value="${previous}"]`));
        const placed = placeProfile(spec, structure, q.id, previous);
        if (input && placed.status === "ok") {
          input.checked = true;
          show(placed);
        }
      }
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const checked = /** @type {HTMLInputElement | null} */ (form.querySelector("input:checked"));
        const answer = checked ? checked.value : null;
        const placed = placeProfile(spec, structure, q.id, answer);
        if (placed.status !== "ok") {
          message.textContent = placed.message;
          form.dataset.status = "invalid";
          return;
        }
        message.textContent = "";
        show(placed);
        answers = { ...answers, structure, [q.id]: answer };
        save();
        sendLive(root, spec, q.id, structure, answer);
      });
      questionsBox.append(form);
    });
  };

  structureSet.addEventListener("change", (event) => {
    const structure = /** @type {HTMLInputElement} */ (event.target).value;
    answers = { structure };
    save();
    const s = spec.structures.find((x) => x.id === structure);
    status.textContent = `Questions pour les ${s.plural} : répondez puis cliquez sur « Me situer dans l’enquête ».`;
    drawQuestions(structure);
  });

  const showKernel = (kr) => {
    if (!kr.results) return;
    root.dataset.kernelResult = Object.entries(kr.results)
      .map(([qid, r]) =>
        r.status === "ok"
          ? `${qid}:${r.items.map((it) => `${it.indicator}=${it.relation}`).join("+")}`
          : `${qid}:invalid`,
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
  return () => {
    stopKernel();
  };
}

export default { render };
