"""The word cloud, scale and ranking kinds: protocol, schema and JS twin agree; answers are validated in French."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from node_runner import call_js

from pacte.course.prompts import live_prompts, prompts_of_kind
from pacte.live.kind_registry import canonical_answer
from pacte.live.protocol import KINDS, ProtocolError, parse_answer

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "datasets" / "schemas" / "live_answer.schema.json").read_text(encoding="utf-8"))
ENVELOPE = {"code": "ABCDEFGH", "participant": "p-12345678"}

CASES = [
    ("wordcloud:coordination-un-mot", "answer", "Confiance"),
    ("scale:aci-temps-coordination", "answer", 4),
    ("ranking:blocs-semaine", "order", ["gestion", "clinique", "sante-publique"]),
    ("wordcloud:Coordination", "answer", "x"),
    ("scale:aci-temps-coordination", "answer", True),
    ("ranking:blocs-semaine", "order", []),
    ("ranking:blocs-semaine", "order", [1, 2]),
]


def python_accepts(activity, question, answer) -> bool:
    try:
        parse_answer({"activity": activity, "question": question, "answer": answer})
        return True
    except ProtocolError:
        return False


def schema_accepts(activity, question, answer) -> bool:
    try:
        jsonschema.validate({**ENVELOPE, "activity": activity, "question": question, "answer": answer}, SCHEMA)
        return True
    except jsonschema.ValidationError:
        return False


def test_the_new_kinds_are_known_everywhere():
    assert {"wordcloud", "scale", "ranking"} <= set(KINDS)
    assert [python_accepts(*c) for c in CASES] == [True, True, True, False, False, False, False]
    assert [schema_accepts(*c) for c in CASES] == [python_accepts(*c) for c in CASES]
    js = call_js("live_protocol", "isLiveAnswer", [[{"activity": a, "question": q, "answer": v}] for a, q, v in CASES])
    assert js == [python_accepts(*c) for c in CASES]


def canonical(activity: str, question: str, answer) -> str:
    return canonical_answer(parse_answer({"activity": activity, "question": question, "answer": answer}))


def refused(activity: str, question: str, answer) -> str:
    with pytest.raises(ProtocolError) as info:
        canonical(activity, question, answer)
    return info.value.message


def test_a_word_cloud_entry_is_trimmed_and_its_spaces_collapsed_as_typed():
    assert canonical("wordcloud:coordination-un-mot", "answer", "  Travail   d’équipe \n") == "Travail d’équipe"
    assert canonical("wordcloud:coordination-un-mot", "answer", "x" * 60) == "x" * 60


@pytest.mark.parametrize(
    ("question", "answer", "message"),
    [
        ("answer", "x" * 61, "Réponse trop longue"),
        ("answer", "   \u200b ", "Réponse vide."),
        ("answer", 3, "Réponse vide."),
        ("texte", "Confiance", "Nuage de mots inconnu."),
    ],
)
def test_a_bad_word_cloud_entry_is_refused_in_french(question, answer, message):
    assert refused("wordcloud:coordination-un-mot", question, answer).startswith(message)


def test_a_word_cloud_id_of_another_kind_is_refused():
    assert refused("wordcloud:aci-temps-coordination", "answer", "x") == "Nuage de mots inconnu."
    assert refused("wordcloud:inconnu", "answer", "x") == "Nuage de mots inconnu."


def test_a_scale_answer_is_an_integer_in_range():
    assert [canonical("scale:aci-temps-coordination", "answer", v) for v in (1, 5, "3", 4.0)] == ["1", "5", "3", "4"]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (0, "Réponse attendue : un nombre entier de 1 à 5."),
        (6, "Réponse attendue : un nombre entier de 1 à 5."),
        ("-1", "Réponse attendue : un nombre entier de 1 à 5."),
        (2.5, "Réponse attendue : un nombre entier."),
        ("trois", "Réponse attendue : un nombre entier."),
        ("--3", "Réponse attendue : un nombre entier."),
        (["3"], "Réponse attendue : un nombre entier."),
    ],
)
def test_a_bad_scale_answer_is_refused_in_french(answer, message):
    assert refused("scale:aci-temps-coordination", "answer", answer) == message.replace(" :", "\u00a0:")


def test_a_scale_of_another_question_or_prompt_is_refused():
    assert refused("scale:aci-temps-coordination", "order", 3) == "Échelle inconnue."
    assert refused("scale:coordination-un-mot", "answer", 3) == "Échelle inconnue."


def test_a_ranking_is_a_permutation_of_all_its_items():
    order = ["sante-publique", "gestion", "clinique"]
    assert json.loads(canonical("ranking:blocs-semaine", "order", order)) == order


@pytest.mark.parametrize(
    "answer",
    [
        ["gestion", "clinique"],
        ["gestion", "clinique", "clinique"],
        ["gestion", "clinique", "sante-publique", "autre"],
        ["gestion", "clinique", "inconnu"],
        "gestion",
    ],
)
def test_a_bad_ranking_is_refused_in_french(answer):
    assert (
        refused("ranking:blocs-semaine", "order", answer)
        == "Réponse attendue\u00a0: tous les éléments, chacun une fois."
    )


def test_a_ranking_of_another_question_or_prompt_is_refused():
    assert refused("ranking:blocs-semaine", "answer", ["gestion"]) == "Question inconnue pour ce classement."
    assert refused("ranking:aci-temps-coordination", "order", ["a"]) == "Classement inconnu."


def test_text_prompts_are_the_live_prompts_of_kind_text():
    assert set(prompts_of_kind("text")) == {pid for pid, p in live_prompts().items() if p["kind"] == "text"}
    assert canonical("text:mot-equipe", "answer", " Soudée ") == "Soudée"
    assert refused("text:coordination-un-mot", "answer", "x") == "Question ouverte inconnue."
