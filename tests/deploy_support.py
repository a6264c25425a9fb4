"""deploy/nginx.conf with its ports rewritten, run by a throwaway nginx (tests and benchmarks/live_room.py)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
_UPSTREAM = re.compile(r"(upstream \w+ \{\n(?:[^}]*?\n)?)((?:\s*server 127\.0\.0\.1:\d+[^;\n]*;\n)+)")


def nginx_binary() -> str | None:
    """The nginx executable, or None (Debian puts it in /usr/sbin)."""
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def nginx_config(ports: list[int], listen_port: int, text: str | None = None) -> str:
    """deploy/nginx.conf where every upstream lists ``ports`` and the server listens on loopback ``listen_port``."""
    text = NGINX_CONF.read_text() if text is None else text

    def servers(match: re.Match) -> str:
        first = match.group(2).strip("\n").splitlines()[0]
        indent, options = re.match(r"(\s*)server 127\.0\.0\.1:\d+([^;]*);", first).groups()  # type: ignore[union-attr]
        return match.group(1) + "".join(f"{indent}server 127.0.0.1:{p}{options};\n" for p in ports)

    text, count = _UPSTREAM.subn(servers, text)
    if count != 2:
        raise ValueError(f"deploy/nginx.conf: expected 2 upstream blocks, found {count}")
    text, count = re.subn(r"listen 80;", f"listen 127.0.0.1:{listen_port};", text)
    if count != 1:
        raise ValueError("deploy/nginx.conf: expected one `listen 80;`")
    return text


class Nginx:
    """nginx in the foreground, from a rewritten deploy/nginx.conf under ``prefix``."""

    def __init__(self, ports: list[int], listen_port: int, prefix: Path) -> None:
        binary = nginx_binary()
        if binary is None:
            raise FileNotFoundError("nginx is not installed (apt-get install nginx)")
        for sub in ("logs", "tmp"):
            (prefix / sub).mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.conf = prefix / "nginx.conf"
        self.conf.write_text(nginx_config(ports, listen_port))
        self.base = f"http://127.0.0.1:{listen_port}/"
        self.version = subprocess.run([binary, "-v"], capture_output=True, text=True).stderr.strip()
        self.proc = subprocess.Popen(
            [binary, "-p", f"{prefix}/", "-c", str(self.conf), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", listen_port), timeout=1).close()
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    log = (prefix / "logs" / "error.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"nginx did not start: {log}") from None
                time.sleep(0.1)

    def error_log(self) -> str:
        """nginx's error log so far."""
        path = self.prefix / "logs" / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        """Stop nginx (SIGQUIT would wait for open streams: SIGTERM is immediate)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


CADDYFILE = ROOT / "deploy" / "Caddyfile"


def caddy_config(ports: list[int], listen_port: int, text: str | None = None) -> str:
    """deploy/Caddyfile where every ``reverse_proxy`` lists ``ports`` and the site listens on ``listen_port``."""
    text = CADDYFILE.read_text() if text is None else text
    upstreams = " ".join(f"127.0.0.1:{p}" for p in ports)
    text, count = re.subn(r"reverse_proxy (?:127\.0\.0\.1:\d+ ?)+\{", f"reverse_proxy {upstreams} {{", text)
    if count != 3:
        raise ValueError(f"deploy/Caddyfile: expected 3 reverse_proxy blocks, found {count}")
    text, count = re.subn(r"^:8080 \{", f"http://127.0.0.1:{listen_port} {{", text, flags=re.M)
    if count != 1:
        raise ValueError("deploy/Caddyfile: expected one `:8080 {` site")
    return text


class Caddy:
    """Caddy in the foreground, from a rewritten deploy/Caddyfile under ``prefix``."""

    def __init__(self, ports: list[int], listen_port: int, prefix: Path) -> None:
        binary = shutil.which("caddy")
        if binary is None:
            raise FileNotFoundError("caddy is not installed")
        prefix.mkdir(parents=True, exist_ok=True)
        conf = prefix / "Caddyfile"
        conf.write_text(caddy_config(ports, listen_port))
        self.base = f"http://127.0.0.1:{listen_port}/"
        self.log = prefix / "caddy.log"
        env = {
            "HOME": str(prefix),
            "XDG_DATA_HOME": str(prefix),
            "XDG_CONFIG_HOME": str(prefix),
            "PATH": "/usr/bin:/bin",
        }
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(
                [binary, "run", "--config", str(conf), "--adapter", "caddyfile"], stdout=out, stderr=out, env=env
            )
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", listen_port), timeout=1).close()
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"caddy did not start: {self.log.read_text()[-2000:]}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop Caddy."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
