"""Question banks: schema and semantic validation with precise errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pacte.course.banks import all_bank_files, bank_path, load_bank, load_bank_file
from pacte.course.errors import DataError

GOOD = bank_path("profils-coordination")


def write_bank(tmp_path: Path, text: str, name: str = "demo") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = """\
id: demo
title: Démo
questions:
  - id: q1
    type: single
    prompt: Question ?
    choices:
      - {id: a, text: A, correct: true, feedback: Oui.}
      - {id: b, text: B, feedback: Non.}
    explanation: Parce que.
    source: {ref: schweyer2025, detail: section}
    level: rappel
"""


def test_every_bank_of_the_course_is_valid():
    files = all_bank_files()
    assert files, "no question bank found"
    for path in files:
        bank = load_bank_file(path)
        for q in bank["questions"]:
            assert q["explanation"].strip() and q["source"]["detail"].strip()


def test_first_page_bank_has_at_least_six_questions_of_three_types():
    bank = load_bank("profils-coordination")
    assert len(bank["questions"]) >= 6
    assert {q["type"] for q in bank["questions"]} == {"single", "multiple", "numeric"}


def test_minimal_bank_loads(tmp_path):
    bank = load_bank_file(write_bank(tmp_path, BASE))
    assert bank["questions"][0]["id"] == "q1"


@pytest.mark.parametrize(
    "old,new,line,field,message",
    [
        ("    explanation: Parce que.\n", "", 4, "questions[0]", "'explanation' is a required property"),
        (
            "{id: b, text: B, feedback: Non.}",
            "{id: b, text: B}",
            9,
            "questions[0].choices[1]",
            "'feedback' is a required property",
        ),
        ("type: single", "type: essay", 5, "questions[0].type", "'essay' is not one of"),
        (
            "{ref: schweyer2025, detail: section}",
            "{ref: schweyer2025}",
            11,
            "questions[0].source",
            "'detail' is a required property",
        ),
        ("    prompt: Question ?\n", "    prompt: Question ?\n    hint: nope\n", 4, "questions[0]", "unexpected field"),
    ],
)
def test_schema_errors_name_line_and_field(tmp_path, old, new, line, field, message):
    path = write_bank(tmp_path, BASE.replace(old, new))
    with pytest.raises(DataError) as err:
        load_bank_file(path)
    assert err.value.field == field
    assert err.value.line == line
    assert message in err.value.message
    assert str(path) in str(err.value)


def test_single_choice_needs_exactly_one_correct(tmp_path):
    path = write_bank(
        tmp_path, BASE.replace("{id: b, text: B, feedback: Non.}", "{id: b, text: B, correct: true, feedback: Non.}")
    )
    with pytest.raises(DataError, match=r"exactly one correct choice, found 2") as err:
        load_bank_file(path)
    assert err.value.field == "questions[0].choices" and err.value.line == 7


def test_duplicate_ids_and_unknown_source(tmp_path):
    doubled = BASE + BASE.split("questions:\n", 1)[1]
    with pytest.raises(DataError, match="duplicate question id 'q1'") as err:
        load_bank_file(write_bank(tmp_path, doubled))
    assert err.value.line == 13 and err.value.field == "questions[1].id"
    with pytest.raises(DataError, match="'nobody2099' is not a key of book/references.bib"):
        load_bank_file(write_bank(tmp_path, BASE.replace("schweyer2025", "nobody2099")))


def test_numeric_answer_outside_bounds(tmp_path):
    numeric = """\
id: demo
title: Démo
questions:
  - id: n1
    type: numeric
    prompt: Combien ?
    answer: 150
    min: 0
    max: 100
    feedback: {correct: Oui, incorrect: Non}
    explanation: E.
    source: {ref: schweyer2025, detail: d}
    level: application
"""
    with pytest.raises(DataError, match=r"answer 150 is outside \[min, max\]") as err:
        load_bank_file(write_bank(tmp_path, numeric))
    assert err.value.line == 7


def test_yaml_syntax_error_and_wrong_file_name(tmp_path):
    with pytest.raises(DataError, match="invalid YAML") as err:
        load_bank_file(write_bank(tmp_path, BASE.replace("title: Démo", "title: [Démo")))
    assert err.value.line is not None
    with pytest.raises(DataError, match="must match the file name 'other'"):
        load_bank_file(write_bank(tmp_path, BASE, name="other"))


def test_loading_a_bad_bank_does_not_touch_the_file(tmp_path):
    text = BASE.replace("type: single", "type: essay")
    path = write_bank(tmp_path, text)
    with pytest.raises(DataError):
        load_bank_file(path)
    assert path.read_text(encoding="utf-8") == text
    assert yaml.safe_load(GOOD.read_text(encoding="utf-8"))["id"] == "profils-coordination"
