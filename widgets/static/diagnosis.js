// @ts-check
// Self-diagnosis front end: one module for every host (Jupyter, Voilà, Binder, static book).
// Statements rated on a scale; an inline SVG chart of the dimension scores;
// feedback per dimension from the grid's data; CSV and image downloads made
// in the browser (Blob + link). Nothing is sent to any server.
import {
  actionPlan,
  actionPlanCsv,
  diagnosisCsv,
  diagnosisSvg,
  evaluateDiagnosis,
  frenchDecimal,
  INVALID,
  parseRating,
} from "./diagnosis_logic.js";
import { h as el_, errorText, injectStyle, scrollHint } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { emitAnswer } from "./live_client.js";
import { remember } from "./progress.js";

const DIAG_STYLE_ID = "pacte-diagnosis-style";
const DIAG_CSS = `
.pacte-diag { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-diag h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-diag-group { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .9rem .7rem; margin: 1rem 0; background: #fff; }
.pacte-diag-group > legend { font-weight: 700; font-size: 1.05rem; line-height: 1.4; padding: 0 .3rem; width: auto; float: none; }
.pacte-diag-groupdesc { font-size: .9rem; color: #4a5560; margin: .1rem 0 .4rem; }
.pacte-diag-statement { border: none; border-top: 1px solid #eef2f6; margin: 0; padding: .5rem 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: .3rem; }
.pacte-diag-statement > legend { float: left; width: 100%; padding: 0; font-weight: 500; font-size: 1rem; line-height: 1.45; margin-bottom: .2rem; }
.pacte-diag-options { clear: both; display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
.pacte-diag-option { display: inline-flex; align-items: center; gap: .3rem; font-size: .92rem; }
.pacte-diag-option input:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-diag-tag { display: inline-block; font-size: .72rem; border-radius: 4px; padding: 0 .35rem; margin-left: .4rem; background: #eef2f6; color: #4a5560; vertical-align: middle; }
.pacte-diag-result { border-top: 2px solid #1f5f8b; margin-top: 1rem; padding-top: .6rem; }
.pacte-diag-status { font-weight: 600; }
.pacte-diag-status.pacte-invalid { color: #b23c00; border-left: 4px solid #b35c00; padding-left: .6rem; }
.pacte-diag-chart svg { max-width: 100%; height: auto; }
.pacte-diag-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: .8rem; margin: .8rem 0; align-items: start; }
.pacte-diag-card { background: #fff; border: 1px solid #dde3ea; border-left: 5px solid #7f8c99; border-radius: 6px; padding: .6rem .8rem; font-size: .92rem; }
.pacte-diag-card h4 { margin: 0 0 .3rem; font-size: 1rem; }
.pacte-diag-card p { margin: .3rem 0; }
.pacte-diag-level { display: inline-block; font-weight: 600; font-size: .85rem; padding: 0 .4rem; border-radius: 4px; color: #fff; background: #7f8c99; }
.pacte-diag-source { font-size: .8rem; color: #4a5560; }
.pacte-diag-resources { font-size: .92rem; }
.pacte-diag-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .8rem; }
.pacte-diag .pacte-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-diag .pacte-button.pacte-secondary { background: #fff; color: #1f5f8b; }
.pacte-diag .pacte-button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-diag-plan { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .9rem; margin: .8rem 0; font-size: .92rem; }
.pacte-diag-plan h4 { margin: 0 0 .3rem; font-size: 1rem; }
.pacte-diag-plan > ol > li { margin: .4rem 0; }
.pacte-diag-plan ul { margin: .2rem 0 .2rem 1.1rem; }
`;

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el_("a", { href: url, download: filename, style: "display:none" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4000);
}

function svgToPngBlob(svgText, width, height, scale = 2) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("conversion PNG impossible"))), "image/png");
    };
    img.onerror = () => reject(new Error("image SVG illisible"));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}

