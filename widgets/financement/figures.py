"""Figures of the financing pages: reform timeline, ACI comparison, tables of figures."""

from __future__ import annotations

import html

import altair as alt
import pandas as pd
from IPython.display import HTML

from pacte.course.citations import citation_labels, source_line
from pacte.course.data import load_table
from pacte.course.fmt import NBSP, euros, number
from widgets.charts import Chart, chart
from widgets.financement.aci import compute_aci, default_aci_inputs, load_aci_rules
from widgets.financement.inputs import fmt_number, round_half_up

KIND_LABELS = {
    "loi": "Loi",
    "accord conventionnel": "Accord conventionnel",
    "expérimentation": "Expérimentation",
    "plan": "Plan",
}


def reform_timeline() -> Chart:
    """Timeline of the funding reforms, filterable by kind with a select that runs in the browser."""
    frame = load_table("financement_reforms").astype(object)
    frame["kind_label"] = frame["kind"].map(KIND_LABELS)
    labels = citation_labels()
    frame["source_label"] = [
        f"{labels.get(s, s)}, {d}" for s, d in zip(frame["source"], frame["source_detail"], strict=False)
    ]
    frame["end"] = [e if isinstance(e, str) and e else None for e in frame["end"]]
    options = ["toutes"] + list(KIND_LABELS)
    kind = alt.param(
        name="kind",
        value="toutes",
        bind=alt.binding_select(
            options=options, labels=["Toutes les réformes"] + list(KIND_LABELS.values()), name="Type de réforme : "
        ),
    )
    domain = list(KIND_LABELS.values())
    color = alt.Color(
        "kind_label:N", title="Type", scale=alt.Scale(domain=domain), legend=alt.Legend(orient="bottom", columns=2)
    )
    base = alt.Chart(frame).transform_filter("kind == 'toutes' || datum.kind == kind")
    y = alt.Y(
        "title:N",
        title=None,
        sort=alt.EncodingSortField("start", order="ascending"),
        axis=alt.Axis(labelLimit=230, labelFontSize=11),
    )
    tooltip = [
        alt.Tooltip("date_label:N", title="Date"),
        alt.Tooltip("title:N", title="Réforme"),
        alt.Tooltip("kind_label:N", title="Type"),
        alt.Tooltip("description:N", title="En bref"),
        alt.Tooltip("source_label:N", title="Source"),
    ]
    spans = (
        base.transform_filter("datum.end != null")
        .mark_rule(strokeWidth=6, opacity=0.6)
        .encode(x="start:T", x2="end:T", y=y, color=color, tooltip=tooltip)
    )
    dots = base.mark_point(filled=True, size=140).encode(
        x=alt.X(
            "start:T",
            title=None,
            axis=alt.Axis(format="%Y", tickCount=6),
            scale=alt.Scale(domain=["2003-06-01", "2023-06-01"]),
        ),
        y=y,
        color=color,
        shape=alt.Shape(
            "kind_label:N", title="Type", scale=alt.Scale(domain=domain), legend=alt.Legend(orient="bottom", columns=2)
        ),
        tooltip=tooltip,
    )
    text = base.mark_text(align="left", dx=10, fontSize=11, color="#333").encode(x="start:T", y=y, text="date_label:N")
    layered = alt.layer(spans, dots, text).add_params(kind).properties(height=alt.Step(26), width="container")
    return chart(
        layered,
        title="Vingt ans de réformes du financement des soins primaires",
        subtitle="Une ligne par réforme ; choisissez un type dans la liste pour filtrer",
        description=(
            "Frise chronologique de 2004 à 2022. Chaque ligne est une réforme, placée à sa date ; la couleur et la "
            "forme du point indiquent son type : loi, accord conventionnel, expérimentation ou plan. Les ENMR "
            "(2010-2014) et le règlement arbitral (2015-2016) sont des périodes. La liste « Type de réforme » "
            "filtre la frise ; le survol d'un point affiche la réforme, sa date et sa source."
        ),
        source=source_line(frame),
    )


