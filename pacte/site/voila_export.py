"""Turn a page's MyST Markdown into CommonMark for Voilà and JupyterLab.

A seed citation (``{cite-passage}``) becomes « (Schweyer, 2025) » and, after
its paragraph, a native ``<details>`` holding the passage (JupyterLab keeps
``<details>`` through its HTML sanitizer; no script is needed).

Voilà and JupyterLab render Markdown cells with a CommonMark renderer that
knows nothing of MyST roles and directives; without this step a learner would
read ``{cite}`schweyer2025``` instead of « (Schweyer, 2025) ».
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pacte.course.citations import citation_labels
from pacte.course.evidence import Passage, passage, place, split_passage
from pacte.course.facts import expand_facts
from pacte.site.hors_sources import MARK

_ROLE = re.compile(r"\{(cite|cite:p|cite:t|cite-passage|term|ref|doc|numref|hors-sources)\}`([^`]+)`")
_LABEL = re.compile(r"^\([\w:-]+\)=\s*$", re.M)
_FENCE_OPEN = re.compile(r"^(`{3,}|:{3,})\{([\w:-]+)\}\s*(.*)$")


_TARGET_LABEL = re.compile(r"^\(([\w:-]+)\)=\s*\n+(?:#+\s+(.+?)\s*$)?", re.M)
_FIRST_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)


@dataclass(frozen=True)
class PageLinks:
    """Where ``{ref}`` and ``{doc}`` roles lead among the exported notebooks.

    ``labels`` maps a MyST target label to its page; ``notebooks`` are the pages
    that have a notebook. A link to a page without one stays plain text.
    ``titles`` gives the text of a role written without one, as Sphinx does: the
    heading a label stands before, or a page's title (keys: labels and pages).
    """

    labels: dict[str, str]
    notebooks: frozenset[str]
    titles: dict[str, str] = field(default_factory=dict)

    def text(self, role: str, target: str, from_doc: str) -> str:
        """The link text of a role written without one: its target's heading, else the target itself."""
        if role == "doc":
            target = target.removesuffix(".md")
            key = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(from_doc), target))
            )
            return self.titles.get(key, target)
        return self.titles.get(target, target)

    def href(self, role: str, target: str, from_doc: str) -> str | None:
        """Relative ``.ipynb`` address of the role's target seen from ``from_doc``, or None."""
        if role == "doc":
            target = target.removesuffix(".md")
            doc = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(from_doc), target))
            )
        else:
            doc = self.labels.get(target, "")
        if doc not in self.notebooks:
            return None
        return posixpath.relpath(doc, posixpath.dirname(from_doc) or ".") + ".ipynb"


def page_links(sources: dict[str, Path], notebooks: Iterable[str]) -> PageLinks:
    """Read the target labels of every page (``docname -> source``) for :class:`PageLinks`."""
    labels: dict[str, str] = {}
    titles: dict[str, str] = {}
    for doc, path in sources.items():
        text = path.read_text(encoding="utf-8")
        for label, heading in _TARGET_LABEL.findall(text):
            labels.setdefault(label, doc)
            if heading:
                titles.setdefault(label, heading)
        first = _FIRST_HEADING.search(text)
        if first:
            titles[doc] = first.group(1)
    return PageLinks(labels=labels, notebooks=frozenset(notebooks), titles=titles)


def _role(
    match: re.Match, doc: str | None = None, links: PageLinks | None = None, passages: list[str] | None = None
) -> str:
    role, body = match.group(1), match.group(2)
    if role == "cite-passage":
        return _cite_passage(body, passages)
    if role.startswith("cite"):
        labels = citation_labels()
        return "(" + " ; ".join(labels.get(k.strip(), k.strip()) for k in body.split(",")) + ")"
    if role == "hors-sources":
        return f"{body} *{MARK}*"
    explicit = re.match(r"^(.*?)\s*<([^>]+)>$", body)
    text, target = (explicit.group(1), explicit.group(2)) if explicit else (body, body)
    if not explicit and role in ("ref", "doc") and doc is not None and links is not None:
        text = links.text(role, target.strip(), doc)
    if role in ("ref", "doc") and doc is not None and links is not None:
        href = links.href(role, target.strip(), doc)
        if href:
            return f"[{text}]({href})"
    return text


def _cite_passage(body: str, passages: list[str] | None) -> str:
    parsed = split_passage(body)
    if parsed is None:
        return body
    key, locator = parsed
    label = citation_labels().get(key, key)
    found = passage(key, locator)
    if found is not None and passages is not None:
        passages.append(passage_details(found, label))
    return f"({label})"


def passage_details(p: Passage, label: str) -> str:
    """A native ``<details>`` holding a seed passage (one line of HTML: a CommonMark HTML block)."""
    esc = html.escape
    return (
        f'<details class="pacte-evidence"><summary>Passage de la source\u00a0: {esc(label)}, '
        f"«\u00a0{esc(p.phrase)}\u00a0»</summary><p><em>{esc(place(p))}</em></p>"
        f"<blockquote><p>{esc(p.before)} <mark>{esc(p.phrase)}</mark> {esc(p.after)}</p></blockquote></details>"
    )


def _with_passages(block: str, doc: str | None, links: PageLinks | None) -> str:
    passages: list[str] = []
    out = _ROLE.sub(lambda match: _role(match, doc, links, passages), block)
    if not passages:
        return out
    quoted = out.lstrip().startswith(">")  # inside an admonition: the passages stay in its box
    extra = [("> " if quoted else "") + item for item in passages]
    return out + ("\n>\n" if quoted else "\n\n") + ("\n>\n" if quoted else "\n\n").join(extra)


def _directives(text: str) -> str:
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        fence, name, title = m.group(1), m.group(2), m.group(3).strip()
        body: list[str] = []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            if not re.match(r"^:[\w-]+:", lines[i]):
                body.append(lines[i])
            i += 1
        i += 1
        if name in ("bibliography", "glossary", "tableofcontents", "code-cell"):
            continue
        inner = _directives("\n".join(body))
        heading = title or {"note": "Note", "tip": "Conseil", "warning": "Attention"}.get(name, "")
        quoted = ([f"> **{heading}**", ">"] if heading else []) + [f"> {line}".rstrip() for line in inner.split("\n")]
        out.extend(quoted)
    return "\n".join(out)


def myst_to_commonmark(text: str, doc: str | None = None, links: PageLinks | None = None) -> str:
    """Replace MyST roles, labels and directives by plain CommonMark.

    Given the page's ``doc`` name and the course's ``links``, a ``{ref}`` or
    ``{doc}`` to a page with a notebook becomes a link to that notebook, so that
    it works in Voilà and JupyterLab; other roles become their text.
    """
    text = expand_facts(_LABEL.sub("", text))
    text = _directives(text)
    return "\n\n".join(_with_passages(block, doc, links) for block in text.split("\n\n"))
