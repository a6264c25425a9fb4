// @ts-check
// Sorting-exercise front end: one module for every host (Jupyter, Voilà, Binder, static book).
// Each item is a fieldset of radio buttons (one per category) with its own
// « Valider » button: usable with the keyboard, no drag and drop.

import { announcer, frenchText, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer } from "./live_client.js";
import { remember } from "./progress.js";
import { CORRECT, evaluateItem, INCORRECT, INVALID, scoreSorting, UNANSWERED } from "./sorting_logic.js";

const SORT_STYLE_ID = "pacte-sorting-style";
const SORT_CSS = `
.pacte-sort { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-sort h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-sort-cats { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: .5rem; margin: .6rem 0 1rem; padding: 0; list-style: none; }
.pacte-sort-cats li { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .4rem .6rem; font-size: .9rem; }
.pacte-sort-item { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .8rem; margin: .6rem 0; }
.pacte-sort-item fieldset { border: none; margin: 0; padding: 0; }
.pacte-sort-item legend { font-weight: 500; font-size: 1rem; line-height: 1.45; padding: 0; margin-bottom: .35rem; float: none; width: auto; }
.pacte-sort-options { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
.pacte-sort-option { display: inline-flex; align-items: center; gap: .3rem; }
.pacte-sort-option input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-sort-feedback:empty { display: none; }
.pacte-sort-feedback { margin-top: .4rem; font-size: .92rem; padding-left: .6rem; border-left: 4px solid #7f8c99; }
.pacte-sort-feedback.pacte-correct { border-left-color: #2e7d32; }
.pacte-sort-feedback.pacte-incorrect { border-left-color: #c62828; }
.pacte-sort-feedback.pacte-invalid, .pacte-sort-feedback.pacte-unanswered { border-left-color: #b35c00; }
.pacte-sort-feedback p { margin: .2rem 0; }
.pacte-sort-status { font-weight: 600; }
.pacte-sort-source { font-size: .8rem; color: #4a5560; }
.pacte-sort-score { font-weight: 600; }
.pacte-sort-errors { color: #b23c00; }
.pacte-sort-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
.pacte-sort .pacte-button { font: inherit; padding: .3rem .85rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-sort .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-sort .pacte-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
`;

function node_(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") n.className = v;
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    n.append(typeof child === "string" ? document.createTextNode(frenchText(child)) : child);
  }
  return n;
}