def aci_comparison(rules: dict | None = None) -> pd.DataFrame:
    """Compare the simulator's defaults with the published ACI amounts (one row per estimate or figure).

    For each published figure that describes an MSP (professionals, patientèle,
    variant of the rules), the simulator computes the same MSP with every
    criterion met and with the « socle » criteria only. National averages are
    compared with the CNAM typical MSP under today's rules.
    """
    rules = rules or load_aci_rules()
    refs = load_table("financement_aci_reference").astype(object)
    refs = refs[refs["kind"] == "montant_par_msp"]
    labels = citation_labels()
    rows = []

    def estimate(professionals, patientele, variant, socle_only):
        inputs = default_aci_inputs(rules)
        inputs.update(professionals=int(professionals), patientele=int(patientele), precarity_share=0)
        if socle_only:
            inputs["criteria"] = {
                c["id"]: (c["count"]["max"] if "count" in c else True)
                if c["level"] == "socle"
                else (0 if "count" in c else False)
                for c in rules["criteria"]
            }
        else:
            inputs["criteria"] = {c["id"]: c["count"]["max"] if "count" in c else True for c in rules["criteria"]}
        if variant:
            inputs["variant"] = variant
        return compute_aci(rules, inputs)["amount"]

    typical = refs[refs["professionals"].notna()].iloc[0]
    variants = {v["id"]: v["label"] for v in rules.get("variants", [])}
    scenarios = [
        (None, False, "règles actuelles (avenant 1), tous les critères"),
        (None, True, "règles actuelles (avenant 1), critères socles seulement"),
    ]
    for vid, vlabel in variants.items():
        scenarios.append((vid, False, f"{vlabel}, tous les critères"))
    for variant, socle_only, what in scenarios:
        amount = estimate(typical["professionals"], typical["patientele"], variant, socle_only)
        rows.append(
            {
                "kind": "Estimation du simulateur",
                "year": None,
                "label": f"Simulateur : MSP de {typical['professionals']} professionnels et "
                f"{number(typical['patientele'])} patients, {what}",
                "amount": amount,
                "source": "Calcul du cours (valeurs indicatives)",
            }
        )
    for r in refs.itertuples():
        rows.append(
            {
                "kind": "Chiffre publié",
                "year": r.year,
                "label": f"{r.label} ({r.year})",
                "amount": float(r.amount_eur),
                "source": f"{labels.get(r.source, r.source)}, {r.source_detail}",
            }
        )
    return pd.DataFrame(rows)


def aci_comparison_table(rules: dict | None = None) -> HTML:
    """HTML table: the simulator's estimates beside the published amounts, with the gap to the CNAM figure."""
    frame = aci_comparison(rules)
    refs = load_table("financement_aci_reference").astype(object)
    cnam = float(refs[refs["professionals"].notna()].iloc[0]["amount_eur"])
    body = []
    for r in frame.itertuples():
        gap = r.amount - cnam
        sign = "+" if gap > 0 else ("−" if gap < 0 else "")
        gap_text = "—" if r.kind == "Chiffre publié" and r.amount == cnam else f"{sign}{euros(abs(gap))}"
        body.append(
            f"<tr><td>{html.escape(r.kind)}</td><td>{html.escape(r.label)}</td>"
            f"<td style='text-align:right;white-space:nowrap'>{euros(r.amount)}</td><td style='text-align:right;white-space:nowrap'>{gap_text}</td>"
            f"<td>{html.escape(r.source)}</td></tr>"
        )
    table = (
        "<table class='pacte-table table'><caption>Le simulateur face aux montants publiés (écart au chiffre de la CNAM : "
        f"{euros(cnam)})</caption><thead><tr><th scope='col'>Nature</th><th scope='col'>Situation</th>"
        "<th scope='col'>Montant annuel</th><th scope='col'>Écart au chiffre CNAM</th><th scope='col'>Source</th>"
        "</tr></thead><tbody>" + "".join(body) + "</tbody></table>"
    )
    return HTML(table)


