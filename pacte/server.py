"""``pacte serve``: one process, one port, for a trainer's live session.

* ``/`` serves the built book (``_build/html``), each page marked as served
  live so that it shows the « Séance en direct » box;
* ``/voila/render/<page>.ipynb`` serves the Voilà view of each page with code,
  with the course template (no CDN), its kernel started on demand, culled when
  idle and capped (:mod:`pacte.kernels`); Voilà's ``formateur/`` folder and its
  kernels only with the trainer token (:mod:`pacte.voila_routes`);
* ``/formateur/`` serves the trainer's dashboard (no kernel, trainer token);
* ``/api/live/…`` receives trainees' answers and streams the pushed activity
  (see :mod:`pacte.live.api`);
* ``/pacte/static/`` serves the widgets' modules and the vendored Vega runtime.

No Jupyter contents, terminals or kernel-management API is exposed, and Voilà
keeps refusing execute requests from the browser. Several processes may share
one PostgreSQL store behind a reverse proxy (``deploy/``, ``--behind-proxy``).
"""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tornado import web
from tornado.ioloop import IOLoop

from pacte import connlimits, kernels
from pacte.course.fmt import NBSP
from pacte.course.paths import SITE_DIR, STATIC_DIR, build_dir, course_root
from pacte.kernel_cap import DEFAULT_MAX_KERNELS
from pacte.live.join_address import ANY_HOSTS, describe_choice, interface_addresses, join_choices, url_for
from pacte.live.sessions_report import startup_sessions
from pacte.live.store.retention import DEFAULT_RETENTION_DAYS, DEFAULT_SESSION_HOURS, session_seconds
from pacte.security import redacting_log_function
from pacte.startup import StartupError, check_port, check_trainer_token, open_store_or_explain
from pacte.voila_routes import TRAINER_COOKIE, voila_routes

TEMPLATES_ROOT = SITE_DIR / "share" / "jupyter"
__all__ = ["TRAINER_COOKIE", "ServeOptions", "serve"]
LIVE_META = b'<meta name="pacte-live" content="/api/live/">'


@dataclass
class ServeOptions:
    """Everything ``pacte serve`` needs to know."""

    host: str = "127.0.0.1"
    port: int = 8866
    pool_size: int = 0  # kernels preheated for every page, as the CLI default (`pacte serve --pool-size`)
    preheat: dict[str, int] = field(default_factory=dict)  # page → pool size (`--preheat PAGE[=N]`)
    max_kernels: int = DEFAULT_MAX_KERNELS
    kernel_idle: int = kernels.DEFAULT_IDLE_SECONDS
    database_url: str | None = None
    data_dir: Path | None = None
    trainer_token: str | None = None
    public_url: str | None = None
    behind_proxy: bool = False  # trust X-Real-IP / X-Forwarded-Proto (only behind nginx or Caddy)
    session_hours: float = DEFAULT_SESSION_HOURS  # a new session's time limit (0: until the trainer closes it)
    retention_days: float = DEFAULT_RETENTION_DAYS  # ended sessions kept at least this long (purged on demand)


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


def _pacte_handlers(app: Any, base: list, replace, live) -> list:
    """Voilà's handlers rewritten by ``replace``; the widgets' static files and the live API first, the book last."""
    from jupyter_server.utils import url_path_join

    from pacte.live.api import live_handlers
    from pacte.live.trainer_page import trainer_page_handlers

    identity = {h[1] for h in app.identity_provider.get_handlers()} if hasattr(app, "identity_provider") else set()
    voila = []
    for pattern, cls, *rest in base:
        replacement = replace(cls, identity)
        if replacement is not None:
            voila.append((pattern, replacement, *rest))
    static = (url_path_join(app.server_url, r"/pacte/static/(.*)"), web.StaticFileHandler, {"path": str(STATIC_DIR)})
    api = live_handlers(url_path_join(app.server_url, "/api/live"), live)
    api += trainer_page_handlers(app.server_url, live)  # /formateur/: the kernel-less dashboard
    book_files = {"path": str(build_dir() / "html"), "default_filename": "index.html"}
    return [static, *api, *voila, (url_path_join(app.server_url, r"/(.*)"), BookHandler, book_files)]


