"""The one way the tests run the JavaScript twins: Node imports a module of
``widgets/static`` and applies one exported function to each argument list."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import IN_CI

STATIC = Path(__file__).resolve().parents[1] / "widgets" / "static"

# The dashboard imports the widgets' shared modules by their server URL (``../../pacte/static/x.js``
# from ``pacte/live/dashboard/``): this resolve hook maps it to ``widgets/static/x.js`` for Node.
_SERVER_PATHS = """export async function resolve(specifier, context, next) {
  const prefix = "../../pacte/static/";
  if (specifier.startsWith(prefix) && context.parentURL?.includes("/pacte/live/dashboard/")) {
    specifier = new URL("../../../widgets/static/" + specifier.slice(prefix.length), context.parentURL).href;
  }
  return next(specifier, context);
}"""
_REGISTER = (
    'import { register } from "node:module";\n'
    f"register({json.dumps('data:text/javascript,' + quote(_SERVER_PATHS))});"
)
NODE_IMPORT = ["--import", "data:text/javascript," + quote(_REGISTER)]


def node_binary() -> str:
    """Path of ``node``; fails in CI (``CI`` set to 1/true/yes) and skips elsewhere when it is missing."""
    node = shutil.which("node")
    if not node:
        if IN_CI:
            pytest.fail("node is required for the JavaScript twin tests (CI is set)")
        pytest.skip("node not installed")
    return node


def call_js(module: str, function: str, calls: list[list[Any]], setup: str = "") -> list[Any]:
    """Return ``[module.function(*args) for args in calls]`` computed by Node (results as JSON).

    All calls run in one Node process. ``setup`` is optional JavaScript run once in that process before
    the calls, with the module's namespace bound to ``m`` and ``twin(name)`` returning (a promise of,
    use ``await``) another module of ``widgets/static``. It may declare functions that compose the
    twins, e.g. one applied to the result of another, or several exports compared in one process;
    ``function`` names an export of the module or, failing that, a function declared by ``setup``.
    """
    if not re.fullmatch(r"[A-Za-z_$][\w$]*", function):
        raise ValueError(f"not a JavaScript identifier: {function!r}")
    url = (STATIC / f"{module}.js").as_uri()
    script = (
        f"import * as m from {json.dumps(url)};\n"
        f"const twin = (name) => import(new URL(`${{name}}.js`, {json.dumps(STATIC.as_uri() + '/')}).href);\n"
        f"{setup}\n"
        f"const fn = Object.hasOwn(m, {json.dumps(function)}) ? m[{json.dumps(function)}] : {function};\n"
        "let input = '';\n"
        "process.stdin.on('data', (d) => (input += d));\n"
        "process.stdin.on('end', () => {\n"
        "  const out = JSON.parse(input).map((args) => fn(...args));\n"
        "  process.stdout.write(JSON.stringify(out));\n"
        "});\n"
    )
    proc = subprocess.run(
        [node_binary(), *NODE_IMPORT, "--input-type=module", "-e", script],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        timeout=60,
    )
    if proc.returncode != 0:
        raise AssertionError(f"node failed on {module}.{function}: {proc.stderr}")
    return json.loads(proc.stdout)
