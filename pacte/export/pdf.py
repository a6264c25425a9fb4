"""Printable handouts (``pacte export pdf``): one PDF per module and one for the whole course.

The built pages are opened in Debian's headless Chromium (Playwright, the
same browser and launch arguments as the tests, every request to another
host refused), several at a time (:mod:`pacte.export.pdf_browser`), their
widgets drawn, then prepared for paper by
:data:`pacte.export.paper_dom.PAPER_EXERCISES` and
:data:`pacte.export.print_dom.PREPARE_PAGE`, and each printed alone to count
its sheets. The pages of a module are put together in one document after a
title page (course, module, version, contents with the sheet where each page
starts) and printed by Chromium with page numbers (« Page 3 sur 12 »), an
outline, tags and the course's print stylesheet (``widgets/static/print.css``);
the handouts are printed in parallel, the whole course's first.

The learner's version has the quiz questions without their answers and no
trainer notes; the trainer's version (``--trainer``) adds the expected
answers, the feedback of every choice, the explanation and source, and opens
the « Notes pour le formateur ».
"""

from __future__ import annotations

import asyncio
import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pacte.course.chart_theme import FRENCH_TIME_LOCALE
from pacte.course.paths import STATIC_DIR, build_dir
from pacte.course.toc import effective_toc
from pacte.export.pdf_browser import TABS, PrintedPage, Tabs, chromium, prepare_pages, run_in_thread, serve

COURSE_TITLE = "La coordination en soins primaires"
PROGRAMME = "Cours en ligne du programme PACTE soins primaires (EHESP)"


@dataclass
class Module:
    """A module of the course: its folder name, title (its first page's) and pages (document names)."""

    name: str
    pages: list[str]
    title: str = ""


def course_modules(site: Path, toc: dict[str, Any] | None = None) -> list[Module]:
    """The modules of the table of contents (chapters under ``modules/``) whose pages the site has."""
    toc = effective_toc() if toc is None else toc
    out = []
    for part in toc.get("parts", []):
        for chapter in part.get("chapters") or []:
            head = chapter.get("file", "")
            if not head.startswith("modules/"):
                continue
            docs = [head] + [s["file"] for s in chapter.get("sections") or [] if "file" in s]
            docs = [d for d in docs if (site / f"{d}.html").exists()]
            if docs:
                out.append(Module(head.split("/")[1], docs))
    return out


def french_date(day: date) -> str:
    """« 1er décembre 2026 »."""
    return f"{'1er' if day.day == 1 else day.day}\u00a0{FRENCH_TIME_LOCALE['months'][day.month - 1]} {day.year}"


def title_page(
    heading: str, subtitle: str, pages: list[PrintedPage], trainer: bool, today: date, numbers: list[int] | None = None
) -> str:
    """The first page of a handout: course, module, version, date and list of pages (with the page
    where each starts, when ``numbers`` gives them)."""
    version = "Version formateur (réponses et notes pour le formateur)" if trainer else "Version apprenant"
    items = "".join(
        f"<li>{html.escape(p.title)}</li>"
        if not numbers
        else f'<li><span class="pacte-print-entry">{html.escape(p.title)}</span>'
        f'<span class="pacte-print-pageno">page\u00a0{n}</span></li>'
        for p, n in zip(pages, numbers or [0] * len(pages), strict=True)
    )
    return (
        '<section class="pacte-print-title">'
        f'<p class="pacte-print-programme">{html.escape(PROGRAMME)}</p>'
        f"<h1>{html.escape(heading)}</h1>"
        f'<p class="pacte-print-subtitle">{html.escape(subtitle)}</p>'
        f'<p class="pacte-print-version">{html.escape(version)}</p>'
        f'<h2>Sommaire</h2><ol class="pacte-print-contents">{items}</ol>'
        f'<p class="pacte-print-date">Polycopié produit le {french_date(today)} à partir du livre en ligne. '
        "Les exercices se font au stylo\u00a0; les graphiques à explorer et les simulateurs sont aussi en ligne.</p>"
        "</section>"
    )


