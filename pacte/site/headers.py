"""Security headers of every ``pacte serve`` response, and the pages' Content-Security-Policy.

* Book pages (static HTML of Jupyter Book) get a strict per-page policy: no
  inline script runs unless its SHA-256 is listed (Sphinx's few inline
  scripts and ``onclick="…"`` attributes are hashed when the page is served),
  nothing is loaded from another host, no framing.
* Voilà views write their inline scripts (kernel id, page config) at each
  request, so they keep ``'unsafe-inline'`` for scripts, but still load
  nothing from another host and cannot be framed.
* Every response: ``X-Content-Type-Options: nosniff``,
  ``X-Frame-Options: DENY``, ``Referrer-Policy: same-origin``.

:class:`SecurityHeaders` is a Tornado output transform, so it covers every
handler of the application (Voilà's included) without subclassing them.
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache
from html.parser import HTMLParser

from tornado import httputil
from tornado.web import OutputTransform

# What every page may use: its own host only (``'self'`` also covers same-host websockets).
_COMMON = {
    "default-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Vega compiles its expressions with ``new Function`` (no CSP-safe interpreter is vendored);
# anywidget (Voilà) imports each widget module from a blob: URL.
BOOK_SCRIPT_BASE = "'self' 'unsafe-eval'"
VOILA_SCRIPT_SRC = "'self' 'unsafe-inline' 'unsafe-eval' blob:"

STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def policy(script_src: str) -> str:
    """A full Content-Security-Policy with this ``script-src``."""
    items = dict(_COMMON)
    items["script-src"] = script_src
    return "; ".join(f"{k} {v}" for k, v in items.items())


DEFAULT_POLICY = policy(VOILA_SCRIPT_SRC)

_JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


class _InlineCode(HTMLParser):
    """Collects inline classic/module scripts and ``on*`` attribute handlers of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self._in_script = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") and value:
                self.handlers.append(value)
        if tag == "script":
            a = dict(attrs)
            self._in_script = "src" not in a and (a.get("type") or "").strip().lower() in _JS_TYPES
            self._buffer = []

    def handle_data(self, data):
        if self._in_script:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script:
            self.scripts.append("".join(self._buffer))
            self._in_script = False


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def page_policy_for_html(html: str) -> str:
    """The policy of one static page: its inline scripts and event handlers allowed by hash only."""
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    sources = [BOOK_SCRIPT_BASE]
    sources += sorted({_sha256(s) for s in parser.scripts})
    if parser.handlers:
        sources.append("'unsafe-hashes'")
        sources += sorted({_sha256(h) for h in parser.handlers})
    return policy(" ".join(sources))


@lru_cache(maxsize=512)
def _cached_page_policy(path: str, mtime_ns: int, size: int) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return page_policy_for_html(handle.read())


def page_policy(path: str) -> str:
    """:func:`page_policy_for_html` of a file, cached while the file is unchanged."""
    st = os.stat(path)
    return _cached_page_policy(path, st.st_mtime_ns, st.st_size)


class SecurityHeaders(OutputTransform):
    """Adds the security headers to every response that does not set them itself."""

    def transform_first_chunk(self, status_code: int, headers: httputil.HTTPHeaders, chunk: bytes, finishing: bool):
        for name, value in STATIC_HEADERS.items():
            if name not in headers:
                headers[name] = value
        # Jupyter Server's own policy (``frame-ancestors 'self'`` only) is replaced by the full one.
        if "default-src" not in headers.get("Content-Security-Policy", "") and status_code != 101:
            headers["Content-Security-Policy"] = DEFAULT_POLICY
        return status_code, headers, chunk
