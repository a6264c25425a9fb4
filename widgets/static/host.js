// @ts-check
// Base URL of the Jupyter server hosting a widget (JupyterLab, Voilà, Binder):
// read from the page's jupyter-config-data, "/" elsewhere.

export function jupyterBaseUrl() {
  let base = "/";
  const cfg = document.getElementById("jupyter-config-data");
  if (cfg) {
    try {
      base = JSON.parse(cfg.textContent).baseUrl || "/";
    } catch (err) {
      console.warn("pacte: unreadable jupyter-config-data", err);
    }
  }
  return base.endsWith("/") ? base : `${base}/`;
}
