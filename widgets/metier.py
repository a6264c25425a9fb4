"""Module « Le métier de coordinateur·rice »: the survey's profile table as a chart and as a data table.

Both come from ``datasets/pacte_survey/profile.csv`` (every figure of the
survey's profile table, by structure type) so that the page, the chart and its
table always show the same values.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
from IPython.display import HTML

from pacte.course.citations import source_line
from pacte.course.data import load_table
from pacte.course.fmt import percent as fmt_percent
from widgets.charts import Chart, chart, structure_scale

STRUCTURES = ["MSP", "CDS", "CPTS"]

# Row order of the table and chart: the profile table of the survey, top to bottom.
INDICATORS = [
    "age_under_40",
    "women",
    "recent_structure",
    "master_degree",
    "prior_care",
    "prior_admin",
    "part_time",
    "full_time",
    "permanent_contract",
    "coordination_with_other",
    "coordination_main",
]


def _profile() -> pd.DataFrame:
    frame = load_table("survey_profile").astype(object)
    unknown = sorted(set(frame["indicator_id"]) - set(INDICATORS))
    if unknown:
        raise ValueError(f"indicators of profile.csv missing from widgets.metier.INDICATORS: {unknown}")
    return frame


def metier_profile_table() -> HTML:
    """Every figure of the survey's profile table, by structure type, with the table's own wording."""
    frame = _profile()
    sizes = {r.structure: int(r.sample_size) for r in load_table("survey_structures").itertuples()}
    head = "<th scope='col'>Indicateur</th>" + "".join(
        f"<th scope='col'>{s} (N\u00a0=\u00a0{sizes[s]})</th>" for s in STRUCTURES
    )
    body = []
    for ind in INDICATORS:
        rows = frame[frame["indicator_id"] == ind]
        label = rows.iloc[0]["indicator"]
        cells = []
        for s in STRUCTURES:
            r = rows[rows["structure"] == s]
            if r.empty:
                cells.append("<td>non renseigné</td>")
                continue
            r = r.iloc[0]
            value = "" if pd.isna(r["percent"]) else fmt_percent(float(r["percent"]))
            detail = "" if pd.isna(r["detail"]) else str(r["detail"])
            text = html.escape(value) + (f"<br><small>{html.escape(detail)}</small>" if detail else "")
            cells.append(f"<td>{text}</td>")
        body.append(f"<tr data-indicator='{ind}'><th scope='row'>{html.escape(label)}</th>{''.join(cells)}</tr>")
    caption = (
        "Profil des 521 répondants de l’enquête PACTE selon le type de structure, en % des répondants "
        "de chaque structure"
    )
    return HTML(
        "<div class='pacte-table-scroll' style='overflow-x:auto'><table class='pacte-table table pacte-metier-profile'>"
        f"<caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
        f"</table><p class='pacte-source'>{html.escape(source_line(frame))}</p></div>"
    )


def metier_profile_chart() -> Chart:
    """Dot chart of every survey profile figure (the table above, drawn), one colour per structure type."""
    frame = _profile().dropna(subset=["percent"]).copy()
    frame["share"] = frame["percent"].astype(float) / 100
    order = [
        frame[frame["indicator_id"] == i].iloc[0]["indicator"] for i in INDICATORS if (frame["indicator_id"] == i).any()
    ]
    frame = frame[["indicator_id", "indicator", "structure", "share", "source", "source_detail"]].astype(
        {c: "object" for c in ("indicator_id", "indicator", "structure", "source", "source_detail")}
    )
    frame["share"] = frame["share"].astype("float64")
    dots = (
        alt.Chart(frame)
        .mark_point(filled=True, size=110)
        .encode(
            y=alt.Y("indicator:N", title=None, sort=order, axis=alt.Axis(labelLimit=320)),
            x=alt.X(
                "share:Q", title="Part des répondants", axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])
            ),
            color=alt.Color("structure:N", title="Structure", scale=structure_scale()),
            shape=alt.Shape("structure:N", title="Structure", scale=alt.Scale(domain=STRUCTURES)),
            tooltip=[
                alt.Tooltip("structure:N", title="Structure"),
                alt.Tooltip("indicator:N", title="Indicateur"),
                alt.Tooltip("share:Q", title="Part", format=".0%"),
            ],
        )
        .properties(width="container")
    )
    return chart(
        dots,
        title="Profil et emploi des répondants selon la structure",
        subtitle="Enquête auprès de 521 apprenants PACTE (2022-2024), en % des répondants de chaque structure",
        description=(
            "Nuage de points : pour chaque indicateur du tableau de profil de l’enquête (âge, sexe, ancienneté de la "
            "structure, diplôme, profession antérieure, temps de travail, contrat, place de la coordination dans "
            "l’emploi), un point par type de structure (MSP, centre de santé, CPTS) donne le pourcentage de "
            "répondants. Les valeurs sont reprises dans le tableau sous le graphique."
        ),
        source=source_line(frame),
    )


QUESTION_TITLES = {
    "cohesion": "Cohésion de l’équipe (MSP, centres de santé)",
    "cpts_dynamics": "Dynamique collective de la CPTS",
    "satisfaction": "Motifs de satisfaction (plusieurs réponses possibles)",
    "difficulties": "Difficultés rencontrées (plusieurs réponses possibles)",
}


def metier_answers_table() -> HTML:
    """The values of the survey explorer chart: every answer of the four survey questions, by structure type.

    One simple table per question (one header row, one header column), so that every cell is tied to its
    headers by ``scope`` alone.
    """
    frame = load_table("survey_answers").astype(object)
    head = "<th scope='col'>Réponse</th>" + "".join(f"<th scope='col'>{s}</th>" for s in STRUCTURES)
    tables = []
    for qid, title in QUESTION_TITLES.items():
        rows = frame[frame["question_id"] == qid]
        body = []
        for aid in dict.fromkeys(rows["answer_id"]):
            sub = rows[rows["answer_id"] == aid]
            label = sub.iloc[0]["answer"]
            cells = []
            for s in STRUCTURES:
                r = sub[sub["structure"] == s]
                cells.append(
                    f"<td>{fmt_percent(float(r.iloc[0]['percent']))}</td>"
                    if not r.empty
                    else "<td>question non posée</td>"
                )
            body.append(
                f"<tr data-question='{qid}' data-answer='{aid}'><th scope='row'>{html.escape(label)}</th>"
                f"{''.join(cells)}</tr>"
            )
        tables.append(
            f"<table class='pacte-table table pacte-metier-answers' data-question='{qid}'>"
            f"<caption>{html.escape(title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    caption = "Réponses des 521 apprenants de l’enquête PACTE, en % des répondants de chaque structure"
    return HTML(
        f"<div class='pacte-table-scroll' style='overflow-x:auto'><p class='pacte-table-intro'>{html.escape(caption)}</p>"
        f"{''.join(tables)}<p class='pacte-source'>{html.escape(source_line(frame))}</p></div>"
    )
