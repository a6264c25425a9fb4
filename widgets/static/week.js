// @ts-check
// « Ma semaine de coordination »: one module for every host (Jupyter, Voilà, Binder, static book).
// The learner spreads a week's hours over the activities the sources list; the
// module sums them by block (week_logic.js), shows the shares beside what the
// sources report, and offers CSV and PNG downloads made in the browser. The week
// is personal (a portfolio piece): nothing is sent to a live session.

import { h, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { remember } from "./progress.js";
import { frenchNumber, summarizeWeek, weekCsv } from "./week_logic.js";

const STYLE_ID = "pacte-week-style";
const CSS = `
.pacte-week { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-week h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-week fieldset { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .8rem; margin: .6rem 0; }
.pacte-week legend { font-weight: 600; font-size: 1rem; padding: 0 .3rem; }
.pacte-week-row { display: flex; align-items: center; justify-content: space-between; gap: .6rem; margin: .3rem 0; }
.pacte-week-row label { flex: 1 1 auto; }
.pacte-week-row input { width: 5.5rem; font: inherit; padding: .15rem .3rem; }
.pacte-week-structure { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
.pacte-week input:focus-visible, .pacte-week button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-week .pacte-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-week .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-week-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .8rem; }
.pacte-week-message { color: #b34700; font-weight: 600; }
.pacte-week-sentence { font-weight: 600; margin: .4rem 0; }
.pacte-week-table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
.pacte-week-table caption { text-align: left; font-size: .9rem; color: #4a5560; padding-bottom: .2rem; }
.pacte-week-table th, .pacte-week-table td { text-align: left; padding: .3rem .4rem; vertical-align: top; border-bottom: 1px solid #e6ebf0; }
.pacte-week-cell { display: flex; align-items: center; gap: .4rem; }
.pacte-week-bar { height: .9rem; border-radius: 3px; background: #1f5f8b; min-width: 1px; }
.pacte-week-value { white-space: nowrap; font-variant-numeric: tabular-nums; }
.pacte-week-reported { font-size: .88rem; color: #33404d; }
.pacte-week-source, .pacte-week-note { font-size: .85rem; color: #4a5560; }
@media (max-width: 560px) { .pacte-week-table thead { display: none; } .pacte-week-table tr { display: block; border-bottom: 1px solid #dde3ea; } .pacte-week-table th, .pacte-week-table td { display: block; border: 0; } }
`;

const FILE = "ma-semaine-de-coordination";

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4000);
}

