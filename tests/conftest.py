"""Shared fixtures: the built book, a static server, `pacte serve`, and headless Chromium.

Browser tests run Debian's Chromium through Playwright (never a downloaded
browser) with every request to a non-loopback host aborted and recorded.
In CI (``CI=true``) a missing Chromium or a missing build is a failure.

The suite runs in parallel (pytest-xdist, ``-n``): every worker is its own
process, so session fixtures (the browser, ``pacte serve``) exist once per
worker. What a test writes outside ``tmp_path`` goes through
:func:`worker_path` (one file or folder per worker); ports come from
:func:`free_port`; ``PACTE_TEST_DATABASE_URL`` names a database of the
worker's own (created afresh by :func:`pytest_configure`). Tests are marked
``browser`` or ``slow`` by the fixtures they use (:data:`MARKING_FIXTURES`).
"""

from __future__ import annotations

import collections
import functools
import http.server
import os
import shutil
import socket
import socketserver
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_tabs import Tabs

from pacte.course.paths import build_dir

ROOT = Path(__file__).resolve().parents[1]
BUILD = build_dir()
BUILD_HTML = BUILD / "html"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1"… under xdist, "" otherwise
PG_ENV = "PACTE_TEST_DATABASE_URL"
# A test using one of these fixtures (directly or through another fixture) gets these marks.
MARKING_FIXTURES = {
    "browser": ("browser",),
    "pacte_server": ("slow",),
    # The built book is what `pacte build` made last: the fast loop does not build, so it leaves these out.
    "built_book": ("slow",),
}
# Long modules of few tests, started first. Workers take whole modules (`--dist loadscope`); xdist's own
# order puts the modules with most tests first, so a long module of one or two tests (the Binder image:
# a pip install, then JupyterLab) started last and was the tail of the run, one worker busy while the
# others had finished. These go first, the others in xdist's order (`--no-loadscope-reorder` keeps this one).
LONG_FEW_FIRST = ["test_binder_image", "test_page_tour", "test_editorial_grammar"]
# `scripts/test.sh --fast` sets it: the fuzz tests draw fewer examples there (the full suite draws them all).
FAST_LOOP = os.environ.get("PACTE_FAST_LOOP") == "1"
TRAINER_TOKEN = "test-trainer-token-not-secret"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(reason: str):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing test dependency is a failure)")
    pytest.skip(reason)


