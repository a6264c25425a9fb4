"""PACTE course widgets: what the pages import, and nothing else.

Pages write ``from widgets import Quiz, chart, load_table`` and never reach
into a submodule. Every widget works in three hosts: Jupyter/Binder and
Voilà (as an anywidget, the Python side sees each answer) and the static book
(the same JavaScript module runs in the browser with no kernel, see
``static/loader.js``).
"""

from pacte.course.banks import load_bank
from pacte.course.data import load_package, load_table
from pacte.course.errors import DataError
from pacte.course.fmt import euros, number, percent
from widgets.cases import BranchingCase
from widgets.charts import Chart, chart
from widgets.cpts_project import CptsProject
from widgets.diagnosis import Diagnosis
from widgets.financement import (
    aci_comparison_chart,
    aci_comparison_table,
    aci_simulator,
    cpts_funding,
    figures_table,
    national_total_check,
    reform_timeline,
)
from widgets.live_prompts import live_prompts_for
from widgets.metier import metier_answers_table, metier_profile_chart, metier_profile_table
from widgets.ordering import Ordering
from widgets.panorama import structure_counts_chart, structure_counts_table
from widgets.profile_compare import ProfileCompare
from widgets.progress_page import ProgressPage
from widgets.prompt import Prompt
from widgets.quiz import Quiz
from widgets.sorting import Sorting
from widgets.survey import profile_chart, survey_explorer
from widgets.team_compare import TeamCompare
from widgets.team_dynamics import survey_quotes, team_survey_explorer
from widgets.territories import instruments_chart, instruments_table, territory_figures
from widgets.week import WeekPlanner

__all__ = [
    "BranchingCase",
    "Chart",
    "CptsProject",
    "DataError",
    "Diagnosis",
    "ProfileCompare",
    "ProgressPage",
    "Prompt",
    "Quiz",
    "Ordering",
    "Sorting",
    "TeamCompare",
    "WeekPlanner",
    "aci_comparison_chart",
    "aci_comparison_table",
    "aci_simulator",
    "chart",
    "cpts_funding",
    "euros",
    "figures_table",
    "load_bank",
    "load_package",
    "instruments_chart",
    "instruments_table",
    "live_prompts_for",
    "load_table",
    "metier_answers_table",
    "metier_profile_chart",
    "metier_profile_table",
    "national_total_check",
    "number",
    "percent",
    "profile_chart",
    "reform_timeline",
    "structure_counts_chart",
    "structure_counts_table",
    "survey_explorer",
    "survey_quotes",
    "team_survey_explorer",
    "territory_figures",
]
