// @ts-check
// Learner progress kept in the browser: record schema, versioning, migration,
// merge, export/import and the course summary of « Mon parcours ».
// Pure functions (no DOM, no storage): tests/test_progress_logic.py runs them through Node.

/** Version of one stored record (the `v` field). */
const RECORD_VERSION = 1;
/** Prefix of every localStorage key written by the course progress. */
export const PREFIX = "pacte:v1:";
/** `format` and `version` of an exported file (datasets/schemas/progress_export.schema.json). */
const EXPORT_FORMAT = "pacte-progress";
const EXPORT_VERSION = 1;
/** Widget modules that take answers: the activities counted on a page. */
export const ACTIVITY_MODULES = [
  "quiz",
  "sorting",
  "diagnosis",
  "branching_case",
  "team_compare",
  "profile_compare",
  "aci_simulator",
  "cpts_funding",
  "ordering",
  "week",
  "cpts_project",
];

/**
 * @typedef {{ done?: number, total?: number, correct?: number, complete?: boolean, label?: string,
 *   details?: Array<{ label: string, value: string }> }} Summary
 * @typedef {{ v: number, kind: string, ref: string, page: string, title: string, fingerprint: string,
 *   answers: Record<string, any>, summary: Summary, updated: string, dropped?: number }} ProgressRecord
 * @typedef {Record<string, Array<string|number>|null>} Shape  answer key -> allowed values (null: any value)
 * @typedef {{ id: string, title: string, pages: Array<{ page: string, title: string }> }} CourseModule
 */

/** @param {string} kind @param {string} ref @returns {string} */
export function recordKey(kind, ref) {
  return `${PREFIX}${kind}:${ref}`;
}

/**
 * The course page (document name, e.g. `modules/dynamiques/choc-culturel`) of a URL path,
 * the same in the static book (`…/modules/x/y.html`), Voilà (`/voila/render/modules/x/y.ipynb`) and JupyterLab.
 * @param {string} pathname @returns {string}
 */
export function pageKey(pathname) {
  let path = String(pathname || "").split(/[?#]/)[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it as it is */
  }
  const m =
    /^.*?(?:^|\/)(modules\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path) ||
    /^.*(?:^|\/)(book\/.*?)(?:\.html|\.ipynb|\.md|\/)?$/.exec(path);
  if (m) return m[1];
  if (/(?:^|\/)(index\.html)?$/.test(path)) return "book/intro";
  return path.replace(/^\/+/, "").replace(/\.(html|ipynb)$/, "");
}

/**
 * The address of course page `doc` from the current one: `.html` in the static book, `.ipynb` in
 * Voilà, and in JupyterLab, whose address bar follows its file browser rather than the notebook,
 * `<baseUrl>lab/tree/<root><doc>.ipynb`, the root read from the notebook JupyterLab was opened on
 * (`treePath` of its page configuration).
 * @param {string} doc @param {string} pathname
 * @param {{baseUrl?: string, treePath?: string} | null} lab JupyterLab's page configuration, or null
 * @returns {string}
 */
export function courseUrl(doc, pathname, lab) {
  if (lab) {
    const root = /^(.*?)(?:modules|book)\//.exec(String(lab.treePath || ""));
    const base = String(lab.baseUrl || "/").replace(/\/?$/, "/");
    return `${base}lab/tree/${root ? root[1] : ""}${doc}.ipynb`;
  }
  const path = String(pathname || "");
  const page = pageKey(path);
  const ext = /\.ipynb$/.test(path) ? ".ipynb" : ".html";
  const at = path.lastIndexOf(page);
  const root = at >= 0 ? path.slice(0, at) : path.replace(/[^/]*$/, "");
  return `${root}${doc}${ext}`;
}

/** @param {any} value @returns {string} JSON with sorted keys */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value === undefined ? null : value);
}

/** FNV-1a, 32 bits, as 8 hex digits. @param {string} text @returns {string} */
function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Fingerprint of an activity definition (its answer shape, or any JSON value). @param {any} definition */
export function fingerprint(definition) {
  return hashString(canonical(definition ?? null));
}

