// GENERATED from widgets/static/diagnosis.js by js/build-bundles.mjs (npm run bundles): do not edit.

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

// widgets/static/diagnosis_logic.js
var COMPLETE = "complete";
var INCOMPLETE = "incomplete";
var EMPTY = "empty";
var INVALID = "invalid";
function round2(x) {
  return roundHalfUp(x, 2);
}
function frenchDecimal(x) {
  return fmtNumber(round2(x), 2);
}
function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
function parseRating(raw, scale) {
  let value = null;
  if (typeof raw === "number" && Number.isInteger(raw)) value = raw;
  else if (typeof raw === "string" && /^[0-9]+$/.test(raw.trim())) value = parseInt(raw.trim(), 10);
  if (value === null || value < scale.min || value > scale.max) return null;
  return value;
}
function levelOf(grid, score) {
  if (score === null || score === void 0) return null;
  const levels = grid.levels;
  for (let i = 0; i < levels.length; i++) {
    const lv = levels[i];
    const last = i === levels.length - 1;
    if (score >= lv.min && (score < lv.max || last && score <= lv.max)) return lv.id;
  }
  return null;
}
function plural(n, word) {
  return `${n} ${word}${n > 1 ? "s" : ""}`;
}
function describe(raw) {
  if (typeof raw === "string") return `« ${raw} »`;
  try {
    return JSON.stringify(raw);
  } catch {
    return String(raw);
  }
}
function evaluateDiagnosis(grid, answers) {
  const statements = grid.statements;
  const scale = grid.scale;
  const total = statements.length;
  const errors = [];
  const valid = /* @__PURE__ */ Object.create(null);
  if (answers === null || answers === void 0) answers = {};
  if (!isObject(answers)) {
    errors.push("Réponses illisibles : un dictionnaire {affirmation: valeur} est attendu.");
    answers = {};
  }
  const known = new Map(statements.map((s) => [s.id, s]));
  for (const key of Object.keys(answers).sort()) {
    const raw = answers[key];
    if (!known.has(key)) {
      errors.push(`Affirmation inconnue : « ${key} ».`);
      continue;
    }
    if (raw === null || raw === void 0 || raw === "") continue;
    const value = parseRating(raw, scale);
    if (value === null) {
      errors.push(
        `Valeur hors échelle pour l'affirmation « ${key} » : ${describe(raw)} (attendu : un nombre entier de ${scale.min} à ${scale.max}).`
      );
      continue;
    }
    valid[key] = value;
  }
  const missing = statements.filter((s) => !(s.id in valid)).map((s) => s.id);
  const answered = total - missing.length;
  const group = (key, id) => {
    const members = statements.filter((s) => s[key] === id);
    const values = members.filter((s) => s.id in valid).map((s) => valid[s.id]);
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    return { answered: values.length, total: members.length, mean };
  };
  const dimensions = grid.dimensions.map((d) => {
    const g = group("dimension", d.id);
    const complete = g.answered === g.total;
    return {
      id: d.id,
      answered: g.answered,
      total: g.total,
      complete,
      mean: g.mean === null ? null : round2(g.mean),
      level: complete ? levelOf(grid, g.mean) : null
    };
  });
  const resources = (grid.resource_types || []).map((r) => {
    const g = group("resource", r.id);
    return { id: r.id, answered: g.answered, total: g.total, mean: g.mean === null ? null : round2(g.mean) };
  });
  let status;
  let message2;
  if (errors.length) {
    status = INVALID;
    message2 = `${plural(errors.length, "réponse")} à corriger : ${errors.join(" ")}`;
  } else if (answered === 0) {
    status = EMPTY;
    message2 = "Répondez aux affirmations pour voir votre profil.";
  } else if (missing.length) {
    status = INCOMPLETE;
    message2 = `Encore ${plural(missing.length, "affirmation")} sans réponse : le profil est provisoire.`;
  } else {
    status = COMPLETE;
    message2 = `Profil complet : ${answered} affirmations sur ${total}.`;
  }
  return { status, message: message2, answered, total, missing, errors, dimensions, resources };
}
function csvCell(value) {
  const text = value === null || value === void 0 ? "" : String(value);
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function diagnosisCsv(grid, answers, result) {
  const dims = new Map(grid.dimensions.map((d) => [d.id, d]));
  const levels = new Map(grid.levels.map((l) => [l.id, l]));
  const labels = new Map(grid.scale.labels.map((l) => [l.value, l.label]));
  const rows = [["Section", "Dimension", "Identifiant", "Libellé", "Réponse", "Valeur"]];
  for (const s of grid.statements) {
    const raw = answers && Object.hasOwn(answers, s.id) ? answers[s.id] : null;
    const value = parseRating(raw, grid.scale);
    rows.push([
      "Affirmation",
      dims.get(s.dimension).short_label,
      s.id,
      s.text,
      value === null ? "" : labels.get(value) || "",
      value === null ? "" : String(value)
    ]);
  }
  for (const d of result.dimensions) {
    const dim = dims.get(d.id);
    const level = d.level ? levels.get(d.level).label : d.answered ? "Provisoire" : "Sans réponse";
    rows.push(["Dimension", dim.short_label, d.id, dim.label, level, d.mean === null ? "" : frenchDecimal(d.mean)]);
  }
  const rtypes = new Map((grid.resource_types || []).map((r) => [r.id, r]));
  for (const r of result.resources) {
    rows.push([
      "Ressources",
      "",
      r.id,
      rtypes.get(r.id).label,
      `${r.answered}/${r.total}`,
      r.mean === null ? "" : frenchDecimal(r.mean)
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r
`;
}
function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function diagnosisSvg(grid, result, options = {}) {
  const width = options.width || 640;
  const rowH = 56;
  const left = 150;
  const right = 130;
  const top = 54;
  const plotW = width - left - right;
  const height = top + rowH * grid.dimensions.length + 46;
  const { min, max } = grid.scale;
  const x = (v) => left + (v - min) / (max - min) * plotW;
  const font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif";
  const levelColor = new Map(grid.levels.map((l) => [l.id, l.color || "#1f5f8b"]));
  const levelLabel = new Map(grid.levels.map((l) => [l.id, l.label]));
  const title = options.title || grid.title;
  const sfx = options.idSuffix ? `-${options.idSuffix}` : "";
  const parts = [];
  const desc = result.dimensions.map((d) => {
    const dim = grid.dimensions.find((g) => g.id === d.id);
    if (d.mean === null) return `${dim.short_label} : sans réponse`;
    const lv = d.level ? levelLabel.get(d.level) : "provisoire";
    return `${dim.short_label} : ${frenchDecimal(d.mean)} sur ${max} (${lv})`;
  }).join(" ; ");
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="pacte-diag-title${sfx} pacte-diag-desc${sfx}">`
  );
  parts.push(`<title id="pacte-diag-title${sfx}">${esc(title)}</title>`);
  const scaleWord = (v, fallback) => {
    const lab = grid.scale.labels.find((l) => l.value === v);
    return lab ? lab.label.charAt(0).toLowerCase() + lab.label.slice(1) : fallback;
  };
  parts.push(
    `<desc id="pacte-diag-desc${sfx}">Score moyen de chaque dimension, de ${min} (${esc(scaleWord(min, "pas du tout"))}) à ${max} (${esc(scaleWord(max, "tout à fait"))}). ${esc(desc)}.</desc>`
  );
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="12" y="24" style="${font};font-size:15px;font-weight:600" fill="#1b2631">${esc(title)}</text>`);
  for (const lv of grid.levels) {
    const x0 = x(lv.min);
    const x1 = x(lv.max);
    parts.push(
      `<rect x="${x0.toFixed(1)}" y="${top - 8}" width="${(x1 - x0).toFixed(1)}" height="${rowH * grid.dimensions.length}" fill="${lv.color || "#999999"}" fill-opacity="0.08"/>`
    );
    parts.push(
      `<text x="${((x0 + x1) / 2).toFixed(1)}" y="${top - 14}" text-anchor="middle" style="${font};font-size:11px" fill="#4a5560">${esc(lv.label)}</text>`
    );
  }
  for (let v = min; v <= max; v++) {
    const xv = x(v).toFixed(1);
    parts.push(
      `<line x1="${xv}" x2="${xv}" y1="${top - 8}" y2="${top - 8 + rowH * grid.dimensions.length}" stroke="#c9d3dd" stroke-width="1"/>`
    );
    const lab = grid.scale.labels.find((l) => l.value === v);
    parts.push(
      `<text x="${xv}" y="${top + rowH * grid.dimensions.length + 8}" text-anchor="middle" style="${font};font-size:11px" fill="#4a5560">${v}</text>`
    );
    if (lab)
      parts.push(
        `<text x="${xv}" y="${top + rowH * grid.dimensions.length + 22}" text-anchor="middle" style="${font};font-size:10px" fill="#4a5560">${esc(lab.label)}</text>`
      );
  }
  result.dimensions.forEach((d, i) => {
    const dim = grid.dimensions.find((g) => g.id === d.id);
    const y = top + i * rowH;
    parts.push(
      `<text x="${left - 10}" y="${y + 24}" text-anchor="end" style="${font};font-size:13px;font-weight:600" fill="#1b2631">${esc(dim.short_label)}</text>`
    );
    parts.push(
      `<text x="${left - 10}" y="${y + 39}" text-anchor="end" style="${font};font-size:10px" fill="#4a5560">${d.answered}/${d.total} réponses</text>`
    );
    if (d.mean === null) {
      parts.push(
        `<text x="${left + 6}" y="${y + 29}" style="${font};font-size:12px;font-style:italic" fill="#4a5560">sans réponse</text>`
      );
      return;
    }
    const color = d.level ? levelColor.get(d.level) : "#7f8c99";
    const w = Math.max(2, x(d.mean) - left);
    const dash = d.complete ? "" : ` stroke="${color}" stroke-dasharray="4 3" fill-opacity="0.45"`;
    parts.push(
      `<rect class="pacte-diag-bar" data-dimension="${esc(d.id)}" x="${left}" y="${y + 12}" width="${w.toFixed(1)}" height="24" rx="3" fill="${color}"${dash}/>`
    );
    const lv = d.level ? levelLabel.get(d.level) : "provisoire";
    parts.push(
      `<text x="${(left + w + 6).toFixed(1)}" y="${y + 29}" style="${font};font-size:12px" fill="#1b2631">${frenchDecimal(d.mean)} (${esc(lv)})</text>`
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
function actionPlan(grid, answers) {
  if (!grid.action_plan) return [];
  const threshold = grid.action_plan.threshold;
  const labels = new Map(grid.scale.labels.map((l) => [l.value, l.label]));
  const out = [];
  grid.statements.forEach((s, index) => {
    const raw = answers && typeof answers === "object" && Object.hasOwn(answers, s.id) ? answers[s.id] : null;
    const value = parseRating(raw, grid.scale);
    if (value === null || value < threshold) return;
    out.push({
      id: s.id,
      text: s.text,
      dimension: s.dimension,
      value,
      label: labels.get(value) || "",
      levers: s.levers || [],
      index
    });
  });
  out.sort((a, b) => b.value - a.value || a.index - b.index);
  return out.map(({ index, ...rest }) => rest);
}
function actionPlanCsv(grid, answers) {
  const dims = new Map(grid.dimensions.map((d) => [d.id, d]));
  const rows = [["Famille", "Point à traiter", "Votre note", "Levier", "Source"]];
  for (const item of actionPlan(grid, answers)) {
    const family = dims.get(item.dimension).short_label;
    const note = `${item.value} (${item.label})`;
    if (!item.levers.length) rows.push([family, item.text, note, "", ""]);
    for (const lever of item.levers) {
      rows.push([family, item.text, note, lever.text, `${lever.source.ref}, ${lever.source.detail}`]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r
`;
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
function errorText(err) {
  return err instanceof Error ? err.message : String(err);
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
function mirrorKernelResult(model, show) {
  const update = () => show(model.get("kernel_result") || {});
  model.on("change:kernel_result", update);
  update();
  return () => model.off("change:kernel_result", update);
}

// widgets/static/live_kinds.js
var LIVE_KINDS = {
  "kinds": [
    "quiz",
    "survey",
    "text",
    "sorting",
    "diagnosis",
    "case",
    "ordering",
    "cpts_project",
    "profile",
    "wordcloud",
    "scale",
    "ranking",
    "room",
    "spot"
  ],
  "labels": {
    "quiz": "Quiz",
    "survey": "Salle et enquête",
    "text": "Question ouverte",
    "sorting": "Exercice de classement",
    "diagnosis": "Autodiagnostic",
    "case": "Cas pratique",
    "ordering": "Mise en ordre",
    "cpts_project": "Projet de CPTS",
    "profile": "Mon profil",
    "wordcloud": "Nuage de mots",
    "scale": "Échelle",
    "ranking": "Classement",
    "room": "Question de la salle",
    "spot": "Sur le vif"
  },
  "moderated": [
    "text",
    "wordcloud",
    "room"
  ]
};

// widgets/static/live_protocol.js
var KINDS = LIVE_KINDS.kinds;
var REF = /^[a-z0-9][a-z0-9_-]{0,63}$/;
var QUESTION = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
var MAX_TEXT_CHARS = 2e3;
var MAX_LIST_ITEMS = 64;
function validValue(value) {
  if (typeof value === "string") return value.length <= MAX_TEXT_CHARS;
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= 1e15;
  if (Array.isArray(value)) {
    return value.length > 0 && value.length <= MAX_LIST_ITEMS && value.every((v) => typeof v === "string" && v.length <= 64);
  }
  return false;
}
function activityId(kind, ref) {
  return `${kind}:${ref}`;
}
function splitActivity(activity) {
  const at = activity.indexOf(":");
  return at < 0 ? [activity, ""] : [activity.slice(0, at), activity.slice(at + 1)];
}
function liveAnswer(kind, ref, question, answer) {
  const item = { activity: activityId(kind, ref), question, answer };
  return isLiveAnswer(item) ? (
    /** @type {LiveAnswer} */
    item
  ) : null;
}
function isLiveAnswer(item) {
  if (!item || typeof item.activity !== "string" || typeof item.question !== "string") return false;
  if (!item.activity.includes(":")) return false;
  const [kind, ref] = splitActivity(item.activity);
  return KINDS.includes(kind) && REF.test(ref) && QUESTION.test(item.question) && validValue(item.answer);
}

// widgets/static/live_client.js
var KEY = "pacte-live-session";
function apiBase() {
  if (globalThis.PACTE_LIVE_API) return globalThis.PACTE_LIVE_API;
  const base = jupyterBaseUrl();
  return new URL(`${base}api/live/`, window.location.href).href;
}
function currentSession() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) || "null");
    return value && value.code && value.participant ? value : null;
  } catch {
    return null;
  }
}
function notify(type, detail) {
  document.dispatchEvent(new CustomEvent(`pacte:live-${type}`, { detail }));
}
async function post(path, body) {
  const response = await fetch(apiBase() + path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "omit"
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = { ok: false, error: "Réponse illisible du serveur." };
  }
  return { status: response.status, data };
}
function leaveSession() {
  localStorage.removeItem(KEY);
  globalThis.__pacteLiveStage = null;
  notify("left", {});
}
async function sendAnswer(activity, question, answer) {
  const session = currentSession();
  if (!session) return null;
  try {
    const { status, data } = await post("answer", {
      code: session.code,
      participant: session.participant,
      activity,
      question,
      answer
    });
    if (status === 403 || status === 404 || status === 410) leaveSession();
    if (status !== 201) {
      notify("error", { message: data.error || "Réponse non transmise.", status });
      return false;
    }
    notify("sent", { activity, question });
    return true;
  } catch {
    notify("error", { message: "Serveur de la séance injoignable : la réponse n’a pas été transmise." });
    return false;
  }
}
function installForwarder() {
  if (globalThis.__pacteLiveForwarder) return;
  globalThis.__pacteLiveForwarder = true;
  document.addEventListener("pacte:answer", (event) => {
    const item = (
      /** @type {CustomEvent} */
      event.detail
    );
    if (isLiveAnswer(item)) sendAnswer(item.activity, item.question, item.answer);
  });
}
function emitAnswer(el, kind, ref, question, answer) {
  installForwarder();
  const item = liveAnswer(kind, ref, question, answer);
  if (!item) {
    console.warn("pacte: answer with a wrong shape not sent", { kind, ref, question, answer });
    return;
  }
  el.dispatchEvent(new CustomEvent("pacte:answer", { bubbles: true, detail: item }));
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

// widgets/static/diagnosis.js
var DIAG_STYLE_ID = "pacte-diagnosis-style";
var DIAG_CSS = `
.pacte-diag { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-diag h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-diag-group { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .9rem .7rem; margin: 1rem 0; background: #fff; }
.pacte-diag-group > legend { font-weight: 700; font-size: 1.05rem; line-height: 1.4; padding: 0 .3rem; width: auto; float: none; }
.pacte-diag-groupdesc { font-size: .9rem; color: #4a5560; margin: .1rem 0 .4rem; }
.pacte-diag-statement { border: none; border-top: 1px solid #eef2f6; margin: 0; padding: .5rem 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: .3rem; }
.pacte-diag-statement > legend { float: left; width: 100%; padding: 0; font-weight: 500; font-size: 1rem; line-height: 1.45; margin-bottom: .2rem; }
.pacte-diag-options { clear: both; display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
.pacte-diag-option { display: inline-flex; align-items: center; gap: .3rem; font-size: .92rem; }
.pacte-diag-option input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-diag-tag { display: inline-block; font-size: .72rem; border-radius: 4px; padding: 0 .35rem; margin-left: .4rem; background: #eef2f6; color: #4a5560; vertical-align: middle; }
.pacte-diag-result { border-top: 2px solid #1f5f8b; margin-top: 1rem; padding-top: .6rem; }
.pacte-diag-status { font-weight: 600; }
.pacte-diag-status.pacte-invalid { color: #b23c00; border-left: 4px solid #b35c00; padding-left: .6rem; }
.pacte-diag-chart svg { max-width: 100%; height: auto; }
.pacte-diag-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: .8rem; margin: .8rem 0; align-items: start; }
.pacte-diag-card { background: #fff; border: 1px solid #dde3ea; border-left: 5px solid #7f8c99; border-radius: 6px; padding: .6rem .8rem; font-size: .92rem; }
.pacte-diag-card h4 { margin: 0 0 .3rem; font-size: 1rem; }
.pacte-diag-card p { margin: .3rem 0; }
.pacte-diag-level { display: inline-block; font-weight: 600; font-size: .85rem; padding: 0 .4rem; border-radius: 4px; color: #fff; background: #7f8c99; }
.pacte-diag-source { font-size: .8rem; color: #4a5560; }
.pacte-diag-resources { font-size: .92rem; }
.pacte-diag-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .8rem; }
.pacte-diag .pacte-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-diag .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-diag .pacte-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-diag-plan { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .9rem; margin: .8rem 0; font-size: .92rem; }
.pacte-diag-plan h4 { margin: 0 0 .3rem; font-size: 1rem; }
.pacte-diag-plan > ol > li { margin: .4rem 0; }
.pacte-diag-plan ul { margin: .2rem 0 .2rem 1.1rem; }
`;
function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4e3);
}
function svgToPngBlob(svgText, width, height, scale = 2) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => blob ? resolve(blob) : reject(new Error("conversion PNG impossible")), "image/png");
    };
    img.onerror = () => reject(new Error("image SVG illisible"));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}
function readableOn(hex) {
  const lum = (h2) => {
    const c = [1, 3, 5].map((i) => parseInt(h2.slice(i, i + 2), 16) / 255).map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return "#fff";
  return 1.05 / (lum(hex) + 0.05) >= 4.5 ? "#fff" : "#1b2631";
}
function legible(svgText) {
  return svgText.replace(/font-size:1[01]px/g, "font-size:12px");
}
function render({ model, el }) {
  injectStyle(DIAG_STYLE_ID, DIAG_CSS);
  const grid = model.get("grid");
  const uid = Math.random().toString(36).slice(2, 8);
  const dims = new Map(grid.dimensions.map((d) => [d.id, d]));
  const levels = new Map(grid.levels.map((l) => [l.id, l]));
  remember(model, {
    kind: "diagnosis",
    ref: grid.id,
    title: grid.title,
    shape: Object.fromEntries(grid.statements.map((st) => [st.id, grid.scale.labels.map((l) => l.value)])),
    summarize: (a) => {
      const r = evaluateDiagnosis(grid, a);
      return {
        done: r.answered,
        total: grid.statements.length,
        label: `${r.answered} affirmation${r.answered > 1 ? "s" : ""} sur ${grid.statements.length}`,
        details: r.dimensions.filter((d) => d.mean !== null).map((d) => ({
          label: dims.get(d.id).short_label,
          value: `${frenchDecimal(d.mean)} sur ${grid.scale.max}${d.complete && levels.get(d.level) ? ` (${levels.get(d.level).label})` : " (provisoire)"}`
        }))
      };
    }
  });
  const answers = { ...model.get("answers") || {} };
  const rtypes = new Map((grid.resource_types || []).map((r) => [r.id, r]));
  const cite = (src) => `${grid.citations && grid.citations[src.ref] || src.ref} — ${src.detail}`;
  const root = h("section", { class: "pacte-diag", "aria-label": `Autodiagnostic : ${grid.title}` });
  root.append(h("h3", {}, grid.title), h("p", {}, grid.instructions));
  const form = h("form", { class: "pacte-diag-form", novalidate: true, onsubmit: (e) => e.preventDefault() });
  let n = 0;
  for (const dim of grid.dimensions) {
    const group = h(
      "fieldset",
      { class: "pacte-diag-group", "data-dimension": dim.id },
      h("legend", {}, dim.label),
      h("p", { class: "pacte-diag-groupdesc" }, dim.description)
    );
    for (const st of grid.statements.filter((s) => s.dimension === dim.id)) {
      n += 1;
      const name = `diag-${uid}-${st.id}`;
      const rtype = st.resource ? rtypes.get(st.resource) : null;
      const legend = h(
        "legend",
        { id: `${name}-legend` },
        `${n}. ${st.text}`,
        rtype ? h(
          "span",
          { class: "pacte-diag-tag", title: rtype.description },
          rtype.label.replace(/^Ressources /, "ressource ").replace(/s$/, "")
        ) : null
      );
      const options = h("div", { class: "pacte-diag-options" });
      for (const lab of grid.scale.labels) {
        const id = `${name}-${lab.value}`;
        const input = h("input", { type: "radio", id, name, value: String(lab.value), "data-statement": st.id });
        if (parseRating(answers[st.id], grid.scale) === lab.value) input.checked = true;
        options.append(h("span", { class: "pacte-diag-option" }, input, h("label", { for: id }, lab.label)));
      }
      group.append(h("fieldset", { class: "pacte-diag-statement", "data-statement": st.id }, legend, options));
    }
    form.append(group);
  }
  root.append(form);
  const result = h("div", { class: "pacte-diag-result" });
  const status = h("p", { class: "pacte-diag-status", role: "status", "aria-live": "polite" });
  const chart = h("div", {
    class: "pacte-diag-chart",
    tabindex: "0",
    role: "group",
    "aria-label": "Graphique de vos scores (défilement horizontal sur un petit écran)"
  });
  const scroll = scrollHint(chart);
  const cards = h("div", { class: "pacte-diag-cards" });
  const resources = h("div", { class: "pacte-diag-resources" });
  const sourceLine = h("p", { class: "pacte-diag-source" }, "Source : ", cite(grid.source));
  const actions = h("div", { class: "pacte-diag-actions" });
  const stem = grid.file_stem || "autodiagnostic-coordination";
  const plan = grid.action_plan ? h("div", { class: "pacte-diag-plan" }) : null;
  result.append(
    ...[
      h("h4", {}, grid.result_title || "Votre profil de coordination"),
      status,
      chart,
      scroll.hint,
      cards,
      resources,
      plan,
      sourceLine,
      actions
    ].filter(Boolean)
  );
  root.append(result);
  let current = null;
  const planButton = grid.action_plan ? h(
    "button",
    { type: "button", class: "pacte-button", "data-download": "plan", disabled: true },
    "Télécharger mon plan d’action (CSV)"
  ) : null;
  const cardFor = (d) => {
    const dim = dims.get(d.id);
    const card = h("article", { class: "pacte-diag-card", "data-dimension": d.id, "data-level": d.level || "" });
    card.append(h("h4", {}, dim.short_label));
    if (!d.complete) {
      const left = d.total - d.answered;
      card.append(
        h(
          "p",
          {},
          `Répondez encore à ${left} affirmation${left > 1 ? "s" : ""} de cette dimension pour lire le commentaire.`
        )
      );
      if (d.mean !== null)
        card.append(
          h(
            "p",
            { class: "pacte-diag-source" },
            `Moyenne provisoire : ${frenchDecimal(d.mean)} sur ${grid.scale.max}.`
          )
        );
      return card;
    }
    const lv = levels.get(d.level);
    const fb = dim.feedback[d.level];
    card.style.borderLeftColor = lv.color || "#7f8c99";
    card.append(
      h(
        "p",
        {},
        h(
          "span",
          {
            class: "pacte-diag-level",
            style: `background:${lv.color || "#7f8c99"};color:${readableOn(lv.color || "#7f8c99")}`
          },
          lv.label
        ),
        ` ${frenchDecimal(d.mean)} sur ${grid.scale.max}`
      ),
      h("p", {}, fb.summary),
      h("p", {}, h("strong", {}, "Ce qui est solide : "), fb.strengths),
      h("p", {}, h("strong", {}, "À travailler : "), fb.to_work_on),
      h("p", {}, h("strong", {}, "Ressources à mobiliser : "), fb.resources),
      h("p", { class: "pacte-diag-source" }, "Source : ", cite(fb.source))
    );
    return card;
  };
  const update = () => {
    current = evaluateDiagnosis(grid, answers);
    status.textContent = current.message;
    status.className = `pacte-diag-status${current.status === INVALID ? " pacte-invalid" : ""}`;
    root.dataset.status = current.status;
    root.dataset.answered = String(current.answered);
    root.dataset.scores = current.dimensions.map((d) => `${d.id}:${d.mean === null ? "" : d.mean}`).join(",");
    chart.innerHTML = legible(diagnosisSvg(grid, current, { idSuffix: uid, title: "Score moyen par dimension" }));
    scroll.update();
    cards.replaceChildren(...current.dimensions.map(cardFor));
    const rs = current.resources.filter((r) => r.mean !== null);
    resources.replaceChildren();
    if (rs.length) {
      resources.append(
        h(
          "p",
          {},
          h("strong", {}, "Ressources génériques et spécifiques. "),
          "Parmi les affirmations marquées « ressource », votre moyenne est de ",
          rs.map(
            (r) => `${frenchDecimal(r.mean)} pour les ${rtypes.get(r.id).label.toLowerCase()} (${r.answered}/${r.total})`
          ).join(" et de "),
          ". Les ressources génériques s’acquièrent ; les spécifiques se construisent dans l’activité, avec du temps."
        )
      );
    }
    if (plan) {
      const items = actionPlan(grid, answers);
      root.dataset.plan = String(items.length);
      plan.replaceChildren(h("h4", {}, grid.action_plan.title), h("p", {}, grid.action_plan.intro));
      if (!items.length) plan.append(h("p", {}, grid.action_plan.empty));
      else
        plan.append(
          h(
            "ol",
            {},
            items.map(
              (it) => h(
                "li",
                { "data-statement": it.id },
                h("strong", {}, it.text),
                ` (${it.label})`,
                h(
                  "ul",
                  {},
                  it.levers.map(
                    (lv) => h("li", {}, lv.text, " ", h("span", { class: "pacte-diag-source" }, `(${cite(lv.source)})`))
                  )
                )
              )
            )
          )
        );
      if (planButton) planButton.disabled = !items.length;
    }
  };
  const push = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };
  form.addEventListener("change", (event) => {
    const input = (
      /** @type {HTMLInputElement} */
      event.target
    );
    if (!input || !input.dataset || !input.dataset.statement) return;
    answers[input.dataset.statement] = Number(input.value);
    update();
    push();
    emitAnswer(root, "diagnosis", grid.id, input.dataset.statement, Number(input.value));
  });
  const csvButton = h(
    "button",
    { type: "button", class: "pacte-button", "data-download": "csv" },
    "Télécharger mes réponses (CSV)"
  );
  csvButton.addEventListener("click", () => {
    const text = diagnosisCsv(grid, answers, current);
    saveBlob(new Blob([`\uFEFF${text}`], { type: "text/csv;charset=utf-8" }), `${stem}.csv`);
  });
  const svgButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "svg" },
    "Télécharger le graphique (SVG)"
  );
  const exportSvg = () => diagnosisSvg(grid, current, { idSuffix: "export", title: `${grid.title}`, width: 720 });
  svgButton.addEventListener("click", () => {
    saveBlob(new Blob([exportSvg()], { type: "image/svg+xml;charset=utf-8" }), `${stem}.svg`);
  });
  const pngButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "png" },
    "Télécharger le graphique (PNG)"
  );
  pngButton.addEventListener("click", async () => {
    const svg = exportSvg();
    const m = /width="(\d+)" height="(\d+)"/.exec(svg);
    try {
      const blob = await svgToPngBlob(svg, Number(m[1]), Number(m[2]));
      saveBlob(blob, `${stem}.png`);
    } catch (err) {
      status.textContent = `L’image PNG n’a pas pu être créée : ${errorText(err)} Essayez le format SVG.`;
    }
  });
  const reset = h("button", { type: "button", class: "pacte-button pacte-secondary" }, "Effacer mes réponses");
  reset.addEventListener("click", () => {
    for (const k of Object.keys(answers)) delete answers[k];
    form.reset();
    update();
    push();
  });
  actions.append(csvButton, svgButton, pngButton);
  if (planButton) {
    planButton.addEventListener("click", () => {
      saveBlob(
        new Blob([`\uFEFF${actionPlanCsv(grid, answers)}`], { type: "text/csv;charset=utf-8" }),
        `${stem}-plan-action.csv`
      );
    });
    actions.append(planButton);
  }
  actions.append(reset);
  const showKernel = (kr) => {
    if (kr && typeof kr.status === "string") {
      root.dataset.kernelStatus = kr.status;
      root.dataset.kernelAnswered = String(kr.answered ?? "");
    }
  };
  update();
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}
var diagnosis_default = { render };
export {
  diagnosis_default as default
};
