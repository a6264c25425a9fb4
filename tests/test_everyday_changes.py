"""CONTRIBUTING's cheapest everyday changes, done in a copy of the course and built with ``pacte build``.

Each change is written as an author would (a question added to a bank; a page with a chart on a new CSV),
the files it touched are counted against CONTRIBUTING's « Everyday changes », then ``pacte check`` and a
``pacte build`` of the new page (a table of contents of its own: the home and that page) must pass.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_page_shape import shape_errors

from pacte.course.toc import toc_files

pytestmark = pytest.mark.slow

# What `pacte check` and `pacte build` read of a course (the code is this checkout's, on PYTHONPATH).
COPIED = ("_config.yml", "book", "datasets", "modules", "widgets/static/favicon.svg")
BANK = "dimensions-ressources"  # shown whole by its page: a new question needs no page edit
TOPIC, TABLE, PAGE = "panorama", "exercice_en_groupe", "exercice-en-groupe"
NEW_QUESTION = """\
  - id: transferables
    type: single
    level: rappel
    prompt: "Une équipe peut-elle reprendre telles quelles les ressources spécifiques d’une autre équipe\u202f?"
    choices:
      - {id: non, text: "Non, elles sont propres à chaque organisation.", correct: true, feedback: "Oui\u00a0: elles ne se transfèrent pas."}
      - {id: oui, text: "Oui, comme un logiciel.", feedback: "Non\u00a0: ce sont les ressources génériques qui s’achètent ou se copient."}
    explanation: "Les ressources spécifiques se construisent dans l’activité de chaque équipe\u00a0: elles ne se transfèrent pas."
    source: {ref: peyron_buttard2018, detail: "ressources génériques et spécifiques", locator: "des ressources propres à chaque organisation, non transférables. Elles sont"}
