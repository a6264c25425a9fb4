// @ts-check
// CPTS funding front end: size band and « fonctionnement » amount before and
// after avenant 2, from a population. Logic in cpts_logic.js, mirrored in Python.
import { computeCpts } from "./cpts_logic.js";
import { injectStyle, scrollHint } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { fmtEuros, fmtNumber, NBSP } from "./numbers.js";
import { remember } from "./progress.js";

const CPTS_STYLE_ID = "pacte-cpts-style";
const CPTS_CSS = `
.pacte-cpts { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-cpts h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-cpts fieldset { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .9rem .75rem; background: #fff; }
.pacte-cpts legend { font-weight: 600; padding: 0 .3rem; }
.pacte-cpts-field { display: flex; flex-wrap: wrap; gap: .4rem .7rem; align-items: center; }
.pacte-cpts input { font: inherit; padding: .2rem .4rem; border: 1px solid #687887; border-radius: 4px; width: 9rem; }
.pacte-cpts input[aria-invalid="true"] { border: 2px solid #c62828; }
.pacte-cpts input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-cpts-unit, .pacte-cpts-note { color: #4a5560; font-size: .9rem; }
.pacte-cpts-error { color: #b71c1c; margin: .3rem 0 0; }
.pacte-cpts-error:empty { display: none; }
.pacte-cpts-result { border-top: 2px solid #3a9a6b; margin-top: 1rem; padding-top: .6rem; }
.pacte-cpts-amount { font-size: 1.25rem; margin: .2rem 0; }
.pacte-cpts-amount strong { color: #1f5f8b; }
.pacte-cpts-kernel { font-size: .85rem; color: #2e7d32; }
.pacte-cpts-kernel:empty { display: none; }
.pacte-cpts svg { width: 100%; height: auto; max-width: 720px; }
`;

const CPTS_SVG_NS = "http://www.w3.org/2000/svg";

function node(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") n.className = v;
    else n.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    n.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return n;
}

