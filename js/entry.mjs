// Single ES module bundling the chart runtime, served from the course's own static folder.

export * as vega from "vega";
export { default as vegaEmbed } from "vega-embed";
export * as vegaLite from "vega-lite";
