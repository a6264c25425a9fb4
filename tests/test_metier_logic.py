"""Module « Le métier de coordinateur·rice »: « Ma semaine » and « Mon profil » logic, Python vs JavaScript."""

from __future__ import annotations

import csv
import io

import pytest
from node_runner import call_js

from widgets import ProfileCompare, WeekPlanner
from widgets.profile_compare import (
    place_profile,
    profile_spec,
)
from widgets.week import load_week, share_of, summarize_week

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def week() -> dict:
    return load_week()


@pytest.fixture(scope="module")
def profile() -> dict:
    return profile_spec()


# --- « Ma semaine de coordination » ----------------------------------------------------------


def test_week_sums_hours_by_block_and_names_the_largest(week):
    r = summarize_week(week, {"structure": "MSP", "hours": {"animation": 3, "rcp": 1.5, "tutelles": 0.5}})
    assert r["status"] == "ok" and r["total"] == 5
    blocks = {b["id"]: b for b in r["blocks"]}
    assert blocks["clinique"]["hours"] == 4.5 and blocks["clinique"]["share"] == 90
    assert blocks["relais"]["share"] == 10 and r["top"] == "clinique"
    assert r["empty"] == ["gestion", "sante-publique", "formation"]
    assert r["sentences"][0] == "Votre semaine de coordination compte 5 heures."
    assert f"(90{NBSP}%)" in r["sentences"][1]
    assert "travail invisible" in r["sentences"][2]
    assert r["notes"] and "85 %".replace(" ", NBSP) in r["notes"][0]


def test_week_rounds_shares_half_up_and_keeps_ties_in_block_order(week):
    r = summarize_week(week, {"hours": {"logistique": 1, "animation": 1, "prevention": 1}})
    assert [b["share"] for b in r["blocks"]][:3] == [33.3, 33.3, 33.3]
    assert r["top"] == "gestion" and r["notes"] == [] and r["structure"] is None
    assert share_of(1, 8) == 12.5 and share_of(1, 3) == 33.3


@pytest.mark.parametrize(
    "answers, field, words",
    [
        ({"hours": {"rcp": -1}}, "hours.rcp", "négatif"),
        ({"hours": {"rcp": "deux"}}, "hours.rcp", "saisissez un nombre"),
        ({"hours": {"rcp": True}}, "hours.rcp", "saisissez un nombre"),
        ({"hours": {"rcp": 41}}, "hours.rcp", "au plus par activité"),
        ({"hours": {"inconnue": 1}}, "hours.inconnue", "Activité inconnue"),
        (
            {"hours": {a: 10 for a in ["rcp", "animation", "protocoles", "etp", "prevention", "elus", "tutelles"]}},
            "hours",
            "plus que les 60 heures",
        ),
        ({"structure": "EHPAD", "hours": {"rcp": 1}}, "structure", "Type de structure"),
        ({"hours": [1, 2]}, "hours", "Heures illisibles"),
        ("n'importe quoi", "answers", "Réponses illisibles"),
    ],
)
def test_week_refuses_bad_input_naming_the_field(week, answers, field, words):
    r = summarize_week(week, answers)
    assert r["status"] == "invalid" and r["field"] == field and words in r["message"], r


def test_week_empty_when_no_time_is_given(week):
    assert summarize_week(week, {"hours": {"rcp": 0}})["status"] == "empty"
    assert summarize_week(week, None)["status"] == "empty"


def test_week_csv_is_french_and_complete(week):
    r = summarize_week(week, {"hours": {"animation": 2.5, "elus": 1}})
    text = call_js("week_logic", "weekCsv", [[week, r]])[0]  # the CSV's one implementation
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Bloc", "Activité", "Heures par semaine", "Part de la semaine (%)"]
    assert len(rows) == 1 + len(week["activities"]) + len(week["blocks"]) + 1
    animation = next(row for row in rows if row[1].startswith("Animation"))
    assert animation[2:] == ["2,5", "71,4"]
    assert rows[-1] == ["Total", "", "3,5", "100"]


WEEK_CASES = [
    {"structure": "MSP", "hours": {"animation": 3, "rcp": 1.5, "tutelles": 0.5}},
    {
        "structure": "CPTS",
        "hours": {
            a: 1.25
            for a in [
                "logistique",
                "organisation",
                "comptes",
                "logiciels",
                "animation",
                "rcp",
                "protocoles",
                "nouveaux-metiers",
                "prevention",
                "etp",
                "usagers",
                "tutelles",
                "elus",
                "se-former",
                "recherche",
            ]
        },
    },
    {"structure": "CDS", "hours": {"recherche": 0.1, "etp": 0.2, "elus": 0.7}},
    {"hours": {"logistique": 1, "animation": 1, "prevention": 1}},
    {"hours": {"rcp": 40, "animation": 20.01}},
    {"hours": {"rcp": -0.5}},
    {"hours": {"rcp": "3"}},
    {"hours": {"rcp": None, "etp": 2}},
    {"hours": {"zzz": 1}},
    {"structure": "X"},
    {},
    None,
    [1],
    {"hours": 3},
]


def test_week_python_and_javascript_agree(week):
    py = [summarize_week(week, a) for a in WEEK_CASES]
    js = call_js("week_logic", "summarizeWeek", [[week, a] for a in WEEK_CASES])
    assert js == py


