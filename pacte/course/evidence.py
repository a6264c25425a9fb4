"""Evidence of the pages: each citation of a seed opens the passage it rests on.

A page cites a seed with ``{cite-passage}`exact phrase <key>``` (the docutils
« text <target> » form): ``key`` is a key of ``book/references.bib`` backed by
a seed (``datasets/sources/seeds.yaml``) and ``exact phrase`` a locator, found
verbatim in that seed (in that chapter for the 2018 book), as data rows do.
A plain ``{cite}`` of a seed key is refused by ``pacte check``: it gives no
evidence. ``{cite}`` stays for the other references (laws, reports), which are
not kept beside the course.

:func:`passage` cuts the few lines of the seed around a locator, with the
document's name and place, for the built page (book, Voilà, PDF) to embed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.facts import expand_facts
from pacte.course.locators import CHAPTER_LINES, locator_problem, seed_texts
from pacte.course.paths import prose_pages

# {cite}`a,b`, {cite:p}`a`, {cite-passage}`phrase <key>`, {hors-sources}`…`
_ROLE = re.compile(r"\{(cite(?::[pt])?|cite-passage|hors-sources)\}`([^`]*)`")
_PASSAGE_BODY = re.compile(r"^(.*\S)\s*<([^<>]+)>$", re.S)
CONTEXT_LINES = 2  # non-empty lines of the seed shown before and after the phrase
MAX_PASSAGE_CHARS = 700


@dataclass(frozen=True)
class Citation:
    """One citation role of a page: its 1-based line, the role, the key and the locator (if any)."""

    line: int
    role: str
    key: str
    locator: str | None


def split_passage(body: str) -> tuple[str, str] | None:
    """``(key, locator)`` of a ``{cite-passage}`` body ``phrase <key>``, or None when malformed."""
    match = _PASSAGE_BODY.match(body.strip())
    if not match:
        return None
    return match.group(2).strip(), re.sub(r"[ \n]+", " ", match.group(1).strip())


def page_roles(text: str) -> list[tuple[int, str, str]]:
    """Every citation or « hors sources » role of a page's text as (line, role, body)."""
    found = []
    for match in _ROLE.finditer(text):
        found.append((text.count("\n", 0, match.start()) + 1, match.group(1), match.group(2)))
    return found


def page_citations(text: str) -> list[Citation]:
    """The citations of a page's text, one per cited key (``{fact}`` roles expanded to their citations)."""
    if "{fact}" in text:
        text = expand_facts(text)
    out: list[Citation] = []
    for line, role, body in page_roles(text):
        if role == "cite-passage":
            parsed = split_passage(body)
            key, locator = parsed if parsed else (body.strip(), None)
            out.append(Citation(line, role, key, locator))
        elif role.startswith("cite"):
            out.extend(Citation(line, role, key.strip(), None) for key in body.split(",") if key.strip())
    return out


def check_page(path: Path, seeds: dict[str, str] | None = None) -> list[DataError]:
    """Errors of a page: a seed cited without a locator, or with a locator not in that seed (or chapter)."""
    seeds = seed_texts() if seeds is None else seeds
    errors: list[DataError] = []
    for cit in page_citations(path.read_text(encoding="utf-8")):
        if cit.role == "cite-passage" and cit.locator is None:
            errors.append(
                DataError(path, "{cite-passage} needs `exact phrase <key>`", line=cit.line, field="cite-passage")
            )
        elif cit.role == "cite-passage" and cit.key not in seeds:
            errors.append(
                DataError(
                    path,
                    f"'{cit.key}' is not a seed (datasets/sources/seeds.yaml): cite it with {{cite}}",
                    line=cit.line,
                    field="cite-passage",
                )
            )
        elif cit.key in seeds and cit.locator is None:
            errors.append(
                DataError(
                    path,
                    f"citation of the seed '{cit.key}' without a locator: write "
                    f"{{cite-passage}}`exact phrase of the seed <{cit.key}>` so the learner can open the passage",
                    line=cit.line,
                    field="cite",
                )
            )
        elif cit.key in seeds:
            problem = locator_problem(cit.key, cit.locator, seeds)
            if problem:
                errors.append(DataError(path, problem, line=cit.line, field="cite-passage"))
    return errors


