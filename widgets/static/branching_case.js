// @ts-check
// Branching case front end: one module for every host (Jupyter, Voilà, Binder, static book).
// The learner reads a situation, picks an option, sees its consequence, and ends on a debrief.
import { nodeIndex, OUTCOME_LABELS, walk } from "./branching_case_logic.js";
import { h, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer } from "./live_client.js";
import { remember } from "./progress.js";

const STYLE_ID = "pacte-branching-case-style";
const CSS = `
.pacte-case { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #fbfaf7; color: #1b2631; }
.pacte-case h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-case h4 { font-size: 1.05rem; margin: .8rem 0 .3rem 0; }
.pacte-case h4:focus { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-case-basis { font-size: .85rem; color: #4a5560; }
.pacte-case fieldset { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0; }
.pacte-case legend { font-weight: 600; font-size: 1rem; line-height: 1.4; padding: 0 .3rem; }
.pacte-case-choice { display: flex; gap: .5rem; align-items: baseline; margin: .35rem 0; }
.pacte-case-choice input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-case-history { border-left: 3px solid #c9d3dd; padding-left: 1.4rem; margin: .5rem 0; }
.pacte-case-history li { margin: .4rem 0; }
.pacte-case-step-choice { font-weight: 600; }
.pacte-case-consequence { font-style: italic; margin: .2rem 0 0 0; }
.pacte-case-message { color: #b34700; font-weight: 600; min-height: 1em; }
.pacte-case-outcome { display: inline-block; font-weight: 700; padding: .15rem .6rem; border-radius: 999px; margin: .2rem 0 .4rem 0; }
.pacte-case-outcome-favorable { background: #e3f2e8; color: #1d5e35; }
.pacte-case-outcome-mitige { background: #fdf0dc; color: #7a4a00; }
.pacte-case-outcome-defavorable { background: #fbe3e3; color: #8a1c1c; }
.pacte-case-sources { font-size: .85rem; color: #4a5560; }
.pacte-case .pacte-case-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; margin-right: .5rem; }
.pacte-case .pacte-case-button.pacte-case-secondary { background: #fff; color: #1f5f8b; }
.pacte-case .pacte-case-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
`;

