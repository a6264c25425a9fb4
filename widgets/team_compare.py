"""« Votre équipe face à l'enquête PACTE »: the learner answers the survey's own questions.

The widget state carries the survey distribution (from ``datasets/pacte_survey``)
so that the browser places each answer with no kernel
(``static/team_compare_logic.js``); :func:`place_answer` is the Python mirror.

In a live session the browser alone draws the room beside the survey: when the
trainer reveals one of these survey questions to the room, the widget takes the
room's counts from the revealed panel (``roomFromStage`` in
``static/team_compare_logic.js``); the kernel never sees them.
"""

from __future__ import annotations

from typing import Any

import traitlets as t

from pacte.course.citations import source_line
from pacte.course.data import load_table
from pacte.course.fmt import percent as fmt_percent
from pacte.course.messages import message
from widgets._host import AnsweringWidget
from widgets.survey import survey_answers

# How each question is put to the learner and how a placed answer is phrased.
# "{label}" is the answer label with a lower-case first letter.
QUESTION_TEXT: dict[str, dict[str, Any]] = {
    "cohesion": {
        "prompt": "Intuitivement, diriez-vous que votre équipe est…",
        "template": "qui jugent leur équipe « {label} »",
    },
    "cpts_dynamics": {
        "prompt": "Intuitivement, comment appréciez-vous la dynamique collective dans votre CPTS ?",
        "template": "qui jugent la dynamique collective de leur CPTS « {label} »",
    },
    "satisfaction": {
        "prompt": "Qu’est-ce qui vous procure le plus de satisfaction dans votre fonction ?",
        "template": "qui citent « {label} » parmi ce qui leur procure le plus de satisfaction",
    },
    "difficulties": {
        "prompt": "Qu’est-ce qui vous pose le plus de difficulté dans votre fonction ?",
        "template": "qui citent « {label} » parmi ce qui leur pose le plus de difficulté",
        "templates": {"nothing": "qui répondent que rien ne leur pose particulièrement difficulté"},
        "exclusive": ["nothing"],
    },
}
STRUCTURE_PLURAL = {
    "MSP": "coordinateurs de MSP",
    "CDS": "coordinateurs de centre de santé",
    "CPTS": "coordinateurs de CPTS",
}


def structure_specs() -> list[dict[str, Any]]:
    """The survey's structure types with their label, plural and sample size (JSON-ready)."""
    return [
        {
            "id": r.structure,
            "label": r.label,
            "plural": STRUCTURE_PLURAL[r.structure],
            "sample_size": int(r.sample_size),
        }
        for r in load_table("survey_structures").itertuples()
    ]


def comparison_spec() -> dict:
    """Return the questions, structures and survey distribution the widget needs (JSON-ready)."""
    frame = survey_answers()
    structures = structure_specs()
    questions: list[dict[str, Any]] = []
    distribution: dict[str, dict[str, dict[str, float]]] = {}
    for qid, text in QUESTION_TEXT.items():
        rows = frame[frame["question_id"] == qid]
        if rows.empty:
            raise ValueError(f"survey question '{qid}' is not in datasets/pacte_survey/answers.csv")
        answers: list[dict[str, str]] = []
        for r in rows.itertuples():
            if r.answer_id not in [a["id"] for a in answers]:
                answers.append({"id": r.answer_id, "label": r.answer})
            distribution.setdefault(qid, {}).setdefault(r.structure, {})[r.answer_id] = float(r.percent)
        questions.append(
            {
                "id": qid,
                "prompt": text["prompt"],
                "survey_question": rows.iloc[0]["question"],
                "multiple": bool(rows.iloc[0]["multiple"]),
                "structures": list(dict.fromkeys(rows["structure"])),
                "answers": answers,
                "template": text["template"],
                "templates": text.get("templates", {}),
                "exclusive": text.get("exclusive", []),
            }
        )
    return {
        "questions": questions,
        "structures": structures,
        "distribution": distribution,
        "source": source_line(frame),
    }


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _invalid(field: str, message: str) -> dict:
    return {"status": "invalid", "field": field, "message": message}


def _picked(q: dict, answer: Any, field: str) -> tuple[list, dict | None]:
    """(the answer ids given, None) or ([], the invalid result) when the answer is unreadable for ``q``."""
    if q["multiple"]:
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            return [], _invalid(field, message("compare.unreadable_multiple"))
        return answer, None
    if isinstance(answer, list):
        return [], _invalid(field, message("quiz.single_only"))
    if not isinstance(answer, str) and answer is not None:
        return [], _invalid(field, message("compare.unreadable_single"))
    return ([] if answer in (None, "") else [answer]), None


