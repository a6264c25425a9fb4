"""Semantic checks of branching cases (``datasets/<topic>/<id>.case_graph.yaml``).

The JSON Schema says what a node and a choice look like; this module checks
the graph itself:

* node ids and, within a node, choice ids are unique; the case id matches the file;
* the start node and the target of every choice exist;
* every node is reachable from the start;
* from every node a debrief can be reached: every path ends in a debrief and
  no cycle is closed without an exit;
* every cited source is a key of ``book/references.bib``.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from pacte.course.banks import bibliography_keys
from pacte.course.errors import DataError
from pacte.course.schema import json_path
from pacte.course.yaml_lines import LineMap


def _fail(path: Path, lines: LineMap, where: tuple, message: str) -> None:
    raise DataError(path, message, line=lines.line_of(where), field=json_path(where))


def _node_index(data: dict, path: Path, lines: LineMap) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, node in enumerate(data["nodes"]):
        if node["id"] in index:
            _fail(
                path,
                lines,
                ("nodes", i, "id"),
                f"duplicate node id '{node['id']}' (first used by nodes[{index[node['id']]}])",
            )
        index[node["id"]] = i
    if data["start"] not in index:
        _fail(path, lines, ("start",), f"start node '{data['start']}' does not exist; nodes: {sorted(index)}")
    return index


def _edges(data: dict, index: dict[str, int], path: Path, lines: LineMap) -> dict[str, list[str]]:
    edges: dict[str, list[str]] = {}
    for i, node in enumerate(data["nodes"]):
        seen: set[str] = set()
        for j, choice in enumerate(node.get("choices", [])):
            where = ("nodes", i, "choices", j)
            if choice["id"] in seen:
                _fail(path, lines, (*where, "id"), f"duplicate choice id '{choice['id']}' in node '{node['id']}'")
            seen.add(choice["id"])
            if choice["next"] not in index:
                _fail(
                    path,
                    lines,
                    (*where, "next"),
                    f"choice '{choice['id']}' of node '{node['id']}' leads to '{choice['next']}', "
                    f"which is not a node of this case",
                )
            if choice["next"] == node["id"]:
                _fail(path, lines, (*where, "next"), f"choice '{choice['id']}' leads back to its own node")
        edges[node["id"]] = [c["next"] for c in node.get("choices", [])]
    return edges


def _closure(starts: set[str], neighbours: dict[str, set[str]] | dict[str, list[str]]) -> set[str]:
    """Every node reachable from ``starts`` through ``neighbours`` (breadth first)."""
    reached = set(starts)
    queue = deque(starts)
    while queue:
        for nxt in neighbours[queue.popleft()]:
            if nxt not in reached:
                reached.add(nxt)
                queue.append(nxt)
    return reached


def _check_sources(data: dict, path: Path, lines: LineMap) -> None:
    keys = bibliography_keys()
    if not keys:
        return
    cited: list[tuple[tuple[str | int, ...], str]] = [
        (("based_on", k, "ref"), src["ref"]) for k, src in enumerate(data.get("based_on", []))
    ]
    cited += [
        (("nodes", i, "sources", k, "ref"), src["ref"])
        for i, node in enumerate(data["nodes"])
        for k, src in enumerate(node.get("sources", []))
    ]
    for where, ref in cited:
        if ref not in keys:
            _fail(path, lines, where, f"source '{ref}' is not a key of book/references.bib")


def check(data: dict, path: Path, lines: LineMap) -> None:
    """Raise :class:`DataError` (file, line, field) at the first problem of the case graph."""
    expected_id = path.name.split(".")[0]
    if data["id"] != expected_id:
        _fail(path, lines, ("id",), f"case id '{data['id']}' must match the file name '{expected_id}'")
    index = _node_index(data, path, lines)
    edges = _edges(data, index, path, lines)
    reached = _closure({data["start"]}, edges)
    for node_id, i in index.items():
        if node_id not in reached:
            _fail(
                path, lines, ("nodes", i, "id"), f"node '{node_id}' cannot be reached from the start '{data['start']}'"
            )
    # Nodes from which a debrief can be reached: walk the edges backwards from the debriefs.
    parents: dict[str, set[str]] = {n: set() for n in index}
    for src, targets in edges.items():
        for dst in targets:
            parents[dst].add(src)
    can_end = _closure({n["id"] for n in data["nodes"] if n["kind"] == "debrief"}, parents)
    for node_id, i in index.items():
        if node_id not in can_end:
            _fail(
                path,
                lines,
                ("nodes", i, "choices"),
                f"no debrief can be reached from node '{node_id}': its paths loop without an exit",
            )
    _check_sources(data, path, lines)
