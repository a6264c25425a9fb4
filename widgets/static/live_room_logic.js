// @ts-check
// The trainee's screen while the trainer leads the room, as pure functions:
// from the stage the server pushes (see pacte/live/stage.py) to what the
// « Séance en direct » box shows, and from what the trainee picked or typed to
// the live answer posted by live_client.js. The DOM is drawn by live_room.js.
import { activityId } from "./live_protocol.js";
import { message } from "./messages.js";
import { fmtNumber, NBSP, plural } from "./numbers.js";
import { panelModel } from "./panel_model.js";

export const TEXT = {
  idle: "En attente de la prochaine activité du formateur.",
  sent: "Réponse envoyée. Vous pouvez la modifier tant que les réponses sont ouvertes.",
  closed: "Les réponses sont closes.",
  revealed: "Les réponses sont closes. Voici la réponse et les résultats de la salle.",
  revealed_results: "Les réponses sont closes. Voici les résultats de la salle.",
  ended: "La séance est terminée.",
  lost: "Connexion perdue, reconnexion…",
  unsupported: "Cette activité se fait dans la page du cours.",
  choose_one: "Choisissez une réponse.",
  choose_some: "Cochez au moins une réponse.",
  type_text: "Écrivez votre réponse.",
  too_long: "Votre réponse dépasse {max}\u00a0caractères.",
  choose_value: "Choisissez une valeur.",
  choose_structure: "Indiquez d’abord où vous exercez.",
  incomplete_order: "Classez tous les éléments.",
};

/**
 * The key of a pushed activity: same key, same form (a typed answer survives a re-sent stage).
 * A new round of the question (the trainer's reset) is a new key: the answer sent in the
 * earlier round is forgotten and the screen is back to « not answered ».
 * @param {any} stage
 * @returns {string | null}
 */
export function activityKey(stage) {
  const a = stage && stage.activity;
  if (!a) return null;
  const round = Number(stage.round) > 1 ? `#${stage.round}` : "";
  return `${activityId(a.kind, a.ref)}/${a.question}${round}`;
}

/**
 * True when a stage event must be drawn: its ``seq`` differs from the last one drawn.
 * @param {number | null} lastSeq
 * @param {any} stage
 * @returns {boolean}
 */
export function needsRender(lastSeq, stage) {
  return Boolean(stage) && typeof stage.seq === "number" && stage.seq !== lastSeq;
}

/**
 * A percentage in French (« 42,5 % »).
 * @param {number} value  0 to 100
 * @returns {string}
 */
export function percent(value) {
  return `${fmtNumber(Math.round(Number(value || 0) * 10) / 10, 1)}${NBSP}%`;
}

/**
 * « 12 caractères sur 60 », and whether the text is too long.
 * @param {string} text
 * @param {number} max
 * @returns {{ text: string, over: boolean }}
 */
export function counter(text, max) {
  const n = [...String(text || "")].length;
  return { text: `${plural(n, "caractère")} sur ${fmtNumber(max)}`, over: n > max };
}

/**
 * Move the item at ``index`` by ``delta`` places (the ranking's up and down buttons).
 * @param {string[]} order
 * @param {number} index
 * @param {number} delta
 * @returns {string[]}
 */
export function moveItem(order, index, delta) {
  const to = index + delta;
  if (index < 0 || index >= order.length || to < 0 || to >= order.length) return [...order];
  const out = [...order];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item);
  return out;
}

/**
 * The values a fresh form starts with for an INPUT (ranking: the items in the given order).
 * @param {any} input
 * @returns {{ choices: string[], text: string, value: number | null, order: string[], structure: string }}
 */
export function emptyValues(input) {
  const order = input && input.type === "ranking" ? input.items.map((/** @type {any} */ i) => i.id) : [];
  return { choices: [], text: "", value: null, order, structure: "" };
}

/**
 * The form values that show an answer already sent (after a reload of the page).
 * @param {any} input
 * @param {{ question: string, answer: any } | null} sent
 * @returns {ReturnType<typeof emptyValues>}
 */
export function valuesFromAnswer(input, sent) {
  const values = emptyValues(input);
  if (!sent || !input) return values;
  const a = sent.answer;
  if (input.type === "choice" || input.type === "survey") values.choices = Array.isArray(a) ? [...a] : [String(a)];
  if (input.type === "survey") values.structure = sent.question;
  if (input.type === "text") values.text = String(a);
  if (input.type === "scale") values.value = Number(a);
  if (input.type === "ranking" && Array.isArray(a)) values.order = [...a];
  return values;
}

