// @ts-check
// Projection mode of the trainer dashboard: the join code, its QR code (drawn
// here, no service) and the pushed activity with its results, large, for the room.
// The activity is fitted to the screen (projection_fit.js): smaller type down to a
// floor, then pages turned with the arrows. Once everyone has joined, the trainer
// may keep the results alone (« Résultats seuls »).
import { h } from "../../pacte/static/dom.js";
import * as L from "./dashboard_logic.js";
import { drawPanel, drawQr, drawRounds } from "./dashboard_panels.js";
import { fitProjection } from "./projection_fit.js";

/** @type {(id: string) => PageElement} */
const $ = (id) => /** @type {PageElement} */ (document.getElementById(id));
const RESULTS_ONLY = "pacte-projection-results-only";
/** @type {{ drawnUrl: string | null, key: string, page: number, pages: number, show: (page: number) => number, wired: boolean }} */
const view = { drawnUrl: null, key: "", page: 0, pages: 1, show: () => 0, wired: false };

// Open answers (sentences) as a wall of cards, most frequent first; hidden ones are never projected.
function answerCards(panel) {
  const shown = (panel?.words || []).filter((w) => !w.hidden);
  if (!shown.length) return h("p", { class: "empty" }, "Pas encore de réponse.");
  return h(
    "ul",
    { class: "answer-cards", "aria-label": "Réponses de la salle" },
    shown.map((w) => {
      const card = h("li", { class: "answer-card", "data-count": String(w.count) });
      card.textContent = w.text; // trainee text, as typed
      if (w.count > 1) card.append(h("span", { class: "answer-count" }, ` ×${L.formatNumber(w.count)}`));
      return card;
    }),
  );
}

function projectedPanel(panel, options, kind) {
  if (kind === "text" && panel?.type === "words")
    return h("div", { class: "panel panel-cards", "data-type": "cards" }, answerCards(panel));
  return drawPanel(panel, options);
}

// Explanation and source once revealed; a case gives each choice's consequence, as a list.
function revealBlock(reveal) {
  if (!reveal) return null;
  const out = h("section", { class: "projection-reveal", "aria-label": "Explication" });
  if (reveal.consequences?.length) {
    out.append(
      h("p", { class: "reveal-title" }, "Conséquences de chaque choix"),
      h(
        "ul",
        { class: "consequences" },
        reveal.consequences.map((c) => h("li", { class: "consequence" }, h("strong", {}, c.choice), ` ${c.text}`)),
      ),
    );
  } else if (reveal.explanation) out.append(h("p", { class: "projection-explanation" }, reveal.explanation));
  if (reveal.source) out.append(h("p", { class: "projection-source" }, `Source${L.NBSP}: ${reveal.source}`));
  return out.children.length ? out : null;
}

function drawJoin(summary, session) {
  const closed = session?.open === false;
  const url = closed ? "" : summary?.join_url || "";
  $("projection").classList.toggle("is-closed", closed);
  document.querySelector(".projection-join-text").textContent = closed ? "Séance fermée" : "Rejoignez la séance";
  $("projection-code").textContent = session && !closed ? session.code : "";
  $("projection-url").textContent = url;
  if (url !== view.drawnUrl) {
    $("projection-qr").replaceChildren(...(url ? [drawQr(url)] : []));
    view.drawnUrl = url;
  }
  $("projection-count").textContent = summary ? L.participantsText(summary) : "";
  $("projection-reminder").textContent = session && !closed ? `Code${L.NBSP}: ${session.code}` : "";
}

