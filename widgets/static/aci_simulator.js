// @ts-check
// ACI MSP simulator front end: one module for every host (Jupyter, Voilà,
// Binder, static book). The computation is in aci_logic.js; Python mirrors it
// and, with a kernel, writes the recomputed result to `kernel_result`.
import { computeAci } from "./aci_logic.js";
import { h as el, injectStyle } from "./dom.js";
import { mirrorKernelResult } from "./host.js";
import { fmtEuros, fmtNumber, NBSP, parseNumber, plural } from "./numbers.js";
import { remember } from "./progress.js";

const ACI_STYLE_ID = "pacte-aci-style";
const ACI_CSS = `
.pacte-sim { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-sim h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-sim fieldset { border: 1px solid #dde3ea; border-radius: 6px; margin: .75rem 0; padding: .5rem .9rem .75rem; background: #fff; }
.pacte-sim legend { font-weight: 600; padding: 0 .3rem; }
.pacte-sim-field { display: grid; grid-template-columns: minmax(12rem, 22rem) 9rem auto; gap: .3rem .6rem; align-items: center; margin: .35rem 0; }
.pacte-sim-field input, .pacte-sim select, .pacte-sim-points input { font: inherit; padding: .2rem .4rem; border: 1px solid #687887; border-radius: 4px; }
.pacte-sim-field input[aria-invalid="true"], .pacte-sim-points input[aria-invalid="true"] { border: 2px solid #c62828; }
.pacte-sim input:focus-visible, .pacte-sim select:focus-visible, .pacte-sim summary:focus-visible, .pacte-sim button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-sim-unit { color: #4a5560; font-size: .9rem; }
.pacte-sim-field-error { grid-column: 1 / -1; color: #b71c1c; margin: 0; font-size: .9rem; }
.pacte-sim-field-error:empty { display: none; }
.pacte-sim-crit { display: flex; flex-wrap: wrap; gap: .3rem .5rem; align-items: baseline; padding: .3rem 0; border-top: 1px dashed #e3e8ee; }
.pacte-sim-crit:first-of-type { border-top: none; }
.pacte-sim-crit label { flex: 1 1 16rem; }
.pacte-sim-pts { font-size: .85rem; color: #4a5560; flex: 1 1 100%; margin-left: 1.6rem; }
.pacte-sim-badge { display: inline-block; font-size: .75rem; border-radius: 3px; padding: 0 .35rem; margin-left: .25rem; border: 1px solid #687887; color: #33414e; background: #eef2f6; }
.pacte-sim-badge.pacte-prereq { border-color: #1f5f8b; color: #1f5f8b; background: #e6f0f7; }
.pacte-sim-badge.pacte-indicatif { border-color: #b35c00; color: #7a3f00; background: #fff3e0; font-style: italic; }
.pacte-sim details { margin: .75rem 0; }
.pacte-sim summary { cursor: pointer; font-weight: 600; }
.pacte-sim-points { display: grid; grid-template-columns: minmax(12rem, 1fr) repeat(3, 8.5rem); gap: .3rem .5rem; align-items: center; font-size: .9rem; margin-top: .5rem; }
.pacte-sim-points input { width: 7rem; }
.pacte-sim-points .pacte-sim-head { font-weight: 600; }
.pacte-sim-summary { position: sticky; bottom: 0; z-index: 2; background: #f8fafc; border-top: 2px solid #1f5f8b; margin-top: 1rem; padding: .4rem 0; }
.pacte-sim-result { padding-top: .25rem; }
.pacte-sim-amount { font-size: 1.35rem; margin: .2rem 0; }
.pacte-sim-amount strong { color: #1f5f8b; }
.pacte-sim-warn { border-left: 4px solid #b35c00; background: #fff8ef; padding: .4rem .7rem; margin: .5rem 0; list-style: none; }
.pacte-sim-warn li { margin: .2rem 0; }
.pacte-sim-errors { border-left: 4px solid #c62828; background: #fdecea; padding: .4rem .7rem; margin: .5rem 0; }
.pacte-sim-errors:empty, .pacte-sim-warn:empty { display: none; }
.pacte-sim-note { font-size: .85rem; color: #4a5560; }
.pacte-sim-kernel { font-size: .85rem; color: #2e7d32; }
.pacte-sim-kernel:empty { display: none; }
.pacte-sim svg { width: 100%; height: auto; max-width: 720px; }
.pacte-sim button { font: inherit; padding: .3rem .8rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #fff; color: #1f5f8b; cursor: pointer; margin-top: .5rem; }
@media (max-width: 640px) { .pacte-sim-field { grid-template-columns: 1fr 8rem; } .pacte-sim-points { grid-template-columns: 1fr 1fr; } }
`;

