"""Every activity a trainer can push to the room, what a trainee's screen shows, and what a reveal shows.

An activity is ``(kind, ref, question)``, the three ids a trainee's answer
carries. The catalogue holds:

* every live prompt of ``datasets/live/prompts.live_prompts.yaml`` (``text``,
  ``wordcloud``, ``scale``, ``ranking``);
* every choice question (single or multiple) of every quiz bank (``quiz``);
* every decision step of every branching case (``case``, :mod:`pacte.live.cases`);
* every survey question of ``datasets/pacte_survey/answers.csv`` (``survey``,
  question :data:`SURVEY_ALL`: each trainee answers for their own structure,
  so their answer's ``question`` is ``MSP``, ``CDS`` or ``CPTS``; see
  :func:`stage_covers`).

It also holds the trainee's view and the reveal of the course's kinds, which
:mod:`pacte.live.kind_registry` names: a view never contains the right answer;
a reveal does.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pacte.course.citations import citation_labels
from pacte.course.prompts import live_prompts, module_titles
from pacte.course.typography import french
from pacte.live.cases import case_entries, case_reveal
from pacte.live.kinds import bank, document
from pacte.live.pages import SURVEY_PAGE, module_of, quiz_page
from pacte.live.protocol import activity_id
from pacte.live.survey import (
    STRUCTURE_LABELS,
    SURVEY_ALL,
    SURVEY_HELP,
    SURVEY_TITLE,
    survey_questions,
    survey_source,
)

PROMPT_QUESTION = {"text": "answer", "wordcloud": "answer", "scale": "answer", "ranking": "order"}


def source_text(source: dict[str, Any] | None) -> str:
    """« Schweyer, 2025, « section » » for a ``{ref, detail}`` source, ``""`` for none."""
    if not source:
        return ""
    label = citation_labels().get(source["ref"], source["ref"])
    return f"{label}, {source['detail']}" if source.get("detail") else label


def _quiz_question(ref: str, question: str) -> tuple[dict, dict] | None:
    b = bank(ref)
    q = next((q for q in (b or {}).get("questions", []) if q["id"] == question), None)
    if b is None or q is None or q["type"] not in ("single", "multiple"):
        return None
    return b, q


@lru_cache(maxsize=1)
def _catalogue() -> tuple[dict[str, str], ...]:
    from pacte.course.banks import all_bank_files

    out: list[dict[str, str]] = []
    for pid, p in live_prompts().items():
        title = p["title"]  # pacte.course.prompts gives every prompt one
        entry = {"kind": p["kind"], "ref": pid, "question": PROMPT_QUESTION[p["kind"]]}
        out.append({**entry, "module": p["module"], "page": p["page"], "title": title, "prompt": p["prompt"]})
    for path in all_bank_files():
        b = bank(path.stem)
        for q in (b or {}).get("questions", []):
            if q["type"] not in ("single", "multiple"):
                continue
            page = quiz_page(path.stem, q["id"])
            module = module_of(page, fallback=path.stem.split("-")[0])
            entry = {"kind": "quiz", "ref": path.stem, "question": q["id"], "module": module, "page": page}
            out.append({**entry, "title": (b or {})["title"], "prompt": q["prompt"]})
    out.extend(case_entries())
    for qid, q in survey_questions().items():
        entry = {"kind": "survey", "ref": qid, "question": SURVEY_ALL, "module": module_of(SURVEY_PAGE)}
        out.append({**entry, "page": SURVEY_PAGE, "title": SURVEY_TITLE, "prompt": q["label"]})
    titles = module_titles()
    return tuple({**entry, "module_title": titles.get(entry["module"], "")} for entry in out)


def catalogue() -> list[dict[str, str]]:
    """Every pushable activity: ``{kind, ref, question, module, module_title, page, title, prompt}``.

    ``module`` is the module's folder name, ``module_title`` the title of its chapter in the table of
    contents (French); ``module``, ``module_title`` and ``page`` may be ``""``.
    """
    return [dict(entry) for entry in _catalogue()]


def prompt_view(kind: str, ref: str, question: str) -> dict[str, Any] | None:
    """A live prompt's view (``help`` only where the prompt has its own: the registry adds the kind's)."""
    p = live_prompts().get(ref)
    if p is None or p["kind"] != kind or question != PROMPT_QUESTION[kind]:
        return None
    view: dict[str, Any] = {"title": p["title"], "prompt": p["prompt"]}
    if p.get("help"):
        view["help"] = p["help"]
    if kind in ("text", "wordcloud"):
        view["input"] = {"type": "text", "max_length": int(p["max_length"])}
    elif kind == "scale":
        labels = {str(entry["value"]): entry["label"] for entry in p["labels"]}
        view["input"] = {"type": "scale", "min": int(p["min"]), "max": int(p["max"]), "labels": labels}
    else:
        view["input"] = {"type": "ranking", "items": [{"id": i["id"], "label": i["label"]} for i in p["items"]]}
    return view


def quiz_view(ref: str, question: str) -> dict[str, Any] | None:
    """A choice question of a quiz bank (numeric questions are not pushed)."""
    found = _quiz_question(ref, question)
    if found is None:
        return None
    b, q = found
    multiple = q["type"] == "multiple"
    return {
        "title": b["title"],
        "prompt": q["prompt"],
        "help": "Plusieurs réponses possibles." if multiple else "Une seule réponse.",
        "input": {
            "type": "choice",
            "multiple": multiple,
            "choices": [{"id": c["id"], "label": c["text"]} for c in q["choices"]],
        },
    }


def survey_view(ref: str, question: str) -> dict[str, Any] | None:
    """A survey question: the trainee picks their structure, then their answer."""
    q = survey_questions().get(ref)
    if q is None or question != SURVEY_ALL:
        return None
    structures = [{"id": s, "label": STRUCTURE_LABELS[s]} for s in STRUCTURE_LABELS if s in q["structures"]]
    return {
        "title": SURVEY_TITLE,
        "prompt": q["label"],
        "help": SURVEY_HELP + (" Plusieurs réponses possibles." if q["multiple"] else ""),
        "input": {
            "type": "survey",
            "multiple": bool(q["multiple"]),
            "structures": structures,
            "choices": [{"id": a, "label": label} for a, label in q["answers"].items()],
        },
    }


def quiz_reveal(ref: str, question: str) -> dict[str, Any] | None:
    """The right choices of a quiz question, its explanation and source."""
    found = _quiz_question(ref, question)
    if found is None:
        return None
    q = found[1]
    correct = [c["id"] for c in q["choices"] if c.get("correct")]
    return {"correct": correct, "explanation": q.get("explanation", ""), "source": source_text(q.get("source"))}


def case_step_reveal(ref: str, question: str) -> dict[str, Any] | None:
    """The consequences of a case step's choices and the case's sources."""
    reveal = case_reveal(ref, question)
    if reveal is None:
        return None
    sources = (document("case_graph", ref) or {}).get("based_on", [])
    return {**reveal, "source": french(" ; ".join(source_text(src) for src in sources))}


def survey_reveal(ref: str, question: str) -> dict[str, Any] | None:
    """A survey question's source (no right answer)."""
    return {"correct": [], "explanation": "", "source": survey_source(ref)} if ref in survey_questions() else None


def prompt_reveal(kind: str, ref: str) -> dict[str, Any] | None:
    """A live prompt's explanation and source (no right answer)."""
    p = live_prompts().get(ref)
    if p is None or p["kind"] != kind:
        return None
    return {"correct": [], "explanation": p.get("explanation", ""), "source": source_text(p.get("source"))}


def stage_covers(kind: str, ref: str, question: str, activity: str, answer_question: str) -> bool:
    """True if an answer (``activity`` = "<kind>:<ref>", ``answer_question``) belongs to the pushed activity.

    A pushed survey question (question :data:`SURVEY_ALL`) covers the answers of every structure.
    """
    if activity != activity_id(kind, ref):
        return False
    return answer_question == question or (kind == "survey" and question == SURVEY_ALL)
