"""Moodle's own question importers on ``pacte export moodle`` (issue 27).

Moodle's ``question/format/gift/format.php`` and ``question/format/xml/format.php`` (with
``question/format.php``, ``lib/xmlize.php`` and the numerical question type) read every exported bank
under PHP, through tests/moodle_php/harness.php. Moodle's code is GPL and is not committed here: it is
loaded from the Moodle source tree named by ``PACTE_MOODLE_SRC`` (a checkout of the public moodle/moodle
repository), as tests/lms_stand_in.py does for Moodle's SCORM runtime. Without that variable this module
has no Moodle variant, so it collects no test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pacte.cli import main
from pacte.course.citations import citation_labels
from pacte.course.typography import french_state
from pacte.export.gift import choice_weights, fold, general_feedback, number, numeric_answers
from pacte.export.moodle import load_banks
from pacte.export.moodle_xml import category_path

HARNESS = Path(__file__).resolve().parent / "moodle_php" / "harness.php"
#: What the importers need under PACTE_MOODLE_SRC (the numerical question's answer processor is read
#: from question/type/numerical/questiontype.php, see tests/moodle_php/answer_processor.php).
MOODLE_FILES = (
    "question/format.php",
    "question/format/gift/format.php",
    "question/format/xml/format.php",
    "lib/xmlize.php",
    "question/type/numerical/question.php",
)
QTYPE = {"single": "multichoice", "multiple": "multichoice", "numeric": "numerical"}


def moodle_tree() -> Path | None:
    """The Moodle source tree named by ``PACTE_MOODLE_SRC``, if that variable is set."""
    root = os.environ.get("PACTE_MOODLE_SRC")
    if not root:
        return None
    missing = [f for f in MOODLE_FILES if not (Path(root) / f).exists()]
    if missing:
        raise FileNotFoundError(f"PACTE_MOODLE_SRC={root} has no {', '.join(missing)}")
    return Path(root)


def importers() -> list[str]:
    """The Moodle importers the exports go through: GIFT and Moodle XML, only with a Moodle tree."""
    return ["gift", "xml"] if moodle_tree() else []


def norm(text: str) -> str:
    """Ordinary spaces folded; non-breaking spaces must survive."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


def responses(question: dict, lang: str) -> list[str]:
    """What a learner types for the right value: bare, with thousands spaced, and with the unit if any."""
    value = float(question["answer"])
    bare = number(value)
    spaced = f"{int(value):,}".replace(",", " ") if value == int(value) else bare
    if lang == "fr":
        bare, spaced = bare.replace(".", ","), spaced.replace(".", ",")
    unit = question.get("unit")
    typed = [bare, spaced] + ([f"{bare} {unit}", f"{spaced} {unit}"] if unit else [])
    return list(dict.fromkeys(typed))


