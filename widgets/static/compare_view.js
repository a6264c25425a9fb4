// @ts-check
// Shared view of the « face à l'enquête » widgets (team_compare.js, profile_compare.js):
// their stylesheet and the bar cell of their comparison tables.
import { h } from "./dom.js";
import { fmtPercent } from "./numbers.js";

export const COMPARE_STYLE_ID = "pacte-team-compare-style";
export const COMPARE_CSS = `
.pacte-compare { border: 1px solid #c9d3dd; border-radius: 8px; padding: 1rem 1.25rem; margin: 1.5rem 0; background: #f8fafc; color: #1b2631; }
.pacte-compare h3 { margin-top: 0; font-size: 1.2rem; }
.pacte-compare fieldset { border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem .8rem; margin: .5rem 0; }
.pacte-compare legend { font-weight: 600; font-size: 1rem; line-height: 1.4; padding: 0 .3rem; }
.pacte-compare-option { display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
.pacte-compare input:focus-visible, .pacte-compare button:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.pacte-compare-hint { font-style: italic; font-size: .9rem; margin: .1rem 0 .3rem 0; }
.pacte-compare-question { border-top: 1px solid #dde3ea; margin-top: .8rem; padding-top: .5rem; }
.pacte-compare-button { font: inherit; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #1f5f8b; background: #1f5f8b; color: #fff; cursor: pointer; }
.pacte-compare-message { color: #b34700; font-weight: 600; }
.pacte-compare-sentence { font-weight: 600; margin: .4rem 0; }
.pacte-compare-table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .92rem; }
.pacte-compare-table caption { text-align: left; font-size: .9rem; color: #4a5560; padding-bottom: .2rem; }
.pacte-compare-table th, .pacte-compare-table td { text-align: left; padding: .2rem .4rem; vertical-align: middle; border-bottom: 1px solid #e6ebf0; }
.pacte-compare-table th[scope=row] { font-weight: normal; width: 38%; }
.pacte-compare-table tr.pacte-compare-mine th[scope=row] { font-weight: 700; }
.pacte-compare-cell { display: flex; align-items: center; gap: .4rem; }
.pacte-compare-bar { height: .9rem; border-radius: 3px; background: #8fb3cc; min-width: 1px; }
.pacte-compare-mine .pacte-compare-survey .pacte-compare-bar { background: #1f5f8b; }
.pacte-compare-room .pacte-compare-bar { background: #c25e1f; }
.pacte-compare-value { white-space: nowrap; font-variant-numeric: tabular-nums; }
.pacte-compare-source { font-size: .85rem; color: #4a5560; }
.pacte-compare-note { font-size: .9rem; font-style: italic; }
@media (max-width: 560px) { .pacte-compare-table th[scope=row] { width: auto; } }
`;

export function barCell(cls, pct, extra) {
  const width = Math.max(0, Math.min(100, pct));
  return h(
    "td",
    { class: cls },
    h(
      "div",
      { class: "pacte-compare-cell" },
      h("div", { class: "pacte-compare-bar", style: `width:${(width * 0.7).toFixed(1)}%`, "aria-hidden": "true" }),
      h("span", { class: "pacte-compare-value" }, fmtPercent(pct), extra || ""),
    ),
  );
}
