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

from pacte.course.toc import page_source, toc_files
from widgets._host import PacteWidget

_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)
_ROLE = re.compile(r"\{[a-z:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`")


def page_title(docname: str) -> str:
    """The first level-1 heading of a page, without MyST roles and markup."""
    try:
        text = page_source(docname).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return docname
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    match = _HEADING.search(text)
    if not match:
        return docname
    title = _ROLE.sub(r"\1", match.group(1))
    return re.sub(r"[*_`]", "", title).strip() or docname


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