// Text colour readable on a level's colour (4.5:1): white, or the course's dark text.
function readableOn(hex) {
  const lum = (h) => {
    const c = [1, 3, 5]
      .map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return "#fff";
  return 1.05 / (lum(hex) + 0.05) >= 4.5 ? "#fff" : "#1b2631";
}

// The displayed chart keeps its text at 12 px or more (the downloaded SVG is unchanged).
function legible(svgText) {
  return svgText.replace(/font-size:1[01]px/g, "font-size:12px");
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el }) {
  injectStyle(DIAG_STYLE_ID, DIAG_CSS);
  const grid = model.get("grid");
  const uid = Math.random().toString(36).slice(2, 8);
  const dims = new Map(grid.dimensions.map((d) => [d.id, d]));
  const levels = new Map(grid.levels.map((l) => [l.id, l]));
  remember(model, {
    kind: "diagnosis",
    ref: grid.id,
    title: grid.title,
    shape: Object.fromEntries(grid.statements.map((st) => [st.id, grid.scale.labels.map((l) => l.value)])),
    summarize: (a) => {
      const r = evaluateDiagnosis(grid, a);
      return {
        done: r.answered,
        total: grid.statements.length,
        label: `${r.answered} affirmation${r.answered > 1 ? "s" : ""} sur ${grid.statements.length}`,
        details: r.dimensions
          .filter((d) => d.mean !== null)
          .map((d) => ({
            label: dims.get(d.id).short_label,
            value: `${frenchDecimal(d.mean)} sur ${grid.scale.max}${d.complete && levels.get(d.level) ? ` (${levels.get(d.level).label})` : " (provisoire)"}`,
          })),
      };
    },
  });
  const answers = { ...(model.get("answers") || {}) };
  const rtypes = new Map((grid.resource_types || []).map((r) => [r.id, r]));
  const cite = (src) => `${(grid.citations && grid.citations[src.ref]) || src.ref} — ${src.detail}`;

  const root = el_("section", { class: "pacte-diag", "aria-label": `Autodiagnostic\u00a0: ${grid.title}` });
  root.append(el_("h3", {}, grid.title), el_("p", {}, grid.instructions));
  const form = el_("form", { class: "pacte-diag-form", novalidate: true, onsubmit: (e) => e.preventDefault() });
  let n = 0;
  for (const dim of grid.dimensions) {
    const group = el_(
      "fieldset",
      { class: "pacte-diag-group", "data-dimension": dim.id },
      el_("legend", {}, dim.label),
      el_("p", { class: "pacte-diag-groupdesc" }, dim.description),
    );
    for (const st of grid.statements.filter((s) => s.dimension === dim.id)) {
      n += 1;
      const name = `diag-${uid}-${st.id}`;
      const rtype = st.resource ? rtypes.get(st.resource) : null;
      const legend = el_(
        "legend",
        { id: `${name}-legend` },
        `${n}. ${st.text}`,
        rtype
          ? el_(
              "span",
              { class: "pacte-diag-tag", title: rtype.description },
              rtype.label.replace(/^Ressources /, "ressource ").replace(/s$/, ""),
            )
          : null,
      );
      const options = el_("div", { class: "pacte-diag-options" });
      for (const lab of grid.scale.labels) {
        const id = `${name}-${lab.value}`;
        const input = el_("input", { type: "radio", id, name, value: String(lab.value), "data-statement": st.id });
        if (parseRating(answers[st.id], grid.scale) === lab.value) input.checked = true;
        options.append(el_("span", { class: "pacte-diag-option" }, input, el_("label", { for: id }, lab.label)));
      }
      group.append(el_("fieldset", { class: "pacte-diag-statement", "data-statement": st.id }, legend, options));
    }
    form.append(group);
  }
  root.append(form);

  const result = el_("div", { class: "pacte-diag-result" });
  const status = el_("p", { class: "pacte-diag-status", role: "status", "aria-live": "polite" });
  const chart = el_("div", {
    class: "pacte-diag-chart",
    tabindex: "0",
    role: "group",
    "aria-label": "Graphique de vos scores (défilement horizontal sur un petit écran)",
  });
  const scroll = scrollHint(chart);
  const cards = el_("div", { class: "pacte-diag-cards" });
  const resources = el_("div", { class: "pacte-diag-resources" });
  const sourceLine = el_("p", { class: "pacte-diag-source" }, "Source\u00a0: ", cite(grid.source));
  const actions = el_("div", { class: "pacte-diag-actions" });
  const stem = grid.file_stem || "autodiagnostic-coordination";
  const plan = grid.action_plan ? el_("div", { class: "pacte-diag-plan" }) : null;
  // No action plan in the grid: nothing (Element.append would write « null »).
  result.append(
    ...[
      el_("h4", {}, grid.result_title || "Votre profil de coordination"),
      status,
      chart,
      scroll.hint,
      cards,
      resources,
      plan,
      sourceLine,
      actions,
    ].filter(Boolean),
  );
  root.append(result);

  let current = null;
  const planButton = grid.action_plan
    ? el_(
        "button",
        { type: "button", class: "pacte-button", "data-download": "plan", disabled: true },
        "Télécharger mon plan d’action (CSV)",
      )
    : null;
  const cardFor = (d) => {
    const dim = dims.get(d.id);
    const card = el_("article", { class: "pacte-diag-card", "data-dimension": d.id, "data-level": d.level || "" });
    card.append(el_("h4", {}, dim.short_label));
    if (!d.complete) {
      const left = d.total - d.answered;
      card.append(
        el_(
          "p",
          {},
          `Répondez encore à ${left} affirmation${left > 1 ? "s" : ""} de cette dimension pour lire le commentaire.`,
        ),
      );
      if (d.mean !== null)
        card.append(
          el_(
            "p",
            { class: "pacte-diag-source" },
            `Moyenne provisoire\u00a0: ${frenchDecimal(d.mean)} sur ${grid.scale.max}.`,
          ),
        );
      return card;
    }
    const lv = levels.get(d.level);
    const fb = dim.feedback[d.level];
    card.style.borderLeftColor = lv.color || "#7f8c99";
    card.append(
      el_(
        "p",
        {},
        el_(
          "span",
          {
            class: "pacte-diag-level",
            style: `background:${lv.color || "#7f8c99"};color:${readableOn(lv.color || "#7f8c99")}`,
          },
          lv.label,
        ),
        ` ${frenchDecimal(d.mean)} sur ${grid.scale.max}`,
      ),
      el_("p", {}, fb.summary),
      el_("p", {}, el_("strong", {}, "Ce qui est solide\u00a0: "), fb.strengths),
      el_("p", {}, el_("strong", {}, "À travailler\u00a0: "), fb.to_work_on),
      el_("p", {}, el_("strong", {}, "Ressources à mobiliser\u00a0: "), fb.resources),
      el_("p", { class: "pacte-diag-source" }, "Source\u00a0: ", cite(fb.source)),
    );
    return card;
  };

  const update = () => {
    current = evaluateDiagnosis(grid, answers);
    status.textContent = current.message;
    status.className = `pacte-diag-status${current.status === INVALID ? " pacte-invalid" : ""}`;
    root.dataset.status = current.status;
    root.dataset.answered = String(current.answered);
    root.dataset.scores = current.dimensions.map((d) => `${d.id}:${d.mean === null ? "" : d.mean}`).join(",");
    chart.innerHTML = legible(diagnosisSvg(grid, current, { idSuffix: uid, title: "Score moyen par dimension" }));
    scroll.update();
    cards.replaceChildren(...current.dimensions.map(cardFor));
    const rs = current.resources.filter((r) => r.mean !== null);
    resources.replaceChildren();
    if (rs.length) {
      resources.append(
        el_(
          "p",
          {},
          el_("strong", {}, "Ressources génériques et spécifiques. "),
          "Parmi les affirmations marquées «\u00a0ressource\u00a0», votre moyenne est de ",
          rs
            .map(
              (r) =>
                `${frenchDecimal(r.mean)} pour les ${rtypes.get(r.id).label.toLowerCase()} (${r.answered}/${r.total})`,
            )
            .join(" et de "),
          ". Les ressources génériques s’acquièrent\u00a0; les spécifiques se construisent dans l’activité, avec du temps.",
        ),
      );
    }
    if (plan) {
      const items = actionPlan(grid, answers);
      root.dataset.plan = String(items.length);
      plan.replaceChildren(el_("h4", {}, grid.action_plan.title), el_("p", {}, grid.action_plan.intro));
      if (!items.length) plan.append(el_("p", {}, grid.action_plan.empty));
      else
        plan.append(
          el_(
            "ol",
            {},
            items.map((it) =>
              el_(
                "li",
                { "data-statement": it.id },
                el_("strong", {}, it.text),
                ` (${it.label})`,
                el_(
                  "ul",
                  {},
                  it.levers.map((lv) =>
                    el_("li", {}, lv.text, " ", el_("span", { class: "pacte-diag-source" }, `(${cite(lv.source)})`)),
                  ),
                ),
              ),
            ),
          ),
        );
      if (planButton) planButton.disabled = !items.length;
    }
  };

  const push = () => {
    model.set("answers", { ...answers });
    model.save_changes();
  };

  form.addEventListener("change", (event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    if (!input || !input.dataset || !input.dataset.statement) return;
    answers[input.dataset.statement] = Number(input.value);
    update();
    push();
    emitAnswer(root, "diagnosis", grid.id, input.dataset.statement, Number(input.value));
  });

  const csvButton = el_(
    "button",
    { type: "button", class: "pacte-button", "data-download": "csv" },
    "Télécharger mes réponses (CSV)",
  );
  csvButton.addEventListener("click", () => {
    const text = diagnosisCsv(grid, answers, current);
    saveBlob(new Blob([`\ufeff${text}`], { type: "text/csv;charset=utf-8" }), `${stem}.csv`);
  });
  const svgButton = el_(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "svg" },
    "Télécharger le graphique (SVG)",
  );
  const exportSvg = () => diagnosisSvg(grid, current, { idSuffix: "export", title: `${grid.title}`, width: 720 });
  svgButton.addEventListener("click", () => {
    saveBlob(new Blob([exportSvg()], { type: "image/svg+xml;charset=utf-8" }), `${stem}.svg`);
  });
  const pngButton = el_(
    "button",
    { type: "button", class: "pacte-button pacte-secondary", "data-download": "png" },
    "Télécharger le graphique (PNG)",
  );
  pngButton.addEventListener("click", async () => {
    const svg = exportSvg();
    const m = /width="(\d+)" height="(\d+)"/.exec(svg);
    try {
      const blob = await svgToPngBlob(svg, Number(m[1]), Number(m[2]));
      saveBlob(blob, `${stem}.png`);
    } catch (err) {
      status.textContent = `L’image PNG n’a pas pu être créée\u00a0: ${errorText(err)} Essayez le format SVG.`;
    }
  });
  const reset = el_("button", { type: "button", class: "pacte-button pacte-secondary" }, "Effacer mes réponses");
  reset.addEventListener("click", () => {
    for (const k of Object.keys(answers)) delete answers[k];
    form.reset();
    update();
    push();
  });
  actions.append(csvButton, svgButton, pngButton);
  if (planButton) {
    planButton.addEventListener("click", () => {
      saveBlob(
        new Blob([`\ufeff${actionPlanCsv(grid, answers)}`], { type: "text/csv;charset=utf-8" }),
        `${stem}-plan-action.csv`,
      );
    });
    actions.append(planButton);
  }
  actions.append(reset);

  const showKernel = (kr) => {
    if (kr && typeof kr.status === "string") {
      root.dataset.kernelStatus = kr.status;
      root.dataset.kernelAnswered = String(kr.answered ?? "");
    }
  };
  update();
  const stopKernel = mirrorKernelResult(model, showKernel);
  el.replaceChildren(root);
  return stopKernel;
}

export default { render };
