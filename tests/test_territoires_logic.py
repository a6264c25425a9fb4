"""Module « Territoires »: CPTS project rules, Diagnosis action plan, live answers; Python vs JS through Node."""

from __future__ import annotations

import json

import pytest
from node_runner import call_js

from pacte.live.kind_registry import canonical_answer
from pacte.live.protocol import parse_answer
from pacte.live.validation import AnswerError
from widgets import CptsProject, Diagnosis
from widgets.cpts_project import evaluate_project, load_project, rule_applies
from widgets.diagnosis import action_plan, load_grid

PROJECT_FILE = "territoires/valmoran.cpts_project.yaml"
GRID_FILE = "territoires/obstacles.diagnosis_grid.yaml"


@pytest.fixture(scope="module")
def project() -> dict:
    return load_project(PROJECT_FILE)


@pytest.fixture(scope="module")
def grid() -> dict:
    return load_grid(GRID_FILE)


def _rules(result: dict) -> list[str]:
    return [f["rule"] for f in result["feedback"]]


# --- the rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "when,missions,partners,expected",
    [
        ({"missions_any": ["a", "b"]}, ["b"], [], True),
        ({"missions_any": ["a", "b"]}, ["c"], [], False),
        ({"partners_all": ["x", "y"]}, [], ["x"], False),
        ({"partners_all": ["x", "y"]}, [], ["y", "x"], True),
        ({"partners_none": ["x"]}, [], ["y"], True),
        ({"partners_missing": ["x", "y"]}, [], ["x"], True),
        ({"partners_missing": ["x", "y"]}, [], ["x", "y"], False),
        ({"missions_min": 4}, ["a", "b", "c"], [], False),
        ({"missions_min": 4}, ["a", "b", "c", "d"], [], True),
        ({"partners_max": 2}, [], ["x", "y", "z"], False),
        ({"missions_any": ["a"], "partners_none": ["x"]}, ["a"], ["x"], False),
    ],
)
def test_rule_conditions(when, missions, partners, expected):
    assert rule_applies(when, missions, partners) is expected


def test_a_focused_project_gets_its_strengths_and_its_gaps(project):
    result = evaluate_project(project, {"missions": ["parcours-age", "acces-mt"], "partners": ["hopital", "ars"]})
    assert result["status"] == "complete"
    assert result["missions"] == ["acces-mt", "parcours-age"], "ids come back in the data's order"
    rules = _rules(result)
    assert "acces-mt-choisi" in rules and "parcours-sans-dac" in rules and "institutions-incompletes" in rules
    assert "trop-de-missions" not in rules and "acces-mt-oublie" not in rules
    assert result["message"].startswith("Votre projet\u00a0: 2 missions et 2 partenaires\u00a0; ")


def test_too_many_missions_and_a_complete_partnership(project):
    every_mission = [m["id"] for m in project["missions"]]
    result = evaluate_project(project, {"missions": every_mission, "partners": [p["id"] for p in project["partners"]]})
    rules = _rules(result)
    assert "trop-de-missions" in rules and "institutions-completes" in rules and "parcours-avec-dac" in rules
    assert "sans-habitants" not in rules and "peu-de-partenaires" not in rules
    assert result["counts"]["attention"] == sum(1 for f in result["feedback"] if f["level"] == "attention")


def test_every_rule_can_fire(project):
    fired = set()
    missions = [m["id"] for m in project["missions"]]
    partners = [p["id"] for p in project["partners"]]
    for m in range(1, len(missions) + 1):
        for cut in (1, 2, 3, len(partners)):
            for start in range(len(partners)):
                ps = (partners[start:] + partners[:start])[:cut]
                fired |= set(_rules(evaluate_project(project, {"missions": missions[:m], "partners": ps})))
                fired |= set(_rules(evaluate_project(project, {"missions": missions[-m:], "partners": ps})))
    assert fired == {r["id"] for r in project["rules"]}