def fuzz_examples(full: int) -> int:
    """Hypothesis examples for a fuzz test: ``full`` in the full suite, a fifth (at least 20) in the fast loop."""
    return max(20, full // 5) if FAST_LOOP else full


def worker_path(name: str) -> Path:
    """``_build/<name>``, suffixed with the xdist worker's id so that parallel workers never share it."""
    return BUILD / (f"{name}-{WORKER}" if WORKER else name)


SERVER_DATA_DIR = worker_path("test-live-data")  # the live-session store of :func:`pacte_server`


def voila_views() -> list[Path]:
    """The built Voilà notebooks, without the ``formateur/`` folder (where a test puts a probe of its own)."""
    root = BUILD / "voila"
    return sorted(
        p
        for p in root.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts and p.relative_to(root).parts[0] != "formateur"
    )


def _worker_database(base: str, worker: str) -> str:
    """Create (afresh) the database of xdist worker ``worker`` beside the one of ``base``; return its URL."""
    import psycopg
    from psycopg import sql

    url = urlparse(base)
    name = f"{url.path.lstrip('/')}_{worker}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return url._replace(path="/" + name).geturl()


def pytest_configure(config):
    """Under xdist, point ``PACTE_TEST_DATABASE_URL`` at a database of this worker's own."""
    worker = getattr(config, "workerinput", {}).get("workerid")  # only in a worker, not in a pytest it started
    if worker and os.environ.get(PG_ENV):
        os.environ[PG_ENV] = _worker_database(os.environ[PG_ENV], worker)


def pytest_collection_modifyitems(config, items):
    """Mark every test by the expensive fixtures it uses (:data:`MARKING_FIXTURES`); order the modules for
    the workers: :data:`LONG_FEW_FIRST`, then the others by number of tests, most first (a module's own
    order is kept)."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for fixture, marks in MARKING_FIXTURES.items():
            if fixture in used:
                for mark in marks:
                    item.add_marker(mark)
    counts = collections.Counter(item.path for item in items)
    first = {name: i for i, name in enumerate(LONG_FEW_FIRST)}
    items.sort(key=lambda item: (first.get(item.path.stem, len(first)), -counts[item.path], str(item.path)))


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The built book folder (``pacte build`` must have run)."""
    if not (BUILD_HTML / "index.html").exists():
        _missing("the book is not built: run `pacte build` first")
    return BUILD_HTML


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def book_url(built_book: Path) -> str:
    """Base URL of a loopback static server over the built book."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def wait_for_http(url: str, timeout: float = 90) -> None:
    """Wait until ``url`` answers 200, or fail."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return
        except Exception as exc:
            last = exc
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s: {last}")


@pytest.fixture(scope="session")
def pacte_server(built_book: Path):
    """A running ``pacte serve`` on a free loopback port; yields its base URL."""
    if not (BUILD / "voila").exists():
        _missing("the Voilà notebooks are not built: run `pacte build` first")
    port = free_port()
    log = open(worker_path("pacte-serve-test.log"), "w")
    data_dir = SERVER_DATA_DIR
    shutil.rmtree(data_dir, ignore_errors=True)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pacte.cli",
            "serve",
            "--port",
            str(port),
            # Kernels on demand (the default), no cap: the CSP test opens every view in turn;
            # views left open are culled after 5 minutes of inactivity.
            "--max-kernels",
            "0",
            "--kernel-idle",
            "300",
            "--trainer-token",
            TRAINER_TOKEN,
            "--data-dir",
            str(data_dir),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(base)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    executable = shutil.which("chromium")
    if not executable:
        _missing("Debian's chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    # Other hosts are refused by the network stack, not by a Python route handler on every request (that
    # round trip cost about 40 % of a page load's CPU): every request goes to a proxy at a loopback port
    # held bound and never listening, which refuses the connection; Chromium sends loopback addresses
    # direct. `offline_context` logs what failed that way.
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    # A loopback DevTools port too, for a tool that attaches to pages a test has open (pa11y in the page tour).
    debug_port = free_port()
    args = [
        *CHROMIUM_ARGS,
        f"--proxy-server=http://127.0.0.1:{closed.getsockname()[1]}",
        f"--remote-debugging-port={debug_port}",
    ]
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=args)
        b.pacte_devtools_url = f"http://127.0.0.1:{debug_port}"
        b.pacte_tabs = Tabs(b)
        yield b
        b.pacte_tabs.close()
        b.close()
    closed.close()


def is_external(url: str) -> bool:
    """Whether a request for ``url`` leaves the machine (anything but loopback, ``data:`` and ``blob:``)."""
    return not url.startswith(("data:", "blob:")) and (urlparse(url).hostname or "") not in LOOPBACK


def log_external(target, external: list[str]) -> None:
    """Append to ``external`` every request of ``target`` (a page or context) to another host.

    The browser refuses them (see :func:`browser`): they end as failed requests.
    """
    target.on("requestfailed", lambda r: external.append(r.url) if is_external(r.url) else None)


class PageLog:
    """What a page asked for and complained about."""

    def __init__(self) -> None:
        self.external: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []


def offline_context(browser, width: int = 1280, height: int = 1600, fresh: bool = False, **options):
    """A context of the test's own and its page, requests to any non-loopback host aborted and logged.

    The context is the test's tabs in one the worker keeps open (``browser_tabs``: cookies and storage
    cleared after each test, Chromium's caches kept), or a new browser context with ``fresh`` (a test
    measuring what a page downloads). The log is available as ``page.pacte_log`` (a :class:`PageLog`);
    close the context when done.
    """
    viewport = {"width": width, "height": height}
    if fresh:
        context = browser.new_context(viewport=viewport, locale="fr-FR", **options)
    else:
        context = browser.pacte_tabs.context(viewport, locale="fr-FR", **options)
    page = context.new_page()
    log = PageLog()
    log_external(page, log.external)
    page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))
    page.pacte_log = log
    return context, page


