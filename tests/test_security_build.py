"""`pacte build` with a broken question bank names the cause (file, line, field) on the console, in French."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from pacte.cli import main
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


def _bank_page(course: Path, bank: str) -> str:
    """Write a page of its own whose only code shows bank ``bank`` (the front matter of a course page that
    uses it); return its document name. Its execution fails where a real page's would, with nothing before."""
    used = next(p for p in (ROOT / "modules").rglob("*.md") if f'from_bank("{bank}")' in p.read_text(encoding="utf-8"))
    text = used.read_text(encoding="utf-8")
    front = text[: text.index("\n---\n", 3) + 5]
    page = course / "modules" / "essai" / "banque.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        f"{front}\n# Une page de la banque\n\n```{{code-cell}} ipython3\n:tags: [remove-input]\n\n"
        f'from widgets import Quiz\n\nQuiz.from_bank("{bank}")\n```\n',
        encoding="utf-8",
    )
    return "modules/essai/banque"


def test_build_with_a_broken_bank_shows_file_line_and_field(tmp_path, capfd, monkeypatch):
    """A book of one page whose code loads the broken bank, built by ``pacte build`` in this process."""
    course = tmp_path / "course"
    course.mkdir()
    for name in ("datasets", "book"):
        shutil.copytree(ROOT / name, course / name)
    shutil.copy(ROOT / "_config.yml", course / "_config.yml")
    bank = course / "datasets" / "quiz" / "profils-coordination.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("type: numeric", "type: numerique", 1), encoding="utf-8")
    line = text[: text.index("type: numeric")].count("\n") + 1
    toc = tmp_path / "_toc.yml"
    toc.write_text(f"format: jb-book\nroot: {_bank_page(course, 'profils-coordination')}\n", encoding="utf-8")
    for name, value in (("PACTE_ROOT", course), ("PACTE_OUTPUT", tmp_path / "out"), ("PACTE_TOC", toc)):
        monkeypatch.setenv(name, str(value))
    capfd.readouterr()
    code = main(["build", "--quiet", "--no-strict"])
    captured = capfd.readouterr()
    out = captured.out + captured.err
    assert code != 0, out[-2000:]
    cause = [row for row in out.splitlines() if "n’a pas pu être exécutée" in row]
    assert cause, out[-2000:]
    assert f"fichier datasets/quiz/profils-coordination.yaml, ligne {line}, champ questions[" in cause[0]
    assert "'numerique'" in cause[0] and ".err.log" in cause[0]
    assert re.search(r"pacte build\u00a0: ÉCHEC", out)


def test_check_reports_the_line_of_a_bad_utf8_byte(tmp_path, capsys, monkeypatch):
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
    monkeypatch.setenv("PACTE_ROOT", str(tmp_path))
    capsys.readouterr()
    code = main(["check"])  # in this process: an exception would escape here rather than print a traceback
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err, err[-2000:]
    assert "answers.csv:3: not valid UTF-8 (byte 0xff" in err
    assert "profils-coordination.yaml:5: not valid UTF-8 (byte 0xc3" in err
    assert "pacte check\u00a0:" in err
