"""A question from the room pushed back to the room as an open question: live kind ``room``.

Its ``ref`` is the question's id in the session (digits), its question
``answer``, its answers free text. Unlike the course's activities, its text
lives in the store: :func:`session_activity_view` reads it there.
"""

from __future__ import annotations

import re
from typing import Any

ROOM_KIND = "room"
ROOM_ANSWER = "answer"
MAX_ROOM_ANSWER = 280
ROOM_TITLE = "Question de la salle"
ROOM_HELP = "Une courte phrase suffit. N’écrivez ni nom ni information permettant d’identifier une personne."
_ID = re.compile(r"^[1-9][0-9]{0,17}$")


def room_question_id(ref: str) -> int | None:
    """The question id a ``room`` activity's ref names, or None."""
    return int(ref) if isinstance(ref, str) and _ID.match(ref) else None


def room_view(question_id: int, text: str) -> dict[str, Any]:
    """What a trainee's screen shows for a room question pushed as an open question."""
    return {
        "kind": ROOM_KIND,
        "ref": str(question_id),
        "question": ROOM_ANSWER,
        "title": ROOM_TITLE,
        "prompt": text,
        "help": ROOM_HELP,
        "input": {"type": "text", "max_length": MAX_ROOM_ANSWER},
    }


def session_activity_view(store: Any, session_id: str, kind: str, ref: str, question: str) -> dict[str, Any] | None:
    """The view of an activity whose text lives in the session's store (a room question), or None (blocking)."""
    qid = room_question_id(ref) if kind == ROOM_KIND and question == ROOM_ANSWER else None
    if qid is None:
        return None
    for q in store.room_questions(session_id):
        if q.id == qid:
            return room_view(qid, q.text)
    return None
