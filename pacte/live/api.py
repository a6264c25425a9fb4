"""HTTP endpoints of live sessions, served by ``pacte serve`` under ``/api/live/``.

Trainees cost no kernel: the static pages (and the Voilà views) post their
answers here. Every request is checked before anything is stored: unknown
session or participant, unknown question or choice, malformed or oversized
payload → a 4xx with a French message, and nothing written. Remote addresses
are used in memory for rate limiting only, never stored.
"""

from __future__ import annotations

from pacte.course.fmt import NBSP
from pacte.live.countdown import restamp
from pacte.live.handlers import CLOSED, MAX_BODY, NO_SESSION, JSONHandler, LiveContext, RateLimiter
from pacte.live.kind_registry import canonical_answer
from pacte.live.protocol import JOIN_CODE_RULE, ProtocolError, normalize_join_code, parse_answer, valid_participant
from pacte.live.room_kind import ROOM_KIND, session_activity_view
from pacte.live.store import ActivityClosed, SessionClosed, UnknownParticipant, UnknownSession

__all__ = ["MAX_BODY", "LiveContext", "RateLimiter", "live_handlers"]
ACTIVITY_CLOSED = "Les réponses sont closes pour cette activité."


class StatusHandler(JSONHandler):
    """``GET /api/live/status``: tells pages that live sessions are available here."""

    def get(self) -> None:
        self.ok({"live": True})


class JoinHandler(JSONHandler):
    """``POST /api/live/join {code}`` → an anonymous participant id for that session."""

    async def post(self) -> None:
        data = self.json_body()
        if data is None:
            return
        code = normalize_join_code(data.get("code"))
        if code is None:
            return self.fail(400, f"Code de séance invalide{NBSP}: {JOIN_CODE_RULE}.")
        session = await self.open_session(code)
        if session is None:
            return
        try:
            participant = await self.live.run(self.live.store.add_participant, session.id)
        except (UnknownSession, SessionClosed):
            return self.fail(410, CLOSED)
        self.live.changed(session.id)
        self.ok({"code": session.code, "title": session.title, "participant": participant}, status=201)


class AnswerHandler(JSONHandler):
    """``POST /api/live/answer {code, participant, activity, question, answer}``."""

    async def post(self) -> None:
        data = self.json_body()
        if data is None:
            return
        code, participant = normalize_join_code(data.get("code")), data.get("participant")
        if code is None:
            return self.fail(400, f"Code de séance invalide{NBSP}: {JOIN_CODE_RULE}.")
        if not isinstance(participant, str) or not valid_participant(participant):
            return self.fail(400, "Identifiant de participant invalide.")
        if not self.live.answer_limiter.allow(participant):
            return self.fail(429, f"Trop de réponses d’un coup{NBSP}: patientez quelques secondes.")
        try:
            live_answer = parse_answer(data)
            answer = canonical_answer(live_answer)
        except ProtocolError as exc:
            return self.fail(422, exc.message)
        session = await self.open_session(code, participant, recent=True)
        if session is None:
            return
        if live_answer.kind == ROOM_KIND and not await self.live.run(
            session_activity_view, self.live.store, session.id, ROOM_KIND, live_answer.ref, live_answer.question
        ):
            return self.fail(422, "Question de la salle inconnue.")
        await self._record(session.id, participant, live_answer.activity, live_answer.question, answer)

    async def _record(self, session_id: str, participant: str, activity: str, question: str, answer: str) -> None:
        try:
            row = await self.live.record_answer(session_id, participant, activity, question, answer)
        except UnknownParticipant:
            return self.fail(403, f"Participant inconnu pour cette séance{NBSP}: rejoignez-la de nouveau.")
        except (UnknownSession, SessionClosed):
            return self.fail(410, CLOSED)
        except ActivityClosed:
            return self.fail(409, ACTIVITY_CLOSED)
        except ValueError:
            return self.fail(422, "Réponse refusée.")
        self.live.changed(session_id)
        self.ok({"id": row}, status=201)


class StageHandler(JSONHandler):
    """``GET /api/live/stage?code=CODE`` → the activity the trainer pushed (``{"stage": STAGE}``)."""

    async def get(self) -> None:
        code = normalize_join_code(self.get_query_argument("code", ""))
        if code is None:
            return self.fail(400, f"Code de séance invalide{NBSP}: {JOIN_CODE_RULE}.")
        session = await self.open_session(code)
        if session is None:
            return
        stage = await self.live.feeds.stage(session.id)
        if stage is None:
            return self.fail(404, NO_SESSION)
        self.ok({"stage": restamp(stage, self.live.now())})


def live_handlers(prefix: str, live: LiveContext | None) -> list[tuple]:
    """Tornado routes of the live-session API under ``prefix`` (e.g. ``/api/live``): trainees' and trainer's."""
    from pacte.live.events import event_handlers
    from pacte.live.room_api import room_handlers
    from pacte.live.toolkit_api import toolkit_handlers
    from pacte.live.trainer_api import trainer_api_handlers

    args = {"live": live}
    return [
        (f"{prefix}/status", StatusHandler, args),
        (f"{prefix}/join", JoinHandler, args),
        (f"{prefix}/answer", AnswerHandler, args),
        (f"{prefix}/stage", StageHandler, args),
        *event_handlers(prefix, live),
        *trainer_api_handlers(prefix, live),
        *room_handlers(prefix, live),
        *toolkit_handlers(f"{prefix}/trainer", args),
    ]
