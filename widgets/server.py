"""``pacte serve``: one process, one port, for a trainer's live session.

* ``/`` serves the built book (``_build/html``);
* ``/voila/render/<page>.ipynb`` serves the Voilà view of each page with code,
  from preheated kernels, with the course template (no CDN);
* ``/pacte/static/`` serves the widgets' modules and the vendored Vega runtime.

No Jupyter contents, terminals or kernel-management API is exposed, and Voilà
keeps refusing execute requests from the browser.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tornado import web

from widgets._paths import PACKAGE_DIR, STATIC_DIR, build_dir

TEMPLATES_ROOT = PACKAGE_DIR / "share" / "jupyter"


class BookHandler(web.StaticFileHandler):
    """Serves the static book, with ``index.html`` for folders and no caching of HTML."""

    def set_extra_headers(self, path: str) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")
        if path.endswith(".html") or path.endswith("/") or path == "":
            self.set_header("Cache-Control", "no-cache")


def make_app_class():
    """Return the Voilà application subclass that adds the book and static routes."""
    from jupyter_server.utils import url_path_join
    from voila.app import Voila
    from voila.tornado.contentshandler import VoilaContentsHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    class PacteVoila(Voila):
        """Voilà serving the course book at ``/`` beside the page views."""

        name = "pacte-serve"

        def init_handlers(self):
            handlers = [h for h in super().init_handlers()
                        if h[1] not in (TornadoVoilaTreeHandler, VoilaContentsHandler)]
            handlers.insert(0, (url_path_join(self.server_url, r"/pacte/static/(.*)"), web.StaticFileHandler,
                                {"path": str(STATIC_DIR)}))
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


def serve(host: str = "127.0.0.1", port: int = 8866, pool_size: int = 2, open_browser: bool = False) -> int:
    """Run the course server until interrupted; return the exit code."""
    book = build_dir() / "html" / "index.html"
    notebooks = build_dir() / "voila"
    if not book.exists() or not notebooks.exists():
        print("pacte serve: the book is not built; run `pacte build` first.", file=sys.stderr)
        return 2
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(TEMPLATES_ROOT), os.environ.get("JUPYTER_PATH")]))
    print(f"pacte serve: book at http://{host}:{port}/ ; Voilà views at http://{host}:{port}/voila/render/… "
          f"({pool_size} preheated kernel(s) per page)", flush=True)
    app = make_app_class()
    app.launch_instance(argv=voila_argv(host, port, pool_size))
    return 0
