"""The quiz widget: a question bank rendered with per-answer feedback and a score."""

from __future__ import annotations

import traitlets as t

from pacte.course.banks import load_bank, select_questions
from pacte.course.citations import citation_labels
from pacte.course.scoring import score
from widgets._host import AnsweringWidget


class Quiz(AnsweringWidget):
    """A quiz over one question bank.

    The browser scores each answer (so it works in the static book); with a
    kernel, every answer also reaches Python: ``answers`` holds the learner's
    answers (question id → answer) and ``kernel_result`` the score recomputed
    in Python (:func:`pacte.course.scoring.score`).
    """

    _module = "quiz"
    bank = t.Dict().tag(sync=True)

    def __init__(self, bank: dict, **kwargs) -> None:
        labels = citation_labels()
        bank = dict(bank)
        bank["citations"] = {
            q["source"]["ref"]: labels.get(q["source"]["ref"], q["source"]["ref"]) for q in bank["questions"]
        }
        super().__init__(bank=bank, **kwargs)

    @classmethod
    def from_bank(cls, bank_id: str, questions: list[str] | None = None, title: str | None = None) -> Quiz:
        """Build a quiz from ``datasets/quiz/<bank_id>.yaml``, optionally with only some of its questions."""
        bank = dict(load_bank(bank_id))
        if questions is not None:
            bank["questions"] = select_questions(bank, questions)
            bank["description"] = f"{len(questions)} questions sur cette page. Chaque réponse est commentée et sourcée."
        if title is not None:
            bank["title"] = title
        return cls(bank)

    def evaluate(self, answers: dict) -> dict:
        """The score of ``answers`` (Python twin of ``quiz_logic.js``)."""
        return score(self.bank, answers)

    def fallback_text(self) -> str:
        return f"Quiz « {self.bank['title']} » : {len(self.bank['questions'])} questions (JavaScript requis)."
