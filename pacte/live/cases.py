"""Branching-case steps as live activities: the trainer pushes one decision of a case to the room.

A step is ``("case", <case id>, <situation node id>)``, the ids a trainee's
answer carries already (:mod:`pacte.live.protocol`). Cases have no right
answer: the reveal shows the consequence of every choice, for the debate.
"""

from __future__ import annotations

from typing import Any

from pacte.course.typography import french
from pacte.live.kinds import document, document_ids
from pacte.live.pages import case_pages, module_of

CASE_HELP = (
    "Choisissez ce que vous feriez à la place de la personne qui coordonne. "
    "Il n’y a pas de bonne réponse unique : la révélation montre les conséquences de chaque choix."
)


def case_ids() -> tuple[str, ...]:
    """The id of every valid branching case of the course, in file order."""
    return tuple(document_ids("case_graph"))


def _step(ref: str, question: str) -> tuple[dict, dict] | None:
    case = document("case_graph", ref)
    node = next((n for n in (case or {}).get("nodes", []) if n["id"] == question), None)
    if case is None or node is None or node.get("kind") != "situation" or not node.get("choices"):
        return None
    return case, node


def case_entries() -> list[dict[str, str]]:
    """Catalogue entries of every decision step of every case (without ``module_title``)."""
    out = []
    for case_id in case_ids():
        case = document("case_graph", case_id) or {}
        page = case_pages().get(case_id, "")
        for node in case.get("nodes", []):
            if _step(case_id, node["id"]) is None:
                continue
            entry = {"kind": "case", "ref": case_id, "question": node["id"], "module": module_of(page)}
            out.append({**entry, "page": page, "title": case["title"], "prompt": node["title"]})
    return out


def case_view(ref: str, question: str) -> dict[str, Any] | None:
    """What a trainee's screen shows for one step (the case's context before its first step)."""
    found = _step(ref, question)
    if found is None:
        return None
    case, node = found
    text = " ".join(node["text"].split())
    if question == case["start"]:
        text = " ".join(case["context"].split()) + " " + text
    return {
        "title": case["title"],
        "prompt": f"{node['title']}. {text}" if node.get("title") else text,
        "help": CASE_HELP,
        "input": {
            "type": "choice",
            "multiple": False,
            "choices": [{"id": c["id"], "label": c["text"]} for c in node["choices"]],
        },
    }


def case_reveal(ref: str, question: str) -> dict[str, Any] | None:
    """``{correct: [], explanation, consequences, source}``: the consequence of each choice of the step.

    ``consequences`` is ``[{id, choice, text}]`` in choice order (a choice without a consequence of
    its own says where it leads); ``explanation`` is the same in one paragraph.
    """
    found = _step(ref, question)
    if found is None:
        return None
    case, node = found
    titles = {n["id"]: n.get("title", "") for n in case["nodes"]}
    parts, consequences = [], []
    for choice in node["choices"]:
        said = " ".join(choice.get("consequence", "").split()) or f"la suite, « {titles.get(choice['next'], '')} »."
        parts.append(f"« {choice['text'].rstrip('.')} » : {said}")
        consequences.append({"id": choice["id"], "choice": french(choice["text"]), "text": french(said)})
    return {"correct": [], "explanation": french(" ".join(parts)), "consequences": consequences, "source": ""}
