"""Questions from the room and moderation over HTTP (routes added by :func:`pacte.live.api.live_handlers`).

Trainees (same checks as an answer: join code, participant, rate limits):

* ``POST /api/live/ask {code, participant, text}`` → 201 ``{"question": {"id", "status"}}``
  (``status`` ``pending`` while the trainer has not approved it);
* ``POST /api/live/vote {code, participant, question, vote}`` → ``{"votes"}``: one vote
  per participant and question (``vote: false`` withdraws it).

The trainer (cookie ``pacte_trainer``), under ``/api/live/trainer/sessions/<id>/``:

* ``POST room-questions/<qid> {action}``: ``approve``, ``hide``, ``answered``, ``unanswered``
  → ``{"question"}``; ``push`` → ``{"stage"}`` (the question as an open question to the room);
* ``POST moderation {activity, question, moderated}``: moderate one activity's question
  (``*`` and ``*``: the session's default; ``room:questions`` and ``ask``: the room's questions);
* ``POST approve {activity, question[, answer]}``: approve one entry, or every pending one
  → ``{"approved"}`` (how many).

Bad input → 4xx with a French message; nothing is written. The list of questions
reaches the room in the STAGE and the dashboard in the SUMMARY (:mod:`pacte.live.stage`).
"""

from __future__ import annotations

from pacte.course.fmt import NBSP
from pacte.live.handlers import CLOSED, JSONHandler, LiveContext
from pacte.live.limits import RateLimiter
from pacte.live.moderation import load_moderation
from pacte.live.protocol import JOIN_CODE_RULE, normalize_join_code, valid_participant
from pacte.live.room_kind import ROOM_ANSWER, ROOM_KIND
from pacte.live.store import SessionClosed, UnknownParticipant, UnknownSession
from pacte.live.store.room import (
    DEFAULT_KEY,
    MAX_QUESTION_CHARS,
    ROOM_ACTIVITY,
    ROOM_QUESTION,
    TooManyQuestions,
    UnknownRoomQuestion,
)
from pacte.live.trainer_auth import UNKNOWN_SESSION, TrainerAuth
from pacte.security import has_letter_or_digit

SESSION_ID = r"(?P<session_id>[A-Za-z0-9_-]{1,64})"
UNKNOWN_PARTICIPANT = f"Participant inconnu pour cette séance{NBSP}: rejoignez-la de nouveau."
UNKNOWN_QUESTION = "Question de la salle inconnue."
# action → (status, answered) given to store.set_room_question (None: unchanged)
ACTIONS: dict[str, tuple[str | None, bool | None]] = {
    "approve": ("approved", None),
    "hide": ("hidden", None),
    "answered": (None, True),
    "unanswered": (None, False),
}
MAX_KEY = 200
# Asking is rarer than answering: 5 questions a minute per participant (votes share the answers' budget).
ASK_LIMITER = RateLimiter(limit=5, window=60)


class RoomHandler(JSONHandler):
    """Base of the trainees' handlers: the session and participant of a request, or the refusal sent."""

    async def session_of(self, data: dict) -> tuple[str, str] | None:
        code, participant = normalize_join_code(data.get("code")), data.get("participant")
        if code is None:
            self.fail(400, f"Code de séance invalide{NBSP}: {JOIN_CODE_RULE}.")
            return None
        if not isinstance(participant, str) or not valid_participant(participant):
            self.fail(400, "Identifiant de participant invalide.")
            return None
        session = await self.open_session(code, participant)
        return None if session is None else (session.id, participant)

    def refused(self, exc: Exception) -> None:
        """Send the 4xx of a store refusal."""
        if isinstance(exc, UnknownParticipant):
            return self.fail(403, UNKNOWN_PARTICIPANT)
        if isinstance(exc, (UnknownSession, SessionClosed)):
            return self.fail(410, CLOSED)
        if isinstance(exc, UnknownRoomQuestion):
            return self.fail(404, UNKNOWN_QUESTION)
        return self.fail(429, "Vous avez posé le nombre maximal de questions pour cette séance.")


class AskHandler(RoomHandler):
    """``POST /api/live/ask {code, participant, text}``."""

    async def post(self) -> None:
        data = self.json_body()
        if data is None:
            return
        text = data.get("text")
        if not isinstance(text, str) or "\x00" in text or not has_letter_or_digit(text):
            return self.fail(422, "Écrivez votre question.")
        text = " ".join(text.split())
        if len(text) > MAX_QUESTION_CHARS:
            return self.fail(422, f"Question trop longue ({MAX_QUESTION_CHARS}{NBSP}caractères au plus).")
        found = await self.session_of(data)
        if found is None:
            return
        session_id, participant = found
        if not ASK_LIMITER.allow(participant):
            return self.fail(429, f"Trop de questions d’un coup{NBSP}: patientez une minute.")
        try:
            question = await self.live.run(self.live.store.ask_room_question, session_id, participant, text)
        except (UnknownParticipant, UnknownSession, SessionClosed, TooManyQuestions) as exc:
            return self.refused(exc)
        self.live.changed(session_id)
        self.ok({"question": {"id": question.id, "status": question.status}}, status=201)


