// Chart front end: renders a Vega-Lite spec with the course's vendored runtime.
// The runtime is one ES module served by the book (_static/vendor) or by the
// Jupyter server (pacte/static/vendor): never by a third-party host.

let runtime = null;

export function vendorUrl() {
  if (globalThis.PACTE_VENDOR_URL) return globalThis.PACTE_VENDOR_URL;
  let base = "/";
  const cfg = document.getElementById("jupyter-config-data");
  if (cfg) {
    try {
      base = JSON.parse(cfg.textContent).baseUrl || "/";
    } catch (err) {
      console.warn("pacte: unreadable jupyter-config-data", err);
    }
  }
  if (!base.endsWith("/")) base += "/";
  return new URL(`${base}pacte/static/vendor/vega-bundle.js`, window.location.href).href;
}

export function loadRuntime() {
  if (!runtime) runtime = import(vendorUrl());
  return runtime;
}

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