def make_app_class(options: ServeOptions, live):
    """Return the Voilà application subclass that adds the book, the API and the trainer guard."""
    from voila.app import Voila

    from pacte.site.headers import SecurityHeaders

    replace = voila_routes(options.trainer_token, build_dir() / "voila")

    class PacteVoila(Voila):
        """Voilà serving the course book at ``/`` beside the page views."""

        name = "pacte-serve"

        def init_settings(self):
            settings = super().init_settings()
            # Consumed by tornado.web.Application(transforms=…): headers on every response.
            # GZipContentEncoding: text responses compressed (tornado ignores compress_response once transforms are set).
            settings["transforms"] = [SecurityHeaders, web.GZipContentEncoding]
            # No trainer token in the access log, right or wrong (?token=…: masked).
            settings["log_function"] = redacting_log_function(settings.get("log_function"))
            return settings

        def init_handlers(self):
            return _pacte_handlers(self, super().init_handlers(), replace, live)

        def listen(self):
            app = self.app

            def bounded_listen(port, address="", **kwargs):
                kwargs.setdefault("max_body_size", MAX_HTTP_BODY)
                kwargs.setdefault("body_timeout", 60)
                kwargs.setdefault("idle_connection_timeout", 300)
                kwargs.setdefault("xheaders", options.behind_proxy)
                # Connections and GETs capped per address, a quiet accept loop (pacte.connlimits).
                return connlimits.listen(app, port, address, **kwargs)

            self.app.listen = bounded_listen
            # Change notifications (PostgreSQL LISTEN) from the start, not from the first request:
            # a push made through another process before anyone reached this one is not missed.
            IOLoop.current().add_callback(live.ensure_started)
            return super().listen()

    return PacteVoila


def voila_argv(options: ServeOptions) -> list[str]:
    """Command-line options given to Voilà by ``pacte serve`` (kernels: see :mod:`pacte.kernels`)."""
    pages = sum(1 for _ in (build_dir() / "voila").rglob("*.ipynb"))
    return [
        str(build_dir() / "voila"),
        f"--Voila.ip={options.host}",
        f"--Voila.port={options.port}",
        "--Voila.port_retries=0",
        "--no-browser",
        "--template=pacte",
        "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        *kernels.kernel_argv(options.pool_size, options.preheat, options.max_kernels, options.kernel_idle, pages),
    ]


def voila_config(options: ServeOptions) -> Any:
    """Voilà settings that are lists or dicts (a traitlets ``Config``; on the command line they are deprecated)."""
    config = kernels.kernel_config(options.pool_size, options.preheat)
    # Only the widget runtimes: other lab extensions (jupytext…) fail outside JupyterLab.
    config.VoilaConfiguration.extension_allowlist = [
        "@jupyter-widgets/jupyterlab-manager",
        "anywidget",
        "@voila-dashboards/widgets-manager8",
    ]
    return config


def join_address_choices(options: ServeOptions) -> list[dict]:
    """The join addresses offered to the trainer, the chosen one first (none behind a proxy without --public-url)."""
    if options.behind_proxy and not options.public_url:
        return []  # the trainer's request host (the proxy's public name) is the join address
    addresses = interface_addresses() if options.host in ANY_HOSTS else []
    return join_choices(options.host, options.port, options.public_url, addresses)


def serve(options: ServeOptions) -> int:
    """Run the course server until interrupted; return the exit code."""
    from pacte.live.api import LiveContext

    options.trainer_token = options.trainer_token or os.environ.get("PACTE_TRAINER_TOKEN") or None
    try:  # a weak token or a taken port stops the server before anything else is looked at
        check_trainer_token(options.trainer_token)
        check_port(options.host, options.port)
    except StartupError as exc:
        print(f"pacte serve{NBSP}: {exc}", file=sys.stderr)
        return 2
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
    options.trainer_token = options.trainer_token or secrets.token_urlsafe(24)
    # Join address on the dashboard: --public-url, else a room address of this machine (behind a proxy: the
    # request's host); the trainer may pick another on the dashboard.
    choices = join_address_choices(options)
    join_url = choices[0]["url"] if choices else None
    options.public_url = join_url or url_for(options.host, options.port)
    try:
        options.preheat = {kernels.preheat_name(page, notebooks): n for page, n in options.preheat.items()}
    except ValueError as exc:
        print(f"pacte serve{NBSP}: {exc}", file=sys.stderr)
        return 2
    try:
        store = open_store_or_explain(options.database_url, options.data_dir)
        store.session_ttl = session_seconds(options.session_hours)
        kept = startup_sessions(store, options.retention_days)
    except StartupError as exc:
        print(f"pacte serve{NBSP}: {exc}", file=sys.stderr)
        return 2
    _, files_warning = connlimits.raise_file_limit()
    if files_warning:
        print(files_warning, file=sys.stderr, flush=True)
    from pacte.live.limits import FailFastStore
    from pacte.live.warm import warm_up

    live = LiveContext(FailFastStore(store), trainer_token=options.trainer_token, public_url=join_url)
    live.join_choices = choices
    live.executor.submit(warm_up)  # the room's first push and answers find the course data read
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
        f"({kernels.describe(options.pool_size, options.preheat, options.max_kernels, options.kernel_idle)})"
        f"{NBSP}; séances en direct enregistrées "
        f"dans {backend}",
        flush=True,
    )
    print(
        f"pacte serve{NBSP}: tableau de bord du formateur (lien à garder pour vous{NBSP}; le jeton passe ensuite "
        f"dans un cookie){NBSP}: "
        f"{options.public_url}formateur/?token={options.trainer_token}",
        flush=True,
    )
    for line in [*describe_choice(choices), *kept]:
        print(line, flush=True)
    app = make_app_class(options, live)
    try:
        app.launch_instance(argv=voila_argv(options), config=voila_config(options))
    finally:
        store.close()
    return 0
