"""The trainer's dashboard page, kernel-less: ``/formateur/`` and its files ``/formateur/static/…``.

Both are served from :data:`DASHBOARD_DIR` (``pacte/live/dashboard/``) to the
trainer only (cookie ``pacte_trainer``). ``/formateur/?token=…`` checks the
token in constant time, moves it to an HttpOnly, SameSite=Strict cookie and
redirects to the same address without it (as ``pacte serve``'s trainer guard
does), so the token never stays in the address bar, the history or a Referer.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from tornado import web

from pacte.course.fmt import NBSP
from pacte.live.handlers import LiveContext
from pacte.live.limits import TOKEN_ATTEMPTS, TOO_MANY_TOKENS
from pacte.live.trainer_auth import TRAINER_COOKIE, trainer_allowed
from pacte.security import token_matches, trainer_cookie_value

DASHBOARD_DIR = Path(__file__).resolve().parent / "dashboard"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
FORBIDDEN_PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Accès réservé</title></head>'
    f"<body><h1>Accès réservé au formateur</h1><p>Ouvrez le lien du tableau de bord donné par "
    f"«{NBSP}pacte serve{NBSP}» au démarrage (il contient le jeton du formateur).</p></body></html>"
)


TOO_MANY_TOKENS_PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Trop d’essais</title></head>'
    f"<body><h1>Trop d’essais</h1><p>{TOO_MANY_TOKENS}</p></body></html>"
)


def forbid(handler: web.RequestHandler, status: int = 403) -> None:
    """Finish with the French « reserved to the trainer » page (403), or « too many tries » (429)."""
    handler.set_status(status)
    if status == 429:
        handler.set_header("Retry-After", "60")
    handler.set_header("Content-Type", "text/html; charset=utf-8")
    handler.set_header("Cache-Control", "no-store")
    handler.finish(TOO_MANY_TOKENS_PAGE if status == 429 else FORBIDDEN_PAGE)


class TrainerPageHandler(web.RequestHandler):
    """``GET /formateur/``: the dashboard's ``index.html`` (``?token=`` sets the cookie and redirects)."""

    def initialize(self, live: LiveContext | None) -> None:
        self.live = live

    def check_xsrf_cookie(self) -> None:
        """GET only: nothing to protect against form posts."""

    def get(self) -> None:
        token = self.live.trainer_token if self.live is not None else None
        given = self.get_query_argument("token", None)
        if given is not None:
            if TOKEN_ATTEMPTS.refused(self.request.remote_ip):
                return forbid(self, 429)
            if not token or not token_matches(given, token):
                TOKEN_ATTEMPTS.failed(self.request.remote_ip)
                return forbid(self)
            secure = self.request.protocol == "https"
            cookie = trainer_cookie_value(token)
            self.set_cookie(TRAINER_COOKIE, cookie, httponly=True, samesite="Strict", path="/", secure=secure)
            query = urlencode(
                [(k, v) for k, v in parse_qsl(self.request.query, keep_blank_values=True) if k != "token"]
            )
            self.set_header("Cache-Control", "no-store")
            return self.redirect(self.request.path + (f"?{query}" if query else ""), status=303)
        if not trainer_allowed(self, token):
            return forbid(self)
        index = DASHBOARD_DIR / "index.html"
        if not index.is_file():
            raise web.HTTPError(404)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")
        self.set_header("Content-Security-Policy", PAGE_POLICY)
        self.finish(index.read_bytes())


class TrainerStaticHandler(web.StaticFileHandler):
    """``GET /formateur/static/<file>``: the dashboard's scripts, styles and vendored files (trainer only)."""

    def initialize(self, path: str, live: LiveContext | None = None) -> None:  # type: ignore[override]
        super().initialize(path=path)
        self.live = live

    def prepare(self) -> None:
        if not trainer_allowed(self, self.live.trainer_token if self.live is not None else None):
            forbid(self)

    def parse_url_path(self, url_path: str) -> str:
        if "\x00" in url_path:
            raise web.HTTPError(404)
        return super().parse_url_path(url_path)

    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", "no-cache")
        self.set_header("X-Content-Type-Options", "nosniff")


def trainer_page_handlers(base_url: str, live: LiveContext | None) -> list[tuple]:
    """Routes of the trainer's page under ``base_url`` (``app.server_url``, usually ``/``)."""
    base = base_url.rstrip("/")
    return [
        (f"{base}/formateur", web.RedirectHandler, {"url": f"{base}/formateur/", "permanent": False}),
        (f"{base}/formateur/", TrainerPageHandler, {"live": live}),
        (f"{base}/formateur/static/(.*)", TrainerStaticHandler, {"path": str(DASHBOARD_DIR), "live": live}),
        (f"{base}/formateur/rapport/([A-Za-z0-9_-]{{1,64}})", ReportHandler, {"live": live}),
    ]


class ReportHandler(web.RequestHandler):
    """``GET /formateur/rapport/<session id>``: the report of the day (trainer only, see :mod:`pacte.live.report`)."""

    def initialize(self, live: LiveContext | None) -> None:
        self.live = live

    async def get(self, session_id: str) -> None:
        live = self.live
        if live is None or not trainer_allowed(self, live.trainer_token):
            return forbid(self)
        from pacte.live.report import report_html

        session = await live.run(live.store.session, session_id)
        if session is None:
            raise web.HTTPError(404)
        page = await live.run(report_html, live.store, session, live.now())
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Security-Policy", PAGE_POLICY)
        self.finish(page)
