"""Dashboard panels of every type, from answer counts: bars, words, scale, ranking, room versus survey."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pacte.course.paths import datasets_dir
from pacte.course.typography import problems
from pacte.live.kind_registry import activity_panel, panel
from pacte.live.survey import survey_note, survey_questions


def test_quiz_bars_count_each_choice_and_mark_the_right_one():
    p = panel("quiz", "metier", "activites-bloc", {"gestion": 1, "sante-publique": 3}, set())
    assert p["type"] == "bars" and p["respondents"] == 4
    rows = {r["id"]: r for r in p["rows"]}
    assert rows["sante-publique"] == {**rows["sante-publique"], "count": 3, "percent": 75.0, "correct": True}
    assert rows["clinique"]["count"] == 0 and rows["clinique"]["correct"] is False
    json.dumps(p)


def test_multiple_choice_bars_count_respondents_once():
    p = panel("quiz", "financement", "acte-trois-niveaux", {json.dumps(["patient", "population"]): 2}, set())
    assert p["respondents"] == 2
    assert sum(r["count"] for r in p["rows"]) == 4


def test_words_fold_case_show_the_most_typed_variant_and_mark_hidden_entries():
    counts = {"Confiance": 2, "confiance": 3, "CONFIANCE": 1, "Réunions": 1, "Chef": 1}
    p = panel("wordcloud", "coordination-un-mot", "answer", counts, {"chef"})
    assert p["type"] == "words" and p["respondents"] == 7 and p["hidden_count"] == 1  # hidden: not counted
    assert p["words"] == [
        {"text": "confiance", "count": 6, "hidden": False},
        {"text": "Chef", "count": 1, "hidden": True},
        {"text": "Réunions", "count": 1, "hidden": False},
    ]


def test_open_text_answers_are_words_too():
    p = panel("text", "mot-equipe", "answer", {"Soudée": 2}, set())
    assert p["type"] == "words" and p["words"] == [{"text": "Soudée", "count": 2, "hidden": False}]


def test_scale_rows_per_value_and_mean():
    p = panel("scale", "aci-temps-coordination", "answer", {"1": 1, "4": 2, "5": 1}, set())
    assert p["type"] == "scale" and p["respondents"] == 4
    assert [r["value"] for r in p["rows"]] == [1, 2, 3, 4, 5]
    assert [r["count"] for r in p["rows"]] == [1, 0, 0, 2, 1]
    assert p["rows"][0]["label"] == "Pas du tout d’accord"
    assert p["mean"] == 3.5  # (1 + 4 + 4 + 5) / 4
    assert panel("scale", "aci-temps-coordination", "answer", {}, set())["mean"] is None


def test_ranking_rows_by_mean_rank_with_first_places():
    a = json.dumps(["clinique", "gestion", "sante-publique"])
    b = json.dumps(["gestion", "clinique", "sante-publique"])
    p = panel("ranking", "blocs-semaine", "order", {a: 3, b: 1}, set())
    assert p["type"] == "ranking" and p["respondents"] == 4
    assert [(r["id"], r["mean_rank"], r["first"]) for r in p["rows"]] == [
        ("clinique", 1.25, 3),  # (1*3 + 2*1) / 4
        ("gestion", 1.75, 1),
        ("sante-publique", 3.0, 0),
    ]


def test_room_vs_survey_for_one_structure_uses_the_published_column():
    p = panel("survey", "cohesion", "MSP", {"close_knit": 1, "forming": 3}, set())
    assert p["type"] == "room_vs_survey" and p["respondents"] == 4 and p["survey_n"] == 277
    rows = {r["id"]: r for r in p["rows"]}
    assert (rows["close_knit"]["room_percent"], rows["close_knit"]["survey_percent"]) == (25.0, 25.0)
    assert (rows["forming"]["room_percent"], rows["forming"]["survey_percent"]) == (75.0, 21.0)


def test_every_survey_note_is_in_french_typography():
    """The note under a room-versus-survey panel is shown to the trainer and, once revealed, to the room."""
    notes = {qid: survey_note(qid) for qid in survey_questions()}
    assert any("moyenne des pourcentages" in note for note in notes.values())
    assert {qid: list(problems(note)) for qid, note in notes.items() if list(problems(note))} == {}


def test_room_vs_survey_total_is_the_sample_weighted_mean_of_the_published_columns():
    # answers.csv, difficulties / material_conditions: MSP 27 %, CDS 31 %, CPTS 17 %;
    # structures.csv: MSP 277, CDS 58, CPTS 186 → (27*277 + 31*58 + 17*186) / 521 = 12439 / 521 = 23.875…
    counts = {"MSP": {json.dumps(["material_conditions"]): 1}, "CPTS": {json.dumps(["conflicts", "nothing"]): 1}}
    p = panel("survey", "difficulties", "all", counts, set())
    rows = {r["id"]: r for r in p["rows"]}
    assert rows["material_conditions"]["survey_percent"] == 23.9
    assert rows["material_conditions"]["room_percent"] == 50.0 and p["respondents"] == 2
    assert p["survey_n"] == 521
    assert "calculé par le cours" in p["survey_note"] and "ne publie pas" in p["survey_note"]
    per = {s["id"]: s for s in p["structures"]}
    assert set(per) == {"MSP", "CDS", "CPTS"}
    assert {r["id"]: r["survey_percent"] for r in per["CDS"]["rows"]}["material_conditions"] == 31.0
    assert per["CPTS"]["respondents"] == 1 and per["CDS"]["respondents"] == 0
    # cohesion is published for MSP and CDS only: (25*277 + 37*58) / 335 = 27.08…
    cohesion = panel("survey", "cohesion", "all", {}, set())
    assert {r["id"]: r["survey_percent"] for r in cohesion["rows"]}["close_knit"] == 27.1
    assert cohesion["survey_n"] == 335 and [s["id"] for s in cohesion["structures"]] == ["MSP", "CDS"]


@pytest.mark.parametrize("question_id", sorted(survey_questions()))
def test_every_survey_question_has_a_room_vs_survey_panel_matching_the_csv(question_id):
    answers = pd.read_csv(datasets_dir() / "pacte_survey" / "answers.csv")
    sizes = pd.read_csv(datasets_dir() / "pacte_survey" / "structures.csv").set_index("structure")["sample_size"]
    rows = answers[answers.question_id == question_id]
    p = panel("survey", question_id, "all", {}, set())
    assert p["type"] == "room_vs_survey" and p["survey_note"]
    for row in p["rows"]:
        sub = rows[rows.answer_id == row["id"]]
        weights = sizes[sub.structure].to_numpy()
        expected = float((sub.percent.to_numpy() * weights).sum() / weights.sum())
        assert row["survey_percent"] == pytest.approx(expected, abs=0.05)
    json.dumps(p)


def test_activity_panel_gathers_every_structure_for_a_pushed_survey_question():
    aggregate = {
        ("survey:cohesion", "MSP"): {"close_knit": 2},
        ("survey:cohesion", "CDS"): {"forming": 2},
        ("wordcloud:coordination-un-mot", "answer"): {"Lien": 1},
    }
    p = activity_panel("survey", "cohesion", "all", aggregate)
    assert p is not None and p["respondents"] == 4
    hidden = {("wordcloud:coordination-un-mot", "answer"): {"lien"}}
    words = activity_panel("wordcloud", "coordination-un-mot", "answer", aggregate, hidden)
    assert words is not None and words["words"] == [{"text": "Lien", "count": 1, "hidden": True}]


def test_unknown_activities_have_no_panel():
    assert panel("quiz", "inconnu", "q", {}, set()) is None
    assert panel("survey", "cohesion", "CPTS", {}, set()) is None
    assert panel("ranking", "aci-temps-coordination", "order", {}, set()) is None
    assert panel("ordering", "panorama-reformes", "order", {}, set())["type"] == "bars"
