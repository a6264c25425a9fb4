"""The STAGE as trainees receive it, and the SUMMARY the trainer's dashboard draws.

Both are built from the store (blocking calls: run them in the store's thread
pool) once per change, then cached and sent by :mod:`pacte.live.feeds`.

STAGE::

    {"seq": 7, "session": {"code", "title", "open"}, "round": 1,
     "state": "open" | "closed" | "revealed" | "idle",
     "activity": null | activity_view(...),
     "reveal": null | {"correct", "explanation", "source", "panel"}}

SUMMARY::

    {"session": {id, code, title, open, participants, created_at}, "join_url",
     "participants", "connected", "stage": STAGE,
     "activities": [{"kind", "ref", "question", "title", "prompt", "answers", "panel", "round",
                     "rounds": [{"round", "answers", "panel"}]}]}

``round`` is the question's current round (1 until the trainer's first
reset); ``rounds`` holds the earlier ones, oldest first (peer instruction:
vote, discuss, vote again, compare). Trainees remember their sent answer per
activity and round, so a new round shows them « not answered » again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from pacte.live.catalogue import activity_view, reveal_view
from pacte.live.panels import activity_panel
from pacte.live.sessions_report import session_state
from pacte.live.store import LiveSession, StageRow, Store
from pacte.live.store.base import iso_utc
from pacte.live.summary_cache import SummaryCache, covered_keys
from pacte.live.survey import SURVEY_ALL

log = logging.getLogger(__name__)
SUMMARIES = SummaryCache()  # one per process: every trainer stream of a session shares its counts and panels

Aggregate = Mapping[tuple[str, str], Mapping[str, int]]
Hidden = Mapping[tuple[str, str], set[str]]


# The book page trainees land on from the QR code (book/direct.md, built at book/direct.html).
JOIN_PAGE = "book/direct.html"


def join_url(join_base: str, code: str) -> str:
    """The address a trainee opens to join session ``code`` (``join_base`` ends with ``/``)."""
    return f"{join_base}{JOIN_PAGE}?seance={code}"


def session_json(session: LiveSession, now: float, participants: int | None = None) -> dict[str, Any]:
    """A session for the trainer (``participants`` when known); never its internal data beyond the id."""
    out: dict[str, Any] = {
        "id": session.id,
        "code": session.code,
        "title": session.title,
        "open": session.is_open(now),
        "created_at": iso_utc(session.created_at),
        "expires_at": iso_utc(session.expires_at),
        "state_text": session_state(session, now),  # « ouverte jusqu’au … », « fermée le … »
    }
    if participants is not None:
        out["participants"] = participants
    return out


def _panel(kind: str, ref: str, question: str, aggregate: Aggregate, hidden: Hidden) -> dict | None:
    """The panel of an activity; None (and a log line) if the course data cannot draw it."""
    try:
        return activity_panel(kind, ref, question, aggregate, hidden)
    except Exception:  # a panel must never break a room's stream
        log.exception("cannot draw the live panel of %s:%s / %s", kind, ref, question)
        return None


def build_stage(
    session: LiveSession,
    row: StageRow,
    now: float,
    aggregate: Aggregate | None = None,
    hidden: Hidden | None = None,
    round_no: int = 1,
) -> dict[str, Any]:
    """The STAGE of ``session`` (``aggregate``/``hidden`` only matter when the stage is revealed)."""
    stage: dict[str, Any] = {
        "seq": row.seq,
        "session": {"code": session.code, "title": session.title, "open": session.is_open(now)},
        "round": round_no,
        "state": "idle",
        "activity": None,
        "reveal": None,
    }
    view = activity_view(row.kind, row.ref, row.question) if row.kind else None
    if view is None:  # nothing pushed, or an activity the course no longer has
        return stage
    stage["state"] = row.state
    stage["activity"] = view
    if row.state == "revealed":
        panel = _panel(row.kind, row.ref, row.question, aggregate or {}, hidden or {})
        if panel is not None and isinstance(panel.get("words"), list):
            # The room never receives a hidden entry, not even counted: only the trainer's panel keeps it.
            shown = [w for w in panel["words"] if not w.get("hidden")]
            hidden_count = sum(int(w["count"]) for w in panel["words"] if w.get("hidden"))
            panel = {**panel, "words": shown, "respondents": max(0, int(panel.get("respondents", 0)) - hidden_count)}
        stage["reveal"] = {**reveal_view(row.kind, row.ref, row.question), "panel": panel}
    return stage


def load_stage(store: Store, session: LiveSession, now: float) -> dict[str, Any]:
    """Read the stage of ``session`` and build its STAGE (blocking)."""
    row = store.stage(session.id)
    round_no = store.current_round(session.id, row.activity, row.question) if row.kind else 1
    if row.state != "revealed":
        return build_stage(session, row, now, round_no=round_no)
    return build_stage(
        session, row, now, store.aggregate(session.id), store.hidden_answers(session.id), round_no=round_no
    )


def _activity_keys(aggregate: Aggregate, row: StageRow, earlier: Mapping[int, Aggregate]) -> list[tuple[str, str, str]]:
    """``(kind, ref, question)`` of every activity answered (in any round) or pushed; a survey's structures count as one."""
    keys: dict[tuple[str, str, str], None] = {}
    if row.kind:
        keys[(row.kind, row.ref, row.question)] = None
    answered = set(aggregate).union(*(set(counts) for counts in earlier.values()))
    for activity, question in sorted(answered):
        kind, _, ref = activity.partition(":")
        keys[(kind, ref, SURVEY_ALL if kind == "survey" else question)] = None
    return list(keys)


