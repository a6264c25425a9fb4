"""The JavaScript's own gates: the widgets' esbuild bundles are up to date, every ES module is
type-checked (``// @ts-check``), and the ``node:test`` unit tests of ``tests/js/`` pass (one Node process).

``tsc`` and Biome run in the lint step of ``scripts/test.sh``, with ruff and mypy.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import IN_CI
from node_runner import NODE_IMPORT, node_binary

import widgets  # noqa: F401  (every widget class, for PacteWidget.__subclasses__)
from widgets._host import BUNDLES_DIR, PacteWidget, esm_source

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "js"
ES_MODULES = sorted(
    [*(ROOT / "widgets" / "static").glob("*.js"), *(ROOT / "pacte" / "live" / "dashboard").glob("*.js")]
)


def _npm_tool(path: str) -> Path:
    """A tool of ``js/node_modules``; fails in CI and skips elsewhere when ``npm ci`` was not run."""
    tool = JS / "node_modules" / path
    if not tool.exists():
        if IN_CI:
            pytest.fail(f"js/node_modules/{path} is missing: run scripts/install.sh --test (CI is set)")
        pytest.skip(f"js/node_modules/{path} missing (run `cd js && npm ci --ignore-scripts`)")
    return tool


def _widget_classes() -> list[type[PacteWidget]]:
    found, todo = [], [PacteWidget]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__dict__.get("_module"):
            found.append(cls)
    return found


def test_the_widget_bundles_are_those_esbuild_builds_from_the_sources():
    _npm_tool("esbuild/package.json")
    proc = subprocess.run(
        [node_binary(), "build-bundles.mjs", "--check"], cwd=JS, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr


def test_every_widget_class_has_its_bundle_and_every_bundle_a_class():
    modules = {cls._module for cls in _widget_classes()}
    assert len(modules) >= 10
    assert modules == {p.stem for p in BUNDLES_DIR.glob("*.js")}


def test_a_bundle_is_one_module_with_no_relative_import_left():
    source = esm_source("quiz")
    assert not re.search(r"""\bfrom\s*["']\.""", source)
    assert "function evaluate(" in source and re.search(r"export\s*\{\s*\w+ as default\s*\}", source)
    with pytest.raises(FileNotFoundError, match="npm run bundles"):
        esm_source("no_such_widget")


def test_every_es_module_is_type_checked():
    assert len(ES_MODULES) > 40
    unchecked = [
        str(p.relative_to(ROOT)) for p in ES_MODULES if not p.read_text(encoding="utf-8").startswith("// @ts-check")
    ]
    assert unchecked == []


def test_the_node_unit_tests_pass():
    tests = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))
    assert len(tests) >= 5
    proc = subprocess.run(
        [node_binary(), *NODE_IMPORT, "--test", "--test-reporter=dot", *map(str, tests)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_the_shared_node_process_reports_errors_and_ignores_what_modules_print():
    """tests/node_runner.py: one Node process answers every call; a throw fails the call with
    its message, and a module's console output cannot be taken for a result."""
    from node_runner import call_js

    assert call_js(
        "numbers", "shout", [["a"], ["b"]], setup='function shout(s) { console.log("noise"); return s + "!"; }'
    ) == [
        "a!",
        "b!",
    ]
    with pytest.raises(AssertionError, match=r"numbers\.boom: .*Error: refusé"):
        call_js("numbers", "boom", [[]], setup='function boom() { throw new Error("refusé"); }')
    assert call_js("numbers", "shout", [["c"]], setup="function shout(s) { return s; }") == ["c"]
