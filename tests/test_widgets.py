"""The widgets' two hosts: anywidget state for kernels, JSON containers for the static book."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from pacte.course.chart_theme import FRENCH_NUMBER_LOCALE
from pacte.course.fmt import euros, number, percent
from widgets import Quiz, chart
from widgets.survey import profile_chart, survey_explorer


def _static_state(widget) -> dict:
    html = widget._repr_mimebundle_()[0]["text/html"]
    match = re.search(r'<script type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1).replace("<\\/", "</"))


def test_quiz_bundle_has_widget_view_and_static_container():
    quiz = Quiz.from_bank("profils-coordination")
    data, _ = quiz._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert 'data-pacte-module="quiz"' in data["text/html"]
    state = _static_state(quiz)
    assert state["bank"]["id"] == "profils-coordination"
    assert state["bank"]["citations"]["schweyer2025"] == "Schweyer, 2025"
    assert "_esm" not in state


def test_static_state_escapes_closing_script_tags():
    bank = {"id": "x", "title": "</script><script>alert(1)</script>", "questions": []}
    html = Quiz(bank)._repr_mimebundle_()[0]["text/html"]
    assert html.count("</script>") == 1
    assert _static_state(Quiz(bank))["bank"]["title"].startswith("</script>")


def test_python_side_sees_answers_and_rescores():
    quiz = Quiz.from_bank("financement")
    first, second = quiz.bank["questions"][:2]
    right = next(c["id"] for c in first["choices"] if c.get("correct"))
    wrong = next(c["id"] for c in second["choices"] if not c.get("correct"))
    seen = []
    quiz.on_result(lambda result: seen.append((result["answered"], result["correct"])))
    quiz.answers = {first["id"]: right}
    quiz.answers = {first["id"]: right, second["id"]: wrong}
    assert seen == [(1, 1), (2, 1)]
    assert quiz.kernel_result["correct"] == 1 and quiz.kernel_result["answered"] == 2


def test_chart_requires_title_description_and_source():
    base = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q")
    with pytest.raises(ValueError, match="'description' must be a non-empty string"):
        chart(base, title="T", description=" ", source="S")
    c = chart(base, title="T", description="D", source="Schweyer, 2025")
    assert c.spec["description"] == "D" and c.spec["title"] == "T"
    assert c.spec["config"]["locale"]["number"] == FRENCH_NUMBER_LOCALE
    assert c.source == "Source\u00a0: Schweyer, 2025"  # French typography applied by the widget helper


def test_survey_explorer_has_a_client_side_selector_over_all_questions():
    c = survey_explorer()
    params = c.spec["layer"][0].get("params", []) + c.spec.get("params", [])
    select = [p for p in params if p.get("name") == "question"][0]
    assert select["bind"]["input"] == "select"
    assert set(select["bind"]["options"]) == {"cohesion", "cpts_dynamics", "satisfaction", "difficulties"}
    assert "Schweyer, 2025" in c.source
    with pytest.raises(ValueError, match="unknown survey question"):
        survey_explorer("nope")


def test_profile_chart_values_come_from_the_dataset():
    c = profile_chart()
    rows = next(iter(c.spec["datasets"].values()))
    women_msp = [r for r in rows if r["indicator_id"] == "women" and r["structure"] == "MSP"][0]
    assert women_msp["percent"] == 88 and women_msp["source"] == "schweyer2025"


def test_french_formats():
    assert number(1200) == "1\u00a0200"
    assert number(12.5, 1) == "12,5"
    assert percent(56) == "56\u00a0%"
    assert euros(73500) == "73\u00a0500\u00a0€"


def test_static_state_never_holds_nan():
    bank = {"id": "x", "title": "Quiz", "questions": [], "ratio": float("nan"), "rows": [{"v": float("inf")}]}
    html = Quiz(bank)._repr_mimebundle_()[0]["text/html"]
    payload = re.search(r'<script type="application/json">(.*)</script>', html, re.S).group(1)
    state = json.loads(payload)
    assert state["bank"]["ratio"] is None and state["bank"]["rows"] == [{"v": None}]
