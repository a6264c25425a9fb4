"""The catalogue of pushable activities, what trainees see, what a reveal shows, and the live prompts' pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from pacte.course.checks.live_prompts import check
from pacte.course.errors import DataError
from pacte.course.prompts import live_prompts, module_titles
from pacte.course.yaml_lines import load_yaml_with_lines
from pacte.live.catalogue import SURVEY_ALL, catalogue, stage_covers
from pacte.live.kind_registry import activity_view, reveal_view
from pacte.live.kinds import bank
from pacte.live.survey import survey_questions
from widgets import live_prompts_for

ROOT = Path(__file__).resolve().parents[1]
PROMPTS = ROOT / "datasets" / "live" / "prompts.live_prompts.yaml"
MODULES = {"dimensions", "financement", "dynamiques", "panorama", "metier", "territoires"}


def keys(kind: str) -> set[tuple[str, str]]:
    return {(a["ref"], a["question"]) for a in catalogue() if a["kind"] == kind}


def test_every_entry_has_the_contract_fields_and_a_view():
    entries = catalogue()
    assert len({(a["kind"], a["ref"], a["question"]) for a in entries}) == len(entries)
    for a in entries:
        assert set(a) == {"kind", "ref", "question", "module", "module_title", "page", "title", "prompt"}
        assert a["module"] in MODULES | {""} and a["title"] and a["prompt"]
        assert a["module_title"] == module_titles().get(a["module"], ""), a
        assert a["page"] == "" or (ROOT / a["page"]).is_file(), a
        view = activity_view(a["kind"], a["ref"], a["question"])
        assert view is not None and (view["kind"], view["ref"], view["question"]) == (
            a["kind"],
            a["ref"],
            a["question"],
        )
        json.dumps(view)


def test_every_module_of_the_catalogue_is_headed_by_its_french_title():
    """The dashboard groups activities under ``module_title``: the chapter title, in French typography."""
    titles = {a["module"]: a["module_title"] for a in catalogue() if a["module"]}
    assert set(titles) == MODULES
    assert titles["financement"] == "Du paiement à l’acte aux rémunérations d’équipe"
    assert titles["panorama"] == "Panorama\u00a0: les structures de l’exercice coordonné"
    for slug, title in titles.items():
        assert title and title != slug and "'" not in title and " :" not in title and " ?" not in title, title
    assert all(a["module_title"] == "" for a in catalogue() if not a["module"])


def test_every_survey_question_is_in_the_catalogue():
    assert keys("survey") == {(q, SURVEY_ALL) for q in survey_questions()}
    view = activity_view("survey", "cohesion", SURVEY_ALL)
    assert view is not None and [s["id"] for s in view["input"]["structures"]] == ["MSP", "CDS"]
    assert view["input"]["type"] == "survey" and view["input"]["multiple"] is False
    assert reveal_view("survey", "cohesion", SURVEY_ALL)["source"].startswith("Schweyer, 2025")


def test_every_choice_question_of_every_bank_is_in_the_catalogue():
    expected = set()
    for path in sorted((ROOT / "datasets" / "quiz").glob("*.yaml")):
        for q in (bank(path.stem) or {})["questions"]:
            if q["type"] in ("single", "multiple"):
                expected.add((path.stem, q["id"]))
    assert keys("quiz") == expected
    entry = next(a for a in catalogue() if (a["kind"], a["ref"], a["question"]) == ("quiz", "metier", "activites-bloc"))
    assert (entry["module"], entry["page"]) == ("metier", "modules/metier/activites-et-taches.md")


def test_every_live_prompt_is_in_the_catalogue():
    assert {(a["kind"], a["ref"]) for a in catalogue() if a["kind"] in ("text", "wordcloud", "scale", "ranking")} == {
        (p["kind"], pid) for pid, p in live_prompts().items()
    }


def test_no_activity_view_leaks_the_right_answer():
    for a in catalogue():
        view = activity_view(a["kind"], a["ref"], a["question"])
        text = json.dumps(view, ensure_ascii=False)
        assert '"correct"' not in text and "explanation" not in text and "feedback" not in text
        if a["kind"] == "quiz":
            q = next(q for q in bank(a["ref"])["questions"] if q["id"] == a["question"])
            assert q["explanation"] not in text
            assert all(c["feedback"] not in text for c in q["choices"] if c.get("feedback"))


def test_views_per_input_type():
    quiz = activity_view("quiz", "metier", "activites-bloc")
    assert quiz["input"] == {
        "type": "choice",
        "multiple": False,
        "choices": [
            {"id": c["id"], "label": c["text"]}
            for c in next(q for q in bank("metier")["questions"] if q["id"] == "activites-bloc")["choices"]
        ],
    }
    assert activity_view("wordcloud", "coordination-un-mot", "answer")["input"] == {"type": "text", "max_length": 60}
    scale = activity_view("scale", "aci-temps-coordination", "answer")["input"]
    assert (scale["type"], scale["min"], scale["max"], scale["labels"]["5"]) == ("scale", 1, 5, "Tout à fait d’accord")
    ranking = activity_view("ranking", "blocs-semaine", "order")["input"]
    assert ranking["type"] == "ranking" and [i["id"] for i in ranking["items"]] == [
        "gestion",
        "clinique",
        "sante-publique",
    ]
    assert activity_view("text", "mot-equipe", "answer")["input"] == {"type": "text", "max_length": 140}


@pytest.mark.parametrize(
    "activity",
    [
        ("quiz", "metier", "inconnue"),
        ("quiz", "inconnu", "q"),
        ("survey", "cohesion", "MSP"),
        ("scale", "blocs-semaine", "answer"),
        ("ranking", "blocs-semaine", "answer"),
        ("case", "conflit-pouvoir", "inconnu"),
        ("case", "inconnu", "protocole"),
        ("nope", "x", "y"),
    ],
)
def test_unknown_activities_have_no_view(activity):
    assert activity_view(*activity) is None


def test_reveal_views():
    quiz = reveal_view("quiz", "metier", "activites-bloc")
    assert (
        quiz["correct"] == ["sante-publique"] and quiz["explanation"] and quiz["source"].startswith("Schweyer, 2025, ")
    )
    scale = reveal_view("scale", "aci-temps-coordination", "answer")
    assert scale["correct"] == [] and scale["explanation"] and scale["source"]
    assert reveal_view("wordcloud", "coordination-un-mot", "answer") == {"correct": [], "explanation": "", "source": ""}
    assert reveal_view("quiz", "inconnu", "q") == {"correct": [], "explanation": "", "source": ""}


def test_a_pushed_survey_question_covers_every_structure():
    assert stage_covers("survey", "cohesion", SURVEY_ALL, "survey:cohesion", "MSP")
    assert not stage_covers("survey", "cohesion", SURVEY_ALL, "survey:satisfaction", "MSP")
    assert stage_covers("quiz", "metier", "activites-bloc", "quiz:metier", "activites-bloc")
    assert not stage_covers("quiz", "metier", "activites-bloc", "quiz:metier", "activites-traduction")


def test_at_least_twelve_prompts_tied_to_the_six_modules():
    tied = [p for p in live_prompts().values() if p["page"]]
    assert len(tied) >= 12
    assert {p["module"] for p in tied} == MODULES
    assert {p["kind"] for p in tied} >= {"wordcloud", "scale", "ranking"}
    for p in tied:
        assert (ROOT / p["page"]).is_file() and p["page"].startswith(f"modules/{p['module']}/")
    assert set(module_titles()) == MODULES


@pytest.mark.parametrize("page", sorted({p["page"] for p in live_prompts().values() if p["page"]}))
def test_every_prompt_page_lists_its_prompts_in_the_trainer_notes(page):
    text = (ROOT / page).read_text(encoding="utf-8")
    notes = text[text.index("## Notes pour le formateur") :]
    assert re.search(
        r"```\{code-cell\} ipython3\n:tags: \[remove-input\]\n\nfrom widgets import live_prompts_for\n\n"
        + re.escape(f'live_prompts_for("{page}")'),
        notes,
    ), page
    shown = live_prompts_for(page).data
    for p in live_prompts().values():
        if p["page"] == page:
            assert f"data-activity='{p['kind']}:{p['id']}'" in shown and p["title"] in shown
    assert shown.count("class='pacte-live-prompt'") == sum(p["page"] == page for p in live_prompts().values())


def test_a_page_without_prompts_is_an_error():
    with pytest.raises(KeyError):
        live_prompts_for("modules/metier/naissance-de-la-fonction.md")


def _check_with(tmp_path: Path, change) -> None:
    data = yaml.safe_load(PROMPTS.read_text(encoding="utf-8"))
    change(data["prompts"])
    path = tmp_path / "x.live_prompts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded, lines = load_yaml_with_lines(path)
    check(loaded, path, lines)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda ps: ps[1].update(page="modules/dimensions/absente.md"), "does not exist"),
        (lambda ps: ps[1].update(page="modules/metier/legitimite.md"), "not in the folder of module"),
        (lambda ps: ps[2]["items"].append(dict(ps[2]["items"][0])), "duplicate item id"),
        (lambda ps: ps.append(dict(ps[0])), "duplicate id"),
        (lambda ps: ps[3].update(labels=[{"value": 9, "label": "x"}, {"value": 1, "label": "y"}]), "outside 1..5"),
        (lambda ps: ps[3]["source"].update(locator="une phrase absente de la source"), "locator not found"),
    ],
)
def test_the_check_refuses_bad_prompts(tmp_path, change, message):
    _check_with(tmp_path, lambda ps: None)
    with pytest.raises(DataError, match=message):
        _check_with(tmp_path, change)


def test_every_decision_step_of_every_case_is_pushable_and_its_reveal_gives_every_consequence():
    from pacte.live.cases import case_ids
    from pacte.live.kinds import document

    assert len(case_ids()) >= 4
    for case_id in case_ids():
        case = document("case_graph", case_id)
        assert case is not None
        steps = [n for n in case["nodes"] if n["kind"] == "situation"]
        assert {(case_id, n["id"]) for n in steps} <= keys("case")
        for node in steps:
            view = activity_view("case", case_id, node["id"])
            assert view is not None and view["input"]["type"] == "choice" and not view["input"]["multiple"]
            assert [c["id"] for c in view["input"]["choices"]] == [c["id"] for c in node["choices"]]
            text = json.dumps(view, ensure_ascii=False)
            consequences = [" ".join(c["consequence"].split()) for c in node["choices"] if c.get("consequence")]
            assert all(c not in text for c in consequences), "the consequences are for the reveal"
            reveal = reveal_view("case", case_id, node["id"])
            assert reveal["correct"] == [] and reveal["source"].startswith(("Schweyer", "Hénaut", "Fournier"))
            assert all(c.split(" ")[0] in reveal["explanation"] for c in consequences)
            # The same, one item per choice in choice order, for a list on the trainee's phone.
            assert [c["id"] for c in reveal["consequences"]] == [c["id"] for c in node["choices"]]
            for choice, item in zip(node["choices"], reveal["consequences"], strict=True):
                said = " ".join(choice.get("consequence", "").split())
                assert item["text"].split(" ")[0] == said.split(" ")[0] if said else "la suite" in item["text"]
        entry = next(a for a in catalogue() if a["kind"] == "case" and a["ref"] == case_id)
        assert entry["page"].startswith("modules/") and entry["module"] == entry["page"].split("/")[1]
