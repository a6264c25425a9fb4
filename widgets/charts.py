"""Altair charts in the course's style: French formats, a title and a description.

Use :func:`chart` for every figure::

    chart(alt.Chart(df).mark_bar().encode(...),
          title="…", description="… (read aloud by screen readers)", source="Schweyer, 2025")

It applies one theme, French number and date formats, and returns a
:class:`Chart` widget that renders in Jupyter, Voilà and the static book with
the vendored Vega runtime (``static/vendor``).
"""

from __future__ import annotations

import altair as alt
import traitlets as t

from widgets._host import PacteWidget
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
    "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre"],
    "shortMonths": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
                    "sept.", "oct.", "nov.", "déc."],
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


def structure_scale(domain: list[str] | None = None) -> alt.Scale:
    """Return the colour scale used for MSP / CDS / CPTS across the course."""
    domain = domain or list(STRUCTURE_COLORS)
    return alt.Scale(domain=domain, range=[STRUCTURE_COLORS[d] for d in domain])


class Chart(PacteWidget):
    """A Vega-Lite chart with its title, text description and source."""

    _module = "chart"
    spec = t.Dict().tag(sync=True)
    title = t.Unicode().tag(sync=True)
    description = t.Unicode().tag(sync=True)
    source = t.Unicode().tag(sync=True)

    def fallback_text(self) -> str:
        return f"Graphique : {self.title}. {self.description} {self.source}"


def chart(base: alt.TopLevelMixin, *, title: str, description: str, source: str,
          subtitle: str | None = None) -> Chart:
    """Style an Altair chart for the course and wrap it in a :class:`Chart` widget.

    ``title`` and ``description`` are required: the description is what a
    screen reader announces, so it must state what the chart shows.
    ``source`` names where the figures come from (shown under the chart).
    """
    for name, value in (("title", title), ("description", description), ("source", source)):
        if not value or not value.strip():
            raise ValueError(f"chart(): '{name}' must be a non-empty string")
    title_param = alt.TitleParams(text=title, subtitle=subtitle) if subtitle else title
    styled = base.properties(title=title_param, description=description)
    spec = styled.to_dict(validate=True)
    config = theme_config()
    config.update(spec.get("config", {}))
    spec["config"] = config
    return Chart(spec=spec, title=title, description=description,
                 source=source if source.lower().startswith("source") else f"Source : {source}")
