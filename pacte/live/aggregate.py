"""What the trainer's dashboard shows for each question: counts, labels, the survey beside the room.

:func:`panel` and :func:`activity_panel` (defined in :mod:`pacte.live.panels`)
are the JSON panels of the kernel-less dashboard; :func:`build_panels` and
:func:`panel_spec` (Vega-Lite through Altair, imported only when called) serve
the Voilà dashboard.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd

from pacte.course.chart_theme import theme_config
from pacte.course.prompts import text_prompts
from pacte.live.kinds import bank as _bank
from pacte.live.kinds import describe, document
from pacte.live.panels import activity_panel, panel
from pacte.live.validation import survey_questions

__all__ = ["activity_panel", "build_panels", "panel", "panel_spec"]

MAX_TEXTS = 60


@lru_cache(maxsize=32)
def _survey_reference(question_id: str, structure: str) -> dict[str, float]:
    """Survey percentages per answer for one question and structure (read once; the dashboard refreshes often)."""
    from pacte.course.data import load_table

    table = load_table("survey_answers")
    rows = table[(table.question_id == question_id) & (table.structure == structure)]
    return {r.answer_id: float(r.percent) for r in rows.itertuples()}


def _count_choices(counts: dict[str, int], multiple: bool) -> tuple[dict[str, int], int]:
    """Per-choice counts and number of respondents (multiple answers are JSON lists)."""
    per_choice: dict[str, int] = {}
    respondents = 0
    for answer, n in counts.items():
        respondents += n
        choices = json.loads(answer) if multiple else [answer]
        for choice in choices:
            per_choice[choice] = per_choice.get(choice, 0) + n
    return per_choice, respondents


def _quiz_panel(activity: str, question: str, counts: dict[str, int]) -> dict | None:
    bank = _bank(activity.split(":", 1)[1])
    q = next((q for q in (bank or {}).get("questions", []) if q["id"] == question), None)
    if bank is None or q is None:
        return None
    panel = {"kind": "quiz", "title": bank["title"], "prompt": q["prompt"]}
    if q["type"] == "numeric":
        total = sum(counts.values())
        values = sorted(counts.items(), key=lambda kv: float(kv[0]))
        panel["rows"] = [
            {
                "label": v.replace(".", ","),
                "count": n,
                "correct": abs(float(v) - q["answer"]) <= q.get("tolerance", 0) + 1e-9,
            }
            for v, n in values
        ]
        panel["respondents"] = total
        return panel
    per_choice, respondents = _count_choices(counts, q["type"] == "multiple")
    panel["respondents"] = respondents
    panel["rows"] = [
        {"label": c["text"], "count": per_choice.get(c["id"], 0), "correct": bool(c.get("correct"))}
        for c in q["choices"]
    ]
    return panel


def _survey_panel(activity: str, structure: str, counts: dict[str, int]) -> dict | None:
    qid = activity.split(":", 1)[1]
    q = survey_questions().get(qid)
    if q is None:
        return None
    per_choice, respondents = _count_choices(counts, q["multiple"])
    reference = _survey_reference(qid, structure)
    rows = []
    for answer_id, label in q["answers"].items():
        if answer_id not in reference:
            continue
        n = per_choice.get(answer_id, 0)
        rows.append(
            {
                "label": label,
                "count": n,
                "room_percent": round(100 * n / respondents, 1) if respondents else 0,
                "survey_percent": reference[answer_id],
            }
        )
    return {
        "kind": "survey",
        "title": f"Enquête PACTE — {structure}",
        "prompt": q["label"],
        "respondents": respondents,
        "rows": rows,
        "source": "Schweyer, 2025 (521 apprenants PACTE, 2022-2024)",
    }


@lru_cache(maxsize=1)
def _profile_reference() -> dict[tuple[str, str], tuple[str, float]]:
    """(indicator id, structure) -> (indicator label, survey percent), from the survey's profile table."""
    from pacte.course.data import load_table

    table = load_table("survey_profile")
    return {
        (r.indicator_id, r.structure): (r.indicator, float(r.percent))
        for r in table.itertuples()
        if not pd.isna(r.percent)
    }


def _profile_panel(activity: str, question: str, counts: dict[str, int]) -> dict | None:
    """« Mon profil »: the room's share inside each survey indicator, beside the survey's percent."""
    ref = activity.split(":", 1)[1]
    doc = document("profile_questions", ref)
    structure, _, qid = question.partition("-")
    q = next((q for q in (doc or {}).get("questions", []) if q["id"] == qid), None)
    if q is None:
        return None
    respondents = sum(counts.values())
    rows = []
    for ind in q["indicators"]:
        found = _profile_reference().get((ind["indicator"], structure))
        if found is None:
            continue
        n = sum(counts.get(a, 0) for a in ind["inside"])
        rows.append(
            {
                "label": found[0],
                "count": n,
                "room_percent": round(100 * n / respondents, 1) if respondents else 0,
                "survey_percent": found[1],
            }
        )
    if not rows:
        return None
    return {
        "kind": "survey",
        "title": f"Enquête PACTE — profil ({structure})",
        "prompt": q["prompt"],
        "respondents": respondents,
        "rows": rows,
        "source": "Schweyer, 2025 (521 apprenants PACTE, 2022-2024)",
    }


