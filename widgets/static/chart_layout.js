// @ts-check
// Pure helpers of the chart front end: the responsive / accessible spec and the data table.
// No DOM here: chart.js calls them with the container width.

export const PHONE_WIDTH = 560;
const MIN_FONT = 12;
const FONT_KEYS = new Set(["fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize"]);
const MULTI_VIEW = ["facet", "repeat", "concat", "hconcat", "vconcat"];

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

// Every font size of the spec and its config at MIN_FONT or more (WCAG 1.4.4 / issue 17).
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

export function views(spec) {
  return [spec, ...(spec.layer || [])];
}

function isSingleView(spec) {
  return !MULTI_VIEW.some((k) => k in spec);
}

// Words packed into lines of at most `max` characters (a word longer than that keeps its own line).
export function wrapWords(text, max) {
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
  const data = (view && view.data) || spec.data || {};
  if (Array.isArray(data.values)) return data.values;
  if (data.name && spec.datasets && Array.isArray(spec.datasets[data.name])) return spec.datasets[data.name];
  return [];
}

function distinct(rows, field) {
  return [
    ...new Set(
      rows
        .map((r) => r[field])
        .filter((v) => v !== null && v !== undefined)
        .map(String),
    ),
  ];
}

function vegaString(s) {
  return JSON.stringify(s);
}

// A Vega expression mapping each category to its wrapped lines (an array renders as several lines).
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

// Phone layout: wrapped category labels, fewer ticks, legend below, wrapped title.
function phoneLayout(spec, width) {
  const config = spec.config;
  config.axisQuantitative = { ...(config.axisQuantitative || {}), tickCount: 4, labelOverlap: true };
  config.axisTemporal = { ...(config.axisTemporal || {}), tickCount: 4, labelOverlap: true };
  config.legend = {
    ...(config.legend || {}),
    orient: "bottom",
    direction: "vertical",
    columns: 1,
    labelLimit: Math.max(120, width - 60),
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
        Array.isArray(domain) ? domain.length : distinct(datasetRows(spec, view), off.field).length,
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
        ...(def.axis || {}),
        labelExpr: expr,
        labelLimit: labelPx,
        labelFontSize: MIN_FONT,
        labelLineHeight: 14,
        labelBaseline: "middle",
      };
    }
  }
  if (maxLines > 1) {
    const need = Math.ceil((14 * maxLines + 6) / offsets);
    const step = stepOf(spec);
    if (step !== null && step < need) spec.height = { ...spec.height, step: need };
    else if (spec.height === undefined) spec.height = { step: need };
    else if (typeof spec.height === "number") spec.height = Math.max(spec.height, need * maxCategories);
  }
  // Text labels beside the marks: numbers keep a margin on the right; long text labels
  // (dates, names) are left to the tooltip and the data table.
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

// Chart marks at 3:1 against white: the theme's light orange is darkened, faded marks made solid.
const DARKER = { "#e07b39": "#c25e1f", "#9fb7c9": "#6f93b0" };
function contrastColours(node) {
  if (Array.isArray(node))
    return node.map((v) => (typeof v === "string" && DARKER[v.toLowerCase()]) || contrastColours(v));
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string" && DARKER[value.toLowerCase()]) node[key] = DARKER[value.toLowerCase()];
      else if (key === "opacity" && typeof value === "number" && value < 1 && node.type === "rule") node[key] = 1;
      else node[key] = contrastColours(value);
    }
  }
  return node;
}

// Where colour alone tells MSP, CDS and CPTS bars apart, the 2nd and 3rd get a pattern
// (diagonal stripes, dots) in the same colour; chart.js adds the SVG <pattern> definitions.
const PATTERN_KINDS = ["stripes", "dots"];
export function patternFills(spec) {
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

// The spec drawn in a container `width` px wide: fits it, no English ARIA from Vega, 12 px text.
export function prepareSpec(original, width) {
  const spec = clone(original);
  spec.config = spec.config || {};
  spec.config.aria = false;
  floorFonts(spec);
  contrastColours(spec);
  spec.config.point = { opacity: 1, ...(spec.config.point || {}) };
  if (isSingleView(spec)) {
    spec.width = "container";
    spec.autosize = { type: "fit-x", contains: "padding" };
    if (width < PHONE_WIDTH) phoneLayout(spec, width);
  }
  delete spec.description;
  return spec;
}

// The first sentence of a text (the chart's one-sentence description).
export function firstSentence(text) {
  const m = String(text || "").match(/^.*?[.!?](?=\s|$)/s);
  return (m ? m[0] : String(text || "")).trim();
}

function fieldTitle(def) {
  if (typeof def.title === "string" && def.title) return def.title;
  return def.field;
}

// Columns of the data table: the tooltip (French titles and formats), else the positional channels;
// plus the field a bound selector filters on, shown with the selector's labels.
function tableColumns(spec) {
  const cols = [];
  const seen = new Set();
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

// Rows of plain strings for the table, formatted the French way by `fmt(value, column)`.
export function tableRows(spec, fmt) {
  const format = typeof fmt === "function" ? fmt : (v) => String(v);
  const { columns, view } = tableColumns(spec);
  const rows = datasetRows(spec, view);
  const present = columns.filter((c) => rows.some((r) => r[c.field] !== undefined && r[c.field] !== null));
  return {
    columns: present.map((c) => c.title),
    rows: rows.map((r) =>
      present.map((c) => {
        const v = r[c.field];
        if (v === null || v === undefined) return "—";
        if (c.labels) return c.labels[String(v)] ?? String(v);
        return format(v, c);
      }),
    ),
  };
}

// The legends a reader filters by clicking (point selections bound to a legend), as keyboard
// buttons need them: the selection's name, its field, the legend's title and its values in order.
export function legendFilters(spec) {
  const params = [...(spec.params || []), ...(spec.layer || []).flatMap((l) => l.params || [])];
  const filters = [];
  for (const p of params) {
    const fields = (p.select && p.select.fields) || [];
    if (p.bind !== "legend" || (p.select || {}).type !== "point" || fields.length !== 1) continue;
    const field = fields[0];
    const view = views(spec).find((v) => Object.values(v.encoding || {}).some((d) => d && d.field === field));
    if (!view) continue;
    const def = Object.values(view.encoding).find((d) => d && d.field === field);
    const domain = (def.scale || {}).domain;
    const values = Array.isArray(domain)
      ? domain.map(String)
      : Array.isArray(def.sort)
        ? def.sort.map(String)
        : distinct(datasetRows(spec, view), field).sort();
    filters.push({ param: p.name, field, title: fieldTitle(def), values });
  }
  return filters;
}
