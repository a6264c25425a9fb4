"""The trainer's toolkit API (cookie ``pacte_trainer``), under ``/api/live/trainer/``.

* ``GET sequences`` → ``{"ready": [...], "saved": [...]}`` (:mod:`pacte.live.sequences`, each step described);
* ``POST sequences {title, module, steps}`` → 201 ``{"sequence"}``; ``PUT sequences/<id>`` replaces it;
  ``DELETE sequences/<id>`` (the dashboard asks the trainer first);
* ``POST sessions/<id>/spot {kind, prompt, choices | min, max, timer?, close_at_zero?}``: a question typed
  on the spot, stored and pushed open at once → 201 ``{"activity", "stage"}``;
* ``POST sessions/<id>/timer {seconds, close_at_zero}`` starts a countdown on the pushed activity,
  ``{add: seconds}`` adds time, ``{stop: true}`` removes it → ``{"stage"}``.

Bad input → 4xx with a French message naming the field; nothing is written.
"""

from __future__ import annotations

from typing import Any

from tornado.ioloop import IOLoop

from pacte.course.fmt import NBSP
from pacte.live.handlers import LiveContext
from pacte.live.sequences import SequenceError, describe_step, ready_made, validate_sequence
from pacte.live.spot import SPOT_QUESTION, SpotError, new_ref, parse_spot, register
from pacte.live.store import SessionClosed, UnknownSession
from pacte.live.store.toolkit import MAX_TIMER_SECONDS
from pacte.live.trainer_api import CLOSED, SESSION_ID
from pacte.live.trainer_auth import UNKNOWN_SESSION, TrainerAuth

SEQUENCE_ID = r"(?P<sequence_id>[A-Za-z0-9_-]{1,64})"
UNKNOWN_SEQUENCE = "Séquence inconnue."
NOTHING_OPEN = f"Aucune activité ouverte à l’écran{NBSP}: poussez-en une avant de lancer le minuteur."


def _seconds(value: Any) -> float | None:
    """A duration in seconds (1 to one hour), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= MAX_TIMER_SECONDS:
        return None
    return float(value)


def _with_steps(sequence: dict[str, Any]) -> dict[str, Any]:
    return {**sequence, "source": "saved", "steps": [describe_step(s) for s in sequence["steps"]]}


class SequencesHandler(TrainerAuth):
    """``GET`` the ready-made and saved sequences, ``POST`` a new one."""

    async def get(self) -> None:
        def listing() -> dict[str, list]:
            return {"ready": ready_made(), "saved": [_with_steps(s) for s in self.live.store.saved_sequences()]}

        self.ok(await self.live.run(listing))

    async def post(self) -> None:
        await self._save(None)

    async def _save(self, sequence_id: str | None) -> None:
        data = self.json_body()
        if data is None:
            return
        try:
            clean = await self.live.run(validate_sequence, data)
        except SequenceError as exc:
            return self.fail(422, exc.message)
        store = self.live.store
        try:
            saved = await self.live.run(
                store.save_sequence, sequence_id, clean["title"], clean["module"], clean["steps"]
            )
        except KeyError:
            return self.fail(404, UNKNOWN_SEQUENCE)
        self.ok({"sequence": await self.live.run(_with_steps, saved)}, status=201 if sequence_id is None else 200)


class SequenceHandler(SequencesHandler):
    """``PUT sequences/<id>`` replaces a saved sequence, ``DELETE`` removes it."""

    async def put(self, sequence_id: str) -> None:
        await self._save(sequence_id)

    async def delete(self, sequence_id: str) -> None:
        if not await self.live.run(self.live.store.delete_sequence, sequence_id):
            return self.fail(404, UNKNOWN_SEQUENCE)
        self.ok({"deleted": sequence_id})


def schedule_expiry(live: LiveContext, session_id: str, seconds: float) -> None:
    """Close the activity when its countdown ends (if it closes at zero); answers are refused from then on anyway."""

    async def expire() -> None:
        if await live.run(live.store.expire_timer, session_id):
            live.changed(session_id, now=True)

    IOLoop.current().call_later(max(0.0, seconds) + 0.05, expire)


class TimerMixin(TrainerAuth):
    """Start a countdown on the pushed activity (shared by the timer and spot handlers)."""

    async def start_timer(self, session_id: str, seconds: float, close_at_zero: bool) -> bool:
        try:
            await self.live.run(self.live.store.start_timer, session_id, seconds, close_at_zero)
        except ValueError:
            self.fail(409, NOTHING_OPEN)
            return False
        schedule_expiry(self.live, session_id, seconds)
        return True

    async def send_stage(self, session_id: str, status: int = 200, **extra: Any) -> None:
        self.live.changed(session_id, now=True)
        stage = await self.live.feeds.stage(session_id)
        if stage is None:
            return self.fail(404, UNKNOWN_SESSION)
        self.ok({**extra, "stage": stage}, status=status)


class TimerHandler(TimerMixin):
    """``POST sessions/<id>/timer {seconds, close_at_zero} | {add} | {stop: true}``."""

    async def post(self, session_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        store = self.live.store
        try:
            if data.get("stop") is True:
                await self.live.run(store.stop_timer, session_id)
            elif "add" in data:
                add = _seconds(data.get("add"))
                if add is None:
                    return self.fail(422, f"Champ add{NBSP}: durée en secondes de 1 à 3{NBSP}600 attendue.")
                timer = await self.live.run(store.add_time, session_id, add)
                if timer is None:
                    return self.fail(409, f"Aucun minuteur en cours{NBSP}: lancez-en un d’abord.")
                schedule_expiry(self.live, session_id, timer.deadline - self.live.now())
            else:
                seconds = _seconds(data.get("seconds"))
                if seconds is None:
                    return self.fail(422, f"Champ seconds{NBSP}: durée en secondes de 1 à 3{NBSP}600 attendue.")
                if not await self.start_timer(session_id, seconds, data.get("close_at_zero") is True):
                    return
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        except SessionClosed:
            return self.fail(410, CLOSED)
        await self.send_stage(session_id)


class SpotHandler(TimerMixin):
    """``POST sessions/<id>/spot``: a question typed on the spot, pushed open at once."""

    async def post(self, session_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        try:
            definition = parse_spot(data)
        except SpotError as exc:
            return self.fail(422, f"Champ {exc.field}{NBSP}: {exc.message}")
        timer = data.get("timer")
        seconds = None if timer in (None, 0) else _seconds(timer)
        if timer not in (None, 0) and seconds is None:
            return self.fail(422, f"Champ timer{NBSP}: durée en secondes de 1 à 3{NBSP}600 attendue.")
        ref, store = new_ref(), self.live.store
        try:
            await self.live.run(store.add_spot_question, session_id, ref, definition)
            register(ref, definition)
            await self.live.run(store.set_stage, session_id, "spot", ref, SPOT_QUESTION, "open")
            if seconds is not None and not await self.start_timer(
                session_id, seconds, data.get("close_at_zero") is True
            ):
                return
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        except SessionClosed:
            return self.fail(410, CLOSED)
        activity = {"kind": "spot", "ref": ref, "question": SPOT_QUESTION, "spot": definition}
        await self.send_stage(session_id, status=201, activity=activity)


def toolkit_handlers(base: str, args: dict) -> list[tuple]:
    """Routes of the toolkit under ``base`` (``/api/live/trainer``)."""
    return [
        (f"{base}/sequences", SequencesHandler, args),
        (rf"{base}/sequences/{SEQUENCE_ID}", SequenceHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/spot", SpotHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/timer", TimerHandler, args),
    ]
