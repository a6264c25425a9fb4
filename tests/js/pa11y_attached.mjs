// pa11y (HTML_CodeSniffer) on pages a Playwright test already has open, in the same Chromium.
//
//   node tests/js/pa11y_attached.mjs http://127.0.0.1:PORT '{"standard": "WCAG2AA", ...}'
//
// PORT is the browser's --remote-debugging-port; the JSON holds pa11y's options (standard, runners,
// ignore, viewport). Then one line per page on stdin, the URL of a page open in that browser; one
// line per page on stdout: {"url", "issues"} or {"url", "error"}. pa11y does not load the page again
// (`ignoreUrl`): it checks it as the test left it (widgets mounted, charts drawn, tables open).
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

const require = createRequire(new URL("../../js/package.json", import.meta.url));
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const [browserURL, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson || "{}");
const quiet = { debug() {}, error() {}, info() {} };
const browser = await puppeteer.connect({ browserURL, defaultViewport: null });

/** The open page whose URL is `url` (the most recently opened if several). */
async function openPage(url) {
  const pages = (await browser.pages()).filter((p) => p.url() === url);
  if (!pages.length) throw new Error(`no open page at ${url}`);
  return pages[pages.length - 1];
}

for await (const line of createInterface({ input: process.stdin })) {
  const url = line.trim();
  if (!url) continue;
  let answer;
  try {
    const page = await openPage(url);
    const result = await pa11y(url, { ...options, browser, page, ignoreUrl: true, log: quiet });
    answer = { url, issues: result.issues };
  } catch (error) {
    answer = { url, error: String(error && error.stack ? error.stack : error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
await browser.disconnect();
