"""Question banks in Moodle's GIFT format (``pacte export moodle``).

One ``.gift`` file per bank of ``datasets/quiz/``, under the category
``$CATEGORY: PACTE/<bank title>``:

* single choice: ``=right#feedback ~wrong#feedback``;
* multiple choice with partial credit: every right answer weighs
  ``100 / number of right answers`` per cent, every wrong one
  ``-100 / number of wrong answers``, so that ticking everything gives 0;
* numeric: the right value with its tolerance (``=%100%9:0#…``) then, as
  0 % ranges, the values below and above it with the « too low » / « too
  high » feedback of the bank (Moodle takes the first answer that matches);
* the general feedback (``####``): the explanation and the source, written
  as the course writes it (« Source : Schweyer, 2025 — section »).

The shared pieces (weights, numeric ranges, general feedback) are public so
that :mod:`pacte.export.moodle_xml` writes the same questions. What cannot be
exported exactly is returned as :class:`ExportIssue` and reported by the
command, never silently changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pacte.course.citations import citation_labels
from pacte.course.typography import NBSP, french_state

# Moodle refuses an imported answer weight that is not one of its grade options
# (qformat_default, matchgrades "error"); these are the positive ones, in per cent.
MOODLE_GRADES = (
    100.0,
    90.0,
    83.33333,
    80.0,
    75.0,
    70.0,
    66.66667,
    60.0,
    50.0,
    40.0,
    33.33333,
    30.0,
    25.0,
    20.0,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10.0,
    5.0,
)

_SPECIALS = re.compile(r"([~=#{}:\\])")
_BREAKS = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class ExportIssue:
    """A question that cannot be exported exactly (French message, for the console)."""

    bank: str
    question: str
    message: str

    def __str__(self) -> str:
        return f"{self.bank} / {self.question}{NBSP}: {self.message}"


@dataclass
class BankExport:
    """One bank in GIFT, with the questions that could not be exported exactly."""

    bank_id: str
    title: str
    text: str
    questions: int
    issues: list[ExportIssue] = field(default_factory=list)


def fold(text: str) -> str:
    """Line breaks and runs of ordinary spaces as one space; non-breaking spaces are kept."""
    return _BREAKS.sub(" ", str(text)).strip(" ")


def escape(text: str) -> str:
    """Escape GIFT's special characters (``~ = # { } :`` and backslash) and fold line breaks."""
    return _SPECIALS.sub(r"\\\1", fold(text))


def category_line(title: str) -> str:
    """``$CATEGORY: PACTE/<title>``: Moodle reads this line raw; a ``/`` in a name is doubled."""
    return "$CATEGORY: PACTE/" + fold(title).replace("/", "//")


def percent(value: float) -> str:
    """A weight as GIFT writes it: ``50``, ``33.33333``, ``-100``."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def moodle_grade(value: float) -> float | None:
    """The Moodle grade option equal to ``value`` (per cent, either sign), or None."""
    for grade in MOODLE_GRADES:
        if abs(abs(value) - grade) < 0.001:
            return grade if value > 0 else -grade
    return None


def choice_weights(question: dict) -> tuple[dict[str, float], str | None]:
    """Per-cent weight of each choice of a multiple-choice question, and why it is not exact (or None).

    Right answers share 100 %, wrong answers share -100 %: guessing all gives 0.
    """
    right = [c for c in question["choices"] if c.get("correct")]
    wrong = [c for c in question["choices"] if not c.get("correct")]
    weights: dict[str, float] = {}
    problem = None
    for group, total in ((right, 100.0), (wrong, -100.0)):
        for choice in group:
            grade = moodle_grade(total / len(group))
            if grade is None:
                problem = (
                    f"{len(group)}{NBSP}réponses {'justes' if total > 0 else 'fausses'}{NBSP}: "
                    f"un poids de {percent(total / len(group))}{NBSP}% n’est pas une note que Moodle accepte"
                )
                grade = total / len(group)
            weights[choice["id"]] = grade
    return weights, problem


def source_label(question: dict, labels: dict[str, str] | None = None) -> str:
    """« Source : Schweyer, 2025 — detail », as the quiz widget shows it."""
    labels = citation_labels() if labels is None else labels
    src = question["source"]
    return f"Source{NBSP}: {labels.get(src['ref'], src['ref'])} — {src['detail']}"


def general_feedback(question: dict, labels: dict[str, str] | None = None) -> str:
    """The general feedback of a question: its explanation, then its source."""
    return f"{fold(question['explanation'])} {source_label(question, labels)}"


@dataclass(frozen=True)
class NumericAnswer:
    """One answer of a numeric question: a value with a tolerance, or a range, and its feedback."""

    fraction: float
    feedback: str
    value: float | None = None
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None


def numeric_answers(question: dict) -> tuple[list[NumericAnswer], list[str]]:
    """The right value, then the ranges below and above it, with the bank's feedback; and what is not exact."""
    fb = question["feedback"]
    target, tol = float(question["answer"]), float(question.get("tolerance", 0) or 0)
    answers = [NumericAnswer(100.0, fb["correct"], value=target, tolerance=tol)]
    problems = []
    for side, bound, low, high in (
        ("too_low", question.get("min"), None, target - tol),
        ("too_high", question.get("max"), target + tol, None),
    ):
        text = fb.get(side) or fb["incorrect"]
        if bound is None:
            name = "trop basses" if side == "too_low" else "trop hautes"
            problems.append(
                f"sans borne {'min' if side == 'too_low' else 'max'}, la rétroaction des valeurs "
                f"{name} ne peut pas être rattachée à une plage GIFT"
            )
            continue
        lo = float(bound) if low is None else low
        hi = float(bound) if high is None else high
        if lo <= hi:
            answers.append(NumericAnswer(0.0, text, low=lo, high=hi))
    return answers, problems


