"""Semantic checks of « Mon profil » questions (``datasets/<topic>/<name>.profile_questions.yaml``).

Beyond its JSON Schema: unique question and answer ids; every indicator is an
``indicator_id`` of ``datasets/pacte_survey/profile.csv``; ``inside`` lists known
answers only.
"""

from __future__ import annotations

from pathlib import Path

from pacte.course.checks.diagnosis_grid import _fail, _unique


def check(data: dict, path: Path, lines) -> None:
    """Raise :class:`DataError` (file, line, field) on the first semantic problem."""
    from pacte.course.data import load_table

    known = set(load_table("survey_profile")["indicator_id"])
    _unique(data, "questions", path, lines)
    for i, q in enumerate(data["questions"]):
        answers: list[str] = []
        for j, a in enumerate(q["answers"]):
            if a["id"] in answers:
                _fail(path, lines, ("questions", i, "answers", j, "id"), f"duplicate answer id '{a['id']}'")
            answers.append(a["id"])
        for j, ind in enumerate(q["indicators"]):
            if ind["indicator"] not in known:
                _fail(
                    path,
                    lines,
                    ("questions", i, "indicators", j, "indicator"),
                    f"unknown indicator '{ind['indicator']}' (indicators of profile.csv: {sorted(known)})",
                )
            for k, aid in enumerate(ind["inside"]):
                if aid not in answers:
                    _fail(
                        path,
                        lines,
                        ("questions", i, "indicators", j, "inside", k),
                        f"unknown answer '{aid}' (answers of this question: {answers})",
                    )
