// @ts-check
// Self-diagnosis scoring in the browser: the JavaScript twin of the functions
// in widgets/diagnosis.py. Keep both in step: tests/test_dimensions_parity.py
// runs the same cases through each.

import { fmtNumber, roundHalfUp } from "./numbers.js";

export const COMPLETE = "complete";
export const INCOMPLETE = "incomplete";
export const EMPTY = "empty";
export const INVALID = "invalid";

/** @param {number} x */
export function round2(x) {
  return roundHalfUp(x, 2);
}

/**
 * French decimal with at most two digits: 2.5 → « 2,5 », 3 → « 3 ».
 * @param {number} x
 */
export function frenchDecimal(x) {
  return fmtNumber(round2(x), 2);
}

function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

// A rating is an integer of the scale, or a string of digits ("3").
export function parseRating(raw, scale) {
  let value = null;
  if (typeof raw === "number" && Number.isInteger(raw)) value = raw;
  else if (typeof raw === "string" && /^[0-9]+$/.test(raw.trim())) value = parseInt(raw.trim(), 10);
  if (value === null || value < scale.min || value > scale.max) return null;
  return value;
}

export function levelOf(grid, score) {
  if (score === null || score === undefined) return null;
  const levels = grid.levels;
  for (let i = 0; i < levels.length; i++) {
    const lv = levels[i];
    const last = i === levels.length - 1;
    if (score >= lv.min && (score < lv.max || (last && score <= lv.max))) return lv.id;
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

export function evaluateDiagnosis(grid, answers) {
  const statements = grid.statements;
  const scale = grid.scale;
  const total = statements.length;
  const errors = [];
  const valid = Object.create(null);
  if (answers === null || answers === undefined) answers = {};
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
    if (raw === null || raw === undefined || raw === "") continue;
    const value = parseRating(raw, scale);
    if (value === null) {
      errors.push(
        `Valeur hors échelle pour l'affirmation « ${key} » : ${describe(raw)} (attendu : un nombre entier de ${scale.min} à ${scale.max}).`,
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
      level: complete ? levelOf(grid, g.mean) : null,
    };
  });
  const resources = (grid.resource_types || []).map((r) => {
    const g = group("resource", r.id);
    return { id: r.id, answered: g.answered, total: g.total, mean: g.mean === null ? null : round2(g.mean) };
  });

  let status;
  let message;
  if (errors.length) {
    status = INVALID;
    message = `${plural(errors.length, "réponse")} à corriger : ${errors.join(" ")}`;
  } else if (answered === 0) {
    status = EMPTY;
    message = "Répondez aux affirmations pour voir votre profil.";
  } else if (missing.length) {
    status = INCOMPLETE;
    message = `Encore ${plural(missing.length, "affirmation")} sans réponse : le profil est provisoire.`;
  } else {
    status = COMPLETE;
    message = `Profil complet : ${answered} affirmations sur ${total}.`;
  }
  return { status, message, answered, total, missing, errors, dimensions, resources };
}

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// CSV (semicolon separated, French decimals) of the answers and of the result.
export function diagnosisCsv(grid, answers, result) {
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
      value === null ? "" : String(value),
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
      r.mean === null ? "" : frenchDecimal(r.mean),
    ]);
  }
  return `${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

function esc(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// A standalone SVG bar chart of the dimension scores (inline styles only, so
// the downloaded file looks the same as on the page).
export function diagnosisSvg(grid, result, options = {}) {
  const width = options.width || 640;
  const rowH = 56;
  const left = 150;
  const right = 130;
  const top = 54;
  const plotW = width - left - right;
  const height = top + rowH * grid.dimensions.length + 46;
  const { min, max } = grid.scale;
  const x = (v) => left + ((v - min) / (max - min)) * plotW;
  const font = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif";
  const levelColor = new Map(grid.levels.map((l) => [l.id, l.color || "#1f5f8b"]));
  const levelLabel = new Map(grid.levels.map((l) => [l.id, l.label]));
  const title = options.title || grid.title;
  const sfx = options.idSuffix ? `-${options.idSuffix}` : "";
  const parts = [];
  const desc = result.dimensions
    .map((d) => {
      const dim = grid.dimensions.find((g) => g.id === d.id);
      if (d.mean === null) return `${dim.short_label}\u00a0: sans réponse`;
      const lv = d.level ? levelLabel.get(d.level) : "provisoire";
      return `${dim.short_label}\u00a0: ${frenchDecimal(d.mean)} sur ${max} (${lv})`;
    })
    .join(" ; ");
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="pacte-diag-title${sfx} pacte-diag-desc${sfx}">`,
  );
  parts.push(`<title id="pacte-diag-title${sfx}">${esc(title)}</title>`);
  const scaleWord = (v, fallback) => {
    const lab = grid.scale.labels.find((l) => l.value === v);
    return lab ? lab.label.charAt(0).toLowerCase() + lab.label.slice(1) : fallback;
  };
  parts.push(
    `<desc id="pacte-diag-desc${sfx}">Score moyen de chaque dimension, de ${min} (${esc(scaleWord(min, "pas du tout"))}) à ${max} (${esc(scaleWord(max, "tout à fait"))}). ${esc(desc)}.</desc>`,
  );
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="12" y="24" style="${font};font-size:15px;font-weight:600" fill="#1b2631">${esc(title)}</text>`);
  // level bands
  for (const lv of grid.levels) {
    const x0 = x(lv.min);
    const x1 = x(lv.max);
    parts.push(
      `<rect x="${x0.toFixed(1)}" y="${top - 8}" width="${(x1 - x0).toFixed(1)}" height="${rowH * grid.dimensions.length}" fill="${lv.color || "#999999"}" fill-opacity="0.08"/>`,
    );
    parts.push(
      `<text x="${((x0 + x1) / 2).toFixed(1)}" y="${top - 14}" text-anchor="middle" style="${font};font-size:11px" fill="#4a5560">${esc(lv.label)}</text>`,
    );
  }
  // axis ticks
  for (let v = min; v <= max; v++) {
    const xv = x(v).toFixed(1);
    parts.push(
      `<line x1="${xv}" x2="${xv}" y1="${top - 8}" y2="${top - 8 + rowH * grid.dimensions.length}" stroke="#c9d3dd" stroke-width="1"/>`,
    );
    const lab = grid.scale.labels.find((l) => l.value === v);
    parts.push(
      `<text x="${xv}" y="${top + rowH * grid.dimensions.length + 8}" text-anchor="middle" style="${font};font-size:11px" fill="#4a5560">${v}</text>`,
    );
    if (lab)
      parts.push(
        `<text x="${xv}" y="${top + rowH * grid.dimensions.length + 22}" text-anchor="middle" style="${font};font-size:10px" fill="#4a5560">${esc(lab.label)}</text>`,
      );
  }
  result.dimensions.forEach((d, i) => {
    const dim = grid.dimensions.find((g) => g.id === d.id);
    const y = top + i * rowH;
    parts.push(
      `<text x="${left - 10}" y="${y + 24}" text-anchor="end" style="${font};font-size:13px;font-weight:600" fill="#1b2631">${esc(dim.short_label)}</text>`,
    );
    parts.push(
      `<text x="${left - 10}" y="${y + 39}" text-anchor="end" style="${font};font-size:10px" fill="#4a5560">${d.answered}/${d.total} réponses</text>`,
    );
    if (d.mean === null) {
      parts.push(
        `<text x="${left + 6}" y="${y + 29}" style="${font};font-size:12px;font-style:italic" fill="#4a5560">sans réponse</text>`,
      );
      return;
    }
    const color = d.level ? levelColor.get(d.level) : "#7f8c99";
    const w = Math.max(2, x(d.mean) - left);
    const dash = d.complete ? "" : ` stroke="${color}" stroke-dasharray="4 3" fill-opacity="0.45"`;
    parts.push(
      `<rect class="pacte-diag-bar" data-dimension="${esc(d.id)}" x="${left}" y="${y + 12}" width="${w.toFixed(1)}" height="24" rx="3" fill="${color}"${dash}/>`,
    );
    const lv = d.level ? levelLabel.get(d.level) : "provisoire";
    parts.push(
      `<text x="${(left + w + 6).toFixed(1)}" y="${y + 29}" style="${font};font-size:12px" fill="#1b2631">${frenchDecimal(d.mean)} (${esc(lv)})</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

// Action plan (optional ``grid.action_plan``): every statement rated at or
// above the threshold, worst first (then in grid order), with the levers the
// sources give for it.
export function actionPlan(grid, answers) {
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
      index,
    });
  });
  out.sort((a, b) => b.value - a.value || a.index - b.index);
  return out.map(({ index, ...rest }) => rest);
}

// CSV of the action plan: one row per (obstacle, lever).
export function actionPlanCsv(grid, answers) {
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
  return `${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
