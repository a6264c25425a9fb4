"""Every question a learner answers, wherever it is written, as one list.

Questions live in quiz banks (``datasets/quiz/*.yaml``, one per question), in
sorting exercises (one per item to classify), in ordering exercises (the whole
list to order is one question) and in branching cases (one per situation where
the learner chooses). The level rule (:mod:`pacte.course.levels`) and the
duplicate rule (:mod:`pacte.course.questions`) both read this list.

The module of a question is the folder of the module pages that use its bank
(``modules/<module>/…``, ``Quiz.from_bank("<bank>"…)``), else the prefix of the
bank id; for an exercise or a case, its data folder ``datasets/<module>/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.paths import course_root

LEVELS = ("rappel", "compréhension", "application")
"""The levels a question declares: recall a fact, understand (explain, relate, interpret), apply to a situation."""

_FROM_BANK = re.compile(r"""from_bank\(\s*["']([a-z0-9_-]+)["']""")


@dataclass(frozen=True)
class QuestionItem:
    """One question: where it is written, its module and level, and the texts that say what it tests."""

    path: Path
    line: int | None
    qid: str
    kind: str  # "quiz", "tri", "ordre" or "cas"
    owner: str  # bank id, or exercise / case id
    module: str
    level: str | None
    prompt: str
    answers: tuple[str, ...]
    explanation: str

    @property
    def where(self) -> str:
        """``file:line`` of the question."""
        return f"{self.path.name}:{self.line}" if self.line else self.path.name


def bank_modules(root: Path | None = None) -> dict[str, str]:
    """Bank id → module folder of the first module page (sorted) that shows it."""
    root = root or course_root()
    out: dict[str, str] = {}
    for page in sorted((root / "modules").glob("*/*.md")):
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for bank_id in _FROM_BANK.findall(text):
            out.setdefault(bank_id, page.parent.name)
    return out


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _bank_items(path: Path, data: dict, lines, module: str) -> list[QuestionItem]:
    items = []
    for i, q in enumerate(data.get("questions") or []):
        if not isinstance(q, dict) or "id" not in q:
            continue
        answers = [_text(c.get("text")) for c in q.get("choices") or [] if isinstance(c, dict) and c.get("correct")]
        if "answer" in q:
            answers.append(f"{q['answer']} {_text(q.get('unit'))}".strip())
        items.append(
            QuestionItem(
                path, lines.line_of(("questions", i)), str(q["id"]), "quiz", str(data.get("id", path.stem)),
                module, q.get("level"), _text(q.get("prompt")), tuple(answers), _text(q.get("explanation")),
            )
        )  # fmt: skip
    return items


def _sorting_items(path: Path, data: dict, lines, module: str) -> list[QuestionItem]:
    labels = {c.get("id"): _text(c.get("label")) for c in data.get("categories") or [] if isinstance(c, dict)}
    items = []
    for i, item in enumerate(data.get("items") or []):
        if not isinstance(item, dict) or "id" not in item:
            continue
        items.append(
            QuestionItem(
                path, lines.line_of(("items", i)), str(item["id"]), "tri", str(data.get("id", path.stem)), module,
                item.get("level"), _text(item.get("text")), (labels.get(item.get("expected"), ""),),
                _text(item.get("explanation")),
            )
        )  # fmt: skip
    return items


def _ordering_items(path: Path, data: dict, lines, module: str) -> list[QuestionItem]:
    entries = [e for e in data.get("items") or [] if isinstance(e, dict)]
    ordered = sorted(entries, key=lambda e: e.get("position", 0) if isinstance(e.get("position"), int) else 0)
    return [
        QuestionItem(
            path, lines.line_of(("id",)), str(data.get("id", path.stem)), "ordre", str(data.get("id", path.stem)),
            module, data.get("level"), _text(data.get("instructions")),
            tuple(_text(e.get("label")) for e in ordered), _text(data.get("conclusion")),
        )
    ]  # fmt: skip


def _case_items(path: Path, data: dict, lines, module: str) -> list[QuestionItem]:
    items = []
    for i, node in enumerate(data.get("nodes") or []):
        if not isinstance(node, dict) or node.get("kind") != "situation" or "id" not in node:
            continue
        prompt = f"{_text(node.get('title'))} {_text(node.get('text'))}"
        items.append(
            QuestionItem(
                path, lines.line_of(("nodes", i)), str(node["id"]), "cas", str(data.get("id", path.stem)), module,
                node.get("level"), prompt, (), "",
            )
        )  # fmt: skip
    return items


_READERS = {
    "question_bank": _bank_items,
    "sorting_exercise": _sorting_items,
    "ordering_exercise": _ordering_items,
    "case_graph": _case_items,
}


def question_items(root: Path | None = None) -> list[QuestionItem]:
    """Every question of the course (banks, sorting and ordering exercises, branching cases), in file order.

    A file that does not load is skipped here: the data checks of ``pacte check`` report it.
    """
    from pacte.course.checks import all_data_files, schema_of
    from pacte.course.locators import load_yaml_lines_fast

    modules = bank_modules(root)
    items: list[QuestionItem] = []
    for path in all_data_files():
        schema = schema_of(path)
        reader = _READERS.get(schema or "")
        if reader is None:
            continue
        try:
            data, lines = load_yaml_lines_fast(path)
        except (DataError, UnicodeDecodeError, ValueError):
            continue  # an unreadable file: the schema checks report it with its line
        if not isinstance(data, dict):
            continue
        if schema == "question_bank":
            bank_id = str(data.get("id", path.stem))
            module = modules.get(bank_id, bank_id.split("-")[0])
        else:
            module = path.parent.name
        try:
            items.extend(reader(path, data, lines, module))
        except (KeyError, TypeError, AttributeError, ValueError):
            continue  # a file its schema refuses (reported by the schema checks with file, line and field)
    return items