/** @param {any} v @returns {boolean} */
function isEmptyValue(v) {
  if (v === null || v === undefined || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.values(v).every(isEmptyValue);
  return false;
}

/** Answers with nothing in them (no key, or only empty values, lists and objects). @param {any} answers @returns {boolean} */
export function isEmptyAnswers(answers) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return true;
  return Object.values(answers).every(isEmptyValue);
}

/**
 * Keep only the answers that still fit the activity: an answer to a key that is gone, or naming a value
 * (or, for a list, any value) that is no longer allowed, is dropped whole and counted. Without a shape,
 * answers are kept as they are.
 * @param {any} answers @param {Shape|null|undefined} shape
 * @returns {{ answers: Record<string, any>, dropped: number }}
 */
export function migrateAnswers(answers, shape) {
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { answers: {}, dropped: 0 };
  if (!shape) return { answers: { ...answers }, dropped: 0 };
  /** @type {Record<string, any>} */
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

/** @param {any} rec @returns {rec is ProgressRecord} */
function isRecord(rec) {
  return (
    !!rec &&
    typeof rec === "object" &&
    !Array.isArray(rec) &&
    rec.v === RECORD_VERSION &&
    typeof rec.kind === "string" &&
    /^[a-z_]+$/.test(rec.kind) &&
    typeof rec.ref === "string" &&
    typeof rec.updated === "string" &&
    !Number.isNaN(Date.parse(rec.updated)) &&
    !!rec.answers &&
    typeof rec.answers === "object" &&
    !Array.isArray(rec.answers) &&
    (rec.summary === undefined || (typeof rec.summary === "object" && rec.summary !== null))
  );
}

/**
 * A stored value as a record, or null if it is not one (unreadable JSON, older or foreign format).
 * @param {string|null} text @returns {ProgressRecord|null}
 */
export function parseRecord(text) {
  if (!text) return null;
  try {
    const rec = JSON.parse(text);
    return isRecord(rec) ? rec : null;
  } catch {
    return null;
  }
}

/**
 * The answers to restore from a stored record for the activity as it is now.
 * @param {ProgressRecord|null} rec @param {string} print current fingerprint @param {Shape|null|undefined} shape
 * @returns {{ answers: Record<string, any>, dropped: number, changed: boolean }}
 */
export function restoreAnswers(rec, print, shape) {
  if (!rec) return { answers: {}, dropped: 0, changed: false };
  const { answers, dropped } = migrateAnswers(rec.answers, shape);
  return { answers, dropped, changed: rec.fingerprint !== print };
}

/**
 * @param {{ kind: string, ref: string, page: string, title?: string, fingerprint: string,
 *   answers: Record<string, any>, summary?: Summary, now: string, dropped?: number }} o
 * @returns {ProgressRecord}
 */
export function makeRecord(o) {
  /** @type {ProgressRecord} */
  const rec = {
    v: RECORD_VERSION,
    kind: o.kind,
    ref: o.ref,
    page: o.page,
    title: o.title || "",
    fingerprint: o.fingerprint,
    answers: o.answers,
    summary: o.summary || {},
    updated: o.now,
  };
  if (o.dropped) rec.dropped = o.dropped;
  return rec;
}

/**
 * Merge imported records into the local ones: per key, the newest `updated` wins.
 * @param {Record<string, ProgressRecord>} local @param {Record<string, ProgressRecord>} incoming
 * @returns {{ merged: Record<string, ProgressRecord>, added: number, replaced: number, kept: number }}
 */
export function mergeRecords(local, incoming) {
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

/** @param {Record<string, ProgressRecord>} records @param {string} now */
export function buildExport(records, now) {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exported: now, records };
}

/**
 * Read an exported file. Nothing is half-read: a file with one bad record is refused whole.
 * @param {string} text
 * @returns {{ ok: true, records: Record<string, ProgressRecord> } | { ok: false, message: string }}
 */
export function parseExport(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: "Ce fichier n’est pas un fichier JSON lisible : rien n’a été modifié." };
  }
  if (!data || typeof data !== "object" || data.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      message: "Ce fichier n’est pas une sauvegarde de progression du cours PACTE : rien n’a été modifié.",
    };
  }
  if (typeof data.version !== "number" || data.version > EXPORT_VERSION || data.version < 1) {
    return {
      ok: false,
      message: "Cette sauvegarde vient d’une version du cours que cette page ne sait pas lire : rien n’a été modifié.",
    };
  }
  if (!data.records || typeof data.records !== "object" || Array.isArray(data.records)) {
    return { ok: false, message: "Cette sauvegarde ne contient pas de liste d’activités : rien n’a été modifié." };
  }
  /** @type {Record<string, ProgressRecord>} */
  const records = {};
  for (const [key, rec] of Object.entries(data.records)) {
    if (!key.startsWith(PREFIX) || !isRecord(rec) || key !== recordKey(rec.kind, rec.ref)) {
      return { ok: false, message: "Cette sauvegarde est abîmée (une activité est illisible) : rien n’a été modifié." };
    }
    records[key] = rec;
  }
  return { ok: true, records };
}

