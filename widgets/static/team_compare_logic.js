// @ts-check
// Placing a learner's answer in the PACTE survey distribution: the JavaScript
// twin of place_answer() in widgets/team_compare.py (tests/test_dynamiques_logic.py
// runs the same cases through both); and, in a live session, the room's answers
// drawn beside the survey (roomFromStage, roomShares: browser only, no kernel).
import { message } from "./messages.js";
import { fmtPercent } from "./numbers.js";

function lowerFirst(text) {
  return text ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function invalid(field, message) {
  return { status: "invalid", field, message };
}

export function placeAnswer(spec, structure, questionId, answer) {
  const structures = new Map(spec.structures.map((s) => [s.id, s]));
  if (!structures.has(structure)) {
    return invalid("structure", message("compare.unknown_structure"));
  }
  const q = spec.questions.find((x) => x.id === questionId);
  if (!q) return invalid("question", message("compare.unknown_question", { question: questionId }));
  const field = `answers.${questionId}`;
  if (!q.structures.includes(structure)) {
    return invalid(field, message("compare.not_asked", { who: structures.get(structure).plural }));
  }
  const labels = new Map(q.answers.map((a) => [a.id, a.label]));
  let picked;
  if (q.multiple) {
    if (!Array.isArray(answer) || !answer.every((a) => typeof a === "string")) {
      return invalid(field, message("compare.unreadable_multiple"));
    }
    picked = answer;
  } else {
    if (Array.isArray(answer)) return invalid(field, message("quiz.single_only"));
    if (typeof answer !== "string" && answer !== null && answer !== undefined) {
      return invalid(field, message("compare.unreadable_single"));
    }
    picked = answer === null || answer === undefined || answer === "" ? [] : [answer];
  }
  if (!picked.length) {
    return invalid(field, message(q.multiple ? "compare.unanswered_multiple" : "compare.unanswered_single"));
  }
  const unknown = picked.filter((p) => !labels.has(p));
  if (unknown.length) {
    const allowed = q.answers.map((a) => `«\u00a0${a.label}\u00a0»`).join(", ");
    return invalid(field, message("compare.unknown_answer", { answer: unknown[0], allowed }));
  }
  if (new Set(picked).size !== picked.length) return invalid(field, message("compare.duplicate"));
  for (const ex of q.exclusive || []) {
    if (picked.includes(ex) && picked.length > 1) {
      return invalid(field, message("compare.exclusive", { label: labels.get(ex) }));
    }
  }
  const dist = spec.distribution[questionId][structure];
  const who = structures.get(structure).plural;
  const order = q.answers.map((a) => a.id);
  let top = order[0];
  for (const a of order) if (dist[a] > dist[top]) top = a;
  const items = [...picked]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((aid) => {
      const pct = dist[aid];
      const rank = 1 + Object.values(dist).filter((v) => v > pct).length;
      const what = ((q.templates || {})[aid] || q.template).replace("{label}", lowerFirst(labels.get(aid)));
      let sentence = `Vous faites partie des ${fmtPercent(pct)} de ${who} ${what}.`;
      if (rank === 1) sentence += " C’est la réponse la plus fréquente.";
      else sentence += ` La réponse la plus fréquente est « ${labels.get(top)} » (${fmtPercent(dist[top])}).`;
      return { answer: aid, label: labels.get(aid), percent: pct, rank, sentence };
    });
  return { status: "ok", question: questionId, structure, items };
}

export function roomShares(spec, room, questionId) {
  const entry = (room || {})[questionId];
  if (!entry) return null;
  const counts = entry.counts || {};
  const q = spec.questions.find((x) => x.id === questionId);
  const respondents = entry.respondents || Object.values(counts).reduce((a, b) => a + b, 0);
  if (!respondents) return null;
  const percents = {};
  for (const a of q.answers) percents[a.id] = Math.floor((1000 * (counts[a.id] || 0)) / respondents + 0.5) / 10;
  return { respondents, percents };
}

/**
 * The room's answers after a new STAGE of the live session (live_client.js STAGE_EVENT):
 * a revealed survey question this widget asks fills its entry from the reveal's
 * ``room_vs_survey`` panel (pacte/live/panels.py: the room's ``respondents`` and each
 * answer's ``count``); any other stage leaves ``room`` as it is; ``null`` (the
 * trainee left the session) empties it.
 * @param {any} spec  the widget's spec (its questions)
 * @param {Record<string, {respondents: number, counts: Record<string, number>}>} room
 * @param {any} stage  a STAGE, or null
 */
export function roomFromStage(spec, room, stage) {
  if (!stage) return {};
  const activity = stage.activity;
  const panel = stage.state === "revealed" && stage.reveal ? stage.reveal.panel : null;
  if (!activity || activity.kind !== "survey" || !panel || panel.type !== "room_vs_survey") return room;
  const q = spec.questions.find((x) => x.id === activity.ref);
  if (!q) return room;
  const known = new Set(q.answers.map((a) => a.id));
  const counts = {};
  for (const row of panel.rows || []) {
    if (known.has(row.id) && Number.isInteger(row.count) && row.count > 0) counts[row.id] = row.count;
  }
  const respondents = Number.isInteger(panel.respondents) ? panel.respondents : 0;
  return { ...room, [q.id]: { respondents, counts } };
}

export function questionsFor(spec, structure) {
  return spec.questions.filter((q) => q.structures.includes(structure));
}

// « Mon profil face à l'enquête PACTE »: the twin of place_profile() and
// profile_live_payload() in widgets/profile_compare.py (tests/test_metier_logic.py).
export function placeProfile(spec, structure, questionId, answer) {
  const structures = new Map(spec.structures.map((s) => [s.id, s]));
  if (!structures.has(structure)) {
    return invalid("structure", message("compare.unknown_structure"));
  }
  const q = spec.questions.find((x) => x.id === questionId);
  if (!q) return invalid("question", message("compare.unknown_question", { question: questionId }));
  const field = `answers.${questionId}`;
  if (answer === null || answer === undefined || answer === "")
    return invalid(field, message("compare.unanswered_single"));
  if (typeof answer !== "string") return invalid(field, message("compare.unreadable_single"));
  if (!q.answers.some((a) => a.id === answer)) {
    const allowed = q.answers.map((a) => `«\u00a0${a.label}\u00a0»`).join(", ");
    return invalid(field, message("compare.unknown_answer", { answer, allowed }));
  }
  const who = structures.get(structure).plural;
  const items = spec.facts[questionId][structure].map((fact) => {
    const pct = fact.percent;
    const detail = fact.detail ? ` ${fact.detail}.` : "";
    if (pct === null || pct === undefined) {
      return {
        indicator: fact.indicator,
        relation: "no_figure",
        percent: null,
        sentence: `Pour les ${who}, le tableau ne donne pas de pourcentage : ${fact.detail}.`,
      };
    }
    if (fact.inside.includes(answer)) {
      return {
        indicator: fact.indicator,
        relation: "inside",
        percent: pct,
        sentence: `Vous faites partie des ${fmtPercent(pct)} de ${who} de l’enquête qui ${fact.phrase}.${detail}`,
      };
    }
    return {
      indicator: fact.indicator,
      relation: "outside",
      percent: pct,
      sentence: `Dans l’enquête, ${fmtPercent(pct)} des ${who} ${fact.phrase} : vous n’en faites pas partie.${detail}`,
    };
  });
  if (!items.length) {
    items.push({
      indicator: null,
      relation: "no_figure",
      percent: null,
      sentence: `L’enquête ne donne pas de chiffre sur ce point pour les ${who}.`,
    });
  }
  return { status: "ok", question: questionId, structure, answer, items, note: q.note || "" };
}

export function profileLivePayload(specId, questionId, structure, answer) {
  return { activity: `profile:${specId}`, question: `${structure}-${questionId}`, answer };
}
