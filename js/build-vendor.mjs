// Builds widgets/static/vendor/vega-bundle.js from the pinned npm packages
// and copies their licences next to it. Run with `npm ci && npm run vendor`.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const out = new URL("../widgets/static/vendor/", import.meta.url);
mkdirSync(out, { recursive: true });
const pkgs = ["vega", "vega-lite", "vega-embed"];
const versions = Object.fromEntries(
  pkgs.map((p) => [p, JSON.parse(readFileSync(`node_modules/${p}/package.json`)).version]),
);
const banner = `/* pacte vendor bundle: ${pkgs.map((p) => `${p}@${versions[p]}`).join(" ")} (licences in LICENSES.txt) */`;
await build({
  entryPoints: ["entry.mjs"],
  bundle: true,
  format: "esm",
  minify: true,
  legalComments: "none",
  target: "es2020",
  banner: { js: banner },
  outfile: new URL("vega-bundle.js", out).pathname,
});
const licences = pkgs
  .map((p) => `==== ${p}@${versions[p]} ====\n${readFileSync(`node_modules/${p}/LICENSE`, "utf8")}`)
  .join("\n\n");
writeFileSync(new URL("LICENSES.txt", out), licences);
writeFileSync(new URL("versions.json", out), `${JSON.stringify(versions, null, 2)}\n`);
console.log("vendored", versions);