def run_harness(fmt: str, path: Path, answers: Path, lang: str) -> dict:
    """Moodle's importer ``fmt`` on one exported file, as the harness reports it."""
    php = shutil.which("php")
    assert php, "PHP CLI is needed to run Moodle's importers"
    env = {**os.environ, "PACTE_MOODLE_SRC": str(moodle_tree()), "PACTE_MOODLE_LANG": lang}
    proc = subprocess.run(
        [php, str(HARNESS), fmt, str(path), str(answers)], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def banks() -> list[dict]:
    """Every question bank of the course, in the typographic state the export writes."""
    return [french_state(b) for b in load_banks()]


@pytest.fixture(scope="module")
def exported(tmp_path_factory, banks: list[dict]) -> Path:
    """``pacte export moodle`` into a temporary folder, with the numerical responses to grade per language."""
    out = tmp_path_factory.mktemp("moodle-import")
    assert main(["export", "moodle", "--output", str(out)]) == 0
    for lang in ("fr", "en"):
        wanted = {q["id"]: responses(q, lang) for b in banks for q in b["questions"] if q["type"] == "numeric"}
        (out / f"responses-{lang}.json").write_text(json.dumps(wanted, ensure_ascii=False), encoding="utf-8")
    return out


_RESULTS: dict[tuple[str, str, str], dict] = {}


def imported(exported: Path, fmt: str, bank_id: str, lang: str = "fr") -> dict:
    """What Moodle's importer ``fmt`` reads from one bank (each file is run once per language)."""
    key = (fmt, bank_id, lang)
    if key not in _RESULTS:
        _RESULTS[key] = run_harness(fmt, exported / f"{bank_id}.{fmt}", exported / f"responses-{lang}.json", lang)
    return _RESULTS[key]


def expected_answers(question: dict) -> list[tuple[str | float, float, str, float | None]]:
    """(answer, fraction, feedback, tolerance) as our export means them, in the bank's order."""
    if question["type"] == "numeric":
        out = []
        for a in numeric_answers(question)[0]:
            if a.value is not None:
                value, tol = a.value, a.tolerance
            else:
                value, tol = ((a.low or 0.0) + (a.high or 0.0)) / 2, ((a.high or 0.0) - (a.low or 0.0)) / 2
            out.append((value, a.fraction / 100, norm(fold(a.feedback)), tol))
        return out
    if question["type"] == "single":
        weights = {c["id"]: 100.0 if c.get("correct") else 0.0 for c in question["choices"]}
    else:
        weights = choice_weights(question)[0]
    return [
        (norm(fold(c["text"])), weights[c["id"]] / 100, norm(fold(c["feedback"])), None) for c in question["choices"]
    ]


@pytest.fixture(scope="module", params=importers())
def fmt(request) -> str:
    """The Moodle importer under test: ``gift`` or ``xml``."""
    return request.param


class TestMoodleImporters:
    """Every bank through Moodle's GIFT and Moodle XML importers (present only with ``PACTE_MOODLE_SRC``)."""

    __test__ = bool(importers())

    def test_every_question_imports_without_error(self, exported: Path, banks: list[dict], fmt: str) -> None:
        """No parse error, no refused grade, and as many questions as the bank, of the right types and ids."""
        for bank in banks:
            result = imported(exported, fmt, bank["id"])
            assert result["importerrors"] == 0 and not result["printed"].strip(), (bank["id"], result["printed"])
            assert result["debugging"] == [], bank["id"]
            assert result["invalidgrades"] == [], (bank["id"], result["invalidgrades"])
            got = {q["name"]: q for q in result["questions"]}
            assert len(result["questions"]) == len(got) == len(bank["questions"]), bank["id"]
            assert set(got) == {q["id"] for q in bank["questions"]}, bank["id"]
            for q in bank["questions"]:
                assert got[q["id"]]["qtype"] == QTYPE[q["type"]], (bank["id"], q["id"])
                assert got[q["id"]]["idnumber"] == (f"{bank['id']}/{q['id']}" if fmt == "xml" else None)

    def test_fractions_and_feedback_are_intact(self, exported: Path, banks: list[dict], fmt: str) -> None:
        """Each answer keeps its text (or value and tolerance), its fraction and its feedback."""
        labels = citation_labels()
        for bank in banks:
            by_name = {q["name"]: q for q in imported(exported, fmt, bank["id"])["questions"]}
            for q in bank["questions"]:
                got = by_name[q["id"]]
                where = f"{fmt} {bank['id']}/{q['id']}"
                assert norm(got["generalfeedback"]) == norm(general_feedback(q, labels)), where
                assert norm(q["prompt"][:40]) in norm(got["questiontext"]), where
                wanted = expected_answers(q)
                assert len(got["answers"]) == len(wanted), where
                for a, (text, fraction, feedback, tol) in zip(got["answers"], wanted, strict=True):
                    assert abs(a["fraction"] - fraction) < 1e-6, where
                    assert norm(a["feedback"]) == feedback, where
                    if q["type"] == "numeric":
                        assert abs(float(a["text"]) - text) < 1e-9 and abs(a["tolerance"] - tol) < 1e-9, where
                    else:
                        assert norm(a["text"]) == text, where
                if q["type"] == "multiple":
                    assert abs(sum(a["fraction"] for a in got["answers"])) < 1e-4, f"{where}: ticking all gives 0"
                if fmt == "xml" and q["type"] != "numeric":
                    assert (got["single"], got["shuffleanswers"], got["answernumbering"]) == (
                        int(q["type"] == "single"),
                        0,
                        "none",
                    ), where

    def test_categories_follow_module_and_page(self, exported: Path, banks: list[dict], fmt: str) -> None:
        """Moodle files each question under « PACTE / module / page » (XML) or « PACTE / bank » (GIFT)."""
        for bank in banks:
            got = imported(exported, fmt, bank["id"])["questions"]
            if fmt == "gift":
                assert all(q["category_names"] == ["PACTE", fold(bank["title"])] for q in got), bank["id"]
                continue
            declared = {}
            current = ""
            for x in ET.parse(exported / f"{bank['id']}.xml").getroot().findall("question"):
                if x.get("type") == "category":
                    current = x.findtext("category/text")
                else:
                    declared[x.findtext("idnumber")] = current
            for q in got:
                assert q["category"] == declared[q["idnumber"]], q["idnumber"]
                path = [fold(p) for p in category_path(bank, q["name"])]
                assert q["category_names"] == ["$course$", "top", *path], q["idnumber"]
                assert len(path) == 3, f"{q['idnumber']}: PACTE / module / page"

    @pytest.mark.parametrize("lang", ["fr", "en"])
    def test_numerical_grading_takes_the_unit(self, exported: Path, banks: list[dict], fmt: str, lang: str) -> None:
        """Moodle's qtype_numerical grades the right value right, bare or with spaced thousands; from Moodle
        XML also with its unit (« 14000 € », « 14 000 € »). GIFT has no unit field: Moodle then refuses any
        answer carrying a unit (not a valid number)."""
        graded = 0
        for bank in banks:
            numeric = {q["id"]: q for q in bank["questions"] if q["type"] == "numeric"}
            for got in imported(exported, fmt, bank["id"], lang)["questions"]:
                q = numeric.get(got["name"])
                if q is None:
                    continue
                unit = q.get("unit")
                wants_unit = fmt == "xml" and bool(unit)
                assert got["units"] == ({unit: 1} if wants_unit else []), got["name"]
                assert got["showunits"] == (0 if wants_unit else 3), got["name"]
                for g in got["grading"]:
                    has_unit = bool(unit) and g["response"].endswith(f" {unit}")
                    where = f"{fmt}/{lang} {got['name']} « {g['response']} »"
                    if has_unit and not wants_unit:
                        assert not g["complete"] and "invalidnumbernounit" in g["validation_error"], where
                        continue
                    assert g["complete"] and g["validation_error"] == "", where
                    assert g["state"] == "gradedright" and g["fraction"] == 1.0, where
                    graded += 1
        assert graded >= 3
        if fmt == "xml":
            aci = imported(exported, "xml", "financement", lang)["questions"]
            point = next(q for q in aci if q["name"] == "aci-point")
            states = {g["response"]: g["state"] for g in point["grading"]}
            assert states["14000 €"] == states["14 000 €"] == states["14000"] == "gradedright"
