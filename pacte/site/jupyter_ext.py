"""Jupyter Server extension: serves ``widgets/static`` at ``<base_url>pacte/static/``.

Charts need the vendored Vega runtime; in JupyterLab and Voilà on Binder it is
served by the Jupyter server itself through this extension (``pacte serve``
adds the same route on its own). Enable it with
``jupyter server extension enable pacte.site.jupyter_ext``.
"""

from __future__ import annotations

from jupyter_server.utils import url_path_join
from tornado import web

from pacte.course.paths import STATIC_DIR


def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": "pacte.site.jupyter_ext"}]


def _load_jupyter_server_extension(serverapp) -> None:
    base = serverapp.web_app.settings.get("base_url", "/")
    serverapp.web_app.add_handlers(
        ".*$",
        [
            (url_path_join(base, r"/pacte/static/(.*)"), web.StaticFileHandler, {"path": str(STATIC_DIR)}),
        ],
    )
    serverapp.log.info("pacte: course static files at %spacte/static/", base)