const STATUS_LABEL = {
  [CORRECT]: "Bonne réponse.",
  [INCORRECT]: "Réponse incorrecte.",
  [UNANSWERED]: "Réponse manquante.",
  [INVALID]: "Réponse à corriger.",
};

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(SORT_STYLE_ID, SORT_CSS);
  const ex = model.get("exercise");
  const uid = Math.random().toString(36).slice(2, 8);
  remember(model, {
    kind: "sorting",
    ref: ex.id,
    title: ex.title,
    shape: Object.fromEntries(ex.items.map((i) => [i.id, ex.categories.map((c) => c.id)])),
    summarize: (a) => {
      const s = scoreSorting(ex, a);
      return {
        done: s.answered,
        total: ex.items.length,
        correct: s.correct,
        label: `${s.correct} bien classé${s.correct > 1 ? "s" : ""} sur ${ex.items.length}`,
      };
    },
  });
  const answers = { ...(model.get("answers") || {}) };
  const cite = (src) => `${(ex.citations && ex.citations[src.ref]) || src.ref} — ${src.detail}`;
  const items = new Map(ex.items.map((i) => [i.id, i]));

  const root = node_("section", { class: "pacte-sort", "aria-label": `Exercice\u00a0: ${ex.title}` });
  root.append(node_("h3", {}, ex.title), node_("p", {}, ex.instructions));
  root.append(
    node_(
      "ul",
      { class: "pacte-sort-cats", "aria-label": "Catégories" },
      ex.categories.map((c) =>
        node_("li", {}, node_("strong", {}, c.label), c.description ? ` : ${c.description}` : ""),
      ),
    ),
  );

  const score = node_("p", { class: "pacte-sort-score" });
  const errorsBox = node_("p", { class: "pacte-sort-errors", "aria-live": "polite" });
  // One live region: an item's feedback when it is validated alone; « Valider toutes mes réponses »
  // is summed up by the score line in one sentence (the items' feedback boxes are not live regions).
  const spoken = announcer();
  const forms = new Map();

  const updateScore = () => {
    const s = scoreSorting(ex, answers);
    score.textContent = s.message;
    root.dataset.score = String(s.correct);
    root.dataset.answered = String(s.answered);
    root.dataset.status = s.status;
    errorsBox.textContent = s.errors.length ? `Réponses enregistrées non reconnues\u00a0: ${s.errors.join(" ")}` : "";
  };

  const push = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };

  const showFeedback = (form, box, result) => {
    box.replaceChildren();
    box.className = `pacte-sort-feedback pacte-${result.status}`;
    form.dataset.status = result.status;
    box.append(node_("p", { class: "pacte-sort-status" }, `${STATUS_LABEL[result.status]} ${result.message}`));
    if (result.hint) box.append(node_("p", {}, result.hint));
    if (result.explanation) box.append(node_("p", {}, result.explanation));
    const item = items.get(result.item);
    if (item && (result.status === CORRECT || result.status === INCORRECT)) {
      box.append(node_("p", { class: "pacte-sort-source" }, "Source\u00a0: ", cite(item.source)));
    }
  };

  const validate = (item, form, box, { silentIfEmpty = false } = {}) => {
    const checked = form.querySelector("input:checked");
    const answer = checked ? checked.value : null;
    if (answer === null && silentIfEmpty) return null;
    const result = evaluateItem(ex, item.id, answer);
    showFeedback(form, box, result);
    if (!silentIfEmpty) {
      spoken.textContent = [
        `${STATUS_LABEL[result.status]} ${result.message}`,
        result.hint,
        scoreSorting(ex, answers).message,
      ]
        .filter(Boolean)
        .join(" ");
    }
    if (result.status === CORRECT || result.status === INCORRECT) answers[item.id] = answer;
    return result;
  };

  const list = node_("ol", { class: "pacte-sort-list", style: "list-style:none;padding:0;margin:0" });
  ex.items.forEach((item, index) => {
    const name = `sort-${uid}-${item.id}`;
    const form = node_("form", { class: "pacte-sort-item", "data-item": item.id, novalidate: true });
    const options = node_("div", { class: "pacte-sort-options" });
    for (const c of ex.categories) {
      const id = `${name}-${c.id}`;
      const input = node_("input", { type: "radio", id, name, value: c.id });
      if (answers[item.id] === c.id) input.checked = true;
      options.append(node_("span", { class: "pacte-sort-option" }, input, node_("label", { for: id }, c.label)));
    }
    const submit = node_("button", { type: "submit", class: "pacte-button" }, "Valider");
    options.append(submit);
    const box = node_("div", { class: "pacte-sort-feedback" });
    form.append(node_("fieldset", {}, node_("legend", {}, `${index + 1}. ${item.text}`), options), box);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const r = validate(item, form, box);
      updateScore();
      if (r.status === CORRECT || r.status === INCORRECT) {
        push();
        emitAnswer(root, "sorting", ex.id, item.id, answers[item.id]);
      }
    });
    forms.set(item.id, { form, box });
    list.append(node_("li", {}, form));
    // Answers given by the host (a saved state, or set from Python): show their feedback.
    if (Object.hasOwn(answers, item.id)) {
      const r = evaluateItem(ex, item.id, answers[item.id]);
      if (r.status !== UNANSWERED) showFeedback(form, box, r);
    }
  });
  root.append(list);

  const all = node_("button", { type: "button", class: "pacte-button" }, "Valider toutes mes réponses");
  all.addEventListener("click", () => {
    let missing = 0;
    for (const item of ex.items) {
      const { form, box } = forms.get(item.id);
      const r = validate(item, form, box, { silentIfEmpty: true });
      if (r === null) missing += 1;
    }
    updateScore();
    push();
    if (missing) score.textContent += ` Encore ${missing} élément${missing > 1 ? "s" : ""} sans réponse.`;
    const s = scoreSorting(ex, answers);
    spoken.textContent =
      `Réponses validées : ${s.correct} bien classé${s.correct > 1 ? "s" : ""} sur ${ex.items.length}` +
      (missing ? `, ${missing} sans réponse.` : ".");
  });
  const reset = node_("button", { type: "button", class: "pacte-button pacte-secondary" }, "Recommencer");
  reset.addEventListener("click", () => {
    for (const k of Object.keys(answers)) delete answers[k];
    for (const { form, box } of forms.values()) {
      form.reset();
      delete form.dataset.status;
      box.replaceChildren();
      box.className = "pacte-sort-feedback";
    }
    updateScore();
    push();
  });
  root.append(score, errorsBox, spoken, node_("div", { class: "pacte-sort-actions" }, all, reset));

  const showKernel = (kr) => {
    if (kr && typeof kr.correct === "number") {
      root.dataset.kernelCorrect = String(kr.correct);
      root.dataset.kernelAnswered = String(kr.answered);
      root.dataset.kernelStatus = String(kr.status);
    }
  };
  updateScore();
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}

export default { render };
