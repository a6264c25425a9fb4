"""Charts of the PACTE learners survey (Schweyer, 2025), built from ``datasets/``."""

from __future__ import annotations

import altair as alt
import pandas as pd

from pacte.course.citations import source_line
from pacte.course.data import load_table
from widgets.charts import Chart, chart, structure_scale

QUESTION_LABELS = {
    "cohesion": "Cohésion de l'équipe (MSP, centres de santé)",
    "cpts_dynamics": "Dynamique collective de la CPTS",
    "satisfaction": "Motifs de satisfaction",
    "difficulties": "Difficultés rencontrées",
}


def survey_answers() -> pd.DataFrame:
    """Return the survey answers with the sample size of each structure."""
    answers = load_table("survey_answers")
    sizes = load_table("survey_structures")[["structure", "sample_size"]]
    out = answers.merge(sizes, on="structure", how="left")
    return out.astype({"percent": "float64", "sample_size": "int64", "multiple": "bool"}).astype(
        {
            c: "object"
            for c in ("question_id", "question", "structure", "answer_id", "answer", "source", "source_detail")
        }
    )


def survey_explorer(initial: str = "difficulties") -> Chart:
    """Bar chart of one survey question by structure, with a question selector that runs in the browser."""
    frame = survey_answers()
    if initial not in QUESTION_LABELS:
        raise ValueError(f"unknown survey question '{initial}'; known: {sorted(QUESTION_LABELS)}")
    frame["share"] = frame["percent"] / 100
    options = list(QUESTION_LABELS)
    question = alt.param(
        name="question",
        value=initial,
        bind=alt.binding_select(
            options=options, labels=[QUESTION_LABELS[o] for o in options], name="Question de l'enquête : "
        ),
    )
    base = alt.Chart(frame).transform_filter("datum.question_id == question")
    bars = base.mark_bar().encode(
        y=alt.Y("answer:N", title=None, sort=alt.EncodingSortField("percent", op="max", order="descending")),
        yOffset=alt.YOffset("structure:N", scale=alt.Scale(domain=["MSP", "CDS", "CPTS"])),
        x=alt.X("share:Q", title="Part des répondants", axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("structure:N", title="Structure", scale=structure_scale()),
        tooltip=[
            alt.Tooltip("structure:N", title="Structure"),
            alt.Tooltip("answer:N", title="Réponse"),
            alt.Tooltip("share:Q", title="Part", format=".0%"),
            alt.Tooltip("sample_size:Q", title="Effectif de l'échantillon", format=",d"),
        ],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(
        y=alt.Y("answer:N", sort=alt.EncodingSortField("percent", op="max", order="descending")),
        yOffset=alt.YOffset("structure:N", scale=alt.Scale(domain=["MSP", "CDS", "CPTS"])),
        x="share:Q",
        text=alt.Text("share:Q", format=".0%"),
    )
    layered = alt.layer(bars, labels).add_params(question).properties(height=alt.Step(16), width="container")
    return chart(
        layered,
        title="Ce que disent les coordinatrices et coordinateurs",
        subtitle="Enquête auprès de 521 apprenants PACTE (2022-2024), en % des répondants de chaque structure",
        description=(
            "Diagramme en barres horizontales. Choisissez une question de l'enquête dans la liste : "
            "pour chaque réponse, une barre par type de structure (MSP, centre de santé, CPTS) donne le "
            "pourcentage de répondants. Pour les satisfactions et les difficultés, plusieurs réponses "
            "étaient possibles : les pourcentages ne s'additionnent pas à 100."
        ),
        source=source_line(frame),
    )


def profile_chart() -> Chart:
    """Dot chart of the respondents' profile (age, gender, diploma…) by structure."""
    profile = load_table("survey_profile")
    frame = (
        profile[
            profile["indicator_id"].isin(
                [
                    "age_under_40",
                    "women",
                    "recent_structure",
                    "master_degree",
                    "prior_care",
                    "prior_admin",
                    "permanent_contract",
                ]
            )
        ]
        .dropna(subset=["percent"])
        .astype({"percent": "float64"})
        .astype({c: "object" for c in ("indicator_id", "indicator", "structure", "detail", "source", "source_detail")})
    )
    frame["share"] = frame["percent"] / 100
    order = [
        "Femmes",
        "Moins de 40 ans",
        "Structure créée depuis moins de 5 ans",
        "Diplôme de niveau master ou plus",
        "Profession antérieure dans le soin",
        "Profession antérieure administrative",
        "Contrat à durée indéterminée (CDI)",
    ]
    dots = (
        alt.Chart(frame)
        .mark_point(filled=True, size=110)
        .encode(
            y=alt.Y("indicator:N", title=None, sort=order),
            x=alt.X(
                "share:Q", title="Part des répondants", axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])
            ),
            color=alt.Color("structure:N", title="Structure", scale=structure_scale()),
            shape=alt.Shape("structure:N", title="Structure", scale=alt.Scale(domain=["MSP", "CDS", "CPTS"])),
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
        title="Profil des répondants selon la structure",
        description=(
            "Nuage de points : pour sept caractéristiques (part de femmes, de moins de 40 ans, de structures "
            "récentes, de diplômés de master, de professions antérieures dans le soin ou l'administration, de CDI), "
            "un point par type de structure donne le pourcentage de répondants. Les coordinateurs de CPTS sont "
            "plus jeunes, plus souvent en CDI et venus moins souvent du soin que ceux de MSP."
        ),
        source=source_line(frame),
    )
