// GENERATED from widgets/static/week.js by js/build-bundles.mjs (npm run bundles): do not edit.

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
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === void 0 || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === void 0) continue;
    node.append(typeof child === "string" ? document.createTextNode(frenchText(child)) : child);
  }
  return node;
}
function injectStyle(id, css) {
  if (typeof document === "undefined" || document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  document.head.append(style);
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

// widgets/static/week_logic.js
function round2(x) {
  return roundHalfUp(x, 2);
}
function frenchNumber(x) {
  return fmtNumber(round2(x), 2);
}
function shareOf(hours, total) {
  return total > 0 ? Math.floor(1e3 * hours / total + 0.5) / 10 : 0;
}
function invalid(field, message2) {
  return { status: "invalid", field, message: message2 };
}
function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
function summarizeWeek(spec, answers) {
  if (answers === null || answers === void 0) answers = {};
  if (!isObject(answers)) return invalid("answers", "Réponses illisibles : un objet {structure, hours} est attendu.");
  const structure = answers.structure ?? null;
  if (structure !== null && structure !== "" && !spec.structures.some((s) => s.id === structure)) {
    return invalid("structure", message("compare.unknown_structure"));
  }
  const hours = answers.hours ?? {};
  if (!isObject(hours)) return invalid("hours", "Heures illisibles : un nombre par activité est attendu.");
  const known = new Map(spec.activities.map((a) => [a.id, a]));
  for (const key of Object.keys(hours).sort()) {
    if (!known.has(key)) return invalid(`hours.${key}`, `Activité inconnue : « ${key} ».`);
  }
  const values = {};
  for (const a of spec.activities) {
    const raw = Object.hasOwn(hours, a.id) ? hours[a.id] : null;
    const field = `hours.${a.id}`;
    if (raw === null || raw === void 0) {
      values[a.id] = 0;
      continue;
    }
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      return invalid(field, `« ${a.label} » : saisissez un nombre d’heures (par exemple 2,5).`);
    }
    if (raw < 0) return invalid(field, `« ${a.label} » : le temps ne peut pas être négatif.`);
    if (raw > spec.max_hours_activity) {
      return invalid(field, `« ${a.label} » : ${frenchNumber(spec.max_hours_activity)} heures au plus par activité.`);
    }
    values[a.id] = round2(raw);
  }
  let total = 0;
  for (const a of spec.activities) total += values[a.id];
  total = round2(total);
  if (total === 0) {
    return {
      status: "empty",
      field: "hours",
      message: "Indiquez au moins une demi-heure pour une activité avant de voir votre semaine."
    };
  }
  if (total > spec.max_total_hours) {
    return invalid(
      "hours",
      `Votre semaine compte ${frenchNumber(total)} heures, plus que les ${frenchNumber(spec.max_total_hours)} heures prévues : vérifiez vos saisies.`
    );
  }
  const blocks = spec.blocks.map((b) => {
    let h2 = 0;
    for (const a of spec.activities) if (a.block === b.id) h2 += values[a.id];
    h2 = round2(h2);
    return { id: b.id, label: b.label, hours: h2, share: shareOf(h2, total) };
  });
  const activities = spec.activities.map((a) => ({
    id: a.id,
    block: a.block,
    label: a.label,
    hours: values[a.id],
    share: shareOf(values[a.id], total)
  }));
  let top = blocks[0];
  for (const b of blocks) if (b.hours > top.hours) top = b;
  const empty = blocks.filter((b) => b.hours === 0).map((b) => b.id);
  const sentences = [
    `Votre semaine de coordination compte ${frenchNumber(total)} heure${total >= 2 ? "s" : ""}.`,
    `Le bloc « ${top.label} » en occupe la plus grande part (${frenchNumber(top.share)} %).`
  ];
  if (empty.length) {
    const names = blocks.filter((b) => b.hours === 0).map((b) => `« ${b.label} »`).join(", ");
    sentences.push(
      empty.length > 1 ? `Aucun temps pour ces blocs que décrivent les sources : ${names}. Est-ce un choix, une tâche assurée par d’autres ou un travail invisible ?` : `Aucun temps pour ce bloc que décrivent les sources : ${names}. Est-ce un choix, une tâche assurée par d’autres ou un travail invisible ?`
    );
  }
  const notes = structure ? spec.structures.find((s) => s.id === structure).notes.map((n) => n.text) : [];
  return { status: "ok", structure, total, blocks, activities, top: top.id, empty, sentences, notes };
}
function csvField(text) {
  const s = String(text);
  return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function weekCsv(spec, result) {
  const blockLabel = new Map(spec.blocks.map((b) => [b.id, b.label]));
  const lines = [["Bloc", "Activité", "Heures par semaine", "Part de la semaine (%)"]];
  for (const a of result.activities)
    lines.push([blockLabel.get(a.block), a.label, frenchNumber(a.hours), frenchNumber(a.share)]);
  for (const b of result.blocks) lines.push([b.label, "Total du bloc", frenchNumber(b.hours), frenchNumber(b.share)]);
  lines.push(["Total", "", frenchNumber(result.total), "100"]);
  return `${lines.map((row) => row.map(csvField).join(";")).join("\r\n")}\r
`;
}

// widgets/static/week.js
var STYLE_ID = "pacte-week-style";
var CSS = `
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
var FILE = "ma-semaine-de-coordination";
function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4e3);
}
function parseHours(text) {
  const t = String(text ?? "").trim().replace(/\s/g, "").replace(",", ".");
  if (t === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}
function drawWeek(spec, result, scale = 2) {
  const width = 760, rowH = 34, top = 70, left = 300;
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
    52
  );
  const max = Math.max(...result.blocks.map((b) => b.share), 1);
  result.blocks.forEach((b, i) => {
    const y = top + i * rowH;
    ctx.fillStyle = "#1b2631";
    ctx.font = "13px sans-serif";
    ctx.fillText(b.label, 16, y + 18, left - 24);
    const w = (width - left - 120) * b.share / max;
    ctx.fillStyle = "#1f5f8b";
    ctx.fillRect(left, y + 6, Math.max(w, 1), 18);
    ctx.fillStyle = "#1b2631";
    ctx.fillText(
      `${frenchNumber(b.hours)} h (${frenchNumber(b.share)} %)`,
      left + Math.max(w, 1) + 8,
      y + 19
    );
  });
  ctx.fillStyle = "#4a5560";
  ctx.font = "11px sans-serif";
  ctx.fillText("Blocs d’activités : Schweyer, 2025 ; Fournier, 2021. Cours PACTE soins primaires.", 16, height - 20);
  return canvas;
}
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const spec = model.get("spec");
  remember(model, {
    kind: "week",
    ref: spec.id || "semaine",
    title: spec.title,
    definition: [spec.structures.map((x) => x.id), spec.activities.map((a) => a.id)],
    migrate: (a) => {
      const hours = Object.fromEntries(
        Object.entries(a.hours || {}).filter(([k]) => spec.activities.some((x) => x.id === k))
      );
      const structure = spec.structures.some((x) => x.id === a.structure) ? a.structure : null;
      return {
        answers: { ...a, structure, hours },
        dropped: Object.keys(a.hours || {}).length - Object.keys(hours).length + (a.structure && !structure ? 1 : 0)
      };
    },
    summarize: (a) => {
      const r = summarizeWeek(spec, a);
      return {
        complete: r.status === "ok",
        label: r.status === "ok" ? `${frenchNumber(r.total)} h réparties` : "semaine à compléter"
      };
    }
  });
  const uid = Math.random().toString(36).slice(2, 8);
  let answers = { structure: null, hours: {}, ...model.get("answers") || {} };
  let current = null;
  const root = h("section", { class: "pacte-week", "aria-label": spec.title });
  root.append(h("h3", {}, spec.title), h("p", {}, spec.instructions));
  const form = h("form", { class: "pacte-week-form", novalidate: "" });
  const structureSet = h(
    "fieldset",
    {},
    h("legend", {}, "Votre type de structure (facultatif, pour comparer avec l’enquête)")
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
        h("label", { for: id }, s.label)
      )
    );
  }
  structureSet.append(structureBox);
  form.append(structureSet);
  const inputs = /* @__PURE__ */ new Map();
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
        placeholder: "0"
      });
      const value = (answers.hours || {})[a.id];
      if (typeof value === "number") input.value = frenchNumber(value);
      inputs.set(a.id, input);
      fs.append(
        h("div", { class: "pacte-week-row" }, h("label", { for: id }, a.label), h("span", {}, input, " h"))
      );
    }
    form.append(fs);
  }
  const message2 = h("p", { class: "pacte-week-message", role: "alert" });
  const submit = h("button", { type: "submit", class: "pacte-button" }, "Voir ma semaine");
  form.append(submit, message2);
  const result = h("div", { class: "pacte-week-result", "aria-live": "polite" });
  const csvButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "csv", disabled: true },
    "Télécharger ma semaine (CSV)"
  );
  const pngButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "png", disabled: true },
    "Télécharger l’image (PNG)"
  );
  const actions = h("div", { class: "pacte-week-actions" }, csvButton, pngButton);
  const cites = Object.values(spec.citations || {}).join(" ; ");
  root.append(form, result, actions, h("p", { class: "pacte-week-source" }, `Sources : ${cites}.`));
  const readForm = () => {
    const hours = {};
    for (const [id, input] of inputs) {
      const v = parseHours(input.value);
      if (v !== null) hours[id] = Number.isNaN(v) ? input.value : v;
    }
    const picked = (
      /** @type {HTMLInputElement | null} */
      structureSet.querySelector("input:checked")
    );
    return { structure: picked ? picked.value : null, hours };
  };
  const show = (r) => {
    current = r;
    result.replaceChildren();
    root.dataset.status = r.status;
    csvButton.disabled = pngButton.disabled = r.status !== "ok";
    for (const input of inputs.values()) input.removeAttribute("aria-invalid");
    if (r.status !== "ok") {
      message2.textContent = r.message;
      const id = (r.field || "").startsWith("hours.") ? r.field.slice(6) : null;
      if (id && inputs.has(id)) {
        inputs.get(id).setAttribute("aria-invalid", "true");
        inputs.get(id).focus();
      }
      return;
    }
    message2.textContent = "";
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
              `${frenchNumber(b.hours)} h (${frenchNumber(b.share)} %)`
            )
          )
        ),
        h(
          "td",
          { class: "pacte-week-reported" },
          block.reported,
          " ",
          h("span", { class: "pacte-week-note" }, `(${(spec.citations || {})[block.source.ref] || block.source.ref})`)
        )
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
            h("th", { scope: "col" }, "Ce qu’en disent les sources")
          )
        ),
        h("tbody", {}, rows)
      ),
      ...r.notes.map((n) => h("p", { class: "pacte-week-note" }, n)),
      ...spec.references.map((n) => h("p", { class: "pacte-week-note" }, n.text))
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
    saveBlob(new Blob([`\uFEFF${weekCsv(spec, current)}`], { type: "text/csv;charset=utf-8" }), `${FILE}.csv`);
  });
  pngButton.addEventListener("click", () => {
    if (!current || current.status !== "ok") return;
    drawWeek(spec, current).toBlob((blob) => {
      if (blob) saveBlob(blob, `${FILE}.png`);
      else message2.textContent = "L’image n’a pas pu être créée : téléchargez le CSV.";
    }, "image/png");
  });
  const showKernel = (kr) => {
    if (!kr.status) return;
    root.dataset.kernelResult = kr.status === "ok" ? `${kr.status}:${kr.total}:${kr.top}` : kr.status;
  };
  if (answers.structure) {
    const input = (
      /** @type {HTMLInputElement | null} */
      structureSet.querySelector(`input[value="${answers.structure}"]`)
    );
    if (input) input.checked = true;
  }
  if (Object.keys(answers.hours || {}).length) show(summarizeWeek(spec, answers));
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var week_default = { render };
export {
  week_default as default
};
