"""The text a reader sees on a built page, one paragraph per block, for a grammar checker.

:func:`page_paragraphs` returns the page's ``<title>``, then the headings,
paragraphs, list items, table cells and captions of its article, then the
prose strings of its widgets (the JSON state each widget embeds, built from
the ``datasets/`` YAML). Inline elements are joined without separator (no
space before a comma after a link), citations and footnote labels are
dropped with the spaces they leave, code and math are skipped, whitespace is
collapsed; inline code is read as the word :data:`CODE_WORD`.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

_HIDDEN_TAGS = {"script", "style", "code", "pre", "kbd", "samp", "math", "svg", "noscript", "template", "button"}
# Citations « [Auteur, 2020] », footnote labels, permalinks, code cells, launch buttons, icons
_HIDDEN_CLASSES = {
    "bibtex-citation",
    "footnote-reference",
    "fn-bracket",
    "highlight",
    "math",
    "cell_input",
    "headerlink",
    "pacte-launch",
    "label",
    # Passages quoted from the seeds ({cite-passage}): the sources' own wording and line breaks, not ours.
    "pacte-evidence",
}
_BLOCK = {
    "title",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "td",
    "th",
    "caption",
    "figcaption",
    "dt",
    "dd",
    "div",
    "section",
    "blockquote",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "aside",
    "nav",
    "summary",
    "details",
    "br",
    "hr",
    "footer",
    "header",
    "figure",
}
# Inline code is read as one invariable word, so that « (`x.pdf`) » does not leave « () » behind
_CODE_TAGS = {"code", "kbd", "samp"}
CODE_WORD = "CODE"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SPACES = re.compile(r"[ \t\r\n\f]+")
_SPACE_BEFORE_MARK = re.compile(r" +(?=[,.)\u00a0\u202f]|$)")
_CUT = "\x00"  # where a citation was dropped
# « des hôpitaux… [citation]. », « Le séminaire complet : [citation]. »: the point after the citation goes too
_CITED_END = re.compile(
    r"(?<=[…?!])[ \u00a0\u202f]*\x00[ \u00a0\u202f]*\.|[ \u00a0\u202f]*[:;][ \u00a0\u202f]*\x00(?=[ \u00a0\u202f]*\.)"
)
_MARKUP = re.compile(r"<[^>]+>|\*\*|__")
_CODE_LIKE = re.compile(r"`[^`]*`|\b[\w-]+(?:/[\w.-]+)+\.\w+\b")  # `code`, datasets/x/y.csv


def clean(text: str) -> str:
    """Collapse whitespace and drop the spaces a removed citation leaves before punctuation."""
    text = _CITED_END.sub("", text).replace(_CUT, "")
    text = _SPACES.sub(" ", text).strip()
    return _SPACE_BEFORE_MARK.sub("", text).strip()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden)
        self.depth_article = 0
        self.in_title = False
        self.buffer: list[str] = []
        self.paragraphs: list[str] = []
        self.states: list[str] = []
        self._json = False

    def _flush(self) -> None:
        text = clean("".join(self.buffer))
        self.buffer = []
        if text:
            self.paragraphs.append(text)

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _reading(self) -> bool:
        return (self.depth_article > 0 or self.in_title) and not self._hidden()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/json" and self.depth_article:
            self._json = True
        if tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        classes = set((attrs.get("class") or "").split())
        hidden = tag in _HIDDEN_TAGS or bool(classes & _HIDDEN_CLASSES) or self._hidden()
        if hidden and tag not in _CODE_TAGS and not self._hidden() and self.buffer:
            self.buffer[-1] = self.buffer[-1].rstrip(" \t\n")
            if "bibtex-citation" in classes:
                self.buffer.append(_CUT)
        if tag in _CODE_TAGS and self._reading():
            self.buffer.append(CODE_WORD)
        self.stack.append((tag, hidden))
        if tag == "article":
            self.depth_article += 1
        if tag == "title":
            self.in_title = True

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if tag in _BLOCK:
            self._flush()
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "article":
            self.depth_article = max(0, self.depth_article - 1)
        if tag == "title":
            self.in_title = False
        self._json = False

    def handle_data(self, data):
        if self._json:
            self.states.append(data)
        elif self._reading():
            self.buffer.append(data)


def state_strings(value, key=None):
    """Yield the prose strings of a widget state (keys of :data:`SKIP_KEYS` and ``_…`` left out)."""
    from pacte.course.typography import SKIP_KEYS

    if key in SKIP_KEYS or (isinstance(key, str) and (key.startswith("_") or key.startswith("kernel_"))):
        return
    if isinstance(value, str):
        if " " in value.strip():
            yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from state_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from state_strings(v, key)


def page_paragraphs(html_text: str) -> list[tuple[str, str]]:
    """(where, text) of every reader-visible paragraph of a built page: « texte » or « widget »."""
    reader = _Reader()
    reader.feed(html_text)
    reader.close()
    reader._flush()
    out = [("texte", p) for p in reader.paragraphs]
    for raw in reader.states:
        try:
            state = json.loads(raw)
        except ValueError:
            continue
        for text in state_strings(state):
            for line in text.split("\n"):
                line = clean(_CODE_LIKE.sub(CODE_WORD, _MARKUP.sub("", line)))
                if line:
                    out.append(("widget", line))
    return out
