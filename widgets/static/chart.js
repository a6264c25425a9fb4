// Chart front end: renders a Vega-Lite spec with the course's vendored runtime.

import { loadRuntime } from "./chart_runtime.js";

async function render({ model, el }) {
  const figure = document.createElement("figure");
  figure.className = "pacte-chart";
  const view = document.createElement("div");
  view.className = "pacte-chart-view";
  view.setAttribute("role", "img");
  view.setAttribute("aria-label", `${model.get("title")}. ${model.get("description")}`);
  const caption = document.createElement("figcaption");
  const desc = document.createElement("p");
  desc.className = "pacte-chart-description";
  desc.textContent = model.get("description");
  const src = document.createElement("p");
  src.className = "pacte-chart-source";
  src.textContent = model.get("source");
  caption.append(desc, src);
  figure.append(view, caption);
  el.replaceChildren(figure);
  let result = null;
  const draw = async () => {
    const { vegaEmbed } = await loadRuntime();
    if (result) result.finalize();
    result = await vegaEmbed(view, model.get("spec"), { actions: false, renderer: "svg" });
    figure.dataset.rendered = "true";
    figure.dispatchEvent(new CustomEvent("pacte:chart-rendered", { bubbles: true }));
  };
  try {
    await draw();
  } catch (err) {
    figure.dataset.rendered = "error";
    view.textContent = "Le graphique n'a pas pu être affiché : " + err.message;
    console.error("pacte chart", err);
  }
  const onSpec = () => draw().catch((err) => console.error("pacte chart", err));
  model.on("change:spec", onSpec);
  return () => {
    model.off("change:spec", onSpec);
    if (result) result.finalize();
  };
}

export default { render };
