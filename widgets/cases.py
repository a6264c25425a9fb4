"""Branching cases: team situations where each choice leads to a consequence and a debrief.

A case is data (``datasets/dynamiques/<id>.case_graph.yaml``, schema
``case_graph``, semantic checks in :mod:`pacte.course.checks.case_graph`). The
browser walks the graph (``static/branching_case_logic.js``); :func:`walk` is
its Python mirror, used by the kernel and the tests.
"""

from __future__ import annotations

from typing import Any

import traitlets as t

from pacte.course.checks import load_data_file
from pacte.course.citations import citation_labels
from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir
from widgets._host import AnsweringWidget

CASES_TOPIC = "dynamiques"


def case_path(case_id: str, topic: str = CASES_TOPIC):
    """Return the file of a case from its id."""
    return datasets_dir() / topic / f"{case_id}.case_graph.yaml"


def load_case(case_id: str, topic: str = CASES_TOPIC) -> dict:
    """Load and fully check the case ``datasets/<topic>/<case_id>.case_graph.yaml``."""
    path = case_path(case_id, topic)
    if not path.exists():
        raise DataError(path, f"case '{case_id}' not found")
    return load_data_file(path)


def walk(case: dict, choices: list[Any]) -> dict:
    """Follow ``choices`` (choice ids, from the start) through a case graph.

    Returns ``{"node", "path", "steps", "finished", "outcome"}``: the node
    reached, the node ids visited, the number of choices made, whether the
    node is a debrief and its outcome. Raises ``ValueError`` naming the
    field (``choices[i]``) when a choice is not one of the current node's, or
    when a choice is made after the debrief.
    """
    if not isinstance(choices, list):
        raise ValueError(f"choices: expected a list of choice ids, got {type(choices).__name__}")
    nodes = {n["id"]: n for n in case["nodes"]}
    node = nodes[case["start"]]
    path = [node["id"]]
    for i, choice_id in enumerate(choices):
        if node["kind"] == "debrief":
            raise ValueError(f"choices[{i}]: the case already ended at debrief '{node['id']}'; no further choice")
        allowed = [c["id"] for c in node["choices"]]
        if not isinstance(choice_id, str) or choice_id not in allowed:
            raise ValueError(
                f"choices[{i}]: {choice_id!r} is not a choice of node '{node['id']}' (allowed: {', '.join(allowed)})"
            )
        nxt = next(c["next"] for c in node["choices"] if c["id"] == choice_id)
        node = nodes[nxt]
        path.append(node["id"])
    finished = node["kind"] == "debrief"
    return {
        "node": node["id"],
        "path": path,
        "steps": len(choices),
        "finished": finished,
        "outcome": node.get("outcome") if finished else None,
    }


class BranchingCase(AnsweringWidget):
    """One branching case: the browser plays it; with a kernel, each choice reaches Python.

    ``answers = {"path": [choice ids since the start]}`` is written by the
    browser; ``kernel_result`` is :func:`walk` recomputed in Python (or
    ``{"error": …}``), which the front end shows as ``data-kernel-*`` attributes.
    """

    _module = "branching_case"
    case = t.Dict().tag(sync=True)

    def __init__(self, case: dict, **kwargs) -> None:
        labels = citation_labels()
        case = dict(case)
        refs = {s["ref"] for s in case.get("based_on", [])}
        refs |= {s["ref"] for n in case["nodes"] for s in n.get("sources", [])}
        case["citations"] = {r: labels.get(r, r) for r in sorted(refs)}
        super().__init__(case=case, **kwargs)

    @classmethod
    def from_file(cls, case_id: str, topic: str = CASES_TOPIC) -> BranchingCase:
        """Build the widget from ``datasets/<topic>/<case_id>.case_graph.yaml``."""
        return cls(load_case(case_id, topic))

    def evaluate(self, answers: dict) -> dict:
        """Where the path of choices leads (:func:`walk`), or ``{"error": …}``."""
        try:
            return walk(self.case, list(answers.get("path", [])))
        except ValueError as exc:
            return {"error": str(exc)}

    def fallback_text(self) -> str:
        return f"Cas à embranchements « {self.case['title']} » : {self.case['context']} (JavaScript requis pour jouer le cas.)"
