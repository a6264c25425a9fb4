// @ts-check
// Chart front end: renders a Vega-Lite spec with the course's vendored runtime.
// The chart fits its container (phone layout under 560 px), its SVG is one image whose
// French name is the title and the first sentence of the description (Vega's own English
// ARIA is switched off), and « Voir les données » shows a table made from the same data.
// Vega (1.1 MB) is loaded and compiled only when a chart is about to be seen (issue 28): until
// then the figure shows its name, description, legend buttons and data table, and says
// data-pending="true"; once drawn, data-rendered="true".

import { firstSentence, legendFilters, PHONE_WIDTH, patternFills, prepareSpec, tableRows } from "./chart_layout.js";
import { legendButtons } from "./chart_legend.js";
import { loadRuntime } from "./chart_runtime.js";
import { fmtNumber, NBSP } from "./numbers.js";

function fmtCell(value, col) {
  if (typeof value !== "number") return String(value);
  const format = col.format || "";
  if (format.endsWith("%")) {
    const digits = Number((format.match(/\.(\d)/) || [0, 0])[1]);
    return `${fmtNumber(Number((value * 100).toFixed(digits)), digits) + NBSP}%`;
  }
  if (/[,.]0f$|d$/.test(format)) return fmtNumber(Math.round(value));
  return fmtNumber(value);
}

function dataTable(spec, title) {
  const { columns, rows } = tableRows(spec, fmtCell);
  const details = document.createElement("details");
  details.className = "pacte-chart-data";
  const summary = document.createElement("summary");
  summary.textContent = "Voir les données";
  details.append(summary);
  if (!columns.length || !rows.length) return null;
  const wrap = document.createElement("div");
  wrap.className = "pacte-chart-table-wrap";
  // A scrolling region: reachable with the keyboard, named for screen readers.
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", `Données du graphique «${NBSP}${title}${NBSP}»`);
  const table = document.createElement("table");
  table.className = "pacte-chart-table";
  const caption = document.createElement("caption");
  caption.textContent = `Données du graphique «${NBSP}${title}${NBSP}»`;
  const head = document.createElement("tr");
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const cell of r) {
      const td = document.createElement("td");
      td.textContent = cell;
      tr.append(td);
    }
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  wrap.append(table);
  details.append(wrap);
  return details;
}

// The <pattern> definitions used by patternFills(), once per page, in a hidden SVG.
function ensurePatterns(patterns) {
  if (!patterns.length) return;
  const NS = "http://www.w3.org/2000/svg";
  /** @type {Element | null} */
  let defs = document.getElementById("pacte-chart-patterns");
  if (!defs) {
    const holder = document.createElementNS(NS, "svg");
    holder.setAttribute("aria-hidden", "true");
    holder.setAttribute("focusable", "false");
    holder.style.cssText = "position:absolute;width:0;height:0;overflow:hidden";
    defs = document.createElementNS(NS, "defs");
    defs.id = "pacte-chart-patterns";
    holder.append(defs);
    document.body.append(holder);
  }
  for (const p of patterns) {
    if (document.getElementById(p.id)) continue;
    const pat = document.createElementNS(NS, "pattern");
    pat.id = p.id;
    pat.setAttribute("patternUnits", "userSpaceOnUse");
    pat.setAttribute("width", "8");
    pat.setAttribute("height", "8");
    const bg = document.createElementNS(NS, "rect");
    bg.setAttribute("width", "8");
    bg.setAttribute("height", "8");
    bg.setAttribute("fill", p.colour);
    pat.append(bg);
    const mark = document.createElementNS(NS, p.kind === "dots" ? "circle" : "path");
    if (p.kind === "dots") {
      mark.setAttribute("cx", "4");
      mark.setAttribute("cy", "4");
      mark.setAttribute("r", "1.6");
      mark.setAttribute("fill", "#fff");
    } else {
      mark.setAttribute("d", "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4");
      mark.setAttribute("stroke", "#fff");
      mark.setAttribute("stroke-width", "1.5");
    }
    pat.append(mark);
    defs.append(pat);
  }
}

function nameSvg(view, label) {
  const svg = view.querySelector("svg");
  if (!svg) return;
  if (
    svg.getAttribute("role") === "img" &&
    svg.getAttribute("aria-label") === label &&
    !svg.querySelector("[role], [aria-label], [aria-roledescription]")
  )
    return;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.removeAttribute("aria-roledescription");
  svg.removeAttribute("aria-describedby");
  for (const node of svg.querySelectorAll("[role], [aria-label], [aria-roledescription]")) {
    node.removeAttribute("role");
    node.removeAttribute("aria-label");
    node.removeAttribute("aria-roledescription");
  }
}

