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

from pacte.course.toc import page_title, toc_files
from widgets._host import PacteWidget


def course_plan(files: list[str] | None = None) -> dict:
    """The modules of the course and their pages, in order, with titles: ``{"modules": [...]}``."""
    files = toc_files() if files is None else files
    modules: dict[str, dict] = {}
    for doc in files:
        match = re.match(r"modules/([^/]+)/", doc)
        if not match:
            continue
        title = page_title(doc)
        module = modules.setdefault(match.group(1), {"id": match.group(1), "title": title, "pages": []})
        module["pages"].append({"page": doc, "title": title})
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
