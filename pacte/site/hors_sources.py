"""The ``{hors-sources}`` role: a sentence the five seed documents do not support.

The course's own advice or an outside fact is written
``{hors-sources}`Mieux vaut commencer par deux missions.``` and rendered as
the sentence followed by a visible text mark (not colour alone), so that a
learner never reads the course's advice as a source's finding. Voilà and
JupyterLab get the same text from :mod:`pacte.site.voila_export`.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

# One line, read aloud by screen readers and printed in the PDF handouts.
MARK = "[hors sources\u00a0: ajout du cours, qu’aucun des documents sources n’énonce]"


def hors_sources_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """Return the marked text: the sentence, then the mark in emphasis."""
    node = nodes.inline(rawtext, "", classes=["pacte-hors-sources"])
    node += nodes.Text(text + " ")
    node += nodes.emphasis(MARK, MARK, classes=["pacte-hors-sources-mark"])
    return [node], []


def setup(app: Sphinx) -> dict:
    """Register ``{hors-sources}``."""
    app.add_role("hors-sources", hors_sources_role)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
