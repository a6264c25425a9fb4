"""What the handout exporter runs inside each built page before taking its content (JavaScript as text).

:data:`PREPARE_PAGE` turns a drawn page into its paper form: every chart
followed by a table of its data (its own, or one built from its data when it
draws none), quiz questions without their answers (the
learner's version) or with them, their feedback, explanation and source (the
trainer's version), the « Notes pour le formateur » section removed or opened,
and interactive boxes that would print blank removed. It returns the page's
title and its article HTML with absolute addresses, for :mod:`pacte.export.pdf`
to assemble one document per module.
"""

from __future__ import annotations

# Charts load Vega only when about to be seen (widgets/static/chart.js): a handout needs them all
# drawn at once, as if every one were in view. Run before the page's own scripts.
DRAW_ALL = "globalThis.PACTE_DRAW_ALL = true;"

READY = """() => {
  const widgets = [...document.querySelectorAll("div.pacte-widget[data-pacte-module]")];
  const drawn = widgets.every((w) => w.querySelector(".pacte-widget-root > *") || w.querySelector(".pacte-error"));
  const charts = [...document.querySelectorAll("figure.pacte-chart")].every((f) => f.dataset.rendered);
  return drawn && charts;
}"""

PREPARE_PAGE = r"""(trainer) => {
  const NB = "\u00a0";
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const fr = (v) => typeof v === "number"
    ? new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(v).replace(/\u202f/g, NB) : String(v ?? "");
  const stateOf = (w) => {
    try { return JSON.parse(w.querySelector("script[type='application/json']").textContent); } catch (e) { return {}; }
  };
  // Field -> title, from every encoding of a Vega-Lite spec.
  const titles = (spec) => {
    const out = {};
    const walk = (node) => {
      if (!node || typeof node !== "object") return;
      if (typeof node.field === "string" && typeof node.title === "string" && !out[node.field]) out[node.field] = node.title;
      for (const [k, v] of Object.entries(node)) if (k !== "datasets" && k !== "data") walk(v);
    };
    walk(spec);
    return out;
  };
  const MAX_ROWS = 40;
  for (const w of document.querySelectorAll('div.pacte-widget[data-pacte-module="chart"]')) {
    if (w.querySelector("table")) continue;  // the chart draws its own data table: printed once
    const state = stateOf(w);
    const spec = state.spec || {};
    const names = titles(spec);
    for (const rows of Object.values(spec.datasets || {})) {
      if (!Array.isArray(rows) || !rows.length) continue;
      const used = Object.keys(names).filter((f) => f in rows[0]);
      const fields = used.length ? used : Object.keys(rows[0]).filter((f) => !/^(source|source_detail|locator)$/.test(f));
      const table = el("table", "pacte-print-table");
      table.append(el("caption", "", "Données du graphique" + NB + ": " + (state.title || "")));
      const head = el("tr");
      fields.forEach((f) => head.append(el("th", "", names[f] || f)));
      const thead = el("thead");
      thead.append(head);
      table.append(thead);
      const body = el("tbody");
      rows.slice(0, MAX_ROWS).forEach((r) => {
        const tr = el("tr");
        fields.forEach((f) => tr.append(el("td", "", fr(r[f]))));
        body.append(tr);
      });
      table.append(body);
      w.after(table);
      if (rows.length > MAX_ROWS) {
        table.after(el("p", "pacte-print-note", `… et ${rows.length - MAX_ROWS} autres lignes dans le livre en ligne.`));
      }
    }
  }
  for (const w of document.querySelectorAll('div.pacte-widget[data-pacte-module="quiz"]')) {
    const bank = stateOf(w).bank || { questions: [] };
    for (const q of bank.questions) {
      const form = w.querySelector(`form[data-question="${CSS.escape(q.id)}"]`);
      if (!form) continue;
      form.querySelectorAll("input.pacte-quiz-number").forEach((i) => i.replaceWith(el("span", "pacte-print-line", "……………………")));
      if (!trainer) continue;
      const box = el("div", "pacte-print-answers");
      if (q.type === "numeric") {
        const tol = q.tolerance ? ` (à ${fr(q.tolerance)} près)` : "";
        box.append(el("p", "pacte-print-right", `Réponse attendue${NB}: ${fr(q.answer)}${q.unit ? NB + q.unit : ""}${tol}`));
        box.append(el("p", "", q.feedback.correct));
      } else {
        const right = q.choices.filter((c) => c.correct).map((c) => c.text);
        box.append(el("p", "pacte-print-right", `Réponse${right.length > 1 ? "s" : ""} attendue${right.length > 1 ? "s" : ""}${NB}: ${right.join(" ; ")}`));
        const list = el("ul");
        q.choices.forEach((c) => list.append(el("li", "", `${c.correct ? "✓" : "✗"} ${c.text}${NB}: ${c.feedback}`)));
        box.append(list);
      }
      const expl = el("p", "", "");
      expl.append(el("strong", "", `Explication${NB}: `), q.explanation);
      box.append(expl);
      const label = (bank.citations && bank.citations[q.source.ref]) || q.source.ref;
      box.append(el("p", "pacte-quiz-source", `Source${NB}: ${label} — ${q.source.detail}`));
      form.append(box);
    }
  }
  for (const s of document.querySelectorAll('section[id^="notes-pour-le-formateur"]')) {
    if (!trainer) s.remove();
  }
  if (!trainer) {
    document.querySelectorAll("article details").forEach((d) => {
      if (/formateur|Déroulé/.test(d.querySelector("summary")?.textContent || "")) d.remove();
    });
  }
  document.querySelectorAll("article details").forEach((d) => { d.open = true; });
  // Boxes that only make sense on screen, or would print empty.
  document.querySelectorAll(".pacte-launch, .pacte-live, .pacte-page-progress, .pacte-fallback, noscript, .pacte-quiz-feedback, .pacte-quiz-score, button").forEach((e) => e.remove());
  document.querySelectorAll("div.pacte-widget").forEach((w) => { if (!w.textContent.trim() && !w.querySelector("svg, canvas, img")) w.remove(); });
  document.querySelectorAll("script, .headerlink").forEach((e) => e.remove());
  for (const a of document.querySelectorAll("a[href]")) a.setAttribute("href", a.href);
  for (const i of document.querySelectorAll("img[src]")) i.setAttribute("src", i.src);
  const article = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
  const h1 = article.querySelector("h1");
  return {
    title: h1 ? h1.textContent.replace(/[#¶]\s*$/, "").trim() : document.title,
    html: article.innerHTML,
    styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => ({ href: l.href, media: l.media || "" })),
  };
}"""
