"""A test's own tabs in a browser context the worker keeps open, its storage cleared after it.

A new browser context costs Chromium about 1.5 s of CPU more than a new tab in a context already open
(measured on the 2-core machine: a module page 2.9 s against 1.4 s; a blank page 2.0 s against 0.4 s),
whatever the page: the new context's renderer starts cold. ``offline_context`` therefore hands each
test a :class:`TabContext`: its tabs open in a context shared by the worker's tests of the same
options (touch, locale…), kept alive by a blank tab. When the test closes it, its tabs are closed, and
the cookies, permissions and storage (local and session storage, IndexedDB, service workers, cache
storage) of every origin its tabs reached are cleared: the next test starts as in a new context, but
for Chromium's HTTP and code caches. A test that measures what a page downloads asks for a new
context (``fresh=True``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse


class SharedContext:
    """One browser context of the worker, kept open by a blank tab, lent to one test at a time."""

    def __init__(self, browser, options: dict[str, Any]) -> None:
        self.in_use = False
        self.context = browser.new_context(**options)
        self.keeper = self.context.new_page()
        self.keeper.goto("about:blank")
        self.cdp = self.context.new_cdp_session(self.keeper)

    def clear(self, origins: set[str]) -> None:
        """Forget what tabs left in the context for ``origins`` (the HTTP and code caches stay)."""
        self.context.clear_cookies()
        self.context.clear_permissions()
        for origin in sorted(origins):
            self.cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})


class TabContext:
    """A test's view of a shared context: the pages it opens, its init scripts and routes, closed with it."""

    def __init__(self, shared: SharedContext, viewport: dict[str, int]) -> None:
        self._shared = shared
        self._viewport = viewport
        self._pages: list = []
        self._scripts: list[tuple[str | None, Any]] = []
        self._routes: list[tuple] = []
        self._timeout: float | None = None
        self._origins: set[str] = set()

    @property
    def pages(self) -> list:
        return [p for p in self._pages if not p.is_closed()]

    def _note(self, url: str) -> None:
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https") and parsed.netloc:
            self._origins.add(f"{parsed.scheme}://{parsed.netloc}")

    def new_page(self):
        """A new tab of this test, with the test's viewport, init scripts and routes."""
        page = self._shared.context.new_page()
        page.set_viewport_size(self._viewport)
        page.on("request", lambda r: self._note(r.url))
        for script, path in self._scripts:
            page.add_init_script(script=script, path=path)
        for route in self._routes:
            page.route(*route)
        if self._timeout is not None:
            page.set_default_timeout(self._timeout)
        self._pages.append(page)
        return page

    def add_init_script(self, script: str | None = None, path=None) -> None:
        """As ``BrowserContext.add_init_script``, for this test's tabs only."""
        self._scripts.append((script, path))
        for page in self.pages:
            page.add_init_script(script=script, path=path)

    def route(self, url, handler, times: int | None = None) -> None:
        """As ``BrowserContext.route``, for this test's tabs only."""
        self._routes.append((url, handler, times))
        for page in self.pages:
            page.route(url, handler, times)

    def set_default_timeout(self, timeout: float) -> None:
        self._timeout = timeout
        for page in self.pages:
            page.set_default_timeout(timeout)

    def new_cdp_session(self, page):
        return self._shared.context.new_cdp_session(page)

    def cookies(self, urls=None) -> list:
        return self._shared.context.cookies(urls)

    def close(self) -> None:
        """Close this test's tabs and clear what they left in the shared context."""
        for page in self.pages:
            page.close()
        self._shared.clear(self._origins)
        self._shared.in_use = False


class Tabs:
    """The shared contexts of one worker's browser, by options."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self._shared: dict[tuple, list[SharedContext]] = {}

    def context(self, viewport: dict[str, int], **options) -> TabContext:
        """A :class:`TabContext` in a free shared context of ``options`` (``locale``, ``has_touch``…).

        Contexts open at the same time (several trainees of one test) never share one: each has its own
        storage, as separate browsers would."""
        pool = self._shared.setdefault(tuple(sorted(options.items())), [])
        shared = next((s for s in pool if not s.in_use), None)
        if shared is None:
            shared = SharedContext(self.browser, options)
            pool.append(shared)
        shared.in_use = True
        return TabContext(shared, viewport)

    def contexts(self) -> list:
        """Every browser context kept open."""
        return [shared.context for pool in self._shared.values() for shared in pool]

    def close(self) -> None:
        for context in self.contexts():
            context.close()