TITLE_CSS = """
.pacte-print-title { break-after: page; padding-top: 30mm; }
.pacte-print-title h1 { font-size: 26pt; margin: 8mm 0 4mm 0; }
.pacte-print-programme { font-size: 11pt; color: #1f5f8b; font-weight: 600; }
.pacte-print-subtitle { font-size: 15pt; }
.pacte-print-version { font-size: 12pt; border: 1px solid #1f5f8b; display: inline-block; padding: 2mm 4mm; }
.pacte-print-contents { font-size: 11pt; }
.pacte-print-contents li { display: flex; gap: 2mm; align-items: baseline; }
.pacte-print-entry { flex: 0 1 auto; }
.pacte-print-contents li::after { content: ""; flex: 1 1 auto; order: 1; border-bottom: 1px dotted #777; }
.pacte-print-pageno { order: 2; white-space: nowrap; }
.pacte-print-date { margin-top: 20mm; font-size: 9pt; color: #444; }
.pacte-print-page { break-before: page; }
.pacte-print-line { letter-spacing: .1em; }
body { padding: 0 !important; }
"""


def assemble(
    heading: str,
    subtitle: str,
    pages: list[PrintedPage],
    trainer: bool,
    today: date,
    numbers: list[int] | None = None,
    titled: bool = True,
) -> str:
    """One HTML document: title page (unless not ``titled``), then every page's article, with the book's
    styles and print.css."""
    styles = pages[0].styles if pages else []
    links = "".join(
        f'<link rel="stylesheet" href="{html.escape(s["href"])}"'
        + (f' media="{html.escape(s["media"])}"' if s["media"] else "")
        + ">"
        for s in styles
    )
    print_css = (STATIC_DIR / "print.css").read_text(encoding="utf-8")
    body = "".join(f'<div class="pacte-print-page bd-article">{p.html}</div>' for p in pages)
    cls = "pacte-print pacte-print-trainer" if trainer else "pacte-print"
    return (
        f'<!doctype html><html lang="fr" class="{cls}" data-theme="light"><head><meta charset="utf-8">'
        f"<title>{html.escape(heading)}</title>{links}<style>{print_css}{TITLE_CSS}</style></head>"
        f'<body><main class="bd-main"><div class="bd-content"><article class="bd-article">'
        f"{title_page(heading, subtitle, pages, trainer, today, numbers) if titled else ''}{body}"
        "</article></div></main></body></html>"
    )


def _norm(text: str) -> str:
    """A heading without any space: Chromium's outline drops the spaces where a heading wraps."""
    return re.sub(r"\s+", "", text)


def _outline(pdf: bytes) -> tuple[list[tuple[str, int]], int] | None:
    """The first-level headings of a PDF's outline with their sheet, and its number of sheets."""
    try:
        import pypdf
    except ImportError:
        return None
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    marks = [
        (_norm(m.title or ""), (reader.get_destination_page_number(m) or 0) + 1)
        for m in reader.outline
        if not isinstance(m, list)
    ]
    return marks, len(reader.pages)


def start_pages(pdf: bytes, pages: list[PrintedPage], titled: bool = True) -> list[int] | None:
    """The sheet where each printed page starts, read from the PDF's outline (its first-level headings,
    in order; a ``titled`` handout's first one is its title page's); ``None`` when pypdf is missing or
    a title is not found."""
    outline = _outline(pdf)
    if outline is None:
        return None
    marks, out, at = outline[0], [], 1 if titled else 0
    for page in pages:
        title = _norm(page.title)
        while at < len(marks) and marks[at][0] != title:
            at += 1
        if at >= len(marks):
            return None
        out.append(marks[at][1])
        at += 1
    return out


