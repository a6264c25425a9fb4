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

from pacte.course.chart_theme import (
    STRUCTURE_COLORS,
    theme_config,
)
from widgets._host import PacteWidget


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


def chart(base: alt.TopLevelMixin, *, title: str, description: str, source: str, subtitle: str | None = None) -> Chart:
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
    return Chart(
        spec=spec,
        title=title,
        description=description,
        source=source if source.lower().startswith("source") else f"Source : {source}",
    )
