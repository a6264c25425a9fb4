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

import hmac
import os
import secrets
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from tornado import web

from pacte.course.paths import SITE_DIR, STATIC_DIR, build_dir, course_root

TEMPLATES_ROOT = SITE_DIR / "share" / "jupyter"
TRAINER_COOKIE = "pacte_trainer"
LIVE_META = b'<meta name="pacte-live" content="/api/live/">'


@dataclass
class ServeOptions:
    """Everything ``pacte serve`` needs to know."""

    host: str = "127.0.0.1"
    port: int = 8866
    pool_size: int = 2
    database_url: str | None = None
    data_dir: Path | None = None
    trainer_token: str | None = None
    public_url: str | None = None


class BookHandler(web.StaticFileHandler):
    """Serves the static book; HTML pages get the live-session marker and no caching."""

    def set_extra_headers(self, path: str) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        if path.endswith(".html") or path.endswith("/") or path == "":
            self.set_header("Cache-Control", "no-cache")

    @classmethod
    def get_content(cls, abspath, start=None, end=None):
        if not abspath.endswith(".html") or start is not None or end is not None:
            yield from super().get_content(abspath, start, end)
            return
        with open(abspath, "rb") as handle:
            yield handle.read().replace(b"<head>", b"<head>" + LIVE_META, 1)

    def get_content_size(self) -> int:
        size = super().get_content_size()
        return size + len(LIVE_META) if self.absolute_path.endswith(".html") else size


def make_app_class(options: ServeOptions, live):
    """Return the Voilà application subclass that adds the book, the API and the trainer guard."""
    from jupyter_server.utils import url_path_join
    from voila.app import Voila
    from voila.tornado.contentshandler import VoilaContentsHandler
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    from pacte.live.api import live_handlers

    token = options.trainer_token

    class TrainerVoilaHandler(TornadoVoilaHandler):
        """Voilà pages of the trainer: require the token (query ``?token=`` once, then a cookie)."""

        def prepare(self):
            given = self.get_query_argument("token", None)
            cookie = self.get_cookie(TRAINER_COOKIE)
            if given is not None and hmac.compare_digest(given, token):
                self.set_cookie(TRAINER_COOKIE, token, httponly=True, samesite="Strict", path="/")
            elif cookie is None or not hmac.compare_digest(cookie, token):
                raise web.HTTPError(403, "trainer token required")
            return super().prepare()

    class PacteVoila(Voila):
        """Voilà serving the course book at ``/`` beside the page views."""

        name = "pacte-serve"

        def init_handlers(self):
            base = super().init_handlers()
            handlers = []
            for h in base:
                if h[1] in (TornadoVoilaTreeHandler, VoilaContentsHandler):
                    continue
                if h[1] is TornadoVoilaHandler:
                    handlers.append((url_path_join(self.server_url, r"/voila/render/(formateur/.*)"),
                                     TrainerVoilaHandler, h[2]))
                handlers.append(h)
            handlers.insert(0, (url_path_join(self.server_url, r"/pacte/static/(.*)"), web.StaticFileHandler,
                                {"path": str(STATIC_DIR)}))
            handlers[1:1] = live_handlers(url_path_join(self.server_url, "/api/live"), live)
            handlers.append((url_path_join(self.server_url, r"/(.*)"), BookHandler,
                             {"path": str(build_dir() / "html"), "default_filename": "index.html"}))
            return handlers

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
    from pacte.live.store import open_store

    book = build_dir() / "html" / "index.html"
    notebooks = build_dir() / "voila"
    if not book.exists() or not notebooks.exists():
        print("pacte serve: the book is not built; run `pacte build` first.", file=sys.stderr)
        return 2
    options.data_dir = Path(options.data_dir or os.environ.get("PACTE_DATA_DIR") or course_root() / "var")
    options.database_url = options.database_url or os.environ.get("PACTE_DATABASE_URL") or None
    options.trainer_token = options.trainer_token or os.environ.get("PACTE_TRAINER_TOKEN") or secrets.token_urlsafe(24)
    options.public_url = options.public_url or public_url(options.host, options.port)
    store = open_store(options.database_url, options.data_dir)
    store.expire_sessions()
    live = LiveContext(store)
    # Voilà kernels (the trainer dashboard) inherit these to reach the same store.
    os.environ.update({"PACTE_DATA_DIR": str(options.data_dir), "PACTE_PUBLIC_URL": options.public_url})
    if options.database_url:
        os.environ["PACTE_DATABASE_URL"] = options.database_url
    os.environ.pop("PACTE_TRAINER_TOKEN", None)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(TEMPLATES_ROOT), os.environ.get("JUPYTER_PATH")]))
    base = f"http://{options.host}:{options.port}/"
    backend = "PostgreSQL" if options.database_url else f"SQLite in {options.data_dir}"
    print(f"pacte serve: book at {base} ; Voilà views at {base}voila/render/… "
          f"({options.pool_size} preheated kernel(s) per page); live sessions stored in {backend}", flush=True)
    print(f"pacte serve: trainer dashboard (keep this link private): "
          f"{options.public_url}voila/render/formateur/tableau-de-bord.ipynb?token={options.trainer_token}", flush=True)
    app = make_app_class(options, live)
    try:
        app.launch_instance(argv=voila_argv(options.host, options.port, options.pool_size))
    finally:
        store.close()
    return 0
