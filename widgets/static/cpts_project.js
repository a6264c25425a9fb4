// @ts-check
// « Construire un projet de CPTS » front end: one module for every host (Jupyter, Voilà, Binder, static book).
// A territory card (fictional, said so), checkboxes for the missions and the
// partners, one « Valider » button; the feedback rules run in the browser
// (cpts_project_logic.js). Keyboard usable: native checkboxes and buttons.
import { COMPLETE, evaluateProject, INVALID, livePayloads, projectSummary } from "./cpts_project_logic.js";
import { h, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer } from "./live_client.js";
import { fmtNumber } from "./numbers.js";
import { remember } from "./progress.js";

const STYLE_ID = "pacte-cpts-project-style";
const CSS = `
.pacte-cpts { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-cpts h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-cpts-territory { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .6rem .9rem; margin: .8rem 0; }
.pacte-cpts-territory h4 { margin: 0 0 .3rem; font-size: 1.05rem; }
.pacte-cpts-notice { font-weight: 600; color: #7a4100; background: #fff4e5; border-left: 4px solid #b35c00; padding: .2rem .5rem; margin: .3rem 0; }
.pacte-cpts-indicators { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr)); gap: .3rem .9rem; margin: .5rem 0; padding: 0; list-style: none; font-size: .92rem; }
.pacte-cpts-indicators strong { font-variant-numeric: tabular-nums; }
.pacte-cpts-needs { margin: .3rem 0 0 1.1rem; font-size: .92rem; }
.pacte-cpts fieldset.pacte-cpts-group { border: 1px solid #dde3ea; border-radius: 6px; background: #fff; padding: .5rem .9rem .7rem; margin: .8rem 0; }
.pacte-cpts fieldset.pacte-cpts-group > legend { font-weight: 700; font-size: 1.02rem; padding: 0 .3rem; float: none; width: auto; }
.pacte-cpts-option { display: flex; align-items: flex-start; gap: .45rem; margin: .3rem 0; line-height: 1.4; }
.pacte-cpts-option input { margin-top: .25rem; }
.pacte-cpts-option input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-cpts-count { font-size: .85rem; color: #4a5560; margin: .2rem 0 0; }
.pacte-cpts-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
.pacte-cpts .pacte-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-cpts .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-cpts .pacte-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-cpts-status { font-weight: 600; }
.pacte-cpts-status.pacte-invalid { color: #b23c00; }
.pacte-cpts-feedback { list-style: none; padding: 0; margin: .5rem 0; }
.pacte-cpts-feedback li { background: #fff; border: 1px solid #dde3ea; border-left: 5px solid #7f8c99; border-radius: 6px; padding: .45rem .8rem; margin: .45rem 0; font-size: .93rem; }
.pacte-cpts-feedback li[data-level="point-fort"] { border-left-color: #2e7d32; }
.pacte-cpts-feedback li[data-level="attention"] { border-left-color: #c62828; }
.pacte-cpts-feedback li[data-level="suggestion"] { border-left-color: #1f5f8b; }
.pacte-cpts-level { font-weight: 700; margin-right: .3rem; }
.pacte-cpts-source { display: block; font-size: .8rem; color: #4a5560; margin-top: .2rem; }
`;

const LEVEL_LABEL = { "point-fort": "Point fort :", attention: "Point d’attention :", suggestion: "Suggestion :" };

