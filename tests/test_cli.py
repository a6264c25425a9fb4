"""`pacte check`: inventory for people and machines, non-zero exit on bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def run_pacte(*args: str, env_root: Path | None = None) -> subprocess.CompletedProcess:
    env = None
    if env_root is not None:
        import os

        env = {**os.environ, "PACTE_ROOT": str(env_root)}
    return subprocess.run(
        [sys.executable, "-m", "pacte.cli", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )


def test_check_prints_inventory_and_succeeds():
    proc = run_pacte("check")
    assert proc.returncode == 0, proc.stderr
    assert "modules/metier/qui-sont-les-coordinateurs" in proc.stdout
    assert "quiz profils-coordination: 8 questions" in proc.stdout
    assert "survey_answers (datasets/pacte_survey/answers.csv): 41 lignes" in proc.stdout


def test_check_json_matches_the_text_inventory():
    proc = run_pacte("check", "--json")
    assert proc.returncode == 0
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


def test_check_fails_with_precise_message_on_bad_bank_and_bad_data(tmp_path):
    course = _copy_course(tmp_path)
    bank = course / "datasets" / "quiz" / "profils-coordination.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("type: numeric", "type: numerique", 1), encoding="utf-8")
    line = text[: text.index("type: numeric")].count("\n") + 1
    index = text[: text.index("type: numeric")].count("\n  - id: ") - 1
    answers = course / "datasets" / "pacte_survey" / "answers.csv"
    answers.write_text(answers.read_text(encoding="utf-8").replace(",16,", ",-16,", 1), encoding="utf-8")
    proc = run_pacte("check", env_root=course)
    assert proc.returncode == 1
    assert f"profils-coordination.yaml:{line} [questions[{index}].type]: 'numerique' is not one of" in proc.stderr
    assert "answers.csv:2 [percent]: -16.0 is below the minimum 0" in proc.stderr
    assert "pacte check\u00a0: 2 erreur(s)" in proc.stderr
    as_json = json.loads(run_pacte("check", "--json", env_root=course).stdout)
    assert as_json["ok"] is False and len(as_json["errors"]) == 2


def test_check_reports_a_page_using_an_unknown_bank(tmp_path):
    course = _copy_course(tmp_path)
    page = course / "modules" / "metier" / "qui-sont-les-coordinateurs.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('from_bank("profils-coordination")', 'from_bank("inconnue")'),
        encoding="utf-8",
    )
    proc = run_pacte("check", env_root=course)
    assert proc.returncode == 1
    assert "qui-sont-les-coordinateurs.md:" in proc.stderr and "unknown question bank 'inconnue'" in proc.stderr
