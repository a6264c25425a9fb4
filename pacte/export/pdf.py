"""Printable handouts (``pacte export pdf``): one PDF per module and one for the whole course.

The built pages are opened in Debian's headless Chromium (Playwright, the
same browser and launch arguments as the tests, every non-loopback request
aborted), their widgets drawn, then prepared for paper by
:data:`pacte.export.print_dom.PREPARE_PAGE`. The pages of a module are put
together in one document after a title page (course, module, version, list
of pages) and printed by Chromium with page numbers (« Page 3 sur 12 ») and
the course's print stylesheet (``widgets/static/print.css``).

The learner's version has the quiz questions without their answers and no
trainer notes; the trainer's version (``--trainer``) adds the expected
answers, the feedback of every choice, the explanation and source, and opens
the « Notes pour le formateur ».
"""

from __future__ import annotations

import functools
import html
import http.server
import re
import shutil
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlsplit

from pacte.course.chart_theme import FRENCH_TIME_LOCALE
from pacte.course.paths import STATIC_DIR, build_dir
from pacte.course.toc import effective_toc
from pacte.export.print_dom import PREPARE_PAGE, READY

COURSE_TITLE = "La coordination en soins primaires"
PROGRAMME = "Cours en ligne du programme PACTE soins primaires (EHESP)"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
FOOTER = (
    '<div style="font-size:8pt;width:100%;padding:0 16mm;display:flex;justify-content:space-between;'
    'color:#555;font-family:sans-serif"><span>{title}</span><span>Page <span class="pageNumber"></span>'
    ' sur <span class="totalPages"></span></span></div>'
)


@dataclass
class Module:
    """A module of the course: its folder name, title (its first page's) and pages (document names)."""

    name: str
    pages: list[str]
    title: str = ""


