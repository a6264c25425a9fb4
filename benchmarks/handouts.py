"""Time of ``pacte export pdf`` (every module and the whole course), by phase: print figures, assert nothing.

    .venv/bin/python benchmarks/handouts.py [--trainer] [--tabs 4] [--site _build/html]

One Chromium for the whole export, as the command does. Prints the seconds
spent opening and preparing every page (``--tabs`` at a time), measuring how many
sheets each page takes (one print of every page: the contents' page numbers),
printing each module's handout and the whole course's, and the total. ``--tabs 1`` measures pages prepared
one after the other.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pacte.course.paths import build_dir  # noqa: E402
from pacte.export.pdf import COURSE_TITLE, course_modules, page_lengths, print_handout  # noqa: E402
from pacte.export.pdf_browser import chromium, prepare_pages, serve  # noqa: E402


def main() -> None:
    """Export every handout once and print the time of each phase."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainer", action="store_true")
    parser.add_argument("--tabs", type=int, default=4)
    parser.add_argument("--site", default=str(build_dir() / "html"))
    args = parser.parse_args()
    site = Path(args.site)
    modules = course_modules(site)
    docs = [d for m in modules for d in m.pages]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out, serve(site) as base, chromium() as browser:
        launched = time.perf_counter()
        printed = prepare_pages(browser, base, docs, args.trainer, tabs=args.tabs)
        prepared = time.perf_counter()
        lengths = page_lengths(browser, list(printed.values()), args.trainer, date.today())
        measured = time.perf_counter()
        for module in modules:
            pages = [printed[d] for d in module.pages]
            print_handout(
                browser,
                Path(out) / f"{module.name}.pdf",
                pages[0].title,
                "",
                pages,
                args.trainer,
                date.today(),
                lengths,
            )
        modules_done = time.perf_counter()
        every = [printed[d] for d in docs]
        print_handout(
            browser, Path(out) / "cours-complet.pdf", COURSE_TITLE, "", every, args.trainer, date.today(), lengths
        )
        done = time.perf_counter()
    version = "formateur" if args.trainer else "apprenant"
    print(f"handouts ({version}, {len(modules)} modules, {len(docs)} pages, {args.tabs} tab(s) at a time):")
    print(f"  start Chromium        {launched - start:6.1f} s")
    print(f"  prepare the pages     {prepared - launched:6.1f} s")
    print(f"  measure the pages     {measured - prepared:6.1f} s")
    print(f"  print the modules     {modules_done - measured:6.1f} s")
    print(f"  print the course      {done - modules_done:6.1f} s")
    print(f"  total                 {done - start:6.1f} s")


if __name__ == "__main__":
    main()
