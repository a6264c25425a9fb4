// @ts-check
// « Mon parcours »: what this browser remembers of the course (static/progress.js records),
// per module and page; export to a JSON file, import with merge, erase with confirmation,
// and a printable self-declared record. Everything stays in the browser.

import { h, injectStyle } from "./dom.js";
import { clearAllRecords, courseLink, progressStorage, readAllRecords, writeRecords } from "./progress.js";
import { buildExport, isEmptyAnswers, mergeRecords, parseExport, summarizeCourse } from "./progress_logic.js";

const NBSP = "\u00a0";
const STYLE_ID = "pacte-progress-page-style";
const CSS = `
.pacte-progress { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-progress h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-progress h4 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.pacte-progress-overall progress { width: 100%; max-width: 28rem; height: 1rem; display: block; margin: .3rem 0; }
.pacte-progress-next { background: #fff; border-left: 4px solid #1f5f8b; padding: .4rem .8rem; }
.pacte-progress-table { width: 100%; border-collapse: collapse; font-size: .92rem; background: #fff; }
.pacte-progress-table caption { text-align: left; font-weight: 600; padding: .3rem 0; }
.pacte-progress-table th, .pacte-progress-table td { border: 1px solid #dde3ea; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.pacte-progress-table ul { margin: 0; padding-left: 1rem; }
.pacte-progress-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0 .4rem; }
.pacte-progress .pacte-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-progress .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-progress .pacte-button.pacte-danger { background: #fff; color: #9b1c1c; border-color: #9b1c1c; }
.pacte-progress .pacte-button:focus-visible, .pacte-progress input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-progress-message { font-weight: 600; min-height: 1.2em; }
.pacte-progress-message.pacte-error { color: #9b1c1c; border-left: 4px solid #c62828; padding-left: .6rem; }
.pacte-progress-note { font-size: .85rem; color: #4a5560; }
.pacte-progress-module-empty { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .4rem .7rem; }
.pacte-progress-print-root { display: none; }
@media (max-width: 600px) {
  .pacte-progress-table, .pacte-progress-table tbody, .pacte-progress-table tr, .pacte-progress-table th, .pacte-progress-table td { display: block; width: 100%; box-sizing: border-box; }
  .pacte-progress-table thead { display: none; }
  .pacte-progress-table caption { display: block; width: 100%; }
  .pacte-progress-table tr { border: 1px solid #c9d3dd; border-radius: 6px; margin: .5rem 0; }
  .pacte-progress-table th, .pacte-progress-table td { border: none; border-top: 1px solid #eef2f6; }
  .pacte-progress-table td::before { content: attr(data-label) "\\00a0: "; font-weight: 600; }
}
@media print {
  body > *:not(.pacte-progress-print-root) { display: none !important; }
  .pacte-progress-print-root { display: block !important; color: #000; background: #fff; font-size: 11pt; }
  .pacte-progress-record table { width: 100%; border-collapse: collapse; }
  .pacte-progress-record th, .pacte-progress-record td { border: 1px solid #666; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  .pacte-progress-record section { break-inside: avoid; margin-top: 10pt; }
  .pacte-progress-name { font-size: 12pt; margin: 12pt 0; }
  .pacte-progress-blank { display: inline-block; width: 10cm; border-bottom: 1px solid #000; }
}
`;

function frDate(iso) {
  if (!iso) return "jamais";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "date inconnue";
  return (
    d.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" }) +
    " à " +
    d.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" }).replace(":", " h ")
  );
}

function plural(n, word, suffix = "s") {
  return `${n} ${word}${n > 1 ? suffix : ""}`;
}

function resultList(records) {
  if (!records.length) return "—";
  return h(
    "ul",
    {},
    records.map((r) =>
      h(
        "li",
        { "data-kind": r.kind },
        r.title || r.kind,
        r.summary && r.summary.label ? ` : ${r.summary.label}` : "",
        r.dropped ? ` (${plural(r.dropped, "réponse")} retirée${r.dropped > 1 ? "s" : ""} : l’activité a changé)` : "",
      ),
    ),
  );
}

