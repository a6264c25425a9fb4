"""``pacte export moodle``: every bank in GIFT, read back by the real GIFT parser (gift-pegjs, Node), and in Moodle XML."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from node_runner import node_binary

from pacte.cli import main
from pacte.course.citations import citation_labels
from pacte.course.prompts import module_titles
from pacte.course.typography import french_state
from pacte.export import gift, moodle
from pacte.export.gift import bank_gift, escape, general_feedback
from pacte.export.moodle import load_banks

PARSER = Path(__file__).resolve().parent / "vendor" / "pegjs-gift.js"
GIFT_STEM = {"numeric": "Numerical", "single": "MC", "multiple": "MC"}


def parse_gift(texts: list[str]) -> list:
    """Parse each GIFT text with gift-pegjs in one Node process."""
    script = (
        f"const gift = require({json.dumps(str(PARSER))});\n"
        "let input = '';\n"
        "process.stdin.on('data', (d) => (input += d));\n"
        "process.stdin.on('end', () => {\n"
        "  const out = JSON.parse(input).map((t) => { try { return gift.parse(t); }"
        " catch (e) { return { error: e.message, line: e.location && e.location.start.line }; } });\n"
        "  process.stdout.write(JSON.stringify(out));\n"
        "});\n"
    )
    proc = subprocess.run(
        [node_binary(), "-e", script], input=json.dumps(texts), capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def norm(text: str) -> str:
    """Ordinary spaces folded (GIFT has no line breaks); non-breaking spaces must survive."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("moodle")
    assert main(["export", "moodle", "--output", str(out)]) == 0
    return out


def check_round_trip(bank: dict, parsed: list, labels: dict[str, str]) -> None:
    """The parsed GIFT has the bank's category, questions, types, right answers and feedback."""
    bank = french_state(bank)
    assert not isinstance(parsed, dict), f"{bank['id']}: GIFT parse error {parsed}"
    assert parsed[0] == {"type": "Category", "title": gift.category_line(bank["title"])[len("$CATEGORY: ") :]}
    questions = parsed[1:]
    assert len(questions) == len(bank["questions"]), bank["id"]
    for q, p in zip(bank["questions"], questions, strict=True):
        where = f"{bank['id']}/{q['id']}"
        assert p["type"] == GIFT_STEM[q["type"]], where
        assert p["title"] == q["id"], where
        assert norm(p["globalFeedback"]["text"]) == norm(general_feedback(q, labels)), where
        assert labels[q["source"]["ref"]] in p["globalFeedback"]["text"], where
        if q["type"] == "numeric":
            first, *ranges = p["choices"]
            assert first["weight"] == 100 and first["text"] == {
                "type": "range",
                "number": q["answer"],
                "range": q.get("tolerance", 0),
            }, where
            assert norm(first["feedback"]["text"]) == norm(q["feedback"]["correct"]), where
            wanted = [q["feedback"].get(s) or q["feedback"]["incorrect"] for s in ("too_low", "too_high")]
            assert [norm(r["feedback"]["text"]) for r in ranges] == [norm(w) for w in wanted], where
            assert all(r["weight"] == 0 for r in ranges), where
            low, high = ranges
            assert (low["text"]["numberLow"], low["text"]["numberHigh"]) == (
                q["min"],
                q["answer"] - q.get("tolerance", 0),
            )
            assert (high["text"]["numberLow"], high["text"]["numberHigh"]) == (
                q["answer"] + q.get("tolerance", 0),
                q["max"],
            )
            continue
        assert [norm(c["text"]["text"]) for c in p["choices"]] == [norm(c["text"]) for c in q["choices"]], where
        assert [norm(c["feedback"]["text"]) for c in p["choices"]] == [norm(c["feedback"]) for c in q["choices"]], where
        if q["type"] == "single":
            assert [c["isCorrect"] for c in p["choices"]] == [bool(c.get("correct")) for c in q["choices"]], where
            assert all(c["weight"] is None for c in p["choices"]), where
        else:
            weights = [c["weight"] for c in p["choices"]]
            assert [w > 0 for w in weights] == [bool(c.get("correct")) for c in q["choices"]], where
            assert abs(sum(w for w in weights if w > 0) - 100) < 0.01, where
            assert abs(sum(weights)) < 0.01, f"{where}: ticking every choice must give 0"


