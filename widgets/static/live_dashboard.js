// Trainer dashboard of live sessions: join code and QR code to project,
// answers aggregated live, hide/reveal, reset, export, close, delete.
// Every text coming from trainees is inserted with textContent (never as HTML).
import { loadRuntime } from "./chart_runtime.js";
import { h } from "./dom.js";

const fr = new Intl.NumberFormat("fr-FR");
const nb = (n) => fr.format(n).replace(/\u202f/g, "\u00a0");

function send(model, action, extra = {}) {
  model.set("command", { action, ...extra, nonce: `${Date.now()}-${Math.random()}` });
  model.save_changes();
}

function chartSpec(panel, width) {
  const locale = { number: { decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0€"], percent: "\u00a0%" } };
  if (panel.kind === "survey") {
    const values = panel.rows.flatMap((r) => [
      { label: r.label, serie: "La salle", value: r.room_percent / 100 },
      { label: r.label, serie: "Enquête PACTE", value: r.survey_percent / 100 },
    ]);
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      description: `${panel.prompt} : la salle comparée à l'enquête PACTE`,
      data: { values }, width, height: { step: 14 },
      config: { locale, view: { stroke: null } },
      mark: { type: "bar" },
      encoding: {
        y: { field: "label", type: "nominal", title: null, sort: null, axis: { labelLimit: 360 } },
        yOffset: { field: "serie" },
        x: { field: "value", type: "quantitative", title: "Part des réponses", axis: { format: ".0%" }, scale: { domain: [0, 1] } },
        color: { field: "serie", title: null, scale: { range: ["#e07b39", "#1f5f8b"] }, legend: { orient: "bottom" } },
        tooltip: [{ field: "serie" }, { field: "label", title: "Réponse" }, { field: "value", format: ".0%", title: "Part" }],
      },
    };
  }
  const values = panel.rows.map((r) => ({ label: r.label, count: r.count, correct: r.correct ? "Bonne réponse" : "Autre réponse" }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${panel.prompt} : nombre de réponses par choix`,
    data: { values }, width, height: { step: 26 },
    config: { locale, view: { stroke: null } },
    layer: [
      { mark: "bar", encoding: {
        y: { field: "label", type: "nominal", title: null, sort: null, axis: { labelLimit: 360 } },
        x: { field: "count", type: "quantitative", title: "Nombre de réponses", axis: { tickMinStep: 1, format: "d" } },
        color: { field: "correct", title: null, scale: { domain: ["Bonne réponse", "Autre réponse"], range: ["#3a9a6b", "#8a99a8"] }, legend: { orient: "bottom" } },
      } },
      { mark: { type: "text", align: "left", dx: 3 }, encoding: {
        y: { field: "label", type: "nominal", sort: null }, x: { field: "count", type: "quantitative" },
        text: { field: "count", type: "quantitative", format: "d" },
      } },
    ],
  };
}

async function drawPanel(card, panel, model) {
  const body = h("div", { class: "pacte-dash-body" });
  card.replaceChildren(
    h("h4", {}, panel.title),
    h("p", { class: "pacte-dash-prompt" }, panel.prompt),
    h("p", { class: "pacte-dash-count", "data-respondents": String(panel.respondents) },
      `${nb(panel.respondents)} réponse${panel.respondents > 1 ? "s" : ""}`),
    h("div", { class: "pacte-dash-actions" },
      h("button", { type: "button", class: "pacte-button pacte-secondary",
        onclick: () => send(model, panel.hidden ? "reveal" : "hide", { activity: panel.activity, question: panel.question }) },
        panel.hidden ? "Révéler les résultats" : "Masquer les résultats"),
      h("button", { type: "button", class: "pacte-button pacte-secondary",
        onclick: () => { if (window.confirm("Effacer les réponses à cette question ?")) send(model, "reset", { activity: panel.activity, question: panel.question }); } },
        "Remettre à zéro")),
    body);
  card.dataset.activity = panel.activity;
  card.dataset.question = panel.question;
  if (panel.hidden) {
    body.append(h("p", { class: "pacte-dash-hidden" }, "Résultats masqués pour la salle."));
    return;
  }
  if (panel.kind === "text") {
    const list = h("ul", { class: "pacte-dash-texts" });
    for (const item of panel.texts) {
      const li = h("li");
      li.textContent = item.count > 1 ? `${item.text} (×${item.count})` : item.text;
      list.append(li);
    }
    body.append(list);
    return;
  }
  const view = h("div", { class: "pacte-dash-chart" });
  body.append(view);
  if (panel.source) body.append(h("p", { class: "pacte-chart-source" }, `Source : ${panel.source}`));
  const { vegaEmbed } = await loadRuntime();
  // A fixed width: "container" sizing reads 0 while Voilà still hides the cells.
  const width = Math.max(220, Math.min(560, (card.clientWidth || 480) - 220));
  await vegaEmbed(view, chartSpec(panel, width), { actions: false, renderer: "svg" });
}

function render({ model, el }) {
  const root = h("section", { class: "pacte-dashboard", "aria-label": "Tableau de bord de la séance" });
  const message = h("p", { class: "pacte-dash-message", "aria-live": "polite" });
  const head = h("div", { class: "pacte-dash-head" });
  const current = h("div", { class: "pacte-dash-current" });
  const panels = h("div", { class: "pacte-dash-panels" });
  root.append(head, message, current, panels);
  el.replaceChildren(root);

  const drawHead = () => {
    const title = h("input", { type: "text", id: "pacte-dash-title", maxlength: "120", placeholder: "Titre de la séance" });
    const select = h("select", { id: "pacte-dash-sessions", "aria-label": "Séances existantes" },
      h("option", { value: "" }, "— Choisir une séance existante —"),
      model.get("sessions").map((s) => {
        const o = h("option", { value: s.id }, `${s.code} — ${s.title} (${s.created}${s.closed ? ", fermée" : ""})`);
        if (s.id === model.get("current").id) o.selected = true;
        return o;
      }));
    select.addEventListener("change", () => select.value && send(model, "select", { id: select.value }));
    head.replaceChildren(
      h("form", { class: "pacte-dash-create", onsubmit: (e) => { e.preventDefault(); send(model, "create", { title: title.value }); } },
        h("label", { for: "pacte-dash-title" }, "Nouvelle séance : "), title,
        h("button", { type: "submit", class: "pacte-button" }, "Ouvrir une séance")),
      select);
  };
  const drawCurrent = () => {
    const c = model.get("current");
    if (!c || !c.id) {
      current.replaceChildren(h("p", {}, "Aucune séance sélectionnée."));
      root.dataset.code = "";
      return;
    }
    root.dataset.code = c.code;
    const qr = h("div", { class: "pacte-dash-qr", role: "img", "aria-label": `QR code du lien ${c.join_url}` });
    qr.innerHTML = c.qr_svg; // generated by the server with segno from the join URL, not user input
    current.replaceChildren(
      h("div", { class: "pacte-dash-join" },
        h("p", {}, "Code de la séance"),
        h("p", { class: "pacte-dash-code" }, c.code),
        h("p", { class: "pacte-dash-url" }, c.join_url),
        h("p", { class: "pacte-dash-participants", "aria-live": "polite" },
          `${nb(model.get("participants"))} participant${model.get("participants") > 1 ? "s" : ""}`),
        c.closed ? h("p", { class: "pacte-dash-closed" }, "Séance fermée.") : null,
        h("div", { class: "pacte-dash-actions" },
          h("button", { type: "button", class: "pacte-button pacte-secondary", onclick: () => send(model, "export") }, "Exporter en CSV"),
          c.closed ? null : h("button", { type: "button", class: "pacte-button pacte-secondary",
            onclick: () => { if (window.confirm("Fermer la séance ? Plus aucune réponse ne sera acceptée.")) send(model, "close"); } }, "Fermer la séance"),
          h("button", { type: "button", class: "pacte-button pacte-secondary",
            onclick: () => { if (window.confirm("Supprimer la séance et toutes ses réponses ?")) send(model, "delete"); } }, "Supprimer la séance"))),
      qr);
  };
  const cards = new Map();
  const drawPanels = () => {
    const list = model.get("panels");
    root.dataset.panels = String(list.length);
    for (const child of [...panels.children]) if (!child.classList.contains("pacte-dash-panel")) child.remove();
    const keep = new Set();
    list.forEach((panel) => {
      const key = `${panel.activity}|${panel.question}`;
      keep.add(key);
      let card = cards.get(key);
      if (!card) {
        card = h("article", { class: "pacte-dash-panel" });
        cards.set(key, card);
      }
      panels.append(card);
      const signature = JSON.stringify(panel);
      if (card.dataset.signature !== signature) {
        card.dataset.signature = signature;
        drawPanel(card, panel, model).catch((err) => console.error("pacte dashboard", err));
      }
    });
    for (const [key, card] of cards) if (!keep.has(key)) { card.remove(); cards.delete(key); }
    if (!list.length) panels.replaceChildren(h("p", {}, "Pas encore de réponse."));
  };
  const onExport = () => {
    const e = model.get("export");
    if (!e || !e.content) return;
    const a = h("a", { href: URL.createObjectURL(new Blob([e.content], { type: "text/csv;charset=utf-8" })), download: e.filename });
    document.body.append(a);
    a.click();
    a.remove();
  };
  model.on("change:sessions", drawHead);
  model.on("change:current", () => { drawHead(); drawCurrent(); });
  model.on("change:participants", drawCurrent);
  model.on("change:panels", drawPanels);
  model.on("change:message", () => { message.textContent = model.get("message"); });
  model.on("change:export", onExport);
  drawHead();
  drawCurrent();
  drawPanels();
  message.textContent = model.get("message");
}

export default { render };
