"""Module « Territoires »: its data files validate, and a broken copy is reported with file, line and field.

Covers the tables (``datasets/territoires/*.csv``, Table Schema), the
structured files (CPTS project, sorting exercise, obstacles grid), the quiz
bank, and the rules the course sets on sources: every row and every source
names a bibliography key, and every locator is an exact phrase of the seed
mapped to that key.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
import yaml

from pacte.course.banks import load_bank
from pacte.course.checks import load_data_file
from pacte.course.data import load_package, load_table, read_resource
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir

TOPIC = datasets_dir() / "territoires"
PROJECT = TOPIC / "valmoran.cpts_project.yaml"
SORTING = TOPIC / "instruments.sorting_exercise.yaml"
GRID = TOPIC / "obstacles.diagnosis_grid.yaml"
SEEDS = yaml.safe_load((datasets_dir() / "sources" / "seeds.yaml").read_text(encoding="utf-8"))
BIB = (Path(__file__).resolve().parents[1] / "book" / "references.bib").read_text(encoding="utf-8")
CITED_IN = "cité dans"


def _seed(ref: str) -> str:
    return (datasets_dir() / "sources" / SEEDS[ref]).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict]:
    with open(TOPIC / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# --- the files are valid ------------------------------------------------------------------


def test_structured_files_validate():
    project = load_data_file(PROJECT)
    assert project["fictional"] is True and "fictif" in project["territory"]["notice"]
    assert len(project["missions"]) >= 6 and len(project["partners"]) >= 8 and len(project["rules"]) >= 12
    assert len(load_data_file(SORTING)["items"]) >= 12
    grid = load_data_file(GRID)
    assert [d["id"] for d in grid["dimensions"]] == [
        "organisation",
        "culture",
        "finances",
        "reglementation",
        "numerique",
    ]
    assert all(s.get("levers") for s in grid["statements"]), "every obstacle has at least one lever"


def test_tables_load_with_their_types():
    figures = load_table("territoires_figures")
    assert str(figures["value"].dtype) == "Float64" and len(figures) >= 60
    instruments = load_table("territoires_instruments")
    assert set(instruments["country"]) == {"France", "Allemagne", "Angleterre", "Suède"}
    assert set(instruments["category"]) == {"incitation", "contrainte", "organisation"}


@pytest.mark.parametrize("name", ["figures.csv", "instruments.csv"])
def test_every_row_names_a_source_and_an_exact_locator(name):
    for i, row in enumerate(_rows(name), start=2):
        assert f"{{{row['source']}," in BIB, (name, i)
        assert row["source"] in SEEDS, (name, i, row["source"])
        assert row["locator"] in _seed(row["source"]), (name, i, row["locator"])
        assert len(row["locator"].split()) <= 12, (name, i)


def test_figures_from_the_june_2025_document_are_cited_in_it():
    for row in _rows("figures.csv"):
        if row["source"] == "coordination2025" and row["unit"] in ("%", "heure par semaine", "dispositifs"):
            assert CITED_IN in row["source_detail"], row["id"]


def test_divergent_cpts_sizes_are_all_kept():
    values = {r["id"]: float(r["value"]) for r in _rows("figures.csv")}
    assert values["cpts_perimetre_min"] == 10000 and values["cpts_perimetre_max"] == 200000
    assert values["cpts_moyenne_patients"] == 90000 and values["plateforme_max"] == 80000
    assert values["cpts_peine"] == 50 and values["cpts_pacte_progression"] == 49


def test_sorting_exercise_and_table_agree():
    exercise = load_data_file(SORTING)
    table = {r["id"]: r for r in _rows("instruments.csv")}
    assert [i["id"] for i in exercise["items"]] == list(table)
    for item in exercise["items"]:
        row = table[item["id"]]
        assert item["expected"] == row["category"] and item["source"]["ref"] == row["source"]
        same = lambda text: text.replace("\u202f", "\u00a0")  # noqa: E731 - either non-breaking space
        assert same(item["text"]) == same(f"{row['country']}\u00a0: {row['instrument']}")


def test_every_project_and_bank_locator_is_in_its_seed():
    project = yaml.safe_load(PROJECT.read_text(encoding="utf-8"))
    sources = [e["source"] for key in ("missions", "partners", "rules") for e in project[key]]
    sources += [q["source"] for q in load_bank("territoires")["questions"]]
    for src in sources:
        assert src["locator"] in _seed(src["ref"]), src


def test_quiz_bank():
    bank = load_bank("territoires")
    assert len(bank["questions"]) >= 24
    prefixes = {q["id"].split("-")[0] for q in bank["questions"]}
    assert prefixes == {"cpts", "coop", "acteurs", "ineg", "freins"}
    for q in bank["questions"]:
        assert q["explanation"] and q["source"]["detail"] and q["source"]["locator"]
        assert all(c["feedback"] for c in q.get("choices", []))
    prompts = " ".join(q["prompt"] + q["explanation"] for q in bank["questions"])
    assert "loi HPST (2009)" in prompts and "article 51 de 2018" in prompts


# --- a broken copy is reported with file, line and field ----------------------------------


def _broken_copy(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, int]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, text[: text.index(old)].count("\n") + 1


def _error(path: Path) -> DataError:
    with pytest.raises(DataError) as err:
        load_data_file(path)
    return err.value


@pytest.mark.parametrize(
    "old,new,field,message",
    [
        ("  - id: snp-choisi\n", "  - id: acces-mt-choisi\n", "rules[3].id", "duplicate id 'acces-mt-choisi'"),
        (
            "when: {missions_any: [snp]}",
            "when: {missions_any: [urgences]}",
            "rules[3].when.missions_any",
            "unknown mission 'urgences'",
        ),
        (
            "when: {partners_none: [habitants]}",
            "when: {partners_none: [maires]}",
            "rules[15].when.partners_none",
            "unknown partner 'maires'",
        ),
        (
            'locator: "publication de besoins en ressources humaines"}\n  - id: donnees',
            'locator: "publication des besoins en ressources humaines"}\n  - id: donnees',
            "missions[6].source.locator",
            "locator not found in the seed of 'leicher2018'",
        ),
        (
            '    source: {ref: coordination2025, detail: "\u00ab\u00a0L’exemple des territoires pionniers\u00a0\u00bb", locator: "Soutien',
            '    source: {ref: coordination2099, detail: "\u00ab\u00a0L’exemple des territoires pionniers\u00a0\u00bb", locator: "Soutien',
            "partners[6].source.ref",
            "not a key of book/references.bib",
        ),
        ("max_missions: 3", "max_missions: 30", "max_missions", "max_missions 30 > number of missions"),
        ('  notice: "Territoire fictif,', '  notice: "Territoire réel,', "territory.notice", "must say « fictif »"),
    ],
)
def test_project_semantic_errors_name_file_line_and_field(tmp_path, old, new, field, message):
    path, line = _broken_copy(tmp_path, PROJECT, old, new)
    err = _error(path)
    assert err.path == str(path) and err.field == field, str(err)
    assert message in err.message, str(err)
    assert isinstance(err.line, int) and abs(err.line - line) <= 3, (err.line, line)
    assert re.match(rf"^{re.escape(str(path))}:\d+ \[", str(err))


def test_project_schema_error_names_the_field(tmp_path):
    path, line = _broken_copy(
        tmp_path,
        PROJECT,
        "    level: attention\n    when: {missions_min: 4}",
        "    level: alerte\n    when: {missions_min: 4}",
    )
    err = _error(path)
    assert err.field == "rules[0].level" and err.line == line and "alerte" in err.message


def test_grid_action_plan_errors(tmp_path):
    path, line = _broken_copy(tmp_path, GRID, "  threshold: 2\n", "  threshold: 7\n")
    err = _error(path)
    assert err.field == "action_plan.threshold" and err.line == line and "outside the scale 0..3" in err.message
    text = GRID.read_text(encoding="utf-8")
    start, end = text.index("action_plan:\n"), text.index("\nscale:")
    bare = tmp_path / "bare" / GRID.name
    bare.parent.mkdir()
    bare.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    err = _error(bare)
    assert err.field == "statements[0].levers" and "levers need an action_plan" in err.message


def _broken_table(tmp_path: Path, name: str, old: str, new: str) -> tuple[DataError, int]:
    root = tmp_path / "datasets"
    shutil.copytree(TOPIC, root / "territoires")
    path = root / "territoires" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    resource = next(r for r in load_package(root).values() if r.path.name == name)
    with pytest.raises(DataError) as err:
        read_resource(resource)
    return err.value, line


@pytest.mark.parametrize(
    "name,old,new,field,message",
    [
        ("instruments.csv", "fr-restriction,France,", "fr-restriction,Francia,", "country", "is not one of"),
        (
            "figures.csv",
            ",10000,personnes,2018,leicher2018",
            ",dix mille,personnes,2018,leicher2018",
            "value",
            "is not a valid number",
        ),
        ("figures.csv", "ght_nombre,acteurs,", "ght_nombre,hopital,", "topic", "is not one of"),
    ],
)
def test_table_errors_name_file_row_and_field(tmp_path, name, old, new, field, message):
    err, line = _broken_table(tmp_path, name, old, new)
    assert err.path.endswith(name) and err.field == field and err.line == line, str(err)
    assert message in err.message
