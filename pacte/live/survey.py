"""The PACTE survey as the live sessions read it: questions, published percentages, weighted totals.

The survey (``datasets/pacte_survey/answers.csv``) publishes, for each question,
one column of percentages per structure type (MSP, CDS, CPTS). The course
computes a total over the structures that answered a question: the mean of the
published percentages weighted by the sample sizes of
``datasets/pacte_survey/structures.csv``. The survey itself does not publish
that total; panels say so (:func:`survey_note`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pacte.course.fmt import number

STRUCTURES = ("MSP", "CDS", "CPTS")
# The question of a pushed survey activity: each trainee answers for their own structure.
SURVEY_ALL = "all"
SURVEY_TITLE = "La salle face à l’enquête PACTE"
SURVEY_HELP = (
    "Choisissez votre type de structure, puis votre réponse : la salle sera comparée "
    "aux 521 apprenants de l’enquête PACTE."
)
STRUCTURE_LABELS = {
    "MSP": "Maison de santé pluriprofessionnelle (MSP)",
    "CDS": "Centre de santé (CDS)",
    "CPTS": "Communauté professionnelle territoriale de santé (CPTS)",
}


@lru_cache(maxsize=1)
def survey_questions() -> dict[str, dict[str, Any]]:
    """Survey question id → {"label", "multiple", "answers": {answer_id: label}, "structures": set}, labels in French typography."""
    from pacte.course.data import load_table
    from pacte.course.typography import french

    table = load_table("survey_answers")
    out: dict[str, dict[str, Any]] = {}
    for row in table.itertuples():
        label = french(row.question)
        q = out.setdefault(
            row.question_id, {"label": label, "multiple": bool(row.multiple), "answers": {}, "structures": set()}
        )
        q["answers"][row.answer_id] = french(row.answer)
        q["structures"].add(row.structure)
    return out


@lru_cache(maxsize=1)
def sample_sizes() -> dict[str, int]:
    """Structure type → number of survey respondents (``structures.csv``)."""
    from pacte.course.data import load_table

    return {r.structure: int(r.sample_size) for r in load_table("survey_structures").itertuples()}


@lru_cache(maxsize=64)
def survey_percents(question_id: str, structure: str) -> dict[str, float]:
    """Published percentage per answer id for one question and structure (empty if not published)."""
    from pacte.course.data import load_table

    table = load_table("survey_answers")
    rows = table[(table.question_id == question_id) & (table.structure == structure)]
    return {r.answer_id: float(r.percent) for r in rows.itertuples()}


@lru_cache(maxsize=4)
def profile_percents(structure: str) -> dict[str, tuple[str, float]]:
    """Indicator id → (French label, published percent) of the survey's profile table for one structure type."""
    from pacte.course.data import load_table
    from pacte.course.typography import french

    table = load_table("survey_profile")
    rows = table[table.structure == structure]
    return {
        r.indicator_id: (french(r.indicator), float(r.percent)) for r in rows.itertuples() if r.percent == r.percent
    }


def structures_of(question_id: str) -> list[str]:
    """The structure types for which the survey published this question, in MSP, CDS, CPTS order."""
    q = survey_questions().get(question_id)
    return [s for s in STRUCTURES if q is not None and s in q["structures"]]


@lru_cache(maxsize=16)
def weighted_percents(question_id: str) -> dict[str, float]:
    """Course-computed total: per answer, the published percentages weighted by the structures' sample sizes."""
    sizes = sample_sizes()
    structures = structures_of(question_id)
    total = sum(sizes[s] for s in structures)
    answers = survey_questions()[question_id]["answers"] if structures else {}
    return {
        a: round(sum(survey_percents(question_id, s).get(a, 0.0) * sizes[s] for s in structures) / total, 1)
        for a in answers
    }


def survey_total_n(question_id: str) -> int:
    """Number of survey respondents behind the course-computed total (sum of the structures' sample sizes)."""
    return sum(sample_sizes()[s] for s in structures_of(question_id))


def survey_note(question_id: str) -> str:
    """French note under a room-versus-survey panel: where the total comes from."""
    structures = structures_of(question_id)
    sizes = sample_sizes()
    parts = "\u00a0; ".join(f"{s}\u00a0: {number(sizes[s])}" for s in structures)
    if len(structures) == 1:
        return (
            f"Question posée aux seules {structures[0]} ({number(sizes[structures[0]])}\u00a0répondants)\u00a0: "
            "pourcentages publiés par l’enquête PACTE."
        )
    return (
        f"Total sur {number(survey_total_n(question_id))}\u00a0répondants calculé par le cours à partir des "
        f"colonnes publiées par l’enquête ({parts})\u00a0: moyenne des pourcentages pondérée par les effectifs. "
        "L’enquête ne publie pas ce total."
    )


def survey_source(question_id: str) -> str:
    """« Schweyer, 2025, « Dynamique des équipes » (521 apprenants PACTE, 2022-2024) »."""
    from pacte.course.citations import citation_labels
    from pacte.course.data import load_table

    table = load_table("survey_answers")
    rows = table[table.question_id == question_id]
    if rows.empty:
        return ""
    first = rows.iloc[0]
    label = citation_labels().get(first.source, first.source)
    return f"{label}, {first.source_detail} (521\u00a0apprenants PACTE, 2022-2024)"