def number(value: float) -> str:
    """A number as GIFT and Moodle read it: a dot, no exponent, no useless zero."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def stem(question: dict) -> str:
    """The question text, with the unit of a numeric answer (GIFT has no unit field)."""
    text = question["prompt"]
    if question["type"] == "numeric" and question.get("unit"):
        text = f"{text} (réponse en {question['unit']})"
    return text


def _choice_lines(question: dict) -> tuple[list[str], list[str]]:
    if question["type"] == "single":
        return [
            f"{'=' if c.get('correct') else '~'}{escape(c['text'])}#{escape(c['feedback'])}"
            for c in question["choices"]
        ], []
    weights, problem = choice_weights(question)
    lines = [f"~%{percent(weights[c['id']])}%{escape(c['text'])}#{escape(c['feedback'])}" for c in question["choices"]]
    return lines, [problem] if problem else []


def _numeric_lines(question: dict) -> tuple[list[str], list[str]]:
    answers, problems = numeric_answers(question)
    lines = []
    for a in answers:
        spec = (
            f"{number(a.value)}:{number(a.tolerance)}"
            if a.value is not None
            else f"{number(a.low or 0)}..{number(a.high or 0)}"
        )
        lines.append(f"=%{percent(a.fraction)}%{spec}#{escape(a.feedback)}")
    return lines, problems


def question_gift(question: dict, labels: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """One question in GIFT, and the reasons it is not exact (empty when it is)."""
    if question["type"] in ("single", "multiple"):
        lines, problems = _choice_lines(question)
        opening = "{"
    elif question["type"] == "numeric":
        lines, problems = _numeric_lines(question)
        opening = "{#"
    else:
        return "", [f"type de question «{NBSP}{question['type']}{NBSP}» absent de GIFT"]
    body = "\n".join(f"  {line}" for line in lines)
    text = (
        f"::{escape(question['id'])}::{escape(stem(question))} {opening}\n{body}\n"
        f"  ####{escape(general_feedback(question, labels))}\n}}\n"
    )
    return text, problems


def bank_gift(bank: dict, labels: dict[str, str] | None = None) -> BankExport:
    """A whole bank in GIFT: its category line, then one block per question."""
    bank = french_state(bank)
    labels = citation_labels() if labels is None else labels
    parts = [
        f"// Banque «{NBSP}{bank['title']}{NBSP}» du cours PACTE soins primaires (EHESP)",
        f"// Fichier produit par « pacte export moodle » à partir de datasets/quiz/{bank['id']}.yaml",
        "",
        category_line(bank["title"]),
        "",
    ]
    issues = []
    count = 0
    for question in bank["questions"]:
        text, problems = question_gift(question, labels)
        issues += [ExportIssue(bank["id"], question["id"], p) for p in problems]
        if text:
            parts.append(text)
            count += 1
    return BankExport(bank["id"], bank["title"], "\n".join(parts), count, issues)
