"""French grammar, spelling and typography of the built book, read by Grammalecte.

Debian's ``grammalecte-cli`` (2.1.2) reads, in one run, the text a reader sees
on every page of ``_build/html`` (:func:`pacte.site.reader_text.page_paragraphs`:
titles, headings, paragraphs, list items, table cells, captions and the
strings of the widgets). A finding is reported as
``page: rule: underlined text (context)``, unless

* it is a spelling finding on a word of the project word list
  (``pacte/course/mots_du_cours.txt``: proper nouns, acronyms, course terms),
  shared with the hunspell check of :mod:`pacte.course.spelling`;
* its rule is one of :data:`RULE_EXCEPTIONS`, each with its reason.

Run it with ``pacte typo --grammar`` (or ``python -m pacte.site.grammar``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pacte.course.spelling import WORD_LIST
from pacte.site.reader_text import CODE_WORD, page_paragraphs

GRAMMALECTE = "grammalecte-cli"

# Rule exceptions: (rule id pattern, pattern of the message or of the context, or "" for any, reason).
RULE_EXCEPTIONS: list[tuple[str, str, str]] = [
    # Acronyms (ARS, CNAM, CCP, CLIC, PACTE…) and inline code are invariable and take the gender of
    # what they stand for (« la CNAM », Caisse nationale): Grammalecte guesses masculine singular.
    (r"^(g3__gn_|gv1__ppas_|gv2__conj_)", r"[«“][^»”]*\b[A-Z]{2,}\b[^»”]*[»”]", "acronym"),
    # Items of a list continue the sentence that introduces the list, in lower case.
    (r"^majuscule_début_paragraphe", "", "list item"),
    # Style advice on deliberate terms: « Étape intermédiaire » is a category of the DGOS census,
    # « étapes successives » the view the text refutes.
    (r"^g2__pleo_", "", "style"),
    # Postal codes (« Libre réponse 71120, 75342 Paris CEDEX 07 ») are written without spaces.
    (r"^num_grand_nombre_soudé", r"CEDEX|Libre réponse", "postal code"),
    # Verbatim quote of the FFMPS note (« de 10 à 80.000 »), which the text then reads.
    (r"^num_grand_nombre_avec_points", r"80\.000", "quote"),
    # The theme's search page titles itself « Recherche - … » (template, not course text).
    (r"^typo_tiret_incise", r"^Recherche - ", "theme"),
]

# Correct phrases Grammalecte misreads (any rule): (phrase of the context, why it is right).
FALSE_POSITIVES: list[tuple[str, str]] = [
    ("ex ante", "Latin locution, without a hyphen"),
    ("ar ou avec", "two prepositions, not « où »"),
    ("n’est pas exercer", "infinitive as attribute: « se regrouper n’est pas exercer »"),
    ("et al.,", "the point of an abbreviation before a comma"),
    ("de de Haas", "the author's name is « de Haas »"),
    ("Pacte territoire santé", "name of a 2012 plan of the State"),
    ("art. 51", "abbreviation of « article 51 »"),
    ("Dimensions logistique", "each adjective qualifies one dimension"),
    ("documents sources", "apposed noun"),
    ("version formateur", "apposed noun"),
    ("Version formateur", "apposed noun"),
    ("Côté patients", "« côté » + noun, invariable"),
    ("La coordination, moyen", "apposition"),
    ("Le territoire, nouvelle échelle", "apposition"),
    ("façons de faire éprouvées", "« éprouvées » qualifies « façons »"),
    ("s’autoévaluant", "« s’autoévaluer », 1990 spelling"),
    ("Le protocole de suivi des anticoagulants que l’équipe a ajusté", "the direct object is « le protocole »"),
    ("conflit de pouvoir » cité", "« pouvoir » is a noun here"),
    ("finissent par se la poser", "pronominal verb « se poser la question »"),
    ("Fournier le place", "« le » is a pronoun"),
    ("reste à charge minimal", "« reste à charge » is a noun"),
    ("points par professionnel non vérifiés", "« vérifiés » qualifies « points »"),
    ("d’efforts seule", "« seule » is the coordinator"),
    ("mais toujours seule", "« seule » is the coordinator"),
    ("(2019) cités", "« cités » qualifies « travaux »"),
    ("moitié des 964", "article, not « dès »"),
    ("2010-2014 donnée", "« donnée » qualifies « période »"),
    ("à l’installation votées", "« votées » qualifies « mesures »"),
    ("appel à projets national", "« national » qualifies « appel »"),
    ("diapositive « Principales", "title of a slide, quoted"),
    ("affiche « indicatif »", "the label the simulator shows, quoted"),
    ("lignes anglaise et suédoise", "each adjective qualifies one line"),
    ("d’une « instrument constituency »", "English term, feminine as « une clientèle »"),
    ("par le bas » décrite", "« décrite » qualifies « professionnalisation »"),
]


@dataclass(frozen=True)
class Finding:
    """One Grammalecte finding in the built book."""

    page: str
    rule: str
    underlined: str
    context: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule}: « {self.underlined} » ({self.context}) — {self.message}"


def grammalecte_available() -> bool:
    """True when Debian's ``grammalecte-cli`` is installed."""
    return shutil.which(GRAMMALECTE) is not None


