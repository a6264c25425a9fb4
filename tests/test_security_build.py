"""`pacte build` with a broken question bank names the cause (file, line, field) on the console, in French."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from pacte.site.build import execution_cause

pytestmark = pytest.mark.slow


def test_execution_cause_reads_the_exception_of_an_err_log(tmp_path):
    log = tmp_path / "page.err.log"
    log.write_text(
        "Traceback…\n\x1b[31mDataError\x1b[39m: "
        + str(ROOT / "datasets/quiz/x.yaml")
        + ":42 [questions[4].type]: 'numerique' is not one of ['single']\n",
        encoding="utf-8",
    )
    assert execution_cause(log) == (
        "fichier datasets/quiz/x.yaml, ligne 42, champ questions[4].type\u00a0: 'numerique' is not one of ['single']"
    )
    log.write_text("KeyError: 'x'\n", encoding="utf-8")
    assert execution_cause(log) == "KeyError\u00a0: 'x'"


def test_build_with_a_broken_bank_shows_file_line_and_field(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    for name in ("datasets", "book", "modules"):
        shutil.copytree(ROOT / name, course / name)
    shutil.copy(ROOT / "_config.yml", course / "_config.yml")
    bank = course / "datasets" / "quiz" / "profils-coordination.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("type: numeric", "type: numerique", 1), encoding="utf-8")
    line = text[: text.index("type: numeric")].count("\n") + 1
    page = next(p for p in (course / "modules").rglob("*.md") if 'from_bank("profils-coordination")' in p.read_text())
    toc = tmp_path / "_toc.yml"
    toc.write_text(
        f"format: jb-book\nroot: book/intro\nchapters:\n  - file: {page.relative_to(course).with_suffix('')}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PACTE_ROOT": str(course), "PACTE_OUTPUT": str(tmp_path / "out"), "PACTE_TOC": str(toc)}
    proc = subprocess.run(
        [sys.executable, "-m", "pacte.cli", "build", "--quiet", "--no-strict"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out[-2000:]
    cause = [row for row in out.splitlines() if "n’a pas pu être exécutée" in row]
    assert cause, out[-2000:]
    assert f"fichier datasets/quiz/profils-coordination.yaml, ligne {line}, champ questions[" in cause[0]
    assert "'numerique'" in cause[0] and ".err.log" in cause[0]
    assert re.search(r"pacte build\u00a0: ÉCHEC", out)


def test_check_reports_the_line_of_a_bad_utf8_byte(tmp_path):
    for name in ("datasets", "book", "modules"):
        shutil.copytree(ROOT / name, tmp_path / name)
    csv_file = tmp_path / "datasets" / "pacte_survey" / "answers.csv"
    lines = csv_file.read_bytes().split(b"\n")
    lines[2] += b"\xff"  # line 3
    csv_file.write_bytes(b"\n".join(lines))
    bank = tmp_path / "datasets" / "quiz" / "profils-coordination.yaml"
    lines = bank.read_bytes().split(b"\n")
    lines[4] += b"\xc3"  # line 5, a truncated two-byte character
    bank.write_bytes(b"\n".join(lines))
    proc = subprocess.run(
        [sys.executable, "-m", "pacte.cli", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PACTE_ROOT": str(tmp_path)},
        timeout=300,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "answers.csv:3: not valid UTF-8 (byte 0xff" in proc.stderr
    assert "profils-coordination.yaml:5: not valid UTF-8 (byte 0xc3" in proc.stderr
    assert "pacte check\u00a0:" in proc.stderr
