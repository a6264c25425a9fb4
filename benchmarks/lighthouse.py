"""Lighthouse (mobile profile) over one page per module of the built book: print figures, assert nothing.

    .venv/bin/python benchmarks/lighthouse.py [--pages a,b] [--charts] [--runs N] [--against DIR]

Serves the built book (``pacte build`` first) on loopback with gzip and runs the pinned Lighthouse
(js/package.json) with Debian's Chromium (``CHROME_PATH``, never a downloaded browser), simulated
slow 4G and a CPU slowed 4×. For each module, its first page that draws a chart (else its first
page); ``--pages`` names pages instead (paths under the book, without ``.html``), ``--charts`` every
page that draws a chart. Prints, per page, the performance score, total blocking time, cumulative
layout shift, accessibility score and bytes transferred (the median of ``--runs`` runs), then the
accessibility audits that failed. ``--against DIR`` (another built book, e.g. a copy of
``_build/html`` before a change) measures each page there right before measuring it here, so that
both see the same load; the load average is printed at the start and the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from lighthouse_support import lighthouse, missing_tool, serve_book  # noqa: E402

from pacte.course.paths import build_dir  # noqa: E402


def module_pages(html_root: Path) -> list[str]:
    """One page per module folder: the first (by name) whose HTML holds a chart, else the first."""
    chosen = []
    for folder in sorted(p for p in (html_root / "modules").iterdir() if p.is_dir()):
        pages = sorted(folder.glob("*.html"))
        charts = [p for p in pages if 'data-pacte-module="chart"' in p.read_text(encoding="utf-8")]
        if pages:
            chosen.append((charts or pages)[0].relative_to(html_root).with_suffix("").as_posix())
    return chosen


def chart_pages(html_root: Path) -> list[str]:
    """Every page of the book that draws a chart."""
    return sorted(
        p.relative_to(html_root).with_suffix("").as_posix()
        for p in (html_root / "modules").rglob("*.html")
        if 'data-pacte-module="chart"' in p.read_text(encoding="utf-8")
    )


def _median(base: str, page: str, runs: int) -> tuple[dict, list[str]]:
    results = [lighthouse(f"{base}{page}.html") for _ in range(max(1, runs))]
    med = {
        k: statistics.median(r[k] for r in results) for k in ("performance", "tbt_ms", "cls", "accessibility", "kib")
    }
    return med, results[0]["failed_accessibility_audits"]


def _row(label: str, med: dict) -> str:
    return (
        f"{label:58} {med['performance']:>5.0f} {med['tbt_ms']:>7.0f} {med['cls']:>6.3f} {med['accessibility']:>5.0f}"
        f" {med['kib']:>6.0f}"
    )


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", default="", help="comma-separated pages (e.g. modules/panorama/compter-les-structures)"
    )
    parser.add_argument("--runs", type=int, default=1, help="runs per page (the median is printed)")
    parser.add_argument("--charts", action="store_true", help="every page that draws a chart")
    parser.add_argument("--against", default="", help="another built book (its html folder), measured first")
    args = parser.parse_args()
    why = missing_tool()
    html_root = build_dir() / "html"
    if why or not (html_root / "index.html").exists():
        print(f"lighthouse: cannot run: {why or 'the book is not built (pacte build)'}", file=sys.stderr)
        return 2
    other = Path(args.against) if args.against else None
    if other and not (other / "index.html").exists():
        print(f"lighthouse: cannot run: {other} holds no built book", file=sys.stderr)
        return 2
    pages = [p for p in args.pages.split(",") if p] or (chart_pages if args.charts else module_pages)(html_root)
    print(_load())
    print(f"{'page':58} {'perf':>5} {'TBT ms':>7} {'CLS':>6} {'a11y':>5} {'KiB':>6}")
    failed: dict[str, list[str]] = {}
    with serve_book(html_root) as base, serve_book(other or html_root) as other_base:
        for page in pages:
            if other:
                print(_row(f"{page} (against)", _median(other_base, page, args.runs)[0]), flush=True)
            med, audits = _median(base, page, args.runs)
            print(_row(page, med), flush=True)
            if audits:
                failed[page] = audits
    print(_load())
    for page, audits in failed.items():
        print(f"accessibility audits failed on {page}: {', '.join(audits)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