/** @param {ProgressRecord} rec @returns {boolean} */
export function isDone(rec) {
  const s = rec.summary || {};
  if (typeof s.complete === "boolean") return s.complete;
  if (typeof s.total === "number" && typeof s.done === "number") return s.done >= s.total;
  return !isEmptyAnswers(rec.answers);
}

/**
 * What « Mon parcours » shows: per module and page, the visit, the activities and their summaries;
 * overall progress and the next page to open.
 * @param {CourseModule[]} modules @param {Record<string, ProgressRecord>} records
 */
export function summarizeCourse(modules, records) {
  /** @type {Map<string, ProgressRecord[]>} */
  const byPage = new Map();
  /** @type {Map<string, ProgressRecord>} */
  const visits = new Map();
  for (const rec of Object.values(records)) {
    if (!isRecord(rec)) continue;
    if (rec.kind === "visit") {
      visits.set(rec.page, rec);
      continue;
    }
    if (isEmptyAnswers(rec.answers)) continue;
    if (!byPage.has(rec.page)) byPage.set(rec.page, []);
    /** @type {ProgressRecord[]} */ (byPage.get(rec.page)).push(rec);
  }
  let pagesTotal = 0;
  let pagesVisited = 0;
  let activitiesKnown = 0;
  let activitiesDone = 0;
  let activitiesStarted = 0;
  /** @type {{ page: string, title: string, reason: string }|null} */
  let next = null;
  /** @type {{ page: string, title: string, reason: string }|null} */
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
        records: acts,
      };
    });
    const visited = pages.filter((p) => p.visited).length;
    return {
      id: mod.id,
      title: mod.title,
      pages,
      visited,
      complete: visited === pages.length && pages.every((p) => p.done >= p.activities),
    };
  });
  return {
    modules: out,
    pagesTotal,
    pagesVisited,
    activitiesKnown,
    activitiesDone,
    activitiesStarted,
    next: next || firstUnvisited,
  };
}

/**
 * The modules of the course from its ordered list of pages (document names) and their titles:
 * one module per `modules/<topic>/` folder, titled by its first page.
 * @param {string[]} files @param {Record<string, string>} titles @returns {CourseModule[]}
 */
export function courseModules(files, titles) {
  /** @type {CourseModule[]} */
  const mods = [];
  for (const file of files) {
    const m = /^modules\/([^/]+)\//.exec(file);
    if (!m) continue;
    let mod = mods.find((x) => x.id === m[1]);
    if (!mod) {
      mod = { id: m[1], title: titles[file] || m[1], pages: [] };
      mods.push(mod);
    }
    mod.pages.push({ page: file, title: titles[file] || file });
  }
  return mods;
}
