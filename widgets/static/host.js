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

// With a kernel (Jupyter, Voilà), Python writes `kernel_result` for the answers the browser sent.
// `show(result)` draws it (as data-kernel-* attributes) now and at every change; returns the cleanup
// that removes the very listener it added.
export function mirrorKernelResult(model, show) {
  const update = () => show(model.get("kernel_result") || {});
  model.on("change:kernel_result", update);
  update();
  return () => model.off("change:kernel_result", update);
}
