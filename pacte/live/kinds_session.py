"""The live kinds whose text lives in the session, not the course: a room question pushed back, a question on the spot."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pacte.live.kinds import describe_spot
from pacte.live.live_kind import LiveKind
from pacte.live.panels import choice_bars, spot_panel
from pacte.live.room_kind import ROOM_KIND, ROOM_TITLE
from pacte.live.spot import SPOT_TITLES, spot_view
from pacte.live.validation import validate_room, validate_spot
from pacte.live.words import words_panel


def _spot_panel(
    ref: str, question: str, counts: Mapping[str, Any], hidden: set[str], approved: set[str] | None
) -> dict | None:
    """A spot question's words or scale panel, else the bars of its choices."""
    found = spot_panel(ref, counts, hidden, approved)
    return found if found is not None else choice_bars(describe_spot, ref, question, counts)


# Its trainee's view is read from the session's store (pacte.live.room_kind.session_activity_view).
ROOM = LiveKind(
    name=ROOM_KIND,
    label=ROOM_TITLE,
    title=ROOM_TITLE,
    validate=validate_room,
    panel=lambda ref, question, counts, hidden, approved: words_panel(ROOM_TITLE, "", counts, hidden, approved),
    moderated=True,
)

SPOT = LiveKind(
    name="spot",
    label="Sur le vif",
    title=SPOT_TITLES["choice"],
    describe=describe_spot,
    validate=validate_spot,
    panel=_spot_panel,
    view=spot_view,
)