def allowed_words(word_list: Path = WORD_LIST) -> set[str]:
    """The project's words (proper nouns, acronyms, course terms), one a line."""
    return {w.strip() for w in word_list.read_text(encoding="utf-8").splitlines() if w.strip()}


_QUOTED = re.compile(r"«\s?$")


def excepted(rule: str, message: str, before: str, underlined: str, after: str) -> bool:
    """True when a grammar finding falls under :data:`RULE_EXCEPTIONS` or :data:`FALSE_POSITIVES`.

    A word quoted as a label or a name (« article 51 », « désert médical ») keeps its form: agreement
    findings on the first quoted word are left out too.
    """
    context = (before + underlined + after).replace("\u00a0", " ").replace("\u202f", " ")
    if underlined == CODE_WORD or any(phrase in context for phrase, _ in FALSE_POSITIVES):
        return True
    if re.match(r"^(g3__gn_|gv1__ppas_|gv2__conj_)", rule) and _QUOTED.search(before):
        return True
    return any(
        re.search(rule_pattern, rule) and (not text or re.search(text, message) or re.search(text, context))
        for rule_pattern, text, _ in RULE_EXCEPTIONS
    )


def _grammalecte(lines: list[str]) -> list[dict]:
    """Run Grammalecte once over ``lines`` (one paragraph a line); its JSON paragraphs."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as tmp:
        tmp.write("\n".join(lines) + "\n")
    try:
        proc = subprocess.run([GRAMMALECTE, "-f", tmp.name, "-j", "-ctx"], capture_output=True, text=True, check=True)
    finally:
        Path(tmp.name).unlink()
    return json.loads(proc.stdout)["data"]


def _known(word: str, words: set[str]) -> bool:
    """A word of the project list (also capitalised), a code (« T3 », « L4041-1 »), a symbol or the code placeholder."""
    if word == CODE_WORD or any(c.isdigit() for c in word) or not any(c.isalpha() for c in word):
        return True
    variants = {word, word.replace("’", "'"), word[:1].lower() + word[1:], word[:1].upper() + word[1:]}
    return bool(variants & words)


def check_texts(texts: list[tuple[str, str]], words: set[str] | None = None) -> list[Finding]:
    """Findings of Grammalecte on (place, paragraph) pairs, allowlist and rule exceptions applied."""
    words = allowed_words() if words is None else words
    places: dict[str, list[str]] = {}
    for place, text in texts:
        places.setdefault(text.replace("\n", " "), []).append(place)
    lines = list(places)
    if not lines:
        return []
    findings: list[Finding] = []
    for para in _grammalecte(lines):
        line = lines[para["iParagraph"] - 1]
        where = places[line][0] + (f" (+{len(places[line]) - 1})" if len(places[line]) > 1 else "")
        for err in para.get("lGrammarErrors", []):
            before, after = err.get("sBefore", ""), err.get("sAfter", "")
            if excepted(err["sRuleId"], err["sMessage"], before, err["sUnderlined"], after):
                continue
            context = (before[-30:] + "[" + err["sUnderlined"] + "]" + after[:30]).strip()
            findings.append(Finding(where, err["sRuleId"], err["sUnderlined"], context, err["sMessage"]))
        for err in para.get("lSpellingErrors", []):
            word = err["sValue"]
            start, end = err["nStart"], err["nEnd"]
            if _known(word, words) or line[start - 1 : start] in ("·", "•"):  # coordinateur·rice
                continue
            context = line[max(0, start - 30) : start] + "[" + word + "]" + line[end : end + 30]
            findings.append(Finding(where, "orthographe", word, context, "mot inconnu"))
    return findings


def built_pages(built: Path) -> list[Path]:
    """The HTML pages of the built book (not the static files nor the sources)."""
    return sorted(p for p in built.rglob("*.html") if "_static" not in p.parts and "_sources" not in p.parts)


def check_book(built: Path) -> list[Finding]:
    """Grammalecte's findings over every page of the built book ``built`` (``_build/html``)."""
    texts = []
    for page in built_pages(built):
        name = str(page.relative_to(built))
        texts += [(f"{name} [{where}]", text) for where, text in page_paragraphs(page.read_text(encoding="utf-8"))]
    return check_texts(texts)


def summary(findings: list[Finding]) -> str:
    """Number of findings by rule, most frequent first."""
    counts = Counter(f.rule for f in findings)
    return "\n".join(f"{n:5d} {rule}" for rule, n in counts.most_common())


def main(argv: list[str] | None = None) -> int:
    """Print the findings over ``_build/html`` (``--summary``: counts by rule only)."""
    from pacte.course.paths import course_root

    argv = sys.argv[1:] if argv is None else argv
    findings = check_book(course_root() / "_build" / "html")
    if "--summary" not in argv:
        for finding in findings:
            print(finding)
    print(summary(findings))
    print(f"grammalecte\u00a0: {len(findings)} remarque(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
