"""Read the course data every live activity needs once, when the server starts, not in a room's first request.

A fresh ``pacte serve`` (a restart in the middle of a session included) read
the question banks, prompts, survey table and cases on first use: the first
push waited for them (about 0.5 s on a busy 2-core machine), and the first
answer of a kind validated against them on the event loop, stalling every
request meanwhile. :func:`warm_up` runs in the store's thread pool right
after start-up; the functions it calls keep what they read.
"""

from __future__ import annotations

import logging

from pacte.live.catalogue import catalogue
from pacte.live.kind_registry import activity_view, describe, reveal_view

log = logging.getLogger(__name__)


def warm_up() -> int:
    """Load the view, answer key and reveal of every activity of the catalogue; how many there are (never raises)."""
    try:
        activities = catalogue()
        for activity in activities:
            kind, ref, question = activity["kind"], activity["ref"], activity["question"]
            activity_view(kind, ref, question)
            describe(kind, ref, question)
            reveal_view(kind, ref, question)
    except Exception:  # the course data is checked elsewhere (pacte check): a request will report it
        log.exception("live activities not loaded in advance")
        return 0
    return len(activities)
