"""The locator rule of `pacte check`: seed-sourced rows and questions name an exact seed phrase."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pacte.course import locators
from pacte.course.locators import check_csv_locators, check_yaml_locators, locator_problem

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {"schweyer2025": "Échantillon 521 questionnaires apprenants PACTE 2022-2024\nL’usure des leaders"}


def test_locator_problem_cases():
    assert locator_problem("not_a_seed", None, SEEDS) is None
    assert "give a `locator`" in locator_problem("schweyer2025", "", SEEDS)
    assert locator_problem("schweyer2025", "521 questionnaires apprenants", SEEDS) is None
    assert "not found" in locator_problem("schweyer2025", "522 questionnaires", SEEDS)
    assert "other apostrophe" in locator_problem("schweyer2025", "L'usure des leaders", SEEDS)
    assert "at most 12" in locator_problem("schweyer2025", " ".join(["mot"] * 13), SEEDS)


def test_course_data_has_valid_locators():
    mine = (
        "financement/",
        "dimensions/",
        "dynamiques/",
        "live/",
        "quiz/dimensions",
        "quiz/dynamiques",
        "quiz/financement",
    )
    errors = [e for e in check_csv_locators() + check_yaml_locators() if any(m in e.path for m in mine)]
    assert not errors, "\n".join(map(str, errors))


@pytest.fixture
def course_copy(tmp_path, monkeypatch):
    for sub in ("datasets/sources", "datasets/financement", "datasets/schemas"):
        shutil.copytree(ROOT / sub, tmp_path / sub)
    (tmp_path / "datasets/quiz").mkdir()
    shutil.copy(ROOT / "datasets/quiz/financement.yaml", tmp_path / "datasets/quiz/financement.yaml")
    monkeypatch.setenv("PACTE_ROOT", str(tmp_path))
    locators._seeds.cache_clear()
    locators._seed_index.cache_clear()
    yield tmp_path
    locators._seeds.cache_clear()
    locators._seed_index.cache_clear()


def test_bad_csv_locator_names_file_line_field(course_copy):
    path = course_copy / "datasets/financement/figures.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("(1 200 MSP labellisées fin 2018).", "1 201 MSP labellisées"), encoding="utf-8")
    errors = check_csv_locators(course_copy)
    assert len(errors) == 1
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("msp_labellisees_2018"))
    assert str(errors[0]).startswith(f"{path}:{line} [locator]: locator not found")


def test_missing_question_locator_is_an_error(course_copy):
    path = course_copy / "datasets/quiz/financement.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, row in enumerate(lines) if "locator:" in row and "ref: dehaas2018" in row)
    lines[n] = lines[n][: lines[n].index(", locator:")] + "}"
    path.write_text("\n".join(lines), encoding="utf-8")
    errors = check_yaml_locators([path])
    assert [(e.line, e.field) for e in errors] == [(n + 1, "source.locator")]


def test_chapter_locator_must_be_in_its_chapter():
    from pacte.course.locators import seed_texts

    seeds = seed_texts()
    phrase = "(1 200 MSP labellisées fin 2018)."  # Hassenteufel's chapter
    assert locator_problem("hassenteufel2018", phrase, seeds) is None
    problem = locator_problem("schweyer2018", phrase, seeds)
    assert "in the chapter of hassenteufel2018, not in 'schweyer2018'" in problem