@pytest.mark.parametrize(
    "answers,status,fragment",
    [
        (None, "empty", "Choisissez des missions"),
        ({"missions": ["snp"]}, "incomplete", "au moins un partenaire"),
        ({"partners": ["dac"]}, "incomplete", "au moins une mission"),
        (
            {"missions": ["snp", "urgences"], "partners": ["dac"]},
            "invalid",
            "Choix inconnu parmi les missions\u00a0: «\u00a0urgences\u00a0»",
        ),
        ({"missions": "snp", "partners": ["dac"]}, "invalid", "une liste est attendue"),
        (
            {"missions": ["snp"], "partners": ["dac"], "budget": 3},
            "invalid",
            "Clé inconnue\u00a0: «\u00a0budget\u00a0»",
        ),
        ([1, 2], "invalid", "Réponses illisibles"),
    ],
)
def test_bad_or_partial_answers_never_raise(project, answers, status, fragment):
    result = evaluate_project(project, answers)
    assert result["status"] == status and fragment in result["message"]
    assert result["feedback"] == []


def test_widget_writes_the_kernel_result(project):
    w = CptsProject.from_file(PROJECT_FILE)
    w.answers = {"missions": ["snp"], "partners": ["msp", "dac", "ars", "cpam"]}
    assert w.kernel_result["status"] == "complete" and "snp-choisi" in _rules(w.kernel_result)
    w.answers = {"missions": 3}
    assert w.kernel_result["status"] == "invalid"
    assert "Territoire fictif" in w.static_html() and "Leicher" in json.dumps(w.project["citations"])


def _summary_and_payloads(project: dict, answers: dict) -> tuple[str | None, list[dict]]:
    """``projectSummary`` and ``livePayloads`` of ``cpts_project_logic.js`` (their one implementation)."""
    setup = """
const summaryAndPayloads = (project, answers) => {
  const r = m.evaluateProject(project, answers);
  return [r.status === m.COMPLETE ? m.projectSummary(project, r) : null, m.livePayloads(project, r)];
};
"""
    return tuple(call_js("cpts_project_logic", "summaryAndPayloads", [[project, answers]], setup=setup)[0])


def _action_plan_csv(grid: dict, answers: dict) -> str:
    """``actionPlanCsv`` of ``diagnosis_logic.js`` (its one implementation)."""
    return call_js("diagnosis_logic", "actionPlanCsv", [[grid, answers]])[0]


def test_summary_and_live_payloads(project):
    text, payloads = _summary_and_payloads(project, {"missions": ["snp"], "partners": ["dac"]})
    assert text.startswith(project["title"] + "\r\n") and "Territoire fictif" in text
    assert "- Organiser la réponse aux demandes de soins non programmés\r\n" in text
    assert payloads == [
        {"kind": "cpts_project", "ref": "projet-cpts-valmoran", "question": "missions", "answer": ["snp"]},
        {"kind": "cpts_project", "ref": "projet-cpts-valmoran", "question": "partners", "answer": ["dac"]},
    ]
    assert _summary_and_payloads(project, {"missions": ["snp"]}) == (None, [])


def test_live_server_accepts_the_project_answers_and_refuses_others():
    ok = parse_answer(
        {"activity": "cpts_project:projet-cpts-valmoran", "question": "partners", "answer": ["dac", "ars"]}
    )
    assert canonical_answer(ok) == json.dumps(["ars", "dac"])
    for question, answer in (("partners", ["maires"]), ("budget", ["dac"])):
        bad = parse_answer({"activity": "cpts_project:projet-cpts-valmoran", "question": question, "answer": answer})
        with pytest.raises(AnswerError):
            canonical_answer(bad)


# --- the action plan of the Diagnosis widget ---------------------------------------------------


def test_action_plan_lists_the_heavy_brakes_worst_first(grid):
    plan = action_plan(grid, {"silo": 1, "forfaits": 2, "temps-medical": 3, "empilement": "3", "acte": 9})
    assert [p["id"] for p in plan] == ["temps-medical", "empilement", "forfaits"]
    assert all(p["levers"] for p in plan) and plan[0]["label"] == "Un frein majeur"
    csv = _action_plan_csv(grid, {"temps-medical": 3})
    lines = csv.split("\r\n")
    assert lines[0] == "Famille;Point à traiter;Votre note;Levier;Source" and len(lines) == 4 and lines[-1] == ""
    assert lines[1].startswith("Organisation;Les médecins") and "coordination2025, " in lines[1]


