"""Sphinx extension of the course: vendored scripts, widget loader and launch links.

* copies ``widgets/static`` (widget modules, loader, styles, vendored Vega) to
  the book's ``_static`` and loads ``loader.js`` on every page;
* adds, at the top of every page with code, links to open it live: in Voilà
  through ``pacte serve`` and in Voilà or JupyterLab on Binder;
* leaves out the widget state myst-nb would embed in each page (nothing reads it);
* declares parallel-safe the two extensions Jupyter Book always loads that do
  not say so, so that ``pacte build`` reads the pages in parallel.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from pacte.course.binder import binder_launch
from pacte.course.paths import SITE_DIR, STATIC_DIR
from pacte.site import parallel_cache

TEMPLATES_DIR = SITE_DIR / "sphinx_templates"


def _add_static(app: Sphinx, config) -> None:
    config.html_static_path.append(str(STATIC_DIR))
    # French versions of theme components whose labels are hard-coded in English.
    config.templates_path.insert(0, str(TEMPLATES_DIR))
    config.html_context = {**config.html_context, "default_mode": "light"}


def _is_notebook(app: Sphinx, docname: str) -> bool:
    meta = app.env.metadata.get(docname, {})
    return "kernelspec" in meta or "jupytext" in meta


def _launch_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not _is_notebook(app, docname):
        return
    depth = docname.count("/")
    up = "../" * depth
    links = [
        f'<a class="pacte-launch-voila" href="{up}voila/render/{docname}.ipynb" '
        f'title="Fonctionne quand le cours est servi par « pacte serve » (séance en direct)">'
        f"Ouvrir en direct (Voilà, séance formateur)</a>"
    ]
    binder = binder_launch(docname)
    if binder:
        links.append(
            f'<a class="pacte-launch-binder" href="{binder.voila}" rel="noopener">Ouvrir dans Voilà sur Binder</a>'
        )
        links.append(
            f'<a class="pacte-launch-binder" href="{binder.lab}" rel="noopener">Ouvrir dans JupyterLab sur Binder</a>'
        )
    html = '<nav class="pacte-launch" aria-label="Autres façons d\'ouvrir cette page">' + " · ".join(links) + "</nav>"
    sections = list(doctree.findall(nodes.section))
    target = sections[0] if sections else doctree
    index = 1 if sections and len(target.children) > 0 and isinstance(target.children[0], nodes.title) else 0
    target.insert(index, nodes.raw("", html, format="html"))


def _drop_thebe_loader(app: Sphinx) -> None:
    # Jupyter Book always loads sphinx-thebe, whose page header names a CDN
    # (unpkg). The course never uses Thebe, so its script injection is removed.
    for event in ("env-before-read-docs", "doctree-resolved"):
        for listener in list(app.events.listeners.get(event, [])):
            if getattr(listener.handler, "__module__", "").startswith("sphinx_thebe"):
                app.disconnect(listener.id)


# Extensions Jupyter Book always loads that do not say whether they may read in parallel (Sphinx then
# reads serially, with a warning: an error in a strict build). Both keep nothing in the environment:
# multitoc numbering replaces the section numbering, which Sphinx runs in the main process once every
# page is read; jupyterbook-latex adds per-document transforms, for LaTeX only.
PARALLEL_SAFE_UNDECLARED = ("sphinx_multitoc_numbering", "sphinx_jupyterbook_latex")


def _declare_parallel_safe(app: Sphinx, config) -> None:
    for name in PARALLEL_SAFE_UNDECLARED:
        extension = app.extensions.get(name)
        if extension is not None and extension.parallel_read_safe is None:
            extension.parallel_read_safe = True


def _drop_widget_state(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    # myst-nb embeds in each page the saved state of its Jupyter widgets, for ipywidgets' HTML manager,
    # which the book does not load (nb_ipywidgets_js is empty): the course's widgets draw from their own
    # data in the page (widgets/static/loader.js). Unread, it weighed 130 to 300 KB a page (each widget's
    # ES module and styles again), downloaded by every reader, on a phone too.
    getattr(app.env, "nb_metadata", {}).get(pagename, {}).get("js_files", {}).pop("ipywidgets_state", None)


def setup(app: Sphinx) -> dict:
    """Register the course's static files and launch links with Sphinx."""
    from pacte.site import bibstyle

    bibstyle.register()  # French bibliography: bibtex_default_style / bibtex_reference_style in _config.yml
    from pacte.site import typography

    typography.setup(app)  # French spaces and apostrophes in every reader-visible text node
    _drop_thebe_loader(app)
    parallel_cache.patch()  # before the pages are read, by processes forked from this one
    app.connect("config-inited", _add_static)
    app.connect("config-inited", _declare_parallel_safe)
    app.connect("doctree-resolved", _launch_links)
    app.connect("html-page-context", _drop_widget_state, priority=400)  # before myst-nb adds it (500)
    app.add_js_file("loader.js", type="module")
    app.add_css_file("pacte.css")
    app.add_css_file("print.css", media="print")  # paper handouts (pacte export pdf)
    app.setup_extension("pacte.site.redirects")  # pages moved: book/redirects.yaml
    app.setup_extension("pacte.site.evidence_role")  # {cite-passage}`phrase <key>`: the seed passage opens
    app.setup_extension("pacte.site.hors_sources")  # {hors-sources}`…`: the course's own addition, marked
    app.setup_extension("pacte.site.binder_launch")  # the `binder-launch` directive of « Mode d'emploi »
    app.setup_extension("pacte.site.a11y")  # theme accessibility fixes, French redirect page, icon subset
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
