"""The course's chart theme: French number and date formats, palette, Vega-Lite config.

Used by the page charts (:mod:`widgets.charts`) and the PDF export
(:mod:`pacte.export.pdf`).
"""

from __future__ import annotations

from pacte.course.fmt import NBSP

FRENCH_NUMBER_LOCALE = {
    "decimal": ",",
    "thousands": NBSP,
    "grouping": [3],
    "currency": ["", f"{NBSP}€"],
    "percent": f"{NBSP}%",
}
FRENCH_TIME_LOCALE = {
    "dateTime": "%A %e %B %Y à %X",
    "date": "%d/%m/%Y",
    "time": "%H:%M:%S",
    "periods": ["AM", "PM"],
    "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
    "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
    "months": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "shortMonths": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
}
PALETTE = ["#1f5f8b", "#e07b39", "#3a9a6b", "#b5446e", "#7a6fbe", "#8c8c3a"]
STRUCTURE_COLORS = {"MSP": "#1f5f8b", "CDS": "#e07b39", "CPTS": "#3a9a6b"}


def theme_config() -> dict:
    """Return the Vega-Lite ``config`` shared by every chart of the course."""
    font = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
    return {
        "locale": {"number": FRENCH_NUMBER_LOCALE, "time": FRENCH_TIME_LOCALE},
        "font": font,
        "range": {"category": PALETTE},
        "title": {"fontSize": 15, "anchor": "start", "subtitleColor": "#555"},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 380},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
        "view": {"stroke": None},
        "bar": {"color": PALETTE[0]},
    }
