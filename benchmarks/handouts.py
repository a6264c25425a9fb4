"""Time of ``pacte export pdf`` (every module and the whole course), by phase: print figures, assert nothing.

    .venv/bin/python benchmarks/handouts.py [--trainer] [--tabs 3] [--site _build/html]

The same code as the command (:func:`pacte.export.pdf.export_pdf`): one
Chromium, ``--tabs`` tabs. Prints the seconds spent starting Chromium,
preparing every page (each page then printed alone to count its sheets: the
contents' page numbers), printing every handout (as many at a time as there
are tabs), the total, the CPU seconds of this process and its children
(Chromium included) and the load average before and after, since the figures
mean little on a busy machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pacte.course.paths import build_dir  # noqa: E402
from pacte.export.pdf import export_pdf  # noqa: E402
from pacte.export.pdf_browser import TABS  # noqa: E402


def main() -> None:
    """Export every handout once and print the time of each phase."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainer", action="store_true")
    parser.add_argument("--tabs", type=int, default=TABS)
    parser.add_argument("--site", default=str(build_dir() / "html"))
    args = parser.parse_args()
    load = os.getloadavg()
    marks = [("start", time.perf_counter())]
    with tempfile.TemporaryDirectory() as out:
        files = export_pdf(
            Path(out),
            site=Path(args.site),
            trainer=args.trainer,
            tabs=args.tabs,
            phase=lambda name: marks.append((name, time.perf_counter())),
        )
    marks.append(("done", time.perf_counter()))
    used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in used)
    version = "formateur" if args.trainer else "apprenant"
    print(f"handouts ({version}, {len(files)} files, {args.tabs} tab(s)):")
    labels = {"launched": "start Chromium", "prepared": "prepare the pages", "printed": "print the handouts"}
    for (_, before), (name, at) in zip(marks, marks[1:], strict=False):
        if name in labels:
            print(f"  {labels[name]:<22}{at - before:6.1f} s")
    print(f"  total                 {marks[-1][1] - marks[0][1]:6.1f} s")
    print(f"  CPU (with Chromium)   {cpu:6.1f} s")
    print(f"  load average          {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after (1 min)")


if __name__ == "__main__":
    main()