def _picked_problem(q: dict, picked: list, labels: dict[str, str], field: str) -> dict | None:
    """The invalid result when the picked answers are empty, unknown, repeated or break an exclusive answer."""
    if not picked:
        return _invalid(field, message("compare.unanswered_multiple" if q["multiple"] else "compare.unanswered_single"))
    unknown = [p for p in picked if p not in labels]
    if unknown:
        allowed = ", ".join(f"«\u00a0{a['label']}\u00a0»" for a in q["answers"])
        return _invalid(field, message("compare.unknown_answer", answer=unknown[0], allowed=allowed))
    if len(set(picked)) != len(picked):
        return _invalid(field, message("compare.duplicate"))
    for ex in q["exclusive"]:
        if ex in picked and len(picked) > 1:
            return _invalid(field, message("compare.exclusive", label=labels[ex]))
    return None


def _placed_item(q: dict, aid: str, dist: dict, who: str, labels: dict[str, str], order: list[str]) -> dict:
    """Percent, rank and sentence of one picked answer in the survey distribution ``dist``."""
    pct = dist[aid]
    rank = 1 + sum(1 for v in dist.values() if v > pct)
    what = q["templates"].get(aid, q["template"]).replace("{label}", _lower_first(labels[aid]))
    sentence = f"Vous faites partie des {fmt_percent(pct)} de {who} {what}."
    top = max(order, key=lambda a: (dist[a], -order.index(a)))
    if rank == 1:
        sentence += " C’est la réponse la plus fréquente."
    else:
        sentence += f" La réponse la plus fréquente est « {labels[top]} » ({fmt_percent(dist[top])})."
    return {"answer": aid, "label": labels[aid], "percent": pct, "rank": rank, "sentence": sentence}


def place_answer(spec: dict, structure: Any, question_id: Any, answer: Any) -> dict:
    """Place one answer in the survey distribution of its structure.

    Returns ``{"status": "ok", "question", "structure", "items": [...]}`` where
    each item gives the answer's percent, its rank among the answers and the
    sentence shown to the learner; or ``{"status": "invalid", "field", "message"}``
    with a French message when the structure, question or answer is not allowed.
    Mirrors ``placeAnswer`` of ``static/team_compare_logic.js``.
    """
    structures = {s["id"]: s for s in spec["structures"]}
    if structure not in structures:
        return _invalid("structure", message("compare.unknown_structure"))
    questions = {q["id"]: q for q in spec["questions"]}
    if question_id not in questions:
        return _invalid("question", message("compare.unknown_question", question=question_id))
    q = questions[question_id]
    field = f"answers.{question_id}"
    if structure not in q["structures"]:
        return _invalid(field, message("compare.not_asked", who=structures[structure]["plural"]))
    labels = {a["id"]: a["label"] for a in q["answers"]}
    picked, invalid = _picked(q, answer, field)
    if invalid is None:
        invalid = _picked_problem(q, picked, labels, field)
    if invalid is not None:
        return invalid
    dist = spec["distribution"][question_id][structure]
    who = structures[structure]["plural"]
    order = [a["id"] for a in q["answers"]]
    items = [_placed_item(q, aid, dist, who, labels, order) for aid in sorted(picked, key=order.index)]
    return {"status": "ok", "question": question_id, "structure": structure, "items": items}


class SurveyComparison(AnsweringWidget):
    """Answers placed against the PACTE survey.

    ``answers`` (written by the browser) is ``{"structure": "MSP", "<question>": answer, …}``;
    ``kernel_result`` is ``{"structure", "results": {question: place(…)}}`` recomputed in Python.
    Subclasses name their spec builder and their placing function.
    """

    spec = t.Dict().tag(sync=True)

    @staticmethod
    def default_spec() -> dict:
        """The widget's spec when none is given."""
        raise NotImplementedError

    @staticmethod
    def place(spec: dict, structure: Any, question_id: Any, answer: Any) -> dict:
        """One answer placed in the survey (Python twin of the JS placing function)."""
        raise NotImplementedError

    def __init__(self, spec: dict | None = None, **kwargs: Any) -> None:
        super().__init__(spec=spec or self.default_spec(), **kwargs)

    def evaluate(self, answers: dict) -> dict:
        """Each answer placed in the survey with :meth:`place`."""
        structure = answers.get("structure")
        results = {
            qid: self.place(self.spec, structure, qid, ans) for qid, ans in answers.items() if qid != "structure"
        }
        return {"structure": structure, "results": results}


class TeamCompare(SurveyComparison):
    """The learner's team placed against the 521 learners of the PACTE survey (:func:`place_answer`)."""

    _module = "team_compare"
    default_spec = staticmethod(comparison_spec)
    place = staticmethod(place_answer)

    def fallback_text(self) -> str:
        return (
            "Activité « Votre équipe face à l'enquête PACTE » : répondez aux questions de l'enquête pour votre "
            "équipe et comparez-vous aux 521 apprenants (JavaScript requis)."
        )
