"""Module « Les dynamiques d'équipe »: comparison logic, case graphs, quiz bank, JS/Python parity."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from node_runner import call_js

from pacte.course.banks import load_bank
from pacte.course.checks import load_data_file
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir
from widgets import Quiz
from widgets.cases import BranchingCase, load_case, walk
from widgets.team_compare import (
    TeamCompare,
    comparison_spec,
    place_answer,
)
from widgets.team_dynamics import team_survey_explorer

CASE_IDS = sorted(p.name.split(".")[0] for p in (datasets_dir() / "dynamiques").glob("*.case_graph.yaml"))


@pytest.fixture(scope="module")
def spec() -> dict:
    return comparison_spec()


# --- placing an answer in the survey distribution -------------------------------------------


def test_spec_comes_from_the_survey_tables(spec):
    assert [s["id"] for s in spec["structures"]] == ["MSP", "CDS", "CPTS"]
    assert sum(s["sample_size"] for s in spec["structures"]) == 521
    assert spec["distribution"]["cohesion"]["MSP"] == {"forming": 21, "fairly_homogeneous": 54, "close_knit": 25}
    assert spec["distribution"]["cpts_dynamics"]["CPTS"]["growing"] == 49
    assert "Schweyer" in spec["source"]


def test_close_knit_msp_team_is_placed_among_the_25_percent(spec):
    result = place_answer(spec, "MSP", "cohesion", "close_knit")
    assert result["status"] == "ok"
    (item,) = result["items"]
    assert item["percent"] == 25 and item["rank"] == 2
    assert item["sentence"].startswith(
        "Vous faites partie des 25\u00a0% de coordinateurs de MSP qui jugent leur équipe « vraiment soudée »."
    )
    assert "« Assez homogène » (54\u00a0%)" in item["sentence"]


def test_most_frequent_answer_is_said_so(spec):
    item = place_answer(spec, "CPTS", "cpts_dynamics", "growing")["items"][0]
    assert item["rank"] == 1 and item["sentence"].endswith("C’est la réponse la plus fréquente.")


def test_multiple_answers_are_each_placed_in_survey_order(spec):
    result = place_answer(spec, "CDS", "difficulties", ["material_conditions", "conflicts"])
    assert [i["answer"] for i in result["items"]] == ["conflicts", "material_conditions"]
    assert [i["percent"] for i in result["items"]] == [56, 31]


@pytest.mark.parametrize(
    "structure,question,answer,field,fragment",
    [
        ("MSP", "cohesion", "tres_soudee", "answers.cohesion", "Réponse non prévue\u00a0: «\u00a0tres_soudee\u00a0»"),
        ("CPTS", "cohesion", "close_knit", "answers.cohesion", "n’a pas été posée aux coordinateurs de CPTS"),
        ("ESP", "cohesion", "close_knit", "structure", "Type de structure non prévu"),
        (
            "MSP",
            "difficulties",
            ["nothing", "conflicts"],
            "answers.difficulties",
            "«\u00a0Rien\u00a0» ne peut pas être coché",
        ),
        ("MSP", "difficulties", [], "answers.difficulties", "Cochez au moins une réponse"),
        ("MSP", "cohesion", ["close_knit"], "answers.cohesion", "Choisissez une seule réponse"),
        ("MSP", "cohesion", None, "answers.cohesion", "Choisissez une réponse"),
        ("MSP", "budget", "x", "question", "Question inconnue"),
    ],
)
def test_answers_outside_the_allowed_values_are_refused(spec, structure, question, answer, field, fragment):
    result = place_answer(spec, structure, question, answer)
    assert result["status"] == "invalid" and result["field"] == field
    assert fragment in result["message"]


def test_team_compare_widget_answers_reach_python(spec):
    w = TeamCompare(spec)
    assert w._module == "team_compare" and "room" not in w.keys  # the room is drawn by the browser alone
    seen = []
    w.on_result(lambda r: seen.append((r["structure"], {q: res["status"] for q, res in r["results"].items()})))
    w.answers = {"structure": "MSP", "cohesion": "close_knit"}
    assert w.kernel_result["results"]["cohesion"]["items"][0]["percent"] == 25
    assert seen == [("MSP", {"cohesion": "ok"})]
    assert 'data-pacte-module="team_compare"' in w.static_html()


# --- case graphs -----------------------------------------------------------------------------


def all_paths(case: dict) -> list[list[str]]:
    """Every sequence of choices from the start to a debrief (the graphs have no cycle)."""
    nodes = {n["id"]: n for n in case["nodes"]}
    out: list[list[str]] = []

    def dfs(node_id: str, choices: list[str], depth: int) -> None:
        assert depth < 50, "path too long: a cycle?"
        node = nodes[node_id]
        if node["kind"] == "debrief":
            out.append(choices)
            return
        for c in node["choices"]:
            dfs(c["next"], choices + [c["id"]], depth + 1)

    dfs(case["start"], [], 0)
    return out


def test_module_has_at_least_three_cases():
    assert len(CASE_IDS) >= 3


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_every_choice_leads_somewhere_and_every_path_ends_in_a_debrief(case_id):
    case = load_case(case_id)
    ids = {n["id"] for n in case["nodes"]}
    for node in case["nodes"]:
        for choice in node.get("choices", []):
            assert choice["next"] in ids
    paths = all_paths(case)
    assert len(paths) >= 3
    reached = set()
    for choices in paths:
        result = walk(case, choices)
        assert result["finished"] and result["outcome"] in ("favorable", "mitige", "defavorable")
        reached.update(result["path"])
    assert reached == ids, "every node is on some path"
    outcomes = {walk(case, p)["outcome"] for p in paths}
    assert "favorable" in outcomes and len(outcomes) >= 2


def test_walk_refuses_an_unknown_choice_naming_the_field():
    case = load_case("medecin-justifier")
    with pytest.raises(ValueError, match=r"choices\[1\]: 'zzz' is not a choice of node 'decompte'"):
        walk(case, ["liste", "zzz"])
    with pytest.raises(ValueError, match=r"choices\[2\]: the case already ended"):
        walk(case, ["liste", "releve", "x"])


def test_branching_case_widget_reports_to_python():
    w = BranchingCase.from_file("conflit-pouvoir")
    w.answers = {"path": ["parti", "renouer"]}
    assert w.kernel_result["node"] == "decision" and w.kernel_result["finished"] is False
    w.answers = {"path": ["methode", "assemblee"]}
    assert w.kernel_result == {
        "node": "gouvernance-collegiale",
        "path": ["protocole", "decision", "gouvernance-collegiale"],
        "steps": 2,
        "finished": True,
        "outcome": "favorable",
    }
    w.answers = {"path": ["nope"]}
    assert "choices[0]" in w.kernel_result["error"]
    assert w.case["citations"]["henaut2018"].startswith("Hénaut")


def _write_case(tmp_path: Path, mutate) -> Path:
    src = datasets_dir() / "dynamiques" / "medecin-justifier.case_graph.yaml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "medecin-justifier.case_graph.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_broken_graph_choice_to_nowhere_is_rejected_with_file_line_and_field(tmp_path):
    def mutate(d):
        d["nodes"][1]["choices"][0]["next"] = "nulle-part"

    path = _write_case(tmp_path, mutate)
    with pytest.raises(DataError) as err:
        load_data_file(path)
    e = err.value
    assert e.path == str(path) and e.field == "nodes[1].choices[0].next"
    assert e.line == _line_of(path, "next: nulle-part")
    assert "'nulle-part'" in e.message and f"{path}:{e.line} [nodes[1].choices[0].next]" in str(e)


def test_broken_graph_unreachable_node_is_rejected(tmp_path):
    def mutate(d):
        d["nodes"].append(
            {
                "id": "orphelin",
                "kind": "debrief",
                "outcome": "mitige",
                "title": "t",
                "text": "t",
                "takeaways": ["t"],
                "sources": [{"ref": "schweyer2025", "detail": "d"}],
            }
        )

    path = _write_case(tmp_path, mutate)
    with pytest.raises(DataError, match="cannot be reached from the start") as err:
        load_data_file(path)
    assert err.value.field == "nodes[7].id" and err.value.line == _line_of(path, "id: orphelin")


def test_broken_graph_cycle_without_exit_is_rejected(tmp_path):
    def mutate(d):
        d["nodes"].append(
            {
                "id": "boucle-a",
                "kind": "situation",
                "level": "application",
                "title": "a",
                "text": "a",
                "choices": [{"id": "x", "text": "x", "next": "boucle-b"}, {"id": "y", "text": "y", "next": "boucle-b"}],
            }
        )
        d["nodes"].append(
            {
                "id": "boucle-b",
                "kind": "situation",
                "level": "application",
                "title": "b",
                "text": "b",
                "choices": [{"id": "x", "text": "x", "next": "boucle-a"}, {"id": "y", "text": "y", "next": "boucle-a"}],
            }
        )
        d["nodes"][0]["choices"][2]["next"] = "boucle-a"
        d["nodes"] = [n for n in d["nodes"] if n["id"] != "soutien-prive"]

    path = _write_case(tmp_path, mutate)
    with pytest.raises(DataError, match="no debrief can be reached from node 'boucle-a'") as err:
        load_data_file(path)
    assert err.value.field.endswith(".choices") and err.value.line is not None


@pytest.mark.parametrize(
    "mutate,field,fragment",
    [
        (lambda d: d["nodes"][-1]["sources"][0].update(ref="inconnu2099"), "nodes[6].sources[0].ref", "not a key"),
        (lambda d: d.update(start="ailleurs"), "start", "does not exist"),
        (lambda d: d["nodes"][0]["choices"][1].update(id="liste"), "nodes[0].choices[1].id", "duplicate choice id"),
        (lambda d: d["nodes"][-1].pop("sources"), "nodes[6]", "'sources' is a required property"),
        (lambda d: d["nodes"][0].update(kind="debrief"), "nodes[0]", "required property"),
        (lambda d: d.update(id="autre-nom"), "id", "must match the file name"),
    ],
)
def test_other_broken_graphs_are_rejected(tmp_path, mutate, field, fragment):
    path = _write_case(tmp_path, mutate)
    with pytest.raises(DataError) as err:
        load_data_file(path)
    assert err.value.field == field and fragment in err.value.message and err.value.line is not None


# --- quiz bank and explorer ------------------------------------------------------------------


def test_quiz_bank_has_twelve_sourced_questions_and_pages_use_all_of_them():
    bank = load_bank("dynamiques-equipe")
    assert len(bank["questions"]) >= 12
    assert all(q["explanation"] and q["source"]["detail"] for q in bank["questions"])
    pages = Path(__file__).resolve().parents[1] / "modules" / "dynamiques"
    text = "".join(p.read_text(encoding="utf-8") for p in pages.glob("*.md"))
    for q in bank["questions"]:
        assert f'"{q["id"]}"' in text, f"question {q['id']} is asked on no page"
    with pytest.raises(KeyError, match="absente"):
        Quiz.from_bank("dynamiques-equipe", ["absente"])
    part = Quiz.from_bank("dynamiques-equipe", ["hierarchies", "conditions"], title="Quiz : essai")
    assert [q["id"] for q in part.bank["questions"]] == ["hierarchies", "conditions"]
    assert part.bank["title"] == "Quiz\u00a0: essai" and part.bank["citations"]["henaut2018"].startswith("Hénaut")


def test_explorer_has_a_question_select_and_structure_checkboxes():
    spec = team_survey_explorer("difficulties").spec
    params = {p["name"]: p for p in spec["params"]}
    assert params["question"]["value"] == "difficulties" and params["question"]["bind"]["input"] == "select"
    for s in ("msp", "cds", "cpts"):
        assert params[f"voir_{s}"]["bind"]["input"] == "checkbox"
    with pytest.raises(ValueError, match="initial"):
        team_survey_explorer("budget")
    with pytest.raises(ValueError, match="structures"):
        team_survey_explorer(structures=["ESP"])


# --- JavaScript / Python parity --------------------------------------------------------------

PLACE_CASES = [
    ("MSP", "cohesion", "close_knit"),
    ("CDS", "cohesion", "forming"),
    ("CPTS", "cpts_dynamics", "declining"),
    ("CPTS", "cpts_dynamics", "growing"),
    ("MSP", "satisfaction", ["recognition", "projects"]),
    ("CPTS", "difficulties", ["nothing"]),
    ("MSP", "difficulties", ["other", "conflicts", "work_content"]),
    ("MSP", "cohesion", "xyz"),
    ("CPTS", "cohesion", "close_knit"),
    ("ESP", "cohesion", "close_knit"),
    ("MSP", "difficulties", ["nothing", "other"]),
    ("MSP", "difficulties", []),
    ("MSP", "cohesion", None),
    ("MSP", "cohesion", ["close_knit"]),
    ("MSP", "difficulties", "conflicts"),
    ("MSP", "difficulties", ["conflicts", "conflicts"]),
    ("MSP", "nope", "x"),
    ("CDS", "cohesion", 3),
]


def test_placement_parity_js_python(spec):
    calls = [[spec, *c] for c in PLACE_CASES]
    assert call_js("team_compare_logic", "placeAnswer", calls) == [place_answer(spec, *c) for c in PLACE_CASES]


def test_case_walk_parity_js_python():
    cases = {cid: load_case(cid) for cid in CASE_IDS}
    walks = []
    for cid, case in cases.items():
        for p in all_paths(case):
            walks.append((cid, p))
            walks.append((cid, p[:-1]))
        walks.append((cid, ["inexistant"]))
        walks.append((cid, all_paths(case)[0] + ["apres-la-fin"]))
    out = call_js("branching_case_logic", "walk", [[cases[cid], choices] for cid, choices in walks])
    for (cid, choices), js in zip(walks, out, strict=True):
        try:
            py = walk(cases[cid], choices)
        except ValueError:
            assert js["ok"] is False and js["message"], (cid, choices, js)
            continue
        assert js.pop("ok") is True
        assert js == py, (cid, choices)
