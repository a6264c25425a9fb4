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

from pacte.course.schema import json_path
from pacte.course.yaml_lines import LineMap
from pacte.course.banks import bibliography_keys
from pacte.course.errors import DataError


def _fail(path: Path, lines: LineMap, where: tuple, message: str) -> None:
    raise DataError(path, message, line=lines.line_of(where), field=json_path(where))


def check(data: dict, path: Path, lines: LineMap) -> None:
    """Raise :class:`DataError` (file, line, field) at the first problem of the case graph."""
    expected_id = path.name.split(".")[0]
    if data["id"] != expected_id:
        _fail(path, lines, ("id",), f"case id '{data['id']}' must match the file name '{expected_id}'")
    index: dict[str, int] = {}
    for i, node in enumerate(data["nodes"]):
        if node["id"] in index:
            _fail(path, lines, ("nodes", i, "id"),
                  f"duplicate node id '{node['id']}' (first used by nodes[{index[node['id']]}])")
        index[node["id"]] = i
    if data["start"] not in index:
        _fail(path, lines, ("start",), f"start node '{data['start']}' does not exist; nodes: {sorted(index)}")

    edges: dict[str, list[str]] = {}
    for i, node in enumerate(data["nodes"]):
        targets = []
        seen: set[str] = set()
        for j, choice in enumerate(node.get("choices", [])):
            where = ("nodes", i, "choices", j)
            if choice["id"] in seen:
                _fail(path, lines, where + ("id",), f"duplicate choice id '{choice['id']}' in node '{node['id']}'")
            seen.add(choice["id"])
            if choice["next"] not in index:
                _fail(path, lines, where + ("next",),
                      f"choice '{choice['id']}' of node '{node['id']}' leads to '{choice['next']}', "
                      f"which is not a node of this case")
            if choice["next"] == node["id"]:
                _fail(path, lines, where + ("next",), f"choice '{choice['id']}' leads back to its own node")
            targets.append(choice["next"])
        edges[node["id"]] = targets

    reached = {data["start"]}
    queue = deque([data["start"]])
    while queue:
        for nxt in edges[queue.popleft()]:
            if nxt not in reached:
                reached.add(nxt)
                queue.append(nxt)
    for node_id, i in index.items():
        if node_id not in reached:
            _fail(path, lines, ("nodes", i, "id"), f"node '{node_id}' cannot be reached from the start '{data['start']}'")

    # Nodes from which a debrief can be reached, by walking the edges backwards.
    parents: dict[str, set[str]] = {n: set() for n in index}
    for src, targets in edges.items():
        for dst in targets:
            parents[dst].add(src)
    exits = {n["id"] for n in data["nodes"] if n["kind"] == "debrief"}
    can_end = set(exits)
    queue = deque(exits)
    while queue:
        for src in parents[queue.popleft()]:
            if src not in can_end:
                can_end.add(src)
                queue.append(src)
    for node_id, i in index.items():
        if node_id not in can_end:
            _fail(path, lines, ("nodes", i, "choices"),
                  f"no debrief can be reached from node '{node_id}': its paths loop without an exit")

    keys = bibliography_keys()
    if keys:
        for k, src in enumerate(data.get("based_on", [])):
            if src["ref"] not in keys:
                _fail(path, lines, ("based_on", k, "ref"), f"source '{src['ref']}' is not a key of book/references.bib")
        for i, node in enumerate(data["nodes"]):
            for k, src in enumerate(node.get("sources", [])):
                if src["ref"] not in keys:
                    _fail(path, lines, ("nodes", i, "sources", k, "ref"),
                          f"source '{src['ref']}' is not a key of book/references.bib")
