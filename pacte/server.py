"""``pacte serve``: one process, one port, for a trainer's live session.

* ``/`` serves the built book (``_build/html``), each page marked as served
  live so that it shows the « Séance en direct » box;
* ``/voila/render/<page>.ipynb`` serves the Voilà view of each page with code,
  from preheated kernels, with the course template (no CDN);
* ``/voila/render/formateur/…`` serves the trainer's dashboard, only with the
  trainer token;
* ``/api/live/…`` receives trainees' answers (see :mod:`pacte.live.api`);
* ``/pacte/static/`` serves the widgets' modules and the vendored Vega runtime.

No Jupyter contents, terminals or kernel-management API is exposed, and Voilà
keeps refusing execute requests from the browser.
"""

from __future__ import annotations

import inspect
import os
import secrets
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from tornado import web

from pacte.course.fmt import NBSP
from pacte.course.paths import SITE_DIR, STATIC_DIR, build_dir, course_root
from pacte.security import cookie_matches, is_trainer_path, token_matches, trainer_cookie_value
from pacte.startup import StartupError, open_store_or_explain

TEMPLATES_ROOT = SITE_DIR / "share" / "jupyter"
TRAINER_COOKIE = "pacte_trainer"
LIVE_META = b'<meta name="pacte-live" content="/api/live/">'


@dataclass
class ServeOptions:
    """Everything ``pacte serve`` needs to know."""

    host: str = "127.0.0.1"
    port: int = 8866
    pool_size: int = 1  # as the CLI default (`pacte serve --pool-size`)
    database_url: str | None = None
    data_dir: Path | None = None
    trainer_token: str | None = None
    public_url: str | None = None


class BookHandler(web.StaticFileHandler):
    """Serves the static book; HTML pages get the live-session marker and no caching."""

    def set_extra_headers(self, path: str) -> None:
        from pacte.site.headers import page_policy

        self.set_header("X-Content-Type-Options", "nosniff")
        if path.endswith(".html") or path.endswith("/") or path == "":
            self.set_header("Cache-Control", "no-cache")
        if self.absolute_path and self.absolute_path.endswith(".html"):
            self.set_header("Content-Security-Policy", page_policy(self.absolute_path))

    def parse_url_path(self, url_path: str) -> str:
        if "\x00" in url_path:
            raise web.HTTPError(404)
        return super().parse_url_path(url_path)

    @staticmethod
    def _marked(abspath: str) -> bytes:
        with open(abspath, "rb") as handle:
            return handle.read().replace(b"<head>", b"<head>" + LIVE_META, 1)

    @classmethod
    def get_content(cls, abspath, start=None, end=None):
        if not abspath.endswith(".html") or start is not None or end is not None:
            yield from super().get_content(abspath, start, end)
            return
        yield cls._marked(abspath)

    def get_content_size(self) -> int:
        # Pages without a <head> (the root redirect page) are served unchanged: measure what is sent.
        path = self.absolute_path
        if path is not None and path.endswith(".html"):
            return len(self._marked(path))
        return super().get_content_size()


# Request bodies: the live API streams and bounds its own (4 KiB, 413); nothing else takes uploads.
MAX_HTTP_BODY = 256 * 1024


def _kernel_is_trainer(kernel_manager, kernel_id: str, voila_root: Path) -> bool:
    """True when a kernel runs a trainer notebook, or when this cannot be told (deny by default).

    Unknown kernel ids return False: the handler itself answers 404.
    """
    from pacte.security import is_trainer_path

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
    Mixed in front of a Voilà handler by :func:`_guarded`.
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

    def _pacte_guard(self) -> bool:
        """Check the token; True when the response is already finished (redirect)."""
        if not self._pacte_protected():
            return False
        token = self.pacte_token
        if token is None:  # `pacte serve` always sets one: without it, nothing protected is served
            raise web.HTTPError(403, "trainer token required")
        given = self.get_query_argument("token", None)
        if given is None:
            if not cookie_matches(self.get_cookie(TRAINER_COOKIE), token):
                raise web.HTTPError(403, "trainer token required")
            return False
        if not token_matches(given, token):
            raise web.HTTPError(403, "trainer token required")
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
        return result


def _guarded(cls: type, kind: str, token: str | None, voila_root: Path) -> type:
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


def _voila_routes(token: str | None, voila_root: Path):
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
        return _guarded(cls, kinds[cls], token, voila_root) if cls in kinds else cls

    return replace


def _pacte_handlers(app: Any, base: list, replace, live) -> list:
    """Voilà's handlers rewritten by ``replace``; the widgets' static files and the live API first, the book last."""
    from jupyter_server.utils import url_path_join

    from pacte.live.api import live_handlers

    identity = {h[1] for h in app.identity_provider.get_handlers()} if hasattr(app, "identity_provider") else set()
    voila = []
    for pattern, cls, *rest in base:
        replacement = replace(cls, identity)
        if replacement is not None:
            voila.append((pattern, replacement, *rest))
    static = (url_path_join(app.server_url, r"/pacte/static/(.*)"), web.StaticFileHandler, {"path": str(STATIC_DIR)})
    api = live_handlers(url_path_join(app.server_url, "/api/live"), live)
    book_files = {"path": str(build_dir() / "html"), "default_filename": "index.html"}
    return [static, *api, *voila, (url_path_join(app.server_url, r"/(.*)"), BookHandler, book_files)]