def test_every_bank_round_trips_through_gift_pegjs(exported: Path) -> None:
    banks = load_banks()
    assert len(banks) >= 10
    files = [exported / f"{b['id']}.gift" for b in banks]
    assert all(f.exists() for f in files)
    parsed = parse_gift([f.read_text(encoding="utf-8") for f in files])
    labels = citation_labels()
    for bank, result in zip(banks, parsed, strict=True):
        check_round_trip(bank, result, labels)
    types = {q["type"] for b in banks for q in b["questions"]}
    assert types == {"single", "multiple", "numeric"}


def test_french_characters_are_kept_in_utf8(exported: Path) -> None:
    text = (exported / "financement.gift").read_text(encoding="utf-8")
    assert "’" in text and "é" in text and "\u00a0" in text
    assert "$CATEGORY: PACTE/" in text


SPECIAL = "Accolades {a}, égal = 2, tilde ~, dièse #1, deux-points : et barre \\ oblique ; « guillemets »"


def synthetic_bank() -> dict:
    src = {"ref": "schweyer2025", "detail": "section {x} : n° #2"}
    return {
        "id": "synthetique",
        "title": "Banque : spéciale {~=#}",
        "questions": [
            {
                "id": "s1",
                "type": "single",
                "prompt": SPECIAL + " ?",
                "explanation": "Pourquoi : " + SPECIAL,
                "source": src,
                "choices": [
                    {"id": "a", "text": "=juste {1}", "correct": True, "feedback": "Oui : ~bien #vu"},
                    {"id": "b", "text": "~faux \\n", "feedback": "Non : = pas {ça}"},
                ],
            },
            {
                "id": "m1",
                "type": "multiple",
                "prompt": "Lesquelles ? " + SPECIAL,
                "explanation": "Expl.",
                "source": src,
                "choices": [
                    {"id": "a", "text": "un : 1", "correct": True, "feedback": "oui #1"},
                    {"id": "b", "text": "deux = 2", "correct": True, "feedback": "oui ~2"},
                    {"id": "c", "text": "trois {3}", "correct": True, "feedback": "oui {3}"},
                    {"id": "d", "text": "quatre \\ 4", "feedback": "non \\"},
                    {"id": "e", "text": "cinq # 5", "feedback": "non :"},
                ],
            },
            {
                "id": "n1",
                "type": "numeric",
                "prompt": "Combien : {x} ?",
                "explanation": "Calcul = 1 + 1",
                "source": src,
                "answer": 2.5,
                "tolerance": 0.25,
                "min": -10,
                "max": 10,
                "unit": "€",
                "feedback": {"correct": "Oui : 2,5", "too_low": "Plus #haut", "incorrect": "Non ~"},
            },
        ],
    }


def test_special_characters_survive_the_round_trip() -> None:
    bank = synthetic_bank()
    labels = {"schweyer2025": "Schweyer, 2025"}
    result = bank_gift(bank, labels)
    assert not result.issues
    parsed = parse_gift([result.text])[0]
    check_round_trip(bank, parsed, labels)
    stem = parsed[1]["stem"]["text"]
    assert norm(stem) == norm(french_state(SPECIAL + " ?"))
    assert parsed[3]["stem"]["text"].endswith("(réponse en €)")


def test_escape() -> None:
    assert escape("a:b{c}d=e~f#g\\h") == "a\\:b\\{c\\}d\\=e\\~f\\#g\\\\h"
    assert escape("deux\nlignes") == "deux lignes"


