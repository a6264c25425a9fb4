"""The trainee's screen in a led session (widgets/static/live_room_logic.js), through Node."""

from __future__ import annotations

from node_runner import call_js

NBSP = "\u00a0"
SESSION = {"code": "K7M2QX34", "title": "Promotion test", "open": True}
QUIZ = {
    "kind": "quiz",
    "ref": "metier",
    "question": "q1",
    "title": "Le métier",
    "prompt": "Quelle structure ?",
    "help": "",
    "input": {
        "type": "choice",
        "multiple": False,
        "choices": [{"id": "a", "label": "MSP"}, {"id": "b", "label": "CPTS"}],
    },
}
MULTI = {**QUIZ, "question": "q2", "input": {**QUIZ["input"], "multiple": True}}
CLOUD = {
    "kind": "wordcloud",
    "ref": "un-mot",
    "question": "answer",
    "title": "Un mot",
    "prompt": "…",
    "help": "",
    "input": {"type": "text", "max_length": 60},
}
SCALE = {
    "kind": "scale",
    "ref": "accord",
    "question": "answer",
    "title": "Accord",
    "prompt": "…",
    "help": "",
    "input": {
        "type": "scale",
        "min": 1,
        "max": 5,
        "labels": {"1": "Pas du tout d’accord", "5": "Tout à fait d’accord"},
    },
}
RANKING = {
    "kind": "ranking",
    "ref": "priorites",
    "question": "order",
    "title": "Priorités",
    "prompt": "…",
    "help": "",
    "input": {
        "type": "ranking",
        "items": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}, {"id": "z", "label": "Z"}],
    },
}
SURVEY = {
    "kind": "survey",
    "ref": "structure-plus-recente",
    "question": "answer",
    "title": "Enquête",
    "prompt": "…",
    "help": "",
    "input": {
        "type": "survey",
        "multiple": False,
        "structures": [{"id": "MSP", "label": "MSP"}, {"id": "CDS", "label": "Centre de santé"}],
        "choices": [{"id": "msp", "label": "MSP"}, {"id": "cpts", "label": "CPTS"}],
    },
}


def stage(activity, state="open", seq=1, reveal=None):
    return {"seq": seq, "session": SESSION, "state": state, "activity": activity, "reveal": reveal}


def empty(activity):
    return call_js("live_room_logic", "emptyValues", [[activity["input"]]])[0]


def build(activity, **values):
    return builds([(activity, values)])[0]


def builds(cases):
    """``buildAnswer`` of each ``(activity, values)`` over the activity's empty values, in one Node process."""
    setup = "function buildOver(a, v) { return m.buildAnswer(a, { ...m.emptyValues(a.input), ...v }); }"
    return call_js("live_room_logic", "buildOver", [[a, v] for a, v in cases], setup=setup)


def test_each_input_type_builds_the_protocol_answer():
    quiz, multi, cloud, scale, ranked, unranked, survey = builds(
        [
            (QUIZ, {"choices": ["b"]}),
            (MULTI, {"choices": ["b", "a"]}),
            (CLOUD, {"text": "  soudée "}),
            (SCALE, {"value": 4}),
            (RANKING, {"order": ["z", "x", "y"]}),
            (RANKING, {}),
            (SURVEY, {"structure": "CDS", "choices": ["cpts"]}),
        ]
    )
    assert quiz == {"ok": True, "activity": "quiz:metier", "question": "q1", "answer": "b"}
    assert multi["answer"] == ["a", "b"]  # in the choices' order
    assert cloud["answer"] == "soudée"
    assert scale == {"ok": True, "activity": "scale:accord", "question": "answer", "answer": 4}
    assert ranked["answer"] == ["z", "x", "y"]
    assert unranked["answer"] == ["x", "y", "z"]  # the given order is an answer too
    assert survey == {"ok": True, "activity": "survey:structure-plus-recente", "question": "CDS", "answer": "cpts"}


def test_incomplete_or_wrong_answers_are_refused_in_french():
    cases = [
        (QUIZ, {}),
        (QUIZ, {"choices": ["a", "b"]}),
        (QUIZ, {"choices": ["zz"]}),
        (MULTI, {}),
        (CLOUD, {"text": "   "}),
        (CLOUD, {"text": "x" * 61}),
        (SCALE, {"value": 6}),
        (SCALE, {}),
        (RANKING, {"order": ["x", "x", "y"]}),
        (SURVEY, {"choices": ["msp"]}),
        (SURVEY, {"structure": "XX", "choices": ["msp"]}),
    ]
    errors = [built["error"] for built in builds(cases)]
    assert errors == [
        "Choisissez une réponse.",
        "Choisissez une réponse.",
        "Choisissez une réponse.",
        "Cochez au moins une réponse.",
        "Écrivez votre réponse.",
        f"Votre réponse dépasse 60{NBSP}caractères.",
        "Choisissez une valeur.",
        "Choisissez une valeur.",
        "Classez tous les éléments.",
        "Indiquez d’abord où vous exercez.",
        "Indiquez d’abord où vous exercez.",
    ]


