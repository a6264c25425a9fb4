"""pa11y (HTML_CodeSniffer, WCAG 2 AA; npm ``pa11y``, pinned through ``pa11y-ci`` in js/package.json) on
pages a test already has open.

pa11y runs in Node (``tests/js/pa11y_attached.mjs``) and attaches to the test's Chromium through its
DevTools port (``conftest.browser``): it checks each page as the test left it, without loading it again
(issue 23: pa11y-ci loaded and drew every page a second time, in a Chromium of its own, 78 s of CPU).
"""

from __future__ import annotations

import json
import selectors
import shutil
import subprocess
import tempfile

from conftest import ROOT, _missing

HELPER = ROOT / "tests" / "js" / "pa11y_attached.mjs"
PA11Y = ROOT / "js" / "node_modules" / "pa11y" / "package.json"
# HTML_CodeSniffer codes reported as errors that are advisories here, each with its reason.
ADVISORIES = {
    # « This form does not contain a submit button »: the theme's search form submits with Enter
    # (implicit submission, one text field), and Vega's chart selectors (<form class="vega-bindings">)
    # act on change and are never submitted; a submit button would do nothing in either.
    "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2",
}
ANSWER_TIMEOUT_S = 180


class AttachedPa11y:
    """One Node process running pa11y on pages open in ``browser`` (a ``conftest.browser``); close it when done."""

    def __init__(self, browser, width: int, height: int) -> None:
        node = shutil.which("node")
        if not node:
            _missing("pa11y needs node")
        if not PA11Y.exists():
            _missing(f"{PA11Y.parent} is missing: run `cd js && npm ci` (scripts/install.sh --test does)")
        options = {
            "standard": "WCAG2AA",
            "runners": ["htmlcs"],
            "ignore": sorted(ADVISORIES),
            "viewport": {"width": width, "height": height},
            "timeout": ANSWER_TIMEOUT_S * 1000,
        }
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self._proc = subprocess.Popen(
            [node, str(HELPER), browser.pacte_devtools_url, json.dumps(options)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        self._lines = selectors.DefaultSelector()
        self._lines.register(self._proc.stdout, selectors.EVENT_READ)

    def check(self, url: str) -> list[str]:
        """pa11y's errors on the open page at ``url``, one line each (code, message, selector); empty when clean."""
        assert self._proc.stdin and self._proc.stdout
        self._proc.stdin.write(url + "\n")
        self._proc.stdin.flush()
        if not self._lines.select(ANSWER_TIMEOUT_S) or not (line := self._proc.stdout.readline()):
            return [f"pa11y gave no answer for {url}: {self._errors()}"]
        answer = json.loads(line)
        if "error" in answer:
            return [f"pa11y could not check {url}: {answer['error'][:600]}"]
        return [
            f"{issue.get('code')}: {issue.get('message', '')[:160]} ({issue.get('selector', '')})"
            for issue in answer["issues"]
        ]

    def _errors(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read()[-2000:] or f"exit code {self._proc.poll()}"

    def close(self) -> None:
        """Let pa11y detach from the browser (which stays open) and end."""
        if self._proc.stdin:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._stderr.close()
