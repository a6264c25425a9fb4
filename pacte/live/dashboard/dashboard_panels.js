// @ts-check
// Drawing the panels of the trainer dashboard (HTML bars, word cloud, scale,
// ranking, room beside the survey) and the QR code, from the models of
// dashboard_logic.js. Trainee texts are inserted as text nodes, never as HTML.
import { h } from "../../pacte/static/dom.js";
import { countLabel, NBSP, panelModel, qrMatrix, qrPath } from "./dashboard_logic.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

// A horizontal bar (decorative: the figure is written beside it).
function bar(width, cls = "") {
  const fill = h("span", { class: `bar-fill ${cls}`.trim() });
  fill.style.width = `${width}%`;
  return h("span", { class: "bar-track", "aria-hidden": "true" }, fill);
}

function barList(rows) {
  return h(
    "ol",
    { class: "bars" },
    rows.map((r) =>
      h(
        "li",
        { class: r.correct ? "bar-row correct" : "bar-row", "data-id": String(r.id), "data-count": String(r.count) },
        h(
          "span",
          { class: "bar-label" },
          r.label,
          r.correct ? h("span", { class: "correct-mark" }, `${NBSP}✓ bonne réponse`) : null,
        ),
        bar(r.width),
        h("span", { class: "bar-value" }, r.value),
      ),
    ),
  );
}

function words(model, { onHide, onApprove, projected }) {
  const list = h("ul", { class: "words", "aria-label": "Nuage de mots" });
  for (const w of model.words) {
    if (projected && (w.hidden || w.pending)) continue; // the room sees neither hidden nor pending entries
    const word = h("span", { class: "word", title: w.label });
    word.textContent = w.text; // trainee text, as typed
    word.style.fontSize = `${w.size}em`;
    const state = w.hidden ? " is-hidden" : w.pending ? " is-pending" : "";
    const item = h("li", { class: `word-item${state}`, "data-count": String(w.count) }, word);
    item.append(h("span", { class: "word-count" }, ` (${w.count})`));
    if (onHide) {
      const button = h("button", { type: "button", class: "word-toggle" }, w.hidden ? "Afficher" : "Masquer");
      button.dataset.word = w.text; // to give the focus back after a redraw
      button.setAttribute("aria-label", `${w.hidden ? "Afficher" : "Masquer"} «${NBSP}${w.text}${NBSP}»`);
      button.addEventListener("click", () => onHide(w.text, !w.hidden));
      item.append(button);
    }
    if (onApprove && w.pending) item.append(approveButton(w, onApprove));
    list.append(item);
  }
  if (!list.children.length) return h("p", { class: "empty" }, "Pas encore de mot.");
  return list;
}

function ranking(model) {
  return h(
    "ol",
    { class: "ranking" },
    model.rows.map((r) =>
      h(
        "li",
        { class: "bar-row", "data-id": String(r.id) },
        h("span", { class: "bar-label" }, `${r.position}. ${r.label}`, h("span", { class: "first" }, r.firstText)),
        bar(r.width, "rank"),
        h("span", { class: "bar-value" }, r.value),
      ),
    ),
  );
}

function surveyGroup(group) {
  return h(
    "div",
    { class: "survey-group", "data-structure": group.id },
    group.label ? h("h4", {}, group.label) : null,
    h("p", { class: "survey-ns" }, [group.respondentsText, group.surveyText].filter(Boolean).join(" · ")),
    h(
      "ol",
      { class: "survey-rows" },
      group.rows.map((r) =>
        h(
          "li",
          { class: "survey-row", "data-id": String(r.id) },
          h("span", { class: "bar-label" }, r.label),
          h(
            "span",
            { class: "survey-pair" },
            h(
              "span",
              { class: "pair-line" },
              h("span", { class: "pair-name" }, "Salle"),
              bar(r.roomWidth, "room"),
              h("span", { class: "bar-value room-value" }, r.roomText),
            ),
            h(
              "span",
              { class: "pair-line" },
              h("span", { class: "pair-name" }, "Enquête"),
              bar(r.surveyWidth, "survey"),
              h("span", { class: "bar-value survey-value" }, r.surveyText),
            ),
          ),
        ),
      ),
    ),
  );
}

function surveyPanel(model) {
  const out = h("div", { class: "survey" }, model.groups.map(surveyGroup));
  if (model.note) out.append(h("p", { class: "note" }, model.note));
  return out;
}

// The panel of a summary entry, as a node. ``onHide(text, hidden)`` adds the word buttons.
function approveButton(w, onApprove) {
  const button = h("button", { type: "button", class: "word-toggle word-approve" }, "Approuver");
  button.setAttribute("aria-label", `Approuver «${NBSP}${w.text}${NBSP}»`);
  button.addEventListener("click", () => onApprove(w.text));
  return button;
}

export function drawPanel(
  panel,
  { showCorrect = true, onHide = null, onApprove = null, projected = false, question = "" } = {},
) {
  const model = panelModel(panel, { showCorrect, question });
  const box = h("div", { class: `panel panel-${model.type}`, "data-type": model.type });
  if (model.type === "bars") box.append(barList(model.rows));
  else if (model.type === "words") box.append(words(model, { onHide, onApprove, projected }));
  else if (model.type === "scale") box.append(barList(model.rows), h("p", { class: "mean" }, model.meanText));
  else if (model.type === "ranking") box.append(ranking(model));
  else if (model.type === "room_vs_survey") box.append(surveyPanel(model));
  else if (model.type === "empty") box.append(h("p", { class: "empty" }, "Pas encore de réponse."));
  else box.append(h("p", { class: "empty" }, "Pas d’affichage pour ce type d’activité."));
  return box;
}

// The QR code of ``text`` as an inline SVG (drawn here, no service).
export function drawQr(text) {
  const { d, size } = qrPath(qrMatrix(text));
  const root = svg("svg", {
    viewBox: `0 0 ${size} ${size}`,
    role: "img",
    "aria-label": `QR code du lien ${text}`,
    "shape-rendering": "crispEdges",
  });
  root.append(svg("rect", { width: size, height: size, fill: "#fff" }), svg("path", { d, fill: "#000" }));
  return root;
}

// An activity's rounds side by side (peer instruction: vote, discuss, vote again, compare):
// the earlier rounds, then the current one; a single round is its panel alone.
// ``options.draw(panel, options)`` draws a round's panel (default drawPanel); projected, hidden entries are not counted.
export function drawRounds(entry, options = {}) {
  const draw = options.draw || drawPanel;
  const counted = (r) => r.answers ?? 0; // the server counts neither hidden nor pending entries
  const earlier = (entry.rounds || []).map((r) => ({ ...r, current: false }));
  if (!earlier.length) return draw(entry.panel, options);
  const rounds = [
    ...earlier,
    { round: entry.round ?? earlier.length + 1, answers: entry.answers ?? 0, panel: entry.panel, current: true },
  ];
  return h(
    "div",
    { class: "rounds", "data-rounds": String(rounds.length) },
    rounds.map((r) =>
      h(
        "section",
        { class: r.current ? "round is-current" : "round", "data-round": String(r.round) },
        h(
          "h4",
          { class: "round-title" },
          `Tour ${r.round}${r.current ? " (en cours)" : ""} · ${countLabel(counted(r), "réponse")}`,
        ),
        draw(r.panel, r.current ? options : { ...options, onHide: null }),
      ),
    ),
  );
}
