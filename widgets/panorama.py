"""Helpers of the module « Panorama de l'exercice coordonné »: the structure counts chart and table.

Every value comes from ``datasets/panorama/structure_counts.csv`` (one published
figure per row, with its source, the section of the document, an exact phrase
of the seed and the reason why it differs from the others).
"""

from __future__ import annotations

import html

import altair as alt
from IPython.display import HTML

from pacte.course.citations import citation_labels
from pacte.course.data import load_table
from pacte.course.fmt import NBSP, number
from widgets.charts import Chart, chart

STRUCTURES = ["MSP", "CDS", "CPTS", "MSP et CDS", "DAC"]
STRUCTURE_LABELS = {
    "MSP": "Maisons de santé (MSP)",
    "CDS": "Centres de santé",
    "CPTS": "CPTS",
    "MSP et CDS": "Maisons et centres ensemble",
    "DAC": "Dispositifs d’appui (DAC…)",
}
KINDS = ["recensement", "financement ACI", "étape de projet", "objectif"]
# figures whose label goes left of the point, so that close points stay readable
LABEL_LEFT = {"msp_dgos_2017", "cds_pluri_ministere_2020"}
# one distinct colour per source (the course palette has six)
SOURCE_COLORS = ["#1f5f8b", "#e07b39", "#3a9a6b", "#b5446e", "#7a6fbe", "#8c8c3a", "#2b2b2b", "#5fa8d3"]


def _frame():
    frame = load_table("panorama_structure_counts").astype(object)
    labels = citation_labels()
    named = {**labels, "coordination2025": "Document de juin 2025"}
    frame["source_label"] = [named.get(s, s) for s in frame["source"]]
    frame["source_full"] = [
        f"{named.get(s, s)}, {d}" for s, d in zip(frame["source"], frame["source_detail"], strict=False)
    ]
    frame["qualifier"] = [q if isinstance(q, str) else "" for q in frame["qualifier"]]
    frame["value_label"] = [
        (f"{q} " if q else "") + number(float(v)) for q, v in zip(frame["qualifier"], frame["value"], strict=False)
    ]
    frame["short_label"] = [number(float(v)) for v in frame["value"]]
    frame["value"] = frame["value"].astype(float)
    frame["year"] = frame["year"].astype(int)
    frame["x"] = [y + _within_year(d) for y, d in zip(frame["year"], frame["date_label"], strict=False)]
    frame["label_left"] = [i in LABEL_LEFT for i in frame["id"]]
    return frame


def _within_year(date_label: str) -> float:
    """Where in its year a figure was counted, to spread points of the same year (1 January → 0, end → 0.9)."""
    text = date_label.lower()
    if "1er janvier" in text:
        return 0.0
    if "fin" in text or "31 décembre" in text:
        return 0.9
    if "juillet" in text:
        return 0.55
    return 0.3


