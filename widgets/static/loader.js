// @ts-check
// Static-book host for the course widgets: no kernel, no widget manager.
// Finds every <div class="pacte-widget" data-pacte-module="..."> that a page
// output carries, reads its JSON state and runs the widget's ES module with a
// small in-browser model implementing anywidget's get/set/on/save_changes.

const here = new URL(".", import.meta.url);
globalThis.PACTE_VENDOR_URL = globalThis.PACTE_VENDOR_URL || new URL("vendor/vega-bundle.js", here).href;

/**
 * anywidget's model in the static book: the state in memory, `pacte:state` events on save.
 * @implements {AnyModel}
 */
class StaticModel {
  /**
   * @param {Record<string, any>} state
   * @param {HTMLElement} el
   */
  constructor(state, el) {
    this.state = { ...state };
    this.el = el;
    /** @type {Map<string, Set<(change: { new: unknown }) => void>>} */
    this.handlers = new Map();
  }
  get(name) {
    return this.state[name];
  }
  set(name, value) {
    this.state[name] = value;
    for (const cb of this.handlers.get(`change:${name}`) || []) cb({ new: value });
  }
  on(event, cb) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event).add(cb);
  }
  off(event, cb) {
    if (!event) this.handlers.clear();
    else if (!cb) this.handlers.delete(event);
    else this.handlers.get(event)?.delete(cb);
  }
  save_changes() {
    this.el.dispatchEvent(new CustomEvent("pacte:state", { bubbles: true, detail: { ...this.state } }));
  }
  send() {}
}

/**
 * Render the widget of one container (once), from its JSON state and its module in `_static`.
 * @param {HTMLElement} container
 */
async function mount(container) {
  if (container.dataset.pacteMounted) return;
  container.dataset.pacteMounted = "true";
  const name = container.dataset.pacteModule;
  if (!/^[a-z_]+$/.test(name)) throw new Error(`bad widget module name: ${name}`);
  const stateNode = container.querySelector("script[type='application/json']");
  const state = JSON.parse(stateNode.textContent);
  const target = document.createElement("div");
  target.className = "pacte-widget-root";
  container.querySelector(".pacte-fallback")?.remove();
  container.append(target);
  const mod = await import(new URL(`${name}.js`, here).href);
  const widget = mod.default || mod;
  await widget.render({ model: new StaticModel(state, target), el: target });
}

function mountAll() {
  for (const c of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll("div.pacte-widget[data-pacte-module]")
  )) {
    mount(c).catch((err) => {
      console.error("pacte widget", err);
      c.append(
        Object.assign(document.createElement("p"), {
          className: "pacte-error",
          // The browser's own (English) message stays in the console.
          textContent:
            "Ce contenu interactif n’a pas pu démarrer. Rechargez la page ; si le problème persiste, signalez-le au formateur.",
        }),
      );
    });
  }
}

async function mountLive() {
  // `pacte serve` marks the pages it serves; on any other host there is no live session to join.
  if (!document.querySelector('meta[name="pacte-live"]')) return;
  const mod = await import(new URL("live_join.js", here).href);
  await mod.mountLiveBox();
}

async function mountProgress() {
  // Module pages: record the visit and show « N activités sur M faites sur cette page » (this browser only).
  const title = document.querySelector("article h1") || document.querySelector("main h1");
  if (!title) return;
  const mod = await import(new URL("progress.js", here).href);
  mod.mountPageProgress(title, mod.countActivities(document));
}

// SCORM 1.2: inside an LMS (an `API` object in a parent or opener window, the
// standard search), scorm.js reports status, score and answers, and keeps the
// answers in the LMS instead of this browser: it starts before any widget is
// drawn. Elsewhere nothing is loaded and nothing is requested.
function findScormApi(win) {
  for (let w = win, hops = 0; w && hops < 8; hops += 1) {
    try {
      if (w.API && typeof w.API.LMSInitialize === "function") return w.API;
    } catch {
      /* a cross-origin window: not ours to search */
    }
    if (!w.parent || w.parent === w) break;
    w = w.parent;
  }
  return null;
}

async function mountScorm(api) {
  const mod = await import(new URL("scorm.js", here).href);
  mod.startScorm(api);
}

async function start() {
  const api = findScormApi(window) || (window.opener ? findScormApi(window.opener) : null);
  if (api) {
    try {
      await mountScorm(api);
    } catch (err) {
      // Never fall back to this browser's storage inside an LMS: the widgets then keep answers in memory.
      console.warn("pacte SCORM", err);
      const progress = await import(new URL("progress.js", here).href);
      progress.useProgressStorage({ length: 0, key: () => null, getItem: () => null, setItem() {}, removeItem() {} });
    }
  }
  mountAll();
  mountLive().catch((err) => console.warn("pacte live session box", err));
  if (!api) mountProgress().catch((err) => console.warn("pacte progress", err));
}

const run = () => start().catch((err) => console.error("pacte start", err));
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
else run();
