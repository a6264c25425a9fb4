"""Datasets: the survey tables load typed, and bad files are reported with file, line and field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pacte.course.data import load_package, load_table, validate_all
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir


def test_survey_tables_match_the_seed():
    answers = load_table("survey_answers")
    cohesion = answers[(answers.question_id == "cohesion") & (answers.structure == "MSP")]
    assert dict(zip(cohesion.answer_id, cohesion.percent, strict=False)) == {
        "forming": 21,
        "fairly_homogeneous": 54,
        "close_knit": 25,
    }
    structures = load_table("survey_structures").set_index("structure")["sample_size"].to_dict()
    assert structures == {"MSP": 277, "CDS": 58, "CPTS": 186}
    assert sum(structures.values()) == 521


def test_single_choice_questions_sum_to_100():
    answers = load_table("survey_answers")
    single = answers[~answers.multiple.astype(bool)]
    for (question, structure), group in single.groupby(["question_id", "structure"]):
        assert group.percent.sum() == pytest.approx(100, abs=1), (question, structure)


def test_every_row_names_its_source():
    for name in load_package():
        frame = load_table(name)
        assert frame["source"].notna().all() and (frame["source"].str.len() > 0).all(), name
        assert frame["source_detail"].notna().all(), name


def test_sources_are_bibliography_keys():
    from pacte.course.banks import bibliography_keys

    keys = bibliography_keys()
    for name in load_package():
        assert set(load_table(name)["source"]) <= keys, name


@pytest.fixture
def broken_package(tmp_path: Path) -> Path:
    target = tmp_path / "pacte_survey"
    shutil.copytree(datasets_dir() / "pacte_survey", target)
    return tmp_path


def _corrupt(path: Path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_bad_number_names_file_line_and_field(broken_package: Path):
    csv_path = broken_package / "pacte_survey" / "answers.csv"
    _corrupt(csv_path, 4, ",37,", ",trente-sept,")
    with pytest.raises(DataError) as err:
        validate_all(broken_package)
    assert err.value.path.endswith("answers.csv") and err.value.line == 4 and err.value.field == "percent"
    assert "answers.csv:4 [percent]" in str(err.value)


def test_out_of_range_percent_is_refused(broken_package: Path):
    _corrupt(broken_package / "pacte_survey" / "answers.csv", 2, ",16,", ",116,")
    with pytest.raises(DataError, match=r"answers.csv:2 \[percent\]: 116.0 is above the maximum 100"):
        validate_all(broken_package)


def test_missing_source_is_refused(broken_package: Path):
    _corrupt(broken_package / "pacte_survey" / "quotes.csv", 3, ",schweyer2025,", ",,")
    with pytest.raises(DataError) as err:
        validate_all(broken_package)
    assert (err.value.line, err.value.field) == (3, "source")


def test_unknown_structure_and_duplicate_key(broken_package: Path):
    path = broken_package / "pacte_survey" / "structures.csv"
    _corrupt(path, 3, "CDS,", "ESP,")
    with pytest.raises(DataError, match=r"structures.csv:3 \[structure\]: 'ESP' is not one of"):
        validate_all(broken_package)
    _corrupt(path, 3, "ESP,", "MSP,")
    with pytest.raises(DataError, match=r"duplicate primary key \('MSP',\) \(first seen on line 2\)"):
        validate_all(broken_package)


def test_wrong_header_and_short_row(broken_package: Path):
    path = broken_package / "pacte_survey" / "profile.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("indicator_id,indicator,", "indicator_id,label,", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"profile.csv:1: header does not match"):
        validate_all(broken_package)
    path.write_text(text + "women,Femmes,MSP\n", encoding="utf-8")
    fields = len(text.splitlines()[0].split(","))
    with pytest.raises(DataError, match=rf"row has 3 cells, the schema has {fields} fields"):
        validate_all(broken_package)


def test_descriptor_without_source_field_is_refused(broken_package: Path):
    descriptor = broken_package / "pacte_survey" / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"][0]["schema"]["fields"] = [
        f for f in package["resources"][0]["schema"]["fields"] if f["name"] != "source"
    ]
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(DataError, match="has no 'source' field"):
        load_package(broken_package)


def test_frictionless_agrees_the_package_is_valid():
    frictionless = pytest.importorskip("frictionless")
    for descriptor in sorted(datasets_dir().glob("*/datapackage.json")):
        report = frictionless.validate(str(descriptor))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
