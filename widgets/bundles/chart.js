// GENERATED from widgets/static/chart.js by js/build-bundles.mjs (npm run bundles): do not edit.

// widgets/static/chart_layout.js
var PHONE_WIDTH = 560;
var MIN_FONT = 12;
var FONT_KEYS = /* @__PURE__ */ new Set(["fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize"]);
var MULTI_VIEW = ["facet", "repeat", "concat", "hconcat", "vconcat"];
function clone(value) {
  return JSON.parse(JSON.stringify(value));
}
function floorFonts(node) {
  if (Array.isArray(node)) node.forEach(floorFonts);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (FONT_KEYS.has(key) && typeof value === "number" && value < MIN_FONT) node[key] = MIN_FONT;
      else floorFonts(value);
    }
  }
  return node;
}
function views(spec) {
  return [spec, ...spec.layer || []];
}
function isSingleView(spec) {
  return !MULTI_VIEW.some((k) => k in spec);
}
function wrapWords(text, max) {
  const lines = [];
  let line = "";
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}
function datasetRows(spec, view) {
  const data = view && view.data || spec.data || {};
  if (Array.isArray(data.values)) return data.values;
  if (data.name && spec.datasets && Array.isArray(spec.datasets[data.name])) return spec.datasets[data.name];
  return [];
}
function distinct(rows, field) {
  return [
    ...new Set(
      rows.map((r) => r[field]).filter((v) => v !== null && v !== void 0).map(String)
    )
  ];
}
function vegaString(s) {
  return JSON.stringify(s);
}
function wrapExpr(values, max) {
  let most = 1;
  const lines = values.map((v) => {
    const w = wrapWords(v, max);
    most = Math.max(most, w.length);
    return `[${w.map(vegaString).join(",")}]`;
  });
  const expr = `[${lines.join(",")}][indexof([${values.map(vegaString).join(",")}], datum.label)]`;
  return { expr, lines: most };
}
function stepOf(spec) {
  const h = spec.height;
  return h && typeof h === "object" && typeof h.step === "number" ? h.step : null;
}
function phoneLayout(spec, width) {
  const config = spec.config;
  config.axisQuantitative = { ...config.axisQuantitative || {}, tickCount: 4, labelOverlap: true };
  config.axisTemporal = { ...config.axisTemporal || {}, tickCount: 4, labelOverlap: true };
  config.legend = {
    ...config.legend || {},
    orient: "bottom",
    direction: "vertical",
    columns: 1,
    labelLimit: Math.max(120, width - 60)
  };
  const labelPx = Math.round(Math.max(110, width * 0.4));
  const chars = Math.max(12, Math.floor(labelPx / 7));
  let maxLines = 1;
  let maxCategories = 1;
  let offsets = 1;
  for (const view of views(spec)) {
    const off = (view.encoding || {}).yOffset;
    if (off && off.field) {
      const domain = (off.scale || {}).domain;
      offsets = Math.max(
        offsets,
        Array.isArray(domain) ? domain.length : distinct(datasetRows(spec, view), off.field).length
      );
    }
  }
  for (const view of views(spec)) {
    const enc = view.encoding || {};
    for (const [channel, def] of Object.entries(enc)) {
      if (!def || typeof def !== "object" || Array.isArray(def)) continue;
      if (def.legend && typeof def.legend === "object") {
        def.legend = { ...def.legend, orient: "bottom", columns: 1, labelLimit: Math.max(120, width - 60) };
      }
      if (channel !== "y" || !def.field || !["nominal", "ordinal"].includes(def.type)) continue;
      if (def.axis === null) continue;
      const values = distinct(datasetRows(spec, view), def.field);
      if (!values.length) continue;
      const { expr, lines } = wrapExpr(values, chars);
      maxLines = Math.max(maxLines, lines);
      maxCategories = Math.max(maxCategories, values.length);
      def.axis = {
        ...def.axis || {},
        labelExpr: expr,
        labelLimit: labelPx,
        labelFontSize: MIN_FONT,
        labelLineHeight: 14,
        labelBaseline: "middle"
      };
    }
  }
  if (maxLines > 1) {
    const need = Math.ceil((14 * maxLines + 6) / offsets);
    const step = stepOf(spec);
    if (step !== null && step < need) spec.height = { ...spec.height, step: need };
    else if (spec.height === void 0) spec.height = { step: need };
    else if (typeof spec.height === "number") spec.height = Math.max(spec.height, need * maxCategories);
  }
  if (spec.layer) {
    const isText = (l) => (typeof l.mark === "string" ? l.mark : (l.mark || {}).type) === "text";
    const textType = (l) => ((l.encoding || {}).text || {}).type;
    const beside = (l) => isText(l) && textType(l) === "nominal" && (l.encoding || {}).x;
    spec.layer = spec.layer.filter((l) => !beside(l));
    if (spec.layer.some((l) => isText(l) && textType(l) === "quantitative")) {
      spec.padding = { left: 5, top: 5, bottom: 5, right: 52 };
    }
  }
  const title = spec.title;
  const per = Math.max(16, Math.floor((width - 10) / 9.5));
  if (typeof title === "string") spec.title = { text: wrapWords(title, per) };
  else if (title && typeof title === "object") {
    if (typeof title.text === "string") title.text = wrapWords(title.text, per);
    if (typeof title.subtitle === "string") title.subtitle = wrapWords(title.subtitle, Math.floor(per * 1.15));
  }
  return spec;
}
var DARKER = { "#e07b39": "#c25e1f", "#9fb7c9": "#6f93b0" };
function contrastColours(node) {
  if (Array.isArray(node))
    return node.map((v) => typeof v === "string" && DARKER[v.toLowerCase()] || contrastColours(v));
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string" && DARKER[value.toLowerCase()]) node[key] = DARKER[value.toLowerCase()];
      else if (key === "opacity" && typeof value === "number" && value < 1 && node.type === "rule") node[key] = 1;
      else node[key] = contrastColours(value);
    }
  }
  return node;
}
var PATTERN_KINDS = ["stripes", "dots"];
function patternFills(spec) {
  const patterns = [];
  for (const view of views(spec)) {
    const mark = typeof view.mark === "string" ? view.mark : (view.mark || {}).type;
    const scale = ((view.encoding || {}).color || {}).scale || {};
    if (mark !== "bar" || !Array.isArray(scale.domain) || !Array.isArray(scale.range)) continue;
    if (!scale.domain.some((d) => ["CDS", "CPTS"].includes(d))) continue;
    scale.range = scale.range.map((colour, i) => {
      if (i === 0 || i > PATTERN_KINDS.length || !/^#[0-9a-f]{6}$/i.test(colour)) return colour;
      const kind = PATTERN_KINDS[i - 1];
      const id = `pacte-pattern-${kind}-${colour.slice(1).toLowerCase()}`;
      patterns.push({ id, kind, colour });
      return `url(#${id})`;
    });
  }
  return patterns;
}
function prepareSpec(original, width) {
  const spec = clone(original);
  spec.config = spec.config || {};
  spec.config.aria = false;
  floorFonts(spec);
  contrastColours(spec);
  spec.config.point = { opacity: 1, ...spec.config.point || {} };
  if (isSingleView(spec)) {
    spec.width = "container";
    spec.autosize = { type: "fit-x", contains: "padding" };
    if (width < PHONE_WIDTH) phoneLayout(spec, width);
  }
  delete spec.description;
  return spec;
}
function firstSentence(text) {
  const m = String(text || "").match(/^.*?[.!?](?=\s|$)/s);
  return (m ? m[0] : String(text || "")).trim();
}
function fieldTitle(def) {
  if (typeof def.title === "string" && def.title) return def.title;
  return def.field;
}
function tableColumns(spec) {
  const cols = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (col) => {
    if (!col.field || seen.has(col.field)) return;
    seen.add(col.field);
    cols.push(col);
  };
  for (const p of spec.params || []) {
    const bind = p.bind || {};
    if (!Array.isArray(bind.options)) continue;
    const filters = JSON.stringify([spec.transform || [], ...(spec.layer || []).map((l) => l.transform || [])]);
    const m = filters.match(new RegExp(`datum\\.([A-Za-z_][A-Za-z0-9_]*) == ${p.name}\\b`));
    if (!m) continue;
    const labels = Object.fromEntries(bind.options.map((o, i) => [String(o), (bind.labels || [])[i] ?? String(o)]));
    add({ field: m[1], title: String(bind.name || p.name).replace(/[\s\u00a0:]+$/, ""), labels });
  }
  const withTooltip = views(spec).find((v) => Array.isArray((v.encoding || {}).tooltip));
  if (withTooltip) {
    for (const t of withTooltip.encoding.tooltip)
      add({ field: t.field, title: fieldTitle(t), format: t.format, type: t.type });
    return { columns: cols, view: withTooltip };
  }
  const view = views(spec).find((v) => v.encoding) || spec;
  for (const ch of ["y", "x", "color", "shape", "theta", "text"]) {
    const def = (view.encoding || {})[ch];
    if (def && def.field) add({ field: def.field, title: fieldTitle(def), format: def.format, type: def.type });
  }
  return { columns: cols, view };
}
function tableRows(spec, fmt) {
  const format = typeof fmt === "function" ? fmt : (v) => String(v);
  const { columns, view } = tableColumns(spec);
  const rows = datasetRows(spec, view);
  const present = columns.filter((c) => rows.some((r) => r[c.field] !== void 0 && r[c.field] !== null));
  return {
    columns: present.map((c) => c.title),
    rows: rows.map(
      (r) => present.map((c) => {
        const v = r[c.field];
        if (v === null || v === void 0) return "—";
        if (c.labels) return c.labels[String(v)] ?? String(v);
        return format(v, c);
      })
    )
  };
}
function legendFilters(spec) {
  const params = [...spec.params || [], ...(spec.layer || []).flatMap((l) => l.params || [])];
  const filters = [];
  for (const p of params) {
    const fields = p.select && p.select.fields || [];
    if (p.bind !== "legend" || (p.select || {}).type !== "point" || fields.length !== 1) continue;
    const field = fields[0];
    const view = views(spec).find((v) => Object.values(v.encoding || {}).some((d) => d && d.field === field));
    if (!view) continue;
    const def = Object.values(view.encoding).find((d) => d && d.field === field);
    const domain = (def.scale || {}).domain;
    const values = Array.isArray(domain) ? domain.map(String) : Array.isArray(def.sort) ? def.sort.map(String) : distinct(datasetRows(spec, view), field).sort();
    filters.push({ param: p.name, field, title: fieldTitle(def), values });
  }
  return filters;
}

// widgets/static/numbers.js
var NBSP = " ";
var FORMATS = /* @__PURE__ */ new Map();
function fmtNumber(value, maxDecimals = 2, minDecimals = 0) {
  const max = Number.isInteger(value) ? minDecimals : Math.max(maxDecimals, minDecimals);
  const key = `${minDecimals}/${max}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: minDecimals, maximumFractionDigits: max });
    FORMATS.set(key, format);
  }
  return format.format(value).replace(/[\u202f ]/g, NBSP);
}

// widgets/static/chart_legend.js
function button(text, className) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = text;
  return b;
}
function legendButtons(filter, getView) {
  const group = document.createElement("div");
  group.className = "pacte-chart-filter";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", `Filtrer le graphique par ${filter.title.toLowerCase()}`);
  const label = document.createElement("span");
  label.className = "pacte-chart-filter-name";
  label.setAttribute("aria-hidden", "true");
  label.textContent = `${filter.title}${NBSP}:`;
  const all = button("Tout afficher", "pacte-chart-filter-all");
  const toggles = filter.values.map((value) => {
    const b = button(value, "pacte-chart-filter-value");
    b.setAttribute("aria-pressed", "false");
    b.dataset.value = value;
    return b;
  });
  group.append(label, ...toggles, all);
  const legendSignal = `${filter.param}_${filter.field}_legend`;
  const show = (selected) => {
    for (const b of toggles) b.setAttribute("aria-pressed", String(selected.includes(b.dataset.value)));
  };
  const queued = [];
  const select = (value, toggle) => {
    const view = getView();
    if (!view) {
      queued.push([value, toggle]);
      return Promise.resolve();
    }
    view.signal(`${filter.param}_toggle`, toggle);
    view.signal(legendSignal, value, { force: true });
    return view.runAsync().then(() => view.signal(`${filter.param}_toggle`, false));
  };
  for (const b of toggles) b.addEventListener("click", () => select(b.dataset.value, true));
  all.addEventListener("click", () => select(null, false));
  show([]);
  return {
    element: group,
    attach(view) {
      show([]);
      view.addSignalListener(filter.param, (_name, value) => show(((value || {})[filter.field] || []).map(String)));
      queued.splice(0).reduce((done, [value, toggle]) => done.then(() => select(value, toggle)), Promise.resolve());
    }
  };
}

// widgets/static/host.js
function jupyterBaseUrl() {
  let base = "/";
  const cfg = document.getElementById("jupyter-config-data");
  if (cfg) {
    try {
      base = JSON.parse(cfg.textContent).baseUrl || "/";
    } catch (err) {
      console.warn("pacte: unreadable jupyter-config-data", err);
    }
  }
  return base.endsWith("/") ? base : `${base}/`;
}

// widgets/static/chart_runtime.js
var runtime = null;
function vendorUrl() {
  if (globalThis.PACTE_VENDOR_URL) return globalThis.PACTE_VENDOR_URL;
  const base = jupyterBaseUrl();
  return new URL(`${base}pacte/static/vendor/vega-bundle.js`, window.location.href).href;
}
function loadRuntime() {
  if (!runtime) runtime = import(vendorUrl());
  return runtime;
}

// widgets/static/chart.js
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
function ensurePatterns(patterns) {
  if (!patterns.length) return;
  const NS = "http://www.w3.org/2000/svg";
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
  if (svg.getAttribute("role") === "img" && svg.getAttribute("aria-label") === label && !svg.querySelector("[role], [aria-label], [aria-roledescription]"))
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
function whenNeeded(figure) {
  if (globalThis.PACTE_DRAW_ALL || typeof IntersectionObserver !== "function") return Promise.resolve();
  return new Promise(
    /** @param {(value?: void) => void} resolve */
    (resolve) => {
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
        { rootMargin: "400px 0px" }
      );
      observer.observe(figure);
      figure.addEventListener("focusin", done);
      window.addEventListener("beforeprint", done);
      window.addEventListener("pacte:draw-charts", done);
    }
  );
}
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
async function render({ model, el }) {
  const title = model.get("title");
  const label = `${title}. ${firstSentence(model.get("description"))}`;
  const figure = document.createElement("figure");
  figure.className = "pacte-chart";
  const view = document.createElement("div");
  view.className = "pacte-chart-view";
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
    if (!svgWatcher && typeof MutationObserver === "function") {
      svgWatcher = new MutationObserver(() => nameSvg(view, label));
      svgWatcher.observe(view, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["role", "aria-label", "aria-roledescription"]
      });
    }
    figure.dataset.rendered = "true";
    figure.dataset.layout = drawnPhone ? "phone" : "wide";
    figure.dispatchEvent(new CustomEvent("pacte:chart-rendered", { bubbles: true }));
  };
  const stopPrint = printPendingAsTable(figure);
  let seen = false;
  figure.dataset.pending = "true";
  whenNeeded(figure).then(() => {
    seen = true;
    delete figure.dataset.pending;
    return draw();
  }).catch((err) => {
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
  let timer = null;
  const observer = typeof ResizeObserver === "function" ? new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const width = figure.getBoundingClientRect().width;
      if (!width || !result) return;
      const phone = width < PHONE_WIDTH;
      if (phone !== drawnPhone || phone && Math.abs(width - drawnWidth) > 40) {
        draw().catch((err) => console.error("pacte chart", err));
      }
    }, 200);
  }) : null;
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
var chart_default = { render };
export {
  chart_default as default
};
