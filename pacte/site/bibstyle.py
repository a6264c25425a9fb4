"""French bibliography for the book: a pybtex formatting style and a citation label style.

* ``pacte_fr`` (pybtex label style): bibliography labels like the citations;
* ``pacte_fr`` (pybtex formatting style, for ``bibtex_default_style``): « et »
  between names, « (dir.) » after editors, « Dans : » before the book of a
  chapter, entries sorted by author, year and title;
* ``pacte_author_year`` (sphinxcontrib-bibtex referencing style, for
  ``bibtex_reference_style``): labels « [Bergeron et Moyal, 2018] »,
  « [de Haas, 2018] » (name particles kept), « et al. » beyond two names,
  and for a document without author or editor its ``shorttitle`` (else its
  title) in italics: « [Coordination des soins, 2025] ».

:func:`register` installs both under these names; the Sphinx extension calls
it. :func:`pacte.course.citations.short_label` gives the same label as plain text, for widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pybtex.richtext import BaseText, Tag, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.template import (
    field as bib_field,
)
from pybtex.style.template import (
    first_of,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)
from pybtex.style.template import (
    names as bib_names,
)

from pacte.course.citations import short_label

FORMATTING_STYLE = "pacte_fr"
LABEL_STYLE = "pacte_fr"
REFERENCE_STYLE = "pacte_author_year"


class FrenchLabelStyle(BaseLabelStyle):
    """pybtex label style: « Bergeron et Moyal, 2018 » instead of a number (same as the citations)."""

    def format_labels(self, sorted_entries):
        seen: dict[str, int] = {}
        for entry in sorted_entries:
            label = short_label(entry)
            seen[label] = seen.get(label, 0) + 1
            yield label if seen[label] == 1 else f"{label} ({seen[label]})"


class FrenchStyle(UnsrtStyle):
    """pybtex formatting style with French conjunctions and editor marks."""

    default_sorting_style = "author_year_title"
    default_label_style = LABEL_STYLE

    def format_names(self, role, as_sentence=True):
        formatted = bib_names(role, sep=", ", sep2=" et ", last_sep=" et ")
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        result = join(sep=" ")[editors, "(dir.)"]
        return sentence[result] if as_sentence else result

    def get_incollection_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                "Dans :",
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    self.format_chapter_and_pages(e),
                ],
            ],
            sentence[
                optional_field("publisher"),
                optional_field("address"),
                self.format_edition(e),
                bib_field("year"),
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


def _reference_classes():
    from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
    from sphinxcontrib.bibtex.style.template import names as sc_names

    @node
    def author_or_editor_or_short_title(children, data, **kwargs):
        assert not children
        return first_of[
            optional[sc_names("author", **kwargs)],
            optional[sc_names("editor", **kwargs)],
            tag("em")[first_of[optional_field("shorttitle"), bib_field("title")]],
        ].format_data(data)

    @dataclass
    class FrenchPersonStyle(PersonStyle):
        """Person names in citation labels, joined the French way."""

        sep2: BaseText | str | None = " et "
        last_sep: BaseText | str | None = " et "
        other: BaseText | str | None = field(default_factory=lambda: Text(" ", Tag("em", "et al.")))

        def author_or_editor_or_title(self, full: bool):
            return author_or_editor_or_short_title(
                sep=self.sep, sep2=self.sep2, last_sep=self.last_sep, other=None if full else self.other
            )

    @dataclass
    class FrenchAuthorYearReferenceStyle(AuthorYearReferenceStyle):
        """Author-year citation labels in French."""

        person: PersonStyle = field(default_factory=FrenchPersonStyle)
        bracket_parenthetical: BracketStyle = field(default_factory=lambda: BracketStyle(sep=" ; "))
        bracket_textual: BracketStyle = field(default_factory=lambda: BracketStyle(sep=" ; "))

    return FrenchPersonStyle, FrenchAuthorYearReferenceStyle


def register() -> None:
    """Register the formatting and referencing styles (idempotent)."""
    import pybtex.plugin
    from sphinxcontrib.bibtex.plugin import register_plugin

    pybtex.plugin.register_plugin("pybtex.style.labels", LABEL_STYLE, FrenchLabelStyle, force=True)
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_STYLE, FrenchStyle, force=True)
    _, reference_style = _reference_classes()
    register_plugin("sphinxcontrib.bibtex.style.referencing", REFERENCE_STYLE, reference_style, force=True)
