"""The live answer is defined once per language; both agree with the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from node_runner import call_js

from pacte.live.protocol import (
    JOIN_CODE_ALPHABET,
    KINDS,
    ProtocolError,
    new_join_code,
    normalize_join_code,
    parse_answer,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "datasets" / "schemas" / "live_answer.schema.json").read_text(encoding="utf-8"))
ENVELOPE = {"code": "ABCDEFGH", "participant": "p-12345678"}

CASES = [
    ("quiz:financement", "acte-transfert", "perd"),
    ("quiz:financement", "acte-trois-niveaux", ["patient", "population"]),
    ("quiz:financement", "acte-part-aci", 10),
    ("quiz:financement", "acte-part-aci", 9.5),
    ("survey:cohesion", "MSP", "close_knit"),
    ("text:attentes", "answer", "Mieux travailler ensemble"),
    ("sorting:situations-dimensions", "salles-plages", "logistique"),
    ("diagnosis:diagnostic-dimensions", "s1", 3),
    ("case:conflit-pouvoir", "protocole", "methode"),
    ("ordering:reformes", "order", ["a", "b", "c"]),
    # wrong shapes
    ("branching_case", "protocole", "methode"),
    ("case:", "protocole", "methode"),
    ("case:Conflit", "protocole", "methode"),
    ("unknown:x", "q", "a"),
    ("quiz:financement", "", "perd"),
    ("quiz:financement", "a b", "perd"),
    ("quiz:financement", "q", None),
    ("quiz:financement", "q", True),
    ("quiz:financement", "q", []),
    ("quiz:financement", "q", [1, 2]),
    ("quiz:financement", "q", {"a": 1}),
    ("quiz:financement", "q", "x" * 2001),
    ("quiz:financement", "q", 10**300),
]


def python_accepts(activity, question, answer) -> bool:
    try:
        parse_answer({"activity": activity, "question": question, "answer": answer})
        return True
    except ProtocolError:
        return False


def schema_accepts(activity, question, answer) -> bool:
    try:
        jsonschema.validate({**ENVELOPE, "activity": activity, "question": question, "answer": answer}, SCHEMA)
        return True
    except jsonschema.ValidationError:
        return False


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}|{c[1]}|{str(c[2])[:12]}" for c in CASES])
def test_python_and_schema_agree(case):
    assert python_accepts(*case) == schema_accepts(*case)


def test_javascript_agrees_with_python():
    js = call_js(
        "live_protocol",
        "isLiveAnswer",
        [
            [{"activity": a, "question": q, "answer": v}]
            for a, q, v in CASES
            if not isinstance(v, int) or abs(v) < 2**53
        ],
    )
    py = [python_accepts(*c) for c in CASES if not isinstance(c[2], int) or abs(c[2]) < 2**53]
    assert js == py


def test_the_kinds_are_the_same_in_python_javascript_and_the_schema():
    pattern = SCHEMA["properties"]["activity"]["pattern"]
    assert pattern.startswith("^(" + "|".join(KINDS) + "):")
    assert call_js("live_protocol", "liveAnswer", [[k, "x", "q", "a"] for k in KINDS]) == [
        {"activity": f"{k}:x", "question": "q", "answer": "a"} for k in KINDS
    ]


def test_one_join_code_rule():
    for _ in range(50):
        code = new_join_code()
        assert normalize_join_code(code) == code
        assert normalize_join_code(f"  {code.lower()} ") == code
        jsonschema.validate({**ENVELOPE, "code": code, "activity": "quiz:x", "question": "q", "answer": "a"}, SCHEMA)
    assert not set(JOIN_CODE_ALPHABET) & set("01IOL")
    for bad in ["ABCDEFG", "ABCDEFGHJ", "ABCDEFG0", "ABCDEFGI", 12345678, None, "ABC DEFG", "ABCDEF"]:
        assert normalize_join_code(bad) is None
    assert normalize_join_code(" abcd-efgh ") == normalize_join_code("ABCD EFGH") == "ABCDEFGH"
