"""Sessions told in French on the console: at ``pacte serve`` start, and by ``pacte sessions``.

Nothing here deletes: at startup the sessions past their time limit are
closed (answers kept) and those past retention are only counted, with the
command that purges them on the trainer's say.
"""

from __future__ import annotations

from pacte.course.fmt import NBSP, date_time, decimal
from pacte.live.store import LiveSession, Store
from pacte.live.store.retention import NO_LIMIT_SECONDS


def session_state(session: LiveSession, now: float) -> str:
    """« ouverte jusqu’au 9 décembre 2026 à 8 h 45 », « ouverte jusqu’à sa fermeture » or « fermée le … »."""
    ended = session.ended_at(now)
    if ended is not None:
        return f"fermée le {date_time(ended)}"
    if session.expires_at - session.created_at >= NO_LIMIT_SECONDS:
        return "ouverte jusqu’à sa fermeture par le formateur"
    return f"ouverte jusqu’au {date_time(session.expires_at)}"


def startup_sessions(store: Store, retention_days: float) -> list[str]:
    """Close the sessions past their time limit; return the console lines (sessions past retention, never deleted)."""
    store.close_expired_sessions()
    old = store.past_retention(retention_days)
    if not old:
        return []
    days = decimal(retention_days, 2)
    return [
        f"pacte serve{NBSP}: {len(old)} séance(s) terminée(s) depuis plus de {days}{NBSP}jours sont gardées avec "
        f"leurs réponses{NBSP}; «{NBSP}pacte sessions list{NBSP}» les montre, «{NBSP}pacte sessions purge{NBSP}» "
        f"les supprime après confirmation."
    ]


def session_lines(store: Store, now: float) -> list[str]:
    """One line per session, newest first: code, title, state, participants and answers."""
    lines = []
    for session in store.list_sessions():
        people = store.participant_count(session.id)
        answers = store.answer_count(session.id)
        lines.append(
            f"{session.code}  «{NBSP}{session.title}{NBSP}»  créée le {date_time(session.created_at)}, "
            f"{session_state(session, now)}{NBSP}; {people} participant(s), {answers} réponse(s)"
        )
    return lines
