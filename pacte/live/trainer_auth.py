"""The trainer check of the live API: the ``pacte_trainer`` cookie, JSON and same-origin for writes.

The cookie is set by ``/formateur/?token=…`` (:mod:`pacte.live.trainer_page`)
or by the trainer guard of ``pacte serve`` (HttpOnly, SameSite=Strict); its
value is checked in constant time by :func:`pacte.security.cookie_matches`
against the token given to :class:`pacte.live.handlers.LiveContext`. A POST or
DELETE must also say ``Content-Type: application/json`` (no HTML form can) and,
when the browser sends an ``Origin``, come from this server's own origin.
Anything else is a 403, before any body is read.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tornado import web

from pacte.live.handlers import JSONHandler
from pacte.security import TRAINER_COOKIE, cookie_matches

FORBIDDEN = "Accès réservé au formateur."
UNKNOWN_SESSION = "Séance inconnue."


def join_base(handler: web.RequestHandler) -> str:
    """The address trainees type (``public_url`` of ``pacte serve``, else this request's own host), ending with ``/``."""
    live = getattr(handler, "live", None)
    public = getattr(live, "public_url", None)
    if public:
        return public if public.endswith("/") else public + "/"
    return f"{handler.request.protocol}://{handler.request.host}/"


def same_origin(handler: web.RequestHandler) -> bool:
    """True when the request has no ``Origin`` or one of this server (its scheme and host, or its public URL's)."""
    origin = handler.request.headers.get("Origin")
    if origin is None:
        return True
    parts = urlsplit(origin.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False  # "null" (sandboxed frame, file page), garbage
    # Scheme and host: http://server is not the origin of https://server (nor the other way round).
    allowed = {(handler.request.protocol, handler.request.host.lower())}
    public = getattr(getattr(handler, "live", None), "public_url", None)
    if public:
        own = urlsplit(public)
        allowed.add((own.scheme, own.netloc.lower()))
    return (parts.scheme, parts.netloc.lower()) in allowed


def trainer_allowed(handler: web.RequestHandler, token: str | None) -> bool:
    """The trainer check of one request (see the module docstring)."""
    if not token or not cookie_matches(handler.get_cookie(TRAINER_COOKIE), token):
        return False
    if handler.request.method in ("GET", "HEAD"):
        return True
    ctype = handler.request.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return ctype == "application/json" and same_origin(handler)


class TrainerAuth(JSONHandler):
    """Base of the trainer's handlers: 403 unless :func:`trainer_allowed`."""

    def prepare(self) -> None:
        if not trainer_allowed(self, self.live.trainer_token if self.live is not None else None):
            self.fail(403, FORBIDDEN)
            return
        super().prepare()
