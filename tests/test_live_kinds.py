"""Every kind of live activity: a valid answer is stored and reaches the trainer's panels,
an answer naming something the course does not have is refused with a French message."""

from __future__ import annotations

import json

import pytest

from pacte.live.kind_registry import activity_panel, canonical_answer, panel
from pacte.live.kinds import bank, document
from pacte.live.protocol import ProtocolError, parse_answer, split_activity
from pacte.live.store import open_store


def _first_choice_question(bank_id: str) -> tuple[str, str]:
    q = next(q for q in bank(bank_id)["questions"] if q["type"] == "single")
    return q["id"], next(c["id"] for c in q["choices"] if c.get("correct"))


def valid_answers() -> list[tuple[str, str, object]]:
    """One valid answer per kind, taken from the course's own data."""
    qid, choice = _first_choice_question("financement")
    sorting = document("sorting_exercise", "situations-dimensions")
    grid = document("diagnosis_grid", "diagnostic-dimensions")
    case = document("case_graph", "conflit-pouvoir")
    ordering = document("ordering_exercise", "panorama-reformes")
    project = document("cpts_project", "projet-cpts-valmoran")
    item = sorting["items"][0]
    return [
        ("quiz:financement", qid, choice),
        ("survey:cohesion", "MSP", "close_knit"),
        ("text:mot-equipe", "answer", "Une équipe qui se parle"),
        ("sorting:situations-dimensions", item["id"], item["expected"]),
        ("diagnosis:diagnostic-dimensions", grid["statements"][0]["id"], grid["scale"]["max"]),
        ("case:conflit-pouvoir", case["start"], case["nodes"][0]["choices"][0]["id"]),
        (
            "ordering:panorama-reformes",
            "order",
            [i["id"] for i in sorted(ordering["items"], key=lambda i: i["position"])],
        ),
        ("cpts_project:projet-cpts-valmoran", "missions", [project["missions"][0]["id"]]),
    ]


@pytest.mark.parametrize("activity,question,answer", valid_answers(), ids=lambda v: str(v)[:30])
def test_a_valid_answer_is_stored_and_reaches_the_panels(tmp_path, activity, question, answer):
    store = open_store(None, tmp_path)
    session = store.create_session("Test")
    participant = store.add_participant(session.id)
    parsed = parse_answer({"activity": activity, "question": question, "answer": answer})
    store.record_answer(session.id, participant, parsed.activity, parsed.question, canonical_answer(parsed))
    aggregate = store.aggregate(session.id)
    store.close()
    assert list(aggregate) == [(activity, question)]
    kind, ref = split_activity(activity)
    drawn = activity_panel(kind, ref, question, aggregate)
    assert drawn is not None, f"{activity} has no dashboard panel"
    assert drawn["respondents"] == 1
    counted = sum(r["count"] for r in drawn.get("rows", [])) or sum(w["count"] for w in drawn.get("words", []))
    assert counted >= 1


@pytest.mark.parametrize(
    "activity,question,answer",
    [
        ("quiz:financement", "nope", "a"),
        ("quiz:nope", "q", "a"),
        ("sorting:situations-dimensions", "nope", "logistique"),
        ("sorting:situations-dimensions", "salles-plages", "nope"),
        ("diagnosis:diagnostic-dimensions", "log-locaux", 9),
        ("case:conflit-pouvoir", "protocole", "nope"),
        ("case:nope", "protocole", "methode"),
        ("ordering:panorama-reformes", "order", ["x"]),
        ("cpts_project:projet-cpts-valmoran", "budget", ["x"]),
        ("text:mot-equipe", "answer", "\u200b\u202e \u2066"),
        ("survey:cohesion", "HOPITAL", "close_knit"),
    ],
)
def test_an_answer_the_course_does_not_have_is_refused_in_french(activity, question, answer):
    with pytest.raises(ProtocolError) as err:
        canonical_answer(parse_answer({"activity": activity, "question": question, "answer": answer}))
    assert err.value.message and err.value.message[0].isupper()


def test_ordering_panel_counts_the_expected_order():
    ordering = document("ordering_exercise", "panorama-reformes")
    expected = [i["id"] for i in sorted(ordering["items"], key=lambda i: i["position"])]
    drawn = panel("ordering", "panorama-reformes", "order", {json.dumps(expected): 2, json.dumps(expected[::-1]): 1})
    assert drawn is not None and drawn["type"] == "bars" and drawn["respondents"] == 3
    assert [(r["label"], r["count"], r["correct"]) for r in drawn["rows"]] == [
        ("Ordre attendu", 2, True),
        ("Autre ordre", 1, False),
    ]
