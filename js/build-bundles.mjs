// Bundles each widget's ES module of widgets/static/ (those with an `export default`) with the
// modules it imports into one file of widgets/bundles/: anywidget loads a widget's `_esm` from a
// string, where relative imports cannot resolve, and Binder and Voilà have no Node at run time, so
// the bundles are built ahead of time and committed (widgets/_host.py reads them).
//
//   node build-bundles.mjs           write widgets/bundles/*.js (or `npm run bundles`)
//   node build-bundles.mjs --check   write nothing; exit 1 naming every bundle missing, stale or left over
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const staticDir = `${root}widgets/static/`;
const outDir = `${root}widgets/bundles/`;
const check = process.argv.includes("--check");

/** The widget modules: every `widgets/static/*.js` with a default export (what anywidget renders). */
export function widgetModules() {
  return readdirSync(staticDir)
    .filter((f) => f.endsWith(".js") && /^export default/m.test(readFileSync(staticDir + f, "utf8")))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * One widget module and everything it imports as one ES module (text), deterministic for a given esbuild.
 * @param {string} name
 */
async function bundle(name) {
  const result = await build({
    entryPoints: [`widgets/static/${name}.js`],
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "error",
    banner: {
      js: `// GENERATED from widgets/static/${name}.js by js/build-bundles.mjs (npm run bundles): do not edit.`,
    },
  });
  return result.outputFiles[0].text;
}

const names = widgetModules();
const problems = [];
if (!check) mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const text = await bundle(name);
  const path = `${outDir}${name}.js`;
  const old = existsSync(path) ? readFileSync(path, "utf8") : null;
  if (old === text) continue;
  if (check) problems.push(`${old === null ? "missing" : "stale"}: widgets/bundles/${name}.js`);
  else writeFileSync(path, text);
}
for (const file of existsSync(outDir) ? readdirSync(outDir) : []) {
  if (names.includes(file.replace(/\.js$/, ""))) continue;
  if (check) problems.push(`left over: widgets/bundles/${file}`);
  else rmSync(`${outDir}${file}`);
}
if (problems.length) {
  console.error(`${problems.join("\n")}\nRebuild them: cd js && npm run bundles`);
  process.exit(1);
}
if (!check) console.log(`bundled ${names.length} widgets into widgets/bundles/`);
