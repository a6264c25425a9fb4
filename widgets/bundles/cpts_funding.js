// GENERATED from widgets/static/cpts_funding.js by js/build-bundles.mjs (npm run bundles): do not edit.

// widgets/static/messages.js
var MESSAGES = {
  "quiz.unanswered": "Aucune réponse.",
  "quiz.single_only": "Choisissez une seule réponse.",
  "quiz.unreadable": "Réponse illisible.",
  "quiz.unknown_choice": "Réponse inconnue : {choices}.",
  "quiz.correct": "Bonne réponse.",
  "quiz.incorrect": "Ce n’est pas la bonne réponse.",
  "quiz.not_a_number": "Saisissez un nombre (par exemple 56 ou 12,5).",
  "quiz.out_of_range": "La valeur doit être comprise entre {lo} et {hi}.",
  "sorting.unknown_item": "Élément inconnu : « {item} ».",
  "sorting.unanswered": "Choisissez une catégorie avant de valider.",
  "sorting.unknown_category": "Catégorie inconnue : {answer} (choix possibles : {known}).",
  "sorting.correct": "Bien vu : « {label} ».",
  "sorting.incorrect": "Pas tout à fait : la réponse attendue est « {label} ».",
  "sorting.unreadable": "Réponses illisibles : un dictionnaire {élément: catégorie} est attendu.",
  "simulator.unreadable": "Saisie illisible : les données du simulateur manquent.",
  "sorting.score": "Score : {correct} / {total} ({answered} élément{s} classé{s}).",
  "sorting.item_error": "« {item} » : {message}",
  "simulator.not_a_number": "{label} : saisissez un nombre (par exemple {example}).",
  "simulator.not_an_integer": "{label} : saisissez un nombre entier.",
  "simulator.out_of_range": "{label} : la valeur doit être comprise entre {min} et {max} {unit}.",
  "aci.criteria_unreadable": "Critères : saisie illisible.",
  "aci.unknown_criterion": "Critère inconnu : {criterion}.",
  "aci.count_range": "{label} : indiquez un nombre entier entre 0 et {max}.",
  "aci.yes_no": "{label} : indiquez oui ou non.",
  "aci.unknown_variant": "Variante inconnue : {variant}.",
  "aci.points_unreadable": "Points : saisie illisible.",
  "aci.points_unknown_criterion": "Points : critère inconnu {criterion}.",
  "aci.points_locked": "{label} : ces points sont confirmés par les sources et ne sont pas modifiables.",
  "aci.criterion_unreadable": "{label} : saisie illisible.",
  "aci.points_unknown_kind": "{label} : type de points inconnu {kind}.",
  "aci.points_range": "{label} : {kind} doivent être un nombre entre 0 et {max}.",
  "aci.points_fixed": "les points fixes",
  "aci.points_variable": "les points variables",
  "aci.points_per_professional": "les points par professionnel",
  "aci.parameters_unreadable": "Paramètres : saisie illisible.",
  "aci.unknown_parameter": "Paramètre inconnu : {parameter}.",
  "aci.parameter_locked": "{label} : cette valeur est confirmée par les sources et n’est pas modifiable.",
  "aci.parameter_range": "{label} : saisissez un nombre entre 0 et {max}.",
  "aci.missing_prerequisite": "Prérequis non rempli : {criteria}. Sans ses prérequis, la MSP ne perçoit aucune rémunération au titre de l’ACI.",
  "aci.missing_socle": "Critère socle non rempli : {criteria}. Il est attendu de toute MSP signataire ; le simulateur ne lui attribue aucun point.",
  "aci.precarity_capped": "La majoration liée à la précarité est plafonnée à {cap} %.",
  "compare.unknown_structure": "Type de structure non prévu : choisissez MSP, centre de santé ou CPTS.",
  "compare.unknown_question": "Question inconnue : « {question} ».",
  "compare.not_asked": "Cette question n’a pas été posée aux {who}.",
  "compare.unreadable_multiple": "Réponse illisible : cochez une ou plusieurs réponses.",
  "compare.unreadable_single": "Réponse illisible : choisissez une réponse.",
  "compare.unanswered_multiple": "Cochez au moins une réponse avant de comparer.",
  "compare.unanswered_single": "Choisissez une réponse avant de comparer.",
  "compare.unknown_answer": "Réponse non prévue : « {answer} ». Réponses possibles : {allowed}.",
  "compare.duplicate": "Une même réponse est cochée deux fois.",
  "compare.exclusive": "« {label} » ne peut pas être coché avec une autre réponse."
};
function message(key, params = {}) {
  const text = (
    /** @type {Record<string, string>} */
    MESSAGES[key]
  );
  if (text === void 0) throw new Error(`unknown message key: ${key}`);
  return text.replace(/\{([a-z_]+)\}/g, (all, name) => name in params ? String(params[name]) : all);
}