function activityCount(p) {
  return `${p.done} terminée${p.done > 1 ? "s" : ""} sur ${p.activities}${p.started > p.done ? ` (${p.started - p.done} en cours)` : ""}`;
}

function pageTable(mod) {
  if (!mod.visited) {
    return h(
      "p",
      { class: "pacte-progress-module-empty", "data-module": mod.id },
      h("strong", {}, mod.title),
      ` : module pas encore commencé (${mod.pages.length} page${mod.pages.length > 1 ? "s" : ""}). `,
      h("a", { href: courseLink(mod.pages[0].page) }, "Commencer par « ", mod.pages[0].title, `${NBSP}»`),
      ".",
    );
  }
  return h(
    "table",
    { class: "pacte-progress-table", "data-module": mod.id },
    h(
      "caption",
      {},
      `${mod.title} : ${mod.visited} page${mod.visited > 1 ? "s" : ""} ouverte${mod.visited > 1 ? "s" : ""} sur ${mod.pages.length}`,
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Page"),
        h("th", { scope: "col" }, "Activités"),
        h("th", { scope: "col" }, "Résultats"),
        h("th", { scope: "col" }, "Dernière visite"),
      ),
    ),
    h(
      "tbody",
      {},
      mod.pages.map((p) =>
        h(
          "tr",
          { "data-page": p.page, "data-done": String(p.done) },
          h("th", { scope: "row" }, h("a", { href: courseLink(p.page) }, p.title)),
          h(
            "td",
            { "data-label": "Activités" },
            p.visited ? (p.activities ? activityCount(p) : "aucune activité") : "page non ouverte",
          ),
          h("td", { "data-label": "Résultats" }, resultList(p.records)),
          h("td", { "data-label": "Dernière visite" }, frDate(p.last)),
        ),
      ),
    ),
  );
}

function diagnosisDetails(summary) {
  const diags = summary.modules.flatMap((m) => m.pages.flatMap((p) => p.records)).filter((r) => r.kind === "diagnosis");
  if (!diags.length) return null;
  return h(
    "section",
    {},
    h("h4", {}, "Vos autodiagnostics"),
    diags.map((d) =>
      h(
        "div",
        { class: "pacte-progress-diagnosis" },
        h("p", {}, h("strong", {}, d.title), ` (${d.summary.label || ""}, ${frDate(d.updated)})`),
        h(
          "ul",
          {},
          (d.summary.details || []).map((x) => h("li", {}, `${x.label} : ${x.value}`)),
        ),
      ),
    ),
  );
}

function record(summary) {
  const today = new Date().toISOString();
  return h(
    "div",
    { class: "pacte-progress-record" },
    h("h2", {}, "Relevé de parcours — cours PACTE soins primaires (EHESP)"),
    h("p", { class: "pacte-progress-name" }, `Nom${NBSP}: `, h("span", { class: "pacte-progress-blank" }, "")),
    h(
      "p",
      {},
      h("strong", {}, "Relevé déclaratif, ce n’est pas une attestation. "),
      `Établi le ${frDate(today)} à partir des activités enregistrées dans ce navigateur par l’apprenant lui-même ; aucun contrôle d’identité ni de résultat n’a été fait.`,
    ),
    h(
      "p",
      {},
      `Pages ouvertes : ${summary.pagesVisited} sur ${summary.pagesTotal}. Activités terminées : ${summary.activitiesDone} sur ${summary.activitiesKnown}, ${summary.activitiesStarted - summary.activitiesDone} en cours (activités des pages ouvertes).`,
    ),
    summary.modules.map((m) =>
      h(
        "section",
        {},
        h("h3", {}, m.title, m.complete ? " — module terminé" : ""),
        m.visited
          ? h(
              "table",
              {},
              h("thead", {}, h("tr", {}, h("th", {}, "Page"), h("th", {}, "Activités"), h("th", {}, "Résultats"))),
              h(
                "tbody",
                {},
                m.pages
                  .filter((p) => p.visited)
                  .map((p) =>
                    h(
                      "tr",
                      {},
                      h("td", {}, p.title),
                      h("td", {}, p.activities ? activityCount(p) : "—"),
                      h("td", {}, resultList(p.records)),
                    ),
                  ),
              ),
            )
          : h("p", {}, "Module non commencé."),
        m.visited && m.visited < m.pages.length
          ? h(
              "p",
              {},
              `${m.pages.length - m.visited} page${m.pages.length - m.visited > 1 ? "s" : ""} non ouverte${m.pages.length - m.visited > 1 ? "s" : ""}.`,
            )
          : null,
      ),
    ),
    diagnosisDetails(summary),
  );
}