@pytest.fixture
def offline_page(browser):
    """A fresh page whose requests to any non-loopback host are aborted and logged (``page.pacte_log``)."""
    context, page = offline_context(browser)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a screenshot under ``_build/screenshots/`` and return its path."""
    out = BUILD / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


# Records the page's CSP violations from its first script on (an init script: outside the page's policy).
RECORD_CSP = """
if (!window.__csp) {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e => window.__csp.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`));
}
"""
FIRST_VOILA_ATTEMPT_MS = 45_000
VOILA_STATE_JS = """() => ({
  rendered: !!document.querySelector('#rendered_cells'),
  cells: document.querySelectorAll('.jp-Cell').length,
  widgets: document.querySelectorAll('.jupyter-widgets, .widget-output').length,
  errors: [...document.querySelectorAll('.jp-RenderedText[data-mime-type*=stderr], .jp-OutputArea-output[data-mime-type*=error]')]
    .map((e) => e.textContent.slice(0, 200)),
})"""


def open_voila(page, url: str, ready: str, timeout: int = 90_000) -> None:
    """Open a Voilà view and wait for ``ready`` and every cell; if ``ready`` is not there in time, or
    Voilà says « widget model not found », reload the view once.

    Voilà (0.5) now and then leaves a view without some of its widgets on a loaded machine (upstream
    voila-dashboards/voila#1428: a kernel message not sent; the manager then logs « widget model not
    found »); a reader's reload then shows them, and so does the test's. What the first attempt showed
    is printed and kept as a screenshot, and its errors leave the page's log; a second failure raises
    with both. The page's CSP violations are recorded from its start (``window.__csp``,
    read by ``a11y_support.voila_view_findings``).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.add_init_script(RECORD_CSP)
    lost: list[str] = []  # Voilà's manager, when an output names a widget whose state never came
    page.on("console", lambda m: lost.append(m.text) if "widget model not found" in m.text else None)
    page.on("pageerror", lambda e: lost.append(str(e)) if "widget model not found" in str(e) else None)
    log = getattr(page, "pacte_log", None)
    states = []
    for attempt in (1, 2):
        lost.clear()
        logged = (len(log.console_errors), len(log.page_errors)) if log else (0, 0)
        if attempt == 1:
            page.goto(url, timeout=timeout)
        else:
            page.reload(timeout=timeout)
        # A view renders in 20 s at most on a loaded CI machine; one stuck (its cells shown, no widget)
        # stays stuck: the first attempt gives up sooner.
        wait = min(timeout, FIRST_VOILA_ATTEMPT_MS) if attempt == 1 else timeout
        try:
            page.locator(ready).first.wait_for(timeout=wait)
            page.locator("#rendered_cells").first.wait_for(timeout=wait)  # shown once every cell ran
            if not lost:
                return
            state = {**page.evaluate(VOILA_STATE_JS), "lost": lost[:2]}
        except PlaywrightTimeout:
            state = page.evaluate(VOILA_STATE_JS)
        if log:  # what this attempt showed is kept here, not in the page's log
            del log.console_errors[logged[0] :], log.page_errors[logged[1] :]
        states.append(state)
        shot = screenshot(page, f"voila-not-ready-{WORKER or 'main'}-{attempt}")
        said = f"open_voila: {url} without {ready!r} or a widget (attempt {attempt}, {wait} ms): {state}; {shot}"
        print(said)
        # A passing test's output is not shown: what a first attempt showed stays beside its screenshot.
        shot.with_suffix(".txt").write_text(said + "\n", encoding="utf-8")
    raise AssertionError(f"{url}: {ready!r} or a widget did not appear in two attempts: {states}")


def draw_charts(page, timeout: int = 120000, count: int = 0) -> None:
    """Scroll each chart not drawn yet into view, as a reader would, and wait until it is drawn (or failed).

    A chart loads Vega and draws only when it is about to be seen (widgets/static/chart.js, issue 28):
    a test that reads a drawn chart below the fold scrolls to it first. Ends back at the page's top.
    In the static book it first waits for every chart widget to be mounted; elsewhere (Voilà, no
    ``div.pacte-widget``) for ``count`` charts when given.
    """
    page.wait_for_function(
        """(n) => n ? document.querySelectorAll('figure.pacte-chart').length >= n
             : [...document.querySelectorAll('div.pacte-widget[data-pacte-module=chart]')]
                 .every((w) => w.querySelector('figure.pacte-chart, .pacte-error'))""",
        arg=count or 0,
        timeout=timeout,
    )
    figures = page.locator("figure.pacte-chart")
    total = figures.count()
    for i in range(total):
        figure = figures.nth(i)
        if figure.get_attribute("data-pending"):
            figure.scroll_into_view_if_needed()
        page.wait_for_function("(f) => !!f.dataset.rendered", arg=figure.element_handle(), timeout=timeout)
    if total:
        page.evaluate("() => window.scrollTo(0, 0)")