"""
CHART_CELL = f"""```{{code-cell}} ipython3
:tags: [remove-input]

import altair as alt
from widgets import chart, load_table

chart(
    alt.Chart(load_table("{TOPIC}_{TABLE}"))
    .mark_bar()
    .encode(x=alt.X("value:Q", title="Part des médecins généralistes (%)"), y=alt.Y("label:N", title=None)),
    title="Médecins généralistes exerçant à plusieurs",
    description="Deux barres horizontales\u00a0: la part des médecins généralistes en groupe, puis en structure pluriprofessionnelle.",
    source="Schweyer, 2025",
)
```
"""


def _snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def _touched(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def _documented(change: str) -> tuple[int, list[str]]:
    """(number of files, path patterns) CONTRIBUTING gives for the everyday change titled ``change``."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    found = re.search(rf"^\*\*{re.escape(change)}\*\* — (\d+) files?\b(.*?)(?=^\*\*|^## )", text, re.M | re.S)
    assert found, f"CONTRIBUTING has no everyday change « {change} — N files »"
    path = r"`((?:datasets|modules|book|widgets|pacte|tests)/[^`]*)`"
    items = re.findall(rf"^\d+\. [^`]*{path}", found[2], re.M)  # a numbered list: the first path of each item
    return int(found[1]), items or re.findall(path, found[2])


def _matches(name: str, pattern: str) -> bool:
    parts = re.split(r"(<[^>]+>)", pattern)
    return re.fullmatch("".join("[^/]+" if p.startswith("<") else re.escape(p) for p in parts), name) is not None


def _check_count(change: str, touched: list[str]) -> None:
    count, patterns = _documented(change)
    assert len(touched) == count, f"« {change} »: CONTRIBUTING says {count} files, the change touched {touched}"
    for name in touched:
        assert any(_matches(name, p) for p in patterns), f"« {change} »: {name} is not in CONTRIBUTING's {patterns}"
    for pattern in patterns:
        assert any(_matches(name, pattern) for name in touched), f"« {change} »: nothing touched {pattern}"


def _add_question(course: Path) -> None:
    bank = course / "datasets" / "quiz" / f"{BANK}.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_QUESTION, encoding="utf-8")


def _add_chart_page(course: Path) -> None:
    folder = course / "datasets" / TOPIC
    rows = [r for r in csv.DictReader((folder / "figures.csv").open(encoding="utf-8")) if r["id"].startswith("mg_")]
    assert len(rows) >= 2  # two figures of a seed, with their exact locators
    columns = ["id", "label", "value", "source", "source_detail", "locator"]
    with (folder / f"{TABLE}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    required = {"required": True}
    package["resources"].append(
        {
            "name": f"{TOPIC}_{TABLE}",
            "title": "Médecins généralistes exerçant en groupe",
            "path": f"{TABLE}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [
                    {"name": "id", "type": "string", "constraints": {"unique": True, "required": True}},
                    {"name": "label", "type": "string", "constraints": required},
                    {"name": "value", "type": "number", "constraints": {"minimum": 0, "required": True}},
                    *({"name": n, "type": "string", "constraints": required} for n in columns[3:]),
                ],
                "primaryKey": ["id"],
            },
        }
    )
    (folder / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    page = (course / "book" / "_templates" / "page.md").read_text(encoding="utf-8")
    page = page.replace("(module-page-label)=\n# Titre de la page, en français", f"({PAGE})=\n# L’exercice en groupe")
    page = re.sub(r"la page \{ref\}`label-d-une-autre-page`, ou «\W*aucun\W*»", "aucun", page)
    page = page.replace("{cite}`cle-bibtex`", "{cite}`ehesp_pacte`")  # a seed is cited with {cite-passage}
    activity = re.search(
        r"```\{code-cell\} ipython3\n:tags: \[remove-input\]\n\nfrom widgets import Sorting.*?```\n", page, re.S
    )
    quiz = re.search(r'Quiz\.from_bank\("id-de-la-banque".*?\)', page)
    assert activity and quiz, "the page template changed: update this test"
    page = page.replace(activity[0], CHART_CELL).replace(quiz[0], f'Quiz.from_bank("{BANK}")')
    assert shape_errors(page) == []
    (course / "modules" / TOPIC / f"{PAGE}.md").write_text(page, encoding="utf-8")


def _pacte(course: Path, tmp_path: Path, *args: str, toc: Path | None = None) -> str:
    env = {**os.environ, "PACTE_ROOT": str(course), "PACTE_OUTPUT": str(tmp_path / "out"), "PYTHONPATH": str(ROOT)}
    env.pop("PACTE_TOC", None)
    if toc:
        env["PACTE_TOC"] = str(toc)
    proc = subprocess.run(
        [sys.executable, "-m", "pacte.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-3000:]
    return out


def test_a_question_and_a_chart_page_touch_the_files_contributing_lists_and_build(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    for name in COPIED:
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, course / name)
    start = _snapshot(course)
    _add_question(course)
    after_question = _snapshot(course)
    _check_count("Add a quiz question", _touched(start, after_question))
    _add_chart_page(course)
    _check_count("Add a page with a chart on a new CSV", _touched(after_question, _snapshot(course)))

    docs = toc_files(course)  # the book's own table of contents, unchanged: the page joined its module's chapter
    assert f"modules/{TOPIC}/{PAGE}" in docs and "modules/dimensions/ressources-et-territoire" in docs
    _pacte(course, tmp_path, "check")
    toc = tmp_path / "_toc.yml"
    # Only the new page (and the bibliography its citation needs): a strict build, without the home's many links.
    toc.write_text(
        f"format: jb-book\nroot: modules/{TOPIC}/{PAGE}\nchapters:\n  - file: book/bibliographie\n", encoding="utf-8"
    )
    _pacte(course, tmp_path, "build", "--quiet", toc=toc)
    html = (tmp_path / "out" / "_build" / "html" / "modules" / TOPIC / f"{PAGE}.html").read_text(encoding="utf-8")
    assert 'data-pacte-module="chart"' in html and "Médecins généralistes exerçant à plusieurs" in html
    assert "Médecins généralistes exerçant en groupe" in html  # a row of the new CSV, in the chart's data
    assert "reprendre telles quelles les ressources spécifiques" in html  # the new question
