"""The Voilà routes of ``pacte serve``: the trainer guard, safe template files, dropped handlers, kernel cap.

Voilà's own handlers are kept but rewritten by :func:`voila_routes`: no
directory listing or contents API, the trainer's notebooks and their kernels
behind the trainer token (:class:`TrainerGuard`), and the page handler
answering a French 503 when the kernel cap is reached (:mod:`pacte.kernels`).
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from tornado import web

from pacte.kernels import capped_voila_handler
from pacte.live.limits import TOKEN_ATTEMPTS
from pacte.live.trainer_page import forbid
from pacte.security import TRAINER_COOKIE, cookie_matches, is_trainer_path, token_matches, trainer_cookie_value


def _kernel_is_trainer(kernel_manager, kernel_id: str, voila_root: Path) -> bool:
    """True when a kernel runs a trainer notebook, or when this cannot be told (deny by default).

    Unknown kernel ids return False: the handler itself answers 404.
    """
    try:
        notebook = kernel_manager._get_notebook_from_kernel(kernel_id)
    except Exception:
        notebook = None
    if notebook and is_trainer_path(notebook, voila_root):
        return True
    try:
        kernel = kernel_manager.get_kernel(kernel_id)
    except Exception:
        return False
    cwd = (getattr(kernel, "_launch_args", None) or {}).get("cwd")
    if not cwd:
        return True
    trainer = os.path.realpath(voila_root / "formateur")
    real = os.path.realpath(cwd)
    return real == trainer or real.startswith(trainer + os.sep)


if TYPE_CHECKING:
    _GuardBase = web.RequestHandler  # the guard is only ever mixed into request handlers
else:
    _GuardBase = object


class TrainerGuard(_GuardBase):
    """Requires the trainer token for anything that resolves to the trainer folder or its kernels.

    The decision is taken on what the handler will actually use (the decoded
    path argument, the raw request path, the kernel's notebook), never on
    how the URL is spelled. The token comes once as ``?token=``: it is moved
    to an HttpOnly, SameSite=Strict cookie and the browser is redirected to
    the same URL without it (no token in the address bar, history or Referer).
    Mixed in front of a Voilà handler by :func:`guarded`.
    """

    pacte_kind = "notebook"
    pacte_token: str | None = None
    pacte_voila_root: Path = Path()

    def _pacte_protected(self) -> bool:
        voila_root = self.pacte_voila_root
        arg = self.path_args[0] if self.path_args else ""
        if self.pacte_kind == "kernel":
            kernel_id = (self.path_kwargs.get("kernel_id") or arg or "").split("/")[0]
            return _kernel_is_trainer(self.settings["kernel_manager"], kernel_id, voila_root)
        # The raw path too (``/voila/render/<tail>``), in case the handler decodes it differently.
        tail = self.request.path.split("/voila/", 1)[-1].partition("/")[2]
        return is_trainer_path(arg or "", voila_root) or is_trainer_path(tail, voila_root)

    def _pacte_refuse(self, status: int) -> bool:
        """Finish with the French trainer page (403, or 429 after too many wrong tokens): never Voilà's error page."""
        forbid(self, status)
        return True

    def _pacte_guard(self) -> bool:
        """Check the token; True when the response is already finished (redirect)."""
        if not self._pacte_protected():
            return False
        token = self.pacte_token
        if token is None:  # `pacte serve` always sets one: without it, nothing protected is served
            return self._pacte_refuse(403)
        given = self.get_query_argument("token", None)
        if given is None:
            if not cookie_matches(self.get_cookie(TRAINER_COOKIE), token):
                return self._pacte_refuse(403)
            return False
        if TOKEN_ATTEMPTS.refused(self.request.remote_ip):
            return self._pacte_refuse(429)
        if not token_matches(given, token):
            TOKEN_ATTEMPTS.failed(self.request.remote_ip)
            return self._pacte_refuse(403)
        secure = self.request.protocol == "https"
        self.set_cookie(
            TRAINER_COOKIE, trainer_cookie_value(token), httponly=True, samesite="Strict", path="/", secure=secure
        )
        if self.request.method in ("GET", "HEAD") and "Upgrade" not in self.request.headers:
            query = urlencode(
                [(k, v) for k, v in parse_qsl(self.request.query, keep_blank_values=True) if k != "token"]
            )
            self.redirect(self.request.path + (f"?{query}" if query else ""), status=303)
            return True
        return False

    async def prepare(self, *args, **kwargs):
        if self._pacte_guard():
            return None
        result: Any = super().prepare(*args, **kwargs)  # Voilà handlers may return an awaitable
        if inspect.isawaitable(result):
            result = await result
        if self.pacte_kind == "notebook" and self.request.method == "GET" and not self._finished:
            # Voilà's page posts its kernel's shutdown on leaving with the ``_xsrf`` cookie's value:
            # make sure the cookie exists (a kernel started on demand is otherwise left to the culler).
            self.xsrf_token  # noqa: B018 - reading the property sets the cookie
        return result


def guarded(cls: type, kind: str, token: str | None, voila_root: Path) -> type:
    """``cls`` behind the trainer guard (``kind``: "notebook" or "kernel")."""
    attributes = {"pacte_kind": kind, "pacte_token": token, "pacte_voila_root": voila_root}
    return type(f"Pacte{cls.__name__}", (TrainerGuard, cls), attributes)


def _safe_template_static_handler(base: type) -> type:
    """Voilà's ``TemplateStaticFileHandler`` (``base``) where a malformed path is a 404, not a crash."""

    class SafeTemplateStaticFileHandler(base):
        def parse_url_path(self, path):
            parts = path.split("/", 2)
            if len(parts) != 3 or parts[1] != "static" or not parts[0] or not parts[2]:
                raise web.HTTPError(404)
            return super().parse_url_path(path)

        async def get(self, path, include_body=True):
            try:
                return await super().get(path, include_body)
            except web.HTTPError:
                raise
            except Exception:
                raise web.HTTPError(404) from None

    return SafeTemplateStaticFileHandler


def voila_routes(token: str | None, voila_root: Path):
    """``replace(cls, identity)``: the class ``pacte serve`` uses for Voilà's handler ``cls`` (None: no route)."""
    from jupyter_server.services.kernels.handlers import KernelHandler
    from voila.request_info_handler import RequestInfoSocketHandler
    from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
    from voila.static_file_handler import AllowListFileHandler, TemplateStaticFileHandler
    from voila.tornado.contentshandler import VoilaContentsHandler
    from voila.tornado.execution_request_handler import ExecutionRequestHandler
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    dropped = (TornadoVoilaTreeHandler, VoilaContentsHandler)
    kinds = {
        TornadoVoilaHandler: "notebook",
        AllowListFileHandler: "notebook",
        KernelHandler: "kernel",
        VoilaKernelWebsocketHandler: "kernel",
        RequestInfoSocketHandler: "kernel",
        VoilaShutdownKernelHandler: "kernel",
        ExecutionRequestHandler: "kernel",
    }
    safe_template_static = _safe_template_static_handler(TemplateStaticFileHandler)

    def replace(cls: type, identity: set) -> type | None:
        if cls in dropped or cls in identity:
            return None  # no directory listing, no contents API, no login/logout pages
        if cls is TemplateStaticFileHandler:
            return safe_template_static
        if cls is TornadoVoilaHandler:
            return guarded(capped_voila_handler(cls), "notebook", token, voila_root)
        return guarded(cls, kinds[cls], token, voila_root) if cls in kinds else cls

    return replace
