"""Redirect pages for moved pages of the book, from ``book/redirects.yaml``.

The file maps an old document name to the new one::

    modules/profils/qui-sont-les-coordinateurs: modules/metier/qui-sont-les-coordinateurs

At the end of an HTML build (Sphinx ``build-finished``) each old address gets a
small French page (``lang="fr"``, a ``<title>``, a ``<meta http-equiv="refresh">``
and a visible link), unless a real page is built there. An entry whose target is
not part of the build (a partial table of contents) is skipped.
"""

from __future__ import annotations

import html
import os
import posixpath
from pathlib import Path

import yaml

from pacte.course.errors import DataError
from pacte.course.paths import BOOK_ICON, course_root

REDIRECTS_FILE = Path("book") / "redirects.yaml"

TEMPLATE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page déplacée\u00a0: {title}</title>
<meta http-equiv="refresh" content="0; url={url}">
<link rel="canonical" href="{url}">
<meta name="robots" content="noindex">
<link rel="icon" href="{icon}">
</head>
<body>
<main>
<h1>Cette page a changé d’adresse</h1>
<p>La page «\u00a0{title}\u00a0» se trouve désormais dans le module «\u00a0Le métier de coordinateur·rice\u00a0».</p>
<p><a href="{url}">Aller à la nouvelle page\u00a0: {title}</a></p>
</main>
</body>
</html>
"""


def load_redirects(root: Path | None = None) -> dict[str, str]:
    """Return ``{old docname: new docname}``; raise DataError naming the file and entry on bad input."""
    path = (root or course_root()) / REDIRECTS_FILE
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise DataError(path, "expected a mapping old page -> new page")
    out = {}
    for old, new in data.items():
        for value in (old, new):
            if (
                not isinstance(value, str)
                or not value
                or value.startswith("/")
                or value.endswith(".html")
                or ".." in value
            ):
                raise DataError(
                    path, f"page names are document names like 'modules/x/page', got {value!r}", field=str(old)
                )
        if old == new:
            raise DataError(path, "a page cannot redirect to itself", field=str(old))
        out[old] = new
    return out


def redirect_html(old: str, new: str, title: str) -> str:
    """The redirect page written at ``old.html`` towards ``new.html`` (relative links).

    It names the book's icon: without one, a browser asks for ``/favicon.ico`` before it follows the
    refresh, and gets a 404 (a console error, seen by the page tour in a clean-clone run).
    """
    here = posixpath.dirname(old) or "."
    url = posixpath.relpath(f"{new}.html", here)
    icon = posixpath.relpath(BOOK_ICON, here)
    return TEMPLATE.format(
        url=html.escape(url, quote=True), title=html.escape(title), icon=html.escape(icon, quote=True)
    )


def write_redirects(outdir: Path, found_docs, titles: dict[str, str], root: Path | None = None) -> list[Path]:
    """Write the redirect pages into ``outdir``; return the files written."""
    written = []
    for old, new in load_redirects(root).items():
        if new not in found_docs or old in found_docs:
            continue
        target = Path(outdir) / f"{old}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_html(old, new, titles.get(new, new)), encoding="utf-8")
        written.append(target)
    return written


def _on_build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    titles = {doc: node.astext() for doc, node in app.env.titles.items()}
    root = Path(os.environ.get("PACTE_ROOT") or app.srcdir)
    write_redirects(Path(app.outdir), app.env.found_docs, titles, root)


def setup(app) -> dict:
    """Sphinx extension: write the redirect pages of ``book/redirects.yaml`` after an HTML build."""
    app.connect("build-finished", _on_build_finished)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
