"""The quiz widget: a question bank rendered with per-answer feedback and a score."""

from __future__ import annotations

import traitlets as t

from pacte.course.citations import citation_labels
from widgets._host import PacteWidget
from pacte.course.banks import load_bank
from pacte.course.scoring import score


class Quiz(PacteWidget):
    """A quiz over one question bank.

    The browser scores each answer (so it works in the static book); with a
    kernel, every answer also reaches Python: ``answers`` holds the learner's
    answers, ``kernel_score`` the score recomputed in Python, and callbacks
    registered with :meth:`on_answer` are called with each new answer.
    """

    _module = "quiz"
    bank = t.Dict().tag(sync=True)
    answers = t.Dict().tag(sync=True)
    kernel_score = t.Dict().tag(sync=True)

    def __init__(self, bank: dict, **kwargs) -> None:
        labels = citation_labels()
        bank = dict(bank)
        bank["citations"] = {q["source"]["ref"]: labels.get(q["source"]["ref"], q["source"]["ref"])
                             for q in bank["questions"]}
        super().__init__(bank=bank, **kwargs)
        self._callbacks = []

    @classmethod
    def from_bank(cls, bank_id: str, questions: list[str] | None = None, title: str | None = None) -> "Quiz":
        """Build a quiz from ``datasets/quiz/<bank_id>.yaml``, optionally with only some of its questions."""
        bank = dict(load_bank(bank_id))
        if questions is not None:
            by_id = {q["id"]: q for q in bank["questions"]}
            unknown = [q for q in questions if q not in by_id]
            if unknown:
                raise KeyError(f"bank '{bank_id}' has no question(s) {unknown}")
            bank["questions"] = [by_id[q] for q in questions]
            bank["description"] = f"{len(questions)} questions sur cette page. Chaque réponse est commentée et sourcée."
        if title is not None:
            bank["title"] = title
        return cls(bank)

    def on_answer(self, callback) -> None:
        """Call ``callback(question_id, answer, score)`` on every new answer."""
        self._callbacks.append(callback)

    @t.observe("answers")
    def _answers_changed(self, change) -> None:
        result = score(self.bank, change["new"])
        self.kernel_score = {k: v for k, v in result.items()}
        old = change["old"] or {}
        for qid, answer in change["new"].items():
            if old.get(qid) != answer:
                for cb in self._callbacks:
                    cb(qid, answer, result)

    def fallback_text(self) -> str:
        return f"Quiz « {self.bank['title']} » : {len(self.bank['questions'])} questions (JavaScript requis)."
