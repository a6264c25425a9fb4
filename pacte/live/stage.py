"""The STAGE as trainees receive it, and the SUMMARY the trainer's dashboard draws.

Both are built from the store (blocking calls: run them in the store's thread
pool) once per change, then cached and sent by :mod:`pacte.live.feeds`.

STAGE::

    {"seq": 7, "session": {"code", "title", "open"}, "round": 1,
     "state": "open" | "closed" | "revealed" | "idle",
     "activity": null | activity_view(...),
     "reveal": null | {"correct", "explanation", "source", "panel"},
     "room_questions": [{"id", "text", "votes", "answered"}],
     "timer": null | {"deadline_ms", "remaining_ms", "seconds", "close_at_zero"}}  (pacte.live.countdown)

SUMMARY::

    {"session": {id, code, title, open, participants, created_at}, "join_url",
     "participants", "connected", "stage": STAGE,
     "activities": [{"kind", "ref", "question", "title", "prompt", "answers", "panel", "round",
                     "rounds": [{"round", "answers", "panel"}], "moderated", "pending"}],
     "room_questions": [{"id", "text", "asked_at", "status", "answered", "votes"}],
     "moderation": {"default", "room_questions"}}

Moderation (:mod:`pacte.live.moderation`): the room and the projection never
get a pending or hidden entry, and ``answers`` leaves them out; ``pending``
counts the entries waiting for the trainer's approval. ``room_questions``:
the questions from the room, most voted first (the STAGE's: approved ones only).

``round`` is the question's current round (1 until the trainer's first
reset); ``rounds`` holds the earlier ones, oldest first (peer instruction:
vote, discuss, vote again, compare). Trainees remember their sent answer per
activity and round, so a new round shows them « not answered » again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from pacte.live.countdown import apply_timer
from pacte.live.kind_registry import activity_panel, activity_view, card_title, reveal_view
from pacte.live.moderation import load_moderation, room_questions_for_room, shown_to_room
from pacte.live.protocol import activity_id, split_activity
from pacte.live.room_kind import session_activity_view
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


def _panel(
    kind: str, ref: str, question: str, aggregate: Aggregate, hidden: Hidden, approved: Hidden | None = None
) -> dict | None:
    """The panel of an activity; None (and a log line) if the course data cannot draw it."""
    try:
        return activity_panel(kind, ref, question, aggregate, hidden, approved)
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
    *,
    view: dict[str, Any] | None = None,
    approved: Hidden | None = None,
    room_questions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The STAGE of ``session`` (``aggregate``/``hidden``/``approved`` only matter when the stage is revealed).

    ``view``: the activity's view when its text lives in the store (a room question pushed back).
    """
    stage: dict[str, Any] = {
        "seq": row.seq,
        "session": {"code": session.code, "title": session.title, "open": session.is_open(now)},
        "round": round_no,
        "state": "idle",
        "activity": None,
        "reveal": None,
        "room_questions": room_questions or [],
    }
    view = (activity_view(row.kind, row.ref, row.question) or view) if row.kind else None
    if view is None:  # nothing pushed, or an activity the course no longer has
        return stage
    stage["state"] = row.state
    stage["activity"] = view
    if row.state == "revealed":
        panel = _panel(row.kind, row.ref, row.question, aggregate or {}, hidden or {}, approved)
        if panel is not None and isinstance(panel.get("words"), list):
            # The room never receives a hidden or pending entry, not even flagged or counted (words_panel): only the trainer's panel keeps it.
            words = [w for w in panel["words"] if not w.get("hidden") and not w.get("pending")]
            panel = {**panel, "words": words}
        stage["reveal"] = {**reveal_view(row.kind, row.ref, row.question), "panel": panel}
    return stage


def load_stage(store: Store, session: LiveSession, now: float) -> dict[str, Any]:
    """Read the stage of ``session`` and build its STAGE (blocking)."""
    row = store.stage(session.id)
    round_no = store.current_round(session.id, row.activity, row.question) if row.kind else 1
    view = session_activity_view(store, session.id, row.kind, row.ref, row.question) if row.kind else None
    questions = room_questions_for_room(store, session.id)
    if row.state != "revealed":
        stage = build_stage(session, row, now, round_no=round_no, view=view, room_questions=questions)
        return apply_timer(stage, store.timer(session.id), now)
    approved = load_moderation(store, session.id).approved_of([(row.activity, row.question)])
    aggregate, hidden = store.aggregate(session.id), store.hidden_answers(session.id)
    stage = build_stage(
        session, row, now, aggregate, hidden, round_no, view=view, approved=approved, room_questions=questions
    )
    return apply_timer(stage, store.timer(session.id), now)