def test_states_give_the_form_status_and_whether_it_answers():
    key = "quiz:metier/q1"
    sent = {"sent": {key: {"question": "q1", "answer": "a"}}}
    views = call_js(
        "live_room_logic",
        "roomView",
        [
            [stage(None, "idle")],
            [stage(QUIZ)],
            [stage(QUIZ), sent],
            [stage(QUIZ, "closed"), sent],
            [{**stage(QUIZ), "session": {**SESSION, "open": False}}],
        ],
    )
    assert [(v["state"], v["canAnswer"], v["status"]) for v in views] == [
        ("idle", False, "En attente de la prochaine activité du formateur."),
        ("open", True, ""),
        ("open", True, "Réponse envoyée. Vous pouvez la modifier tant que les réponses sont ouvertes."),
        ("closed", False, "Les réponses sont closes."),
        ("ended", False, "La séance est terminée."),
    ]
    assert views[1]["key"] == key and views[1]["title"] == "Le métier" and views[1]["input"]["type"] == "choice"
    assert views[2]["sent"] == {"question": "q1", "answer": "a"}


def test_an_unknown_input_type_is_shown_but_not_answered():
    odd = {**QUIZ, "input": {"type": "drawing"}}
    view = call_js("live_room_logic", "roomView", [[stage(odd)]])[0]
    assert view["input"] is None and view["canAnswer"] is False
    assert view["status"] == "Cette activité se fait dans la page du cours."


def test_reveal_marks_the_right_answer_and_draws_the_room_in_french():
    panel = {
        "type": "bars",
        "respondents": 1320,
        "rows": [
            {"id": "a", "label": "MSP", "count": 1000, "percent": 75.75, "correct": True},
            {"id": "b", "label": "CPTS", "count": 320, "correct": False},
        ],
    }
    reveal = {"correct": ["a"], "explanation": "Parce que.", "source": "Schweyer, 2025", "panel": panel}
    mine = {"sent": {"quiz:metier/q1": {"question": "q1", "answer": "b"}}}
    view = call_js("live_room_logic", "roomView", [[stage(QUIZ, "revealed", reveal=reveal), mine]])[0]
    assert view["state"] == "revealed" and view["canAnswer"] is False
    r = view["reveal"]
    assert r["correct"] == ["a"] and r["explanation"] == "Parce que." and r["source"] == "Schweyer, 2025"
    assert r["verdict"] == "Ce n’est pas la bonne réponse."
    assert r["right"] is False
    assert r["panel"]["caption"] == f"1{NBSP}320{NBSP}réponses"
    assert r["panel"]["rows"][0] == {
        "label": "MSP",
        "count": f"1{NBSP}000",
        "percent": f"75,8{NBSP}%",
        "width": 75.8,
        "correct": True,
    }
    assert r["panel"]["rows"][1]["percent"] == f"24,2{NBSP}%"  # computed from the count when absent


def test_a_revealed_case_lists_each_consequence_and_marks_the_trainees_choice():
    case = {**QUIZ, "kind": "case", "ref": "conflit", "question": "etape"}
    consequences = [
        {"id": "a", "choice": "Laisser faire.", "text": "Le protocole passe."},
        {"id": "b", "choice": "Réunir.", "text": "On parle."},
    ]
    reveal = {"correct": [], "explanation": "…", "source": "", "consequences": consequences, "panel": None}
    mine = {"sent": {"case:conflit/etape": {"question": "etape", "answer": "b"}}}
    [seen, unsent] = call_js(
        "live_room_logic",
        "roomView",
        [[stage(case, "revealed", reveal=reveal), mine], [stage(case, "revealed", reveal=reveal)]],
    )
    assert [(c["id"], c["own"]) for c in seen["reveal"]["consequences"]] == [("a", False), ("b", True)]
    assert seen["reveal"]["consequences"][1]["text"] == "On parle." and seen["reveal"]["verdict"] == ""
    assert not any(c["own"] for c in unsent["reveal"]["consequences"])
    # No right answer to announce: the status speaks of the room's results only.
    assert seen["status"] == "Les réponses sont closes. Voici les résultats de la salle."
    quiz_reveal = {"correct": ["a"], "explanation": "Parce que.", "source": "", "panel": None}
    quiz = call_js("live_room_logic", "roomView", [[stage(QUIZ, "revealed", reveal=quiz_reveal)]])[0]
    assert "Voici la réponse" in quiz["status"] and quiz["reveal"]["consequences"] == []