/**
 * The live answer for the pushed activity from the form values, or the French reason it cannot be sent.
 * @param {any} activity  the stage's ``activity`` (activity_view)
 * @param {ReturnType<typeof emptyValues>} values
 * @returns {{ ok: true, activity: string, question: string, answer: any } | { ok: false, error: string }}
 */
export function buildAnswer(activity, values) {
  const input = activity && activity.input;
  const target = activity ? activityId(activity.kind, activity.ref) : "";
  /** @param {any} answer @param {string} [question] */
  const ok = (answer, question = activity.question) => ({
    ok: /** @type {true} */ (true),
    activity: target,
    question,
    answer,
  });
  /** @param {string} error */
  const fail = (error) => ({ ok: /** @type {false} */ (false), error });
  if (!input) return fail(TEXT.unsupported);
  if (input.type === "choice" || input.type === "survey") {
    if (
      input.type === "survey" &&
      !(input.structures || []).some((/** @type {any} */ s) => s.id === values.structure)
    ) {
      return fail(TEXT.choose_structure);
    }
    const known = new Set(input.choices.map((/** @type {any} */ c) => c.id));
    const picked = input.choices
      .map((/** @type {any} */ c) => c.id)
      .filter((/** @type {string} */ id) => values.choices.includes(id));
    if (picked.length === 0 || values.choices.some((id) => !known.has(id))) {
      return fail(input.multiple ? TEXT.choose_some : TEXT.choose_one);
    }
    if (!input.multiple && picked.length > 1) return fail(TEXT.choose_one);
    const answer = input.multiple ? picked : picked[0];
    return input.type === "survey" ? ok(answer, values.structure) : ok(answer);
  }
  if (input.type === "text") {
    const text = String(values.text || "").trim();
    if (!text) return fail(TEXT.type_text);
    if ([...text].length > input.max_length) return fail(TEXT.too_long.replace("{max}", fmtNumber(input.max_length)));
    return ok(text);
  }
  if (input.type === "scale") {
    const v = values.value;
    if (typeof v !== "number" || !Number.isInteger(v) || v < input.min || v > input.max) return fail(TEXT.choose_value);
    return ok(v);
  }
  if (input.type === "ranking") {
    const ids = input.items.map((/** @type {any} */ i) => i.id);
    const order = values.order || [];
    if (order.length !== ids.length || new Set(order).size !== ids.length || !order.every((id) => ids.includes(id))) {
      return fail(TEXT.incomplete_order);
    }
    return ok([...order]);
  }
  return fail(TEXT.unsupported);
}

/**
 * The values of a scale, each with its label (« 1 — Pas du tout d’accord », or the number alone).
 * @param {any} input
 * @returns {{ value: number, label: string }[]}
 */
export function scaleSteps(input) {
  const out = [];
  for (let v = input.min; v <= input.max; v += 1) out.push({ value: v, label: (input.labels || {})[String(v)] || "" });
  return out;
}

/**
 * What the room's results panel shows: the panel model the trainer's dashboard draws too
 * (panel_model.js), as the texts and widths that live_room_results.js lays out.
 * @param {any} panel  the ``reveal.panel`` of the stage (pacte/live/panels.py)
 * @returns {any}
 */
export function panelView(panel) {
  const model = panelModel(panel);
  const type = model.type;
  /** @param {any} r */
  const bar = (r) => ({
    label: r.label,
    count: fmtNumber(r.count),
    percent: percent(r.percent),
    width: r.width,
    correct: r.correct,
  });
  if (type === "bars") return { type, caption: plural(model.respondents, "réponse"), rows: model.rows.map(bar) };
  if (type === "words") {
    const words = model.words.filter((/** @type {any} */ w) => !w.hidden);
    const top = Math.max(1, ...words.map((/** @type {any} */ w) => w.count || 0));
    return {
      type,
      caption: plural(typeof panel.respondents === "number" ? panel.respondents : words.length, "réponse"),
      words: words.map((/** @type {any} */ w) => ({
        text: w.text,
        count: fmtNumber(w.count || 0),
        size: 1 + Math.round((4 * (w.count || 0)) / top),
      })),
    };
  }
  if (type === "scale") {
    return {
      type,
      caption: plural(model.respondents, "réponse"),
      mean: model.mean === null ? "" : `Moyenne de la salle${NBSP}: ${fmtNumber(model.mean, 1)}`,
      rows: model.rows.map(bar),
    };
  }
  if (type === "ranking") {
    return {
      type,
      caption: plural(model.respondents, "classement"),
      rows: model.rows.map((/** @type {any} */ r) => ({
        position: r.position,
        label: r.label,
        meanRank: r.value,
        first: r.firstText,
      })),
    };
  }
  if (type === "room_vs_survey") {
    const [room] = model.groups;
    return {
      type,
      caption: `La salle${NBSP}: ${plural(model.respondents, "réponse")}${panel.survey_n ? ` — enquête PACTE${NBSP}: ${plural(panel.survey_n, "répondant")}` : ""}`,
      note: model.note,
      rows: room.rows.map((/** @type {any} */ r) => ({
        label: r.label,
        room: r.roomText,
        survey: r.surveyText,
        roomWidth: r.roomWidth,
        surveyWidth: r.surveyWidth,
      })),
    };
  }
  return null;
}

