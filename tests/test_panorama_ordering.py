"""Ordering scoring: the Python twin (widgets/ordering.py) and the browser's ordering_logic.js agree case by case."""

from __future__ import annotations

import json

import pytest
from node_runner import call_js

from widgets.ordering import Ordering, expected_order, expected_ranks, live_answer, load_exercise, score_ordering

REFORMS = load_exercise("panorama/reformes.ordering_exercise.yaml")
TIES = {
    "id": "classement",
    "items": [
        {"id": "c", "position": 3},
        {"id": "a", "position": 1},
        {"id": "b1", "position": 2},
        {"id": "b2", "position": 2},
        {"id": "d", "position": 5},
    ],
}
EXERCISES = {"reforms": REFORMS, "ties": TIES}
IDS = [i["id"] for i in REFORMS["items"]]
RIGHT = expected_order(REFORMS)
CASES = [
    ("reforms", None),
    ("reforms", {}),
    ("reforms", {"order": None}),
    ("reforms", []),
    ("reforms", {"order": IDS}),
    ("reforms", {"order": RIGHT}),
    ("reforms", RIGHT),
    ("reforms", {"order": list(reversed(RIGHT))}),
    ("reforms", {"order": RIGHT[1:] + RIGHT[:1]}),
    ("reforms", {"order": [RIGHT[1], RIGHT[0]] + RIGHT[2:]}),
    ("reforms", {"order": RIGHT[:-1]}),
    ("reforms", {"order": RIGHT + ["inconnu"]}),
    ("reforms", {"order": RIGHT[:-1] + [RIGHT[0]]}),
    ("reforms", {"order": RIGHT[:3] + [3, None] + RIGHT[3:]}),
    ("reforms", {"order": "usb,hpst"}),
    ("reforms", "texte"),
    ("reforms", 42),
    ("ties", ["a", "b1", "b2", "c", "d"]),
    ("ties", ["a", "b2", "b1", "c", "d"]),
    ("ties", ["b1", "a", "b2", "c", "d"]),
    ("ties", ["d", "c", "b2", "b1", "a"]),
    ("ties", ["a", "c", "b1", "b2", "d"]),
    ("ties", {"order": ["a", "b1", "b2", "d", "c"]}),
]

# One Node process: every case scored, and each exercise's expected order and ranks.
PARITY = """
const parity = (exercises, cases) => ({
  scores: cases.map(([ex, answer]) => m.scoreOrdering(exercises[ex], answer)),
  orders: Object.fromEntries(Object.entries(exercises).map(([k, ex]) => [k, m.expectedOrder(ex)])),
  ranks: Object.fromEntries(Object.entries(exercises).map(([k, ex]) => [k, m.expectedRanks(ex)])),
});
"""


@pytest.fixture(scope="module")
def js_results():
    [out] = call_js("ordering_logic", "parity", [[EXERCISES, CASES]], setup=PARITY)
    return out


def _normalise(value):
    return json.loads(json.dumps(value))


@pytest.mark.parametrize("index", range(len(CASES)))
def test_score_parity(js_results, index):
    ex, answer = CASES[index]
    assert js_results["scores"][index] == _normalise(score_ordering(EXERCISES[ex], answer))


def test_expected_order_and_ranks_parity(js_results):
    for key, ex in EXERCISES.items():
        assert js_results["orders"][key] == expected_order(ex)
        assert js_results["ranks"][key] == _normalise(expected_ranks(ex))


def test_scores_by_hand():
    right = score_ordering(REFORMS, {"order": RIGHT})
    assert right["status"] == "complete" and right["perfect"] and right["correct"] == len(IDS)
    assert right["pairs"] == right["pairs_total"] == len(IDS) * (len(IDS) - 1) // 2 - 1  # one tie (2019)
    backwards = score_ordering(REFORMS, list(reversed(RIGHT)))
    assert backwards["pairs"] == 0 and not backwards["perfect"]
    swapped = score_ordering(REFORMS, [RIGHT[1], RIGHT[0]] + RIGHT[2:])
    assert swapped["correct"] == len(IDS) - 2 and swapped["pairs"] == right["pairs_total"] - 1
    assert swapped["results"][RIGHT[0]] == {"status": "incorrect", "rank": 2, "expected": [1, 1], "offset": 1}
    assert swapped["message"] == ("14 éléments sur 16 à la bonne place\u00a0; 118 paires sur 119 dans le bon ordre.")
    # ties: either order of the two tied items is right
    assert score_ordering(TIES, ["a", "b2", "b1", "c", "d"])["perfect"]
    assert expected_ranks(TIES) == {"c": [4, 4], "a": [1, 1], "b1": [2, 3], "b2": [2, 3], "d": [5, 5]}


def test_bad_answers_never_raise():
    assert score_ordering(REFORMS, None)["status"] == "empty"
    missing = score_ordering(REFORMS, RIGHT[:-1])
    assert missing["status"] == "invalid" and "manquants" in missing["message"]
    twice = score_ordering(REFORMS, RIGHT[:-1] + [RIGHT[0]])
    assert twice["status"] == "invalid" and "deux fois" in twice["message"]
    assert score_ordering(REFORMS, "texte")["status"] == "invalid"
    assert "inconnu" in score_ordering(REFORMS, RIGHT + [7])["message"]


def test_widget_scores_answers_in_python():
    w = Ordering.from_file("panorama/reformes.ordering_exercise.yaml")
    assert w.exercise["citations"]["fournier2021"].startswith("Fournier")
    w.answers = {"order": RIGHT}
    assert w.kernel_result["perfect"] and w.kernel_result["correct"] == len(IDS)
    w.answers = {"order": ["x"]}
    assert w.kernel_result["status"] == "invalid"
    html = w.static_html()
    assert 'data-pacte-module="ordering"' in html and "panorama-reformes" in html


def test_live_answer_is_canonical():
    assert json.loads(live_answer(REFORMS, RIGHT)) == RIGHT
    with pytest.raises(ValueError):
        live_answer(REFORMS, RIGHT[:3])


def test_live_session_validator_accepts_the_exercise():
    from pacte.live.kind_registry import canonical_answer
    from pacte.live.protocol import parse_answer

    item = parse_answer({"activity": "ordering:panorama-reformes", "question": "order", "answer": RIGHT})
    assert json.loads(canonical_answer(item)) == RIGHT
