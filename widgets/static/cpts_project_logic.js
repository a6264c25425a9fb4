// @ts-check
// Pure logic of the « projet de CPTS » activity (no DOM): which feedback rules
// apply to the chosen missions and partners. Its Python twin is
// widgets/cpts_project.py (evaluate_project, live_payloads), tested case by case
// through Node (tests/test_territoires_logic.py).

export const COMPLETE = "complete";
export const INCOMPLETE = "incomplete";
export const EMPTY = "empty";
export const INVALID = "invalid";
export const LEVELS = ["point-fort", "attention", "suggestion"];

function plural(n, word, plural_) {
  return `${n} ${n > 1 ? plural_ || `${word}s` : word}`;
}

function describe(raw) {
  if (typeof raw === "string") return `« ${raw} »`;
  try {
    return JSON.stringify(raw);
  } catch {
    return String(raw);
  }
}

// Keep the known ids of one list, in the data's order; collect French errors for the rest.
function cleanList(raw, known, what, errors) {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push(`Réponse illisible pour les ${what} : une liste est attendue.`);
    return [];
  }
  const seen = new Set();
  for (const value of raw) {
    if (typeof value !== "string" || !known.includes(value))
      errors.push(`Choix inconnu parmi les ${what} : ${describe(value)}.`);
    else seen.add(value);
  }
  return known.filter((id) => seen.has(id));
}

// True when every condition of a rule holds for the chosen missions and partners.
export function ruleApplies(when, missions, partners) {
  const sets = { missions: new Set(missions), partners: new Set(partners) };
  for (const [key, value] of Object.entries(when)) {
    const [what, op] = key.split("_");
    const chosen = sets[what];
    if (op === "min") {
      if (chosen.size < value) return false;
      continue;
    }
    if (op === "max") {
      if (chosen.size > value) return false;
      continue;
    }
    const hits = value.filter((id) => chosen.has(id)).length;
    if (op === "any" && hits === 0) return false;
    if (op === "all" && hits !== value.length) return false;
    if (op === "none" && hits !== 0) return false;
    if (op === "missing" && hits === value.length) return false;
  }
  return true;
}

export function evaluateProject(project, answers) {
  const errors = [];
  let a = answers;
  if (a === null || a === undefined) a = {};
  if (typeof a !== "object" || Array.isArray(a)) {
    errors.push("Réponses illisibles : un dictionnaire {missions, partners} est attendu.");
    a = {};
  }
  for (const key of Object.keys(a).sort()) {
    if (key !== "missions" && key !== "partners") errors.push(`Clé inconnue : « ${key} ».`);
  }
  const missions = cleanList(
    a.missions,
    project.missions.map((m) => m.id),
    "missions",
    errors,
  );
  const partners = cleanList(
    a.partners,
    project.partners.map((p) => p.id),
    "partenaires",
    errors,
  );
  const counts = { "point-fort": 0, attention: 0, suggestion: 0 };
  const feedback = [];
  let status;
  let message;
  if (errors.length) {
    status = INVALID;
    message = `${plural(errors.length, "réponse")} à corriger : ${errors.join(" ")}`;
  } else if (!missions.length && !partners.length) {
    status = EMPTY;
    message = "Choisissez des missions et des partenaires, puis validez.";
  } else if (!missions.length || !partners.length) {
    status = INCOMPLETE;
    message = missions.length ? "Choisissez aussi au moins un partenaire." : "Choisissez aussi au moins une mission.";
  } else {
    status = COMPLETE;
    for (const rule of project.rules) {
      if (!ruleApplies(rule.when, missions, partners)) continue;
      counts[rule.level] += 1;
      feedback.push({ rule: rule.id, level: rule.level, message: rule.message, source: rule.source });
    }
    message =
      `Votre projet : ${plural(missions.length, "mission")} et ${plural(partners.length, "partenaire")} ; ` +
      `${plural(counts["point-fort"], "point fort", "points forts")}, ` +
      `${plural(counts.attention, "point d’attention", "points d’attention")}, ` +
      `${plural(counts.suggestion, "suggestion")}.`;
  }
  return { status, message, missions, partners, errors, feedback, counts };
}

// What a live session receives (through live_client.emitAnswer): one answer per
// list, ids in the data's order. Kept in one function, twin of live_payloads.
export function livePayloads(project, result) {
  if (result.status !== COMPLETE) return [];
  return [
    { kind: "cpts_project", ref: project.id, question: "missions", answer: [...result.missions] },
    { kind: "cpts_project", ref: project.id, question: "partners", answer: [...result.partners] },
  ];
}

// The plain-text summary offered for download (Windows-friendly line ends).
export function projectSummary(project, result) {
  const labels = (list, ids) => ids.map((id) => list.find((x) => x.id === id).label);
  const lines = [project.title, ""];
  if (project.fictional) lines.push(project.territory.notice, "");
  lines.push("Missions choisies :", ...labels(project.missions, result.missions).map((l) => `- ${l}`), "");
  lines.push("Partenaires associés :", ...labels(project.partners, result.partners).map((l) => `- ${l}`), "");
  lines.push("Commentaires :");
  for (const f of result.feedback) {
    lines.push(
      `- [${f.level}] ${f.message.replace(/\s+/g, " ").trim()} (source : ${f.source.ref}, ${f.source.detail})`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
