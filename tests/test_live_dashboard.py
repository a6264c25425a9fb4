"""The trainer dashboard's Python side: panels from the store, and the trainer's commands."""

from __future__ import annotations

import csv
import io

import pytest

from pacte.live.aggregate import build_panels
from pacte.live.store import open_store
from widgets.live_dashboard import LiveDashboard


def test_panels_count_choices_and_compare_with_the_survey():
    agg = {
        ("quiz:profils-coordination", "satisfactions"): {'["animation", "projet"]': 2, '["projet"]': 1},
        ("survey:cohesion", "MSP"): {"close_knit": 3, "forming": 1},
        ("text:mot-equipe", "answer"): {"<script>x</script>": 1, "soudée": 2},
    }
    quiz, survey, text = build_panels(agg, {("survey:cohesion", "MSP")})
    assert quiz["respondents"] == 3
    assert {r["label"]: (r["count"], r["correct"]) for r in quiz["rows"]} == {
        "Mener à bien un projet et ses missions": (3, True),
        "L’animation et la dynamique d’équipe": (2, True),
        "La réussite personnelle et la reconnaissance des pairs": (0, False),
    }
    assert quiz["spec"]["description"].endswith("nombre de réponses par choix")
    rows = {r["label"]: r for r in survey["rows"]}
    assert rows["Vraiment soudée"]["room_percent"] == 75.0 and rows["Vraiment soudée"]["survey_percent"] == 25.0
    assert survey["hidden"] is True and quiz["hidden"] is False
    assert survey["spec"]["config"]["locale"]["number"]["decimal"] == ","
    assert text["texts"][0] == {"text": "soudée", "count": 2} and text["spec"] is None


def test_unknown_activities_are_left_out():
    assert build_panels({("quiz:nope", "q"): {"a": 1}, ("other:x", "q"): {"a": 1}}, set()) == []


@pytest.fixture
def dashboard(tmp_path, monkeypatch):
    monkeypatch.setenv("PACTE_PUBLIC_URL", "http://salle.local:8866/")
    store = open_store(None, tmp_path)
    yield LiveDashboard(store=store)
    store.close()


def command(dash, action, **kwargs):
    dash.command = {"action": action, "nonce": f"{action}-{len(dash.message)}-{kwargs}", **kwargs}


def test_trainer_commands_drive_the_store(dashboard):
    command(dashboard, "create", title="Promo 12")
    code = dashboard.current["code"]
    assert dashboard.current["join_url"] == f"http://salle.local:8866/?seance={code}"
    assert dashboard.current["qr_svg"].startswith("<svg")
    assert dashboard.sessions[0]["title"] == "Promo 12"
    store, sid = dashboard.store, dashboard.current["id"]
    p1, p2 = store.add_participant(sid), store.add_participant(sid)
    store.record_answer(sid, p1, "quiz:profils-coordination", "feminisation", "p88")
    store.record_answer(sid, p2, "quiz:profils-coordination", "feminisation", "p76")
    dashboard.refresh()
    assert dashboard.participants == 2 and dashboard.panels[0]["respondents"] == 2
    command(dashboard, "hide", activity="quiz:profils-coordination", question="feminisation")
    assert dashboard.panels[0]["hidden"] is True
    command(dashboard, "export")
    rows = list(csv.DictReader(io.StringIO(dashboard.export["content"])))
    assert {r["answer"] for r in rows} == {"p88", "p76"} and dashboard.export["filename"] == f"seance-{code}.csv"
    command(dashboard, "reset", activity="quiz:profils-coordination", question="feminisation")
    assert dashboard.panels == [] and "2 réponses effacées" in dashboard.message
    command(dashboard, "close")
    assert dashboard.current["closed"] is True and store.session_by_code(code) is None
    command(dashboard, "delete")
    assert dashboard.current == {} and dashboard.sessions == [] and store.session(sid) is None


def test_a_failing_command_is_reported_not_raised(dashboard):
    command(dashboard, "select", id="does-not-exist")
    assert dashboard.message == "Séance introuvable."
