// @ts-check
// The room's results on a trainee's screen once the trainer reveals them:
// plain, accessible HTML (lists whose text carries every figure; the bars are
// decoration) from the view of live_room_logic.js#panelView.
import { h } from "./dom.js";

function bar(width, extra = "") {
  const fill = h("span", { class: `pacte-live-bar-fill${extra}` });
  fill.style.width = `${width}%`;
  return h("span", { class: "pacte-live-bar", "aria-hidden": "true" }, fill);
}

function bars(view) {
  return h(
    "ul",
    { class: "pacte-live-bars" },
    ...view.rows.map((r) =>
      h(
        "li",
        { class: r.correct ? "pacte-live-correct" : null },
        h(
          "span",
          { class: "pacte-live-bar-label" },
          r.label,
          r.correct ? h("strong", { class: "pacte-live-mark" }, " (bonne réponse)") : null,
        ),
        bar(r.width, r.correct ? " pacte-live-bar-correct" : ""),
        h("span", { class: "pacte-live-bar-value" }, `${r.percent} (${r.count})`),
      ),
    ),
  );
}

function words(view) {
  if (!view.words.length) return h("p", {}, "Aucun mot pour l’instant.");
  return h(
    "ul",
    { class: "pacte-live-words" },
    ...view.words.map((w) =>
      h(
        "li",
        { class: `pacte-live-word pacte-live-word-${w.size}` },
        w.text,
        h("span", { class: "pacte-live-word-count" }, ` ×${w.count}`),
      ),
    ),
  );
}

function ranking(view) {
  return h(
    "ol",
    { class: "pacte-live-rank-results" },
    ...view.rows.map((r) =>
      h(
        "li",
        {},
        h("span", { class: "pacte-live-bar-label" }, r.label),
        h("span", { class: "pacte-live-bar-value" }, `${r.meanRank}, ${r.first}`),
      ),
    ),
  );
}

function roomVsSurvey(view) {
  const list = h(
    "ul",
    { class: "pacte-live-bars pacte-live-versus" },
    ...view.rows.map((r) =>
      h(
        "li",
        {},
        h("span", { class: "pacte-live-bar-label" }, r.label),
        h(
          "span",
          { class: "pacte-live-serie" },
          h("span", { class: "pacte-live-serie-name" }, "La salle"),
          bar(r.roomWidth, " pacte-live-bar-room"),
          h("span", { class: "pacte-live-bar-value" }, r.room),
        ),
        h(
          "span",
          { class: "pacte-live-serie" },
          h("span", { class: "pacte-live-serie-name" }, "Enquête PACTE"),
          bar(r.surveyWidth, " pacte-live-bar-survey"),
          h("span", { class: "pacte-live-bar-value" }, r.survey),
        ),
      ),
    ),
  );
  return view.note ? [list, h("p", { class: "pacte-live-source" }, view.note)] : [list];
}

/**
 * The results block of a revealed activity.
 * @param {any} view  panelView(reveal.panel)
 * @returns {HTMLElement}
 */
export function drawResults(view) {
  const box = h(
    "section",
    { class: "pacte-live-results", "data-panel": view.type, "aria-label": "Résultats de la salle" },
    h("h4", {}, "Résultats de la salle"),
    h("p", { class: "pacte-live-caption" }, view.caption),
  );
  if (view.mean) box.append(h("p", { class: "pacte-live-mean" }, view.mean));
  if (view.type === "bars" || view.type === "scale") box.append(bars(view));
  else if (view.type === "words") box.append(words(view));
  else if (view.type === "ranking") box.append(ranking(view));
  else if (view.type === "room_vs_survey") box.append(...roomVsSurvey(view));
  return box;
}