async def print_handout(
    tabs: Tabs,
    base: str,
    target: Path,
    heading: str,
    subtitle: str,
    pages: list[PrintedPage],
    trainer: bool,
    today: date,
) -> Path:
    """Print one handout, its contents with the sheet where each page starts (from the sheets each
    page took alone, checked against the printed outline and printed again if the title page took
    more sheets than guessed)."""
    numbers: list[int] | None = None
    if all(page.sheets for page in pages):
        numbers, at = [], 2 + len(pages) // 20  # a title page, two for a long contents
        for page in pages:
            numbers.append(at)
            at += page.sheets
    pdf = await tabs.print(base, assemble(heading, subtitle, pages, trainer, today, numbers), heading)
    if numbers is not None:
        actual = await asyncio.to_thread(start_pages, pdf, pages)
        if actual is not None and actual != numbers:
            pdf = await tabs.print(base, assemble(heading, subtitle, pages, trainer, today, actual), heading)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    return target


@dataclass
class Handout:
    """A handout to print: its file, heading, subtitle and pages (document names)."""

    target: Path
    heading: str
    subtitle: str
    docs: list[str]


async def print_handouts(
    site: Path,
    handouts: Callable[[dict[str, PrintedPage]], list[Handout]],
    docs: list[str],
    trainer: bool,
    today: date,
    base_url: str | None = None,
    tabs: int = TABS,
    phase: Callable[[str], None] | None = None,
) -> list[Path]:
    """Prepare ``docs`` in one Chromium (``tabs`` at a time, each page's sheets counted), then print
    every handout ``handouts`` makes of them, the longest first, as many at a time; ``phase`` hears
    « launched », « prepared » and « printed »."""
    told = phase or (lambda _: None)
    with serve(site) as base:
        async with chromium() as browser:
            lent = await Tabs.open(browser, tabs)
            told("launched")

            def alone(page: PrintedPage) -> str:
                return assemble("", "", [page], trainer, today, titled=False)

            printed = await prepare_pages(lent, base, docs, trainer, base_url, alone)
            told("prepared")
            jobs = handouts(printed)
            longest = sorted(jobs, key=lambda h: -sum(printed[d].sheets or 1 for d in h.docs))
            async with asyncio.TaskGroup() as group:
                for job in longest:
                    pages = [printed[d] for d in job.docs]
                    group.create_task(
                        print_handout(lent, base, job.target, job.heading, job.subtitle, pages, trainer, today)
                    )
            told("printed")
    return [job.target for job in jobs]


def export_pdf(
    output: Path,
    site: Path | None = None,
    trainer: bool = False,
    modules: list[str] | None = None,
    whole: bool = True,
    toc: dict[str, Any] | None = None,
    today: date | None = None,
    base_url: str | None = None,
    tabs: int = TABS,
    phase: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write ``<module>[-formateur].pdf`` for each module and ``cours-complet[-formateur].pdf``; return the files.

    One Debian Chromium is started for the export (in a thread of its own) and
    closed after; ``tabs`` and ``phase`` are :func:`print_handouts`'.
    """
    site = build_dir() / "html" if site is None else site
    if not (site / "index.html").exists():
        raise FileNotFoundError(
            f"le livre n’est pas construit dans {site}\u00a0: lancez d’abord «\u00a0pacte build\u00a0»"
        )
    today = today or date.today()
    found = course_modules(site, toc)
    chosen = [m for m in found if not modules or m.name in modules]
    unknown = sorted(set(modules or []) - {m.name for m in found})
    if unknown:
        raise FileNotFoundError(f"module(s) absent(s) du livre construit\u00a0: {', '.join(unknown)}")
    suffix = "-formateur" if trainer else ""

    def handouts(printed: dict[str, PrintedPage]) -> list[Handout]:
        jobs = []
        for module in chosen:
            module.title = printed[module.pages[0]].title
            subtitle = f"Module «\u00a0{module.title}\u00a0» — {COURSE_TITLE}"
            jobs.append(Handout(output / f"{module.name}{suffix}.pdf", module.title, subtitle, module.pages))
        if whole and chosen and not modules:
            subtitle = f"Le cours complet\u00a0: {len(chosen)} modules"
            every = [d for m in chosen for d in m.pages]
            jobs.append(Handout(output / f"cours-complet{suffix}.pdf", COURSE_TITLE, subtitle, every))
        return jobs

    docs = [d for m in chosen for d in m.pages]
    return run_in_thread(print_handouts(site, handouts, docs, trainer, today, base_url, tabs, phase))