def test_grids_without_an_action_plan_are_unchanged():
    old = load_grid("dimensions/diagnostic.diagnosis_grid.yaml")
    assert action_plan(old, {"log-locaux": 4}) == []
    assert _action_plan_csv(old, {}) == "Famille;Point à traiter;Votre note;Levier;Source\r\n"
    w = Diagnosis.from_file(GRID_FILE)
    w.answers = {"temps-medical": 3}
    assert w.kernel_result["answered"] == 1


# --- Python and JavaScript agree ---------------------------------------------------------------

PROJECT_CASES = [
    None,
    {},
    {"missions": ["snp"]},
    {"partners": ["dac"]},
    {"missions": ["acces-mt", "parcours-age"], "partners": ["hopital", "ars"]},
    {"missions": ["palliatifs", "prevention", "qualite", "snp"], "partners": ["msp", "pmi"]},
    {
        "missions": ["donnees", "besoins-rh", "acces-mt"],
        "partners": ["dac", "ehpad", "hopital", "ars", "cpam", "collectivites", "habitants", "urps"],
    },
    {"missions": ["snp", "snp"], "partners": ["ars", "ars"]},
    {"missions": ["snp", 3], "partners": ["dac"]},
    {"missions": "snp"},
    {"missions": ["snp"], "x": 1},
    [1],
    "texte",
]


def test_project_parity_js_python(project):
    setup = """
const evaluated = (project, answers) => m.evaluateProject(project, answers);
"""
    js = call_js("cpts_project_logic", "evaluated", [[project, case] for case in PROJECT_CASES], setup=setup)
    for case, got in zip(PROJECT_CASES, js, strict=True):
        assert got == evaluate_project(project, case), case


PLAN_CASES = [
    {},
    {"temps-medical": 3},
    {"silo": 1, "forfaits": 2, "temps-medical": 3, "empilement": "3", "acte": 9},
    {s: 2 for s in ("montages", "postes", "reticence", "interoperabilite")},
    None,
]


def test_action_plan_parity_js_python(grid):
    js = call_js("diagnosis_logic", "actionPlan", [[grid, case] for case in PLAN_CASES])
    for case, plan in zip(PLAN_CASES, js, strict=True):
        assert plan == action_plan(grid, case), case


def test_the_room_choices_are_compared_on_the_dashboard(tmp_path):
    from pacte.live.kind_registry import activity_panel
    from pacte.live.store import open_store

    store = open_store(None, tmp_path)
    try:
        session = store.create_session("Séance territoires")
        rooms = [(["acces-mt", "snp"], ["ars", "cpam"]), (["acces-mt"], ["dac"]), (["parcours-age"], ["dac", "ars"])]
        for missions, partners in rooms:
            participant = store.add_participant(session.id)
            for question, ids in (("missions", missions), ("partners", partners)):
                item = parse_answer(
                    {"activity": "cpts_project:projet-cpts-valmoran", "question": question, "answer": ids}
                )
                store.record_answer(session.id, participant, item.activity, item.question, canonical_answer(item))
        aggregate = store.aggregate(session.id)
    finally:
        store.close()
    assert set(aggregate) == {("cpts_project:projet-cpts-valmoran", q) for q in ("missions", "partners")}
    panels = {q: activity_panel("cpts_project", "projet-cpts-valmoran", q, aggregate) for q in ("missions", "partners")}
    assert all(p is not None and p["type"] == "bars" for p in panels.values())
    missions = {r["label"]: r["count"] for r in panels["missions"]["rows"]}
    assert missions["Trouver un médecin traitant pour les habitants qui n’en ont pas"] == 2
    partners = {r["label"]: r["count"] for r in panels["partners"]["rows"]}
    assert (
        partners["Le dispositif d’appui à la coordination (DAC)"] == 2
        and partners["L’ARS (délégation départementale)"] == 2
    )
    assert panels["missions"]["respondents"] == 3 and panels["partners"]["respondents"] == 3