function sourceLine(sources, citations, prefix) {
  const parts = sources.map((s) => `${(citations && citations[s.ref]) || s.ref}, ${s.detail}`);
  return `${prefix}${parts.join(" ; ")}.`;
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const caseGraph = model.get("case");
  const nodes = nodeIndex(caseGraph);
  remember(model, {
    kind: "case",
    ref: caseGraph.id,
    title: caseGraph.title,
    definition: caseGraph.nodes.map((n) => [n.id, (n.choices || []).map((c) => [c.id, c.next])]),
    migrate: (a) => {
      const path = Array.isArray(a.path) ? a.path : [];
      const w = walk(caseGraph, path);
      const keep = w.ok ? path : path.slice(0, w.index || 0);
      return { answers: keep.length ? { path: keep } : {}, dropped: path.length - keep.length };
    },
    summarize: (a) => {
      const w = walk(caseGraph, a.path || []);
      return {
        complete: !!(w.ok && w.finished),
        done: w.ok ? w.steps : 0,
        label:
          w.ok && w.finished
            ? `cas terminé : ${(OUTCOME_LABELS[w.outcome] || w.outcome).toLowerCase()}`
            : `${w.ok ? w.steps : 0} choix fait${w.ok && w.steps > 1 ? "s" : ""}, cas en cours`,
      };
    },
  });
  const uid = `${caseGraph.id}-${Math.random().toString(36).slice(2, 8)}`;
  const root = h("section", { class: "pacte-case", "aria-label": `Cas à embranchements\u00a0: ${caseGraph.title}` });
  root.dataset.caseId = caseGraph.id;
  const history = h("ol", { class: "pacte-case-history", "aria-label": "Votre parcours dans le cas" });
  const current = h("div", { class: "pacte-case-current" });
  const live = h("p", { class: "pacte-case-live", "aria-live": "polite" });
  root.append(
    h("h3", {}, caseGraph.title),
    h(
      "p",
      {},
      caseGraph.structure === "CPTS"
        ? "En CPTS. "
        : caseGraph.structure === "CDS"
          ? "En centre de santé. "
          : "En MSP. ",
      caseGraph.context,
    ),
  );
  if (caseGraph.based_on && caseGraph.based_on.length) {
    root.append(
      h(
        "p",
        { class: "pacte-case-basis" },
        sourceLine(caseGraph.based_on, caseGraph.citations, "Situation construite d’après\u00a0: "),
      ),
    );
  }
  root.append(history, current, live);

  let choices = [];

  const commit = () => {
    model.set("answers", { path: [...choices] });
    model.save_changes();
  };

  const drawHistory = () => {
    history.replaceChildren();
    let node = nodes.get(caseGraph.start);
    for (const cid of choices) {
      const choice = node.choices.find((c) => c.id === cid);
      history.append(
        h(
          "li",
          {},
          h("span", {}, node.title, " — "),
          h("span", { class: "pacte-case-step-choice" }, `votre choix\u00a0: «\u00a0${choice.text}\u00a0»`),
          choice.consequence ? h("p", { class: "pacte-case-consequence" }, choice.consequence) : null,
        ),
      );
      node = nodes.get(choice.next);
    }
    history.hidden = choices.length === 0;
  };

  const draw = (focus) => {
    const result = walk(caseGraph, choices);
    if (!result.ok) {
      // A stored path that no longer fits the case: start again.
      choices = [];
      return draw(focus);
    }
    drawHistory();
    const node = nodes.get(result.node);
    root.dataset.node = node.id;
    root.dataset.finished = String(result.finished);
    root.dataset.steps = String(result.steps);
    const heading = h("h4", { tabindex: "-1" }, node.title);
    current.replaceChildren(heading, h("p", {}, node.text));
    if (node.kind === "situation") {
      const form = h("form", { class: "pacte-case-form", novalidate: "" });
      const fieldset = h("fieldset", {}, h("legend", {}, "Que faites-vous\u00a0?"));
      for (const choice of node.choices) {
        const id = `${uid}-${node.id}-${choice.id}`;
        fieldset.append(
          h(
            "div",
            { class: "pacte-case-choice" },
            h("input", { type: "radio", id, name: `${uid}-${node.id}`, value: choice.id }),
            h("label", { for: id }, choice.text),
          ),
        );
      }
      const message = h("p", { class: "pacte-case-message", role: "alert" });
      form.append(fieldset, h("button", { type: "submit", class: "pacte-case-button" }, "Valider ce choix"), message);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const picked = /** @type {HTMLInputElement | null} */ (form.querySelector("input:checked"));
        const next = walk(caseGraph, [...choices, picked ? picked.value : null]);
        if (!picked || !next.ok) {
          message.textContent = picked ? next.message : "Choisissez une option avant de valider.";
          return;
        }
        choices.push(picked.value);
        const choice = node.choices.find((c) => c.id === picked.value);
        live.textContent = `Vous avez choisi\u00a0: «\u00a0${choice.text}\u00a0» ${choice.consequence || ""}`.trim();
        commit();
        emitAnswer(root, "case", caseGraph.id, node.id, picked.value);
        draw(true);
      });
      current.append(form);
    } else {
      const outcome = node.outcome;
      current.append(
        h("p", { class: `pacte-case-outcome pacte-case-outcome-${outcome}` }, OUTCOME_LABELS[outcome] || outcome),
        h("p", { class: "pacte-case-takeaways-title" }, h("strong", {}, "À retenir pour le débriefing\u00a0:")),
        h(
          "ul",
          { class: "pacte-case-takeaways" },
          node.takeaways.map((t) => h("li", {}, t)),
        ),
        h("p", { class: "pacte-case-sources" }, sourceLine(node.sources, caseGraph.citations, "Sources\u00a0: ")),
      );
      const back = h(
        "button",
        { type: "button", class: "pacte-case-button pacte-case-secondary" },
        "Revenir au choix précédent",
      );
      back.addEventListener("click", () => {
        choices.pop();
        live.textContent = "Retour au choix précédent.";
        commit();
        draw(true);
      });
      const again = h("button", { type: "button", class: "pacte-case-button" }, "Rejouer le cas");
      again.addEventListener("click", () => {
        choices = [];
        live.textContent = "Le cas recommence.";
        commit();
        draw(true);
      });
      current.append(h("p", {}, back, again));
    }
    if (focus) heading.focus();
    return result;
  };

  const showKernel = (kr) => {
    if (kr.error) root.dataset.kernelError = kr.error;
    else if (kr.node) {
      delete root.dataset.kernelError;
      root.dataset.kernelNode = kr.node;
      root.dataset.kernelFinished = String(kr.finished);
    }
  };
  const stored = (model.get("answers") || {}).path;
  choices = Array.isArray(stored) ? [...stored] : [];
  draw(false);
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}

export default { render };
