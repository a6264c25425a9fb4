"""Charts and helpers of the module « Les dynamiques d'équipe » (PACTE survey, Schweyer 2025).

* :func:`team_survey_explorer`: one survey question at a time, with the types of
  structure to compare; both selections are Vega-Lite parameters, so the chart
  works in the static book with no kernel.
* :func:`survey_quotes`: the learners' own words, from ``quotes.csv``.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
from IPython.display import HTML

from pacte.course.citations import citation_labels, source_line
from pacte.course.data import load_table
from widgets.charts import Chart, chart, structure_scale
from widgets.survey import QUESTION_LABELS, survey_answers

STRUCTURES = ["MSP", "CDS", "CPTS"]
STRUCTURE_CHECKBOX_LABELS = {"MSP": "Maisons de santé (MSP)", "CDS": "Centres de santé (CDS)", "CPTS": "CPTS"}


def _param_name(structure: str) -> str:
    return f"voir_{structure.lower()}"


def team_survey_explorer(initial: str = "cohesion", structures: list[str] | None = None) -> Chart:
    """Bar chart of one survey question, for the types of structure the learner ticks.

    A select chooses the question and one checkbox per type of structure shows
    or hides its bars; a message replaces the bars when the question was not
    asked to any ticked structure.
    """
    if initial not in QUESTION_LABELS:
        raise ValueError(f"initial: unknown survey question '{initial}'; known: {sorted(QUESTION_LABELS)}")
    shown = structures or STRUCTURES
    unknown = [s for s in shown if s not in STRUCTURES]
    if unknown:
        raise ValueError(f"structures: unknown type(s) of structure {unknown}; known: {STRUCTURES}")
    frame = survey_answers()
    frame["share"] = frame["percent"] / 100
    sizes = dict(zip(frame["structure"], frame["sample_size"], strict=False))
    frame["structure_label"] = [
        f"{s} ({n} répondants)" for s, n in zip(frame["structure"], frame["sample_size"], strict=False)
    ]

    options = list(QUESTION_LABELS)
    question = alt.param(
        name="question",
        value=initial,
        bind=alt.binding_select(
            options=options, labels=[QUESTION_LABELS[o] for o in options], name="Question de l'enquête : "
        ),
    )
    toggles = [
        alt.param(
            name=_param_name(s),
            value=s in shown,
            bind=alt.binding_checkbox(name=f"{STRUCTURE_CHECKBOX_LABELS[s]} ({sizes[s]} répondants) "),
        )
        for s in STRUCTURES
    ]
    visible = " || ".join(f"(datum.structure == '{s}' && {_param_name(s)})" for s in STRUCTURES)

    sort = alt.EncodingSortField("percent", op="max", order="descending")
    offset = alt.YOffset("structure:N", scale=alt.Scale(domain=STRUCTURES))
    base = alt.Chart(frame).transform_filter(f"datum.question_id == question && ({visible})")
    bars = base.mark_bar().encode(
        y=alt.Y("answer:N", title=None, sort=sort),
        yOffset=offset,
        x=alt.X("share:Q", title="Part des répondants", axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("structure:N", title="Structure", scale=structure_scale()),
        tooltip=[
            alt.Tooltip("structure_label:N", title="Structure"),
            alt.Tooltip("answer:N", title="Réponse"),
            alt.Tooltip("share:Q", title="Part", format=".0%"),
        ],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(
        y=alt.Y("answer:N", sort=sort),
        yOffset=offset,
        x="share:Q",
        text=alt.Text("share:Q", format=".0%"),
    )
    # Keeps the answers of the question on the y axis (and the chart's height) when no bar is visible.
    ghost = (
        alt.Chart(frame)
        .transform_filter("datum.question_id == question")
        .mark_text(text="")
        .encode(y=alt.Y("answer:N", sort=sort), yOffset=offset)
    )
    # One row per question saying who was asked, shown only when no ticked structure was.
    asked = {q: sorted(set(frame.loc[frame["question_id"] == q, "structure"]), key=STRUCTURES.index) for q in options}
    notes = pd.DataFrame(
        [
            {
                "question_id": q,
                "message": "Aucune barre pour cette sélection.\nQuestion posée seulement aux répondants de "
                + " et de ".join(asked[q])
                + " :\ncochez "
                + " ou ".join(asked[q])
                + ".",
                **{f"asked_{s.lower()}": s in asked[q] for s in STRUCTURES},
            }
            for q in options
        ]
    )
    any_asked = " || ".join(f"(datum.asked_{s.lower()} && {_param_name(s)})" for s in STRUCTURES)
    empty = (
        alt.Chart(notes)
        .transform_filter(f"datum.question_id == question && !({any_asked})")
        .mark_text(align="left", baseline="top", fontSize=13, lineBreak="\n", lineHeight=18, color="#8a1c1c", x=8, y=6)
        .encode(text="message:N")
    )
    layered = (
        alt.layer(ghost, bars, labels, empty)
        .add_params(question, *toggles)
        .properties(height=alt.Step(15), width="container")
    )
    return chart(
        layered,
        title="Cohésion, satisfactions, difficultés : ce que disent les coordinateurs",
        subtitle="Enquête auprès de 521 apprenants PACTE (2022-2024), en % des répondants de chaque type de structure",
        description=(
            "Diagramme en barres horizontales. Au-dessus du graphique, choisissez une question de l'enquête dans la "
            "liste et cochez les types de structure à comparer (maisons de santé, centres de santé, CPTS) : pour "
            "chaque réponse, une barre par structure cochée donne le pourcentage de répondants. La cohésion "
            "d'équipe n'a été demandée qu'en MSP et en centre de santé, la dynamique collective qu'en CPTS. Pour "
            "les satisfactions et les difficultés, plusieurs réponses étaient possibles : les pourcentages ne "
            "s'additionnent pas à 100."
        ),
        source=source_line(frame),
    )


def survey_quotes(theme: str) -> HTML:
    """Return the learners' quotes of one theme (``satisfaction`` or ``difficulty``) as a sourced list."""
    quotes = load_table("survey_quotes")
    rows = quotes[quotes["theme"] == theme]
    if rows.empty:
        raise ValueError(f"theme: no quote with theme '{theme}'; known: {sorted(set(quotes['theme']))}")
    labels = citation_labels()
    items = "".join(f"<li><q>{html.escape(r.quote)}</q></li>" for r in rows.itertuples())
    sources = sorted({f"{labels.get(r.source, r.source)}, {r.source_detail}" for r in rows.itertuples()})
    heading = {"satisfaction": "Ce qui les satisfait", "difficulty": "Ce qui leur pose difficulté"}.get(theme, theme)
    return HTML(
        f'<figure class="pacte-quotes" lang="fr"><figcaption><strong>{html.escape(heading)}, '
        f"dans les mots des répondants</strong></figcaption>"
        f"<ul>{items}</ul>"
        f'<p class="pacte-chart-source">Source : {html.escape(" ; ".join(sources))} (verbatims de l\'enquête).</p></figure>'
    )