const SVG_NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function uid(prefix) {
  return `${prefix}-${Math.random().toString(36).slice(2, 9)}`;
}

function pointsText(crit) {
  const parts = [];
  const per = crit.count ? ` par ${crit.count.unit} (${crit.count.max} au plus)` : "";
  if (crit.fixed_points) parts.push(`${fmtNumber(crit.fixed_points)} points fixes${per}`);
  if (crit.variable_points) parts.push(`${fmtNumber(crit.variable_points)} points variables${per}`);
  if (crit.per_professional) {
    const pp = crit.per_professional;
    parts.push(
      `${fmtNumber(pp.points)} points par professionnel associé jusqu’à ${pp.up_to}, ${fmtNumber(pp.points_beyond)} au-delà`,
    );
  }
  return parts.join(" + ");
}

function drawChart(figure, result, rules) {
  figure.replaceChildren();
  if (!result.ok) return;
  const rows = result.by_axis;
  // Phone layout: the viewBox takes the figure's width (text stays at 13 px), labels above the bars.
  const avail = Math.floor(figure.clientWidth || 720);
  const narrow = avail < 560;
  const width = narrow ? Math.max(280, avail) : 720;
  const left = narrow ? 4 : 250,
    right = narrow ? 100 : 110,
    rowH = narrow ? 50 : 34,
    top = narrow ? 48 : 30;
  const height = top + rows.length * rowH + 10;
  const max = Math.max(1, ...rows.map((r) => r.amount));
  const scale = (width - left - right) / max;
  const titleId = uid("aci-chart-title");
  const descId = uid("aci-chart-desc");
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
  });
  root.append(svg("title", { id: titleId }, "Répartition du montant estimé par axe de l’accord"));
  const desc = rows
    .map(
      (r) =>
        `${r.label} : ${fmtEuros(r.amount)} (part fixe ${fmtEuros(r.amount_fixed)}, part variable ${fmtEuros(r.amount_variable)})`,
    )
    .join(" ; ");
  root.append(svg("desc", { id: descId }, `${desc}.`));
  const legend = svg("g", { transform: `translate(${narrow ? 4 : left},8)`, "aria-hidden": "true" });
  legend.append(svg("rect", { x: 0, y: 0, width: 14, height: 14, fill: "#1f5f8b" }));
  legend.append(svg("text", { x: 20, y: 12, "font-size": 13, fill: "#1b2631" }, "Part fixe"));
  const lx = narrow ? 0 : 110,
    ly = narrow ? 20 : 0;
  legend.append(svg("rect", { x: lx, y: ly, width: 14, height: 14, fill: "#c25e1f" }));
  legend.append(
    svg("text", { x: lx + 20, y: ly + 12, "font-size": 13, fill: "#1b2631" }, "Part variable (selon la patientèle)"),
  );
  root.append(legend);
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const g = svg("g", { "aria-hidden": "true", "data-axis": r.id });
    g.append(
      narrow
        ? svg("text", { x: left, y: y + 12, "font-size": 13, fill: "#1b2631" }, r.label)
        : svg("text", { x: left - 8, y: y + 18, "text-anchor": "end", "font-size": 13, fill: "#1b2631" }, r.label),
    );
    const wf = r.amount_fixed * scale;
    const wv = r.amount_variable * scale;
    const by = narrow ? y + 18 : y + 4,
      bh = narrow ? 22 : rowH - 12;
    g.append(svg("rect", { x: left, y: by, width: wf.toFixed(1), height: bh, fill: "#1f5f8b" }));
    g.append(svg("rect", { x: (left + wf).toFixed(1), y: by, width: wv.toFixed(1), height: bh, fill: "#c25e1f" }));
    g.append(
      svg(
        "text",
        { x: (left + wf + wv + 6).toFixed(1), y: by + 15, "font-size": 13, fill: "#1b2631" },
        fmtEuros(r.amount),
      ),
    );
    root.append(g);
  });
  figure.append(
    root,
    el(
      "figcaption",
      { class: "pacte-sim-note" },
      `Répartition par axe. Valeur du point\u00a0: ${fmtNumber(rules.parameters.point_value.value)}${NBSP}€.`,
    ),
  );
}