def structure_counts_chart(default: str = "MSP") -> Chart:
    """Counts of coordinated-practice structures by year, one point per published figure, coloured by source.

    A select (Vega-Lite parameter, runs without a kernel) chooses the type of
    structure; clicking a source in the legend highlights its points; the
    tooltip gives the date, what is counted, the source and why the figure differs.
    """
    frame = _frame()
    structure = alt.param(
        name="structure",
        value=default,
        bind=alt.binding_select(
            options=STRUCTURES, labels=[STRUCTURE_LABELS[s] for s in STRUCTURES], name="Type de structure : "
        ),
    )
    by_source = alt.selection_point(name="source_pick", fields=["source_label"], bind="legend")
    sources = sorted(set(frame["source_label"]))
    base = alt.Chart(frame).transform_filter("datum.structure == structure")
    tooltip = [
        alt.Tooltip("date_label:N", title="Date"),
        alt.Tooltip("value_label:N", title="Chiffre"),
        alt.Tooltip("measure:N", title="Ce qui est compté"),
        alt.Tooltip("kind:N", title="Type de chiffre"),
        alt.Tooltip("source_full:N", title="Source"),
        alt.Tooltip("why:N", title="Pourquoi ce chiffre diffère"),
    ]
    x = alt.X(
        "x:Q",
        title="Année",
        scale=alt.Scale(domain=[2012, 2026], nice=False),
        axis=alt.Axis(format="d", tickCount=8, values=list(range(2012, 2027, 2))),
    )
    y = alt.Y("value:Q", title="Nombre de structures", scale=alt.Scale(zero=True))
    color = alt.Color(
        "source_label:N",
        title="Source",
        scale=alt.Scale(domain=sources, range=SOURCE_COLORS[: len(sources)]),
        legend=alt.Legend(orient="bottom", columns=2, labelLimit=180, symbolType="circle"),
    )
    short = "datum.label == 'financement ACI' ? 'sous ACI' : datum.label == 'étape de projet' ? 'projet' : datum.label"
    shape = alt.Shape(
        "kind:N",
        title="Chiffre",
        scale=alt.Scale(domain=KINDS),
        legend=alt.Legend(orient="top", direction="horizontal", labelLimit=160, labelExpr=short),
    )
    points = base.mark_point(filled=True, size=150).encode(
        x=x,
        y=y,
        color=color,
        shape=shape,
        tooltip=tooltip,
        opacity=alt.condition(by_source, alt.value(0.95), alt.value(0.15)),
    )
    label_opacity = alt.condition(by_source, alt.value(1), alt.value(0.2))
    labels = (
        base.transform_filter("!datum.label_left")
        .mark_text(align="left", dx=9, dy=-7, fontSize=11, color="#333")
        .encode(x=x, y=y, text="short_label:N", opacity=label_opacity)
    )
    labels_left = (
        base.transform_filter("datum.label_left")
        .mark_text(align="right", dx=-9, dy=-7, fontSize=11, color="#333")
        .encode(x=x, y=y, text="short_label:N", opacity=label_opacity)
    )
    layered = (
        alt.layer(points, labels, labels_left)
        .add_params(structure, by_source)
        .properties(height=400, width="container")
    )
    used = sorted(set(frame["source_label"]))
    return chart(
        layered,
        title="Combien de structures ? Les chiffres publiés selon la source",
        subtitle="Un point par chiffre publié ; survolez un point pour lire sa source, cliquez une source de la légende pour l’isoler",
        description=(
            "Nuage de points : en abscisse l'année (2012 à 2026), en ordonnée le nombre de structures. Chaque point "
            "est un chiffre publié par une source ; sa couleur indique la source, sa forme le type de chiffre "
            "(recensement, financement par l'ACI, étape de projet, objectif). La liste « Type de structure » choisit "
            "MSP, centres de santé, CPTS, maisons et centres ensemble ou dispositifs d'appui. Pour les MSP en 2018, "
            "quatre points proches (406, 964, 1 200 et environ 1 300) montrent que les sources divergent. Le tableau "
            "sous le graphique donne chaque chiffre avec sa source et la raison de l'écart."
        )
        .replace("'", "’")
        .replace("« ", "«" + NBSP)
        .replace(" »", NBSP + "»")
        .replace("1 200", "1" + NBSP + "200")
        .replace("1 300", "1" + NBSP + "300"),
        source="Source"
        + NBSP
        + ": "
        + " ; ".join(used).replace(" ; ", NBSP + "; ")
        + " (détail de chaque chiffre au survol et dans le tableau)",
    )


def structure_counts_table(structures: list[str] | None = None) -> HTML:
    """The same figures as an HTML table: date, figure, what is counted, source, why it differs."""
    frame = _frame()
    if structures:
        frame = frame[frame["structure"].isin(structures)]
    frame = frame.sort_values(
        ["structure", "year", "value"], key=lambda c: c.map(STRUCTURES.index) if c.name == "structure" else c
    )
    head = "".join(
        f"<th scope='col'>{h}</th>"
        for h in ["Structure", "Date", "Chiffre", "Ce qui est compté", "Source", "Pourquoi ce chiffre diffère"]
    )
    body = []
    for r in frame.itertuples():
        cells = [STRUCTURE_LABELS[r.structure], r.date_label, r.value_label, r.measure, r.source_full, r.why]
        body.append(
            "<tr data-id='"
            + html.escape(r.id)
            + "'>"
            + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells)
            + "</tr>"
        )
    caption = "Les chiffres publiés, leur date, leur définition et leur source"
    return HTML(
        f"<div class='pacte-table-scroll' style='overflow-x:auto'><table class='pacte-counts-table'>"
        f"<caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
