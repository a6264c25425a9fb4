"""Widgets and figures of the module « Les modèles de financement »: one file per simulator.

* :mod:`.aci`: the ACI MSP simulator (:func:`aci_result`, :class:`AciSimulator`);
* :mod:`.cpts`: CPTS funding by size (:func:`cpts_result`, :class:`CptsFunding`);
* :mod:`.figures`: the reform timeline, the ACI comparison and tables of figures;
* :mod:`.inputs`: what they share (rules loading, number reading, French errors).
"""

from widgets.financement.aci import (
    AciSimulator,
    aci_result,
    aci_simulator,
    compute_aci,
    default_aci_inputs,
    load_aci_rules,
)
from widgets.financement.cpts import CptsFunding, compute_cpts, cpts_funding, cpts_result, load_cpts_rules
from widgets.financement.figures import (
    aci_comparison,
    aci_comparison_chart,
    aci_comparison_table,
    figures_table,
    national_total_check,
    reform_timeline,
)
from widgets.financement.inputs import SimulatorInputError

__all__ = [
    "AciSimulator",
    "CptsFunding",
    "SimulatorInputError",
    "aci_comparison",
    "aci_comparison_chart",
    "aci_comparison_table",
    "aci_result",
    "aci_simulator",
    "compute_aci",
    "compute_cpts",
    "cpts_funding",
    "cpts_result",
    "default_aci_inputs",
    "figures_table",
    "load_aci_rules",
    "load_cpts_rules",
    "national_total_check",
    "reform_timeline",
]
