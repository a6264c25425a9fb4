// @ts-check
// The dashboard's card of one activity: its panel, « Masquer » on word-cloud
// entries and « Remettre à zéro » (a new round). ``actions``: {api, attempt,
// say, path} of the dashboard (JSON calls, errors shown, the session's path).
import { h } from "../../pacte/static/dom.js";
import { activityId } from "../../pacte/static/live_protocol.js";
import * as L from "./dashboard_logic.js";
import { drawRounds } from "./dashboard_panels.js";
import { approveWord, moderationControls } from "./dashboard_room.js";

function hideWord(entry, text, hidden, { api, attempt, say, path }) {
  attempt(async () => {
    await api(path("/hide"), {
      method: "POST",
      body: { activity: activityId(entry.kind, entry.ref), question: entry.question, answer: text, hidden },
    });
    say(hidden ? `«\u00a0${text}\u00a0» est masqué pour la salle.` : `«\u00a0${text}\u00a0» est de nouveau affiché.`);
  });
}

function resetActivity(entry, { api, attempt, say, path }) {
  const round = entry.round ?? 1;
  const question = `Commencer le tour ${round + 1} de «\u00a0${entry.title || entry.ref}\u00a0»\u00a0? Les ${L.countLabel(entry.answers ?? 0, "réponse")} du tour ${round} restent enregistrées et affichées à côté\u00a0; les écrans des apprenants reviennent à «\u00a0pas encore répondu\u00a0».`;
  if (!window.confirm(question)) return;
  attempt(async () => {
    const data = await api(path("/reset"), {
      method: "POST",
      body: { activity: activityId(entry.kind, entry.ref), question: entry.question },
    });
    say(`Tour ${data.round} de «\u00a0${entry.title || entry.ref}\u00a0» commencé.`);
  });
}

export function activityCard(entry, isCurrent, actions) {
  const card = h(
    "article",
    {
      class: isCurrent ? "activity is-current" : "activity",
      "data-key": L.activityKey(entry),
      "data-kind": entry.kind,
      "data-answers": String(entry.answers ?? 0),
      "data-pending": String(entry.pending ?? 0),
    },
    h("p", { class: "kind" }, L.kindLabel(entry.kind), isCurrent ? h("span", { class: "badge" }, "En cours") : null),
    h("h3", {}, entry.title || entry.ref),
    entry.prompt ? h("p", { class: "prompt" }, entry.prompt) : null,
    h(
      "p",
      { class: "answers" },
      `${entry.rounds?.length ? `Tour ${entry.round} · ` : ""}${L.countLabel(entry.answers ?? 0, "réponse")}${entry.pending ? ` · ${entry.pending}\u00a0en attente de validation` : ""}`,
    ),
  );
  const onHide =
    entry.kind === "wordcloud" || entry.panel?.type === "words"
      ? (text, hidden) => hideWord(entry, text, hidden, actions)
      : null;
  const onApprove = onHide ? (text) => approveWord(entry, text, actions) : null;
  card.append(...moderationControls(entry, actions));
  card.append(drawRounds(entry, { onHide, onApprove, question: entry.question }));
  if (entry.answers) {
    const reset = h("button", { type: "button", class: "button secondary reset" }, "Remettre à zéro");
    reset.addEventListener("click", () => resetActivity(entry, actions));
    card.append(reset);
  }
  return card;
}