def make_app_class(options: ServeOptions, live):
    """Return the Voilà application subclass that adds the book, the API and the trainer guard."""
    from voila.app import Voila

    from pacte.site.headers import SecurityHeaders

    replace = _voila_routes(options.trainer_token, build_dir() / "voila")

    class PacteVoila(Voila):
        """Voilà serving the course book at ``/`` beside the page views."""

        name = "pacte-serve"

        def init_settings(self):
            settings = super().init_settings()
            # Consumed by tornado.web.Application(transforms=…): headers on every response.
            # GZipContentEncoding: text responses compressed (tornado ignores compress_response once transforms are set).
            settings["transforms"] = [SecurityHeaders, web.GZipContentEncoding]
            return settings

        def init_handlers(self):
            return _pacte_handlers(self, super().init_handlers(), replace, live)

        def listen(self):
            original = self.app.listen

            def bounded_listen(port, address="", **kwargs):
                kwargs.setdefault("max_body_size", MAX_HTTP_BODY)
                kwargs.setdefault("body_timeout", 60)
                kwargs.setdefault("idle_connection_timeout", 300)
                return original(port, address, **kwargs)

            self.app.listen = bounded_listen
            return super().listen()

    return PacteVoila


def voila_argv(host: str, port: int, pool_size: int) -> list[str]:
    """Command-line options given to Voilà by ``pacte serve`` (``pool_size`` 0: no preheating)."""
    return [
        str(build_dir() / "voila"),
        f"--Voila.ip={host}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        "--no-browser",
        "--template=pacte",
        "--theme=light",
        f"--VoilaConfiguration.preheat_kernel={pool_size > 0}",
        f"--VoilaConfiguration.default_pool_size={max(pool_size, 0)}",
        "--VoilaConfiguration.show_tracebacks=False",
        # Only the widget runtimes: other lab extensions (jupytext…) fail outside JupyterLab.
        "--VoilaConfiguration.extension_allowlist=['@jupyter-widgets/jupyterlab-manager', 'anywidget', "
        "'@voila-dashboards/widgets-manager8']",
        "--MappingKernelManager.cull_idle_timeout=900",
        "--MappingKernelManager.cull_interval=60",
    ]


def public_url(host: str, port: int) -> str:
    """The address trainees type: the given host, or this machine's name when listening on all interfaces."""
    if host in ("0.0.0.0", "::", ""):
        try:
            host = socket.gethostbyname(socket.gethostname())
        except OSError:
            host = socket.gethostname()
    return f"http://{host}:{port}/"


def serve(options: ServeOptions) -> int:
    """Run the course server until interrupted; return the exit code."""
    from pacte.live.api import LiveContext

    book = build_dir() / "html" / "index.html"
    notebooks = build_dir() / "voila"
    if not book.exists() or not notebooks.exists():
        print(
            f"pacte serve{NBSP}: le livre n’est pas construit dans {build_dir()}{NBSP}: "
            f"lancez d’abord « pacte build ».",
            file=sys.stderr,
        )
        return 2
    options.data_dir = Path(options.data_dir or os.environ.get("PACTE_DATA_DIR") or course_root() / "var")
    options.database_url = options.database_url or os.environ.get("PACTE_DATABASE_URL") or None
    options.trainer_token = options.trainer_token or os.environ.get("PACTE_TRAINER_TOKEN") or secrets.token_urlsafe(24)
    options.public_url = options.public_url or public_url(options.host, options.port)
    try:
        store = open_store_or_explain(options.database_url, options.data_dir)
        store.expire_sessions()
    except StartupError as exc:
        print(f"pacte serve{NBSP}: {exc}", file=sys.stderr)
        return 2
    from pacte.live.limits import FailFastStore

    live = LiveContext(FailFastStore(store))
    # Voilà kernels (the trainer dashboard) inherit these to reach the same store.
    os.environ.update({"PACTE_DATA_DIR": str(options.data_dir), "PACTE_PUBLIC_URL": options.public_url})
    if options.database_url:
        os.environ["PACTE_DATABASE_URL"] = options.database_url
    os.environ.pop("PACTE_TRAINER_TOKEN", None)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(TEMPLATES_ROOT), os.environ.get("JUPYTER_PATH")]))
    base = f"http://{options.host}:{options.port}/"
    from pacte.security import redact_url

    backend = (
        f"PostgreSQL ({redact_url(options.database_url)})"
        if options.database_url
        else f"SQLite dans {options.data_dir}"
    )
    print(
        f"pacte serve{NBSP}: livre sur {base}{NBSP}; vues Voilà sur {base}voila/render/… "
        f"({options.pool_size} noyau(x) préchauffé(s) par page){NBSP}; séances en direct enregistrées "
        f"dans {backend}",
        flush=True,
    )
    print(
        f"pacte serve{NBSP}: tableau de bord du formateur (lien à garder pour vous{NBSP}; le jeton passe ensuite "
        f"dans un cookie){NBSP}: "
        f"{options.public_url}voila/render/formateur/tableau-de-bord.ipynb?token={options.trainer_token}",
        flush=True,
    )
    app = make_app_class(options, live)
    try:
        app.launch_instance(argv=voila_argv(options.host, options.port, options.pool_size))
    finally:
        store.close()
    return 0