def _answers(kind: str, ref: str, question: str, aggregate: Aggregate) -> int:
    activity = f"{kind}:{ref}"
    if kind == "survey" and question == SURVEY_ALL:
        return sum(sum(c.values()) for (a, _), c in aggregate.items() if a == activity)
    return sum(aggregate.get((activity, question), {}).values())


def _round(kind: str, ref: str, question: str, rounds: Mapping[tuple[str, str], int]) -> int:
    """The current round of an activity of the summary (a survey's ``all``: its latest structure's)."""
    activity = f"{kind}:{ref}"
    if kind == "survey" and question == SURVEY_ALL:
        return max((r for (a, _), r in rounds.items() if a == activity), default=1)
    return rounds.get((activity, question), 1)


def _earlier(kind: str, ref: str, question: str, earlier: Mapping[int, Aggregate], hidden: Hidden) -> list[dict]:
    """The earlier rounds of an activity that got answers, oldest first: ``{"round", "answers", "panel"}``."""
    out = []
    for round_no in sorted(earlier):
        answers = _answers(kind, ref, question, earlier[round_no])
        if answers:
            panel = _panel(kind, ref, question, earlier[round_no], hidden)
            out.append({"round": round_no, "answers": answers, "panel": panel})
    return out


def build_summary(store: Store, session: LiveSession, now: float, join_base: str) -> dict[str, Any]:
    """The SUMMARY of ``session`` for the trainer's dashboard (blocking; ``join_base`` ends with ``/``)."""
    row = store.stage(session.id)
    aggregate, versions = SUMMARIES.aggregate(store, session.id)  # only the questions that changed are read again
    hidden = store.hidden_answers(session.id)
    participants = store.participant_count(session.id)
    rounds = store.current_rounds(session.id)
    earlier = store.earlier_rounds(session.id) if rounds else {}
    activities = []
    for kind, ref, question in _activity_keys(aggregate, row, earlier):
        view = activity_view(kind, ref, question) or {}
        activity = f"{kind}:{ref}"
        covered = covered_keys(aggregate, activity, question, SURVEY_ALL)
        shown = set().union(*(hidden.get(k, set()) for k in covered))

        def draw(kind: str = kind, ref: str = ref, question: str = question) -> dict | None:
            return _panel(kind, ref, question, aggregate, hidden)

        activities.append(
            {
                "kind": kind,
                "ref": ref,
                "question": question,
                "title": view.get("title", f"{kind}:{ref}"),
                "prompt": view.get("prompt", question),
                "answers": _answers(kind, ref, question, aggregate),
                "panel": SUMMARIES.panel(
                    session.id, activity, question, tuple((k, versions.get(k)) for k in covered), shown, draw
                ),
                "round": _round(kind, ref, question, rounds),
                "rounds": _earlier(kind, ref, question, earlier, hidden),
            }
        )
    return {
        "session": session_json(session, now, participants),
        "join_url": join_url(join_base, session.code),
        "participants": participants,
        "connected": store.connected_count(session.id),
        "stage": build_stage(
            session, row, now, aggregate, hidden, _round(row.kind, row.ref, row.question, rounds) if row.kind else 1
        ),
        "activities": activities,
    }
