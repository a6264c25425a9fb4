"""Data of the module « Le métier de coordinateur·rice »: survey profile, figures, YAML files, banks, broken copies."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pacte.course.banks import load_bank
from pacte.course.checks import load_data_file
from pacte.course.data import load_package, load_table, read_resource
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir

METIER = datasets_dir() / "metier"
SURVEY = datasets_dir() / "pacte_survey"
WEEK = METIER / "semaine.week_activities.yaml"
PROFILE = METIER / "mon-profil.profile_questions.yaml"
ROUTES = METIER / "voies.sorting_exercise.yaml"
SEEDS = yaml.safe_load((datasets_dir() / "sources" / "seeds.yaml").read_text(encoding="utf-8"))


def _seed(ref: str) -> str:
    return (datasets_dir() / "sources" / SEEDS[ref]).read_text(encoding="utf-8")


# Every figure of the survey's profile table (seed 000, « Profils et formes d'exercice variables »).
PROFILE_TABLE = {
    "age_under_40": {"MSP": 41, "CDS": 32, "CPTS": 53},
    "women": {"MSP": 88, "CDS": 76, "CPTS": 87},
    "recent_structure": {"MSP": 69, "CDS": 48, "CPTS": 91},
    "master_degree": {"MSP": 32, "CDS": 64, "CPTS": 52},
    "prior_care": {"MSP": 60, "CDS": 38, "CPTS": 26},
    "prior_admin": {"MSP": 21, "CDS": 40, "CPTS": 31},
    "permanent_contract": {"MSP": 37, "CDS": None, "CPTS": 85},
    "part_time": {"MSP": 85, "CDS": 73, "CPTS": 26},
    "full_time": {"CPTS": 55},
    "coordination_with_other": {"MSP": 80},
    "coordination_main": {"CDS": 49, "CPTS": 88},
}


def test_profile_table_holds_every_figure_of_the_seed_table():
    frame = load_table("survey_profile")
    got = {}
    for r in frame.itertuples():
        got.setdefault(r.indicator_id, {})[r.structure] = None if pd.isna(r.percent) else int(r.percent)
    assert got == PROFILE_TABLE
    sizes = {r.structure: int(r.sample_size) for r in load_table("survey_structures").itertuples()}
    assert sizes == {"MSP": 277, "CDS": 58, "CPTS": 186} and sum(sizes.values()) == 521


@pytest.mark.parametrize("name", ["profile.csv", "structures.csv", "answers.csv", "quotes.csv"])
def test_every_survey_row_has_a_locator_found_in_seed_000(name):
    seed = _seed("schweyer2025")
    for i, row in enumerate(csv.DictReader((SURVEY / name).open(encoding="utf-8")), start=2):
        assert row["source"] == "schweyer2025", (name, i)
        loc = row["locator"]
        assert loc and loc in seed and len(loc.split()) <= 12, f"{name}:{i} [locator]: {loc!r}"


def test_survey_figures_appear_in_their_seed_line():
    """Each percent of profile.csv sits on the seed line its locator points to (no misread cell)."""
    seed_lines = _seed("schweyer2025").splitlines()
    for row in csv.DictReader((SURVEY / "profile.csv").open(encoding="utf-8")):
        if not row["percent"]:
            continue
        line = next(text for text in seed_lines if row["locator"] in text)
        assert re.search(rf"(?<!\d){row['percent']}(?!\d)", line), row


def test_metier_figures_have_sources_and_locators():
    figures = load_table("metier_figures").set_index("id")
    for fid, row in figures.iterrows():
        assert row["locator"] in _seed(row["source"]), fid
    for fid in ("etudiants_formation_coordination", "coordinatrices_msp_partiel_precaire", "temps_coordination_mg"):
        assert figures.loc[fid, "source"] == "coordination2025" and "cité dans" in figures.loc[fid, "source_detail"]


@pytest.mark.parametrize("path", [WEEK, PROFILE, ROUTES], ids=lambda p: p.name)
def test_yaml_files_are_valid_and_their_locators_are_in_the_seeds(path):
    data = load_data_file(path)
    sources = []

    def walk(node):
        if isinstance(node, dict):
            if "ref" in node and "locator" in node:
                sources.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    if path != PROFILE:
        assert sources
    for s in sources:
        assert s["locator"] in _seed(s["ref"]) and len(s["locator"].split()) <= 12, s


def test_routes_exercise_covers_the_three_routes():
    ex = load_data_file(ROUTES)
    assert [c["id"] for c in ex["categories"]] == ["bas", "haut", "marche"]
    for cat in ("bas", "haut", "marche"):
        assert sum(i["expected"] == cat for i in ex["items"]) >= 3


def test_quiz_banks_of_the_module():
    banks = [load_bank("metier"), load_bank("profils-coordination")]
    questions = [q for b in banks for q in b["questions"]]
    assert len(questions) >= 24
    for q in questions:
        assert q["explanation"] and q["source"]["detail"]
        assert q["source"]["locator"] in _seed(q["source"]["ref"]), q["id"]
        if q["type"] != "numeric":
            assert all(c["feedback"] for c in q["choices"])
    ids = {q["id"] for q in load_bank("profils-coordination")["questions"]}
    assert "difficulte-principale" not in ids  # kept in dynamiques-equipe only


def _broken_copy(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, int]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(
    "source, old, new, field, message",
    [
        (
            WEEK,
            "  - id: rcp\n    block: clinique",
            "  - id: rcp\n    block: clinical",
            "activities[5].block",
            "unknown block 'clinical'",
        ),
        (WEEK, "  - id: protocoles\n", "  - id: rcp\n", "activities[6].id", "duplicate id 'rcp'"),
        (
            WEEK,
            "max_hours_activity: 40",
            "max_hours_activity: 61",
            "max_hours_activity",
            "cannot exceed max_total_hours",
        ),
        (
            WEEK,
            "  - id: logistique\n    block: gestion\n    label:",
            "  - id: logistique\n    block: gestion\n    colour: red\n    label:",
            "activities[0]",
            "colour",
        ),
        (
            PROFILE,
            "{indicator: master_degree,",
            "{indicator: master,",
            "questions[2].indicators[0].indicator",
            "unknown indicator 'master'",
        ),
        (PROFILE, "inside: [cdi]", "inside: [cdd]", "questions[4].indicators[0].inside[0]", "unknown answer 'cdd'"),
        (
            ROUTES,
            '    expected: marche\n    explanation: "Schweyer associe',
            '    expected: market\n    explanation: "Schweyer associe',
            "items[8].expected",
            "unknown category 'market'",
        ),
    ],
)
def test_broken_copies_name_file_line_and_field(tmp_path, source, old, new, field, message):
    path, line = _broken_copy(tmp_path, source, old, new)
    with pytest.raises(DataError) as err:
        load_data_file(path)
    e = err.value
    assert e.path == str(path) and e.field is not None and e.field.startswith(field), (e.field, field)
    assert message in e.message, e.message
    assert e.line is not None and abs(e.line - line) <= 3, (e.line, line)


def test_survey_csv_error_names_file_line_field(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(SURVEY, root / "pacte_survey")
    path = root / "pacte_survey" / "profile.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace(",MSP,", ",EHPAD,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as exc:
        read_resource(load_package(root)["survey_profile"])
    assert exc.value.path == str(path) and exc.value.line == 5 and exc.value.field == "structure"


def test_data_packages_are_frictionless_valid():
    frictionless = pytest.importorskip("frictionless")
    for folder in (METIER, SURVEY):
        report = frictionless.validate(str(folder / "datapackage.json"))
        assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