def _activity_keys(aggregate: Aggregate, row: StageRow, earlier: Mapping[int, Aggregate]) -> list[tuple[str, str, str]]:
    """``(kind, ref, question)`` of every activity answered (in any round) or pushed; a survey's structures count as one."""
    keys: dict[tuple[str, str, str], None] = {}
    if row.kind:
        keys[(row.kind, row.ref, row.question)] = None
    answered = set(aggregate).union(*(set(counts) for counts in earlier.values()))
    for activity, question in sorted(answered):
        kind, ref = split_activity(activity)
        keys[(kind, ref, SURVEY_ALL if kind == "survey" else question)] = None
    return list(keys)


def _answers(kind: str, ref: str, question: str, aggregate: Aggregate) -> int:
    activity = activity_id(kind, ref)
    if kind == "survey" and question == SURVEY_ALL:
        return sum(sum(c.values()) for (a, _), c in aggregate.items() if a == activity)
    return sum(aggregate.get((activity, question), {}).values())


def _round(kind: str, ref: str, question: str, rounds: Mapping[tuple[str, str], int]) -> int:
    """The current round of an activity of the summary (a survey's ``all``: its latest structure's)."""
    activity = activity_id(kind, ref)
    if kind == "survey" and question == SURVEY_ALL:
        return max((r for (a, _), r in rounds.items() if a == activity), default=1)
    return rounds.get((activity, question), 1)


def _shown(answers: int, panel: dict | None) -> int:
    """The answers a count shows: a words panel leaves out its hidden and pending entries."""
    return int(panel["respondents"]) if panel and panel.get("type") == "words" else answers


def _earlier(
    kind: str, ref: str, question: str, earlier: Mapping[int, Aggregate], hidden: Hidden, approved: Hidden
) -> list[dict]:
    """The earlier rounds of an activity that got answers, oldest first: ``{"round", "answers", "panel"}``."""
    out = []
    for round_no in sorted(earlier):
        answers = _answers(kind, ref, question, earlier[round_no])
        if answers:
            panel = _panel(kind, ref, question, earlier[round_no], hidden, approved)
            out.append({"round": round_no, "answers": _shown(answers, panel), "panel": panel})
    return out


def build_summary(store: Store, session: LiveSession, now: float, join_base: str) -> dict[str, Any]:
    """The SUMMARY of ``session`` for the trainer's dashboard (blocking; ``join_base`` ends with ``/``)."""
    row = store.stage(session.id)
    aggregate, versions = SUMMARIES.aggregate(store, session.id)  # only the questions that changed are read again
    hidden = store.hidden_answers(session.id)
    participants = store.participant_count(session.id)
    questions = store.room_questions(session.id)
    rounds = store.current_rounds(session.id)
    earlier = store.earlier_rounds(session.id) if rounds else {}
    moderation = load_moderation(store, session.id)
    activities = []
    for kind, ref, question in _activity_keys(aggregate, row, earlier):
        view = activity_view(kind, ref, question) or session_activity_view(store, session.id, kind, ref, question) or {}
        activity = activity_id(kind, ref)
        covered = covered_keys(aggregate, activity, question, SURVEY_ALL)
        approved = moderation.approved_of(covered)
        shown = set().union(*(hidden.get(k, set()) for k in covered))
        checked = (moderation.moderated(activity, question), *sorted(set().union(*approved.values())))

        def draw(
            kind: str = kind, ref: str = ref, question: str = question, approved: Hidden = approved
        ) -> dict | None:
            return _panel(kind, ref, question, aggregate, hidden, approved)

        panel = SUMMARIES.panel(
            session.id, activity, question, tuple((k, versions.get(k)) for k in covered), shown, draw, checked
        )
        activities.append(
            {
                "kind": kind,
                "ref": ref,
                "question": question,
                "title": card_title(kind, view, panel),
                "prompt": view.get("prompt", question),
                "answers": _shown(_answers(kind, ref, question, aggregate), panel),
                "panel": panel,
                "round": _round(kind, ref, question, rounds),
                "rounds": _earlier(kind, ref, question, earlier, hidden, approved),
                "moderated": moderation.moderated(activity, question),
                "pending": int((panel or {}).get("pending", 0)),
            }
        )
    stage_view = session_activity_view(store, session.id, row.kind, row.ref, row.question) if row.kind else None
    stage_approved = moderation.approved_of([(row.activity, row.question)]) if row.kind else {}
    return {
        "session": session_json(session, now, participants),
        "join_url": join_url(join_base, session.code),
        "participants": participants,
        "connected": store.connected_count(session.id),
        "stage": apply_timer(
            build_stage(
                session,
                row,
                now,
                aggregate,
                hidden,
                _round(row.kind, row.ref, row.question, rounds) if row.kind else 1,
                view=stage_view,
                approved=stage_approved,
                room_questions=shown_to_room(questions),
            ),
            store.timer(session.id),
            now,
        ),
        "activities": activities,
        "room_questions": [q.as_json() for q in questions],
        "moderation": moderation.as_json(),
    }
