"""Data of the module « Les modèles de financement »: schemas, semantic checks, data package, quiz bank.

Each broken copy lives in ``tmp_path``; the error must name the file, the line and the field.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pacte.course.banks import bibliography_keys, load_bank
from pacte.course.checks import load_data_file
from pacte.course.data import load_package, load_table, read_resource
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir

FIN = datasets_dir() / "financement"
ACI = FIN / "aci_msp.aci_rules.yaml"
CPTS = FIN / "cpts.cpts_rules.yaml"


def broken_copy(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, int]:
    """Copy ``source`` to tmp_path with the first ``old`` replaced; return the path and the changed line."""
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    old_lines, new_lines = old.split("\n"), new.split("\n")
    first_diff = next(i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)) if a != b)
    line = text[: text.index(old)].count("\n") + 1 + first_diff
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, line


def test_rules_files_are_valid():
    aci = load_data_file(ACI)
    cpts = load_data_file(CPTS)
    assert aci["parameters"]["point_value"]["value"] == 7
    assert aci["parameters"]["advance_rate"]["value"] == 0.6
    assert aci["parameters"]["precarity_cap"]["value"] == 0.25
    assert aci["parameters"]["reference_patientele"]["value"] == 4000
    coordination = next(c for c in aci["criteria"] if c["id"] == "coordination")
    assert (coordination["fixed_points"], coordination["variable_points"], coordination["indicatif"]) == (
        1000,
        1700,
        False,
    )
    # the COURSE_PLAN marks per-criterion points of ACI 2017 as unverified: all other criteria are indicative
    assert all(c["indicatif"] for c in aci["criteria"] if c["id"] != "coordination")
    assert [b["fonctionnement_2019"]["value"] for b in cpts["bands"]] == [50000, 60000, 75000, 90000]
    assert [b["fonctionnement_avenant2"]["value"] for b in cpts["bands"]] == [87500, 105000, 131250, 157500]


def test_every_source_is_in_the_bibliography():
    keys = bibliography_keys()
    text = ACI.read_text(encoding="utf-8") + CPTS.read_text(encoding="utf-8")
    import re

    for key in re.findall(r"source: ([a-z0-9_]+)", text):
        assert key in keys, key
    for name in ("financement_reforms", "financement_aci_reference", "financement_figures"):
        frame = load_table(name)
        assert set(frame["source"]) <= keys, name
        assert frame["source_detail"].str.len().min() > 0


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ("fixed_points: 800", "fixed_points: huit cents", "criteria[0].fixed_points", "is not of type 'number'"),
        ("level: socle", "level: obligatoire", "criteria[0].level", "is not one of"),
        ("    value: 7\n", "    value: -7\n", "parameters.point_value.value", "less than or equal to the minimum"),
        (
            "    indicatif: true\n    source: fehap2017",
            "    indicatif: true\n    colour: red\n    source: fehap2017",
            "criteria[0]",
            "unexpected field",
        ),
    ],
)
def test_aci_schema_error_names_file_line_field(tmp_path, old, new, field, message):
    path, line = broken_copy(tmp_path, ACI, old, new)
    with pytest.raises(DataError) as exc:
        load_data_file(path)
    err = exc.value
    assert err.path == str(path) and err.field == field and message in err.message
    if message == "unexpected field":  # reported on the object that holds the extra field
        line = ACI.read_text(encoding="utf-8").split("\n").index("  - id: horaires") + 1
    assert err.line == line
    assert str(err).startswith(f"{path}:{err.line} [{field}]")


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        (
            "axis: acces\n    level: socle\n    prerequisite: true",
            "axis: acess\n    level: socle\n    prerequisite: true",
            "criteria[0].axis",
            "unknown axis 'acess'",
        ),
        ("source: essort2022", "source: essort2099", "criteria[1].source", "not a key of book/references.bib"),
        ("    default: 8\n", "    default: 12\n", "criteria[2].default", "between 0 and 8"),
        (
            "level: optionnel\n    prerequisite: false",
            "level: optionnel\n    prerequisite: true",
            "criteria[5].prerequisite",
            "must be a « socle » criterion",
        ),
    ],
)
def test_aci_semantic_check_names_file_line_field(tmp_path, old, new, field, message):
    path, line = broken_copy(tmp_path, ACI, old, new)
    with pytest.raises(DataError) as exc:
        load_data_file(path)
    assert exc.value.field == field and message in exc.value.message
    assert exc.value.path == str(path) and exc.value.line == line


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ("min_population: 40000", "min_population: 40001", "bands[1].min_population", "contiguous"),
        ("{value: 105000,", "{value: 100000,", "bands[1].fonctionnement_avenant2.value", "is not 60000 × (1 + 0.75)"),
        ("id: T4", "id: T44", "bands[3].id", "does not match"),
        ("max_population: null", "max_population: 300000", "bands[3].max_population", "only the last band"),
    ],
)
def test_cpts_rules_errors(tmp_path, old, new, field, message):
    path, line = broken_copy(tmp_path, CPTS, old, new)
    with pytest.raises(DataError) as exc:
        load_data_file(path)
    assert exc.value.field == field and message in exc.value.message
    assert exc.value.line is not None and abs(exc.value.line - line) <= 1


def test_data_package_tables():
    reforms = load_table("financement_reforms")
    assert set(reforms["kind"]) == {"loi", "accord conventionnel", "expérimentation", "plan"}
    ref = load_table("financement_aci_reference").set_index("id")
    assert ref.loc["cnam_msp_type_2017", "amount_eur"] == 73500
    assert ref.loc["moyenne_2022", "amount_eur"] == 72415 and ref.loc["moyenne_2023", "amount_eur"] == 80040
    figures = load_table("financement_figures").set_index("id")
    # figures a seed quotes from another body are recorded as « cité dans »
    for fid in ("fmf_forfaits", "cnsa_temps_partiel", "drees_temps_coordination", "drees_mg_coordonnes"):
        assert figures.loc[fid, "source"] == "coordination2025"
        assert figures.loc[fid, "source_detail"].startswith("cité dans")


def test_data_package_error_names_file_line_field(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(FIN, root / "financement")
    csv = root / "financement" / "reforms.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",loi,", ",décret,", 1)
    csv.write_text("".join(lines), encoding="utf-8")
    res = load_package(root)["financement_reforms"]
    with pytest.raises(DataError) as exc:
        read_resource(res)
    assert exc.value.path == str(csv) and exc.value.line == 4 and exc.value.field == "kind"


def test_data_package_descriptor_is_frictionless_valid():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(FIN / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_quiz_bank():
    bank = load_bank("financement")
    assert len(bank["questions"]) >= 12
    for q in bank["questions"]:
        assert q["explanation"] and q["source"]["ref"] and q["source"]["detail"]
        if q["type"] != "numeric":
            assert all(c["feedback"] for c in q["choices"])
    parts = {q["id"].split("-")[0] for q in bank["questions"]}
    assert parts == {"acte", "reformes", "aci", "ailleurs"}


def test_each_financement_page_names_its_questions():
    from pacte.course.banks import select_questions
    from widgets import Quiz

    bank = load_bank("financement")
    last, first = bank["questions"][-1]["id"], bank["questions"][0]["id"]
    quiz = Quiz.from_bank("financement", [last, first])
    assert [q["id"] for q in quiz.bank["questions"]] == [last, first]
    assert select_questions(bank) == bank["questions"]
    with pytest.raises(KeyError, match="nope"):
        select_questions(bank, ["nope"])


def test_comparison_with_published_figures():
    from widgets.financement import aci_comparison, national_total_check

    frame = aci_comparison()
    est = frame[frame["kind"] == "Estimation du simulateur"]["amount"].tolist()
    # avenant 1, all criteria: 80 500 € ; socle only: 58 800 € ; 2017 variant, all criteria: 73 500 €
    assert est == [80500, 58800, 73500]
    published = frame[frame["kind"] == "Chiffre publié"]["amount"].tolist()
    assert sorted(published) == [52000, 72415, 73500, 80040]
    # 153,5 M€ / 80 040 € ≈ 1 918 MSP, beside the « 2 000 financées (ACI) » of Schweyer 2025
    check = national_total_check()
    assert check["implied_msp"] == 1918 and check["msp_aci"] == 2000


def test_timeline_spec_has_a_kind_selector():
    from widgets.financement import reform_timeline

    spec = reform_timeline().spec
    params = spec.get("params", [])
    assert "Toutes les réformes" in json.dumps(params, ensure_ascii=False)
    assert any(p.get("name") == "kind" and p["bind"]["input"] == "select" for p in params)
