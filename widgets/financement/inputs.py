"""What the financing simulators share: rules loading, number reading and French errors."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Any

import traitlets as t

from pacte.course.checks import load_data_file
from pacte.course.citations import citations_for
from pacte.course.fmt import NBSP, number
from pacte.course.messages import message
from pacte.course.paths import datasets_dir
from pacte.course.scoring import parse_number
from widgets._host import PacteWidget

ACI_RULES_FILE = "financement/aci_msp.aci_rules.yaml"
CPTS_RULES_FILE = "financement/cpts.cpts_rules.yaml"
MAX_OVERRIDE_POINTS = 100000
MAX_COEFFICIENT = 10
CPTS_POPULATION_SPEC = {"short_label": "Population", "unit": "habitants", "integer": True}


class SimulatorInputError(ValueError):
    """Bad simulator input. ``errors`` lists ``{"field", "message"}``; the message is French."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__(" ; ".join(f"[{e['field']}] {e['message']}" for e in errors))


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


@cache
def load_rules(relpath: str) -> dict:
    return load_data_file(datasets_dir() / relpath)


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round like JavaScript's ``Math.floor(x * 10**d + 0.5) / 10**d`` (not banker's rounding)."""
    factor = 10**decimals
    out = math.floor(value * factor + 0.5) / factor
    return int(out) if decimals == 0 else out


def fmt_number(value: float) -> str:
    """French number for messages: « 4 000 », « 2,5 » (at most two decimals)."""
    if float(value) == int(value):
        return number(value, 0)
    return number(value, 2).rstrip("0").rstrip(",")


def quoted(label: str) -> str:
    """« label » with the non-breaking spaces of French quotes."""
    return f"«{NBSP}{label}{NBSP}»"


def read_number(raw: Any, spec: dict, field: str, errors: list[dict]) -> float | None:
    """Parse one numeric input; append a French error naming the field and return None if it is bad."""
    label = spec["short_label"]
    value = None if raw is None or isinstance(raw, bool) or raw == "" else parse_number(raw)
    if value is None:
        example = fmt_number(spec["default"]) if "default" in spec else "1"
        errors.append({"field": field, "message": message("simulator.not_a_number", label=label, example=example)})
        return None
    if spec.get("integer") and value != int(value):
        errors.append({"field": field, "message": message("simulator.not_an_integer", label=label)})
        return None
    if value < spec["min"] or value > spec["max"]:
        errors.append(
            {
                "field": field,
                "message": message(
                    "simulator.out_of_range",
                    label=label,
                    min=fmt_number(spec["min"]),
                    max=fmt_number(spec["max"]),
                    unit=spec["unit"],
                ),
            }
        )
        return None
    return value


# ---------------------------------------------------------------------------
# ACI MSP
# ---------------------------------------------------------------------------


def sources_of(obj) -> set:
    found = set()
    if isinstance(obj, dict):
        if isinstance(obj.get("source"), str):
            found.add(obj["source"])
        for v in obj.values():
            found |= sources_of(v)
    elif isinstance(obj, list):
        for v in obj:
            found |= sources_of(v)
    return found


class Simulator(PacteWidget):
    """A financing simulator: the browser computes (static book); with a kernel, Python recomputes each input.

    Subclasses name their rules loader, their default inputs and their result
    function (the Python twin of their ``*_logic.js``).
    """

    rules = t.Dict().tag(sync=True)
    citations = t.Dict().tag(sync=True)
    inputs = t.Dict().tag(sync=True)
    kernel_result = t.Dict().tag(sync=True)
    load_rules: Callable[[], dict]
    default_inputs: Callable[[dict], dict]
    result: Callable[[dict, Any], dict]

    def __init__(self, rules: dict | None = None, **kwargs: Any) -> None:
        rules = rules or type(self).load_rules()
        kwargs.setdefault("inputs", type(self).default_inputs(rules))
        super().__init__(rules=rules, citations=citations_for(sources_of(rules)), **kwargs)
        self.kernel_result = {}  # only answers from the browser get a kernel result

    @t.observe("inputs")
    def _inputs_changed(self, change: dict) -> None:
        self.kernel_result = type(self).result(self.rules, change["new"])
