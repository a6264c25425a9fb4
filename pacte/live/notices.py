"""What a change notification says: which session changed, and whether the room must see it at once.

Shared by the stores (PostgreSQL ``NOTIFY pacte_live, '<payload>'``) and the
in-process hub: the payload is a session id, marked :func:`urgent` when the
trainer changed what the room sees (stage push, close), or :data:`ALL`.
"""

from __future__ import annotations

CHANNEL = "pacte_live"
ALL = "*"  # every session (after a lost LISTEN connection)
URGENT = "!"  # prefix of a session id whose stage changed: refreshed at once, not debounced


def urgent(session_id: str) -> str:
    """The payload announcing that the room's view of ``session_id`` changed: delivered without delay."""
    return URGENT + session_id


def split_urgent(ids: set[str]) -> tuple[set[str], set[str]]:
    """(every session id named, the ids marked urgent), from a delivered set of payloads."""
    marked = {i[len(URGENT) :] for i in ids if i.startswith(URGENT)}
    return {i for i in ids if not i.startswith(URGENT)} | marked, marked
