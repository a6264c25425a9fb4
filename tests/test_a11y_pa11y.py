"""pa11y (HTML_CodeSniffer, WCAG 2 AA; npm ``pa11y-ci``, pinned in js/package.json) over every built page (issue 28).

One pa11y-ci process checks every page of the built book, served on loopback, in Debian's Chromium
(never a downloaded browser), each page once its widgets have drawn. 0 errors beyond the advisories
below. ``scripts/install.sh --test`` installs it (``cd js && npm ci``); a missing tool fails in CI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from a11y_support import built_pages
from conftest import _missing

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
PA11Y_CI = ROOT / "js" / "node_modules" / "pa11y-ci" / "bin" / "pa11y-ci.js"
# HTML_CodeSniffer codes reported as errors that are advisories here, each with its reason.
ADVISORIES = {
    # « This form does not contain a submit button »: the theme's search form submits with Enter
    # (implicit submission, one text field), and Vega's chart selectors (<form class="vega-bindings">)
    # act on change and are never submitted; a submit button would do nothing in either.
    "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2",
}


def _entry(base: str, html_root: Path, rel: str) -> dict:
    """One pa11y-ci URL entry: a page with widgets is checked once they are drawn."""
    text = (html_root / rel).read_text(encoding="utf-8")
    entry: dict = {"url": base + rel}
    charts = text.count('data-pacte-module="chart"')
    if charts:
        # A chart draws when it is about to be seen (widgets/static/chart.js): each is brought into view
        # as a reader scrolls to it, by clicking its « Voir les données » (which also opens its table, so
        # that is checked too). A chart already drawn needs no click: the click then falls on the footer's
        # text (after every chart in the page, harmless), so the count of clicks never fails.
        click = "click element figure.pacte-chart:not([data-rendered]) > details:not([open]) > summary, p.pacte-footer"
        done = "wait for element body:not(:has(figure.pacte-chart:not([data-rendered]))) to be added"
        mounted = (
            "wait for element div.pacte-widget[data-pacte-module=chart]:not(:has(figure.pacte-chart)) to be removed"
        )
        entry["actions"] = [mounted, *[click] * charts, done]
    elif "data-pacte-module=" in text:
        entry["actions"] = ["wait for element .pacte-widget-root > * to be added"]
    return entry


def pa11y_config(base: str, html_root: Path, pages: list[str]) -> dict:
    """The pa11y-ci configuration checking ``pages`` of ``html_root`` served at ``base``."""
    return {
        "defaults": {
            "chromeLaunchConfig": {
                "executablePath": shutil.which("chromium"),
                "args": ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking"],
            },
            "standard": "WCAG2AA",
            "runners": ["htmlcs"],
            "timeout": 120_000,
            # One page at a time in one browser context: parallel incognito tabs lose their targets
            # (« Protocol error (Target.closeTarget) ») on a loaded machine.
            "concurrency": 1,
            "useIncognitoBrowserContext": False,
            "ignore": sorted(ADVISORIES),
        },
        "urls": [_entry(base, html_root, rel) for rel in pages],
    }


def test_every_built_page_passes_pa11y(built_book, book_url, tmp_path):
    node, chromium = shutil.which("node"), shutil.which("chromium")
    if not node or not chromium:
        _missing("pa11y needs node and Debian's chromium")
    if not PA11Y_CI.exists():
        _missing(f"{PA11Y_CI} is missing: run `cd js && npm ci` (scripts/install.sh --test does)")
    pages = built_pages(built_book)
    config = tmp_path / "pa11y-ci.json"
    config.write_text(json.dumps(pa11y_config(book_url, built_book, pages)), encoding="utf-8")
    done = subprocess.run(
        [node, str(PA11Y_CI), "--config", str(config), "--json"],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.stdout.strip(), done.stderr[-2000:]
    report = json.loads(done.stdout)
    found = [
        f"{url.removeprefix(book_url)}: {issue.get('code', 'run error')}: {issue.get('message', '')[:160]}"
        f" ({issue.get('selector', '')})"
        for url, issues in report["results"].items()
        for issue in issues
    ]
    assert report["total"] == len(pages)
    assert not found, f"{len(found)} pa11y errors:\n" + "\n".join(found[:40])
