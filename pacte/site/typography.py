"""French typography of every page, applied once in the build.

A docutils transform (read phase, so that titles, the navigation and the
search index get it too) and a ``doctree-resolved`` pass (for text that only
exists after references are resolved: citation labels, glossary terms,
bibliography entries) apply :func:`pacte.course.typography.french` to every
text node the reader sees; code, literals, math and raw HTML are left alone.

Docutils' smart quotes are limited to dashes and ellipses
(``smartquotes_action = "De"``): with quotes on, the apostrophe of
``l'{term}`EHESP``` sat at the end of a text node before a role and was turned
into a closing double quote (« l”EHESP »). The apostrophe is now set by
:func:`french`, which sees it between two letters.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from docutils.transforms import Transform
from sphinx.application import Sphinx

from pacte.course.typography import APOSTROPHE, french

_SKIP = (
    nodes.FixedTextElement,
    nodes.literal,
    nodes.raw,
    nodes.math,
    nodes.math_block,
    nodes.comment,
    nodes.substitution_definition,
    nodes.target,
)


def _skipped(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _SKIP):
            return True
        classes = parent.get("classes", []) if isinstance(parent, nodes.Element) else []
        if "highlight" in classes or "cell_input" in classes:
            return True
        parent = parent.parent
    return False


def _join_apostrophes(doctree: nodes.Node) -> None:
    """A straight apostrophe ending a text node right before an inline element (l'{term}`X`) is elided."""
    for text in list(doctree.findall(nodes.Text)):
        value = str(text)
        if value.endswith("'") and len(value) > 1 and value[-2].isalpha() and not _skipped(text):
            parent = text.parent
            index = parent.index(text)
            if index + 1 < len(parent.children) and isinstance(parent.children[index + 1], nodes.Inline):
                parent.replace(text, nodes.Text(value[:-1] + APOSTROPHE))


_TAG_OR_HIDDEN = re.compile(r"<(script|style|pre|code|textarea|svg|math)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def french_html(markup: str) -> str:
    """Apply :func:`french` to the text between the tags of an HTML fragment (cell outputs).

    Tags, attributes, scripts (widget states are fixed by the widget helper),
    styles and code are kept as they are; entities are decoded and re-escaped.
    """
    out, last = [], 0
    for m in _TAG_OR_HIDDEN.finditer(markup):
        out.append(_french_text_html(markup[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_french_text_html(markup[last:]))
    return "".join(out)


def _french_text_html(segment: str) -> str:
    if not segment.strip():
        return segment
    text = html.unescape(segment)
    fixed = french(text)
    return segment if fixed == text else html.escape(fixed, quote=False)


def apply_typography(doctree: nodes.Node) -> None:
    """Apply French typography to every reader-visible text node of ``doctree``."""
    for raw in list(doctree.findall(nodes.raw)):
        if "html" in raw.get("format", "").split() and not _skipped(raw):
            value = raw.astext()
            fixed = french_html(value)
            if fixed != value:
                raw.children = []
                raw += nodes.Text(fixed)
    _join_apostrophes(doctree)
    for text in list(doctree.findall(nodes.Text)):
        if text.parent is None or _skipped(text):
            continue
        value = str(text)
        fixed = french(value)
        if fixed != value:
            text.parent.replace(text, nodes.Text(fixed))


class FrenchTypography(Transform):
    """Read-phase transform (after smart quotes, before titles are collected)."""

    default_priority = 760

    def apply(self, **kwargs) -> None:
        apply_typography(self.document)


def _resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    apply_typography(doctree)


def _html_title(markup: str) -> str:
    """:func:`french_html` with the non-breaking spaces as character references.

    The ``<title>`` is written as ``title|striptags``, which joins whitespace (no-break spaces
    included) into plain spaces before it decodes the references.
    """
    return french_html(markup).replace("\u00a0", "&#160;").replace("\u202f", "&#8239;")


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The HTML ``<title>`` and the titles of the previous, next and parent pages (collected before the transform)."""
    links = [context.get("prev"), context.get("next"), *(context.get("parents") or [])]
    for holder, key in [(context, "title"), (context, "pagetitle"), *((link, "title") for link in links)]:
        if isinstance(holder, dict) and isinstance(holder.get(key), str):
            holder[key] = _html_title(holder[key])


def _config(app: Sphinx, config) -> None:
    config.smartquotes_action = "De"


def setup(app: Sphinx) -> None:
    """Register the typography transform with Sphinx (called by ``pacte.site.sphinx_ext``)."""
    app.add_transform(FrenchTypography)
    app.connect("config-inited", _config)
    app.connect("doctree-resolved", _resolved, priority=900)
    app.connect("html-page-context", _page_context)


# ---------------------------------------------------------------------------
# Checking a built page: the reader-visible text of its HTML and of its widget states
# ---------------------------------------------------------------------------

import json  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

_HIDDEN_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "math", "svg", "noscript", "template", "head"}
# The seeds' passages ({cite-passage}, class pacte-evidence) keep the sources' own wording: not checked.
_HIDDEN_CLASSES = {"highlight", "math", "cell_input", "headerlink", "pacte-launch", "pacte-evidence"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ReaderText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # True where the element hides its text
        self.texts: list[str] = []
        self.states: list[str] = []
        self._json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/json":
            self._json = True
        if tag in _VOID:
            return
        classes = set((attrs.get("class") or "").split())
        hidden = tag in _HIDDEN_TAGS or bool(classes & _HIDDEN_CLASSES) or (self.stack and self.stack[-1])
        self.stack.append(bool(hidden))

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.stack:
            self.stack.pop()
        self._json = False

    def handle_data(self, data):
        if self._json:
            self.states.append(data)
        elif not (self.stack and self.stack[-1]) and data.strip():
            self.texts.append(data)


def _state_texts(value, key=None):
    from pacte.course.typography import SKIP_KEYS

    if key in SKIP_KEYS or (isinstance(key, str) and (key.startswith("_") or key.startswith("kernel_"))):
        return
    if isinstance(value, str):
        if " " in value or "'" in value:
            yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _state_texts(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _state_texts(v, key)


def page_problems(html_text: str):
    """Yield (where, message, excerpt) for each typography fault in a built page.

    ``where`` is « texte » for the page's visible text, « état du widget [clé] »
    for a string of a widget's JSON state.
    """
    from pacte.course.typography import problems

    parser = _ReaderText()
    parser.feed(html_text)
    for text in parser.texts:
        for _, message, excerpt in problems(text):
            yield "texte", message, excerpt
    for raw in parser.states:
        try:
            state = json.loads(raw)
        except ValueError:
            continue
        for key, text in _state_texts(state):
            for _, message, excerpt in problems(text):
                yield f"état du widget [{key}]", message, excerpt
