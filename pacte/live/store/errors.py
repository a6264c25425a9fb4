"""Errors of the live-session store (messages name internal ids: log them, never show them)."""

from __future__ import annotations


class StoreError(Exception):
    """A live-session store operation failed."""


class UnknownSession(StoreError):
    """No session has this id."""

    def __init__(self, session_id: str):
        self.session_id = session_id
        super().__init__(f"unknown live session {session_id!r}")


class SessionClosed(StoreError):
    """The session is closed or expired: it accepts no participant and no answer."""

    def __init__(self, session_id: str):
        self.session_id = session_id
        super().__init__(f"live session {session_id!r} is closed or expired")


class UnknownParticipant(StoreError):
    """No participant has this id in this session."""

    def __init__(self, session_id: str, participant_id: str):
        self.session_id = session_id
        self.participant_id = participant_id
        super().__init__(f"unknown participant {participant_id!r} in live session {session_id!r}")


class ActivityClosed(StoreError):
    """The trainer closed (or revealed) the activity this answer is for: no more answers to it."""

    def __init__(self, session_id: str, activity: str, question: str):
        self.session_id = session_id
        self.activity = activity
        self.question = question
        super().__init__(f"answers to {activity!r} / {question!r} are closed in live session {session_id!r}")