class VoteHandler(RoomHandler):
    """``POST /api/live/vote {code, participant, question, vote}``."""

    async def post(self) -> None:
        data = self.json_body()
        if data is None:
            return
        qid, vote = data.get("question"), data.get("vote")
        if isinstance(qid, bool) or not isinstance(qid, int) or qid < 1 or qid > 2**53 or not isinstance(vote, bool):
            return self.fail(422, f"Requête incomplète (question{NBSP}: numéro, vote{NBSP}: true ou false).")
        found = await self.session_of(data)
        if found is None:
            return
        session_id, participant = found
        if not self.live.answer_limiter.allow(participant):
            return self.fail(429, f"Trop de votes d’un coup{NBSP}: patientez quelques secondes.")
        try:
            votes = await self.live.run(self.live.store.vote_room_question, session_id, participant, qid, vote)
        except (UnknownParticipant, UnknownSession, SessionClosed, UnknownRoomQuestion) as exc:
            return self.refused(exc)
        self.live.changed(session_id)
        self.ok({"votes": votes})


class RoomQuestionHandler(TrainerAuth):
    """``POST sessions/<id>/room-questions/<qid> {action}``."""

    async def post(self, session_id: str, question_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        action, store, qid = data.get("action"), self.live.store, int(question_id)
        if action not in (*ACTIONS, "push"):
            return self.fail(422, f"Action inconnue (attendu{NBSP}: approve, hide, answered, unanswered ou push).")
        try:
            if action == "push":
                await self.live.run(store.room_question, session_id, qid)
                await self.live.run(store.set_stage, session_id, ROOM_KIND, str(qid), ROOM_ANSWER, "open")
            else:
                status, answered = ACTIONS[action]
                await self.live.run(
                    lambda: store.set_room_question(session_id, [qid], status=status, answered=answered)
                )
            question = await self.live.run(store.room_question, session_id, qid)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        except UnknownRoomQuestion:
            return self.fail(404, UNKNOWN_QUESTION)
        except SessionClosed:
            return self.fail(410, CLOSED)
        self.live.changed(session_id, now=action == "push")
        if action == "push":
            return self.ok({"stage": await self.live.feeds.stage(session_id)})
        self.ok({"question": question.as_json()})


def _key(data: dict) -> tuple[str, str] | None:
    activity, question = data.get("activity"), data.get("question")
    ok = all(isinstance(v, str) and 0 < len(v) <= MAX_KEY and "\x00" not in v for v in (activity, question))
    if not ok or (activity != DEFAULT_KEY and ":" not in str(activity)):
        return None
    return str(activity), str(question)


class ModerationHandler(TrainerAuth):
    """``POST sessions/<id>/moderation {activity, question, moderated}``."""

    async def post(self, session_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        key, moderated = _key(data), data.get("moderated")
        if key is None or not isinstance(moderated, bool) or ((key[0] == DEFAULT_KEY) != (key[1] == DEFAULT_KEY)):
            return self.fail(422, "Requête incomplète (activity, question, moderated attendus).")
        try:
            await self.live.run(self.live.store.set_moderation, session_id, *key, moderated)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        self.live.changed(session_id)
        self.ok({"moderated": moderated})


class ApproveHandler(TrainerAuth):
    """``POST sessions/<id>/approve {activity, question[, answer]}``: one entry, or every pending one."""

    async def post(self, session_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        key, answer = _key(data), data.get("answer")
        if (
            key is None
            or key[0] == DEFAULT_KEY
            or not (answer is None or (isinstance(answer, str) and 0 < len(answer) <= 2000))
        ):
            return self.fail(422, "Requête incomplète (activity, question attendus, answer facultatif).")
        try:
            count = await self.live.run(self._approve, session_id, key, answer)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        except ValueError:
            return self.fail(422, "Entrée refusée.")
        self.live.changed(session_id)
        self.ok({"approved": count})

    def _approve(self, session_id: str, key: tuple[str, str], answer: str | None) -> int:
        store = self.live.store
        if key == (ROOM_ACTIVITY, ROOM_QUESTION):
            return store.set_room_question(session_id, None, status="approved")
        if answer is not None:
            store.approve_answers(session_id, *key, [answer])
            return 1
        approved = load_moderation(store, session_id).approved.get(key, set())
        hidden = store.hidden_answers(session_id).get(key, set())
        pending = [a for a in store.aggregate_of(session_id, *key) if a not in approved and a not in hidden]
        store.approve_answers(session_id, *key, pending)
        return len(pending)


def room_handlers(prefix: str, live: LiveContext | None) -> list[tuple]:
    """Routes of the room questions and moderation under ``prefix`` (``/api/live``)."""
    args = {"live": live}
    base = rf"{prefix}/trainer/sessions/{SESSION_ID}"
    return [
        (f"{prefix}/ask", AskHandler, args),
        (f"{prefix}/vote", VoteHandler, args),
        (rf"{base}/room-questions/(?P<question_id>[1-9][0-9]{{0,15}})", RoomQuestionHandler, args),
        (rf"{base}/moderation", ModerationHandler, args),
        (rf"{base}/approve", ApproveHandler, args),
    ]
