"""PACTE course widgets: what the pages import, and nothing else.

Pages write ``from widgets import Quiz, chart, load_table`` and never reach
into a submodule. Every widget works in three hosts: Jupyter/Binder and
Voilà (as an anywidget, the Python side sees each answer) and the static book
(the same JavaScript module runs in the browser with no kernel, see
``static/loader.js``).

Names are imported on first use (PEP 562): a page with a quiz does not pay for pandas and
Altair, which only the charts and tables need (about 0.9 s of a Voilà kernel's start).
"""

from __future__ import annotations

import importlib
from typing import Any

# Each name the pages import, and the module that defines it.
_SOURCES = {
    "load_bank": "pacte.course.banks",
    "load_package": "pacte.course.data",
    "load_table": "pacte.course.data",
    "DataError": "pacte.course.errors",
    "euros": "pacte.course.fmt",
    "number": "pacte.course.fmt",
    "percent": "pacte.course.fmt",
    "BranchingCase": "widgets.cases",
    "Chart": "widgets.charts",
    "chart": "widgets.charts",
    "CptsProject": "widgets.cpts_project",
    "Diagnosis": "widgets.diagnosis",
    "aci_comparison_chart": "widgets.financement",
    "aci_comparison_table": "widgets.financement",
    "aci_simulator": "widgets.financement",
    "cpts_funding": "widgets.financement",
    "figures_table": "widgets.financement",
    "national_total_check": "widgets.financement",
    "reform_timeline": "widgets.financement",
    "live_prompts_for": "widgets.live_prompts",
    "metier_answers_table": "widgets.metier",
    "metier_profile_chart": "widgets.metier",
    "metier_profile_table": "widgets.metier",
    "Ordering": "widgets.ordering",
    "structure_counts_chart": "widgets.panorama",
    "structure_counts_table": "widgets.panorama",
    "ProfileCompare": "widgets.profile_compare",
    "ProgressPage": "widgets.progress_page",
    "Prompt": "widgets.prompt",
    "Quiz": "widgets.quiz",
    "Sorting": "widgets.sorting",
    "profile_chart": "widgets.survey",
    "survey_explorer": "widgets.survey",
    "TeamCompare": "widgets.team_compare",
    "survey_quotes": "widgets.team_dynamics",
    "team_survey_explorer": "widgets.team_dynamics",
    "instruments_chart": "widgets.territories",
    "instruments_table": "widgets.territories",
    "territory_figures": "widgets.territories",
    "WeekPlanner": "widgets.week",
}
__all__ = sorted(_SOURCES)


def __getattr__(name: str) -> Any:
    """Import ``name`` from its module on first use (``from widgets import Quiz``), or a submodule."""
    module = _SOURCES.get(name)
    if module is None:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The names the pages import."""
    return __all__
