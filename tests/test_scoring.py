"""Quiz scoring in Python, and parity with the browser's JavaScript twin."""

from __future__ import annotations

import pytest
from node_runner import call_js

from pacte.course.banks import load_bank
from pacte.course.scoring import evaluate, parse_number, score

BANK = load_bank("profils-coordination")
Q = {q["id"]: q for q in BANK["questions"]}


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("521", 521.0),
        ("1 200", 1200.0),
        ("1\u00a0200", 1200.0),
        ("12,5", 12.5),
        ("49 %", 49.0),
        (49, 49.0),
        ("abc", None),
        ("", None),
        (True, None),
        (float("nan"), None),
        ("1,2,3", None),
    ],
)
def test_parse_number_accepts_french_notation(raw, expected):
    assert parse_number(raw) == expected


def test_single_choice():
    q = Q["structure-plus-recente"]
    assert evaluate(q, "cpts")["status"] == "correct"
    wrong = evaluate(q, "msp")
    assert wrong["status"] == "incorrect" and "69\u00a0%" in wrong["feedback"][0]
    assert evaluate(q, "zzz") == {"status": "invalid", "feedback": [], "message": "Réponse inconnue\u00a0: zzz."}
    assert evaluate(q, ["cpts"])["status"] == "invalid"
    assert evaluate(q, None)["status"] == "unanswered"


def test_multiple_choice_needs_the_exact_set():
    q = Q["satisfactions"]
    assert evaluate(q, ["animation", "projet"])["status"] == "correct"
    partial = evaluate(q, ["projet"])
    assert partial["status"] == "incorrect" and len(partial["feedback"]) == 1
    assert evaluate(q, ["projet", "animation", "reconnaissance"])["status"] == "incorrect"
    assert evaluate(q, "projet")["status"] == "invalid"


def test_numeric_with_tolerance_and_bounds():
    q = Q["dynamique-cpts"]
    assert evaluate(q, "20")["status"] == "correct"
    assert evaluate(q, "21")["status"] == "correct"
    low = evaluate(q, "15")
    assert low["status"] == "incorrect" and low["feedback"] == [q["feedback"]["too_low"]]
    assert evaluate(q, "25")["feedback"] == [q["feedback"]["too_high"]]
    out = evaluate(q, "150")
    assert out["status"] == "invalid" and out["message"] == "La valeur doit être comprise entre 0 et 100."
    assert evaluate(q, "beaucoup")["status"] == "invalid"


def test_score_counts_correct_and_answered():
    answers = {
        "taille-echantillon": "population",
        "feminisation": "p88",
        "satisfactions": ["projet", "animation"],
        "cdi-cpts": "nope",
    }
    result = score(BANK, answers)
    assert (result["correct"], result["answered"], result["total"]) == (2, 3, len(BANK["questions"]))
    assert result["results"]["cdi-cpts"] == "invalid"


CASES = [
    ("structure-plus-recente", "cpts"),
    ("structure-plus-recente", "msp"),
    ("structure-plus-recente", "zzz"),
    ("structure-plus-recente", ["cpts"]),
    ("structure-plus-recente", None),
    ("satisfactions", ["animation", "projet"]),
    ("satisfactions", ["projet"]),
    ("satisfactions", []),
    ("satisfactions", ["x"]),
    ("satisfactions", "projet"),
    ("dynamique-cpts", "49"),
    ("dynamique-cpts", "47"),
    ("dynamique-cpts", "46,9"),
    ("dynamique-cpts", "51"),
    ("dynamique-cpts", "1 000"),
    ("dynamique-cpts", "-3"),
    ("dynamique-cpts", 49),
    ("dynamique-cpts", "quarante"),
    ("taille-echantillon", "521"),
    ("taille-echantillon", "520"),
    ("taille-echantillon", "100 001"),
    ("taille-echantillon", "5,21e2"),
    ("taille-echantillon", " 521 "),
]


# The one Node process of the parity test: every case through evaluate(), then score() on all the answers.
PARITY = """
const parity = (bank, cases) => {
  const byId = Object.fromEntries(bank.questions.map((q) => [q.id, q]));
  const results = cases.map(([id, answer]) => m.evaluate(byId[id], answer));
  const answers = Object.fromEntries(cases.map(([id, answer]) => [id, answer]));
  return { results, score: m.score(bank, answers) };
};
"""


def test_javascript_and_python_agree_on_every_case():
    [js] = call_js("quiz_logic", "parity", [[BANK, CASES]], setup=PARITY)
    py = [evaluate(Q[qid], answer) for qid, answer in CASES]
    assert js["results"] == py
    answers = {qid: answer for qid, answer in CASES}
    assert js["score"] == score(BANK, answers)