function svgNode(tag, attrs = {}, text) {
  const n = document.createElementNS(CPTS_SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

function kEuros(value) {
  return `${fmtNumber(value / 1000)}${NBSP}k€`;
}

function drawBands(figure, rules, selected) {
  const width = 720,
    height = 250,
    left = 60,
    bottom = 50,
    top = 30,
    right = 20;
  const max = Math.max(...rules.bands.map((b) => b.fonctionnement_avenant2.value));
  const plotH = height - top - bottom;
  const groupW = (width - left - right) / rules.bands.length;
  const barW = Math.min(60, groupW / 3);
  const titleId = `cpts-title-${Math.random().toString(36).slice(2, 8)}`;
  const descId = `${titleId}-desc`;
  const root = svgNode("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
  });
  root.append(
    svgNode(
      "title",
      { id: titleId },
      "Financement annuel du fonctionnement des CPTS selon leur taille, avant et après l’avenant 2",
    ),
  );
  root.append(
    svgNode(
      "desc",
      { id: descId },
      rules.bands
        .map(
          (b) =>
            `${b.label} (${b.range_label})\u00a0: ${kEuros(b.fonctionnement_2019.value)} en 2019, ${kEuros(b.fonctionnement_avenant2.value)} après l’avenant 2`,
        )
        .join(" ; ") + (selected ? `. Taille de votre CPTS\u00a0: ${selected}.` : "."),
    ),
  );
  const legend = svgNode("g", { "aria-hidden": "true", transform: `translate(${left},6)` });
  legend.append(svgNode("rect", { x: 0, y: 0, width: 14, height: 14, fill: "#6f93b0" }));
  legend.append(svgNode("text", { x: 20, y: 12, "font-size": 13 }, "ACI 2019"));
  legend.append(svgNode("rect", { x: 110, y: 0, width: 14, height: 14, fill: "#1f5f8b" }));
  legend.append(svgNode("text", { x: 130, y: 12, "font-size": 13 }, "Après l’avenant 2"));
  root.append(legend);
  root.append(svgNode("line", { x1: left, y1: top + plotH, x2: width - right, y2: top + plotH, stroke: "#8a99a8" }));
  rules.bands.forEach((b, i) => {
    const x0 = left + i * groupW + groupW / 2 - barW;
    // The learner's band is outlined (faded neighbours would fall under 3:1 contrast).
    const mine = selected === b.id;
    const g = svgNode("g", { "aria-hidden": "true", "data-band": b.id, "data-selected": String(mine) });
    for (const [j, value, color] of [
      [0, b.fonctionnement_2019.value, "#6f93b0"],
      [1, b.fonctionnement_avenant2.value, "#1f5f8b"],
    ]) {
      const h = (value / max) * plotH;
      g.append(
        svgNode("rect", {
          x: (x0 + j * barW).toFixed(1),
          y: (top + plotH - h).toFixed(1),
          width: (barW - 4).toFixed(1),
          height: h.toFixed(1),
          fill: color,
          ...(mine ? { stroke: "#1b2631", "stroke-width": 2 } : {}),
        }),
      );
      g.append(
        svgNode(
          "text",
          {
            x: (x0 + j * barW + barW / 2 - 2).toFixed(1),
            y: (top + plotH - h - 4).toFixed(1),
            "text-anchor": "middle",
            "font-size": 12,
          },
          kEuros(value),
        ),
      );
    }
    const label = svgNode(
      "text",
      {
        x: (x0 + barW).toFixed(1),
        y: top + plotH + 18,
        "text-anchor": "middle",
        "font-size": 13,
        "font-weight": selected === b.id ? 700 : 400,
      },
      b.label,
    );
    const short =
      b.min_population === 0
        ? `< ${fmtNumber(b.max_population + 1)} hab.`
        : b.max_population === null
          ? `> ${fmtNumber(b.min_population - 1)} hab.`
          : `${fmtNumber(b.min_population)} – ${fmtNumber(b.max_population)}`;
    const range = svgNode(
      "text",
      { x: (x0 + barW).toFixed(1), y: top + plotH + 34, "text-anchor": "middle", "font-size": 12, fill: "#4a5560" },
      short,
    );
    g.append(label, range);
    root.append(g);
  });
  figure.replaceChildren(root);
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(CPTS_STYLE_ID, CPTS_CSS);
  const rules = model.get("rules");
  const citations = model.get("citations") || {};
  const base = `cpts-${Math.random().toString(36).slice(2, 9)}`;
  remember(model, {
    kind: "simulator",
    ref: "cpts-funding",
    trait: "inputs",
    overDefaults: true,
    title: "Financement d’une CPTS selon sa taille",
    summarize: (i) => {
      const r = computeCpts(rules, i);
      return {
        complete: true,
        label: r.ok ? `${fmtNumber(r.population)} habitants : ${fmtEuros(r.after)} par an` : "saisie à corriger",
      };
    },
  });
  const start = model.get("inputs") || {};
  const root = node("section", { class: "pacte-cpts", "aria-labelledby": `${base}-title` });
  root.append(node("h3", { id: `${base}-title` }, "Combien reçoit une CPTS pour fonctionner\u00a0?"));
  const pop = rules.population;
  const input = node("input", {
    id: `${base}-pop`,
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    value: String(start.population ?? pop.default),
    "aria-describedby": `${base}-unit ${base}-err`,
  });
  const err = node("p", { id: `${base}-err`, class: "pacte-cpts-error" });
  const form = node(
    "form",
    { novalidate: true },
    node(
      "fieldset",
      {},
      node("legend", {}, "Votre CPTS"),
      node(
        "div",
        { class: "pacte-cpts-field" },
        node("label", { for: `${base}-pop` }, pop.label),
        input,
        node(
          "span",
          { id: `${base}-unit`, class: "pacte-cpts-unit" },
          `habitants (de ${fmtNumber(pop.min)} à ${fmtNumber(pop.max)})`,
        ),
      ),
      err,
    ),
  );
  form.addEventListener("submit", (e) => e.preventDefault());
  const result = node("div", { class: "pacte-cpts-result" });
  // One short sentence for screen readers, once typing has stopped (issue 17).
  const announce = node("p", { class: "pacte-sr-only", role: "status", "data-role": "announce" });
  const bandLine = node("p", {});
  const amountLine = node("p", { class: "pacte-cpts-amount" });
  const detailLine = node("p", {});
  const kernelLine = node("p", { class: "pacte-cpts-kernel" });
  result.append(bandLine, amountLine, detailLine, kernelLine);
  // Scrolls sideways on a phone rather than shrinking its text under 12 px.
  const figure = node("figure", {
    class: "pacte-cpts-chart",
    tabindex: "0",
    "aria-label": "Graphique du financement par taille de CPTS",
  });
  const keys = [
    ...new Set([
      pop.source,
      rules.increase.source,
      ...rules.bands.flatMap((b) => [b.fonctionnement_2019.source, b.fonctionnement_avenant2.source]),
    ]),
  ];
  const sources = node(
    "p",
    { class: "pacte-cpts-note" },
    "Sources\u00a0: " +
      keys.map((k) => citations[k] || k).join(" ; ") +
      ". Seul le volet «\u00a0fonctionnement\u00a0» est représenté\u00a0: les montants attachés à chaque mission ne sont pas confirmés par les sources du cours.",
  );
  const scroll = scrollHint(figure);
  root.append(form, announce, result, figure, scroll.hint, sources);

  function show(r) {
    root.dataset.status = r.status;
    input.removeAttribute("aria-invalid");
    err.textContent = "";
    if (!r.ok) {
      root.dataset.amount = "";
      root.dataset.band = "";
      input.setAttribute("aria-invalid", "true");
      err.textContent = r.errors.map((e) => e.message).join(" ");
      bandLine.textContent = "Calcul impossible\u00a0: corrigez la saisie.";
      amountLine.textContent = "";
      detailLine.textContent = "";
      drawBands(figure, rules, null);
      scroll.update();
      return;
    }
    root.dataset.amount = String(r.after);
    root.dataset.band = r.band;
    bandLine.replaceChildren(
      "Avec ",
      node("strong", {}, `${fmtNumber(r.population)} habitants`),
      `, la CPTS relève de la `,
      node("strong", {}, r.band_label),
      ` (${r.range_label}).`,
    );
    amountLine.replaceChildren(
      "Fonctionnement\u00a0: ",
      node("strong", {}, fmtEuros(r.before)),
      " par an en 2019, ",
      node("strong", { "data-role": "amount" }, fmtEuros(r.after)),
      " après l’avenant 2.",
    );
    detailLine.textContent =
      `Hausse de ${fmtEuros(r.increase)} (+${fmtNumber(r.rate * 100)}${NBSP}%), ` +
      `soit ${fmtEuros(r.per_inhabitant_before, 2)} puis ${fmtEuros(r.per_inhabitant_after, 2)} par habitant et par an.`;
    drawBands(figure, rules, r.band);
    scroll.update();
  }

  function update() {
    const inputs = { population: input.value };
    const r = computeCpts(rules, inputs);
    show(r);
    kernelLine.textContent = "";
    model.set("inputs", inputs);
    model.save_changes();
  }
  let announceTimer = null;
  input.addEventListener("input", () => {
    update();
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      const r = computeCpts(rules, { population: input.value });
      announce.textContent = r.ok
        ? `${r.band_label} : ${fmtEuros(r.after)} par an après l’avenant 2.`
        : `Calcul impossible. ${r.errors.map((e) => e.message).join(" ")}`;
    }, 900);
  });

  const showKernel = (kr) => {
    if (!kr || kr.ok === undefined) return;
    root.dataset.kernelStatus = kr.status;
    root.dataset.kernelAmount = kr.ok ? String(kr.after) : "";
    kernelLine.textContent = kr.ok
      ? `Montant recalculé par le noyau Python\u00a0: ${fmtEuros(kr.after)} (${kr.band_label}).`
      : `Le noyau Python a refusé la saisie\u00a0: ${kr.errors.map((e) => e.message).join(" ")}`;
  };
  show(computeCpts(rules, { population: input.value }));
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}

export default { render };
