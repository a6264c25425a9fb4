// Where the vendored Vega runtime is served, and its lazy loading.
// Static book: loader.js sets globalThis.PACTE_VENDOR_URL to _static/vendor/.
// Jupyter, Voilà, Binder: <baseUrl>pacte/static/vendor/, served by `pacte serve`
// or by the widgets.jupyter_ext server extension. Never a third-party host.

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
