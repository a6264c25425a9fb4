"""Scoring of the self-diagnosis and feedback of the sorting exercises (Python side)."""

from __future__ import annotations

import pytest
from node_runner import call_js

from widgets.diagnosis import (
    Diagnosis,
    evaluate_diagnosis,
    level_of,
    load_grid,
    parse_rating,
)
from widgets.sorting import Sorting, evaluate_item, load_exercise, score_sorting


def diagnosis_csv(grid: dict, answers: dict) -> str:
    """The CSV the browser offers (``diagnosisCsv`` of ``diagnosis_logic.js``, its one implementation)."""
    setup = "const csvOf = (grid, answers) => m.diagnosisCsv(grid, answers, m.evaluateDiagnosis(grid, answers));"
    return call_js("diagnosis_logic", "csvOf", [[grid, answers]], setup=setup)[0]


GRID = load_grid("dimensions/diagnostic.diagnosis_grid.yaml")
SITUATIONS = load_exercise("dimensions/situations.sorting_exercise.yaml")
RESOURCES = load_exercise("dimensions/ressources.sorting_exercise.yaml")
IDS = {d["id"]: [s["id"] for s in GRID["statements"] if s["dimension"] == d["id"]] for d in GRID["dimensions"]}


def all_answers(value=3) -> dict:
    return {s["id"]: value for s in GRID["statements"]}


@pytest.mark.parametrize(
    "score,level",
    [
        (1, "a-construire"),
        (1.99, "a-construire"),
        (2, "en-developpement"),
        (2.99, "en-developpement"),
        (3, "point-appui"),
        (4, "point-appui"),
        (0.5, None),
        (4.01, None),
        (None, None),
    ],
)
def test_levels_cover_the_scale(score, level):
    assert level_of(GRID, score) == level


@pytest.mark.parametrize(
    "raw,value",
    [
        (3, 3),
        (3.0, 3),
        ("3", 3),
        (" 4 ", 4),
        (0, None),
        (5, None),
        (2.5, None),
        ("trois", None),
        (True, None),
        (None, None),
        ([3], None),
        (float("nan"), None),
    ],
)
def test_parse_rating(raw, value):
    assert parse_rating(raw, GRID["scale"]) == value


def test_complete_profile_gives_a_level_and_feedback_per_dimension():
    answers = all_answers(4)
    answers.update({i: 1 for i in IDS["collective"]})
    answers.update({IDS["operatoire"][0]: 1, IDS["operatoire"][1]: 2})
    r = evaluate_diagnosis(GRID, answers)
    assert r["status"] == "complete" and r["answered"] == r["total"] == 20 and r["errors"] == []
    dims = {d["id"]: d for d in r["dimensions"]}
    assert dims["logistique"] == {
        "id": "logistique",
        "answered": 6,
        "total": 6,
        "complete": True,
        "mean": 4.0,
        "level": "point-appui",
    }
    assert dims["operatoire"]["mean"] == round((4 * 5 + 1 + 2) / 7, 2) and dims["operatoire"]["level"] == "point-appui"
    assert dims["collective"]["level"] == "a-construire"
    assert r["message"] == "Profil complet : 20 affirmations sur 20."


def test_incomplete_profile_is_provisional():
    r = evaluate_diagnosis(GRID, {IDS["logistique"][0]: 2, IDS["logistique"][1]: 3})
    assert r["status"] == "incomplete" and r["answered"] == 2 and len(r["missing"]) == 18
    assert r["message"] == "Encore 18 affirmations sans réponse : le profil est provisoire."
    log = r["dimensions"][0]
    assert log["mean"] == 2.5 and log["complete"] is False and log["level"] is None
    assert r["dimensions"][2]["mean"] is None


def test_one_missing_statement_is_named_in_the_message():
    answers = all_answers()
    del answers[IDS["collective"][-1]]
    r = evaluate_diagnosis(GRID, answers)
    assert r["status"] == "incomplete" and r["missing"] == [IDS["collective"][-1]]
    assert r["message"] == "Encore 1 affirmation sans réponse : le profil est provisoire."


