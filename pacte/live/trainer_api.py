"""The trainer's live API (cookie ``pacte_trainer``, see :mod:`pacte.live.trainer_auth`), under ``/api/live/trainer/``.

* ``GET sessions`` → ``{"sessions": [...]}``; ``POST sessions {title}`` → 201 ``{"session"}``;
* ``POST sessions/<id>/close``, ``DELETE sessions/<id>``;
* ``GET catalogue`` → ``{"activities": catalogue()}``;
* ``POST sessions/<id>/stage {kind, ref, question, state}`` → ``{"stage": STAGE}``
  (``{"state": "idle"}`` clears; unknown activity → 422);
* ``POST sessions/<id>/hide {activity, question, answer, hidden}``: a word-cloud
  entry hidden from the room (kept in the export);
* ``GET sessions/<id>/summary`` → ``{"summary": SUMMARY}`` (cached, see :mod:`pacte.live.feeds`);
* ``GET sessions/<id>/export.csv``: UTF-8 with BOM, ``;`` separated (French spreadsheets);
  ``export.xlsx``: the same table as an Excel workbook.

Bad input → 4xx with a French message; nothing is written.
"""

from __future__ import annotations

import re

from pacte.course.fmt import NBSP
from pacte.live.answers_export import XLSX_TYPE, export_csv, export_xlsx
from pacte.live.catalogue import catalogue
from pacte.live.handlers import LiveContext
from pacte.live.join_api import JoinAddressHandler
from pacte.live.kind_registry import activity_view, describe
from pacte.live.protocol import split_activity
from pacte.live.room_kind import session_activity_view
from pacte.live.stage import session_json
from pacte.live.store import STATES, SessionClosed, UnknownSession
from pacte.live.store.base import MAX_TITLE_CHARS
from pacte.live.survey import SURVEY_ALL, structures_of
from pacte.live.trainer_auth import UNKNOWN_SESSION, TrainerAuth, join_base
from pacte.security import is_blank_text

SESSION_ID = r"(?P<session_id>[A-Za-z0-9_-]{1,64})"
CLOSED = "Cette séance est fermée."
MAX_ID = 200
MAX_HIDDEN_ANSWER = 2000


def _text(value: object, max_chars: int) -> str | None:
    """``value`` if it is a usable identifier or text (1 to ``max_chars`` characters, no NUL), else None."""
    if not isinstance(value, str) or not value or len(value) > max_chars or "\x00" in value:
        return None
    return value


class SessionsHandler(TrainerAuth):
    """``GET`` the sessions, ``POST {title}`` a new one."""

    async def get(self) -> None:
        store = self.live.store

        def listing() -> list[dict]:
            now = self.live.now()
            return [session_json(s, now, store.participant_count(s.id)) for s in store.list_sessions()]

        self.ok({"sessions": await self.live.run(listing)})

    async def post(self) -> None:
        data = self.json_body()
        if data is None:
            return
        title = data.get("title")
        if not isinstance(title, str) or is_blank_text(title) or "\x00" in title:
            return self.fail(422, "Donnez un titre à la séance.")
        title = re.sub(r"[ \t\r\n]+", " ", title).strip()  # non-breaking spaces are kept (French typography)
        if len(title) > MAX_TITLE_CHARS:
            return self.fail(422, f"Titre trop long ({MAX_TITLE_CHARS} caractères au plus).")
        session = await self.live.run(self.live.store.create_session, title)
        self.ok({"session": session_json(session, self.live.now(), 0)}, status=201)


class SessionHandler(TrainerAuth):
    """``DELETE sessions/<id>``: the session, its participants and answers."""

    async def delete(self, session_id: str) -> None:
        try:
            await self.live.run(self.live.store.delete_session, session_id)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        self.live.changed(session_id, now=True)  # streams end at once; answers read the session again
        self.ok({"deleted": session_id})


class CloseHandler(TrainerAuth):
    """``POST sessions/<id>/close``: no more joins nor answers; trainees' streams end."""

    async def post(self, session_id: str) -> None:
        store = self.live.store
        try:
            await self.live.run(store.close_session, session_id)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        self.live.changed(session_id, now=True)
        session = await self.live.run(store.session, session_id)
        if session is None:
            return self.fail(404, UNKNOWN_SESSION)
        count = await self.live.run(store.participant_count, session_id)
        self.ok({"session": session_json(session, self.live.now(), count)})


class CatalogueHandler(TrainerAuth):
    """``GET catalogue``: every activity the trainer can push."""

    async def get(self) -> None:
        self.ok({"activities": await self.live.run(catalogue)})