def aci_comparison_chart(rules: dict | None = None) -> Chart:
    """Bar chart of the same comparison (estimates and published amounts)."""
    frame = aci_comparison(rules)
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=460)),
            x=alt.X("amount:Q", title="Montant annuel par MSP (€)", axis=alt.Axis(format=",.0f")),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=["Estimation du simulateur", "Chiffre publié"], range=["#e07b39", "#1f5f8b"]),
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Situation"),
                alt.Tooltip("amount:Q", title="Montant", format=",.0f"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
    )
    text = (
        alt.Chart(frame)
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(y=alt.Y("label:N", sort=None), x="amount:Q", text=alt.Text("amount:Q", format=",.0f"))
    )
    refs = load_table("financement_aci_reference").astype(object)
    src = refs[refs["kind"] == "montant_par_msp"]
    return chart(
        alt.layer(bars, text).properties(width="container", height=alt.Step(30)),
        title="Le simulateur face aux montants publiés",
        subtitle="Montants annuels par MSP, en euros",
        description=(
            "Diagramme en barres horizontales. Les barres orange sont calculées par le simulateur pour la MSP type "
            "de la CNAM (13 professionnels, 4 000 patients) ; les barres bleues sont des montants publiés : le "
            "chiffre de la CNAM en 2017, la moyenne versée au titre du règlement arbitral fin 2016 et les "
            "moyennes versées par MSP en 2022 et 2023."
        ),
        source=source_line(src) + " ; estimations : calcul du cours à partir de valeurs indicatives",
    )


def national_total_check() -> dict:
    """Number of MSP implied by the 2023 national total and average (to set beside « 2 000 financées »)."""
    refs = load_table("financement_aci_reference").astype(object).set_index("id")
    figures = load_table("financement_figures").astype(object).set_index("id")
    total = float(refs.loc["total_2023", "amount_eur"])
    average = float(refs.loc["moyenne_2023", "amount_eur"])
    return {
        "total": total,
        "average": average,
        "implied_msp": round_half_up(total / average),
        "msp_aci": int(figures.loc["msp_aci_2025", "value"]),
    }


def _format_value(value: float, unit: str) -> str:
    if unit == "€":
        return euros(value)
    if unit == "%":
        return f"{fmt_number(value)}{NBSP}%"
    return f"{fmt_number(value)}{NBSP}{unit}"


def figure(fid: str) -> str:
    """One figure of ``financement_figures`` formatted in French (« 56 % », « 50 000 € »)."""
    figures = load_table("financement_figures").astype(object).set_index("id")
    row = figures.loc[fid]
    return _format_value(float(row["value"]), row["unit"])


def figures_table(topic: str, caption: str) -> HTML:
    """HTML table of the figures of one topic, each with its source."""
    frame = load_table("financement_figures").astype(object)
    frame = frame[frame["topic"] == topic]
    if frame.empty:
        raise ValueError(f"no figure with topic '{topic}'")
    labels = citation_labels()
    rows = "".join(
        f"<tr><td>{html.escape(r.label)}</td><td style='text-align:right;white-space:nowrap'>{_format_value(float(r.value), r.unit)}</td>"
        f"<td>{r.year}</td><td>{html.escape(labels.get(r.source, r.source))}, {html.escape(r.source_detail)}</td></tr>"
        for r in frame.itertuples()
    )
    return HTML(
        f"<table class='pacte-table table'><caption>{html.escape(caption)}</caption><thead><tr>"
        "<th scope='col'>Indicateur</th><th scope='col'>Valeur</th><th scope='col'>Année</th>"
        f"<th scope='col'>Source</th></tr></thead><tbody>{rows}</tbody></table>"
    )