def _choice_panel(activity: str, question: str, counts: dict[str, int]) -> dict | None:
    """Any kind whose answers are choices (sorting, diagnosis, case step, CPTS project, quiz choices)."""
    kind, _, ref = activity.partition(":")
    q = describe(kind, ref, question)
    if q is None:
        return None
    per_choice, respondents = _count_choices(counts, q.multiple)
    return {
        "kind": "quiz",
        "title": q.title,
        "prompt": q.prompt,
        "respondents": respondents,
        "rows": [{"label": c.label, "count": per_choice.get(c.id, 0), "correct": c.correct} for c in q.choices],
    }


def _ordering_panel(activity: str, counts: dict[str, int]) -> dict | None:
    """How many trainees put the items in the expected order (ties are interchangeable)."""
    ex = document("ordering_exercise", activity.split(":", 1)[1])
    if ex is None:
        return None
    position = {i["id"]: i["position"] for i in ex["items"]}
    exact = sum(
        n for order, n in counts.items() if [position.get(i, 0) for i in json.loads(order)] == sorted(position.values())
    )
    total = sum(counts.values())
    return {
        "kind": "quiz",
        "title": ex["title"],
        "prompt": "Ordre proposé par la salle",
        "respondents": total,
        "rows": [
            {"label": "Ordre attendu", "count": exact, "correct": True},
            {"label": "Autre ordre", "count": total - exact, "correct": False},
        ],
    }


def _text_panel(activity: str, counts: dict[str, int]) -> dict | None:
    prompt = text_prompts().get(activity.split(":", 1)[1])
    if prompt is None:
        return None
    texts = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TEXTS]
    return {
        "kind": "text",
        "title": "Question ouverte",
        "prompt": prompt["prompt"],
        "respondents": sum(counts.values()),
        "texts": [{"text": t, "count": n} for t, n in texts],
    }


CHART_WIDTH = 300


def panel_spec(panel: dict) -> dict | None:
    """Vega-Lite spec (made with Altair, in the course theme) of a quiz or survey panel."""
    import altair as alt

    if panel["kind"] == "survey":
        frame = pd.DataFrame(
            [
                {"label": r["label"], "serie": serie, "value": value / 100}
                for r in panel["rows"]
                for serie, value in (("La salle", r["room_percent"]), ("Enquête PACTE", r["survey_percent"]))
            ]
        )
        chart = (
            alt.Chart(frame)
            .mark_bar()
            .encode(
                y=alt.Y("label:N", title=None, sort=None),
                yOffset=alt.YOffset("serie:N", sort=["La salle", "Enquête PACTE"]),
                x=alt.X(
                    "value:Q", title="Part des réponses", axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])
                ),
                color=alt.Color(
                    "serie:N",
                    title=None,
                    sort=["La salle", "Enquête PACTE"],
                    scale=alt.Scale(range=["#e07b39", "#1f5f8b"]),
                ),
                tooltip=[
                    alt.Tooltip("serie:N", title="Série"),
                    alt.Tooltip("label:N", title="Réponse"),
                    alt.Tooltip("value:Q", title="Part", format=".0%"),
                ],
            )
            .properties(width=CHART_WIDTH, height=alt.Step(14))
        )
        description = f"{panel['prompt']} : part des réponses de la salle et de l'enquête PACTE"
    elif panel["kind"] == "quiz":
        frame = pd.DataFrame(
            [
                {
                    "label": r["label"],
                    "count": r["count"],
                    "correct": "Bonne réponse" if r["correct"] else "Autre réponse",
                }
                for r in panel["rows"]
            ]
        )
        base = alt.Chart(frame).encode(y=alt.Y("label:N", title=None, sort=None))
        bars = base.mark_bar().encode(
            x=alt.X("count:Q", title="Nombre de réponses", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "correct:N",
                title=None,
                scale=alt.Scale(domain=["Bonne réponse", "Autre réponse"], range=["#3a9a6b", "#8a99a8"]),
            ),
        )
        labels = base.mark_text(align="left", dx=3).encode(x="count:Q", text=alt.Text("count:Q", format="d"))
        chart = alt.layer(bars, labels).properties(width=CHART_WIDTH, height=alt.Step(24))
        description = f"{panel['prompt']} : nombre de réponses par choix"
    else:
        return None
    spec = chart.properties(description=description).to_dict()
    spec["config"] = {**theme_config(), **spec.get("config", {})}
    return spec


def build_panels(aggregate: dict[tuple[str, str], dict[str, int]], hidden: set[tuple[str, str]]) -> list[dict]:
    """Turn the store's aggregate into dashboard panels, in a stable order."""
    panels = []
    for (activity, question), counts in sorted(aggregate.items()):
        kind = activity.split(":", 1)[0]
        if kind == "quiz":
            panel = _quiz_panel(activity, question, counts)
        elif kind in ("sorting", "diagnosis", "case", "cpts_project"):
            panel = _choice_panel(activity, question, counts)
        elif kind == "ordering":
            panel = _ordering_panel(activity, counts)
        elif kind == "survey":
            panel = _survey_panel(activity, question, counts)
        elif kind == "profile":
            panel = _profile_panel(activity, question, counts)
        elif kind == "text":
            panel = _text_panel(activity, counts)
        else:
            panel = None
        if panel is not None:
            panel.update({"activity": activity, "question": question, "hidden": (activity, question) in hidden})
            panel["spec"] = panel_spec(panel)
            panels.append(panel)
    return panels