@pytest.mark.parametrize(
    "answers,fragment",
    [
        (
            {"log-locaux": 7},
            "Valeur hors échelle pour l'affirmation « log-locaux » : 7 (attendu : un nombre entier de 1 à 4).",
        ),
        ({"log-locaux": "beaucoup"}, "« beaucoup »"),
        ({"log-locaux": 2.5}, ": 2.5 ("),
        ({"inconnue": 2}, "Affirmation inconnue : « inconnue »."),
        (["log-locaux", 3], "Réponses illisibles"),
        ("n’importe quoi", "Réponses illisibles"),
    ],
)
def test_bad_answers_give_a_clear_french_message_and_no_crash(answers, fragment):
    r = evaluate_diagnosis(GRID, answers)
    assert r["status"] == "invalid"
    assert fragment in r["message"], r["message"]
    assert r["message"].startswith("1 réponse à corriger : ")


def test_bad_answers_are_ignored_but_good_ones_still_count():
    r = evaluate_diagnosis(GRID, {"log-locaux": 9, "log-plannings": 4, "zzz": 1})
    assert r["status"] == "invalid" and r["answered"] == 1 and len(r["errors"]) == 2
    assert r["dimensions"][0]["mean"] == 4.0


def test_empty_and_none_answers():
    for answers in ({}, None, {"log-locaux": None}, {"log-locaux": ""}):
        r = evaluate_diagnosis(GRID, answers)
        assert r["status"] == "empty" and r["message"] == "Répondez aux affirmations pour voir votre profil."


def test_resource_means():
    answers = {s["id"]: (4 if s.get("resource") == "generique" else 2) for s in GRID["statements"]}
    res = {r["id"]: r for r in evaluate_diagnosis(GRID, answers)["resources"]}
    assert res["generique"]["mean"] == 4.0 and res["specifique"]["mean"] == 2.0
    assert res["generique"]["total"] == sum(s.get("resource") == "generique" for s in GRID["statements"])


def test_csv_has_one_row_per_statement_dimension_and_resource():
    answers = all_answers(3)
    answers[IDS["logistique"][0]] = 4
    text = diagnosis_csv(GRID, answers)
    rows = text.split("\r\n")[:-1]
    assert rows[0] == "Section;Dimension;Identifiant;Libellé;Réponse;Valeur"
    assert len(rows) == 1 + 20 + 3 + 2
    assert rows[1].startswith("Affirmation;Logistique;log-locaux;") and rows[1].endswith(";Tout à fait;4")
    assert "Dimension;Logistique;logistique;Coordination logistique (factorielle);Point d’appui;3,17" in rows
    assert call_js("diagnosis_logic", "frenchDecimal", [[2.0], [2.5], [10 / 3]]) == ["2", "2,5", "3,33"]


def test_csv_quotes_cells_with_semicolons():
    grid = dict(GRID, statements=[dict(GRID["statements"][0], text='a; "b"')] + GRID["statements"][1:])
    text = diagnosis_csv(grid, {})
    assert ';"a; ""b""";' in text


def test_widget_writes_kernel_result_and_never_crashes():
    w = Diagnosis(GRID)
    assert w.grid["citations"]["peyron_buttard2018"] == "Peyron et Buttard, 2018"
    seen = []
    w.on_result(seen.append)
    w.answers = {"log-locaux": 3}
    assert w.kernel_result["status"] == "incomplete" and w.kernel_result["answered"] == 1
    w.answers = {"log-locaux": 99}
    assert w.kernel_result["status"] == "invalid" and "hors échelle" in w.kernel_result["message"]
    w.answers = all_answers(2)
    assert w.kernel_result["status"] == "complete" and len(seen) == 3
    html = w.static_html()
    assert 'data-pacte-module="diagnosis"' in html and "log-locaux" in html


