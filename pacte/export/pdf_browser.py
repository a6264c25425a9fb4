"""The browser side of the handouts (``pacte export pdf``): a loopback server over the built book,
Debian's headless Chromium, pages prepared for paper several at a time, and printing.

One browser serves the whole export, driven through Playwright's asyncio API
from a thread of its own (:func:`run_in_thread`, so that a caller already
inside an event loop, like the tests' Playwright, can call it too). It lends
:data:`TABS` tabs of one context (:class:`Tabs`): each opens a page, waits for
its widgets and charts, takes its paper form and prints it alone to count its
sheets, then takes the next page; once every page is ready the handouts are
printed as many at a time, with a PDF outline (bookmarks from the headings)
and tags for screen readers.

Three costs measured on Chromium 156 shaped this module: a new tab starts a
renderer for the browser's own interface (about a second of CPU: tabs are
reused); routing every request through Playwright to refuse other hosts
cost as much CPU as the page itself (a proxy that refuses every connection
does it inside Chromium, and loopback addresses bypass it); and waiting for
the widgets by polling at each animation frame kept the compositor drawing
(polled every 100 ms).
"""

from __future__ import annotations

import asyncio
import functools
import html
import http.server
import io
import re
import shutil
import socket
import socketserver
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

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
TABS = 3
WAIT_MS = 60_000
FOOTER = (
    '<div style="font-size:8pt;width:100%;padding:0 16mm;display:flex;justify-content:space-between;'
    'color:#555;font-family:sans-serif"><span>{title}</span><span>Page <span class="pageNumber"></span>'
    ' sur <span class="totalPages"></span></span></div>'
)
PAPER = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
}
BLANK = "pacte-print-blank.html"  # where documents are printed: a page of no origin may not load the book's styles
UNSTYLED = "() => [...document.querySelectorAll('link[rel=stylesheet]')].filter((l) => !l.sheet).map((l) => l.href)"
T = TypeVar("T")


@dataclass
class PrintedPage:
    """A page prepared for paper: its title and article HTML, and the sheets it takes alone (0: not counted)."""

    doc: str
    title: str
    html: str
    styles: list[dict[str, str]] = field(default_factory=list)
    sheets: int = 0


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """A loopback static server over the built book, with an empty page at :data:`BLANK`; yields its
    base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            if self.path != f"/{BLANK}":
                return super().do_GET()
            body = b"<!doctype html><title></title>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_in_thread(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to its end in an event loop of a thread of its own and return its result (or raise
    its exception, the first one of a task group): callable from anywhere, even from inside a running
    event loop."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = asyncio.run(coro)
        except BaseException as exc:  # handed over to the calling thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="pacte-export-pdf", daemon=True)
    thread.start()
    thread.join()
    error = box.get("error")
    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]  # a task group's first failure: the error the command reports in French
    if error is not None:
        raise error
    return box["result"]


@contextmanager
def refusing_port() -> Iterator[int]:
    """A loopback port bound but never listening, held for the export: a connection to it is refused."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])
    finally:
        sock.close()


