"""Data of the module « Les dimensions de la coordination »: schemas, semantic checks, broken copies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pacte.course.banks import load_bank
from pacte.course.checks import load_data_file
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir

GRID = datasets_dir() / "dimensions" / "diagnostic.diagnosis_grid.yaml"
SITUATIONS = datasets_dir() / "dimensions" / "situations.sorting_exercise.yaml"
RESOURCES = datasets_dir() / "dimensions" / "ressources.sorting_exercise.yaml"
BANKS = [
    "dimensions-coordination",
    "dimensions-trois-dimensions",
    "dimensions-ressources",
    "dimensions-travail-pluripro",
]


def test_grid_is_valid_and_complete():
    grid = load_data_file(GRID)
    assert 15 <= len(grid["statements"]) <= 20
    assert [d["id"] for d in grid["dimensions"]] == ["logistique", "operatoire", "collective"]
    assert {s["resource"] for s in grid["statements"] if "resource" in s} == {"generique", "specifique"}
    for dim in grid["dimensions"]:
        assert sum(s["dimension"] == dim["id"] for s in grid["statements"]) >= 5
        assert set(dim["feedback"]) == {lv["id"] for lv in grid["levels"]}


def test_sorting_exercises_are_valid():
    situations = load_data_file(SITUATIONS)
    assert len(situations["items"]) >= 15
    assert {c["id"] for c in situations["categories"]} == {"logistique", "operatoire", "collective"}
    resources = load_data_file(RESOURCES)
    assert len(resources["items"]) >= 10
    assert {c["id"] for c in resources["categories"]} == {"generique", "specifique"}


def test_question_banks():
    main = load_bank("dimensions-coordination")
    assert len(main["questions"]) >= 12
    assert {q["type"] for q in main["questions"]} == {"single", "multiple", "numeric"}
    for bank_id in BANKS:
        for q in load_bank(bank_id)["questions"]:
            assert q["explanation"] and q["source"]["detail"]


def _broken_copy(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, int]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return target, line


def _error(path: Path) -> DataError:
    with pytest.raises(DataError) as err:
        load_data_file(path)
    return err.value


def test_schema_error_names_file_line_and_field(tmp_path):
    path, line = _broken_copy(
        tmp_path,
        GRID,
        "  - id: log-plannings\n    dimension: logistique\n",
        "  - id: log-plannings\n    dimension: logistique\n    colour: red\n",
    )
    err = _error(path)
    assert err.path == str(path) and str(path) in str(err)
    assert err.field == "statements[1]" and err.line == line
    assert "unexpected field" in err.message and "colour" in err.message


def test_schema_error_on_a_missing_required_field(tmp_path):
    path, line = _broken_copy(
        tmp_path, SITUATIONS, '    expected: operatoire\n    explanation: "La réunion', '    explanation: "La réunion'
    )
    err = _error(path)
    assert err.field.startswith("items[7]") and "'expected' is a required property" in err.message
    assert err.line is not None and abs(err.line - line) <= 3


@pytest.mark.parametrize(
    "source,old,new,field,message",
    [
        (GRID, "  - id: log-plannings", "  - id: log-locaux", "statements[1].id", "duplicate id 'log-locaux'"),
        (
            GRID,
            '    dimension: operatoire\n    text: "Quand un patient',
            '    dimension: operationnelle\n    text: "Quand un patient',
            "statements[7].dimension",
            "unknown dimension 'operationnelle'",
        ),
        (
            GRID,
            '{id: en-developpement, label: "En développement", min: 2, max: 3',
            '{id: en-developpement, label: "En développement", min: 2.5, max: 3',
            "levels[1].min",
            "levels must be contiguous",
        ),
        (
            GRID,
            '{id: point-appui, label: "Point d’appui", min: 3, max: 4',
            '{id: point-appui, label: "Point d’appui", min: 3, max: 3.5',
            "levels[2].max",
            "the last level must end at the scale max 4",
        ),
        (
            GRID,
            '    - {value: 4, label: "Tout à fait"}\n',
            '    - {value: 5, label: "Tout à fait"}\n',
            "scale.labels[3].value",
            "scale label value 5 is outside 1..4",
        ),
        (
            GRID,
            '    - {value: 4, label: "Tout à fait"}\n',
            "",
            "scale.labels",
            "scale labels must give each value from 1 to 4",
        ),
        (
            GRID,
            '    resource: generique\n    text: "L’équipe dispose',
            '    resource: gratuite\n    text: "L’équipe dispose',
            "statements[2].resource",
            "unknown resource type 'gratuite'",
        ),
        (
            GRID,
            '      point-appui:\n        summary: "Les moyens sont partagés',
            '      point-appuis:\n        summary: "Les moyens sont partagés',
            "dimensions[0].feedback.point-appuis",
            "feedback for unknown level 'point-appuis'",
        ),
        (
            GRID,
            '      point-appui:\n        summary: "Les moyens sont partagés',
            '      a-construire:\n        summary: "Les moyens sont partagés',
            "dimensions[0].feedback",
            "no feedback for level(s) ['point-appui']",
        ),
        (
            SITUATIONS,
            '    expected: collective\n    explanation: "Se mettre d’accord',
            '    expected: synergique\n    explanation: "Se mettre d’accord',
            "items[12].expected",
            "unknown category 'synergique'",
        ),
        (
            SITUATIONS,
            '    feedback:\n      collective: "La décision est prise',
            '    feedback:\n      logistique: "La décision est prise',
            "items[0].feedback.logistique",
            "feedback is for wrong answers",
        ),
        (
            RESOURCES,
            'source: {ref: peyron_buttard2018, detail: "ressources génériques\u00a0: un logiciel"}',
            'source: {ref: peyron2099, detail: "ressources génériques\u00a0: un logiciel"}',
            "items[0].source.ref",
            "not a key of book/references.bib",
        ),
    ],
)
def test_semantic_errors_name_file_line_and_field(tmp_path, source, old, new, field, message):
    path, line = _broken_copy(tmp_path, source, old, new)
    if field in ("scale.labels", "dimensions[0].feedback"):  # the error points at the mapping itself
        text = source.read_text(encoding="utf-8")
        key = "  labels:" if field == "scale.labels" else "    feedback:"
        line = text[: text.index(key)].count("\n") + 1
    err = _error(path)
    assert err.path == str(path)
    assert err.field == field, str(err)
    assert message in err.message, str(err)
    assert isinstance(err.line, int) and abs(err.line - line) <= 3, (err.line, line)
    assert re.match(rf"^{re.escape(str(path))}:\d+ \[", str(err))


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    path, line = _broken_copy(tmp_path, RESOURCES, "  - id: formation\n", "  - id: [formation\n")
    err = _error(path)
    assert "invalid YAML" in err.message and err.line is not None


def test_data_files_are_plain_yaml():
    for path in (GRID, SITUATIONS, RESOURCES):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