// widgets/static/numbers.js
var NBSP = " ";
function isBlank(raw) {
  return raw === null || raw === void 0 || raw === "" || typeof raw === "boolean";
}
function parseNumber(raw) {
  if (typeof raw === "boolean" || raw === null || raw === void 0) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const text = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".").replace(/%+$/, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return parseFloat(text);
}
function roundHalfUp(value, decimals = 0) {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 0.5) / factor;
}
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
function fmtEuros(value, decimals = 0) {
  return `${fmtNumber(value, decimals, decimals)}${NBSP}€`;
}
function readNumber(raw, spec, field, errors) {
  const label = spec.short_label;
  const value = isBlank(raw) ? null : parseNumber(raw);
  if (value === null) {
    const example = spec.default !== void 0 ? fmtNumber(spec.default) : "1";
    errors.push({ field, message: message("simulator.not_a_number", { label, example }) });
    return null;
  }
  if (spec.integer && !Number.isInteger(value)) {
    errors.push({ field, message: message("simulator.not_an_integer", { label }) });
    return null;
  }
  if (value < spec.min || value > spec.max) {
    errors.push({
      field,
      message: message("simulator.out_of_range", {
        label,
        min: fmtNumber(spec.min),
        max: fmtNumber(spec.max),
        unit: spec.unit
      })
    });
    return null;
  }
  return value;
}

// widgets/static/cpts_logic.js
var POPULATION_SPEC = { short_label: "Population", unit: "habitants", integer: true };
function computeCpts(rules, inputs) {
  const errors = [];
  if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) {
    return { ok: false, status: "error", errors: [{ field: "inputs", message: message("simulator.unreadable") }] };
  }
  const spec = { ...rules.population, ...POPULATION_SPEC };
  const pop = readNumber(inputs.population, spec, "population", errors);
  if (errors.length) return { ok: false, status: "error", errors };
  const band = rules.bands.find(
    (b) => pop >= b.min_population && (b.max_population === null || pop <= b.max_population)
  );
  const before = band.fonctionnement_2019.value;
  const after = band.fonctionnement_avenant2.value;
  return {
    ok: true,
    status: "ok",
    population: pop,
    band: band.id,
    band_label: band.label,
    range_label: band.range_label,
    before,
    after,
    increase: after - before,
    rate: rules.increase.rate,
    per_inhabitant_before: roundHalfUp(before / pop, 2),
    per_inhabitant_after: roundHalfUp(after / pop, 2)
  };
}

