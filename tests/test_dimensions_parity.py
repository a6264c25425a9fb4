"""The browser's scoring (diagnosis_logic.js, sorting_logic.js) and the Python mirror agree on the same cases."""

from __future__ import annotations

import json

import pytest
from node_runner import call_js

from widgets.diagnosis import evaluate_diagnosis, level_of, load_grid
from widgets.sorting import evaluate_item, load_exercise, score_sorting

GRID = load_grid("dimensions/diagnostic.diagnosis_grid.yaml")
EXERCISES = {
    "situations": load_exercise("dimensions/situations.sorting_exercise.yaml"),
    "ressources": load_exercise("dimensions/ressources.sorting_exercise.yaml"),
}
IDS = [s["id"] for s in GRID["statements"]]

DIAGNOSIS_CASES = [
    {},
    None,
    {IDS[0]: 3},
    {i: 4 for i in IDS},
    {i: (k % 4) + 1 for k, i in enumerate(IDS)},
    {i: 2 for i in IDS[:-1]},
    {i: 3.0 for i in IDS},
    {i: "2" for i in IDS},
    {
        IDS[0]: 9,
        IDS[1]: 0,
        IDS[2]: "trois",
        IDS[3]: 2.5,
        IDS[4]: True,
        IDS[5]: [1],
        "inconnue": 2,
        IDS[6]: None,
        IDS[7]: "",
    },
    {IDS[0]: {"a": 1}},
    ["pas", "un", "dictionnaire"],
    "texte",
    42,
]
SCORES = [1, 1.5, 1.99, 2, 2.5, 2.999, 3, 3.5, 4, 0.5, 4.5, None]
ITEM_CASES = [
    ("situations", "suivi-avk", "operatoire"),
    ("situations", "rcp-patiente", "collective"),
    ("situations", "rcp-patiente", "logistique"),
    ("situations", "logiciel-commun", "operatoire"),
    ("situations", "suivi-avk", None),
    ("situations", "suivi-avk", ""),
    ("situations", "suivi-avk", "synergique"),
    ("situations", "suivi-avk", 3),
    ("situations", "suivi-avk", ["operatoire"]),
    ("situations", "inconnu", "operatoire"),
    ("ressources", "usage-logiciel", "generique"),
    ("ressources", "matrice-has", "specifique"),
    ("ressources", "logiciel", "generique"),
    ("ressources", "logiciel", True),
]
SCORE_CASES = [
    ("situations", {}),
    ("situations", None),
    ("situations", "oops"),
    ("situations", [1, 2]),
    (
        "situations",
        {"suivi-avk": "operatoire", "projet-sante": "logistique", "secretariat": "xx", "fantome": "collective"},
    ),
    ("ressources", {i["id"]: i["expected"] for i in EXERCISES["ressources"]["items"]}),
    ("ressources", {i["id"]: "generique" for i in EXERCISES["ressources"]["items"]}),
    ("ressources", {"logiciel": 42, "leadership": None}),
]

# One Node process for every parity case: both twins, the CSV built from the JS evaluation.
PARITY = """
const sorting = await twin("sorting_logic");
const parity = (grid, exercises, diagnosis, scores, items, scoreCases) => ({
  diagnosis: diagnosis.map((a) => m.evaluateDiagnosis(grid, a)),
  levels: scores.map((s) => m.levelOf(grid, s)),
  items: items.map(([ex, item, answer]) => sorting.evaluateItem(exercises[ex], item, answer)),
  scores: scoreCases.map(([ex, answers]) => sorting.scoreSorting(exercises[ex], answers)),
});
"""


@pytest.fixture(scope="module")
def js_results():
    [out] = call_js(
        "diagnosis_logic", "parity", [[GRID, EXERCISES, DIAGNOSIS_CASES, SCORES, ITEM_CASES, SCORE_CASES]], setup=PARITY
    )
    return out


def _normalise(value):
    return json.loads(json.dumps(value))


@pytest.mark.parametrize("index", range(len(DIAGNOSIS_CASES)))
def test_diagnosis_parity(js_results, index):
    answers = DIAGNOSIS_CASES[index]
    assert js_results["diagnosis"][index] == _normalise(evaluate_diagnosis(GRID, answers))


def test_level_parity(js_results):
    assert js_results["levels"] == [level_of(GRID, s) for s in SCORES]


@pytest.mark.parametrize("index", range(len(ITEM_CASES)))
def test_sorting_item_parity(js_results, index):
    ex, item, answer = ITEM_CASES[index]
    assert js_results["items"][index] == _normalise(evaluate_item(EXERCISES[ex], item, answer))


@pytest.mark.parametrize("index", range(len(SCORE_CASES)))
def test_sorting_score_parity(js_results, index):
    ex, answers = SCORE_CASES[index]
    assert js_results["scores"][index] == _normalise(score_sorting(EXERCISES[ex], answers))


def test_svg_chart_is_standalone_and_accessible():
    setup = (
        "const svg = (grid, answers) => m.diagnosisSvg(grid, m.evaluateDiagnosis(grid, answers), { idSuffix: 't' });"
    )
    answers = {i: 4 for i in IDS[:6]}
    [svg] = call_js("diagnosis_logic", "svg", [[GRID, answers]], setup=setup)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.endswith("</svg>")
    assert '<title id="pacte-diag-title-t">' in svg and "Point d&#39;appui" not in svg
    assert "Logistique\u00a0: 4 sur 4 (Point d’appui)" in svg and "Collective\u00a0: sans réponse" in svg
    assert 'data-dimension="logistique"' in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    import xml.dom.minidom

    xml.dom.minidom.parseString(svg)  # well-formed