class StagePushHandler(TrainerAuth):
    """``POST sessions/<id>/stage {kind, ref, question, state}``."""

    async def post(self, session_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        state = data.get("state")
        if state not in STATES:
            return self.fail(422, f"État inconnu (attendu{NBSP}: open, closed, revealed ou idle).")
        kind = ref = question = ""
        if state != "idle":
            kind = _text(data.get("kind"), MAX_ID) or ""
            ref = _text(data.get("ref"), MAX_ID) or ""
            question = _text(data.get("question"), MAX_ID) or ""
            if not (kind and ref and question) or ":" in kind:
                return self.fail(422, "Activité inconnue.")
            if await self.live.run(activity_view, kind, ref, question) is None and not await self.live.run(
                session_activity_view, self.live.store, session_id, kind, ref, question
            ):
                return self.fail(422, "Activité inconnue.")
        try:
            await self.live.run(self.live.store.set_stage, session_id, kind, ref, question, state)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        except SessionClosed:
            return self.fail(410, CLOSED)
        self.live.changed(session_id, now=True)
        stage = await self.live.feeds.stage(session_id)
        if stage is None:
            return self.fail(404, UNKNOWN_SESSION)
        self.ok({"stage": stage})


class HideHandler(TrainerAuth):
    """``POST sessions/<id>/hide {activity, question, answer, hidden}``."""

    async def post(self, session_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        activity, question = _text(data.get("activity"), MAX_ID), _text(data.get("question"), MAX_ID)
        answer, hidden = _text(data.get("answer"), MAX_HIDDEN_ANSWER), data.get("hidden")
        if not activity or ":" not in activity or not question or answer is None or not isinstance(hidden, bool):
            return self.fail(422, "Requête incomplète (activity, question, answer, hidden attendus).")
        try:
            await self.live.run(self.live.store.set_hidden_answer, session_id, activity, question, answer, hidden)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        self.live.changed(session_id)
        self.ok({"hidden": hidden})


class ResetHandler(TrainerAuth):
    """``POST sessions/<id>/reset {activity, question}``: a new round of one question → ``{"round", "removed"}``.

    The earlier rounds' answers are kept (dashboard, projection, export);
    ``removed``: answers of the round just ended, no longer counted live. A
    pushed survey question (question ``all``) starts a round for every structure.
    """

    async def post(self, session_id: str) -> None:
        data = self.json_body()
        if data is None:
            return
        activity, question = _text(data.get("activity"), MAX_ID), _text(data.get("question"), MAX_ID)
        if not activity or ":" not in activity or not question:
            return self.fail(422, "Requête incomplète (activity, question attendus).")
        kind, ref = split_activity(activity)
        if kind == "survey" and question in (SURVEY_ALL, *structures_of(ref)) and structures_of(ref):
            questions = structures_of(ref) if question == SURVEY_ALL else [question]
        elif (
            await self.live.run(activity_view, kind, ref, question)
            or describe(kind, ref, question)
            or await self.live.run(session_activity_view, self.live.store, session_id, kind, ref, question)
        ):
            questions = [question]
        else:
            return self.fail(422, "Activité inconnue.")
        try:
            round_no, removed = await self.live.run(self.live.store.start_round, session_id, activity, questions)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        self.live.changed(session_id, now=True)
        self.ok({"round": round_no, "removed": removed})


class SummaryHandler(TrainerAuth):
    """``GET sessions/<id>/summary``."""

    async def get(self, session_id: str) -> None:
        summary = await self.live.feeds.summary(session_id, join_base(self))
        if summary is None:
            return self.fail(404, UNKNOWN_SESSION)
        self.ok({"summary": summary})


class ExportHandler(TrainerAuth):
    """``GET sessions/<id>/export.csv`` or ``export.xlsx``: every answer of every round (see :mod:`pacte.live.answers_export`)."""

    fmt = "csv"

    async def get(self, session_id: str) -> None:
        fmt, store = self.fmt, self.live.store
        session = await self.live.run(store.session, session_id)
        if session is None:
            return self.fail(404, UNKNOWN_SESSION)
        try:
            if fmt == "xlsx":
                body: str | bytes = await self.live.run(export_xlsx, store, session_id)
            else:
                body = "\ufeff" + await self.live.run(export_csv, store, session_id)
        except UnknownSession:
            return self.fail(404, UNKNOWN_SESSION)
        self.set_header("Content-Type", XLSX_TYPE if fmt == "xlsx" else "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="seance-{session.code}.{fmt}"')
        self.finish(body)


class ExcelExportHandler(ExportHandler):
    """``GET sessions/<id>/export.xlsx``."""

    fmt = "xlsx"


def trainer_api_handlers(prefix: str, live: LiveContext | None) -> list[tuple]:
    """Routes of the trainer's API under ``prefix`` (``/api/live``)."""
    args = {"live": live}
    base = f"{prefix}/trainer"
    return [
        (f"{base}/sessions", SessionsHandler, args),
        (f"{base}/catalogue", CatalogueHandler, args),
        (f"{base}/join-address", JoinAddressHandler, args),
        (rf"{base}/sessions/{SESSION_ID}", SessionHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/close", CloseHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/stage", StagePushHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/hide", HideHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/reset", ResetHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/summary", SummaryHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/export.csv", ExportHandler, args),
        (rf"{base}/sessions/{SESSION_ID}/export.xlsx", ExcelExportHandler, args),
    ]
