"""The Jupyter Server extension used on Binder serves the vendored chart runtime."""

from __future__ import annotations

import subprocess
import sys
import urllib.request

import pytest
from conftest import ROOT, free_port, wait_for_http

pytestmark = pytest.mark.slow  # starts a Jupyter Server process


def test_jupyter_server_extension_serves_static_files(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter_server",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.jpserver_extensions={'pacte.site.jupyter_ext': True}",
            "--IdentityProvider.token=",
            "--allow-root",
            f"--ServerApp.root_dir={tmp_path}",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/pacte/static/vendor/vega-bundle.js"
        wait_for_http(url, timeout=60)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/pacte/static/quiz.js") as resp:
            assert "export default { render }" in resp.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
