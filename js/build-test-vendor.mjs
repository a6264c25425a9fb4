// Copies the pinned npm packages the tests drive as real clients into
// tests/vendor/: axe-core (accessibility audit in Chromium), gift-pegjs (the
// Moodle GIFT parser, run by Node) and scorm-again (a SCORM 1.2 runtime that
// stands in for an LMS). Run with `npm ci && npm run vendor-test`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = new URL("../tests/vendor/", import.meta.url);
mkdirSync(out, { recursive: true });
const files = {
  "axe-core": ["axe.min.js"],
  "gift-pegjs": ["pegjs-gift.js"],
  "scorm-again": ["dist/scorm12.min.js"],
};
const versions = {};
const licences = [];
for (const [pkg, paths] of Object.entries(files)) {
  const meta = JSON.parse(readFileSync(`node_modules/${pkg}/package.json`));
  versions[pkg] = meta.version;
  for (const path of paths) copyFileSync(`node_modules/${pkg}/${path}`, new URL(path.split("/").pop(), out));
  const licenceFile = ["LICENSE", "LICENSE.txt", "LICENSE.md"].find((f) => {
    try { readFileSync(`node_modules/${pkg}/${f}`); return true; } catch { return false; }
  });
  licences.push(`==== ${pkg}@${meta.version} (${meta.license}) ====\n` +
    (licenceFile ? readFileSync(`node_modules/${pkg}/${licenceFile}`, "utf8") : meta.license));
}
writeFileSync(new URL("versions.json", out), JSON.stringify(versions, null, 2) + "\n");
writeFileSync(new URL("LICENSES.txt", out), licences.join("\n\n"));
console.log("vendored for tests", versions);
