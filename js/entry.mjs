// Single ES module bundling the chart runtime, served from the course's own static folder.
export { default as vegaEmbed } from "vega-embed";
export * as vega from "vega";
export * as vegaLite from "vega-lite";
