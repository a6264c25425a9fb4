"""Turn a page's MyST Markdown into CommonMark for Voilà and JupyterLab.

Voilà and JupyterLab render Markdown cells with a CommonMark renderer that
knows nothing of MyST roles and directives; without this step a learner would
read ``{cite}`schweyer2025``` instead of « (Schweyer, 2025) ».
"""

from __future__ import annotations

import re

from pacte.course.citations import citation_labels
from pacte.site.hors_sources import MARK

_ROLE = re.compile(r"\{(cite|cite:p|cite:t|term|ref|doc|numref|hors-sources)\}`([^`]+)`")
_LABEL = re.compile(r"^\([\w:-]+\)=\s*$", re.M)
_FENCE_OPEN = re.compile(r"^(`{3,}|:{3,})\{([\w:-]+)\}\s*(.*)$")


def _role(match: re.Match) -> str:
    role, body = match.group(1), match.group(2)
    if role.startswith("cite"):
        labels = citation_labels()
        return "(" + " ; ".join(labels.get(k.strip(), k.strip()) for k in body.split(",")) + ")"
    if role == "hors-sources":
        return f"{body} *{MARK}*"
    text = re.match(r"^(.*?)\s*<[^>]+>$", body)
    return text.group(1) if text else body


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


def myst_to_commonmark(text: str) -> str:
    """Replace MyST roles, labels and directives by plain CommonMark."""
    text = _LABEL.sub("", text)
    text = _directives(text)
    return _ROLE.sub(_role, text)
