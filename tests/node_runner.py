"""The one way the tests run the JavaScript twins: Node imports a module of
``widgets/static`` and applies one exported function to each argument list."""

from __future__ import annotations

import atexit
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
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


# One Node process per pytest process answers every call (issue 23: a process per call cost about 0.3 s
# of CPU each, a third of the fast loop). Each request is a JSON line on stdin naming a module to build
# from source (imported as a ``data:`` URL, so a request's setup code gets a module of its own); the
# reply goes out on a pipe of its own (``PACTE_REPLY_FD``), so that what the modules under test print
# cannot be mistaken for it; their error output goes to a file (a pipe nobody reads would fill up and
# stop Node after 64 KiB).
_SERVER = """
import { createInterface } from "node:readline";
import { writeSync } from "node:fs";
const reply = (obj) => writeSync(Number(process.env.PACTE_REPLY_FD), JSON.stringify(obj) + "\\n");
for await (const line of createInterface({ input: process.stdin })) {
  const { source, calls } = JSON.parse(line);
  try {
    const mod = await import("data:text/javascript," + encodeURIComponent(source));
    reply({ ok: true, result: JSON.stringify(calls.map((args) => mod.fn(...args))) });
  } catch (error) {
    reply({ ok: false, error: String(error && error.stack ? error.stack : error) });
  }
}
"""


class _NodeServer:
    """The Node process of this pytest process, started at its first call and stopped at exit."""

    def __init__(self) -> None:
        read_fd, write_fd = os.pipe()
        self.errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proc = subprocess.Popen(
            [node_binary(), *NODE_IMPORT, "--input-type=module", "-e", _SERVER],
            stdin=subprocess.PIPE,
            stderr=self.errors,
            pass_fds=(write_fd,),
            env={**os.environ, "PACTE_REPLY_FD": str(write_fd)},
            text=True,
        )
        os.close(write_fd)
        self.replies = os.fdopen(read_fd, encoding="utf-8")
        atexit.register(self.stop)

    def call(self, source: str, calls: list[list[Any]], timeout: float) -> dict[str, Any]:
        """Send one request; return its decoded reply (``ok`` with ``result`` or ``error``)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"source": source, "calls": calls}) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.replies], [], [], timeout)
        line = self.replies.readline() if ready else ""
        if not line:
            self.stop()
            self.errors.seek(0)
            stderr = self.errors.read()
            raise AssertionError(f"node gave no answer within {timeout} s: {stderr[-2000:]}")
        return json.loads(line)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


_server: _NodeServer | None = None


def call_js(module: str, function: str, calls: list[list[Any]], setup: str = "", timeout: float = 60) -> list[Any]:
    """Return ``[module.function(*args) for args in calls]`` computed by Node (results as JSON).

    All calls run in this pytest process's one Node process. ``setup`` is optional JavaScript run
    once for this request before the calls, with the module's namespace bound to ``m`` and
    ``twin(name)`` returning (a promise of, use ``await``) another module of ``widgets/static``. It
    may declare functions that compose the twins, e.g. one applied to the result of another, or
    several exports compared in one request; ``function`` names an export of the module or, failing
    that, a function declared by ``setup``. Modules are loaded once per process, as in a page.
    """
    global _server
    if not re.fullmatch(r"[A-Za-z_$][\w$]*", function):
        raise ValueError(f"not a JavaScript identifier: {function!r}")
    url = (STATIC / f"{module}.js").as_uri()
    source = (
        f"import * as m from {json.dumps(url)};\n"
        f"const twin = (name) => import(new URL(`${{name}}.js`, {json.dumps(STATIC.as_uri() + '/')}).href);\n"
        f"{setup}\n"
        f"export const fn = Object.hasOwn(m, {json.dumps(function)}) ? m[{json.dumps(function)}] : {function};\n"
    )
    if _server is None or not _server.alive():
        _server = _NodeServer()
    reply = _server.call(source, calls, timeout)
    if not reply["ok"]:
        raise AssertionError(f"node failed on {module}.{function}: {reply['error']}")
    return json.loads(reply["result"])
