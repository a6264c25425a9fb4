"""The ``{cite-passage}`` role: a citation of a seed that opens its passage.

``{cite-passage}`exact phrase <schweyer2025>``` renders as the book's usual
citation « (Schweyer, 2025) » (sphinxcontrib-bibtex's ``cite`` role, linked to
the bibliography) followed by a button « passage » that shows or hides a
region holding a few lines of the seed around the phrase, with the
document's name and place. The passage is embedded in the page (no request);
``widgets/static/evidence.js`` toggles it (``aria-expanded``, ``hidden``) and
``print.css`` prints it as a note in the PDF handouts. Voilà and JupyterLab
get a native ``<details>`` from :mod:`pacte.site.voila_export`.
"""

from __future__ import annotations

import html

from docutils import nodes
from docutils.parsers.rst import roles
from sphinx.application import Sphinx

from pacte.course.citations import citation_labels
from pacte.course.evidence import Passage, passage, place, split_passage
from pacte.course.facts import expand_facts

SHOW_LABEL = "passage"
REGION_LABEL = "Passage de la source"


def passage_html(p: Passage, region_id: str, label: str) -> str:
    """The button and the hidden region of one passage (HTML, inline: it may sit inside a paragraph)."""
    esc = html.escape
    return (
        '<span class="pacte-evidence">'
        f'<button type="button" class="pacte-evidence-toggle" data-pacte-evidence aria-expanded="false" '
        f'aria-controls="{region_id}" aria-label="Voir le passage cité de {esc(label)}">'
        f'<span aria-hidden="true">▸ </span>{SHOW_LABEL}</button>'
        f'<span class="pacte-evidence-passage" id="{region_id}" role="region" '
        f'aria-label="{REGION_LABEL} ({esc(label)})" hidden>'
        f'<span class="pacte-evidence-place">{REGION_LABEL}\u00a0: {esc(place(p))}</span>'
        f'<q class="pacte-evidence-text">{esc(p.before)} <mark>{esc(p.phrase)}</mark> {esc(p.after)}</q>'
        "</span></span>"
    )


def cite_passage_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """Return the bibliography citation of the key, then the passage's button and region."""
    parsed = split_passage(text)
    if parsed is None:
        msg = inliner.reporter.error(f"{{cite-passage}} needs `exact phrase <key>`: {text!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    key, locator = parsed
    found = passage(key, locator)
    if found is None:
        msg = inliner.reporter.error(
            f"{{cite-passage}}: locator not found in the seed of {key!r}: {locator!r}", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    cite, _ = roles.role("cite", inliner.language, lineno, inliner.reporter)
    cite_nodes, messages = cite("cite", f":cite:`{key}`", key, lineno, inliner, {}, [])
    document = inliner.document
    number = getattr(document, "pacte_evidence_count", 0) + 1
    document.pacte_evidence_count = number
    label = citation_labels().get(key, key)
    raw = nodes.raw("", passage_html(found, f"pacte-passage-{number}", label), format="html")
    return [*cite_nodes, raw], messages


def _expand_facts(app: Sphinx, docname: str, source: list[str]) -> None:
    if "{fact}" in source[0]:
        source[0] = expand_facts(source[0])


def setup(app: Sphinx) -> dict:
    """Register ``{cite-passage}``, the ``{fact}`` expansion and the script that opens the passages."""
    app.add_role("cite-passage", cite_passage_role)
    app.connect("source-read", _expand_facts)  # {fact}`id`: datasets/facts/, statement + its citations
    app.add_js_file("evidence.js", type="module")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
