"""The live kinds read from the course's exercises: quiz, survey, sorting, diagnosis, case, ordering, CPTS project, profile."""

from __future__ import annotations

from pacte.live.cases import case_view
from pacte.live.catalogue import case_step_reveal, quiz_reveal, quiz_view, survey_reveal, survey_view
from pacte.live.kinds import (
    describe_case,
    describe_cpts_project,
    describe_diagnosis,
    describe_profile,
    describe_quiz,
    describe_sorting,
)
from pacte.live.live_kind import LiveKind
from pacte.live.panels import ordering_panel, profile_panel, quiz_panel, survey_panel
from pacte.live.survey import SURVEY_HELP, SURVEY_TITLE
from pacte.live.validation import choice_validator, validate_ordering, validate_quiz, validate_survey

QUIZ = LiveKind(
    name="quiz",
    label="Quiz",
    title="Quiz",
    describe=describe_quiz,
    validate=validate_quiz,
    panel=lambda ref, question, counts, hidden, approved: quiz_panel(ref, question, counts),
    view=quiz_view,
    reveal=quiz_reveal,
)

SURVEY = LiveKind(
    name="survey",
    label="Salle et enquête",
    title=SURVEY_TITLE,
    help=SURVEY_HELP,
    validate=validate_survey,
    panel=lambda ref, question, counts, hidden, approved: survey_panel(ref, question, counts),
    view=survey_view,
    reveal=survey_reveal,
)

SORTING = LiveKind(
    name="sorting",
    label="Exercice de classement",
    title="Exercice de classement",
    describe=describe_sorting,
    validate=choice_validator(describe_sorting, "Élément inconnu pour cet exercice de classement."),
)

DIAGNOSIS = LiveKind(
    name="diagnosis",
    label="Autodiagnostic",
    title="Autodiagnostic",
    describe=describe_diagnosis,
    validate=choice_validator(describe_diagnosis, "Affirmation inconnue pour cet autodiagnostic."),
)

CASE = LiveKind(
    name="case",
    label="Cas pratique",
    title="Cas à embranchements",
    describe=describe_case,
    validate=choice_validator(describe_case, "Étape inconnue pour ce cas."),
    view=case_view,
    reveal=case_step_reveal,
)

ORDERING = LiveKind(
    name="ordering",
    label="Mise en ordre",
    title="Exercice de mise en ordre",
    validate=validate_ordering,
    panel=lambda ref, question, counts, hidden, approved: ordering_panel(ref, counts),
)

CPTS_PROJECT = LiveKind(
    name="cpts_project",
    label="Projet de CPTS",
    title="Projet de CPTS",
    describe=describe_cpts_project,
    validate=choice_validator(describe_cpts_project, "Question inconnue pour ce projet de CPTS."),
)

PROFILE = LiveKind(
    name="profile",
    label="Mon profil",
    title="Mon profil face à l’enquête PACTE",
    describe=describe_profile,
    validate=choice_validator(describe_profile, "Question de profil inconnue."),
    panel=lambda ref, question, counts, hidden, approved: profile_panel(ref, question, counts),
)
