"""`pacte serve` that cannot start says why in one French line, exits non-zero, never shows a password."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, free_port

pytestmark = pytest.mark.slow

SECRET = "Tr3s-S3cret-pw"


def run_serve(tmp_path: Path, *args: str, wrapper: list[str] | None = None) -> subprocess.CompletedProcess:
    out = tmp_path / "out"
    (out / "_build" / "html").mkdir(parents=True, exist_ok=True)
    (out / "_build" / "html" / "index.html").write_text("<html></html>")
    (out / "_build" / "voila").mkdir(exist_ok=True)
    env = {**os.environ, "PACTE_OUTPUT": str(out)}
    env.pop("PACTE_DATABASE_URL", None)
    env.pop("PACTE_DATA_DIR", None)
    return subprocess.run(
        [*(wrapper or []), sys.executable, "-m", "pacte.cli", "serve", "--port", str(free_port()), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def assert_one_french_line(proc: subprocess.CompletedProcess, *words: str) -> str:
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith("pacte serve\u00a0: ") and "Traceback" not in proc.stderr, line
    for word in words:
        assert word in line, line
    assert SECRET not in proc.stdout + proc.stderr
    return line


def test_unsupported_database_url(tmp_path):
    proc = run_serve(tmp_path, "--database-url", f"mysql://cours:{SECRET}@db/pacte")
    line = assert_one_french_line(proc, "non prise en charge", "postgresql://")
    assert "mysql" in line


def test_unreachable_postgres_without_password_in_the_message(tmp_path):
    port = free_port()  # nothing listens there
    proc = run_serve(tmp_path, "--database-url", f"postgresql://cours:{SECRET}@127.0.0.1:{port}/pacte")
    assert_one_french_line(proc, "impossible de se connecter à PostgreSQL", "Démarrez PostgreSQL")


def test_data_folder_under_a_file(tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    proc = run_serve(tmp_path, "--data-dir", str(blocker / "donnees"))
    assert_one_french_line(proc, "est un fichier", "--data-dir")


def test_data_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    proc = run_serve(tmp_path, "--data-dir", str(blocker))
    assert_one_french_line(proc, "est un fichier")


def test_sqlite_file_that_is_not_a_database(tmp_path):
    data = tmp_path / "donnees"
    data.mkdir()
    (data / "live.sqlite3").write_bytes(b"not a database at all" * 100)
    proc = run_serve(tmp_path, "--data-dir", str(data))
    assert_one_french_line(proc, "base")


def test_read_only_sqlite_folder(tmp_path):
    """A data folder the server cannot write into. Root ignores file modes, so as root the
    folder is made read-only by a bind mount in a private mount namespace (``unshare``)."""
    data = tmp_path / "donnees"
    data.mkdir()
    if os.geteuid() != 0:
        data.chmod(0o500)
        try:
            proc = run_serve(tmp_path, "--data-dir", str(data))
        finally:
            data.chmod(0o700)
    else:
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"'
        wrapper = ["unshare", "--mount", "sh", "-c", script, "sh", str(data)]
        proc = run_serve(tmp_path, "--data-dir", str(data), wrapper=wrapper)
        assert "mount" not in proc.stderr, f"could not make a read-only folder as root: {proc.stderr}"
    assert_one_french_line(proc, "lecture seule")


def test_read_only_sqlite_database_message(tmp_path, monkeypatch):
    """The real SQLite error of a read-only database (as root cannot get it from file modes)."""
    import pacte.live.store as store_module
    from pacte.startup import StartupError, open_store_or_explain

    path = tmp_path / "ro.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    ro = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as real:
        ro.execute("INSERT INTO t VALUES (1)")

    def failing_open_store(url, data_dir, **kwargs):
        raise real.value

    monkeypatch.setattr(store_module, "open_store", failing_open_store)
    with pytest.raises(StartupError) as err:
        open_store_or_explain(None, tmp_path)
    assert "lecture seule" in str(err.value) and "--data-dir" in str(err.value)


def test_book_not_built_is_french(tmp_path):
    env = {**os.environ, "PACTE_OUTPUT": str(tmp_path / "vide")}
    proc = subprocess.run(
        [sys.executable, "-m", "pacte.cli", "serve", "--port", str(free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 2 and "pacte build" in proc.stderr and "n’est pas construit" in proc.stderr
