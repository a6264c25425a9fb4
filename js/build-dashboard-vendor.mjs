// Copies the QR code encoder the trainer's dashboard draws the join link with
// (qrcode-generator, ES module build) into pacte/live/dashboard/vendor/, with
// its licence. No service is called: the code is drawn in the browser.
// Run with `npm ci && npm run vendor` (or `node build-dashboard-vendor.mjs`).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = new URL("../pacte/live/dashboard/vendor/", import.meta.url);
mkdirSync(out, { recursive: true });
const pkg = "qrcode-generator";
const meta = JSON.parse(readFileSync(`node_modules/${pkg}/package.json`));
const source = readFileSync(`node_modules/${pkg}/dist/qrcode.mjs`, "utf8");
copyFileSync(`node_modules/${pkg}/dist/qrcode.mjs`, new URL("qrcode.mjs", out));
// Its types for tsc (tsconfig.json): the package's own qrcode.d.ts declares a global, not this ES module.
const types = `// Types of qrcode.mjs (qrcode-generator), the part the dashboard uses; written by js/build-dashboard-vendor.mjs.
export interface QRCode {
  addData(data: string, mode?: "Numeric" | "Alphanumeric" | "Byte" | "Kanji"): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}
declare function qrcode(typeNumber: number, errorCorrectionLevel: "L" | "M" | "Q" | "H"): QRCode;
export default qrcode;
`;
writeFileSync(new URL("qrcode.d.mts", out), types);
// The package ships no LICENSE file: its header names the author and the MIT licence.
const copyright = source.match(/Copyright \(c\) [^\n]+/)[0];
const mit = `MIT License

${copyright}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
writeFileSync(new URL("LICENSES.txt", out), `==== ${pkg}@${meta.version} (${meta.license}) ====\n${mit}`);
writeFileSync(new URL("versions.json", out), `${JSON.stringify({ [pkg]: meta.version }, null, 2)}\n`);
console.log("vendored for the dashboard", { [pkg]: meta.version });
