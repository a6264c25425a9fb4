// @ts-check
// Keyboard twin of a chart's clickable legend: one toggle button (aria-pressed) per value beside
// the chart, and « Tout afficher ». Each drives the same Vega-Lite selection as a click on the
// legend, and follows it when the mouse changes it. (issue 28: legend filters without a mouse)

import { NBSP } from "./numbers.js";

function button(text, className) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = className;
  b.textContent = text;
  return b;
}

// Buttons for one legend filter ({param, field, title, values} from legendFilters); `getView`
// returns the current Vega view or null before it is drawn. Returns {element, attach(view)}.
export function legendButtons(filter, getView) {
  const group = document.createElement("div");
  group.className = "pacte-chart-filter";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", `Filtrer le graphique par ${filter.title.toLowerCase()}`);
  const label = document.createElement("span");
  label.className = "pacte-chart-filter-name";
  label.setAttribute("aria-hidden", "true");
  label.textContent = `${filter.title}${NBSP}:`;
  const all = button("Tout afficher", "pacte-chart-filter-all");
  const toggles = filter.values.map((value) => {
    const b = button(value, "pacte-chart-filter-value");
    b.setAttribute("aria-pressed", "false");
    b.dataset.value = value;
    return b;
  });
  group.append(label, ...toggles, all);
  const legendSignal = `${filter.param}_${filter.field}_legend`;
  const show = (selected) => {
    for (const b of toggles) b.setAttribute("aria-pressed", String(selected.includes(b.dataset.value)));
  };
  // Presses made before Vega has drawn (it loads when the chart is about to be seen) wait for it.
  const queued = [];
  // As a legend click does: `toggle` adds or removes one value (shift-click), else sets none.
  const select = (value, toggle) => {
    const view = getView();
    if (!view) {
      queued.push([value, toggle]);
      return Promise.resolve();
    }
    view.signal(`${filter.param}_toggle`, toggle);
    view.signal(legendSignal, value, { force: true });
    return view.runAsync().then(() => view.signal(`${filter.param}_toggle`, false));
  };
  for (const b of toggles) b.addEventListener("click", () => select(b.dataset.value, true));
  all.addEventListener("click", () => select(null, false));
  show([]);
  return {
    element: group,
    attach(view) {
      show([]);
      view.addSignalListener(filter.param, (_name, value) => show(((value || {})[filter.field] || []).map(String)));
      queued.splice(0).reduce((done, [value, toggle]) => done.then(() => select(value, toggle)), Promise.resolve());
    },
  };
}
