// GENERATED from widgets/static/progress_page.js by js/build-bundles.mjs (npm run bundles): do not edit.

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

// widgets/static/progress_logic.js
var RECORD_VERSION = 1;
var PREFIX = "pacte:v1:";
var EXPORT_FORMAT = "pacte-progress";
var EXPORT_VERSION = 1;
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
function courseUrl(doc, pathname, lab) {
  if (lab) {
    const root2 = /^(.*?)(?:modules|book)\//.exec(String(lab.treePath || ""));
    const base = String(lab.baseUrl || "/").replace(/\/?$/, "/");
    return `${base}lab/tree/${root2 ? root2[1] : ""}${doc}.ipynb`;
  }
  const path = String(pathname || "");
  const page = pageKey(path);
  const ext = /\.ipynb$/.test(path) ? ".ipynb" : ".html";
  const at = path.lastIndexOf(page);
  const root = at >= 0 ? path.slice(0, at) : path.replace(/[^/]*$/, "");
  return `${root}${doc}${ext}`;
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
function mergeRecords(local, incoming) {
  const merged = { ...local };
  let added = 0;
  let replaced = 0;
  let kept = 0;
  for (const [key, rec] of Object.entries(incoming)) {
    const mine = merged[key];
    if (!mine) {
      merged[key] = rec;
      added += 1;
    } else if (Date.parse(rec.updated) > Date.parse(mine.updated)) {
      merged[key] = rec;
      replaced += 1;
    } else kept += 1;
  }
  return { merged, added, replaced, kept };
}
function buildExport(records, now) {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: now, records };
}
function parseExport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: "Ce fichier n’est pas un fichier JSON lisible : rien n’a été modifié." };
  }
  if (!data || typeof data !== "object" || data.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      message: "Ce fichier n’est pas une sauvegarde de progression du cours PACTE : rien n’a été modifié."
    };
  }
  if (typeof data.version !== "number" || data.version > EXPORT_VERSION || data.version < 1) {
    return {
      ok: false,
      message: "Cette sauvegarde vient d’une version du cours que cette page ne sait pas lire : rien n’a été modifié."
    };
  }
  if (!data.records || typeof data.records !== "object" || Array.isArray(data.records)) {
    return { ok: false, message: "Cette sauvegarde ne contient pas de liste d’activités : rien n’a été modifié." };
  }
  const records = {};
  for (const [key, rec] of Object.entries(data.records)) {
    if (!key.startsWith(PREFIX) || !isRecord(rec) || key !== recordKey(rec.kind, rec.ref)) {
      return { ok: false, message: "Cette sauvegarde est abîmée (une activité est illisible) : rien n’a été modifié." };
    }
    records[key] = rec;
  }
  return { ok: true, records };
}
function isDone(rec) {
  const s = rec.summary || {};
  if (typeof s.complete === "boolean") return s.complete;
  if (typeof s.total === "number" && typeof s.done === "number") return s.done >= s.total;
  return !isEmptyAnswers(rec.answers);
}
function summarizeCourse(modules, records) {
  const byPage = /* @__PURE__ */ new Map();
  const visits = /* @__PURE__ */ new Map();
  for (const rec of Object.values(records)) {
    if (!isRecord(rec)) continue;
    if (rec.kind === "visit") {
      visits.set(rec.page, rec);
      continue;
    }
    if (isEmptyAnswers(rec.answers)) continue;
    if (!byPage.has(rec.page)) byPage.set(rec.page, []);
    byPage.get(rec.page).push(rec);
  }
  let pagesTotal = 0;
  let pagesVisited = 0;
  let activitiesKnown = 0;
  let activitiesDone = 0;
  let activitiesStarted = 0;
  let next = null;
  let firstUnvisited = null;
  const out = modules.map((mod) => {
    const pages = mod.pages.map((p) => {
      const visit = visits.get(p.page) || null;
      const acts = (byPage.get(p.page) || []).sort((a, b) => a.ref.localeCompare(b.ref));
      const done = acts.filter(isDone).length;
      const known = Math.max(visit && typeof visit.summary.total === "number" ? visit.summary.total : 0, acts.length);
      const lastDates = [visit ? visit.updated : "", ...acts.map((a) => a.updated)].filter(Boolean).sort();
      pagesTotal += 1;
      if (visit || acts.length) pagesVisited += 1;
      activitiesKnown += known;
      activitiesDone += done;
      activitiesStarted += acts.length;
      if (!next && (visit || acts.length) && done < known)
        next = { page: p.page, title: p.title, reason: "unfinished" };
      if (!firstUnvisited && !visit && !acts.length)
        firstUnvisited = { page: p.page, title: p.title, reason: "unvisited" };
      return {
        page: p.page,
        title: p.title,
        visited: !!(visit || acts.length),
        last: lastDates.length ? lastDates[lastDates.length - 1] : null,
        activities: known,
        done,
        started: acts.length,
        records: acts
      };
    });
    const visited = pages.filter((p) => p.visited).length;
    return {
      id: mod.id,
      title: mod.title,
      pages,
      visited,
      complete: visited === pages.length && pages.every((p) => p.done >= p.activities)
    };
  });
  return {
    modules: out,
    pagesTotal,
    pagesVisited,
    activitiesKnown,
    activitiesDone,
    activitiesStarted,
    next: next || firstUnvisited
  };
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
function readAllRecords() {
  const store = progressStorage();
  const out = {};
  if (!store) return out;
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (!key || !key.startsWith(PREFIX)) continue;
    const rec = parseRecord(store.getItem(key));
    if (rec) out[key] = rec;
  }
  return out;
}
function writeRecords(records) {
  const store = progressStorage();
  if (!store) return false;
  for (const [key, rec] of Object.entries(records)) store.setItem(key, JSON.stringify(rec));
  notifyProgress();
  return true;
}
function clearAllRecords() {
  const store = progressStorage();
  if (!store) return 0;
  const keys = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key && key.startsWith(PREFIX)) keys.push(key);
  }
  for (const k of keys) store.removeItem(k);
  notifyProgress();
  return keys.length;
}
function notifyProgress() {
  if (typeof document !== "undefined") document.dispatchEvent(new CustomEvent("pacte:progress"));
}
function courseLink(doc) {
  return courseUrl(doc, globalThis.location ? globalThis.location.pathname : "", jupyterLabConfig());
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

// widgets/static/progress_page.js
var NBSP = " ";
var STYLE_ID = "pacte-progress-page-style";
var CSS = `
.pacte-progress { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-progress h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-progress h4 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.pacte-progress-overall progress { width: 100%; max-width: 28rem; height: 1rem; display: block; margin: .3rem 0; }
.pacte-progress-next { background: #fff; border-left: 4px solid #1f5f8b; padding: .4rem .8rem; }
.pacte-progress-table { width: 100%; border-collapse: collapse; font-size: .92rem; background: #fff; }
.pacte-progress-table caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.pacte-progress-table th, .pacte-progress-table td { border: 1px solid #dde3ea; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.pacte-progress-table ul { margin: 0; padding-left: 1rem; }
.pacte-progress-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0 .4rem; }
.pacte-progress .pacte-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-progress .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-progress .pacte-button.pacte-danger { background: #fff; color: #9b1c1c; border-color: #9b1c1c; }
.pacte-progress .pacte-button:focus-visible, .pacte-progress input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-progress-message { font-weight: 600; min-height: 1.2em; }
.pacte-progress-message.pacte-error { color: #9b1c1c; border-left: 4px solid #c62828; padding-left: .6rem; }
.pacte-progress-note { font-size: .85rem; color: #4a5560; }
.pacte-progress-module-empty { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .4rem .7rem; }
.pacte-progress-print-root { display: none; }
@media (max-width: 600px) {
  .pacte-progress-table, .pacte-progress-table tbody, .pacte-progress-table tr, .pacte-progress-table th, .pacte-progress-table td { display: block; width: 100%; box-sizing: border-box; }
  .pacte-progress-table thead { display: none; }
  .pacte-progress-table caption { display: block; width: 100%; }
  .pacte-progress-table tr { border: 1px solid #c9d3dd; border-radius: 6px; margin: .5rem 0; }
  .pacte-progress-table th, .pacte-progress-table td { border: none; border-top: 1px solid #eef2f6; }
  .pacte-progress-table td::before { content: attr(data-label) "\\00a0: "; font-weight: 600; }
}
@media print {
  body > *:not(.pacte-progress-print-root) { display: none !important; }
  .pacte-progress-print-root { display: block !important; color: #000; background: #fff; font-size: 11pt; }
  .pacte-progress-record table { width: 100%; border-collapse: collapse; }
  .pacte-progress-record th, .pacte-progress-record td { border: 1px solid #666; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  .pacte-progress-record section { break-inside: avoid; margin-top: 10pt; }
  .pacte-progress-name { font-size: 12pt; margin: 12pt 0; }
  .pacte-progress-blank { display: inline-block; width: 10cm; border-bottom: 1px solid #000; }
}
`;
function frDate(iso) {
  if (!iso) return "jamais";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "date inconnue";
  return d.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" }) + " à " + d.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" }).replace(":", " h ");
}
function plural(n, word, suffix = "s") {
  return `${n} ${word}${n > 1 ? suffix : ""}`;
}
function resultList(records) {
  if (!records.length) return "—";
  return h(
    "ul",
    {},
    records.map(
      (r) => h(
        "li",
        { "data-kind": r.kind },
        r.title || r.kind,
        r.summary && r.summary.label ? ` : ${r.summary.label}` : "",
        r.dropped ? ` (${plural(r.dropped, "réponse")} retirée${r.dropped > 1 ? "s" : ""} : l’activité a changé)` : ""
      )
    )
  );
}
function activityCount(p) {
  return `${p.done} terminée${p.done > 1 ? "s" : ""} sur ${p.activities}${p.started > p.done ? ` (${p.started - p.done} en cours)` : ""}`;
}
function pageTable(mod) {
  if (!mod.visited) {
    return h(
      "p",
      { class: "pacte-progress-module-empty", "data-module": mod.id },
      h("strong", {}, mod.title),
      ` : module pas encore commencé (${mod.pages.length} page${mod.pages.length > 1 ? "s" : ""}). `,
      h("a", { href: courseLink(mod.pages[0].page) }, "Commencer par « ", mod.pages[0].title, `${NBSP}»`),
      "."
    );
  }
  return h(
    "table",
    { class: "pacte-progress-table", "data-module": mod.id },
    h(
      "caption",
      {},
      `${mod.title} : ${mod.visited} page${mod.visited > 1 ? "s" : ""} ouverte${mod.visited > 1 ? "s" : ""} sur ${mod.pages.length}`
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Page"),
        h("th", { scope: "col" }, "Activités"),
        h("th", { scope: "col" }, "Résultats"),
        h("th", { scope: "col" }, "Dernière visite")
      )
    ),
    h(
      "tbody",
      {},
      mod.pages.map(
        (p) => h(
          "tr",
          { "data-page": p.page, "data-done": String(p.done) },
          h("th", { scope: "row" }, h("a", { href: courseLink(p.page) }, p.title)),
          h(
            "td",
            { "data-label": "Activités" },
            p.visited ? p.activities ? activityCount(p) : "aucune activité" : "page non ouverte"
          ),
          h("td", { "data-label": "Résultats" }, resultList(p.records)),
          h("td", { "data-label": "Dernière visite" }, frDate(p.last))
        )
      )
    )
  );
}
function diagnosisDetails(summary) {
  const diags = summary.modules.flatMap((m) => m.pages.flatMap((p) => p.records)).filter((r) => r.kind === "diagnosis");
  if (!diags.length) return null;
  return h(
    "section",
    {},
    h("h4", {}, "Vos autodiagnostics"),
    diags.map(
      (d) => h(
        "div",
        { class: "pacte-progress-diagnosis" },
        h("p", {}, h("strong", {}, d.title), ` (${d.summary.label || ""}, ${frDate(d.updated)})`),
        h(
          "ul",
          {},
          (d.summary.details || []).map((x) => h("li", {}, `${x.label} : ${x.value}`))
        )
      )
    )
  );
}
function record(summary) {
  const today = (/* @__PURE__ */ new Date()).toISOString();
  return h(
    "div",
    { class: "pacte-progress-record" },
    h("h2", {}, "Relevé de parcours — cours PACTE soins primaires (EHESP)"),
    h("p", { class: "pacte-progress-name" }, `Nom${NBSP}: `, h("span", { class: "pacte-progress-blank" }, "")),
    h(
      "p",
      {},
      h("strong", {}, "Relevé déclaratif, ce n’est pas une attestation. "),
      `Établi le ${frDate(today)} à partir des activités enregistrées dans ce navigateur par l’apprenant lui-même ; aucun contrôle d’identité ni de résultat n’a été fait.`
    ),
    h(
      "p",
      {},
      `Pages ouvertes : ${summary.pagesVisited} sur ${summary.pagesTotal}. Activités terminées : ${summary.activitiesDone} sur ${summary.activitiesKnown}, ${summary.activitiesStarted - summary.activitiesDone} en cours (activités des pages ouvertes).`
    ),
    summary.modules.map(
      (m) => h(
        "section",
        {},
        h("h3", {}, m.title, m.complete ? " — module terminé" : ""),
        m.visited ? h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", {}, "Page"), h("th", {}, "Activités"), h("th", {}, "Résultats"))),
          h(
            "tbody",
            {},
            m.pages.filter((p) => p.visited).map(
              (p) => h(
                "tr",
                {},
                h("td", {}, p.title),
                h("td", {}, p.activities ? activityCount(p) : "—"),
                h("td", {}, resultList(p.records))
              )
            )
          )
        ) : h("p", {}, "Module non commencé."),
        m.visited && m.visited < m.pages.length ? h(
          "p",
          {},
          `${m.pages.length - m.visited} page${m.pages.length - m.visited > 1 ? "s" : ""} non ouverte${m.pages.length - m.visited > 1 ? "s" : ""}.`
        ) : null
      )
    ),
    diagnosisDetails(summary)
  );
}
function saveFile(text, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4e3);
}
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const modules = (model.get("course") || {}).modules || [];
  const root = h("section", { class: "pacte-progress", "aria-labelledby": "pacte-progress-title" });
  const body = h("div", { class: "pacte-progress-body" });
  const message = h("p", { class: "pacte-progress-message", role: "status", "aria-live": "polite" });
  const say = (text, error = false) => {
    message.textContent = text;
    message.className = `pacte-progress-message${error ? " pacte-error" : ""}`;
    root.dataset.message = error ? "error" : "ok";
  };
  const storageOk = !!progressStorage();
  const printRoot = h("div", { class: "pacte-progress-print-root" });
  document.body.append(printRoot);
  const draw = () => {
    const records = readAllRecords();
    const summary = summarizeCourse(modules, records);
    const activityCount2 = Object.values(records).filter((r) => r.kind !== "visit" && !isEmptyAnswers(r.answers)).length;
    root.dataset.records = String(Object.keys(records).length);
    root.dataset.activities = String(activityCount2);
    const bar = h("progress", {
      max: String(Math.max(summary.pagesTotal, 1)),
      value: String(summary.pagesVisited),
      "aria-labelledby": "pacte-progress-overall"
    });
    const overall = h(
      "div",
      { class: "pacte-progress-overall" },
      h(
        "p",
        { id: "pacte-progress-overall" },
        h("strong", {}, "Progression globale : "),
        `${summary.pagesVisited} page${summary.pagesVisited > 1 ? "s" : ""} ouverte${summary.pagesVisited > 1 ? "s" : ""} sur ${summary.pagesTotal}, `,
        `${summary.activitiesDone} activité${summary.activitiesDone > 1 ? "s" : ""} terminée${summary.activitiesDone > 1 ? "s" : ""} sur ${summary.activitiesKnown} dans les pages ouvertes`,
        summary.activitiesStarted > summary.activitiesDone ? `, ${summary.activitiesStarted - summary.activitiesDone} en cours.` : "."
      ),
      bar
    );
    const next = summary.next ? h(
      "p",
      { class: "pacte-progress-next" },
      h("strong", {}, "À faire ensuite : "),
      h("a", { href: courseLink(summary.next.page), "data-next": summary.next.page }, summary.next.title),
      summary.next.reason === "unfinished" ? " (des activités de cette page restent à faire)." : " (page pas encore ouverte)."
    ) : h(
      "p",
      { class: "pacte-progress-next" },
      "Vous avez ouvert toutes les pages et fait toutes leurs activités. Bravo !"
    );
    const empty = activityCount2 === 0 && summary.pagesVisited === 0 ? h(
      "p",
      {},
      "Aucune activité enregistrée dans ce navigateur pour l’instant. Ouvrez une page du cours : vos réponses y seront gardées."
    ) : null;
    body.replaceChildren(
      overall,
      next,
      ...empty ? [empty] : [],
      ...summary.modules.map(pageTable),
      ...diagnosisDetails(summary) ? [diagnosisDetails(summary)] : []
    );
    printRoot.replaceChildren(record(summary));
  };
  const exportButton = h(
    "button",
    { type: "button", class: "pacte-button", "data-action": "export" },
    "Télécharger ma progression (JSON)"
  );
  exportButton.addEventListener("click", () => {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    saveFile(JSON.stringify(buildExport(readAllRecords(), now), null, 2), `pacte-progression-${now.slice(0, 10)}.json`);
    say("Fichier de progression téléchargé : gardez-le pour reprendre sur un autre appareil ou navigateur.");
  });
  const fileId = `pacte-progress-file-${Math.random().toString(36).slice(2, 8)}`;
  const fileInput = h("input", {
    type: "file",
    id: fileId,
    accept: ".json,application/json",
    "data-action": "import",
    class: "pacte-progress-file"
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    let text = "";
    try {
      text = await file.text();
    } catch {
      say("Ce fichier n’a pas pu être lu : rien n’a été modifié.", true);
      return;
    }
    const parsed = parseExport(text);
    fileInput.value = "";
    if (parsed.ok === false) {
      say(parsed.message, true);
      return;
    }
    const { merged, added, replaced, kept } = mergeRecords(readAllRecords(), parsed.records);
    const changed = Object.fromEntries(Object.entries(merged).filter(([k]) => parsed.records[k] === merged[k]));
    if (!writeRecords(changed)) {
      say("Votre navigateur n’autorise pas l’enregistrement local : rien n’a été chargé.", true);
      return;
    }
    draw();
    say(
      `Sauvegarde chargée : ${added} ajoutée${added > 1 ? "s" : ""}, ${replaced} mise${replaced > 1 ? "s" : ""} à jour, ${kept} déjà à jour dans ce navigateur (la version la plus récente de chaque activité est gardée).`
    );
  });
  const printButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-action": "print" },
    "Imprimer mon relevé"
  );
  printButton.addEventListener("click", () => {
    draw();
    window.print();
  });
  const clearButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-danger", "data-action": "clear" },
    "Tout effacer"
  );
  const confirmBox = h("div", {
    class: "pacte-progress-confirm",
    hidden: true,
    role: "group",
    "aria-label": "Confirmer l’effacement"
  });
  const confirmYes = h(
    "button",
    { type: "button", class: "pacte-button pacte-danger", "data-action": "confirm-clear" },
    "Oui, tout effacer"
  );
  const confirmNo = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-action": "cancel-clear" },
    "Annuler"
  );
  confirmBox.append(
    h(
      "p",
      {},
      "Effacer toutes vos réponses et votre progression enregistrées dans ce navigateur ? Téléchargez d’abord votre progression si vous voulez la garder."
    ),
    confirmYes,
    confirmNo
  );
  clearButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener("click", () => {
    confirmBox.hidden = true;
    clearButton.focus();
    say("Rien n’a été effacé.");
  });
  confirmYes.addEventListener("click", () => {
    const n = clearAllRecords();
    confirmBox.hidden = true;
    draw();
    say(`Progression effacée de ce navigateur (${n} enregistrement${n > 1 ? "s" : ""}).`);
    clearButton.focus();
  });
  root.append(
    h("h3", { id: "pacte-progress-title" }, "Votre progression dans ce navigateur"),
    h(
      "p",
      { class: "pacte-progress-note" },
      "Ces informations sont lues dans ce navigateur seulement : elles ne sont envoyées nulle part."
    ),
    body,
    message,
    h(
      "div",
      { class: "pacte-progress-actions" },
      exportButton,
      h("label", { for: fileId }, `Charger une sauvegarde${NBSP}: `),
      fileInput,
      printButton,
      clearButton
    ),
    confirmBox
  );
  if (!storageOk)
    say(
      "Votre navigateur n’autorise pas l’enregistrement local (navigation privée ou stockage bloqué) : le cours ne peut rien garder.",
      true
    );
  draw();
  const onProgress = () => draw();
  document.addEventListener("pacte:progress", onProgress);
  el.replaceChildren(root);
  return () => {
    document.removeEventListener("pacte:progress", onProgress);
    printRoot.remove();
  };
}
var progress_page_default = { render };
export {
  progress_page_default as default
};
