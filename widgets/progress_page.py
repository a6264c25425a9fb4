"""« Mon parcours »: the learner's progress, read from their own browser.

The widget state is only the course plan (modules, pages, titles, from the
table of contents); the progress itself never leaves the browser: the ES
module ``static/progress_page.js`` reads the ``pacte:v1:*`` records that every
activity writes in ``localStorage`` (``static/progress.js``), and offers the
export, import, erase and print actions.
"""

from __future__ import annotations

import re

import traitlets as t

from pacte.course.paths import course_root
from pacte.course.toc import page_title, toc_files
from widgets._host import PacteWidget

_MAP_ROW = re.compile(r"^\|\s*\{ref\}`(?P<title>[^<`]+?)\s*<(?P<label>[^>`]+)>`\s*\|")
_LABEL = re.compile(r"^\((?P<label>[^)]+)\)=\s*$")


def module_names() -> dict[str, str]:
    """Page label → module title, from the « Carte des modules » of the home page (``book/intro.md``),
    whose rows link each module's title to its first page."""
    path = course_root() / "book" / "intro.md"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return {m["label"]: m["title"] for m in map(_MAP_ROW.match, lines) if m}


def _first_label(doc: str) -> str | None:
    path = course_root() / f"{doc}.md"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return next((m["label"] for m in map(_LABEL.match, lines) if m), None)


def course_plan(files: list[str] | None = None) -> dict:
    """The modules of the course and their pages, in order, with titles: ``{"modules": [...]}``.

    A module is named by the home page's module map (« Les modèles de financement »), or after its
    first page when the map does not list it."""
    files = toc_files() if files is None else files
    names = module_names()
    modules: dict[str, dict] = {}
    for doc in files:
        match = re.match(r"modules/([^/]+)/", doc)
        if not match:
            continue
        title = page_title(doc)
        if match.group(1) not in modules:
            name = names.get(_first_label(doc) or "", title)
            modules[match.group(1)] = {"id": match.group(1), "title": name, "pages": []}
        modules[match.group(1)]["pages"].append({"page": doc, "title": title})
    return {"modules": list(modules.values())}


class ProgressPage(PacteWidget):
    """The « Mon parcours » panel: progress per module and page, export, import, erase, print."""

    _module = "progress_page"
    course = t.Dict().tag(sync=True)

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("course", course_plan())
        super().__init__(**kwargs)

    def fallback_text(self) -> str:
        return "Votre parcours est lu dans votre navigateur : cette page nécessite JavaScript."