@dataclass
class PrintedPage:
    """A page prepared for paper: its title and article HTML."""

    doc: str
    title: str
    html: str
    styles: list[dict[str, str]] = field(default_factory=list)


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


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """A loopback static server over the built book; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium through Playwright (never a downloaded browser)."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        raise RuntimeError("Chromium est introuvable (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise RuntimeError("le paquet Python playwright manque (pip install playwright)") from exc
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _offline(route: Any) -> None:
    url = route.request.url
    host = urlparse(url).hostname or ""
    if url.startswith(("data:", "blob:")) or host in LOOPBACK:
        route.continue_()
    else:
        route.abort()


def prepare_pages(
    browser: Any, base: str, docs: list[str], trainer: bool, base_url: str | None = None
) -> list[PrintedPage]:
    """Open each page, let its widgets draw, and take its paper form (links as :func:`public_links` makes them)."""
    context = browser.new_context(viewport={"width": 1000, "height": 1400}, locale="fr-FR")
    context.route("**/*", _offline)
    page = context.new_page()
    out = []
    try:
        for doc in docs:
            page.goto(f"{base}{doc}.html", wait_until="load")
            try:
                page.wait_for_function(READY, timeout=30_000)
            except Exception as exc:
                raise RuntimeError(
                    f"{doc}{chr(160)}: les contenus interactifs ne se sont pas affichés à temps"
                ) from exc
            try:
                data = page.evaluate(PREPARE_PAGE, trainer)
            except Exception as exc:
                raise RuntimeError(
                    f"{doc}{chr(160)}: la page n’a pas pu être préparée pour l’impression ({exc})"
                ) from exc
            out.append(PrintedPage(doc, data["title"], public_links(data["html"], base_url), data["styles"]))
    finally:
        context.close()
    return out


_LINK = re.compile(r'<a\b([^>]*?)\shref="([^"]*)"([^>]*)>(.*?)</a>', re.S)


def public_links(page_html: str, base_url: str | None) -> str:
    """Links of a printed page to the export's own local server point to the course's public address
    ``base_url`` instead; without one they become plain text. Links to other hosts are kept."""

    def fix(match: re.Match[str]) -> str:
        before, href, after, text = match.groups()
        parsed = urlsplit(html.unescape(href))
        if parsed.hostname not in LOOPBACK:
            return match.group(0)
        if base_url is None:
            return f'<span class="pacte-print-link">{text}</span>'
        public = (
            base_url.rstrip("/") + "/" + parsed.path.lstrip("/") + (f"#{parsed.fragment}" if parsed.fragment else "")
        )
        return f'<a{before} href="{html.escape(public)}"{after}>{text}</a>'

    return _LINK.sub(fix, page_html)


def title_page(heading: str, subtitle: str, pages: list[PrintedPage], trainer: bool, today: date) -> str:
    """The first page of a handout: course, module, version, date and list of pages."""
    version = "Version formateur (réponses et notes pour le formateur)" if trainer else "Version apprenant"
    items = "".join(f"<li>{html.escape(p.title)}</li>" for p in pages)
    return (
        '<section class="pacte-print-title">'
        f'<p class="pacte-print-programme">{html.escape(PROGRAMME)}</p>'
        f"<h1>{html.escape(heading)}</h1>"
        f'<p class="pacte-print-subtitle">{html.escape(subtitle)}</p>'
        f'<p class="pacte-print-version">{html.escape(version)}</p>'
        f'<h2>Sommaire</h2><ol class="pacte-print-contents">{items}</ol>'
        f'<p class="pacte-print-date">Polycopié produit le {french_date(today)} à partir du livre en ligne. '
        "Les activités interactives (graphiques à explorer, simulateurs, exercices) se font en ligne.</p>"
        "</section>"
    )


TITLE_CSS = """
.pacte-print-title { break-after: page; padding-top: 30mm; }
.pacte-print-title h1 { font-size: 26pt; margin: 8mm 0 4mm 0; }
.pacte-print-programme { font-size: 11pt; color: #1f5f8b; font-weight: 600; }
.pacte-print-subtitle { font-size: 15pt; }
.pacte-print-version { font-size: 12pt; border: 1px solid #1f5f8b; display: inline-block; padding: 2mm 4mm; }
.pacte-print-contents { font-size: 11pt; }
.pacte-print-date { margin-top: 20mm; font-size: 9pt; color: #444; }
.pacte-print-page { break-before: page; }
.pacte-print-line { letter-spacing: .1em; }
body { padding: 0 !important; }
"""


def assemble(heading: str, subtitle: str, pages: list[PrintedPage], trainer: bool, today: date) -> str:
    """One HTML document: title page, then every page's article, with the book's styles and print.css."""
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
        f"{title_page(heading, subtitle, pages, trainer, today)}{body}</article></div></main></body></html>"
    )


def print_pdf(browser: Any, base: str, document: str, target: Path, footer_title: str) -> Path:
    """Print an assembled document to ``target`` (A4, page numbers in the footer)."""
    context = browser.new_context(locale="fr-FR")
    context.route("**/*", _offline)
    page = context.new_page()
    try:
        page.set_content(document, wait_until="load")
        page.emulate_media(media="print")
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(target),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<div></div>",
            footer_template=FOOTER.format(title=html.escape(footer_title)),
            margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        )
    finally:
        context.close()
    return target


def export_pdf(
    output: Path,
    site: Path | None = None,
    trainer: bool = False,
    modules: list[str] | None = None,
    whole: bool = True,
    toc: dict[str, Any] | None = None,
    today: date | None = None,
    browser: Any | None = None,
    base_url: str | None = None,
) -> list[Path]:
    """Write ``<module>[-formateur].pdf`` for each module and ``cours-complet[-formateur].pdf``; return the files.

    ``browser``: a Playwright Chromium already running (the tests' shared one);
    by default Debian's Chromium is started for the export and closed after.
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
    files: list[Path] = []
    with serve(site) as base, nullcontext(browser) if browser is not None else chromium() as browser:
        printed: dict[str, list[PrintedPage]] = {}
        for module in chosen:
            printed[module.name] = prepare_pages(browser, base, module.pages, trainer, base_url)
            module.title = printed[module.name][0].title
            doc = assemble(
                module.title,
                f"Module «\u00a0{module.title}\u00a0» — {COURSE_TITLE}",
                printed[module.name],
                trainer,
                today,
            )
            files.append(print_pdf(browser, base, doc, output / f"{module.name}{suffix}.pdf", module.title))
        if whole and chosen and not modules:
            every = [p for m in chosen for p in printed[m.name]]
            doc = assemble(COURSE_TITLE, f"Le cours complet\u00a0: {len(chosen)} modules", every, trainer, today)
            files.append(print_pdf(browser, base, doc, output / f"cours-complet{suffix}.pdf", COURSE_TITLE))
    return files
