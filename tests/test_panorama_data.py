"""Data of the module « Panorama de l'exercice coordonné »: tables, exercises, quiz bank, with file/row/field errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from pacte.course.banks import bibliography_keys, load_bank
from pacte.course.checks import load_data_file
from pacte.course.data import load_package, load_table, read_resource
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir

PANO = datasets_dir() / "panorama"
ORDERING = PANO / "reformes.ordering_exercise.yaml"
SORTING = PANO / "structures.sorting_exercise.yaml"
SEEDS = yaml.safe_load((datasets_dir() / "sources" / "seeds.yaml").read_text(encoding="utf-8"))


def seed_text(ref: str) -> str:
    return (datasets_dir() / "sources" / SEEDS[ref]).read_text(encoding="utf-8")


def _check_locator(where: str, ref: str, locator: str) -> None:
    assert ref in SEEDS, f"{where}: source {ref} has no seed document"
    assert locator in seed_text(ref), f"{where}: locator not found in the seed of {ref}: {locator!r}"
    assert len(locator.split()) <= 12, f"{where}: a locator has at most 12 words"


@pytest.mark.parametrize("table", ["panorama_structure_counts", "panorama_figures"])
def test_every_row_has_a_source_and_a_locator_found_in_its_seed(table):
    frame = load_table(table)
    keys = bibliography_keys()
    for row in frame.itertuples():
        assert row.source in keys, row.id
        assert row.source_detail.strip(), row.id
        _check_locator(f"{table}:{row.id}", row.source, row.locator)
        if row.source == "coordination2025":
            assert "cité dans le document de juin 2025" in row.source_detail, row.id


def test_counts_keep_every_disagreement_between_sources():
    counts = load_table("panorama_structure_counts").set_index("id")
    msp = counts[(counts["structure"] == "MSP") & counts["year"].isin([2017, 2018])]
    assert {910, 964, 406, 1200, 1300} <= set(msp["value"].astype(int))
    assert len(set(msp["source"])) == 4  # four documents, four answers
    cds = counts[counts["structure"] == "CDS"]
    assert {1933, 350, 455, 1320} <= set(cds["value"].astype(int))
    assert counts.loc["msp_objectif", "kind"] == "objectif" and counts.loc["msp_objectif", "value"] == 4000
    assert counts.loc["msp_avecsante_2025", "value"] == 2800 and counts.loc["msp_aci_2025", "value"] == 2000
    assert counts.loc["cpts_2025", "value"] == 835
    for row in counts.itertuples():
        assert len(row.why) > 30, row.Index  # every figure says why it differs


def test_reader_text_uses_french_typography():
    for name in ("structure_counts.csv", "figures.csv"):
        frame = load_table("panorama_" + name.split(".")[0])
        for column in ("date_label", "measure", "why", "label", "source_detail"):
            if column not in frame.columns:
                continue
            for value in frame[column].dropna():
                assert "'" not in value, (name, value)
                assert not re.search(r" [:;?!%»]|« ", value), (name, value)


def test_table_error_names_file_line_and_field(tmp_path):
    root = tmp_path / "datasets"
    shutil.copytree(PANO, root / "panorama")
    csv = root / "panorama" / "structure_counts.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace(",MSP,", ",EHPAD,", 1)
    csv.write_text("".join(lines), encoding="utf-8")
    res = load_package(root)["panorama_structure_counts"]
    with pytest.raises(DataError) as exc:
        read_resource(res)
    assert exc.value.path == str(csv) and exc.value.line == 6 and exc.value.field == "structure"


def test_data_package_descriptor_is_frictionless_valid():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(PANO / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])


def test_ordering_exercise_is_valid_and_sourced():
    ex = load_data_file(ORDERING)
    assert len(ex["items"]) >= 12
    for item in ex["items"]:
        _check_locator(f"ordering:{item['id']}", item["source"]["ref"], item["source"]["locator"])
        assert item["marker"] and item["explanation"]
    by_id = {i["id"]: i for i in ex["items"]}
    assert by_id["aci-cpts"]["position"] == by_id["dac"]["position"]  # two steps of 2019: a tie
    assert "1983" in by_id["usb"]["note"] and "1970" in by_id["usb"]["note"]
    assert "2007" in by_id["enmr"]["note"]


def test_sorting_exercise_is_valid():
    ex = load_data_file(SORTING)
    assert len(ex["items"]) >= 6
    assert {c["id"] for c in ex["categories"]} == {"msp", "cds", "cpts", "dac", "regroupement"}


def _broken_copy(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, int]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(
    "old,new,field,message",
    [
        ("  - id: usb\n", "  - id: medecin-traitant\n", "items[3].id", "duplicate id 'medecin-traitant'"),
        ("    position: 16\n", "    position: 17\n", "items[2].position", "position 17 should be 16"),
        ("    position: 4\n", "    position: 4.5\n", "items[1].position", "not of type 'integer'"),
        ("    position: 4\n", "    rank: 4\n", "items[1]", "'position' is a required property"),
        (
            '{ref: bergeron2018, detail: "introduction", locator: "(LOI n° 2004-810 du 13"}',
            '{ref: bergeron2018, detail: "introduction", locator: "(LOI n° 2004-810 du 14"}',
            "items[1].source.locator",
            "locator not found",
        ),
        (
            '{ref: bergeron2018, detail: "introduction", locator: "(LOI n° 2004-810 du 13"}',
            '{ref: bergeron2099, detail: "introduction", locator: "(LOI n° 2004-810 du 13"}',
            "items[1].source.ref",
            "not a key of book/references.bib",
        ),
    ],
)
def test_ordering_errors_name_file_line_and_field(tmp_path, old, new, field, message):
    path, line = _broken_copy(tmp_path, ORDERING, old, new)
    with pytest.raises(DataError) as err:
        load_data_file(path)
    e = err.value
    assert e.path == str(path) and e.field == field and message in e.message, str(e)
    assert isinstance(e.line, int) and abs(e.line - line) <= 6, (e.line, line)
    assert re.match(rf"^{re.escape(str(path))}:\d+ \[", str(e))


def test_ordering_refuses_a_starting_order_that_is_already_the_answer(tmp_path):
    data = yaml.safe_load(ORDERING.read_text(encoding="utf-8"))
    data["items"].sort(key=lambda i: i["position"])
    path = tmp_path / ORDERING.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_data_file(path)
    assert "already in the expected order" in err.value.message and err.value.field == "items"


def test_quiz_bank_has_24_sourced_questions():
    bank = load_bank("panorama")
    assert len(bank["questions"]) >= 24
    for q in bank["questions"]:
        assert q["explanation"] and q["source"]["detail"]
        _check_locator(f"quiz:{q['id']}", q["source"]["ref"], q["source"]["locator"])
        assert all(c["feedback"] for c in q["choices"])
        assert any(c.get("correct") for c in q["choices"])
    parts = {q["id"].split("-")[0] for q in bank["questions"]}
    assert parts == {"structures", "chiffres", "histoire", "ailleurs", "effets"}