def test_week_widget_state_and_kernel_result(week):
    w = WeekPlanner.from_file()
    assert w.spec["citations"]["schweyer2025"].startswith("Schweyer")
    w.answers = {"structure": "CDS", "hours": {"tutelles": 2}}
    assert w.kernel_result["status"] == "ok" and w.kernel_result["top"] == "relais"
    w.answers = {"hours": {"tutelles": "beaucoup"}}
    assert w.kernel_result["status"] == "invalid"
    html = w.static_html()
    assert 'data-pacte-module="week"' in html and "JavaScript requis" in html


# --- « Mon profil face à l'enquête PACTE » ---------------------------------------------------


def test_profile_spec_reads_every_figure_from_the_survey_table(profile):
    facts = profile["facts"]
    assert [f["percent"] for f in facts["age"]["CPTS"]] == [53]
    assert [f["percent"] for f in facts["working-time"]["CPTS"]] == [26, 55]
    assert [f["percent"] for f in facts["working-time"]["MSP"]] == [85]
    assert facts["contract"]["CDS"][0]["percent"] is None
    assert [f["indicator"] for f in facts["place"]["MSP"]] == ["coordination_with_other"]
    assert [f["indicator"] for f in facts["place"]["CDS"]] == ["coordination_main"]
    assert profile["source"].startswith("Source : Schweyer, 2025")


def test_profile_inside_outside_and_no_figure(profile):
    r = place_profile(profile, "MSP", "age", "under-40")
    assert r["items"][0]["relation"] == "inside"
    assert r["items"][0]["sentence"].startswith(f"Vous faites partie des 41{NBSP}% de coordinateurs de MSP")
    r = place_profile(profile, "MSP", "place", "main")
    assert r["items"][0]["relation"] == "outside" and "vous n’en faites pas partie" in r["items"][0]["sentence"]
    r = place_profile(profile, "CDS", "contract", "cdi")
    assert r["items"][0]["relation"] == "no_figure" and "Pas spécifique" in r["items"][0]["sentence"]
    r = place_profile(profile, "CPTS", "prior", "other")
    assert [i["relation"] for i in r["items"]] == ["outside", "outside"] and "ne qualifie pas" in r["note"]


@pytest.mark.parametrize(
    "structure, qid, answer, field",
    [
        ("EHPAD", "age", "under-40", "structure"),
        ("MSP", "taille", "x", "question"),
        ("MSP", "age", None, "answers.age"),
        ("MSP", "age", ["under-40"], "answers.age"),
        ("MSP", "age", "over-90", "answers.age"),
    ],
)
def test_profile_refuses_bad_answers(profile, structure, qid, answer, field):
    r = place_profile(profile, structure, qid, answer)
    assert r["status"] == "invalid" and r["field"] == field


PROFILE_CASES = [
    [s, q["id"], a["id"]] for s in ("MSP", "CDS", "CPTS") for q in profile_spec()["questions"] for a in q["answers"]
]
PROFILE_CASES += [
    ["EHPAD", "age", "under-40"],
    ["MSP", "x", "y"],
    ["MSP", "age", None],
    ["MSP", "age", 3],
    ["MSP", "age", "nope"],
    ["CDS", "age", ""],
]


def test_profile_python_and_javascript_agree(profile):
    py = [place_profile(profile, *c) for c in PROFILE_CASES]
    js = call_js("team_compare_logic", "placeProfile", [[profile, *c] for c in PROFILE_CASES])
    assert js == py
    assert call_js("team_compare_logic", "profileLivePayload", [["mon-profil", "age", "MSP", "under-40"]]) == [
        {"activity": "profile:mon-profil", "question": "MSP-age", "answer": "under-40"}
    ]


def test_profile_widget_kernel_result():
    w = ProfileCompare()
    seen = []
    w.on_result(lambda r: seen.append({q: res["items"][0]["relation"] for q, res in r["results"].items()}))
    assert "room" not in w.keys  # the room beside the survey is on the trainer's dashboard (panel « profile »)
    w.answers = {"structure": "CPTS", "contract": "cdi"}
    assert w.kernel_result["results"]["contract"]["items"][0]["percent"] == 85
    assert seen == [{"contract": "inside"}]
    assert 'data-pacte-module="profile_compare"' in w.static_html()


# --- live sessions: a profile answer is checked against the course data and drawn beside the survey ----


def test_live_profile_answers_are_validated_and_drawn_beside_the_survey():
    from pacte.live.kind_registry import canonical_answer, panel
    from pacte.live.protocol import parse_answer
    from pacte.live.validation import AnswerError

    ok = parse_answer({"activity": "profile:mon-profil", "question": "MSP-age", "answer": "under-40"})
    assert canonical_answer(ok) == "under-40"
    for question, answer in [("MSP-age", "over-90"), ("EHPAD-age", "under-40"), ("MSP-taille", "x")]:
        with pytest.raises(AnswerError):
            canonical_answer(parse_answer({"activity": "profile:mon-profil", "question": question, "answer": answer}))
    drawn = panel("profile", "mon-profil", "CPTS-working-time", {"part-time": 1, "full-time": 3})
    assert drawn is not None and drawn["type"] == "room_vs_survey" and drawn["respondents"] == 4
    assert [(r["label"], r["room_percent"], r["survey_percent"]) for r in drawn["rows"]] == [
        ("Temps partiel", 25.0, 26.0),
        ("Temps plein", 75.0, 55.0),
    ]
    assert [(s["id"], s["label"], s["rows"]) for s in drawn["structures"]] == [
        ("CPTS-working-time", "Communauté professionnelle territoriale de santé (CPTS)", drawn["rows"])
    ]
    assert drawn["survey_n"] > 0 and "CPTS" in drawn["survey_note"]
    assert panel("profile", "mon-profil", "EHPAD-working-time", {"part-time": 1}) is None
