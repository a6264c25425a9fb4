"""The one way the tests run the JavaScript twins: Node imports a module of
``widgets/static`` and applies one exported function to each argument list."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

STATIC = Path(__file__).resolve().parents[1] / "widgets" / "static"


def node_binary() -> str:
    """Path of ``node``; fails in CI (``CI=true``) and skips elsewhere when it is missing."""
    node = shutil.which("node")
    if not node:
        if os.environ.get("CI") == "true":
            pytest.fail("node is required for the JavaScript twin tests")
        pytest.skip("node not installed")
    return node


def call_js(module: str, function: str, calls: list[list[Any]]) -> list[Any]:
    """Return ``[module.function(*args) for args in calls]`` computed by Node (results as JSON)."""
    url = (STATIC / f"{module}.js").as_uri()
    script = (
        f"import * as m from {json.dumps(url)};\n"
        "let input = '';\n"
        "process.stdin.on('data', (d) => (input += d));\n"
        "process.stdin.on('end', () => {\n"
        f"  const out = JSON.parse(input).map((args) => m[{json.dumps(function)}](...args));\n"
        "  process.stdout.write(JSON.stringify(out));\n"
        "});\n"
    )
    proc = subprocess.run([node_binary(), "--input-type=module", "-e", script], input=json.dumps(calls),
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        raise AssertionError(f"node failed on {module}.{function}: {proc.stderr}")
    return json.loads(proc.stdout)
