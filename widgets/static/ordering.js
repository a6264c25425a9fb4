// @ts-check
// Ordering-exercise front end: one module for every host (Jupyter, Voilà, Binder, static book).
// Each item has « Monter » / « Descendre » buttons and a position field (type a
// number, Enter: the item swaps places with the one there; arrow keys go to the
// previous or next item's field), so the whole exercise takes a few key presses
// per item; a mouse can also drag and drop.
// « Vérifier mon ordre » scores the order (ordering_logic.js), marks each item
// and shows the expected order with what each item changed and its source; the
// order goes to a live session through emitAnswer (kind « ordering », question « order »).

import { h, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer } from "./live_client.js";
import { CORRECT, expectedOrder, scoreOrdering } from "./ordering_logic.js";
import { remember } from "./progress.js";

const STYLE_ID = "pacte-ordering-style";
const CSS = `
.pacte-order { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-order h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-order-ends { font-size: .9rem; color: #4a5560; }
.pacte-order-list { list-style: none; padding: 0; margin: .6rem 0; counter-reset: none; }
.pacte-order-item { display: grid; grid-template-columns: 2.2rem 1fr auto; gap: .3rem .6rem; align-items: center; background: #fff; border: 1px solid #dde3ea; border-left: 5px solid #dde3ea; border-radius: 6px; padding: .45rem .6rem; margin: .35rem 0; }
.pacte-order-item[draggable=true] { cursor: grab; }
.pacte-order-item.pacte-dragging { opacity: .5; }
.pacte-order-item.pacte-drop-target { outline: 2px dashed #1f5f8b; }
.pacte-order-rank { font-weight: 700; color: #1f5f8b; text-align: right; }
.pacte-order-label { line-height: 1.4; }
.pacte-order-controls { display: flex; gap: .3rem; align-items: center; flex-wrap: wrap; justify-content: flex-end; }
.pacte-order-controls input { font: inherit; font-size: .9rem; padding: .1rem .2rem; width: 2.8em; text-align: center; }
.pacte-order-help { font-size: .9rem; color: #4a5560; }
.pacte-order .pacte-button { font: inherit; padding: .3rem .85rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-order .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-order .pacte-move { font: inherit; font-size: .85rem; padding: .15rem .45rem; border-radius: 5px; border: 1px solid #687887; background: #fff; color: #1b2631; cursor: pointer; }
.pacte-order .pacte-move:disabled { opacity: .35; cursor: default; }
.pacte-order button:focus-visible, .pacte-order input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-order-mark { grid-column: 2 / 4; font-size: .88rem; }
.pacte-order-mark:empty { display: none; }
.pacte-order-item.pacte-correct { border-left-color: #2e7d32; }
.pacte-order-item.pacte-incorrect { border-left-color: #c62828; }
.pacte-order-item.pacte-correct .pacte-order-mark { color: #1b5e20; }
.pacte-order-item.pacte-incorrect .pacte-order-mark { color: #b71c1c; }
.pacte-order-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
.pacte-order-status { font-weight: 600; }
.pacte-order-solution h4 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
.pacte-order-solution ol { padding-left: 1.4rem; }
.pacte-order-solution li { margin: .5rem 0; }
.pacte-order-solution .pacte-order-marker { font-weight: 700; }
.pacte-order-solution p { margin: .15rem 0; }
.pacte-order-note { border-left: 3px solid #b35c00; padding-left: .5rem; }
.pacte-order-source { font-size: .8rem; color: #4a5560; }
@media (max-width: 520px) {
  .pacte-order-item { grid-template-columns: 1.8rem 1fr; }
  .pacte-order-controls { grid-column: 1 / 3; justify-content: flex-start; }
  .pacte-order-mark { grid-column: 1 / 3; }
}
`;

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const ex = model.get("exercise");
  remember(model, {
    kind: "ordering",
    ref: ex.id,
    title: ex.title,
    definition: ex.items.map((i) => [i.id, i.position]),
    summarize: (a) => {
      const r = scoreOrdering(ex, a);
      return {
        complete: r.status === "complete",
        done: r.correct,
        total: r.total,
        label: r.status === "complete" ? `${r.correct} à la bonne place sur ${r.total}` : "ordre à revoir",
      };
    },
  });
  const byId = new Map(ex.items.map((i) => [i.id, i]));
  const fileOrder = ex.items.map((i) => i.id);
  const saved = scoreOrdering(ex, model.get("answers"));
  let order = saved.status === "complete" ? [...saved.order] : [...fileOrder];
  let checked = saved.status === "complete";
  const cite = (src) => `${(ex.citations && ex.citations[src.ref]) || src.ref} — ${src.detail}`;
  const n = order.length;

  const root = h("section", { class: "pacte-order", "aria-label": `Exercice : ${ex.title}`, "data-exercise": ex.id });
  root.append(h("h3", {}, ex.title), h("p", {}, ex.instructions));
  if (ex.first_label || ex.last_label) {
    root.append(
      h(
        "p",
        { class: "pacte-order-ends" },
        `En haut de la liste : ${ex.first_label || "le premier"} ; en bas : ${ex.last_label || "le dernier"}.`,
      ),
    );
  }
  const announce = h("p", {
    class: "pacte-visually-hidden",
    role: "status",
    "aria-live": "polite",
    style: "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap",
  });
  const helpId = `pacte-order-help-${ex.id}`;
  root.append(
    h(
      "p",
      { class: "pacte-order-help", id: helpId },
      "Au clavier\u00a0: dans la case de position d’un élément, " +
        "tapez le numéro de sa place puis Entrée (il échange sa place avec l’élément qui s’y trouvait)\u00a0; " +
        "flèches haut et bas\u00a0: élément précédent ou suivant.",
    ),
  );
  const list = h("ol", { class: "pacte-order-list", "aria-label": "Éléments à ordonner" });
  const status = h("p", { class: "pacte-order-status", "aria-live": "polite" });
  const solution = h("div", { class: "pacte-order-solution" });
  const rows = new Map();

  const move = (id, to, focus) => {
    const from = order.indexOf(id);
    if (from < 0 || to < 0 || to >= n || to === from) return;
    order.splice(from, 1);
    order.splice(to, 0, id);
    checked = false;
    draw();
    announce.textContent = `« ${byId.get(id).label} » est maintenant en position ${to + 1} sur ${n}.`;
    if (focus) {
      const row = rows.get(id);
      const target = row && row.querySelector(`[data-action=${focus}]`);
      if (target && !target.disabled) target.focus();
      else if (row) positionField(row).focus();
    }
  };

  // The position field: the item swaps places with the one at the typed position. After Enter the
  // focus stays on the same row (now the other item's field), so a list is put in order by typing,
  // row after row, where each item goes.
  const positionField = (row) => row.querySelector("input[data-action=position]");
  const focusRow = (index) => {
    const row = rows.get(order[Math.max(0, Math.min(n - 1, index))]);
    const field = row && positionField(row);
    if (field) {
      field.focus();
      field.select();
    }
  };
  const place = (id, field, keepRow) => {
    const from = order.indexOf(id);
    const typed = field.value.trim();
    const to = Number(typed) - 1;
    if (!/^\d+$/.test(typed) || to < 0 || to >= n) {
      field.value = String(from + 1);
      announce.textContent = `Tapez un numéro de position entre 1 et ${n}.`;
      return;
    }
    if (to !== from) {
      const other = order[to];
      order[from] = other;
      order[to] = id;
      checked = false;
      draw();
      announce.textContent =
        `«\u00a0${byId.get(id).label}\u00a0» est maintenant en position ${to + 1} sur ${n}\u00a0; ` +
        `«\u00a0${byId.get(other).label}\u00a0» passe en position ${from + 1}.`;
    }
    if (keepRow) focusRow(from);
  };

  let dragged = null;
  for (const id of order) {
    const item = byId.get(id);
    const field = h("input", {
      type: "text",
      inputmode: "numeric",
      autocomplete: "off",
      size: "2",
      maxlength: "3",
      "aria-label": `Position de «\u00a0${item.label}\u00a0»`,
      "aria-describedby": helpId,
      "data-action": "position",
    });
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        place(id, field, true);
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        field.value = String(order.indexOf(id) + 1);
        focusRow(order.indexOf(id) + (event.key === "ArrowDown" ? 1 : -1));
      }
    });
    field.addEventListener("change", () => place(id, field, false));
    field.addEventListener("focus", () => field.select());
    const up = h(
      "button",
      {
        type: "button",
        class: "pacte-move",
        "data-action": "up",
        "aria-label": `Monter « ${item.label} »`,
        title: "Monter",
      },
      "▲",
    );
    up.addEventListener("click", () => move(id, order.indexOf(id) - 1, "up"));
    const down = h(
      "button",
      {
        type: "button",
        class: "pacte-move",
        "data-action": "down",
        "aria-label": `Descendre « ${item.label} »`,
        title: "Descendre",
      },
      "▼",
    );
    down.addEventListener("click", () => move(id, order.indexOf(id) + 1, "down"));
    const row = h(
      "li",
      { class: "pacte-order-item", "data-item": id, draggable: "true" },
      h("span", { class: "pacte-order-rank", "aria-hidden": "true" }),
      h("span", { class: "pacte-order-label" }, item.label),
      h("span", { class: "pacte-order-controls" }, field, up, down),
      h("span", { class: "pacte-order-mark" }),
    );
    row.addEventListener("dragstart", (event) => {
      dragged = id;
      row.classList.add("pacte-dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", id);
    });
    row.addEventListener("dragend", () => {
      dragged = null;
      row.classList.remove("pacte-dragging");
    });
    row.addEventListener("dragover", (event) => {
      if (dragged && dragged !== id) {
        event.preventDefault();
        row.classList.add("pacte-drop-target");
      }
    });
    row.addEventListener("dragleave", () => row.classList.remove("pacte-drop-target"));
    row.addEventListener("drop", (event) => {
      event.preventDefault();
      row.classList.remove("pacte-drop-target");
      if (dragged && dragged !== id) move(dragged, order.indexOf(id), null);
    });
    rows.set(id, row);
  }

  const showSolution = (result) => {
    solution.replaceChildren();
    if (!checked || result.status !== "complete") return;
    const ol = h("ol", {});
    for (const id of expectedOrder(ex)) {
      const item = byId.get(id);
      const r = result.results[id];
      ol.append(
        h(
          "li",
          { "data-solution-item": id },
          h(
            "p",
            {},
            item.marker ? h("span", { class: "pacte-order-marker" }, `${item.marker} — `) : null,
            item.label,
            r.status === CORRECT ? " (bien placé)" : ` (vous l’aviez mis en position ${r.rank})`,
          ),
          h("p", {}, item.explanation),
          item.note ? h("p", { class: "pacte-order-note" }, item.note) : null,
          h("p", { class: "pacte-order-source" }, "Source : ", cite(item.source)),
        ),
      );
    }
    solution.append(h("h4", {}, "L’ordre attendu"), ol);
    if (ex.conclusion) solution.append(h("p", {}, ex.conclusion));
  };

  function draw() {
    const result = scoreOrdering(ex, { order });
    list.replaceChildren();
    order.forEach((id, index) => {
      const row = rows.get(id);
      row.querySelector(".pacte-order-rank").textContent = `${index + 1}.`;
      positionField(row).value = String(index + 1);
      row.querySelector("[data-action=up]").disabled = index === 0;
      row.querySelector("[data-action=down]").disabled = index === n - 1;
      const mark = row.querySelector(".pacte-order-mark");
      row.classList.remove("pacte-correct", "pacte-incorrect");
      delete row.dataset.status;
      mark.textContent = "";
      if (checked && result.status === "complete") {
        const r = result.results[id];
        const item = byId.get(id);
        const when = item.marker ? ` (${item.marker})` : "";
        row.classList.add(r.status === CORRECT ? "pacte-correct" : "pacte-incorrect");
        row.dataset.status = r.status;
        const [lo, hi] = r.expected;
        const where = lo === hi ? `en position ${lo}` : `entre les positions ${lo} et ${hi}`;
        mark.textContent = r.status === CORRECT ? `✓ Bien placé${when}.` : `✗ Attendu ${where}${when}.`;
      }
      list.append(row);
    });
    root.dataset.status = checked ? result.status : "unchecked";
    root.dataset.order = order.join(",");
    if (checked) {
      root.dataset.correct = String(result.correct);
      root.dataset.pairs = String(result.pairs);
      status.textContent = (result.perfect ? "Bravo, tout est à sa place. " : "") + result.message;
    } else {
      delete root.dataset.correct;
      delete root.dataset.pairs;
      status.textContent = "";
    }
    showSolution(result);
  }

  const check = h("button", { type: "button", class: "pacte-button", "data-action": "check" }, "Vérifier mon ordre");
  check.addEventListener("click", () => {
    checked = true;
    draw();
    model.set("answers", { order: [...order] });
    model.save_changes();
    emitAnswer(root, "ordering", ex.id, "order", [...order]);
  });
  const reset = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-action": "reset" },
    "Recommencer",
  );
  reset.addEventListener("click", () => {
    order = [...fileOrder];
    checked = false;
    draw();
    model.set("answers", {});
    model.save_changes();
    announce.textContent = "Ordre de départ rétabli.";
  });

  root.append(list, h("div", { class: "pacte-order-actions" }, check, reset), status, announce, solution);

  const showKernel = (kr) => {
    if (kr && typeof kr.correct === "number") {
      root.dataset.kernelCorrect = String(kr.correct);
      root.dataset.kernelPairs = String(kr.pairs);
      root.dataset.kernelStatus = String(kr.status);
    }
  };
  draw();
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}

export default { render };