// widgets/static/dom.js
var URL_RE = /(?:https?|ftp|mailto|file):\S+|www\.\S+|\b[\w.-]+@[\w-]+\.\w+/g;
var LETTER = "A-Za-zÀ-ÖØ-öø-ÿœŒ";
var SUPERSCRIPT = { e: "ᵉ", r: "ʳ", s: "ˢ" };
var RULES = [
  [/«[ \t\u202f]*(?=\S)/g, "« "],
  [/(?<=\S)[ \t\u202f]*»/g, " »"],
  [/[ \t]+:(?=\s|$|[»)\]"'’,.])/g, " :"],
  [/[ \t]+([;!?])/g, " $1"],
  [/(?<=\d)[ \t]+(?=(?:[kM]?€|%))/g, " "],
  [/(?<=\d) (?=\d{3}(?!\d))/g, " "],
  [
    /(?<=\d)[ \t]+(?=(?:min|h|ms|ans?|heures?|jours?|mois|semaines?|minutes?|secondes?|s|km|kg|Ko|Mo|Go|Kio|Mio|Gio|px)\b(?!['’-]))/g,
    " "
  ],
  [/\b1(er|re|ers|res)\b/g, (_, end) => `1${end.replace(/[ers]/g, (c) => SUPERSCRIPT[c])}`],
  [new RegExp(`(?<=[${LETTER}])'(?=[${LETTER}0-9*_«{\\[])`, "g"), "’"]
];
function fixPart(text) {
  return RULES.reduce((t, [re, by]) => t.replace(re, by), text);
}
function frenchText(text) {
  if (typeof text !== "string" || !text) return text;
  let out = "", last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += fixPart(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fixPart(text.slice(last));
}
function h(tag, attrs = {}, ...children) {
  const node2 = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === void 0 || v === false) continue;
    if (k === "class") node2.className = v;
    else if (k.startsWith("on") && typeof v === "function") node2.addEventListener(k.slice(2), v);
    else node2.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === void 0) continue;
    node2.append(typeof child === "string" ? document.createTextNode(frenchText(child)) : child);
  }
  return node2;
}
function injectStyle(id, css) {
  if (typeof document === "undefined" || document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}
function scrollHint(box, text = "Faites défiler le graphique vers la droite →") {
  const hint = h("p", { class: "pacte-scroll-hint", "aria-hidden": "true", hidden: true }, text);
  const update = () => {
    const over = box.scrollWidth > box.clientWidth + 1;
    hint.hidden = !over;
    if (over) box.dataset.overflowing = "true";
    else delete box.dataset.overflowing;
  };
  if (typeof ResizeObserver === "function") new ResizeObserver(update).observe(box);
  return { hint, update };
}

// widgets/static/host.js
function mirrorKernelResult(model, show) {
  const update = () => show(model.get("kernel_result") || {});
  model.on("change:kernel_result", update);
  update();
  return () => model.off("change:kernel_result", update);
}

// widgets/static/progress_logic.js
var RECORD_VERSION = 1;
var PREFIX = "pacte:v1:";
function recordKey(kind, ref) {
  return `${PREFIX}${kind}:${ref}`;
}
function pageKey(pathname) {
  let path = String(pathname || "").split(/[?#]/)[0];
  try {
    path = decodeURIComponent(path);
  } catch {
  }
  const m = /^.*?(?:^|\/)(modules\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path) || /^.*(?:^|\/)(book\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path);
  if (m) return m[1];
  if (/(?:^|\/)(index\.html)?$/.test(path)) return "book/intro";
  return path.replace(/^\/+/, "").replace(/\.(html|ipynb)$/, "");
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value === void 0 ? null : value);
}
function hashString(text) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
function fingerprint(definition) {
  return hashString(canonical(definition ?? null));
}
function isEmptyValue(v) {
  if (v === null || v === void 0 || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.values(v).every(isEmptyValue);
  return false;
}
function isEmptyAnswers(answers) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return true;
  return Object.values(answers).every(isEmptyValue);
}
function migrateAnswers(answers, shape) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { answers: {}, dropped: 0 };
  if (!shape) return { answers: { ...answers }, dropped: 0 };
  const out = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(answers)) {
    if (!Object.hasOwn(shape, key)) {
      dropped += 1;
      continue;
    }
    const allowed = shape[key];
    if (!allowed) {
      out[key] = value;
      continue;
    }
    if (Array.isArray(value) ? value.every((x) => allowed.includes(x)) : allowed.includes(value)) {
      out[key] = value;
    } else {
      dropped += 1;
    }
  }
  return { answers: out, dropped };
}
function isRecord(rec) {
  return !!rec && typeof rec === "object" && !Array.isArray(rec) && rec.v === RECORD_VERSION && typeof rec.kind === "string" && /^[a-z_]+$/.test(rec.kind) && typeof rec.ref === "string" && typeof rec.updated === "string" && !Number.isNaN(Date.parse(rec.updated)) && !!rec.answers && typeof rec.answers === "object" && !Array.isArray(rec.answers) && (rec.summary === void 0 || typeof rec.summary === "object" && rec.summary !== null);
}
function parseRecord(text) {
  if (!text) return null;
  try {
    const rec = JSON.parse(text);
    return isRecord(rec) ? rec : null;
  } catch {
    return null;
  }
}
function restoreAnswers(rec, print, shape) {
  if (!rec) return { answers: {}, dropped: 0, changed: false };
  const { answers, dropped } = migrateAnswers(rec.answers, shape);
  return { answers, dropped, changed: rec.fingerprint !== print };
}
function makeRecord(o) {
  const rec = {
    v: RECORD_VERSION,
    kind: o.kind,
    ref: o.ref,
    page: o.page,
    title: o.title || "",
    fingerprint: o.fingerprint,
    answers: o.answers,
    summary: o.summary || {},
    updated: o.now
  };
  if (o.dropped) rec.dropped = o.dropped;
  return rec;
}

// widgets/static/progress.js
var lmsStore = null;
function progressStorage() {
  if (lmsStore) return lmsStore;
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
function currentPage() {
  const lab = jupyterLabConfig();
  if (lab && lab.treePath) return pageKey(lab.treePath);
  return pageKey(globalThis.location ? globalThis.location.pathname : "");
}
function notifyProgress() {
  if (typeof document !== "undefined") document.dispatchEvent(new CustomEvent("pacte:progress"));
}
function safeSummary(summarize, answers) {
  if (!summarize) return {};
  try {
    return summarize(answers) || {};
  } catch {
    return {};
  }
}
function remember(model, options) {
  const {
    kind,
    ref,
    title = "",
    shape = null,
    definition = null,
    trait = "answers",
    summarize = null,
    migrate = null,
    overDefaults = false
  } = options;
  const page = currentPage();
  const key = recordKey(kind, `${ref}@${page}`);
  const print = fingerprint(shape || definition);
  const store = progressStorage();
  const handle = {
    key,
    restored: false,
    dropped: 0,
    forget: () => {
      if (store) store.removeItem(key);
      notifyProgress();
    }
  };
  if (!store) return handle;
  let droppedTotal = 0;
  const save = () => {
    try {
      const answers = model.get(trait) || {};
      if (isEmptyAnswers(answers)) {
        store.removeItem(key);
      } else {
        const rec = makeRecord({
          kind,
          ref: `${ref}@${page}`,
          page,
          title,
          fingerprint: print,
          answers,
          summary: safeSummary(summarize, answers),
          now: (/* @__PURE__ */ new Date()).toISOString(),
          dropped: droppedTotal
        });
        store.setItem(key, JSON.stringify(rec));
      }
      notifyProgress();
    } catch (err) {
      console.warn("pacte progress: not saved", err);
    }
  };
  try {
    const stored = parseRecord(store.getItem(key));
    if (stored) {
      let { answers, dropped, changed } = restoreAnswers(stored, print, shape);
      if (migrate) {
        const m = migrate(answers);
        answers = m.answers;
        dropped += m.dropped;
      }
      handle.dropped = dropped;
      droppedTotal = dropped + (Number.isInteger(stored.dropped) ? stored.dropped : 0);
      if (!isEmptyAnswers(answers) && (overDefaults || isEmptyAnswers(model.get(trait)))) {
        model.set(trait, answers);
        model.save_changes();
        handle.restored = true;
      }
      if (changed || dropped) save();
    }
  } catch (err) {
    console.warn("pacte progress: stored answers ignored", err);
  }
  model.on(`change:${trait}`, save);
  return handle;
}
function jupyterLabConfig() {
  const el = typeof document === "undefined" ? null : document.getElementById("jupyter-config-data");
  if (!el) return null;
  try {
    const config = JSON.parse(el.textContent || "{}");
    return config.appName === "JupyterLab" ? config : null;
  } catch {
    return null;
  }
}

// widgets/static/cpts_funding.js
var CPTS_STYLE_ID = "pacte-cpts-style";
var CPTS_CSS = `
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
var CPTS_SVG_NS = "http://www.w3.org/2000/svg";
function node(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === void 0 || v === false) continue;
    if (k === "class") n.className = v;
    else n.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === void 0) continue;
    n.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return n;
}
function svgNode(tag, attrs = {}, text) {
  const n = document.createElementNS(CPTS_SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== void 0) n.textContent = text;
  return n;
}
function kEuros(value) {
  return `${fmtNumber(value / 1e3)}${NBSP}k€`;
}
function drawBands(figure, rules, selected) {
  const width = 720, height = 250, left = 60, bottom = 50, top = 30, right = 20;
  const max = Math.max(...rules.bands.map((b) => b.fonctionnement_avenant2.value));
  const plotH = height - top - bottom;
  const groupW = (width - left - right) / rules.bands.length;
  const barW = Math.min(60, groupW / 3);
  const titleId = `cpts-title-${Math.random().toString(36).slice(2, 8)}`;
  const descId = `${titleId}-desc`;
  const root = svgNode("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`
  });
  root.append(
    svgNode(
      "title",
      { id: titleId },
      "Financement annuel du fonctionnement des CPTS selon leur taille, avant et après l’avenant 2"
    )
  );
  root.append(
    svgNode(
      "desc",
      { id: descId },
      rules.bands.map(
        (b) => `${b.label} (${b.range_label}) : ${kEuros(b.fonctionnement_2019.value)} en 2019, ${kEuros(b.fonctionnement_avenant2.value)} après l’avenant 2`
      ).join(" ; ") + (selected ? `. Taille de votre CPTS : ${selected}.` : ".")
    )
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
    const mine = selected === b.id;
    const g = svgNode("g", { "aria-hidden": "true", "data-band": b.id, "data-selected": String(mine) });
    for (const [j, value, color] of [
      [0, b.fonctionnement_2019.value, "#6f93b0"],
      [1, b.fonctionnement_avenant2.value, "#1f5f8b"]
    ]) {
      const h2 = value / max * plotH;
      g.append(
        svgNode("rect", {
          x: (x0 + j * barW).toFixed(1),
          y: (top + plotH - h2).toFixed(1),
          width: (barW - 4).toFixed(1),
          height: h2.toFixed(1),
          fill: color,
          ...mine ? { stroke: "#1b2631", "stroke-width": 2 } : {}
        })
      );
      g.append(
        svgNode(
          "text",
          {
            x: (x0 + j * barW + barW / 2 - 2).toFixed(1),
            y: (top + plotH - h2 - 4).toFixed(1),
            "text-anchor": "middle",
            "font-size": 12
          },
          kEuros(value)
        )
      );
    }
    const label = svgNode(
      "text",
      {
        x: (x0 + barW).toFixed(1),
        y: top + plotH + 18,
        "text-anchor": "middle",
        "font-size": 13,
        "font-weight": selected === b.id ? 700 : 400
      },
      b.label
    );
    const short = b.min_population === 0 ? `< ${fmtNumber(b.max_population + 1)} hab.` : b.max_population === null ? `> ${fmtNumber(b.min_population - 1)} hab.` : `${fmtNumber(b.min_population)} – ${fmtNumber(b.max_population)}`;
    const range = svgNode(
      "text",
      { x: (x0 + barW).toFixed(1), y: top + plotH + 34, "text-anchor": "middle", "font-size": 12, fill: "#4a5560" },
      short
    );
    g.append(label, range);
    root.append(g);
  });
  figure.replaceChildren(root);
}
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
        label: r.ok ? `${fmtNumber(r.population)} habitants : ${fmtEuros(r.after)} par an` : "saisie à corriger"
      };
    }
  });
  const start = model.get("inputs") || {};
  const root = node("section", { class: "pacte-cpts", "aria-labelledby": `${base}-title` });
  root.append(node("h3", { id: `${base}-title` }, "Combien reçoit une CPTS pour fonctionner ?"));
  const pop = rules.population;
  const input = node("input", {
    id: `${base}-pop`,
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    value: String(start.population ?? pop.default),
    "aria-describedby": `${base}-unit ${base}-err`
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
          `habitants (de ${fmtNumber(pop.min)} à ${fmtNumber(pop.max)})`
        )
      ),
      err
    )
  );
  form.addEventListener("submit", (e) => e.preventDefault());
  const result = node("div", { class: "pacte-cpts-result" });
  const announce = node("p", { class: "pacte-sr-only", role: "status", "data-role": "announce" });
  const bandLine = node("p", {});
  const amountLine = node("p", { class: "pacte-cpts-amount" });
  const detailLine = node("p", {});
  const kernelLine = node("p", { class: "pacte-cpts-kernel" });
  result.append(bandLine, amountLine, detailLine, kernelLine);
  const figure = node("figure", {
    class: "pacte-cpts-chart",
    tabindex: "0",
    "aria-label": "Graphique du financement par taille de CPTS"
  });
  const keys = [
    .../* @__PURE__ */ new Set([
      pop.source,
      rules.increase.source,
      ...rules.bands.flatMap((b) => [b.fonctionnement_2019.source, b.fonctionnement_avenant2.source])
    ])
  ];
  const sources = node(
    "p",
    { class: "pacte-cpts-note" },
    "Sources : " + keys.map((k) => citations[k] || k).join(" ; ") + ". Seul le volet « fonctionnement » est représenté : les montants attachés à chaque mission ne sont pas confirmés par les sources du cours."
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
      bandLine.textContent = "Calcul impossible : corrigez la saisie.";
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
      ` (${r.range_label}).`
    );
    amountLine.replaceChildren(
      "Fonctionnement : ",
      node("strong", {}, fmtEuros(r.before)),
      " par an en 2019, ",
      node("strong", { "data-role": "amount" }, fmtEuros(r.after)),
      " après l’avenant 2."
    );
    detailLine.textContent = `Hausse de ${fmtEuros(r.increase)} (+${fmtNumber(r.rate * 100)}${NBSP}%), soit ${fmtEuros(r.per_inhabitant_before, 2)} puis ${fmtEuros(r.per_inhabitant_after, 2)} par habitant et par an.`;
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
      announce.textContent = r.ok ? `${r.band_label} : ${fmtEuros(r.after)} par an après l’avenant 2.` : `Calcul impossible. ${r.errors.map((e) => e.message).join(" ")}`;
    }, 900);
  });
  const showKernel = (kr) => {
    if (!kr || kr.ok === void 0) return;
    root.dataset.kernelStatus = kr.status;
    root.dataset.kernelAmount = kr.ok ? String(kr.after) : "";
    kernelLine.textContent = kr.ok ? `Montant recalculé par le noyau Python : ${fmtEuros(kr.after)} (${kr.band_label}).` : `Le noyau Python a refusé la saisie : ${kr.errors.map((e) => e.message).join(" ")}`;
  };
  show(computeCpts(rules, { population: input.value }));
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var cpts_funding_default = { render };
export {
  cpts_funding_default as default
};
