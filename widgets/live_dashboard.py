"""The trainer's live dashboard (a Voilà page): sessions, join code, answers aggregated live."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import time
from pathlib import Path

import traitlets as t

from pacte.course.paths import course_root
from pacte.live.aggregate import build_panels
from pacte.security import csv_safe
from widgets._host import PacteWidget

REFRESH_SECONDS = 1.0  # how often the session fingerprint is read; panels change only with it


def store_from_environment():
    """Open the store that ``pacte serve`` uses (same URL and data folder, from its environment)."""
    from pacte.live.store import open_store

    data_dir = Path(os.environ.get("PACTE_DATA_DIR") or course_root() / "var")
    return open_store(os.environ.get("PACTE_DATABASE_URL") or None, data_dir)


def join_url(code: str) -> str:
    """The link trainees open to join (``PACTE_PUBLIC_URL`` is set by ``pacte serve``)."""
    base = os.environ.get("PACTE_PUBLIC_URL", "http://127.0.0.1:8866/")
    return f"{base.rstrip('/')}/?seance={code}"


def qr_svg(text: str) -> str:
    """An inline SVG QR code of ``text`` (generated locally, no service)."""
    import segno

    return segno.make(text, error="m").svg_inline(scale=6, border=2)


class LiveDashboard(PacteWidget):
    """Live results of a session for the trainer's screen.

    The browser sends commands (create, select, close, delete, hide, reveal,
    reset, export) through ``command``; Python applies them to the store and
    checks every second whether the session changed (one cheap query) and
    only then recomputes ``panels`` from the store's aggregate, so charts are
    rebuilt once per change, not once per tick.
    """

    _module = "live_dashboard"
    sessions = t.List(t.Dict()).tag(sync=True)
    current = t.Dict().tag(sync=True)
    participants = t.Int(0).tag(sync=True)
    panels = t.List(t.Dict()).tag(sync=True)
    command = t.Dict().tag(sync=True)
    message = t.Unicode().tag(sync=True)
    export = t.Dict().tag(sync=True)
    refreshed_at = t.Float(0).tag(sync=True)

    def __init__(self, store=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store or store_from_environment()
        self._task: asyncio.Future | None = None
        self._version: tuple | None = None
        self.refresh_sessions()

    # -- state -----------------------------------------------------------------
    def refresh_sessions(self) -> None:
        """Reload the list of sessions."""
        self.sessions = [
            {
                "id": s.id,
                "code": s.code,
                "title": s.title,
                "closed": s.closed,
                "created": time.strftime("%d/%m/%Y %H:%M", time.localtime(s.created_at)),
            }
            for s in self.store.list_sessions()
        ]

    def select(self, session_id: str) -> None:
        """Show the session ``session_id``."""
        session = self.store.session(session_id)
        if session is None:
            self.message = "Séance introuvable."
            return
        url = join_url(session.code)
        self.current = {
            "id": session.id,
            "code": session.code,
            "title": session.title,
            "closed": session.closed,
            "join_url": url,
            "qr_svg": qr_svg(url),
        }
        self.refresh()

    def refresh(self) -> None:
        """Recompute the panels and the participant count of the current session."""
        sid = self.current.get("id")
        if not sid:
            return
        if self.store.session(sid) is None:
            self.current, self.panels, self.participants = {}, [], 0
            return
        version = (sid, *self.store.activity_version(sid))
        if version == self._version:
            return
        self._version = version
        self.panels = build_panels(self.store.aggregate(sid), self.store.hidden_questions(sid))
        self.participants = self.store.participant_count(sid)
        self.refreshed_at = time.time()

    def export_csv(self) -> str:
        """The current session's answers as CSV text (anonymous participant ids)."""
        rows = self.store.export_rows(self.current["id"])
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=["participant", "activity", "question", "answer", "answered_at"])
        writer.writeheader()
        # Cells starting with = + - @ are neutralised: a spreadsheet must not run a trainee's text as a formula.
        writer.writerows({k: csv_safe(v) for k, v in row.items()} for row in rows)
        return out.getvalue()

    # -- commands from the browser ----------------------------------------------
    @t.observe("command")
    def _on_command(self, change) -> None:
        cmd = change["new"] or {}
        action = cmd.get("action")
        sid = self.current.get("id")
        try:
            if action == "create":
                title = str(cmd.get("title") or "").strip()[:120] or "Séance PACTE"
                session = self.store.create_session(title)
                self.refresh_sessions()
                self.select(session.id)
                self.message = f"Séance ouverte : code {session.code}."
            elif action == "select":
                self.select(str(cmd.get("id", "")))
            elif action == "close" and sid:
                self.store.close_session(sid)
                self.refresh_sessions()
                self.select(sid)
                self.message = "Séance fermée : plus aucune réponse n'est acceptée."
            elif action == "delete" and sid:
                self.store.delete_session(sid)
                self.current, self.panels, self.participants = {}, [], 0
                self.refresh_sessions()
                self.message = "Séance supprimée avec toutes ses réponses."
            elif action in ("hide", "reveal") and sid:
                self.store.set_hidden(sid, str(cmd["activity"]), str(cmd["question"]), action == "hide")
                self.refresh()
            elif action == "reset" and sid:
                n = self.store.reset_question(sid, str(cmd["activity"]), str(cmd["question"]))
                self.refresh()
                self.message = (
                    f"Question remise à zéro ({n} réponse{'s' if n > 1 else ''} effacée{'s' if n > 1 else ''})."
                )
            elif action == "export" and sid:
                self.export = {
                    "filename": f"seance-{self.current['code']}.csv",
                    "content": self.export_csv(),
                    "nonce": cmd.get("nonce"),
                }
        except Exception as exc:  # the trainer sees the problem; the kernel keeps running
            self.message = f"Action impossible : {exc}"

    # -- live refresh --------------------------------------------------------------
    def start(self) -> LiveDashboard:
        """Refresh every second in the kernel's event loop (Voilà, Jupyter)."""

        async def loop():
            while True:
                try:
                    self.refresh()
                except Exception as exc:  # keep refreshing after a transient store error
                    self.message = f"Actualisation impossible : {exc}"
                await asyncio.sleep(REFRESH_SECONDS)

        if self._task is None:
            self._task = asyncio.ensure_future(loop())
        return self

    def fallback_text(self) -> str:
        return "Tableau de bord des séances en direct (nécessite « pacte serve »)."
