"""The questions from the room as rows of the session's export (:mod:`pacte.live.answers_export`).

No participant number nor id: a question from the room is anonymous, even to the trainer.
"""

from __future__ import annotations

from pacte.course.fmt import NBSP, number, spreadsheet_datetime
from pacte.live.store.room import ROOM_ACTIVITY, RoomQuestion

ROOM_TITLE = "Questions de la salle"
MASKED = {"hidden": "oui", "pending": "en attente", "approved": "non"}


def votes_text(votes: int) -> str:
    """« 1 vote », « 12 votes »."""
    return f"{number(votes)}{NBSP}vote{'s' if votes > 1 else ''}"


def room_question_rows(questions: list[RoomQuestion]) -> tuple[list[list[object]], list[float]]:
    """(one export row per question, oldest first, the time of each) — hidden and pending ones flagged, not left out."""
    ordered = sorted(questions, key=lambda q: (q.asked_at, q.id))
    rows: list[list[object]] = []
    for q in ordered:
        state = f"{votes_text(q.votes)}, {'répondue' if q.answered else 'pas encore répondue'}"
        rows.append(
            [1, spreadsheet_datetime(q.asked_at), "", ROOM_TITLE, f"Question posée ({state})", q.text, "",
             MASKED[q.status], "", ROOM_ACTIVITY, str(q.id), q.text]
        )  # fmt: skip
    return rows, [q.asked_at for q in ordered]
