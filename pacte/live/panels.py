"""Panels: what the trainer's dashboard (and a reveal) draws for one activity, from its answer counts.

Each kind's panel function is named by :mod:`pacte.live.kind_registry`, whose
``panel`` dispatches to it. A panel is JSON-safe and has a ``"type"``:

* ``bars``: ``rows: [{id, label, count, percent, correct}]``, ``respondents``
  (quiz questions and every other choice-based kind);
* ``words``: ``words: [{text, count, hidden}]`` (word clouds and open
  prompts; entries are counted without case, shown as most often typed);
* ``scale``: ``rows: [{value, label, count, percent}]``, ``mean``;
* ``ranking``: ``rows: [{id, label, mean_rank, first}]``, best first;
* ``room_vs_survey``: ``rows: [{id, label, count, room_percent, survey_percent}]``
  (``count``: the room's answers; the survey widgets of the module pages draw
  the room from it once revealed, see ``roomFromStage`` in
  ``widgets/static/team_compare_logic.js``),
  ``respondents``, ``survey_n``, ``survey_note``, and ``structures`` (the same
  per MSP, CDS, CPTS); survey questions, and « Mon profil » answers (kind
  ``profile``) beside the survey's profile table.

``counts`` is ``{canonical answer: n}`` for the question, as
``store.aggregate(session_id)[(activity, question)]``; for a pushed survey
question (question ``"all"``) it is ``{structure: {canonical answer: n}}``,
which ``kind_registry.activity_panel`` builds from the whole aggregate.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from pacte.course.fmt import decimal
from pacte.course.prompts import live_prompts
from pacte.live.kinds import Describer, bank, document
from pacte.live.spot import prompt_of
from pacte.live.survey import (
    STRUCTURE_LABELS,
    STRUCTURES,
    SURVEY_ALL,
    SURVEY_TITLE,
    profile_percents,
    sample_sizes,
    structures_of,
    survey_note,
    survey_percents,
    survey_questions,
    survey_total_n,
    weighted_percents,
)
from pacte.live.words import MAX_WORDS, words_panel

__all__ = ["MAX_WORDS", "words_panel"]


def _percent(n: int, total: int) -> float:
    return round(100 * n / total, 1) if total else 0.0


def _per_choice(counts: Mapping[str, int], multiple: bool) -> tuple[dict[str, int], int]:
    """Per-choice counts and number of respondents (multiple answers are JSON lists)."""
    per: dict[str, int] = {}
    respondents = 0
    for answer, n in counts.items():
        respondents += n
        try:
            choices = json.loads(answer) if multiple and answer.startswith("[") else [answer]
        except ValueError:
            choices = [answer]
        for choice in choices:
            per[choice] = per.get(choice, 0) + n
    return per, respondents


def _bars(
    title: str, prompt: str, choices: Iterable[tuple[str, str, bool]], counts: Mapping[str, int], multiple: bool
) -> dict:
    per, respondents = _per_choice(counts, multiple)
    rows = [
        {
            "id": cid,
            "label": label,
            "count": per.get(cid, 0),
            "percent": _percent(per.get(cid, 0), respondents),
            "correct": ok,
        }
        for cid, label, ok in choices
    ]
    return {"type": "bars", "title": title, "prompt": prompt, "respondents": respondents, "rows": rows}


def _numeric_bars(b: dict, q: dict, counts: Mapping[str, int]) -> dict:
    """A numeric quiz question: one row per value given, right when within the tolerance."""
    total = sum(counts.values())
    rows = []
    for value, n in sorted(counts.items(), key=lambda kv: float(kv[0])):
        ok = abs(float(value) - q["answer"]) <= q.get("tolerance", 0) + 1e-9
        rows.append(
            {"id": value, "label": decimal(float(value), 10), "count": n, "percent": _percent(n, total), "correct": ok}
        )
    return {"type": "bars", "title": b["title"], "prompt": q["prompt"], "respondents": total, "rows": rows}


def quiz_panel(ref: str, question: str, counts: Mapping[str, int]) -> dict | None:
    b = bank(ref)
    q = next((q for q in (b or {}).get("questions", []) if q["id"] == question), None)
    if b is None or q is None:
        return None
    if q["type"] == "numeric":
        return _numeric_bars(b, q, counts)
    choices = [(c["id"], c["text"], bool(c.get("correct"))) for c in q["choices"]]
    return _bars(b["title"], q["prompt"], choices, counts, q["type"] == "multiple")


def prompt_words_panel(
    ref: str, kind: str, counts: Mapping[str, int], hidden: set[str], approved: set[str] | None
) -> dict | None:
    p = live_prompts().get(ref)
    if p is None or p["kind"] != kind:
        return None
    return _words_of(p, kind, counts, hidden, approved)


def _words_of(p: dict, kind: str, counts: Mapping[str, int], hidden: set[str], approved: set[str] | None) -> dict:
    """The words panel of a prompt ``p`` (a course prompt or one typed on the spot)."""
    title = p.get("title") or ("Nuage de mots" if kind == "wordcloud" else "Question ouverte")
    return words_panel(title, p["prompt"], counts, hidden, approved)


def scale_panel(ref: str, counts: Mapping[str, int]) -> dict | None:
    p = live_prompts().get(ref)
    if p is None or p["kind"] != "scale":
        return None
    return _scale_of(p, counts)


def _scale_of(p: dict, counts: Mapping[str, int]) -> dict:
    labels = {entry["value"]: entry["label"] for entry in p["labels"]}
    values = range(p["min"], p["max"] + 1)
    total = sum(n for v, n in counts.items() if v.lstrip("-").isdigit() and int(v) in values)
    rows = [
        {
            "value": v,
            "label": labels.get(v, str(v)),
            "count": counts.get(str(v), 0),
            "percent": _percent(counts.get(str(v), 0), total),
        }
        for v in values
    ]
    mean = round(sum(r["value"] * r["count"] for r in rows) / total, 2) if total else None
    title = p.get("title") or "Échelle d’accord"
    return {"type": "scale", "title": title, "prompt": p["prompt"], "respondents": total, "rows": rows, "mean": mean}


def ranking_panel(ref: str, counts: Mapping[str, int]) -> dict | None:
    p = live_prompts().get(ref)
    if p is None or p["kind"] != "ranking":
        return None
    items = {i["id"]: i["label"] for i in p["items"]}
    rank_sum = dict.fromkeys(items, 0)
    first = dict.fromkeys(items, 0)
    total = 0
    for order_text, n in counts.items():
        order = json.loads(order_text)
        if sorted(order) != sorted(items):
            continue
        total += n
        first[order[0]] += n
        for position, item in enumerate(order, start=1):
            rank_sum[item] += position * n
    rows = [
        {"id": i, "label": label, "mean_rank": round(rank_sum[i] / total, 2) if total else None, "first": first[i]}
        for i, label in items.items()
    ]
    if total:
        rows.sort(key=lambda r: (r["mean_rank"], -r["first"]))
    title = p.get("title") or "Classement"
    return {"type": "ranking", "title": title, "prompt": p["prompt"], "respondents": total, "rows": rows}


def ordering_panel(ref: str, counts: Mapping[str, int]) -> dict | None:
    """An ordering exercise: how many trainees gave the expected order (ties are interchangeable)."""
    ex = document("ordering_exercise", ref)
    if ex is None:
        return None
    position = {i["id"]: i["position"] for i in ex["items"]}
    exact = sum(
        n for o, n in counts.items() if [position.get(i, 0) for i in json.loads(o)] == sorted(position.values())
    )
    total = sum(counts.values())
    rows = [
        {
            "id": "expected",
            "label": "Ordre attendu",
            "count": exact,
            "percent": _percent(exact, total),
            "correct": True,
        },
        {
            "id": "other",
            "label": "Autre ordre",
            "count": total - exact,
            "percent": _percent(total - exact, total),
            "correct": False,
        },
    ]
    return {
        "type": "bars",
        "title": ex["title"],
        "prompt": "Ordre proposé par la salle",
        "respondents": total,
        "rows": rows,
    }


def _survey_rows(qid: str, counts: Mapping[str, int], reference: dict[str, float]) -> tuple[list[dict], int]:
    q = survey_questions()[qid]
    per, respondents = _per_choice(counts, q["multiple"])
    rows = [
        {
            "id": a,
            "label": label,
            "count": per.get(a, 0),
            "room_percent": _percent(per.get(a, 0), respondents),
            "survey_percent": reference[a],
        }
        for a, label in q["answers"].items()
        if a in reference
    ]
    return rows, respondents


def survey_panel(ref: str, question: str, counts: Mapping[str, Any]) -> dict | None:
    q = survey_questions().get(ref)
    if q is None:
        return None
    if question != SURVEY_ALL:
        if question not in structures_of(ref):
            return None
        counts = {question: counts}
    structures: list[dict[str, Any]] = []
    merged: dict[str, int] = {}
    for s in structures_of(ref):
        own = counts.get(s) or {}
        rows, respondents = _survey_rows(ref, own, survey_percents(ref, s))
        label = STRUCTURE_LABELS[s]
        structures.append(
            {"id": s, "label": label, "respondents": respondents, "survey_n": sample_sizes()[s], "rows": rows}
        )
        for answer, n in own.items():
            merged[answer] = merged.get(answer, 0) + n
    if question != SURVEY_ALL:
        only = structures[[s["id"] for s in structures].index(question)]
        rows, respondents, survey_n = only["rows"], only["respondents"], only["survey_n"]
        note = f"Pourcentages publiés par l’enquête PACTE pour les {question}."
    else:
        rows, respondents = _survey_rows(ref, merged, weighted_percents(ref))
        survey_n, note = survey_total_n(ref), survey_note(ref)
    return {
        "type": "room_vs_survey",
        "title": SURVEY_TITLE,
        "prompt": q["label"],
        "multiple": bool(q["multiple"]),
        "respondents": respondents,
        "survey_n": survey_n,
        "survey_note": note,
        "rows": rows,
        "structures": structures,
    }


def profile_panel(ref: str, question: str, counts: Mapping[str, int]) -> dict | None:
    """« Mon profil » (question ``<structure>-<id>``): the room's share inside each survey indicator, beside the survey."""
    doc = document("profile_questions", ref)
    structure, _, qid = question.partition("-")
    q = next((q for q in (doc or {}).get("questions", []) if q["id"] == qid), None)
    if doc is None or q is None or structure not in STRUCTURES:
        return None
    respondents = sum(counts.values())
    rows = []
    for indicator in q["indicators"]:
        found = profile_percents(structure).get(indicator["indicator"])
        if found is None:
            continue
        n = sum(counts.get(a, 0) for a in indicator["inside"])
        rows.append(
            {
                "id": indicator["indicator"],
                "label": found[0],
                "count": n,
                "room_percent": _percent(n, respondents),
                "survey_percent": found[1],
            }
        )
    if not rows:
        return None
    own = {"respondents": respondents, "survey_n": sample_sizes()[structure], "rows": rows}
    return {
        "type": "room_vs_survey",
        "title": f"{doc['title']} ({structure})",
        "prompt": q["prompt"],
        "multiple": False,
        **own,
        "survey_note": f"Pourcentages publiés par l’enquête PACTE pour les {structure}.",
        "structures": [{"id": question, "label": STRUCTURE_LABELS[structure], **own}],
    }


def spot_panel(
    ref: str, counts: Mapping[str, Any], hidden_answers: Iterable[str], approved: set[str] | None
) -> dict | None:
    """A spot question's words or scale panel (its choices go through :func:`describe` like any choice kind)."""
    p = prompt_of(ref)
    if p is not None and p["kind"] in ("wordcloud", "text"):
        return _words_of(p, p["kind"], counts, set(hidden_answers), approved)
    if p is not None and p["kind"] == "scale":
        return _scale_of(p, counts)
    return None


def choice_bars(describer: Describer, ref: str, question: str, counts: Mapping[str, int]) -> dict | None:
    """Bars of the choices ``describer`` gives for the question, or None if the course has no such question."""
    q = describer(ref, question)
    if q is None:
        return None
    return _bars(q.title, q.prompt, [(c.id, c.label, c.correct) for c in q.choices], counts, q.multiple)
