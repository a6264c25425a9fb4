// @ts-check
// Small DOM helper shared by the widget modules.

// French typography of a text a learner reads: the JS twin of
// pacte.course.typography.french (tests/test_editorial_typography.py checks both agree).
const URL_RE = /(?:https?|ftp|mailto|file):\S+|www\.\S+|\b[\w.-]+@[\w-]+\.\w+/g;
const LETTER = "A-Za-zÀ-ÖØ-öø-ÿœŒ";
const SUPERSCRIPT = { e: "ᵉ", r: "ʳ", s: "ˢ" };
const RULES = [
  [/«[ \t\u202f]*(?=\S)/g, "«\u00a0"],
  [/(?<=\S)[ \t\u202f]*»/g, "\u00a0»"],
  [/[ \t]+:(?=\s|$|[»)\]"'’,.])/g, "\u00a0:"],
  [/[ \t]+([;!?])/g, "\u202f$1"],
  [/(?<=\d)[ \t]+(?=(?:[kM]?€|%))/g, "\u00a0"],
  [/(?<=\d) (?=\d{3}(?!\d))/g, "\u00a0"],
  [
    /(?<=\d)[ \t]+(?=(?:min|h|ms|ans?|heures?|jours?|mois|semaines?|minutes?|secondes?|s|km|kg|Ko|Mo|Go|Kio|Mio|Gio|px)\b(?!['’-]))/g,
    "\u00a0",
  ],
  [/\b1(er|re|ers|res)\b/g, (_, end) => `1${end.replace(/[ers]/g, (c) => SUPERSCRIPT[c])}`],
  [new RegExp(`(?<=[${LETTER}])'(?=[${LETTER}0-9*_«{\\[])`, "g"), "’"],
];

function fixPart(text) {
  return RULES.reduce((t, [re, by]) => t.replace(re, by), text);
}

export function frenchText(text) {
  if (typeof text !== "string" || !text) return text;
  let out = "",
    last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += fixPart(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fixPart(text.slice(last));
}

/**
 * A new element with its attributes (`class`, `onclick`…: a listener; null, undefined or false: left out)
 * and its children (strings become text in French typography).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Node | string | null | undefined | (Node | string | null | undefined)[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(frenchText(child)) : child);
  }
  return node;
}

/**
 * The message of a caught error (ours are French; anything thrown that is not an Error is shown as text).
 * @param {unknown} err
 * @returns {string}
 */
export function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}

// Add a widget's stylesheet to the page once.
export function injectStyle(id, css) {
  if (typeof document === "undefined" || document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  document.head.append(style);
}

// A visually hidden polite live region: what a screen reader announces, in one place per widget
// (styled inline so that it stays hidden in every host: the book, Voilà, JupyterLab).
export function announcer() {
  return h("p", {
    class: "pacte-sr-only",
    "aria-live": "polite",
    style:
      "position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0",
  });
}

// A visible « scroll sideways » hint after a box that scrolls horizontally (a chart that keeps 12 px text on a
// phone), shown only while the box overflows. Call ``update()`` after redrawing the box's content.
export function scrollHint(box, text = "Faites défiler le graphique vers la droite\u00a0→") {
  const hint = h("p", { class: "pacte-scroll-hint", "aria-hidden": "true", hidden: true }, text);
  const update = () => {
    const over = box.scrollWidth > box.clientWidth + 1;
    hint.hidden = !over;
    if (over) box.dataset.overflowing = "true";
    else delete box.dataset.overflowing;
  };
  if (typeof ResizeObserver === "function") new ResizeObserver(update).observe(box);
  return { hint, update };
}
