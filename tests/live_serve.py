"""A restartable ``pacte serve`` for end-to-end tests of led sessions (fixed port and data folder)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, free_port, wait_for_http, worker_path
from live_push_client import call

from pacte.security import trainer_cookie_value

TOKEN = "jeton-de-test-de-la-salle-0123456789"
COOKIE = {"Cookie": f"pacte_trainer={trainer_cookie_value(TOKEN)}"}


class Serve:
    """A ``pacte serve`` on a fixed port and data folder, that the test may stop and start again."""

    def __init__(self, data_dir) -> None:
        self.port = free_port()
        self.data_dir = data_dir
        self.base = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        args = ["--port", str(self.port), "--trainer-token", TOKEN, "--data-dir", str(self.data_dir)]
        log = open(worker_path("pacte-serve-room.log"), "a")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pacte.cli", "serve", *args], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        wait_for_http(self.base + "api/live/status")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def trainer(self, path: str, body: dict | None = None):
        method = "GET" if body is None else "POST"
        status, data = call(self.base + "api/live/trainer/" + path, method, body, False, COOKIE)
        assert status in (200, 201), data
        return data