/**
 * Everything the box draws for one stage: the activity, whether the form takes answers,
 * the status line, and on reveal the right answer and the room's results.
 * @param {any} stage
 * @param {{ sent?: Record<string, any> }} [memory]  answers already sent, by activity key
 * @returns {any}
 */
export function roomView(stage, memory = {}) {
  const key = activityKey(stage);
  const a = stage && stage.activity;
  const state = !a || !stage || stage.state === "idle" ? "idle" : stage.state;
  const base = { seq: stage ? stage.seq : null, key, state, session: (stage && stage.session) || null };
  if (stage && stage.session && stage.session.open === false)
    return { ...base, state: "ended", status: TEXT.ended, canAnswer: false };
  if (state === "idle") return { ...base, status: TEXT.idle, canAnswer: false };
  const supported = a.input && ["choice", "text", "scale", "ranking", "survey"].includes(a.input.type);
  const sent = key && memory.sent ? memory.sent[key] || null : null;
  const view = {
    ...base,
    title: a.title || "",
    prompt: a.prompt || "",
    help: a.help || "",
    input: supported ? a.input : null,
    sent,
    canAnswer: state === "open" && supported,
    status: !supported
      ? TEXT.unsupported
      : state === "open"
        ? sent
          ? TEXT.sent
          : ""
        : state === "closed"
          ? TEXT.closed
          : revealedStatus(stage),
    reveal: null,
  };
  if (state === "revealed" && stage.reveal) {
    const r = stage.reveal;
    const correct = Array.isArray(r.correct) ? r.correct.map(String) : [];
    const said = verdict(correct, a.input, sent);
    view.reveal = {
      correct,
      explanation: r.explanation || "",
      source: r.source || "",
      panel: panelView(r.panel),
      verdict: said,
      right: RIGHT.includes(said),
      consequences: consequencesView(r.consequences, sent),
    };
  }
  return view;
}

/**
 * The status line of a revealed stage: « la réponse » only where the activity has one.
 * @param {any} stage
 * @returns {string}
 */
function revealedStatus(stage) {
  const correct = stage && stage.reveal && stage.reveal.correct;
  return Array.isArray(correct) && correct.length ? TEXT.revealed : TEXT.revealed_results;
}

/**
 * A case's consequences, one per choice, the trainee's own choice marked (``own``); [] for other kinds.
 * @param {any} consequences  ``reveal.consequences`` of the stage (pacte/live/cases.py)
 * @param {any} sent  the answer sent in this round, or null
 * @returns {{ id: string, choice: string, text: string, own: boolean }[]}
 */
function consequencesView(consequences, sent) {
  if (!Array.isArray(consequences)) return [];
  const mine = sent ? String(sent.answer) : null;
  return consequences.map((/** @type {any} */ c) => ({
    id: String(c.id),
    choice: String(c.choice || ""),
    text: String(c.text || ""),
    own: mine === String(c.id),
  }));
}

/**
 * The trainee's verdict (messages quiz.correct / quiz.incorrect) for a choice question with a right answer, else "".
 * @param {string[]} correct
 * @param {any} input
 * @param {any} sent
 * @returns {string}
 */
export function verdict(correct, input, sent) {
  if (!correct.length || !input || !sent) return "";
  if (input.type === "ranking")
    return JSON.stringify(sent.answer) === JSON.stringify(correct)
      ? RIGHT[1]
      : "Votre classement diffère du classement attendu.";
  if (input.type !== "choice") return "";
  const mine = (Array.isArray(sent.answer) ? sent.answer : [sent.answer]).map(String).sort();
  return JSON.stringify(mine) === JSON.stringify([...correct].sort()) ? RIGHT[0] : message("quiz.incorrect");
}

const RIGHT = [message("quiz.correct"), "Votre classement est le classement attendu."];
