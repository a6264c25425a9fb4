"""The browser side of the handouts (``pacte export pdf``): a loopback server over the built book,
Debian's headless Chromium, pages prepared for paper several at a time, and printing.

One browser serves the whole export: the pages of every chosen module are
opened :data:`TABS` at a time in tabs of one context (each loads and draws its
widgets while the exporter reads another), then each module is printed once
with a PDF outline (bookmarks from the headings) and tags for screen readers.
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
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlsplit

from pacte.export.paper_dom import PAPER_EXERCISES
from pacte.export.print_dom import DRAW_ALL, PREPARE_PAGE, READY

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
TABS = 4
FOOTER = (
    '<div style="font-size:8pt;width:100%;padding:0 16mm;display:flex;justify-content:space-between;'
    'color:#555;font-family:sans-serif"><span>{title}</span><span>Page <span class="pageNumber"></span>'
    ' sur <span class="totalPages"></span></span></div>'
)


@dataclass
class PrintedPage:
    """A page prepared for paper: its title and article HTML."""

    doc: str
    title: str
    html: str
    styles: list[dict[str, str]] = field(default_factory=list)


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


def _take(page: Any, doc: str, trainer: bool, base_url: str | None) -> PrintedPage:
    """Wait for a page's widgets, turn its exercises into paper ones and take its article."""
    try:
        page.wait_for_load_state("load", timeout=60_000)
        page.wait_for_function(READY, timeout=60_000)
    except Exception as exc:
        raise RuntimeError(f"{doc}{chr(160)}: les contenus interactifs ne se sont pas affichés à temps") from exc
    try:
        page.evaluate(PAPER_EXERCISES, trainer)
        data = page.evaluate(PREPARE_PAGE, trainer)
    except Exception as exc:
        raise RuntimeError(f"{doc}{chr(160)}: la page n’a pas pu être préparée pour l’impression ({exc})") from exc
    return PrintedPage(doc, data["title"], public_links(data["html"], base_url), data["styles"])


def prepare_pages(
    browser: Any, base: str, docs: list[str], trainer: bool, base_url: str | None = None, tabs: int = TABS
) -> dict[str, PrintedPage]:
    """Open the pages ``tabs`` at a time, let their widgets draw, and take their paper form
    (links as :func:`public_links` makes them); return them by document name."""
    context = browser.new_context(viewport={"width": 1000, "height": 1400}, locale="fr-FR")
    context.route("**/*", _offline)
    context.add_init_script(DRAW_ALL)
    waiting = list(docs)
    loading: list[tuple[str, Any]] = []
    out: dict[str, PrintedPage] = {}
    try:
        while waiting or loading:
            while waiting and len(loading) < max(1, tabs):
                doc = waiting.pop(0)
                page = context.new_page()
                page.goto(f"{base}{doc}.html", wait_until="commit")
                loading.append((doc, page))
            doc, page = loading.pop(0)
            out[doc] = _take(page, doc, trainer, base_url)
            page.close()
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


def print_pdf(browser: Any, document: str, footer_title: str, target: Path | None = None) -> bytes:
    """Print an assembled document (A4, page numbers in the footer, outline, tagged); write it to
    ``target`` when given; return its bytes."""
    context = browser.new_context(locale="fr-FR")
    context.route("**/*", _offline)
    page = context.new_page()
    try:
        page.set_content(document, wait_until="load")
        page.emulate_media(media="print")
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
        return bytes(
            page.pdf(
                path=None if target is None else str(target),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<div></div>",
                footer_template=FOOTER.format(title=html.escape(footer_title)),
                margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                outline=True,
                tagged=True,
            )
        )
    finally:
        context.close()
