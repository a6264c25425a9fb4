"""French grammar of the built book, read by Grammalecte (Debian's grammalecte-cli, `scripts/install.sh --test`).

The text read is what a reader sees (title, headings, paragraphs, lists, tables,
widget strings); proper nouns and acronyms are in `pacte/course/mots_du_cours.txt`,
rule exceptions and misread phrases in `pacte/site/grammar.py`, each with its reason.
Run it by hand with `pacte typo --grammar`.
"""

from __future__ import annotations

import json

import pytest
from conftest import _missing
from markupsafe import Markup

from pacte.course.typography import NBSP, french
from pacte.site.grammar import FALSE_POSITIVES, RULE_EXCEPTIONS, check_book, check_texts, grammalecte_available
from pacte.site.reader_text import CODE_WORD, page_paragraphs
from pacte.site.typography import _page_context


@pytest.fixture(scope="module")
def grammalecte():
    if not grammalecte_available():
        _missing("grammalecte-cli is not installed: run scripts/install.sh --test")


def test_reader_text_joins_inline_text_and_drops_citations():
    state = json.dumps({"title": "Quiz : la page", "id": "x y", "questions": [{"prompt": "Voir `a.py` ici"}]})
    page = (
        "<html><head><title>Une page — Le cours</title></head><body><nav><p>Menu</p></nav>"
        "<article><h1>Titre<a class='headerlink'>#</a></h1>"
        "<p>Voir <a href='x'>la page</a>, puis <em>ici</em> "
        "<span class='bibtex-citation'>[<a>Auteur, 2020</a>]</span>.</p>"
        "<p>Le séminaire complet\u00a0: <span class='bibtex-citation'>[X, 2018]</span>.</p>"
        "<p>des hôpitaux… <span class='bibtex-citation'>[X, 2025]</span>. Ils</p>"
        "<ul><li>un fichier (<code>a.pdf</code>)</li></ul><pre>code</pre>"
        f"<div class='pacte-widget'><script type='application/json'>{state}</script></div>"
        "</article><footer><p>Pied</p></footer></body></html>"
    )
    assert page_paragraphs(page) == [
        ("texte", "Une page — Le cours"),
        ("texte", "Titre"),
        ("texte", "Voir la page, puis ici."),
        ("texte", "Le séminaire complet."),
        ("texte", "des hôpitaux… Ils"),
        ("texte", f"un fichier ({CODE_WORD})"),
        ("widget", "Quiz : la page"),
        ("widget", f"Voir {CODE_WORD} ici"),
    ]


def test_units_and_ordinals_get_french_typography():
    assert french("lecture 10 min, 40 ans, 1,5 heure, 1,7 s, 8 Kio") == (
        f"lecture 10{NBSP}min, 40{NBSP}ans, 1,5{NBSP}heure, 1,7{NBSP}s, 8{NBSP}Kio"
    )
    assert french("au 1er janvier, la 1re fois, en 2012 les 3 s’ajoutent") == (
        "au 1ᵉʳ janvier, la 1ʳᵉ fois, en 2012 les 3 s’ajoutent"
    )


def test_html_title_gets_french_typography():
    context = {"title": "Mode d’emploi : Binder", "next": {"title": "Qui ? Où ?"}, "parents": []}
    _page_context(None, "p", "page.html", context, None)
    # as references: the template's `title|striptags` turns no-break space characters into spaces
    assert context["title"] == "Mode d’emploi&#160;: Binder"
    assert Markup(context["title"]).striptags() == f"Mode d’emploi{NBSP}: Binder"
    assert context["next"]["title"] == "Qui&#8239;? Où&#8239;?"


def test_every_exception_has_a_reason():
    assert all(reason for *_, reason in RULE_EXCEPTIONS) and all(reason for _, reason in FALSE_POSITIVES)
    assert len(RULE_EXCEPTIONS) <= 10


def test_a_real_error_is_found_and_the_word_list_is_used(grammalecte):
    found = check_texts(
        [("p1", "Les coordinateur sont là."), ("p2", "Selon Schweyer, la coordinnation avance.")],
        words={"Schweyer"},
    )
    assert [(f.page, f.rule.startswith("g3__gn_"), f.underlined) for f in found if f.page == "p1"] == [
        ("p1", True, "coordinateur")
    ]
    assert [(f.rule, f.underlined) for f in found if f.page == "p2"] == [("orthographe", "coordinnation")]
    assert not check_texts([("p", "Selon la CNAM, l’ARS est créée en 2009.")], words=set())


@pytest.mark.slow  # Grammalecte reads the whole book: a few minutes on a loaded machine
def test_built_book_has_no_grammar_finding(grammalecte, built_book):
    findings = [str(f) for f in check_book(built_book)]
    assert not findings, f"{len(findings)} Grammalecte findings in the built book:\n" + "\n".join(findings[:80])
