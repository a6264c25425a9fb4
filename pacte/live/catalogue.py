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

:func:`activity_view` never contains the right answer; :func:`reveal_view` does.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pacte.course.citations import citation_labels
from pacte.course.prompts import live_prompts, module_titles
from pacte.course.typography import french
from pacte.live.cases import case_entries, case_reveal, case_view
from pacte.live.kinds import bank, document
from pacte.live.pages import SURVEY_PAGE, module_of, quiz_page
from pacte.live.spot import spot_view
from pacte.live.survey import STRUCTURE_LABELS, SURVEY_ALL, survey_questions, survey_source

PROMPT_QUESTION = {"text": "answer", "wordcloud": "answer", "scale": "answer", "ranking": "order"}
KIND_TITLES = {
    "text": "Question ouverte",
    "wordcloud": "Nuage de mots",
    "scale": "Échelle d’accord",
    "ranking": "Classement",
    "survey": "La salle face à l’enquête PACTE",
    "case": "Cas à embranchements",
}
KIND_HELP = {
    "text": "Une courte phrase suffit. N’écrivez ni nom ni information permettant d’identifier une personne.",
    "wordcloud": "Un mot ou une expression courte (60 caractères au plus). Ni nom ni information personnelle.",
    "scale": "Choisissez la valeur qui correspond le mieux à votre avis.",
    "ranking": "Classez tous les éléments, du plus prioritaire au moins prioritaire.",
    "survey": (
        "Choisissez votre type de structure, puis votre réponse : la salle sera comparée "
        "aux 521 apprenants de l’enquête PACTE."
    ),
}


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
        title = p.get("title") or KIND_TITLES[p["kind"]]
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
        out.append({**entry, "page": SURVEY_PAGE, "title": KIND_TITLES["survey"], "prompt": q["label"]})
    titles = module_titles()
    return tuple({**entry, "module_title": titles.get(entry["module"], "")} for entry in out)


def catalogue() -> list[dict[str, str]]:
    """Every pushable activity: ``{kind, ref, question, module, module_title, page, title, prompt}``.

    ``module`` is the module's folder name, ``module_title`` the title of its chapter in the table of
    contents (French); ``module``, ``module_title`` and ``page`` may be ``""``.
    """
    return [dict(entry) for entry in _catalogue()]


def _prompt_view(kind: str, ref: str, question: str) -> dict[str, Any] | None:
    p = live_prompts().get(ref)
    if p is None or p["kind"] != kind or question != PROMPT_QUESTION[kind]:
        return None
    view: dict[str, Any] = {"title": p.get("title") or KIND_TITLES[kind], "prompt": p["prompt"]}
    view["help"] = p.get("help") or KIND_HELP[kind]
    if kind in ("text", "wordcloud"):
        view["input"] = {"type": "text", "max_length": int(p["max_length"])}
    elif kind == "scale":
        labels = {str(entry["value"]): entry["label"] for entry in p["labels"]}
        view["input"] = {"type": "scale", "min": int(p["min"]), "max": int(p["max"]), "labels": labels}
    else:
        view["input"] = {"type": "ranking", "items": [{"id": i["id"], "label": i["label"]} for i in p["items"]]}
    return view


def _quiz_view(ref: str, question: str) -> dict[str, Any] | None:
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


def _survey_view(ref: str, question: str) -> dict[str, Any] | None:
    q = survey_questions().get(ref)
    if q is None or question != SURVEY_ALL:
        return None
    structures = [{"id": s, "label": STRUCTURE_LABELS[s]} for s in STRUCTURE_LABELS if s in q["structures"]]
    return {
        "title": KIND_TITLES["survey"],
        "prompt": q["label"],
        "help": KIND_HELP["survey"] + (" Plusieurs réponses possibles." if q["multiple"] else ""),
        "input": {
            "type": "survey",
            "multiple": bool(q["multiple"]),
            "structures": structures,
            "choices": [{"id": a, "label": label} for a, label in q["answers"].items()],
        },
    }


def activity_view(kind: str, ref: str, question: str) -> dict[str, Any] | None:
    """What a trainee's screen shows for the activity (JSON-safe, never the right answer), or None if unknown."""
    if kind in PROMPT_QUESTION:
        view = _prompt_view(kind, ref, question)
    elif kind == "quiz":
        view = _quiz_view(ref, question)
    elif kind == "survey":
        view = _survey_view(ref, question)
    elif kind == "case":
        view = case_view(ref, question)
    elif kind == "spot":
        view = spot_view(ref, question)
    else:
        view = None
    return None if view is None else {"kind": kind, "ref": ref, "question": question, **view}


def reveal_view(kind: str, ref: str, question: str) -> dict[str, Any]:
    """``{correct, explanation, source}`` of an activity (empty where the kind has no right answer)."""
    if kind == "quiz":
        found = _quiz_question(ref, question)
        if found is not None:
            q = found[1]
            correct = [c["id"] for c in q["choices"] if c.get("correct")]
            return {"correct": correct, "explanation": q.get("explanation", ""), "source": source_text(q.get("source"))}
    if kind == "case":
        reveal = case_reveal(ref, question)
        if reveal is not None:
            sources = (document("case_graph", ref) or {}).get("based_on", [])
            return {**reveal, "source": french(" ; ".join(source_text(src) for src in sources))}
    if kind == "survey" and ref in survey_questions():
        return {"correct": [], "explanation": "", "source": survey_source(ref)}
    p = live_prompts().get(ref)
    if kind in PROMPT_QUESTION and p is not None and p["kind"] == kind:
        return {"correct": [], "explanation": p.get("explanation", ""), "source": source_text(p.get("source"))}
    return {"correct": [], "explanation": "", "source": ""}


def stage_covers(kind: str, ref: str, question: str, activity: str, answer_question: str) -> bool:
    """True if an answer (``activity`` = "<kind>:<ref>", ``answer_question``) belongs to the pushed activity.

    A pushed survey question (question :data:`SURVEY_ALL`) covers the answers of every structure.
    """
    if activity != f"{kind}:{ref}":
        return False
    return answer_question == question or (kind == "survey" and question == SURVEY_ALL)
