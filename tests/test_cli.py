"""`pacte check`: inventory for people and machines, non-zero exit on bad input.

The checks run in-process (:func:`pacte.cli.main` with its arguments, output captured by ``capsys``),
as Jupyter Book's own tests call its command; one test starts the installed ``pacte`` command, the
one whose output a machine reads (``--json``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from pacte.cli import main

pytestmark = pytest.mark.slow


def installed_pacte() -> list[str]:
    """The ``pacte`` command the install put beside this Python (``python -m pacte.cli`` without one)."""
    script = Path(sys.executable).with_name("pacte")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pacte.cli"]


def check(capsys, monkeypatch, *args: str, root: Path | None = None) -> tuple[int, str, str]:
    """``pacte check ARGS`` in this process (on the course at ``root`` if given): exit code, stdout, stderr."""
    if root is not None:
        monkeypatch.setenv("PACTE_ROOT", str(root))
    capsys.readouterr()
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_prints_inventory_and_succeeds(capsys, monkeypatch):
    code, out, err = check(capsys, monkeypatch)
    assert code == 0, err
    assert "modules/metier/qui-sont-les-coordinateurs" in out
    assert "quiz profils-coordination: 8 questions" in out
    assert "survey_answers (datasets/pacte_survey/answers.csv): 41 lignes" in out


def test_check_json_matches_the_text_inventory():
    """The installed command, in a process of its own: its standard output is the JSON alone."""
    proc = subprocess.run(
        [*installed_pacte(), "check", "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    inv = json.loads(proc.stdout)
    assert inv["ok"] is True and inv["errors"] == []
    page = [p for p in inv["pages"] if p["page"] == "modules/metier/qui-sont-les-coordinateurs"][0]
    assert page["banks"][0]["questions"] == 8
    assert {d["name"]: d["rows"] for d in inv["datasets"]}["survey_structures"] == 3
    assert inv["totals"]["questions"] == sum(b["questions"] for b in inv["banks"])


def _copy_course(tmp_path: Path) -> Path:
    for folder in ("datasets", "book", "modules"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_check_fails_with_precise_message_on_bad_bank_and_bad_data(tmp_path, capsys, monkeypatch):
    course = _copy_course(tmp_path)
    bank = course / "datasets" / "quiz" / "profils-coordination.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("type: numeric", "type: numerique", 1), encoding="utf-8")
    line = text[: text.index("type: numeric")].count("\n") + 1
    index = text[: text.index("type: numeric")].count("\n  - id: ") - 1
    answers = course / "datasets" / "pacte_survey" / "answers.csv"
    answers.write_text(answers.read_text(encoding="utf-8").replace(",16,", ",-16,", 1), encoding="utf-8")
    code, _, err = check(capsys, monkeypatch, root=course)
    assert code == 1
    assert f"profils-coordination.yaml:{line} [questions[{index}].type]: 'numerique' is not one of" in err
    assert "answers.csv:2 [percent]: -16.0 is below the minimum 0" in err
    assert "pacte check\u00a0: 2 erreur(s)" in err
    code, out, _ = check(capsys, monkeypatch, "--json", root=course)
    assert code == 1
    as_json = json.loads(out)
    assert as_json["ok"] is False and len(as_json["errors"]) == 2


def test_check_reports_a_page_using_an_unknown_bank(tmp_path, capsys, monkeypatch):
    course = _copy_course(tmp_path)
    page = course / "modules" / "metier" / "qui-sont-les-coordinateurs.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('from_bank("profils-coordination")', 'from_bank("inconnue")'),
        encoding="utf-8",
    )
    code, _, err = check(capsys, monkeypatch, root=course)
    assert code == 1
    assert "qui-sont-les-coordinateurs.md:" in err and "unknown question bank 'inconnue'" in err