def test_every_panel_type_has_a_french_view():
    panels = [
        {
            "type": "words",
            "words": [{"text": "soudée", "count": 4, "hidden": False}, {"text": "zut", "count": 9, "hidden": True}],
        },
        {
            "type": "scale",
            "mean": 3.456,
            "rows": [{"value": 1, "label": "Pas du tout", "count": 1}, {"value": 5, "label": "5", "count": 3}],
        },
        {
            "type": "ranking",
            "respondents": 2,
            "rows": [
                {"id": "y", "label": "Y", "mean_rank": 2.5, "first": 0},
                {"id": "x", "label": "X", "mean_rank": 1.25, "first": 2},
            ],
        },
        {
            "type": "room_vs_survey",
            "respondents": 3,
            "survey_n": 521,
            "survey_note": "Enquête PACTE",
            "rows": [{"id": "msp", "label": "MSP", "room_percent": 66.7, "survey_percent": 40}],
        },
        {"type": "mystery"},
    ]
    words, scale, ranking, versus, unknown = call_js("live_room_logic", "panelView", [[p] for p in panels])
    assert [w["text"] for w in words["words"]] == ["soudée"]  # hidden entries never reach the room
    assert scale["mean"] == f"Moyenne de la salle{NBSP}: 3,5"
    assert [r["label"] for r in scale["rows"]] == ["1 – Pas du tout", "5"]  # as on the dashboard (panel_model.js)
    assert scale["rows"][1]["percent"] == f"75{NBSP}%"
    assert [(r["position"], r["label"], r["meanRank"]) for r in ranking["rows"]] == [
        (1, "X", "rang moyen 1,3"),
        (2, "Y", "rang moyen 2,5"),
    ]
    assert ranking["rows"][0]["first"] == f"2{NBSP}fois en premier"
    assert versus["rows"][0]["room"] == f"66,7{NBSP}%" and versus["rows"][0]["survey"] == f"40{NBSP}%"
    assert versus["caption"] == f"La salle{NBSP}: 3{NBSP}réponses — enquête PACTE{NBSP}: 521{NBSP}répondants"
    assert unknown is None
    assert words["caption"] == f"1{NBSP}réponse"  # one visible word, no respondents given


def test_panels_before_any_answer():
    ranking = {"type": "ranking", "respondents": 0, "rows": [{"id": "x", "label": "X", "mean_rank": None, "first": 0}]}
    scale = {
        "type": "scale",
        "respondents": 0,
        "mean": None,
        "rows": [{"value": 1, "label": "1", "count": 0, "percent": 0}],
    }
    words = {"type": "words", "respondents": 0, "words": []}
    ranking, scale, cloud = call_js("live_room_logic", "panelView", [[ranking], [scale], [words]])
    assert ranking["rows"][0]["meanRank"] == "pas encore classé"
    assert scale["mean"] == "" and scale["rows"][0]["label"] == "1" and scale["rows"][0]["percent"] == f"0{NBSP}%"
    assert cloud["caption"] == f"0{NBSP}réponse" and cloud["words"] == []


def test_only_a_new_seq_is_drawn_and_the_key_names_the_activity():
    results = call_js(
        "live_room_logic",
        "needsRender",
        [[None, stage(QUIZ, seq=1)], [1, stage(QUIZ, seq=1)], [1, stage(QUIZ, "closed", seq=2)], [1, None]],
    )
    assert results == [True, False, True, False]
    keys = call_js(
        "live_room_logic", "activityKey", [[stage(QUIZ)], [stage(QUIZ, "closed", seq=2)], [stage(None, "idle")]]
    )
    assert keys == ["quiz:metier/q1", "quiz:metier/q1", None]  # same activity re-sent: same key, the draft is kept


def test_ranking_moves_and_text_counter():
    moves = call_js(
        "live_room_logic", "moveItem", [[["x", "y", "z"], 2, -1], [["x", "y", "z"], 0, -1], [["x", "y", "z"], 0, 1]]
    )
    assert moves == [["x", "z", "y"], ["x", "y", "z"], ["y", "x", "z"]]
    counters = call_js("live_room_logic", "counter", [["soudée", 60], ["x" * 61, 60], ["", 60]])
    assert counters == [
        {"text": f"6{NBSP}caractères sur 60", "over": False},
        {"text": f"61{NBSP}caractères sur 60", "over": True},
        {"text": f"0{NBSP}caractère sur 60", "over": False},
    ]


def test_an_answer_sent_before_a_reload_fills_the_form_again():
    cases = [
        [QUIZ["input"], {"question": "q1", "answer": "b"}],
        [SURVEY["input"], {"question": "CDS", "answer": "msp"}],
        [SCALE["input"], {"question": "answer", "answer": 2}],
        [RANKING["input"], {"question": "order", "answer": ["z", "y", "x"]}],
        [CLOUD["input"], None],
    ]
    quiz, survey, scale, ranking, cloud = call_js("live_room_logic", "valuesFromAnswer", cases)
    assert quiz["choices"] == ["b"]
    assert (survey["structure"], survey["choices"]) == ("CDS", ["msp"])
    assert scale["value"] == 2 and ranking["order"] == ["z", "y", "x"] and cloud["text"] == ""
