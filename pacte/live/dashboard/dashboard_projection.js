// Projection mode of the trainer dashboard: the join code, its QR code (drawn
// here, no service) and the pushed activity with its results, large, for the room.
import { h } from "../../pacte/static/dom.js";
import { drawPanel, drawQr, drawRounds } from "./dashboard_panels.js";
import * as L from "./dashboard_logic.js";

const $ = (id) => document.getElementById(id);
let drawnUrl = null;

// Draw the projected view from the session's summary; the right answer shows only once revealed.
export function projectionView(summary, session) {
  const url = summary?.join_url || "";
  $("projection-code").textContent = session ? session.code : "";
  $("projection-url").textContent = url;
  if (url !== drawnUrl) {
    $("projection-qr").replaceChildren(...(url ? [drawQr(url)] : []));
    drawnUrl = url;
  }
  $("projection-count").textContent = summary ? L.participantsText(summary) : "";
  const stage = summary?.stage;
  const entry = L.currentEntry(summary);
  const box = $("projection-activity");
  if (!stage?.activity) {
    box.replaceChildren(h("p", { class: "projection-idle" }, "En attente de la prochaine activité…"));
    return;
  }
  box.replaceChildren(
    h("h2", {}, stage.activity.title || stage.activity.ref),
    stage.activity.prompt ? h("p", { class: "prompt" }, stage.activity.prompt) : null,
    h("p", { class: "projection-state" }, `${L.stageControls(stage).text} · ${L.countLabel(entry?.answers ?? 0, "réponse")}`),
    entry?.rounds?.length
      ? drawRounds(entry, { showCorrect: stage.state === "revealed", projected: true, question: stage.activity.question })
      : drawPanel(entry?.panel ?? stage.reveal?.panel, {
          showCorrect: stage.state === "revealed",
          projected: true,
          question: stage.activity.question,
        }),
  );
}
