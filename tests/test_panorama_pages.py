"""Pages of the module « Panorama de l'exercice coordonné »: shape, place in the book, quizzes, typography, execution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pacte.course.banks import load_bank
from pacte.course.data import load_package, load_table

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "modules" / "panorama"
PAGES = sorted(MODULE.glob("*.md"))
CODE_CELL = re.compile(r"```\{code-cell\}.*?```", re.S)
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
ROLE = re.compile(r"\{[a-z]+\}`[^`]*`|`[^`]*`")


def prose(page: Path) -> str:
    text = FRONT.sub("", page.read_text(encoding="utf-8"))
    text = CODE_CELL.sub("", text)
    text = ROLE.sub("", text)
    return "\n".join(line for line in text.splitlines() if not line.startswith((":", "```", "(")))


def test_module_comes_first_in_the_book():
    toc = yaml.safe_load((ROOT / "book" / "_toc.yml").read_text(encoding="utf-8"))
    modules = next(part for part in toc["parts"] if part["caption"] == "Modules")
    assert modules["chapters"][0]["file"] == "modules/panorama/structures"


def test_every_question_of_the_bank_is_on_exactly_one_page():
    bank = {q["id"] for q in load_bank("panorama")["questions"]}
    used = []
    for page in PAGES:
        for call in re.findall(r'Quiz\.from_bank\("panorama", \[(.*?)\]', page.read_text(encoding="utf-8"), re.S):
            used += re.findall(r'"([a-z0-9-]+)"', call)
    assert sorted(used) == sorted(bank) and len(used) >= 24


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_french_typography_in_prose(page):
    text = prose(page)
    assert "'" not in text, [line for line in text.splitlines() if "'" in line][:3]
    bad = re.findall(r".{0,20}(?: [:;?!%»€]|« ).{0,10}", text)
    assert bad == [], bad[:5]
    numbers = re.findall(r"\b\d{1,3} \d{3}\b", text)
    assert numbers == [], numbers


def _dataset_numbers() -> set[float]:
    values: set[float] = set()
    for name in load_package():
        frame = load_table(name)
        for column in frame.columns:
            if str(frame[column].dtype) in ("Float64", "Int64"):
                values |= {float(v) for v in frame[column].dropna()}
    return values


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_counts_in_prose_come_from_the_datasets(page):
    values = _dataset_numbers()
    text = prose(page)
    text = re.sub(r"L\.\s?\d{4}-\d", "", text)  # articles of the code de la santé publique
    found = []
    for raw in re.findall(r"(?<![\d,])(\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d{3,6})(?![\d,])", text):
        value = float(re.sub(r"[\u00a0\u202f]", "", raw))
        if 1900 <= value <= 2030:  # a year
            continue
        if value not in values:
            found.append(raw)
    assert found == [], f"{page.name}: numbers not in datasets/: {found}"