def test_widget_survives_a_broken_grid_state():
    w = Diagnosis(GRID)
    w.grid = {"statements": "broken"}
    w.answers = {"x": 1}
    assert w.kernel_result["status"] == "error" and w.kernel_result["message"].startswith("Réponses non traitées")


# --- sorting -------------------------------------------------------------------------------------


def test_correct_and_incorrect_items_with_hint():
    ok = evaluate_item(SITUATIONS, "suivi-avk", "operatoire")
    assert (
        ok["status"] == "correct" and ok["message"] == "Bien vu\u00a0: «\u00a0Opératoire\u00a0»." and ok["hint"] is None
    )
    assert "séquentielle" in ok["explanation"]
    wrong = evaluate_item(SITUATIONS, "rcp-patiente", "collective")
    assert wrong["status"] == "incorrect" and wrong["expected"] == "operatoire"
    assert wrong["message"] == "Pas tout à fait\u00a0: la réponse attendue est «\u00a0Opératoire\u00a0»."
    assert wrong["hint"].startswith("La réunion est collective par sa forme")
    plain = evaluate_item(SITUATIONS, "rcp-patiente", "logistique")
    assert plain["status"] == "incorrect" and plain["hint"] is None and plain["explanation"]


@pytest.mark.parametrize(
    "item,answer,status,message",
    [
        ("suivi-avk", None, "unanswered", "Choisissez une catégorie avant de valider."),
        ("suivi-avk", "", "unanswered", "Choisissez une catégorie avant de valider."),
        (
            "suivi-avk",
            "synergique",
            "invalid",
            "Catégorie inconnue\u00a0: «\u00a0synergique\u00a0» (choix possibles\u00a0: Logistique, Opératoire, Collective).",
        ),
        (
            "suivi-avk",
            3,
            "invalid",
            "Catégorie inconnue\u00a0: 3 (choix possibles\u00a0: Logistique, Opératoire, Collective).",
        ),
        (
            "suivi-avk",
            ["operatoire"],
            "invalid",
            'Catégorie inconnue\u00a0: ["operatoire"] (choix possibles\u00a0: Logistique, Opératoire, Collective).',
        ),
        ("inconnu", "operatoire", "invalid", "Élément inconnu\u00a0: «\u00a0inconnu\u00a0»."),
    ],
)
def test_bad_sorting_answers(item, answer, status, message):
    r = evaluate_item(SITUATIONS, item, answer)
    assert (r["status"], r["message"]) == (status, message)


def test_score_counts_and_reports_errors():
    answers = {"suivi-avk": "operatoire", "projet-sante": "logistique", "secretariat": "xx", "fantome": "collective"}
    s = score_sorting(SITUATIONS, answers)
    assert (s["correct"], s["answered"], s["total"]) == (1, 2, 17)
    assert s["status"] == "invalid"
    assert s["errors"] == [
        "Élément inconnu\u00a0: «\u00a0fantome\u00a0».",
        "«\u00a0secretariat\u00a0»\u00a0: Catégorie inconnue\u00a0: «\u00a0xx\u00a0» (choix possibles\u00a0: Logistique, Opératoire, Collective).",
    ]
    assert s["message"] == "Score\u00a0: 1 / 17 (2 éléments classés)."
    full = score_sorting(RESOURCES, {i["id"]: i["expected"] for i in RESOURCES["items"]})
    assert full["status"] == "complete" and full["correct"] == full["total"] == len(RESOURCES["items"])
    assert score_sorting(RESOURCES, None)["status"] == "empty"
    assert score_sorting(RESOURCES, "oops")["errors"][0].startswith("Réponses illisibles")


def test_sorting_widget_kernel_result():
    w = Sorting(RESOURCES)
    assert w.exercise["citations"]["has_matrice2012"].endswith("2012")
    w.answers = {"logiciel": "generique", "leadership": "generique"}
    assert (w.kernel_result["correct"], w.kernel_result["answered"]) == (1, 2)
    w.answers = {"logiciel": 42}
    assert w.kernel_result["status"] == "invalid"
    assert 'data-pacte-module="sorting"' in w.static_html()
