"""Lighthouse (npm ``lighthouse``, pinned in js/package.json) over the built book, for a test and a benchmark.

Lighthouse drives Debian's Chromium (``CHROME_PATH``; it never downloads a browser) with its mobile
profile (simulated slow 4G, CPU slowed 4×). The book is served on loopback with gzip, as a real host
serves it. Used by tests/test_a11y_lighthouse.py and benchmarks/lighthouse.py.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import shutil
import socketserver
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "js" / "node_modules" / "lighthouse" / "cli" / "index.js"
COMPRESSED = (".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".map")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


def missing_tool() -> str | None:
    """Why Lighthouse cannot run here (no node, no Chromium, not installed), or None."""
    if not shutil.which("node"):
        return "node is not installed"
    if not shutil.which("chromium"):
        return "Debian's chromium is not installed (apt-get install chromium)"
    if not LIGHTHOUSE.exists():
        return f"{LIGHTHOUSE} is missing: run `cd js && npm ci` (scripts/install.sh --test does)"
    return None


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static handler that gzips text files when the browser accepts it (as nginx or Caddy do)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve_book(html_root: Path) -> Iterator[str]:
    """Serve ``html_root`` on a free loopback port with gzip; yield its base URL."""
    handler = functools.partial(_GzipHandler, directory=str(html_root))

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):  # Chromium closing a connection early
            pass

    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, timeout: int = 300) -> dict:
    """Lighthouse's mobile figures for ``url``: performance and accessibility scores (0–100), TBT (ms), CLS,
    bytes transferred while loading (KiB)."""
    chromium = shutil.which("chromium")
    env = {"CHROME_PATH": str(chromium), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    done = subprocess.run(
        [
            str(shutil.which("node")),
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--only-categories=performance,accessibility",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    cats, audits = report["categories"], report["audits"]
    failed = [
        a["id"]
        for a in audits.values()
        if a.get("score") == 0 and a["id"] in {r["id"] for r in cats["accessibility"]["auditRefs"]}
    ]
    return {
        "performance": round((cats["performance"]["score"] or 0) * 100),
        "accessibility": round((cats["accessibility"]["score"] or 0) * 100),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "kib": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "failed_accessibility_audits": failed,
        "runtime_error": (report.get("runtimeError") or {}).get("message"),
    }