/**
 * Draw the widget into ``el`` from anywidget's ``model`` (Jupyter, Voilà) or loader.js's (the static book).
 * @param {RenderProps} props
 */
function render({ model, el: host }) {
  injectStyle(ACI_STYLE_ID, ACI_CSS);
  const rules = model.get("rules");
  const citations = model.get("citations") || {};
  const base = uid("aci");
  remember(model, {
    kind: "simulator",
    ref: "aci-msp",
    trait: "inputs",
    overDefaults: true,
    title: "Simulateur de la rémunération ACI d’une MSP",
    summarize: (i) => {
      const r = computeAci(rules, i);
      return { complete: true, label: r.ok ? `montant estimé : ${fmtEuros(r.amount)}` : "saisie à corriger" };
    },
  });
  const start = model.get("inputs") || {};
  const state = {
    patientele: start.patientele ?? rules.inputs.patientele.default,
    professionals: start.professionals ?? rules.inputs.professionals.default,
    precarity_share: start.precarity_share ?? rules.inputs.precarity_share.default,
    criteria: { ...(start.criteria || {}) },
  };
  const root = el("section", { class: "pacte-sim pacte-aci", "aria-labelledby": `${base}-title`, "data-status": "" });
  root.append(el("h3", { id: `${base}-title` }, "Simulateur\u00a0: la rémunération ACI d’une MSP"));
  root.append(
    el(
      "p",
      {},
      "Décrivez la MSP et cochez les critères qu’elle remplit\u00a0: le montant annuel se recalcule à chaque modification. ",
      "Les valeurs marquées ",
      el("span", { class: "pacte-sim-badge pacte-indicatif" }, "indicatif"),
      " ne sont pas confirmées par les sources du cours\u00a0: vous pouvez les ajuster plus bas.",
    ),
  );
  const form = el("form", { novalidate: true, "aria-describedby": `${base}-title` });
  form.addEventListener("submit", (e) => e.preventDefault());

  // --- the MSP -------------------------------------------------------------
  const numInputs = {};
  const fieldErrors = {};
  const mspSet = el("fieldset", {}, el("legend", {}, "Votre MSP"));
  for (const name of ["patientele", "professionals", "precarity_share"]) {
    const spec = rules.inputs[name];
    const id = `${base}-${name}`;
    const err = el("p", { id: `${id}-err`, class: "pacte-sim-field-error" });
    const input = el("input", {
      id,
      name,
      type: "text",
      inputmode: spec.integer ? "numeric" : "decimal",
      autocomplete: "off",
      value: String(state[name]),
      "aria-describedby": `${id}-unit ${id}-err`,
      "data-field": name,
      size: "8",
    });
    numInputs[name] = input;
    fieldErrors[name] = err;
    mspSet.append(
      el(
        "div",
        { class: "pacte-sim-field" },
        el("label", { for: id }, spec.label),
        input,
        el(
          "span",
          { id: `${id}-unit`, class: "pacte-sim-unit" },
          `${spec.unit} (de ${fmtNumber(spec.min)} à ${fmtNumber(spec.max)})`,
        ),
        err,
      ),
    );
  }
  form.append(mspSet);

  // --- the criteria, one fieldset per axis ------------------------------------
  const critInputs = {};
  for (const axis of rules.axes) {
    const set = el("fieldset", {}, el("legend", {}, `Axe «\u00a0${axis.label}\u00a0»`));
    for (const crit of rules.criteria.filter((c) => c.axis === axis.id)) {
      const id = `${base}-crit-${crit.id}`;
      const badges = [
        el("span", { class: "pacte-sim-badge" }, crit.level === "socle" ? "socle" : "optionnel"),
        crit.prerequisite ? el("span", { class: "pacte-sim-badge pacte-prereq" }, "prérequis") : null,
        crit.indicatif
          ? el(
              "span",
              { class: "pacte-sim-badge pacte-indicatif", title: "Points non confirmés par les sources du cours" },
              "indicatif",
            )
          : null,
      ];
      const pts = el("span", { class: "pacte-sim-pts", id: `${id}-pts` }, pointsText(crit));
      let input;
      if (crit.count) {
        input = el("select", { id, "aria-describedby": `${id}-pts`, "data-criterion": crit.id });
        for (let n = 0; n <= crit.count.max; n += 1) {
          input.append(el("option", { value: String(n) }, plural(n, crit.count.unit)));
        }
        input.value = String(state.criteria[crit.id] ?? crit.default);
        set.append(el("div", { class: "pacte-sim-crit" }, el("label", { for: id }, crit.label, ...badges), input, pts));
      } else {
        input = el("input", { id, type: "checkbox", "aria-describedby": `${id}-pts`, "data-criterion": crit.id });
        input.checked = Boolean(state.criteria[crit.id] ?? crit.default);
        set.append(el("div", { class: "pacte-sim-crit" }, input, el("label", { for: id }, crit.label, ...badges), pts));
      }
      critInputs[crit.id] = input;
    }
    form.append(set);
  }

  // --- indicative values the trainee may adjust ---------------------------------
  const overrideInputs = [];
  const details = el("details", {}, el("summary", {}, "Ajuster les valeurs indicatives"));
  details.append(
    el(
      "p",
      { class: "pacte-sim-note" },
      "Ces valeurs ne sont pas confirmées par les sources du cours. Remplacez-les par celles du texte de l’accord en vigueur si vous les connaissez.",
    ),
  );
  const grid = el(
    "div",
    { class: "pacte-sim-points", role: "group", "aria-label": "Points indicatifs par critère" },
    el("span", { class: "pacte-sim-head" }, "Critère"),
    el("span", { class: "pacte-sim-head" }, "Points fixes"),
    el("span", { class: "pacte-sim-head" }, "Points variables"),
    el("span", { class: "pacte-sim-head" }, "Par professionnel"),
  );
  for (const crit of rules.criteria.filter((c) => c.indicatif)) {
    const cells = [el("span", { id: `${base}-ov-${crit.id}` }, crit.label)];
    for (const [key, value, word] of [
      ["fixed", crit.fixed_points, "points fixes"],
      ["variable", crit.variable_points, "points variables"],
      ["per_professional", crit.per_professional ? crit.per_professional.points : null, "points par professionnel"],
    ]) {
      if (value === null) {
        cells.push(el("span", {}, ""));
        continue;
      }
      const input = el("input", {
        type: "text",
        inputmode: "decimal",
        size: "6",
        value: String(value),
        "data-default": String(value),
        "aria-label": `${crit.label} : ${word} (indicatif)`,
        "data-override": `${crit.id}.${key}`,
      });
      overrideInputs.push({ input, cid: crit.id, key, def: String(value) });
      cells.push(input);
    }
    grid.append(...cells);
  }
  const coef = rules.parameters.precarity_coefficient;
  if (coef.indicatif) {
    const input = el("input", {
      type: "text",
      inputmode: "decimal",
      size: "6",
      value: String(coef.value),
      "data-default": String(coef.value),
      "aria-label": `${coef.label} (indicatif)`,
      "data-parameter": "precarity_coefficient",
    });
    overrideInputs.push({ input, param: "precarity_coefficient", def: String(coef.value) });
    grid.append(el("span", {}, coef.label), input, el("span", {}, ""), el("span", {}, ""));
  }
  for (const o of overrideInputs) {
    // values the learner had changed (restored inputs)
    const v = o.param ? start.parameters?.[o.param] : start.points?.[o.cid]?.[o.key];
    if (v !== undefined && v !== null) o.input.value = String(v);
  }
  details.append(grid);
  const reset = el("button", { type: "button" }, "Revenir aux valeurs indicatives par défaut");
  details.append(reset);
  form.append(details);
  root.append(form);

  // --- result ---------------------------------------------------------------
  const result = el("div", { class: "pacte-sim-result" });
  const amountLine = el("p", { class: "pacte-sim-amount" });
  const splitLine = el("p", {});
  const advanceLine = el("p", {});
  const errorsBox = el("div", { class: "pacte-sim-errors" });
  const warnBox = el("ul", { class: "pacte-sim-warn" });
  const indicLine = el("p", { class: "pacte-sim-note" });
  const kernelLine = el("p", { class: "pacte-sim-kernel" });
  const figure = el("figure", { class: "pacte-sim-chart" });
  const summary = el("div", { class: "pacte-sim-summary" }, amountLine);
  // Screen readers hear one short sentence, once the learner stops typing (issue 17).
  const announce = el("p", { class: "pacte-sr-only", role: "status", "data-role": "announce" });
  result.append(errorsBox, warnBox, splitLine, advanceLine, indicLine, kernelLine);
  root.append(summary, announce, result, figure);
  const keys = [
    ...new Set([
      rules.parameters.point_value.source,
      rules.parameters.advance_rate.source,
      ...rules.criteria.map((c) => c.source),
      rules.inputs.patientele.source,
    ]),
  ];
  root.append(
    el(
      "p",
      { class: "pacte-sim-note" },
      "Sources\u00a0: " +
        keys.map((k) => citations[k] || k).join(" ; ") +
        ". Les points de chaque critère, sauf ceux de la fonction de coordination, sont des valeurs indicatives du cours.",
    ),
  );

  function collect() {
    for (const name of Object.keys(numInputs)) state[name] = numInputs[name].value;
    for (const [cid, input] of Object.entries(critInputs)) {
      state.criteria[cid] = input.tagName === "SELECT" ? Number(input.value) : input.checked;
    }
    const points = {};
    const parameters = {};
    for (const o of overrideInputs) {
      const v = o.input.value.trim();
      if (v === o.def) continue;
      if (o.param) parameters[o.param] = v;
      else {
        points[o.cid] ||= {};
        points[o.cid][o.key] = v;
      }
    }
    /** @type {Record<string, any>} */
    const inputs = { ...state, criteria: { ...state.criteria } };
    if (Object.keys(points).length) inputs.points = points;
    if (Object.keys(parameters).length) inputs.parameters = parameters;
    return inputs;
  }

  function show(r) {
    for (const name of Object.keys(numInputs)) {
      numInputs[name].removeAttribute("aria-invalid");
      fieldErrors[name].textContent = "";
    }
    for (const o of overrideInputs) o.input.removeAttribute("aria-invalid");
    errorsBox.replaceChildren();
    warnBox.replaceChildren();
    root.dataset.status = r.status;
    if (!r.ok) {
      root.dataset.amount = "";
      amountLine.replaceChildren("Montant annuel estimé\u00a0: ", el("strong", {}, "—"));
      splitLine.textContent = "";
      advanceLine.textContent = "";
      indicLine.textContent = "";
      errorsBox.append(
        el("p", {}, el("strong", {}, "Calcul impossible\u00a0: corrigez la saisie.")),
        el(
          "ul",
          {},
          r.errors.map((e) => el("li", {}, e.message)),
        ),
      );
      for (const e of r.errors) {
        if (numInputs[e.field]) {
          numInputs[e.field].setAttribute("aria-invalid", "true");
          fieldErrors[e.field].textContent = e.message;
        }
        for (const o of overrideInputs) {
          const f = o.param ? `parameters.${o.param}` : `points.${o.cid}.${o.key}`;
          if (f === e.field) o.input.setAttribute("aria-invalid", "true");
        }
      }
      drawChart(figure, r, rules);
      return;
    }
    root.dataset.amount = String(r.amount);
    amountLine.replaceChildren(
      "Montant annuel estimé\u00a0: ",
      el("strong", { "data-role": "amount" }, fmtEuros(r.amount)),
    );
    splitLine.textContent =
      `Part fixe\u00a0: ${fmtEuros(r.amount_fixed)} ; part variable\u00a0: ${fmtEuros(r.amount_variable)} ` +
      `(${fmtNumber(r.points_total)} points au total\u00a0; patientèle de ${fmtNumber(parseNumber(state.patientele))} patients, ` +
      `soit ${fmtNumber(r.patientele_factor)} fois la patientèle de référence\u00a0; majoration précarité\u00a0: ${fmtNumber(r.uplift * 100)}${NBSP}%).`;
    const rate = rules.parameters.advance_rate.value;
    advanceLine.textContent =
      `Avance versée en cours d’année (${fmtNumber(rate * 100)}${NBSP}%)\u00a0: ${fmtEuros(r.advance)} ; ` +
      `solde versé après la fin de l’année\u00a0: ${fmtEuros(r.balance)}.`;
    for (const w of r.warnings) warnBox.append(el("li", {}, w));
    if (r.status === "blocked") {
      warnBox.append(
        el("li", {}, `Si les prérequis étaient remplis, l’estimation serait de ${fmtEuros(r.potential_amount)}.`),
      );
    }
    indicLine.textContent = r.indicatif
      ? "Estimation indicative\u00a0: elle repose sur des points par critère que les sources du cours ne confirment pas."
      : "";
    drawChart(figure, r, rules);
  }

  function update() {
    const inputs = collect();
    const r = computeAci(rules, inputs);
    show(r);
    kernelLine.textContent = "";
    model.set("inputs", inputs);
    model.save_changes();
    root.dispatchEvent(new CustomEvent("pacte:aci", { bubbles: true, detail: r }));
  }

  let announceTimer = null;
  let announced = "";
  const sayResult = () => {
    const r = computeAci(rules, collect());
    const text = r.ok
      ? `Montant annuel estimé\u00a0: ${fmtEuros(r.amount)}.${r.warnings.length ? ` ${r.warnings.length} avertissement${r.warnings.length > 1 ? "s" : ""} sous le résultat.` : ""}`
      : `Calcul impossible\u00a0: ${r.errors.length} erreur${r.errors.length > 1 ? "s" : ""} de saisie. ${r.errors[0].message}`;
    if (text !== announced) announce.textContent = announced = text;
  };
  form.addEventListener("input", () => {
    update();
    clearTimeout(announceTimer);
    announceTimer = setTimeout(sayResult, 900);
  });
  let lastWide = null;
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => {
      const narrow = (figure.clientWidth || 720) < 560;
      if (narrow !== lastWide) {
        lastWide = narrow;
        drawChart(figure, computeAci(rules, collect()), rules);
      }
    }).observe(figure);
  }
  reset.addEventListener("click", () => {
    for (const o of overrideInputs) o.input.value = o.def;
    update();
  });

  const showKernel = (kr) => {
    if (!kr || kr.ok === undefined) return;
    root.dataset.kernelStatus = kr.status;
    root.dataset.kernelAmount = kr.ok ? String(kr.amount) : "";
    kernelLine.textContent = kr.ok
      ? `Montant recalculé par le noyau Python\u00a0: ${fmtEuros(kr.amount)}.`
      : `Le noyau Python a refusé la saisie\u00a0: ${kr.errors.map((e) => e.message).join(" ")}`;
  };
  show(computeAci(rules, collect()));
  const stopKernel = mirrorKernelResult(model, showKernel);
  host.replaceChildren(root);
  return stopKernel;
}

export default { render };