function saveText(text, filename) {
  const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: "text/plain;charset=utf-8" }));
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
  const project = model.get("project");
  remember(model, {
    kind: "cpts_project",
    ref: project.id,
    title: project.title,
    definition: [project.missions.map((m) => m.id), project.partners.map((p) => p.id)],
    migrate: (a) => {
      // missions or partners no longer offered are dropped, the rest of the choice is kept
      const keep = (list, options) => (Array.isArray(list) ? list.filter((x) => options.some((o) => o.id === x)) : []);
      const out = { missions: keep(a.missions, project.missions), partners: keep(a.partners, project.partners) };
      const before =
        (Array.isArray(a.missions) ? a.missions.length : 0) + (Array.isArray(a.partners) ? a.partners.length : 0);
      return { answers: out, dropped: before - out.missions.length - out.partners.length };
    },
    summarize: (a) => {
      const r = evaluateProject(project, a);
      const m = (a.missions || []).length;
      const p = (a.partners || []).length;
      return {
        complete: r.status === COMPLETE,
        label: `${m} mission${m > 1 ? "s" : ""} et ${p} partenaire${p > 1 ? "s" : ""} choisis`,
      };
    },
  });
  const uid = Math.random().toString(36).slice(2, 8);
  const saved = model.get("answers") || {};
  const cite = (src) => `${(project.citations && project.citations[src.ref]) || src.ref} — ${src.detail}`;
  const t = project.territory;

  const root = h("section", { class: "pacte-cpts", "aria-label": `Activité : ${project.title}` });
  root.append(h("h3", {}, project.title), h("p", {}, project.instructions));
  root.append(
    h(
      "div",
      { class: "pacte-cpts-territory" },
      h("h4", {}, `Le territoire : ${t.name}`),
      project.fictional ? h("p", { class: "pacte-cpts-notice" }, t.notice) : null,
      h("p", {}, t.description),
      h(
        "ul",
        { class: "pacte-cpts-indicators", "aria-label": "Chiffres du territoire" },
        t.indicators.map((i) =>
          h(
            "li",
            { "data-indicator": i.id },
            `${i.label} : `,
            h("strong", {}, `${fmtNumber(i.value)}${i.unit === "%" ? "\u00a0%" : ""}`),
          ),
        ),
      ),
      h("p", { style: "margin:.4rem 0 0" }, h("strong", {}, "Besoins repérés :")),
      h(
        "ul",
        { class: "pacte-cpts-needs" },
        t.needs.map((n) => h("li", {}, n.label)),
      ),
    ),
  );

  const form = h("form", { class: "pacte-cpts-form", novalidate: true });
  const group = (key, legend, entries) => {
    const fs = h("fieldset", { class: "pacte-cpts-group", "data-group": key }, h("legend", {}, legend));
    for (const entry of entries) {
      const id = `cpts-${uid}-${key}-${entry.id}`;
      const input = h("input", { type: "checkbox", id, name: key, value: entry.id });
      if (Array.isArray(saved[key]) && saved[key].includes(entry.id)) input.checked = true;
      fs.append(h("div", { class: "pacte-cpts-option" }, input, h("label", { for: id }, entry.label)));
    }
    return fs;
  };
  const missionCount = h("p", { class: "pacte-cpts-count", "aria-live": "polite" });
  const missions = group(
    "missions",
    `Les missions pour commencer (${project.max_missions} conseillées au plus)`,
    project.missions,
  );
  missions.append(missionCount);
  const partners = group("partners", "Les partenaires à associer dès le départ", project.partners);
  const submit = h("button", { type: "submit", class: "pacte-button" }, "Valider mon projet");
  const reset = h("button", { type: "button", class: "pacte-button pacte-secondary" }, "Recommencer");
  const download = h(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "txt", disabled: true },
    "Télécharger mon projet (texte)",
  );
  form.append(missions, partners, h("div", { class: "pacte-cpts-actions" }, submit, reset, download));
  root.append(form);

  const status = h("p", { class: "pacte-cpts-status", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "pacte-cpts-feedback" });
  root.append(h("div", { class: "pacte-cpts-result" }, status, list));

  const chosen = (key) =>
    [.../** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll(`input[name=${key}]:checked`))].map(
      (i) => i.value,
    );
  const countMissions = () => {
    const n = chosen("missions").length;
    missionCount.textContent = `${n} mission${n > 1 ? "s" : ""} choisie${n > 1 ? "s" : ""}.`;
  };
  let current = null;
  const show = (result) => {
    current = result;
    status.textContent = result.message;
    status.className = `pacte-cpts-status${result.status === INVALID ? " pacte-invalid" : ""}`;
    root.dataset.status = result.status;
    root.dataset.feedback = String(result.feedback.length);
    list.replaceChildren(
      ...result.feedback.map((f) =>
        h(
          "li",
          { "data-level": f.level, "data-rule": f.rule },
          h("span", { class: "pacte-cpts-level" }, LEVEL_LABEL[f.level] || f.level),
          f.message,
          h("span", { class: "pacte-cpts-source" }, "Source : ", cite(f.source)),
        ),
      ),
    );
    download.disabled = result.status !== COMPLETE;
  };

  form.addEventListener("change", countMissions);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const answers = { missions: chosen("missions"), partners: chosen("partners") };
    const result = evaluateProject(project, answers);
    show(result);
    model.set("answers", answers);
    model.save_changes();
    for (const p of livePayloads(project, result)) emitAnswer(root, p.kind, p.ref, p.question, p.answer);
  });
  reset.addEventListener("click", () => {
    form.reset();
    countMissions();
    list.replaceChildren();
    status.textContent = "";
    delete root.dataset.status;
    download.disabled = true;
    model.set("answers", {});
    model.save_changes();
  });
  download.addEventListener("click", () => {
    if (current && current.status === COMPLETE) saveText(projectSummary(project, current), "projet-cpts.txt");
  });

  const showKernel = (kr) => {
    if (kr && typeof kr.status === "string") {
      root.dataset.kernelStatus = kr.status;
      root.dataset.kernelFeedback = String((kr.feedback || []).length);
    }
  };
  countMissions();
  if (saved.missions || saved.partners) show(evaluateProject(project, saved));
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}

export default { render };
