"""Moderation before display: which free-text entries reach the projection and the room.

For word clouds, open questions (a room question pushed back included) and
the questions from the room, the trainer may approve each entry first: a
setting per activity's question, and a session default. An entry of a
moderated question is *pending* until approved, and *hidden* entries are
kept but never shown; the counts (« N réponses ») leave both out. Room
questions carry their own status (:mod:`pacte.live.store.room`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pacte.live.kind_registry import MODERATED_KINDS
from pacte.live.protocol import split_activity
from pacte.live.spot import prompt_of
from pacte.live.store.room import ROOM_ACTIVITY, ROOM_QUESTION

Key = tuple[str, str]


@dataclass(frozen=True)
class Moderation:
    """A session's moderation settings and approved entries."""

    default: bool = False
    own: dict[Key, bool] = field(default_factory=dict)
    approved: dict[Key, set[str]] = field(default_factory=dict)

    def moderated(self, activity: str, question: str) -> bool:
        """Whether entries to ``activity``/``question`` wait for the trainer's approval."""
        kind, ref = split_activity(activity)
        free_text_on_the_spot = kind == "spot" and (prompt_of(ref) or {}).get("kind") in ("wordcloud", "text")
        if (activity, question) != (ROOM_ACTIVITY, ROOM_QUESTION) and kind not in MODERATED_KINDS:
            if not free_text_on_the_spot:
                return False
        return self.own.get((activity, question), self.default)

    def approved_of(self, keys: list[Key]) -> dict[Key, set[str]]:
        """The approved entries of those of ``keys`` that are moderated (the others are absent)."""
        return {k: set(self.approved.get(k, set())) for k in keys if self.moderated(*k)}

    def as_json(self) -> dict[str, Any]:
        """For the dashboard: the session default and whether the room questions are moderated."""
        return {"default": self.default, "room_questions": self.moderated(ROOM_ACTIVITY, ROOM_QUESTION)}


def load_moderation(store: Any, session_id: str) -> Moderation:
    """The moderation of a session, read from the store (blocking)."""
    default, own = store.moderation(session_id)
    return Moderation(default, own, store.approved_answers(session_id))


def shown_to_room(questions: list[Any]) -> list[dict[str, Any]]:
    """What the room sees of ``store.room_questions()``: approved ones, ``{id, text, votes, answered}``, no author."""
    return [
        {"id": q.id, "text": q.text, "votes": q.votes, "answered": q.answered}
        for q in questions
        if q.status == "approved"
    ]


def room_questions_for_room(store: Any, session_id: str) -> list[dict[str, Any]]:
    """The questions the room sees, most voted first (blocking)."""
    return shown_to_room(store.room_questions(session_id))