def evidence_counts(text: str, seeds: dict[str, str] | None = None) -> dict[str, int]:
    """Per page: citations with evidence (a seed passage), other citations, and « hors sources » marks."""
    seeds = seed_texts() if seeds is None else seeds
    cits = page_citations(text)
    with_evidence = sum(1 for c in cits if c.key in seeds and c.locator)
    return {
        "with_evidence": with_evidence,
        "other_citations": len(cits) - with_evidence,
        "hors_sources": sum(1 for _, role, _ in page_roles(text) if role == "hors-sources"),
    }


@dataclass(frozen=True)
class Passage:
    """A few lines of a seed around a locator: ``before`` + ``phrase`` + ``after`` and where they are."""

    key: str
    before: str
    phrase: str
    after: str
    first_line: int
    last_line: int


def _locate(key: str, text: str, locator: str) -> int:
    start, stop = CHAPTER_LINES.get(key, (1, 10**9))
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        if number >= start:
            break
        offset += len(line) + 1
    found = text.find(locator, offset)
    if found < 0 or (key in CHAPTER_LINES and text.count("\n", 0, found) + 1 > stop):
        found = text.find(locator)
    return found


def passage(key: str, locator: str, seeds: dict[str, str] | None = None) -> Passage | None:
    """The passage of seed ``key`` around ``locator`` (None when the locator is not found)."""
    seeds = seed_texts() if seeds is None else seeds
    text = seeds.get(key)
    if text is None:
        return None
    found = _locate(key, text, locator)
    if found < 0:
        return None
    end = found + len(locator)
    lines = text.split("\n")
    first = last = text.count("\n", 0, found)
    last = text.count("\n", 0, end)
    for step, bound in ((-1, -1), (1, len(lines))):
        kept, i = 0, (first if step < 0 else last) + step
        while i != bound and kept < CONTEXT_LINES:
            if lines[i].strip():
                kept += 1
                if step < 0:
                    first = i
                else:
                    last = i
            i += step
    start = sum(len(x) + 1 for x in lines[:first])
    stop = sum(len(x) + 1 for x in lines[: last + 1])

    def squeeze(part: str) -> str:
        return re.sub(r"[ \t\r\n]+", " ", part)  # keeps the seed's non-breaking spaces

    before, after = squeeze(text[start:found]).strip(), squeeze(text[end:stop]).strip()
    room = max(0, MAX_PASSAGE_CHARS - len(locator)) // 2
    if len(before) > room:
        before = "… " + before[-room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + " …"
    return Passage(key, before, squeeze(locator), after, first + 1, last + 1)


@lru_cache(maxsize=1)
def _bib_entries() -> dict:
    from pybtex.database import parse_file

    from pacte.course.paths import course_root

    path = course_root() / "book" / "references.bib"
    return dict(parse_file(str(path)).entries) if path.exists() else {}


def place(p: Passage) -> str:
    """French label of the document and place of a passage: title, chapter, lines of the seed."""
    from pacte.course.citations import citation_labels

    entry = _bib_entries().get(p.key)
    label = citation_labels().get(p.key, p.key)
    title = (entry.fields.get("title", "") if entry else "").replace("{", "").replace("}", "")
    where = f"lignes {p.first_line} à {p.last_line}" if p.last_line > p.first_line else f"ligne {p.first_line}"
    if entry is not None and "booktitle" in entry.fields:
        book = entry.fields["booktitle"].replace("{", "").replace("}", "")
        return f"{label}, chapitre « {title} » de l’ouvrage « {book} », {where} du texte source"
    return f"{label}, « {title} », {where} du texte source"


def check_pages(root: Path) -> list[DataError]:
    """`pacte check` rule: every seed citation of every page carries a locator found in its seed."""
    seeds = seed_texts()
    errors: list[DataError] = []
    for path in prose_pages(root):
        errors.extend(check_page(path, seeds))
    return errors