function activityNodes(summary, session) {
  const stage = summary?.stage;
  const entry = L.currentEntry(summary);
  if (!stage?.activity) {
    const idle =
      session?.open === false ? "Séance fermée. Merci de votre participation." : "En attente de la prochaine activité…";
    return [h("p", { class: "projection-idle" }, idle)];
  }
  const revealed = stage.state === "revealed";
  const options = { showCorrect: revealed, projected: true, question: stage.activity.question };
  const kind = stage.activity.kind;
  const count = L.countLabel(entry?.answers ?? 0, "réponse"); // hidden and pending entries left out by the server
  const withSession = { ...stage, session: { ...(stage.session || {}), open: session?.open !== false } };
  const results = entry?.rounds?.length
    ? drawRounds(entry, { ...options, draw: (panel, o) => projectedPanel(panel, o, kind) })
    : projectedPanel(entry?.panel ?? stage.reveal?.panel, options, kind);
  return [
    h(
      "div",
      { class: "projection-head" },
      h("h2", {}, stage.activity.title || stage.activity.ref),
      h("p", { class: "projection-state" }, `${L.stateText(withSession)} · ${count}`),
    ),
    h(
      "div",
      { class: "projection-pages" },
      h(
        "div",
        { class: "projection-page-inner" },
        stage.activity.prompt ? h("p", { class: "prompt" }, stage.activity.prompt) : null,
        results,
        revealed ? revealBlock(stage.reveal) : null,
      ),
    ),
  ];
}

function drawPager() {
  $("projection-pager").hidden = view.pages < 2;
  $("projection-page").textContent = `Page ${view.page + 1} sur ${view.pages}`;
  $("projection-previous").disabled = view.page === 0;
  $("projection-next").disabled = view.page >= view.pages - 1;
}

function turn(delta) {
  view.page = view.show(view.page + delta);
  drawPager();
}

function fit() {
  const box = $("projection-activity");
  if (!box.offsetParent) return;
  const fitted = fitProjection(box);
  view.pages = fitted.pages;
  view.show = fitted.show;
  view.page = fitted.show(Math.min(view.page, fitted.pages - 1));
  box.dataset.fit = String(fitted.scale);
  box.dataset.pages = String(fitted.pages);
  drawPager();
}

function setResultsOnly(on) {
  $("projection").classList.toggle("is-results-only", on);
  $("projection-results-only").setAttribute("aria-pressed", String(on));
  try {
    sessionStorage.setItem(RESULTS_ONLY, on ? "1" : "");
  } catch {
    /* private mode */
  }
  fit();
}

function wire() {
  view.wired = true;
  $("projection-results-only").addEventListener("click", () =>
    setResultsOnly(!$("projection").classList.contains("is-results-only")),
  );
  $("projection-previous").addEventListener("click", () => turn(-1));
  $("projection-next").addEventListener("click", () => turn(1));
  // Captured before the sequence's keys (dashboard_toolkit.js): the arrows turn the projected pages
  // first, as slides; past the first or the last page they are left to the sequence.
  document.addEventListener(
    "keydown",
    (event) => {
      if (
        !document.body.classList.contains("is-projection") ||
        /** @type {Element} */ (event.target).closest?.("input, select, textarea")
      )
        return;
      const delta = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[event.key];
      const target = view.page + (delta || 0);
      if (delta && view.pages > 1 && target >= 0 && target < view.pages) {
        event.preventDefault();
        turn(delta);
      }
    },
    true,
  );
  window.addEventListener("resize", () => {
    view.page = 0; // other pages on another screen: start again from the first
    fit();
  });
  let on = false;
  try {
    on = sessionStorage.getItem(RESULTS_ONLY) === "1";
  } catch {
    /* private mode */
  }
  $("projection").classList.toggle("is-results-only", on);
  $("projection-results-only").setAttribute("aria-pressed", String(on));
}

// Draw the projected view from the session's summary; the right answer shows only once revealed.
export function projectionView(summary, session) {
  if (!view.wired) wire();
  drawJoin(summary, session);
  const stage = summary?.stage;
  const key = `${L.activityKey(stage?.activity)}|${stage?.round ?? ""}`;
  if (key !== view.key) view.page = 0; // a new activity starts on its first page
  view.key = key;
  $("projection-activity").replaceChildren(...activityNodes(summary, session));
  fit();
}