def test_what_moodle_cannot_take_is_reported_not_degraded(tmp_path: Path, monkeypatch, capsys) -> None:
    bank = synthetic_bank()
    many = bank["questions"][1]
    many["choices"] += [{"id": f"x{i}", "text": f"faux {i}", "feedback": "non"} for i in range(9)]  # 11 wrong
    bank["questions"][2].pop("min")
    monkeypatch.setattr(moodle, "load_banks", lambda files=None: [bank])
    assert main(["export", "moodle", "--output", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "NON EXACT synthetique / m1" in err and "11\u00a0réponses fausses" in err
    assert "NON EXACT synthetique / n1" in err and "trop basses" in err
    assert (tmp_path / "synthetique.gift").exists()


def test_moodle_xml_carries_order_units_and_ids(exported: Path) -> None:
    for bank in load_banks():
        root = ET.parse(exported / f"{bank['id']}.xml").getroot()
        questions = [q for q in root.findall("question") if q.get("type") != "category"]
        assert root.findall("question")[0].get("type") == "category"
        by_id = {x.findtext("idnumber"): x for x in questions}
        assert len(questions) == len(by_id) == len(bank["questions"])
        for q in bank["questions"]:
            x = by_id[f"{bank['id']}/{q['id']}"]
            assert x.findtext("generalfeedback/text")
            if q["type"] == "numeric":
                assert x.get("type") == "numerical"
                assert float(x.find("answer").findtext("text")) == q["answer"]
                if q.get("unit"):
                    assert x.findtext("units/unit/unit_name") == q["unit"]
            else:
                assert x.findtext("shuffleanswers") == "0"
                assert x.findtext("single") == ("true" if q["type"] == "single" else "false")
                answers = x.findall("answer")
                assert [a.findtext("text") for a in answers] == [norm(french_state(c)["text"]) for c in q["choices"]]


def _categories(path: Path) -> dict[str, str]:
    """idnumber → the category the question is imported into (the last category element before it)."""
    out, current = {}, ""
    for x in ET.parse(path).getroot().findall("question"):
        if x.get("type") == "category":
            current = x.findtext("category/text")
        else:
            out[x.findtext("idnumber")] = current
    return out


def test_moodle_xml_categories_follow_module_and_page(exported: Path) -> None:
    """Each question lands in « PACTE / <module> / <page> », the page of the course that shows it."""
    cats = _categories(exported / "metier.xml")
    expected = "$course$/top/PACTE/" + module_titles()["metier"] + "/Comment la fonction de coordination est née"
    assert cats["metier/naissance-fondateur"] == expected
    assert cats["metier/pro-rncp"].startswith("$course$/top/PACTE/" + module_titles()["metier"] + "/")
    assert cats["metier/pro-rncp"] != expected
    for bank in load_banks():
        assert all(c.count("/") >= 4 for c in _categories(exported / f"{bank['id']}.xml").values()), bank["id"]


def test_moodle_xml_units_are_typed_and_optional_as_moodle_grades_them(exported: Path) -> None:
    """Moodle's qtype_numerical refuses any answer carrying a unit unless ``showunits`` is UNITINPUT (0):
    with UNITNONE (3) « 14000 € » and « 20 personnes » are « not a valid number ». With ``unitgradingtype`` 0
    the unit is optional, and with multiplier 1 « 14 000 € » is graded as 14000."""
    seen = 0
    for bank in load_banks():
        root = ET.parse(exported / f"{bank['id']}.xml").getroot()
        for x in root.findall("question[@type='numerical']"):
            if x.find("units") is None:
                continue
            seen += 1
            assert x.findtext("showunits") == "0"
            assert x.findtext("unitgradingtype") == "0"
            assert x.findtext("unitsleft") == "0"
            assert [float(m.text) for m in x.findall("units/unit/multiplier")] == [1.0]
    assert seen == 3
