"""The ``{hors-sources}`` role: the course's own addition carries a visible text mark."""

from __future__ import annotations

from docutils import nodes

from pacte.site.hors_sources import MARK, hors_sources_role
from pacte.site.voila_export import myst_to_commonmark


def test_role_renders_the_sentence_then_a_text_mark():
    [node], messages = hors_sources_role("hors-sources", "", "Commencez petit.", 1, None)
    assert messages == []
    assert "pacte-hors-sources" in node["classes"]
    assert node.astext() == f"Commencez petit. {MARK}"
    mark = next(node.findall(nodes.emphasis))
    assert mark.astext().startswith("[hors sources")  # words, not colour alone


def test_role_becomes_the_same_text_for_voila():
    out = myst_to_commonmark("Un conseil : {hors-sources}`commencez petit.` Fin.")
    assert out == f"Un conseil : commencez petit. *{MARK}* Fin."
