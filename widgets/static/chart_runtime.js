// @ts-check
// Where the vendored Vega runtime is served, and its lazy loading.
// Static book: loader.js sets globalThis.PACTE_VENDOR_URL to _static/vendor/.
// Jupyter, Voilà, Binder: <baseUrl>pacte/static/vendor/, served by `pacte serve`
// or by the pacte.site.jupyter_ext server extension. Never a third-party host.
import { jupyterBaseUrl } from "./host.js";

let runtime = null;

function vendorUrl() {
  if (globalThis.PACTE_VENDOR_URL) return globalThis.PACTE_VENDOR_URL;
  const base = jupyterBaseUrl();
  return new URL(`${base}pacte/static/vendor/vega-bundle.js`, window.location.href).href;
}

export function loadRuntime() {
  if (!runtime) runtime = import(vendorUrl());
  return runtime;
}
