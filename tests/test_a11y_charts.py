"""The chart front end's pure layout (widgets/static/chart_layout.js), run through Node.

It makes every chart fit its container, silences Vega's English ARIA, keeps text at 12 px or more,
wraps long category labels on phones (growing the rows), adds patterns where colour tells MSP, CDS
and CPTS apart, and builds the « Voir les données » table from the chart's own data.
"""

from __future__ import annotations

from node_runner import call_js

LONG = "Une réponse assez longue pour être coupée en plusieurs lignes"


def _spec(**extra):
    spec = {
        "layer": [
            {
                "mark": "bar",
                "encoding": {
                    "y": {"field": "answer", "type": "nominal"},
                    "x": {"field": "share", "type": "quantitative"},
                    "color": {
                        "field": "structure",
                        "type": "nominal",
                        "scale": {"domain": ["MSP", "CDS", "CPTS"], "range": ["#1f5f8b", "#e07b39", "#3a9a6b"]},
                    },
                    "tooltip": [
                        {"field": "answer", "title": "Réponse", "type": "nominal"},
                        {"field": "share", "title": "Part", "format": ".0%", "type": "quantitative"},
                    ],
                },
            },
            {
                "mark": {"type": "text", "fontSize": 11},
                "encoding": {
                    "text": {"field": "share", "type": "quantitative"},
                    "x": {"field": "share", "type": "quantitative"},
                    "y": {"field": "answer", "type": "nominal"},
                },
            },
        ],
        "data": {
            "values": [
                {"answer": LONG, "share": 0.5, "structure": "MSP"},
                {"answer": "Courte", "share": 0.25, "structure": "CDS"},
            ]
        },
        "title": "Un titre de graphique",
        "description": "Vega would read this in English context.",
        "height": {"step": 16},
        "config": {"axis": {"labelFontSize": 11}},
    }
    spec.update(extra)
    return spec


def test_every_chart_fits_its_container_without_vega_aria_and_with_12px_text():
    wide, phone = call_js("chart_layout", "prepareSpec", [[_spec(), 900], [_spec(), 360]])
    for spec in (wide, phone):
        assert spec["width"] == "container"
        assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
        assert spec["config"]["aria"] is False
        assert "description" not in spec
        assert spec["config"]["axis"]["labelFontSize"] == 12
        assert spec["layer"][1]["mark"]["fontSize"] == 12
    assert "labelExpr" not in (wide["layer"][0]["encoding"]["y"].get("axis") or {})


def test_phone_layout_wraps_labels_and_grows_rows():
    (phone,) = call_js("chart_layout", "prepareSpec", [[_spec(), 360]])
    axis = phone["layer"][0]["encoding"]["y"]["axis"]
    assert "indexof" in axis["labelExpr"] and axis["labelLimit"] <= 160
    assert phone["height"]["step"] > 16
    assert phone["config"]["legend"]["orient"] == "bottom"
    assert phone["config"]["axisQuantitative"]["tickCount"] == 4
    assert isinstance(phone["title"]["text"], list)


def test_contrast_and_patterns_for_structure_bars():
    (prepared,) = call_js("chart_layout", "prepareSpec", [[_spec(), 900]])
    assert prepared["layer"][0]["encoding"]["color"]["scale"]["range"][1] == "#c25e1f"
    (patterns,) = call_js("chart_layout", "patternFills", [[prepared]])
    assert [p["kind"] for p in patterns] == ["stripes", "dots"]


def test_data_table_uses_the_tooltip_titles_and_all_rows():
    (table,) = call_js("chart_layout", "tableRows", [[_spec(), None]])
    assert table["columns"] == ["Réponse", "Part"]
    assert [r[0] for r in table["rows"]] == [LONG, "Courte"]


def test_wrap_words_and_first_sentence():
    assert call_js("chart_layout", "wrapWords", [["a b cc ddd", 4]]) == [["a b", "cc", "ddd"]]
    assert call_js("chart_layout", "firstSentence", [["Une phrase. Deux."]]) == ["Une phrase."]
