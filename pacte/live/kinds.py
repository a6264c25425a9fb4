"""What each kind of live activity asks, read from the course data.

:class:`Describer` functions (one per choice-based kind) turn ``(ref, question)``
into a :class:`Question`: its title, its prompt and the choices a trainee may give. Validation (is this
answer allowed?) and aggregation (what does the dashboard draw?) both read
it; :mod:`pacte.live.kind_registry` names each kind's describer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pacte.course.banks import bank_path, load_bank_file
from pacte.course.checks import all_data_files, load_data_file, schema_of
from pacte.course.errors import DataError
from pacte.live.spot import prompt_of


@dataclass(frozen=True)
class Choice:
    """One possible answer, with its label and whether it is the expected one."""

    id: str
    label: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    """A question of a live activity as the trainer's dashboard shows it."""

    title: str
    prompt: str
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    multiple: bool = False


Describer = Callable[[str, str], Question | None]


@lru_cache(maxsize=64)
def bank(bank_id: str) -> dict[str, Any] | None:
    """The question bank ``bank_id``, or None if there is none (or it is invalid)."""
    path = bank_path(bank_id)
    if not path.exists():
        return None
    try:
        return load_bank_file(path)
    except DataError:
        return None


@lru_cache(maxsize=1)
def _documents() -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for path in all_data_files():
        schema = schema_of(path)
        if schema in (None, "question_bank"):
            continue
        try:
            data = load_data_file(path)
        except DataError:
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            out[(schema, data["id"])] = data
    return out


def document_ids(schema: str) -> list[str]:
    """The id of every valid data document of ``schema`` (e.g. ``case_graph``), in file order."""
    return [ident for (kind, ident) in _documents() if kind == schema]


def document(schema: str, ident: str) -> dict[str, Any] | None:
    """The data document of ``schema`` (e.g. ``sorting_exercise``) whose id is ``ident``."""
    return _documents().get((schema, ident))


def describe_quiz(ref: str, question: str) -> Question | None:
    b = bank(ref)
    q = next((q for q in (b or {}).get("questions", []) if q["id"] == question), None)
    if b is None or q is None or q["type"] == "numeric":
        return None
    return Question(
        b["title"],
        q["prompt"],
        tuple(Choice(c["id"], c["text"], bool(c.get("correct"))) for c in q["choices"]),
        q["type"] == "multiple",
    )


def describe_sorting(ref: str, question: str) -> Question | None:
    ex = document("sorting_exercise", ref)
    item = next((i for i in (ex or {}).get("items", []) if i["id"] == question), None)
    if ex is None or item is None:
        return None
    return Question(
        ex["title"],
        item["text"],
        tuple(Choice(c["id"], c["label"], c["id"] == item["expected"]) for c in ex["categories"]),
    )


def describe_diagnosis(ref: str, question: str) -> Question | None:
    grid = document("diagnosis_grid", ref)
    statement = next((s for s in (grid or {}).get("statements", []) if s["id"] == question), None)
    if grid is None or statement is None:
        return None
    labels = {entry["value"]: entry["label"] for entry in grid["scale"].get("labels", [])}
    values = range(grid["scale"]["min"], grid["scale"]["max"] + 1)
    return Question(grid["title"], statement["text"], tuple(Choice(str(v), labels.get(v, str(v))) for v in values))


def describe_case(ref: str, question: str) -> Question | None:
    graph = document("case_graph", ref)
    node = next((n for n in (graph or {}).get("nodes", []) if n["id"] == question), None)
    if graph is None or node is None or not node.get("choices"):
        return None
    return Question(
        graph["title"],
        node.get("title") or node.get("text", ""),
        tuple(Choice(c["id"], c["text"]) for c in node["choices"]),
    )


def describe_cpts_project(ref: str, question: str) -> Question | None:
    project = document("cpts_project", ref)
    if project is None or question not in ("missions", "partners"):
        return None
    prompt = "Missions choisies pour démarrer" if question == "missions" else "Partenaires associés"
    return Question(
        project["title"], prompt, tuple(Choice(e["id"], e["label"]) for e in project[question]), multiple=True
    )


def describe_profile(ref: str, question: str) -> Question | None:
    """« Mon profil face à l'enquête PACTE »: question ``<structure>-<question id>``, answers of that question."""
    doc = document("profile_questions", ref)
    structure, _, qid = question.partition("-")
    q = next((q for q in (doc or {}).get("questions", []) if q["id"] == qid), None)
    if doc is None or q is None or structure not in ("MSP", "CDS", "CPTS"):
        return None
    return Question(
        f"{doc['title']} ({structure})", q["prompt"], tuple(Choice(a["id"], a["label"]) for a in q["answers"])
    )


def describe_scale(ref: str, question: str) -> Question | None:
    """A live agreement scale: one choice per integer value, labelled where the prompt names it."""
    from pacte.course.prompts import live_prompts

    p = live_prompts().get(ref)
    if p is None or p["kind"] != "scale" or question != "answer":
        return None
    labels = {entry["value"]: entry["label"] for entry in p["labels"]}
    values = range(p["min"], p["max"] + 1)
    return Question(
        p.get("title", "Échelle d’accord"), p["prompt"], tuple(Choice(str(v), labels.get(v, str(v))) for v in values)
    )


def describe_ranking(ref: str, question: str) -> Question | None:
    """A live ranking: its items (the answer orders all of them)."""
    from pacte.course.prompts import live_prompts

    p = live_prompts().get(ref)
    if p is None or p["kind"] != "ranking" or question != "order":
        return None
    return Question(p.get("title", "Classement"), p["prompt"], tuple(Choice(i["id"], i["label"]) for i in p["items"]))


def free_text_describer(kind: str) -> Describer:
    """The describer of a free-text live prompt of ``kind`` (no choices)."""

    def describe_text(ref: str, question: str) -> Question | None:
        from pacte.course.prompts import live_prompts

        p = live_prompts().get(ref)
        if p is None or p["kind"] != kind or question != "answer":
            return None
        return Question(p.get("title", "Nuage de mots" if kind == "wordcloud" else "Question ouverte"), p["prompt"])

    return describe_text


def describe_spot(ref: str, question: str) -> Question | None:
    """A question typed on the spot (:mod:`pacte.live.spot`): its choices, its scale values, or none (free text)."""
    p = prompt_of(ref)
    if p is None or question != "answer":
        return None
    if p["kind"] == "choice":
        choices = tuple(Choice(c["id"], c["label"]) for c in p["choices"])
    elif p["kind"] == "scale":
        choices = tuple(Choice(str(v), str(v)) for v in range(p["min"], p["max"] + 1))
    else:
        choices = ()
    return Question(p["title"], p["prompt"], choices)