// Resolves when `figure` is about to be seen (within 400 px of the viewport), gets the keyboard
// focus, or the page is printed; at once when globalThis.PACTE_DRAW_ALL is set (the PDF exporter)
// or the browser has no IntersectionObserver. A "pacte:draw-charts" event on window draws them all.
function whenNeeded(figure) {
  if (globalThis.PACTE_DRAW_ALL || typeof IntersectionObserver !== "function") return Promise.resolve();
  return new Promise(
    /** @param {(value?: void) => void} resolve */ (resolve) => {
      const done = () => {
        observer.disconnect();
        figure.removeEventListener("focusin", done);
        window.removeEventListener("beforeprint", done);
        window.removeEventListener("pacte:draw-charts", done);
        resolve();
      };
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) done();
        },
        { rootMargin: "400px 0px" },
      );
      observer.observe(figure);
      figure.addEventListener("focusin", done);
      window.addEventListener("beforeprint", done);
      window.addEventListener("pacte:draw-charts", done);
    },
  );
}

// Printing cannot wait for Vega: a chart not drawn yet prints its data table, opened for paper.
function printPendingAsTable(figure) {
  const before = () => {
    const details = figure.querySelector("details.pacte-chart-data");
    if (!details || figure.dataset.rendered === "true" || details.open) return;
    details.open = true;
    details.dataset.printOpened = "true";
  };
  const after = () => {
    const details = figure.querySelector("details.pacte-chart-data[data-print-opened]");
    if (!details) return;
    details.open = false;
    delete details.dataset.printOpened;
  };
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  return () => {
    window.removeEventListener("beforeprint", before);
    window.removeEventListener("afterprint", after);
  };
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
async function render({ model, el }) {
  const title = model.get("title");
  const label = `${title}. ${firstSentence(model.get("description"))}`;
  const figure = document.createElement("figure");
  figure.className = "pacte-chart";
  const view = document.createElement("div");
  view.className = "pacte-chart-view";
  // Until Vega has drawn, the container itself carries the chart's name.
  view.setAttribute("role", "img");
  view.setAttribute("aria-label", label);
  const caption = document.createElement("figcaption");
  const desc = document.createElement("p");
  desc.className = "pacte-chart-description";
  desc.textContent = model.get("description");
  const src = document.createElement("p");
  src.className = "pacte-chart-source";
  src.textContent = model.get("source");
  caption.append(desc, src);
  let result = null;
  // Legend filters as buttons, placed before Vega loads so that nothing moves when it has drawn.
  const filters = legendFilters(model.get("spec")).map((f) => legendButtons(f, () => result && result.view));
  figure.append(view, ...filters.map((f) => f.element), caption);
  const table = dataTable(model.get("spec"), title);
  if (table) figure.append(table);
  el.replaceChildren(figure);
  let svgWatcher = null;
  let drawnPhone = null;
  let drawnWidth = 0;
  const draw = async () => {
    const { vegaEmbed } = await loadRuntime();
    const width = Math.round(figure.getBoundingClientRect().width) || 640;
    if (result) result.finalize();
    drawnPhone = width < PHONE_WIDTH;
    drawnWidth = width;
    const spec = prepareSpec(model.get("spec"), width);
    ensurePatterns(patternFills(spec));
    result = await vegaEmbed(view, spec, { actions: false, renderer: "svg" });
    view.removeAttribute("role");
    view.removeAttribute("aria-label");
    nameSvg(view, label);
    for (const f of filters) f.attach(result.view);
    // Vega redraws marks when a parameter changes: keep its ARIA attributes out each time.
    if (!svgWatcher && typeof MutationObserver === "function") {
      svgWatcher = new MutationObserver(() => nameSvg(view, label));
      svgWatcher.observe(view, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["role", "aria-label", "aria-roledescription"],
      });
    }
    figure.dataset.rendered = "true";
    figure.dataset.layout = drawnPhone ? "phone" : "wide";
    figure.dispatchEvent(new CustomEvent("pacte:chart-rendered", { bubbles: true }));
  };
  const stopPrint = printPendingAsTable(figure);
  let seen = false;
  figure.dataset.pending = "true";
  // Not awaited: a chart far down the page must not hold up its host (Voilà renders views in turn).
  whenNeeded(figure)
    .then(() => {
      seen = true;
      delete figure.dataset.pending;
      return draw();
    })
    .catch((err) => {
      figure.dataset.rendered = "error";
      view.textContent = "Le graphique n’a pas pu être affiché.";
      console.error("pacte chart", err);
    });
  const onSpec = () => {
    const old = figure.querySelector(".pacte-chart-data");
    const fresh = dataTable(model.get("spec"), title);
    if (old && fresh) old.replaceWith(fresh);
    if (seen) draw().catch((err) => console.error("pacte chart", err));
  };
  model.on("change:spec", onSpec);
  // Redraw when the layout changes (phone / wide) or the width changes a lot (rotation, zoom).
  let timer = null;
  const observer =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            const width = figure.getBoundingClientRect().width;
            if (!width || !result) return;
            const phone = width < PHONE_WIDTH;
            if (phone !== drawnPhone || (phone && Math.abs(width - drawnWidth) > 40)) {
              draw().catch((err) => console.error("pacte chart", err));
            }
          }, 200);
        })
      : null;
  if (observer) observer.observe(figure);
  return cleanup;

  function cleanup() {
    model.off("change:spec", onSpec);
    stopPrint();
    if (observer) observer.disconnect();
    if (svgWatcher) svgWatcher.disconnect();
    if (result) result.finalize();
  }
}

export default { render };
