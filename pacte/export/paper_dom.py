"""Exercises on paper: what the handout exporter runs in each built page before :data:`print_dom.PREPARE_PAGE`.

:data:`PAPER_EXERCISES` (JavaScript as text, given ``trainer``) redraws the
exercises from their data (the JSON state of each widget) as a trainee
would do them with a pen:

- an ordering exercise becomes its items in the book's shuffled order, each
  with a box for its rank (« Rang : ___ »);
- a sorting exercise becomes each situation followed by one box to tick
  per category;
- a branching case becomes numbered steps whose choices say which step to
  go to next, like a game book, and its endings;
- every other form control left in a widget (simulators, profiles, the
  quiz) becomes a box to tick (radio buttons, check boxes), the choices of
  a short menu with their boxes, or a line to fill in, with the value the
  book shows as an example.

The trainer's version adds an answer key after the sorting exercises (the
expected category, why, and the source), the ordering exercises (the
expected order with dates, explanations and sources) and the branching
cases (where each choice leads and how each ending turns out).
"""

from __future__ import annotations

PAPER_EXERCISES = r"""(trainer) => {
  const NB = "\u00a0";
  const BOX = "☐";
  const el = (tag, cls, ...kids) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  };
  const stateOf = (w) => {
    try { return JSON.parse(w.querySelector("script[type='application/json']").textContent); } catch (e) { return {}; }
  };
  const cite = (ex, src) => `Source${NB}: ${(ex.citations && ex.citations[src.ref]) || src.ref} — ${src.detail}`;
  const key = (title) => el("div", "pacte-print-answers pacte-print-key", el("p", "pacte-print-right", title));
  const fill = (w, ...nodes) => {
    const root = w.querySelector(".pacte-widget-root") || w;
    root.replaceChildren(el("section", "pacte-print-exercise", ...nodes));
  };

  for (const w of document.querySelectorAll('div.pacte-widget[data-pacte-module="ordering"]')) {
    const ex = stateOf(w).exercise;
    if (!ex || !Array.isArray(ex.items)) continue;
    const first = ex.first_label || "le premier", last = ex.last_label || "le dernier";
    // items lettered (A, B…) so that the ranks written in front of them cannot be mistaken for list numbers
    const letter = new Map(ex.items.map((item, i) => [item.id, String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26))]));
    const list = el("ul", "pacte-print-order");
    ex.items.forEach((item) => list.append(el("li", "", el("strong", "", `${letter.get(item.id)}.${NB}`),
      el("span", "pacte-print-rank", `Rang${NB}: `), el("span", "", item.label))));
    const parts = [el("h3", "", ex.title), el("p", "", ex.instructions),
      el("p", "pacte-print-how", `Sur papier${NB}: écrivez devant chaque élément son rang, de 1 (${first}) à ${ex.items.length} (${last}).`),
      list];
    if (trainer) {
      const box = key(`Corrigé${NB}: l’ordre attendu`);
      const ol = el("ol");
      [...ex.items].sort((a, b) => a.position - b.position).forEach((item) => {
        const li = el("li", "", el("p", "", el("strong", "", `(${letter.get(item.id)}) ${item.marker ? `${item.marker} — ` : ""}`), item.label),
          el("p", "", item.explanation));
        if (item.note) li.append(el("p", "", item.note));
        li.append(el("p", "pacte-quiz-source", cite(ex, item.source)));
        ol.append(li);
      });
      box.append(ol);
      if (ex.conclusion) box.append(el("p", "", ex.conclusion));
      parts.push(box);
    }
    fill(w, ...parts);
  }

  for (const w of document.querySelectorAll('div.pacte-widget[data-pacte-module="sorting"]')) {
    const ex = stateOf(w).exercise;
    if (!ex || !Array.isArray(ex.items)) continue;
    const label = new Map(ex.categories.map((c) => [c.id, c.label]));
    const cats = el("ul", "pacte-print-categories");
    ex.categories.forEach((c) => cats.append(el("li", "", el("strong", "", c.label), c.description ? `${NB}: ${c.description}` : "")));
    const items = el("ol", "pacte-print-sort");
    ex.items.forEach((item) => items.append(el("li", "", el("p", "", item.text),
      el("p", "pacte-print-ticks", ex.categories.map((c) => `${BOX}${NB}${c.label}`).join("    ")))));
    const parts = [el("h3", "", ex.title), el("p", "", ex.instructions),
      el("p", "pacte-print-how", `Sur papier${NB}: cochez une case par situation.`), cats, items];
    if (trainer) {
      const box = key(`Corrigé${NB}: la catégorie attendue`);
      const ol = el("ol");
      ex.items.forEach((item) => ol.append(el("li", "",
        el("p", "", el("strong", "", `${label.get(item.expected) || item.expected}${NB}: `), item.explanation),
        el("p", "pacte-quiz-source", cite(ex, item.source)))));
      box.append(ol);
      parts.push(box);
    }
    fill(w, ...parts);
  }

  const OUTCOMES = { favorable: "issue favorable", mitige: "issue mitigée", defavorable: "issue défavorable" };
  for (const w of document.querySelectorAll('div.pacte-widget[data-pacte-module="branching_case"]')) {
    const c = stateOf(w).case;
    if (!c || !Array.isArray(c.nodes)) continue;
    // steps numbered from the start, breadth first; endings lettered
    const order = [];
    const seen = new Set([c.start]);
    const queue = [c.start];
    const byId = new Map(c.nodes.map((n) => [n.id, n]));
    while (queue.length) {
      const n = byId.get(queue.shift());
      if (!n) continue;
      order.push(n);
      for (const ch of n.choices || []) if (!seen.has(ch.next)) { seen.add(ch.next); queue.push(ch.next); }
    }
    const steps = order.filter((n) => n.kind !== "debrief");
    const ends = order.filter((n) => n.kind === "debrief");
    const name = new Map();
    steps.forEach((n, i) => name.set(n.id, `étape ${i + 1}`));
    ends.forEach((n, i) => name.set(n.id, `fin ${String.fromCharCode(65 + i)}`));
    const parts = [el("h3", "", c.title)];
    if (c.context) parts.push(el("p", "", c.context));
    parts.push(el("p", "pacte-print-how", `Sur papier${NB}: à chaque étape, cochez votre choix et continuez à l’étape indiquée.`));
    steps.forEach((n) => {
      const s = el("div", "pacte-print-step", el("h4", "", `${name.get(n.id).replace(/^é/, "É")}${NB}: ${n.title}`), el("p", "", n.text));
      const ul = el("ul", "pacte-print-choices");
      (n.choices || []).forEach((ch) => ul.append(el("li", "", `${BOX}${NB}${ch.text} → ${name.get(ch.next)}`)));
      s.append(ul);
      parts.push(s);
    });
    ends.forEach((n) => {
      const s = el("div", "pacte-print-step", el("h4", "", `${name.get(n.id).replace(/^f/, "F")}${NB}: ${n.title}`), el("p", "", n.text));
      if (Array.isArray(n.takeaways) && n.takeaways.length) s.append(el("ul", "", ...n.takeaways.map((t) => el("li", "", t))));
      parts.push(s);
    });
    if (trainer) {
      const box = key(`Corrigé${NB}: où mène chaque choix`);
      const ol = el("ul");
      steps.forEach((n) => (n.choices || []).forEach((ch) => {
        const to = byId.get(ch.next);
        const outcome = to && to.kind === "debrief" ? ` (${OUTCOMES[to.outcome] || to.outcome})` : "";
        ol.append(el("li", "", el("strong", "", `${name.get(n.id)}, «${NB}${ch.text}${NB}»`),
          ` → ${name.get(ch.next)}${outcome}${ch.consequence ? `${NB}: ${ch.consequence}` : ""}`));
      }));
      box.append(ol);
      box.append(el("p", "", `Issues${NB}: ${ends.map((n) => `${name.get(n.id)}, ${OUTCOMES[n.outcome] || n.outcome}`).join(`${NB}; `)}.`));
      parts.push(box);
    }
    fill(w, ...parts);
  }

  // Every other control: boxes to tick and lines to fill in.
  const LINE = "……………………";
  for (const w of document.querySelectorAll("div.pacte-widget")) {
    for (const input of w.querySelectorAll("input, select, textarea")) {
      const type = (input.getAttribute("type") || "").toLowerCase();
      if (type === "hidden" || type === "file") { input.remove(); continue; }
      if (type === "radio" || type === "checkbox") {
        input.replaceWith(el("span", "pacte-print-box", `${BOX}${NB}`));
      } else if (input.tagName === "SELECT" && input.options.length <= 6) {
        const opts = [...input.options].filter((o) => o.textContent.trim());
        input.replaceWith(el("span", "pacte-print-ticks", opts.map((o) => `${BOX}${NB}${o.textContent.trim()}`).join("   ")));
      } else if (input.tagName === "TEXTAREA") {
        input.replaceWith(el("span", "pacte-print-lines", `${LINE}${LINE}${LINE}`));
      } else {
        const value = input.tagName === "SELECT" ? input.selectedOptions[0]?.textContent.trim() : input.value;
        const shown = value && /^-?\d+([.,]\d+)?$/.test(value.trim())
          ? new Intl.NumberFormat("fr-FR").format(Number(value.trim().replace(",", "."))).replace(/\u202f/g, NB)
          : (value || "").trim();
        const example = shown ? ` (exemple du livre${NB}: ${shown}) ` : " ";
        input.replaceWith(el("span", "pacte-print-line", LINE), example);
      }
    }
  }
}"""
