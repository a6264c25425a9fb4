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
from pacte.site.reader_text import page_paragraphs

GRAMMALECTE = "grammalecte-cli"

# Rules turned off, each for a reason (prefixes of Grammalecte's sRuleId).
RULE_EXCEPTIONS: dict[str, str] = {}


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


def _excepted(rule: str) -> bool:
    return any(rule.startswith(prefix) for prefix in RULE_EXCEPTIONS)


def _grammalecte(lines: list[str]) -> list[dict]:
    """Run Grammalecte once over ``lines`` (one paragraph a line); its JSON paragraphs."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as tmp:
        tmp.write("\n".join(lines) + "\n")
    try:
        proc = subprocess.run(
            [GRAMMALECTE, "-f", tmp.name, "-j", "-ctx"], capture_output=True, text=True, check=True
        )
    finally:
        Path(tmp.name).unlink()
    return json.loads(proc.stdout)["data"]


_INCLUSIVE = re.compile(r"^[\w’'-]+[·•]")


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
            if _excepted(err["sRuleId"]):
                continue
            context = (err.get("sBefore", "")[-30:] + "[" + err["sUnderlined"] + "]" + err.get("sAfter", "")[:30]).strip()
            findings.append(Finding(where, err["sRuleId"], err["sUnderlined"], context, err["sMessage"]))
        for err in para.get("lSpellingErrors", []):
            word = err["sValue"]
            if word in words or word.replace("’", "'") in words or _INCLUSIVE.match(word):
                continue
            start, end = err["nStart"], err["nEnd"]
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
