"""The room beside the survey, fed by the live session: a revealed STAGE → the survey widget's room.

``roomFromStage`` (widgets/static/team_compare_logic.js) reads the ``room_vs_survey`` panel that
the server reveals (pacte/live/panels.py, through the real STAGE of pacte/live/stage.py), and
``roomShares`` turns it into the percentages drawn beside the survey: they must be the room's
percentages of the panel itself.
"""

from __future__ import annotations

import time

import pytest
from node_runner import call_js

from pacte.live.stage import build_stage
from pacte.live.store import LiveSession, StageRow
from pacte.live.survey import survey_questions
from widgets.team_compare import comparison_spec

NOW = time.time()
SESSION = LiveSession(id="s", code="K7M2QX", title="Salle", created_at=NOW, expires_at=NOW + 3600, closed=False)
AGGREGATE = {
    ("survey:cohesion", "MSP"): {"close_knit": 2, "forming": 1},
    ("survey:cohesion", "CDS"): {"close_knit": 1, "fairly_homogeneous": 3},
    ("survey:difficulties", "CDS"): {'["conflicts","other"]': 2, '["conflicts"]': 1},
    ("quiz:dynamiques", "q1"): {"a": 4},
}
SETUP = """
const feed = (spec, room, stages) => {
  const rooms = [];
  for (const stage of stages) { room = m.roomFromStage(spec, room, stage); rooms.push(room); }
  return rooms;
};
const shares = (spec, room, qid) => m.roomShares(spec, room, qid);
"""


@pytest.fixture(scope="module")
def spec() -> dict:
    return comparison_spec()


def stage(seq: int, kind: str, ref: str, question: str, state: str) -> dict:
    """The STAGE trainees receive, built by the server's own code."""
    row = StageRow(seq=seq, kind=kind, ref=ref, question=question, state=state, updated_at=NOW)
    return build_stage(SESSION, row, NOW, AGGREGATE, {})


def test_a_revealed_survey_question_fills_the_room_with_the_panels_counts(spec):
    revealed = stage(3, "survey", "cohesion", "all", "revealed")
    panel = revealed["reveal"]["panel"]
    [rooms] = call_js("team_compare_logic", "feed", [[spec, {}, [revealed]]], setup=SETUP)
    assert rooms == [
        {"cohesion": {"respondents": 7, "counts": {"forming": 1, "fairly_homogeneous": 3, "close_knit": 3}}}
    ]
    [drawn] = call_js("team_compare_logic", "shares", [[spec, rooms[0], "cohesion"]], setup=SETUP)
    assert drawn["respondents"] == panel["respondents"] == 7
    assert drawn["percents"] == {r["id"]: r["room_percent"] for r in panel["rows"]}
    assert drawn["percents"] == {"forming": 14.3, "fairly_homogeneous": 42.9, "close_knit": 42.9}


def test_a_multiple_answer_question_counts_respondents_not_answers(spec):
    revealed = stage(4, "survey", "difficulties", "all", "revealed")
    [rooms] = call_js("team_compare_logic", "feed", [[spec, {}, [revealed]]], setup=SETUP)
    assert rooms[0]["difficulties"] == {"respondents": 3, "counts": {"conflicts": 3, "other": 2}}
    [drawn] = call_js("team_compare_logic", "shares", [[spec, rooms[0], "difficulties"]], setup=SETUP)
    panel_percents = {r["id"]: r["room_percent"] for r in revealed["reveal"]["panel"]["rows"]}
    assert {k: v for k, v in drawn["percents"].items() if k in panel_percents} == panel_percents
    assert drawn["percents"]["conflicts"] == 100.0 and drawn["percents"]["other"] == 66.7


def test_only_a_revealed_survey_question_of_the_widget_changes_the_room_and_leaving_empties_it(spec):
    known = {"cohesion": {"respondents": 2, "counts": {"forming": 2}}}
    stages = [
        stage(5, "survey", "cohesion", "all", "open"),  # not revealed yet
        stage(6, "survey", "cohesion", "all", "closed"),
        stage(7, "quiz", "dynamiques", "q1", "revealed"),  # not a survey question
        stage(8, "", "", "", "idle"),
        stage(9, "survey", "difficulties", "all", "revealed"),  # another question: added beside
        None,  # the trainee left the session
    ]
    assert stages[0]["reveal"] is None and stages[3]["state"] == "idle"
    [rooms] = call_js("team_compare_logic", "feed", [[spec, known, stages]], setup=SETUP)
    assert rooms[:4] == [known] * 4
    assert set(rooms[4]) == {"cohesion", "difficulties"} and rooms[4]["cohesion"] == known["cohesion"]
    assert rooms[5] == {}


def test_a_survey_question_the_widget_does_not_ask_leaves_the_room_alone(spec):
    # Every survey question of the course is in the default spec: a widget asking only « cohesion ».
    assert {q["id"] for q in spec["questions"]} == set(survey_questions())
    only_cohesion = {**spec, "questions": [q for q in spec["questions"] if q["id"] == "cohesion"]}
    revealed = stage(10, "survey", "difficulties", "all", "revealed")
    assert revealed["reveal"]["panel"]["type"] == "room_vs_survey"
    [rooms] = call_js("team_compare_logic", "feed", [[only_cohesion, {}, [revealed]]], setup=SETUP)
    assert rooms == [{}]


def test_room_shares_round_half_up_and_need_respondents(spec):
    calls = [
        [spec, {"cohesion": {"respondents": 3, "counts": {"forming": 1, "close_knit": 2}}}, "cohesion"],
        [spec, {"difficulties": {"respondents": 7, "counts": {"conflicts": 5, "other": 1}}}, "difficulties"],
        [spec, {"cohesion": {"counts": {"forming": 2, "fairly_homogeneous": 1}}}, "cohesion"],
        [spec, {"cohesion": {"respondents": 0, "counts": {}}}, "cohesion"],
        [spec, {}, "cohesion"],
    ]
    out = call_js("team_compare_logic", "roomShares", calls)
    assert out[0] == {"respondents": 3, "percents": {"forming": 33.3, "fairly_homogeneous": 0, "close_knit": 66.7}}
    assert out[1]["percents"]["conflicts"] == 71.4 and out[1]["percents"]["other"] == 14.3
    assert out[2] == {"respondents": 3, "percents": {"forming": 66.7, "fairly_homogeneous": 33.3, "close_knit": 0}}
    assert out[3] is None and out[4] is None


def test_a_revealed_word_cloud_neither_shows_nor_counts_a_hidden_entry():
    row = StageRow(
        seq=2, kind="wordcloud", ref="coordination-un-mot", question="answer", state="revealed", updated_at=NOW
    )
    aggregate = {("wordcloud:coordination-un-mot", "answer"): {"Confiance": 2, "Nom Prénom": 1}}
    hidden = {("wordcloud:coordination-un-mot", "answer"): {"Nom Prénom"}}
    panel = build_stage(SESSION, row, NOW, aggregate, hidden)["reveal"]["panel"]
    assert [w["text"] for w in panel["words"]] == ["Confiance"] and panel["respondents"] == 2