@asynccontextmanager
async def chromium() -> AsyncIterator[Any]:
    """Debian's headless Chromium through Playwright (never a downloaded browser), offline: every
    request to another host than the loopback goes to a proxy that refuses it."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        raise RuntimeError("Chromium est introuvable (apt-get install chromium)")
    try:
        from playwright.async_api import async_playwright
    except ImportError as exc:
        raise RuntimeError("le paquet Python playwright manque (pip install playwright)") from exc
    with refusing_port() as port:
        offline = [f"--proxy-server=http://127.0.0.1:{port}", "--proxy-bypass-list=127.0.0.1;localhost;[::1]"]
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS + offline)
            try:
                yield browser
            finally:
                await browser.close()


class Tabs:
    """A few tabs of one browser context, each lent to one task at a time (:meth:`lend`)."""

    def __init__(self, context: Any, tabs: list[Any]) -> None:
        self.context = context
        self._free: asyncio.Queue[Any] = asyncio.Queue()
        for tab in tabs:
            self._free.put_nowait(tab)

    @classmethod
    async def open(cls, browser: Any, count: int = TABS) -> Tabs:
        """``count`` tabs of a new French context of ``browser``."""
        context = await browser.new_context(
            viewport={"width": 1000, "height": 1400}, locale="fr-FR", reduced_motion="reduce"
        )
        await context.add_init_script(DRAW_ALL)  # charts draw at once, not when scrolled into view
        return cls(context, [await context.new_page() for _ in range(max(1, count))])

    @asynccontextmanager
    async def lend(self) -> AsyncIterator[Any]:
        """A free tab, given back afterwards."""
        tab = await self._free.get()
        try:
            yield tab
        finally:
            self._free.put_nowait(tab)

    async def print(self, base: str, document: str, footer_title: str = "", final: bool = True) -> bytes:
        """Print an assembled document in a free tab (:func:`print_in`)."""
        async with self.lend() as tab:
            return await print_in(tab, base, document, footer_title, final)


async def print_in(tab: Any, base: str, document: str, footer_title: str = "", final: bool = True) -> bytes:
    """Print ``document`` in ``tab`` on the blank page of the server at ``base`` (no script of the page
    the tab showed runs on, the book's styles load from their own origin): A4, and, when ``final``,
    page numbers in the footer, an outline and tags (without them when only its sheets are counted)."""
    await tab.goto(f"{base}{BLANK}")
    await tab.set_content(document, wait_until="load")  # printing lays it out for print media itself
    missing = await tab.evaluate(UNSTYLED)
    if missing:
        raise RuntimeError(f"feuilles de style non chargées pour l’impression{chr(160)}: {', '.join(missing)}")
    extra: dict[str, Any] = {}
    if final:
        footer = FOOTER.format(title=html.escape(footer_title))
        extra = {"display_header_footer": True, "header_template": "<div></div>", "footer_template": footer}
    return bytes(await tab.pdf(**PAPER, **extra, outline=final, tagged=final))


def sheet_count(pdf: bytes) -> int:
    """How many sheets a PDF has (0 without pypdf)."""
    try:
        import pypdf
    except ImportError:
        return 0
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


async def _take(tab: Any, doc: str, trainer: bool, base_url: str | None) -> PrintedPage:
    """Wait for a page's widgets, turn its exercises into paper ones and take its article."""
    try:
        await tab.wait_for_load_state("load", timeout=WAIT_MS)
        await tab.wait_for_function(READY, polling=100, timeout=WAIT_MS)
    except Exception as exc:
        raise RuntimeError(f"{doc}{chr(160)}: les contenus interactifs ne se sont pas affichés à temps") from exc
    try:
        await tab.evaluate(PAPER_EXERCISES, trainer)
        data = await tab.evaluate(PREPARE_PAGE, trainer)
    except Exception as exc:
        raise RuntimeError(f"{doc}{chr(160)}: la page n’a pas pu être préparée pour l’impression ({exc})") from exc
    return PrintedPage(doc, data["title"], public_links(data["html"], base_url), data["styles"])


async def prepare_pages(
    tabs: Tabs,
    base: str,
    docs: list[str],
    trainer: bool,
    base_url: str | None = None,
    alone: Callable[[PrintedPage], str] | None = None,
) -> dict[str, PrintedPage]:
    """Open the pages in the lent tabs, let their widgets draw, and take their paper form (links as
    :func:`public_links` makes them); with ``alone`` (a page's document on its own), print each
    page alone to count its sheets. Return them by document name, in the order of ``docs``."""

    async def one(doc: str) -> PrintedPage:
        async with tabs.lend() as tab:
            await tab.goto(f"{base}{doc}.html", wait_until="commit")
            page = await _take(tab, doc, trainer, base_url)
            if alone is not None:
                page.sheets = await asyncio.to_thread(sheet_count, await print_in(tab, base, alone(page), final=False))
            return page

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(one(doc)) for doc in docs]
    return {doc: task.result() for doc, task in zip(docs, tasks, strict=True)}


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