function parseHours(text) {
  const t = String(text ?? "")
    .trim()
    .replace(/\s/g, "")
    .replace(",", ".");
  if (t === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

// The downloadable picture: one bar per block, drawn on a canvas.
function drawWeek(spec, result, scale = 2) {
  const width = 760,
    rowH = 34,
    top = 70,
    left = 300;
  const height = top + rowH * result.blocks.length + 70;
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext("2d");
  ctx.scale(scale, scale);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1b2631";
  ctx.font = "bold 18px sans-serif";
  ctx.fillText(spec.title, 16, 30);
  ctx.font = "13px sans-serif";
  ctx.fillText(
    `${frenchNumber(result.total)} heure${result.total >= 2 ? "s" : ""} par semaine, réparties par bloc d’activités`,
    16,
    52,
  );
  const max = Math.max(...result.blocks.map((b) => b.share), 1);
  result.blocks.forEach((b, i) => {
    const y = top + i * rowH;
    ctx.fillStyle = "#1b2631";
    ctx.font = "13px sans-serif";
    ctx.fillText(b.label, 16, y + 18, left - 24);
    const w = ((width - left - 120) * b.share) / max;
    ctx.fillStyle = "#1f5f8b";
    ctx.fillRect(left, y + 6, Math.max(w, 1), 18);
    ctx.fillStyle = "#1b2631";
    ctx.fillText(
      `${frenchNumber(b.hours)}\u00a0h (${frenchNumber(b.share)}\u00a0%)`,
      left + Math.max(w, 1) + 8,
      y + 19,
    );
  });
  ctx.fillStyle = "#4a5560";
  ctx.font = "11px sans-serif";
  ctx.fillText("Blocs d’activités : Schweyer, 2025 ; Fournier, 2021. Cours PACTE soins primaires.", 16, height - 20);
  return canvas;
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const spec = model.get("spec");
  remember(model, {
    kind: "week",
    ref: spec.id || "semaine",
    title: spec.title,
    definition: [spec.structures.map((x) => x.id), spec.activities.map((a) => a.id)],
    migrate: (a) => {
      // hours of activities no longer listed, or a structure no longer offered, are dropped
      const hours = Object.fromEntries(
        Object.entries(a.hours || {}).filter(([k]) => spec.activities.some((x) => x.id === k)),
      );
      const structure = spec.structures.some((x) => x.id === a.structure) ? a.structure : null;
      return {
        answers: { ...a, structure, hours },
        dropped: Object.keys(a.hours || {}).length - Object.keys(hours).length + (a.structure && !structure ? 1 : 0),
      };
    },
    summarize: (a) => {
      const r = summarizeWeek(spec, a);
      return {
        complete: r.status === "ok",
        label: r.status === "ok" ? `${frenchNumber(r.total)} h réparties` : "semaine à compléter",
      };
    },
  });
  const uid = Math.random().toString(36).slice(2, 8);
  let answers = { structure: null, hours: {}, ...(model.get("answers") || {}) };
  let current = null;
  const root = h("section", { class: "pacte-week", "aria-label": spec.title });
  root.append(h("h3", {}, spec.title), h("p", {}, spec.instructions));

  const form = h("form", { class: "pacte-week-form", novalidate: "" });
  const structureSet = h(
    "fieldset",
    {},
    h("legend", {}, "Votre type de structure (facultatif, pour comparer avec l’enquête)"),
  );
  const structureBox = h("div", { class: "pacte-week-structure" });
  for (const s of spec.structures) {
    const id = `wk-${uid}-${s.id}`;
    structureBox.append(
      h(
        "span",
        {},
        h("input", { type: "radio", id, name: `wk-${uid}-structure`, value: s.id }),
        " ",
        h("label", { for: id }, s.label),
      ),
    );
  }
  structureSet.append(structureBox);
  form.append(structureSet);
  const inputs = new Map();
  for (const b of spec.blocks) {
    const fs = h("fieldset", { "data-block": b.id }, h("legend", {}, b.label));
    for (const a of spec.activities.filter((x) => x.block === b.id)) {
      const id = `wk-${uid}-${a.id}`;
      const input = h("input", {
        type: "text",
        inputmode: "decimal",
        id,
        name: a.id,
        "data-activity": a.id,
        autocomplete: "off",
        placeholder: "0",
      });
      const value = (answers.hours || {})[a.id];
      if (typeof value === "number") input.value = frenchNumber(value);
      inputs.set(a.id, input);
      fs.append(
        h("div", { class: "pacte-week-row" }, h("label", { for: id }, a.label), h("span", {}, input, "\u00a0h")),
      );
    }
    form.append(fs);
  }
  const message = h("p", { class: "pacte-week-message", role: "alert" });
  const submit = h("button", { type: "submit", class: "pacte-button" }, "Voir ma semaine");
  form.append(submit, message);
  const result = h("div", { class: "pacte-week-result", "aria-live": "polite" });
  const csvButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "csv", disabled: true },
    "Télécharger ma semaine (CSV)",
  );
  const pngButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "png", disabled: true },
    "Télécharger l’image (PNG)",
  );
  const actions = h("div", { class: "pacte-week-actions" }, csvButton, pngButton);
  const cites = Object.values(spec.citations || {}).join(" ; ");
  root.append(form, result, actions, h("p", { class: "pacte-week-source" }, `Sources\u00a0: ${cites}.`));

  const readForm = () => {
    const hours = {};
    for (const [id, input] of inputs) {
      const v = parseHours(input.value);
      if (v !== null) hours[id] = Number.isNaN(v) ? input.value : v;
    }
    const picked = /** @type {HTMLInputElement | null} */ (structureSet.querySelector("input:checked"));
    return { structure: picked ? picked.value : null, hours };
  };

  const show = (r) => {
    current = r;
    result.replaceChildren();
    root.dataset.status = r.status;
    csvButton.disabled = pngButton.disabled = r.status !== "ok";
    for (const input of inputs.values()) input.removeAttribute("aria-invalid");
    if (r.status !== "ok") {
      message.textContent = r.message;
      const id = (r.field || "").startsWith("hours.") ? r.field.slice(6) : null;
      if (id && inputs.has(id)) {
        inputs.get(id).setAttribute("aria-invalid", "true");
        inputs.get(id).focus();
      }
      return;
    }
    message.textContent = "";
    const rows = r.blocks.map((b) => {
      const block = spec.blocks.find((x) => x.id === b.id);
      return h(
        "tr",
        { "data-block": b.id },
        h("th", { scope: "row" }, b.label),
        h(
          "td",
          {},
          h(
            "div",
            { class: "pacte-week-cell" },
            h("div", { class: "pacte-week-bar", style: `width:${(b.share * 0.6).toFixed(1)}%`, "aria-hidden": "true" }),
            h(
              "span",
              { class: "pacte-week-value" },
              `${frenchNumber(b.hours)}\u00a0h (${frenchNumber(b.share)}\u00a0%)`,
            ),
          ),
        ),
        h(
          "td",
          { class: "pacte-week-reported" },
          block.reported,
          " ",
          h("span", { class: "pacte-week-note" }, `(${(spec.citations || {})[block.source.ref] || block.source.ref})`),
        ),
      );
    });
    result.append(
      ...r.sentences.map((s) => h("p", { class: "pacte-week-sentence" }, s)),
      h(
        "table",
        { class: "pacte-week-table" },
        h("caption", {}, "Votre semaine par bloc d’activités, et ce qu’en disent les sources"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Bloc"),
            h("th", { scope: "col" }, "Votre semaine"),
            h("th", { scope: "col" }, "Ce qu’en disent les sources"),
          ),
        ),
        h("tbody", {}, rows),
      ),
      ...r.notes.map((n) => h("p", { class: "pacte-week-note" }, n)),
      ...spec.references.map((n) => h("p", { class: "pacte-week-note" }, n.text)),
    );
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    answers = readForm();
    const r = summarizeWeek(spec, answers);
    show(r);
    model.set("answers", { ...answers });
    model.save_changes();
  });
  csvButton.addEventListener("click", () => {
    if (!current || current.status !== "ok") return;
    saveBlob(new Blob([`\ufeff${weekCsv(spec, current)}`], { type: "text/csv;charset=utf-8" }), `${FILE}.csv`);
  });
  pngButton.addEventListener("click", () => {
    if (!current || current.status !== "ok") return;
    drawWeek(spec, current).toBlob((blob) => {
      if (blob) saveBlob(blob, `${FILE}.png`);
      else message.textContent = "L’image n’a pas pu être créée : téléchargez le CSV.";
    }, "image/png");
  });

  const showKernel = (kr) => {
    if (!kr.status) return;
    root.dataset.kernelResult = kr.status === "ok" ? `${kr.status}:${kr.total}:${kr.top}` : kr.status;
  };
  if (answers.structure) {
    const input = /** @type {HTMLInputElement | null} */ (
      structureSet.querySelector(`input[value="${answers.structure}"]`)
    );
    if (input) input.checked = true;
  }
  if (Object.keys(answers.hours || {}).length) show(summarizeWeek(spec, answers));
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}

export default { render };
