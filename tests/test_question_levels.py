"""Question levels: every question declares one, and no module has more than 20 % recall questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from pacte.course.checks import load_data_file
from pacte.course.errors import DataError
from pacte.course.inventory import format_inventory
from pacte.course.levels import MAX_RECALL, check_levels, format_levels, level_shares
from pacte.course.question_items import LEVELS, question_items
from pacte.course.questions import check_duplicates


def _question(qid: str, level: str, prompt: str) -> str:
    return (
        f'  - id: {qid}\n    type: single\n    level: {level}\n    prompt: "{prompt}"\n'
        '    choices:\n      - {id: a, text: "Oui", correct: true, feedback: "Oui."}\n'
        '      - {id: b, text: "Non", feedback: "Non."}\n'
        f'    explanation: "Parce que {qid}."\n    source: {{ref: schweyer2025, detail: "page"}}\n'
    )


def _course(tmp_path: Path, monkeypatch, levels: list[str]) -> Path:
    """A tiny course: one bank `demo` shown by a page of module `essai`, one question per level given."""
    quiz = tmp_path / "datasets" / "quiz"
    quiz.mkdir(parents=True)
    words = ["chats", "fleuves", "montagnes", "planètes", "rivières", "forêts", "nuages", "volcans", "déserts"]
    body = "".join(_question(f"q{i}", lv, f"Question sur les {words[i]} ?") for i, lv in enumerate(levels))
    (quiz / "demo.yaml").write_text(f"id: demo\ntitle: Démo\nquestions:\n{body}", encoding="utf-8")
    page = tmp_path / "modules" / "essai" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text('Quiz.from_bank("demo")\n', encoding="utf-8")
    monkeypatch.setenv("PACTE_ROOT", str(tmp_path))
    return quiz / "demo.yaml"


def test_a_module_above_the_recall_limit_is_refused_with_its_share_and_file(tmp_path, monkeypatch):
    path = _course(tmp_path, monkeypatch, ["application", "rappel", "compréhension", "rappel", "application"])
    errors = check_levels(tmp_path)
    assert len(errors) == 1
    err = errors[0]
    assert Path(err.path) == path and err.line == 13 and err.field == "level"  # the first recall question, q1
    assert "module 'essai'" in err.message and "2/5" in err.message and "40%" in err.message
    assert "q1, q3" in err.message


def test_a_module_at_the_limit_passes_and_the_report_gives_each_share(tmp_path, monkeypatch):
    _course(tmp_path, monkeypatch, ["rappel", "application", "compréhension", "application", "application"])
    assert check_levels(tmp_path) == []
    shares = level_shares(tmp_path)
    assert shares == [{"module": "essai", "questions": 5, "rappel": 1, "compréhension": 1, "application": 3}]
    report = "\n".join(format_levels(shares))
    assert "essai\u00a0: 5 questions — rappel 20\u00a0%, compréhension 20\u00a0%, application 60\u00a0%" in report


def test_a_bank_question_without_a_level_is_a_schema_error(tmp_path, monkeypatch):
    path = _course(tmp_path, monkeypatch, ["application"])
    monkeypatch.delenv("PACTE_ROOT")  # the schema is the course's
    path.write_text(path.read_text(encoding="utf-8").replace("    level: application\n", ""), encoding="utf-8")
    with pytest.raises(DataError, match="'level' is a required property") as err:
        load_data_file(path)
    assert err.value.field == "questions[0]"
    path.write_text(path.read_text(encoding="utf-8").replace("type: single\n", "type: single\n    level: facile\n"))
    with pytest.raises(DataError, match="'facile' is not one of"):
        load_data_file(path)


def test_a_sorting_item_near_duplicate_of_a_bank_question_names_both_files_and_ids(tmp_path, monkeypatch):
    _course(tmp_path, monkeypatch, ["application"])
    topic = tmp_path / "datasets" / "essai"
    topic.mkdir()
    (topic / "tri.sorting_exercise.yaml").write_text(
        "id: tri\ntitle: Tri\ninstructions: Classez.\ncategories:\n  - {id: a, label: Oui}\n  - {id: b, label: Non}\n"
        'items:\n  - id: chats-bis\n    level: application\n    text: "Une question sur les chats, vraiment"\n    expected: a\n'
        '    explanation: "Parce que q0."\n    source: {ref: schweyer2025, detail: "page"}\n',
        encoding="utf-8",
    )
    errors = check_duplicates(tmp_path)
    assert len(errors) == 1
    message = errors[0].message
    assert Path(errors[0].path).name == "demo.yaml" and errors[0].line == 4 and errors[0].field == "prompt"
    assert "question 'q0' of bank 'demo' (demo.yaml:4) is a near-duplicate" in message
    assert "question 'chats-bis' of sorting exercise 'tri' (tri.sorting_exercise.yaml:8)" in message


def test_the_course_declares_a_level_everywhere_and_keeps_recall_under_the_limit():
    items = question_items()
    kinds = {item.kind for item in items}
    assert kinds == {"quiz", "tri", "ordre", "cas"}
    assert all(item.level in LEVELS for item in items), [i.qid for i in items if i.level not in LEVELS]
    assert check_levels() == []
    for share in level_shares():
        assert share["rappel"] <= MAX_RECALL * share["questions"], share


def test_pacte_check_prints_the_share_of_each_level_per_module():
    shares = level_shares()
    text = format_inventory(
        {"pages": [], "datasets": [], "data_files": [], "unused_banks": [], "levels": shares, "totals": {
            "pages": 0, "banks": 0, "questions": 0, "datasets": 0, "rows": 0}}
    )  # fmt: skip
    modules = {path.parent.name for path in (Path(__file__).resolve().parents[1] / "modules").glob("*/*.md")}
    assert {s["module"] for s in shares} <= modules
    for share in shares:
        assert f"  {share['module']}\u00a0: {share['questions']} questions — rappel" in text
