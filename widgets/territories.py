"""Tables and chart of the module « Territoires, coopération et politiques publiques ».

Every figure comes from ``datasets/territoires/`` (``territoires_figures``,
``territoires_instruments``), whose rows name their source, section and an exact
locator in the seed document.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
from IPython.display import HTML

from pacte.course.citations import citation_labels
from pacte.course.data import load_table
from pacte.course.fmt import NBSP, euros, number
from widgets.charts import Chart, chart

CATEGORY_LABELS = {"incitation": "Inciter", "contrainte": "Contraindre", "organisation": "Organiser"}
COUNTRIES = ["France", "Allemagne", "Angleterre", "Suède"]


def _value(value: float, unit: str) -> str:
    """A figure with its unit, with its decimals (« 1,5 heure par semaine », not « 2 »)."""
    decimals = 0 if float(value).is_integer() else len(f"{value:g}".split(".")[-1])
    if unit == "€":
        return euros(value, decimals)
    if unit == "%":
        return f"{number(value, decimals)}{NBSP}%"
    if unit in ("année",):
        return str(int(value))
    return f"{number(value, decimals)}{NBSP}{unit}"


def territory_figures(topics: str | list[str], caption: str) -> HTML:
    """HTML table of the module's figures of one or more topics, each with its source."""
    topics = [topics] if isinstance(topics, str) else list(topics)
    frame = load_table("territoires_figures").astype(object)
    frame = frame[frame["topic"].isin(topics)]
    if frame.empty:
        raise ValueError(f"no figure with topic {topics}")
    labels = citation_labels()
    rows = "".join(
        f"<tr><td>{html.escape(r.label)}</td><td style='text-align:right;white-space:nowrap'>"
        f"{html.escape(_value(float(r.value), r.unit))}</td><td>{r.year}</td>"
        f"<td>{html.escape(labels.get(r.source, r.source))}, {html.escape(r.source_detail)}</td></tr>"
        for r in frame.itertuples()
    )
    return HTML(
        f"<table class='pacte-table table'><caption>{html.escape(caption)}</caption><thead><tr>"
        "<th scope='col'>Indicateur</th><th scope='col'>Valeur</th><th scope='col'>Année</th>"
        f"<th scope='col'>Source</th></tr></thead><tbody>{rows}</tbody></table>"
    )


REPERTOIRE = [
    "organisation des études médicales",
    "incitations financières",
    "organisation territoriale des soins",
    "organisation du travail médical",
]


def instruments_chart() -> Chart:
    """Bar chart: instruments by country and by category of P. Hassenteufel's repertoire.

    The logic of each instrument (inciter, contraindre, organiser) is left to
    the sorting exercise; the chart does not give it away.
    """
    frame = load_table("territoires_instruments").astype(object)
    counts = frame.groupby(["country", "repertoire"]).size().rename("n").reset_index()
    counts["n"] = counts["n"].astype(int)
    counts["rank"] = counts["repertoire"].map(REPERTOIRE.index)
    counts = counts.sort_values(["country", "rank"], key=lambda c: c.map(COUNTRIES.index) if c.name == "country" else c)
    select = alt.selection_point(fields=["repertoire"], bind="legend")
    base = (
        alt.Chart(pd.DataFrame(counts))
        .mark_bar()
        .encode(
            y=alt.Y("country:N", title=None, sort=COUNTRIES),
            x=alt.X("n:Q", title="Nombre d’instruments relevés", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "repertoire:N",
                title="Catégorie",
                sort=REPERTOIRE,
                scale=alt.Scale(domain=REPERTOIRE, range=["#6a4c93", "#1f5f8b", "#e07b39", "#3a9a6b"]),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=260),
            ),
            order=alt.Order("rank:Q"),
            opacity=alt.condition(select, alt.value(1), alt.value(0.25)),
            tooltip=[
                alt.Tooltip("country:N", title="Pays"),
                alt.Tooltip("repertoire:N", title="Catégorie"),
                alt.Tooltip("n:Q", title="Instruments"),
            ],
        )
        .add_params(select)
        .properties(width="container", height=alt.Step(34))
    )
    parts = " ; ".join(f"{r.country}, {r.repertoire} : {r.n}" for r in counts.itertuples())
    return chart(
        base,
        title="Instruments contre les inégalités territoriales, par pays",
        subtitle="selon les catégories du répertoire de P. Hassenteufel (cliquez sur la légende pour filtrer)",
        description=f"Barres empilées du nombre d’instruments relevés dans les sources, par pays et par "
        f"catégorie : {parts}.",
        source="Hassenteufel 2018 ; Schweyer 2018 ; Hénaut 2018 (table datasets/territoires/instruments.csv)",
    )


def instruments_table(country: str | None = None) -> HTML:
    """HTML table of the instruments (optionally of one country), with their source."""
    frame = load_table("territoires_instruments").astype(object)
    if country:
        frame = frame[frame["country"] == country]
    labels = citation_labels()
    rows = "".join(
        f"<tr><td>{html.escape(r.country)}</td><td>{html.escape(r.instrument)}</td>"
        f"<td>{html.escape(r.repertoire)}</td>"
        f"<td>{html.escape(labels.get(r.source, r.source))}, {html.escape(r.source_detail)}</td></tr>"
        for r in frame.itertuples()
    )
    return HTML(
        "<table class='pacte-table table'><caption>Instruments relevés dans les sources, par pays "
        "(la logique de chacun est à trouver dans l’exercice ci-dessous)</caption><thead><tr>"
        "<th scope='col'>Pays</th><th scope='col'>Instrument</th><th scope='col'>Catégorie de P. Hassenteufel</th>"
        f"<th scope='col'>Source</th></tr></thead><tbody>{rows}</tbody></table>"
    )
