"""The Nu HTML Checker (npm ``vnu-jar``, pinned in js/package.json) over every built page: 0 errors (issue 28).

``scripts/install.sh --test`` installs it (``cd js && npm ci``) and Java; a missing checker is a failure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from a11y_support import built_pages

pytestmark = pytest.mark.slow

VNU = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(files: list[Path]) -> list[dict]:
    """The errors the Nu HTML Checker reports on ``files`` (its JSON messages of type ``error``)."""
    java = shutil.which("java")
    assert java, "java is required by the Nu HTML Checker (apt-get install default-jre-headless)"
    assert VNU.exists(), f"{VNU} is missing: run `cd js && npm ci` (scripts/install.sh --test does)"
    done = subprocess.run(
        [java, "-Xss2m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(done.stderr or '{"messages": []}')
    return [m for m in report["messages"] if m.get("type") == "error"]


def test_the_checker_finds_a_body_style_that_styles_what_came_before(tmp_path):
    """What the survey quotes did: a ``<style>`` after the first quotes, styling them too (4 errors)."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body>'
        '<figure class="q"><p><q>a</q></p></figure><div><style>.q q { font-style: italic; }</style></div></body></html>',
        encoding="utf-8",
    )
    errors = nu_errors([page])
    assert any("style" in e["message"] and "before the parent" in e["message"] for e in errors), errors


def test_every_built_page_is_valid_html(built_book):
    files = [built_book / rel for rel in built_pages(built_book)]
    errors = nu_errors(files)
    found = [f"{e['url'].rsplit('/html/', 1)[-1]}:{e.get('lastLine', '?')}: {e['message']}" for e in errors]
    assert not found, f"{len(found)} Nu HTML Checker errors:\n" + "\n".join(found[:40])