function saveFile(text, filename) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
  const a = h("a", { href: url, download: filename, style: "display:none" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4000);
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(STYLE_ID, CSS);
  const modules = (model.get("course") || {}).modules || [];
  const root = h("section", { class: "pacte-progress", "aria-labelledby": "pacte-progress-title" });
  const body = h("div", { class: "pacte-progress-body" });
  const message = h("p", { class: "pacte-progress-message", role: "status", "aria-live": "polite" });
  const say = (text, error = false) => {
    message.textContent = text;
    message.className = `pacte-progress-message${error ? " pacte-error" : ""}`;
    root.dataset.message = error ? "error" : "ok";
  };
  const storageOk = !!progressStorage();
  // The printable record is a direct child of <body>: in print, only it is shown (Ctrl+P or the button).
  const printRoot = h("div", { class: "pacte-progress-print-root" });
  document.body.append(printRoot);

  const draw = () => {
    const records = readAllRecords();
    const summary = summarizeCourse(modules, records);
    const activityCount = Object.values(records).filter((r) => r.kind !== "visit" && !isEmptyAnswers(r.answers)).length;
    root.dataset.records = String(Object.keys(records).length);
    root.dataset.activities = String(activityCount);
    const bar = h("progress", {
      max: String(Math.max(summary.pagesTotal, 1)),
      value: String(summary.pagesVisited),
      "aria-labelledby": "pacte-progress-overall",
    });
    const overall = h(
      "div",
      { class: "pacte-progress-overall" },
      h(
        "p",
        { id: "pacte-progress-overall" },
        h("strong", {}, "Progression globale : "),
        `${summary.pagesVisited} page${summary.pagesVisited > 1 ? "s" : ""} ouverte${summary.pagesVisited > 1 ? "s" : ""} sur ${summary.pagesTotal}, `,
        `${summary.activitiesDone} activité${summary.activitiesDone > 1 ? "s" : ""} terminée${summary.activitiesDone > 1 ? "s" : ""} sur ${summary.activitiesKnown} dans les pages ouvertes`,
        summary.activitiesStarted > summary.activitiesDone
          ? `, ${summary.activitiesStarted - summary.activitiesDone} en cours.`
          : ".",
      ),
      bar,
    );
    const next = summary.next
      ? h(
          "p",
          { class: "pacte-progress-next" },
          h("strong", {}, "À faire ensuite : "),
          h("a", { href: courseLink(summary.next.page), "data-next": summary.next.page }, summary.next.title),
          summary.next.reason === "unfinished"
            ? " (des activités de cette page restent à faire)."
            : " (page pas encore ouverte).",
        )
      : h(
          "p",
          { class: "pacte-progress-next" },
          "Vous avez ouvert toutes les pages et fait toutes leurs activités. Bravo !",
        );
    const empty =
      activityCount === 0 && summary.pagesVisited === 0
        ? h(
            "p",
            {},
            "Aucune activité enregistrée dans ce navigateur pour l’instant. Ouvrez une page du cours : vos réponses y seront gardées.",
          )
        : null;
    body.replaceChildren(
      overall,
      next,
      ...(empty ? [empty] : []),
      ...summary.modules.map(pageTable),
      ...(diagnosisDetails(summary) ? [diagnosisDetails(summary)] : []),
    );
    printRoot.replaceChildren(record(summary));
  };

  const exportButton = h(
    "button",
    { type: "button", class: "pacte-button", "data-action": "export" },
    "Télécharger ma progression (JSON)",
  );
  exportButton.addEventListener("click", () => {
    const now = new Date().toISOString();
    saveFile(JSON.stringify(buildExport(readAllRecords(), now), null, 2), `pacte-progression-${now.slice(0, 10)}.json`);
    say("Fichier de progression téléchargé : gardez-le pour reprendre sur un autre appareil ou navigateur.");
  });

  const fileId = `pacte-progress-file-${Math.random().toString(36).slice(2, 8)}`;
  const fileInput = h("input", {
    type: "file",
    id: fileId,
    accept: ".json,application/json",
    "data-action": "import",
    class: "pacte-progress-file",
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    let text = "";
    try {
      text = await file.text();
    } catch {
      say("Ce fichier n’a pas pu être lu : rien n’a été modifié.", true);
      return;
    }
    const parsed = parseExport(text);
    fileInput.value = "";
    if (parsed.ok === false) {
      say(parsed.message, true);
      return;
    }
    const { merged, added, replaced, kept } = mergeRecords(readAllRecords(), parsed.records);
    const changed = Object.fromEntries(Object.entries(merged).filter(([k]) => parsed.records[k] === merged[k]));
    if (!writeRecords(changed)) {
      say("Votre navigateur n’autorise pas l’enregistrement local : rien n’a été chargé.", true);
      return;
    }
    draw();
    say(
      `Sauvegarde chargée : ${added} ajoutée${added > 1 ? "s" : ""}, ${replaced} mise${replaced > 1 ? "s" : ""} à jour, ` +
        `${kept} déjà à jour dans ce navigateur (la version la plus récente de chaque activité est gardée).`,
    );
  });

  const printButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-action": "print" },
    "Imprimer mon relevé",
  );
  printButton.addEventListener("click", () => {
    draw();
    window.print();
  });

  const clearButton = h(
    "button",
    { type: "button", class: "pacte-button pacte-danger", "data-action": "clear" },
    "Tout effacer",
  );
  const confirmBox = h("div", {
    class: "pacte-progress-confirm",
    hidden: true,
    role: "group",
    "aria-label": "Confirmer l’effacement",
  });
  const confirmYes = h(
    "button",
    { type: "button", class: "pacte-button pacte-danger", "data-action": "confirm-clear" },
    "Oui, tout effacer",
  );
  const confirmNo = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-action": "cancel-clear" },
    "Annuler",
  );
  confirmBox.append(
    h(
      "p",
      {},
      "Effacer toutes vos réponses et votre progression enregistrées dans ce navigateur ? Téléchargez d’abord votre progression si vous voulez la garder.",
    ),
    confirmYes,
    confirmNo,
  );
  clearButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener("click", () => {
    confirmBox.hidden = true;
    clearButton.focus();
    say("Rien n’a été effacé.");
  });
  confirmYes.addEventListener("click", () => {
    const n = clearAllRecords();
    confirmBox.hidden = true;
    draw();
    say(`Progression effacée de ce navigateur (${n} enregistrement${n > 1 ? "s" : ""}).`);
    clearButton.focus();
  });

  root.append(
    h("h3", { id: "pacte-progress-title" }, "Votre progression dans ce navigateur"),
    h(
      "p",
      { class: "pacte-progress-note" },
      "Ces informations sont lues dans ce navigateur seulement : elles ne sont envoyées nulle part.",
    ),
    body,
    message,
    h(
      "div",
      { class: "pacte-progress-actions" },
      exportButton,
      h("label", { for: fileId }, `Charger une sauvegarde${NBSP}: `),
      fileInput,
      printButton,
      clearButton,
    ),
    confirmBox,
  );
  if (!storageOk)
    say(
      "Votre navigateur n’autorise pas l’enregistrement local (navigation privée ou stockage bloqué) : le cours ne peut rien garder.",
      true,
    );
  draw();
  const onProgress = () => draw();
  document.addEventListener("pacte:progress", onProgress);
  el.replaceChildren(root);
  return () => {
    document.removeEventListener("pacte:progress", onProgress);
    printRoot.remove();
  };
}

export default { render };
