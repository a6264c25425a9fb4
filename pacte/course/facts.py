"""Recurring facts, written once in ``datasets/facts/*.facts.yaml`` and drawn on by the pages.

A page writes ``{fact}`article-51-2018``; :func:`expand_facts` replaces it by the
fact's French statement followed by one ``{cite-passage}`` per source, before
Sphinx (``source-read``) or the Voilà export read the page, so every insertion
opens its evidence.

:func:`check_fact_consistency` (a `pacte check` rule) reads every page, with
its facts expanded, its ``{hors-sources}`` marks and the seed phrases of its
citations blanked, and every data file (question banks, exercises, CSV rows,
their ``locator`` fields blanked):

* a statement in a refused form (``refuse``) is an error naming file:line;
* a statement giving a fact's value (``claims``: a year, a count, an
  attribution, captured by the ``value`` group of a pattern) outside the
  values the seeds give is an error: two pages cannot give two dates;
* on a page, a fact on which the seeds disagree (``seeds_disagree``) stated
  without every value nearby (or, with ``disagree_scope: page``, anywhere on
  the page) is an error.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir, prose_pages

_FACT_ROLE = re.compile(r"\{fact\}`([^`]+)`")
_HORS_SOURCES = re.compile(r"\{hors-sources\}`[^`]*`")
# The seed phrase of a citation is the source's text, not the page's claim.
_CITE_PASSAGE = re.compile(r"\{cite-passage\}`[^`]*`")
_YAML_LOCATOR = re.compile(r"""\blocator:\s*(?:"[^"]*"|'(?:[^']|'')*'|[^,}\n]*)""")
# Data folders whose text the learner reads; survey answers and seeds are not the course's text.
_DATA_SKIPPED = {"facts", "schemas", "sources", "pacte_survey"}
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


@dataclass(frozen=True)
class Fact:
    """One recurring fact: statement, sources (ref, detail, locator) and the forms checked on pages."""

    id: str
    statement: str
    sources: tuple[dict, ...]
    mentions: str
    refuse: tuple[dict, ...]
    seeds_disagree: tuple[str, ...]
    claims: tuple[dict, ...] = ()
    disagree_scope: str = "passage"

    def markdown(self) -> str:
        """The statement and its citations, as MyST Markdown."""
        cites = " ".join(f"{{cite-passage}}`{s['locator']} <{s['ref']}>`" for s in self.sources)
        return f"{self.statement} {cites}"


def _load(folder: Path) -> dict[str, Fact]:
    from pacte.course.checks import load_data_file

    facts: dict[str, Fact] = {}
    for path in sorted(folder.glob("*.facts.yaml")):
        for item in load_data_file(path)["facts"]:
            facts[item["id"]] = Fact(
                item["id"],
                item["statement"],
                tuple(item["sources"]),
                item["mentions"],
                tuple(item.get("refuse", [])),
                tuple(item.get("seeds_disagree", [])),
                tuple(item.get("claims", [])),
                item.get("disagree_scope", "passage"),
            )
    return facts


@lru_cache(maxsize=2)
def _cached(folder: str) -> dict[str, Fact]:
    return _load(Path(folder))


def load_facts() -> dict[str, Fact]:
    """Every fact of ``datasets/facts/``, by id."""
    return _cached(str(datasets_dir() / "facts"))


def _opens_sentence(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence: text or paragraph start, list item, or after . ! ?"""
    head = text[:pos]
    before = head.rstrip()
    if not before or before[-1] in ".!?" or "\n\n" in head[len(before) :]:
        return True
    return re.search(r"(^|\n)[ \t]*([-*+]|\d+\.)$", before) is not None


def expand_facts(text: str, facts: dict[str, Fact] | None = None) -> str:
    """Replace each ``{fact}`id``` of a page's text by the fact's statement and citations.

    The statement takes a capital when the role opens a sentence. An unknown id is
    left as written, for :func:`check_fact_consistency` to report.
    """
    facts = load_facts() if facts is None else facts

    def expand(m: re.Match) -> str:
        if m.group(1) not in facts:
            return m.group(0)
        body = facts[m.group(1)].markdown()
        return body[:1].upper() + body[1:] if _opens_sentence(text, m.start()) else body

    return _FACT_ROLE.sub(expand, text)


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def norm_value(value: str) -> str:
    """A claimed value compared without spaces (« 2 800 » = « 2800 ») and case."""
    return _SPACES.sub("", value).casefold()


def checked_text(raw: str, facts: dict[str, Fact]) -> str:
    """A page's text as checked: hors-sources marks and citations' seed phrases blanked, facts expanded.

    Line numbers are those of the raw page: every replacement stays on its line.
    """
    text = _HORS_SOURCES.sub(_blank, raw)
    text = _CITE_PASSAGE.sub(_blank, text)
    return _FACT_ROLE.sub(lambda m: facts[m.group(1)].statement if m.group(1) in facts else "", text)


def data_text(path: Path) -> str:
    """A data file's text as checked, one line per line of the file, its seed locators blanked."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".csv":
        return _YAML_LOCATOR.sub(_blank, raw)
    lines = raw.count("\n") + 1
    out = [""] * lines
    reader = csv.reader(io.StringIO(raw))
    header = next(reader, [])
    hidden = {i for i, name in enumerate(header) if "locator" in name}
    start = reader.line_num
    for row in reader:
        kept = " ; ".join(v.replace("\n", " ") for i, v in enumerate(row) if i not in hidden)
        out[start] = kept
        start = reader.line_num
    return "\n".join(out)


def claimed_values(text: str, facts: dict[str, Fact]) -> list[tuple[Fact, dict, str, int]]:
    """Every value a text gives for a fact: ``(fact, claim, value, position in text)``."""
    flat, pos_of = _flatten(text)
    found = []
    for fact in facts.values():
        for claim in fact.claims:
            for m in re.finditer(claim["pattern"], flat):
                found.append((fact, claim, m.group("value"), pos_of(m.start("value"))))
    return found


def _flatten(text: str):
    """The text with runs of white space as one space, and a map back to the text's positions."""
    keep = [i for i, ch in enumerate(text) if not (ch.isspace() and i > 0 and text[i - 1].isspace())]
    flat = "".join(" " if text[i].isspace() else text[i] for i in keep)
    return flat, (lambda p: keep[p] if keep else 0)


def _fact_findings(fact: Fact, flat: str, prose: bool) -> list[tuple[str, int]]:
    """``(message, position in flat)`` for one fact: refused forms, values outside the seeds', halves."""
    found = [
        (f"fact {fact.id!r}: {r['why']}: {m.group(0)!r}", m.start())
        for r in fact.refuse
        for m in re.finditer(r["pattern"], flat)
    ]
    for claim in fact.claims:
        allowed = {norm_value(v) for v in claim["values"]}
        found += [
            (
                f"fact {fact.id!r}: {claim['why']}: the seeds give {', '.join(claim['values'])}, "
                f"not {m.group('value')!r}: {m.group(0)!r} (use {{fact}}`{fact.id}`)",
                m.start(),
            )
            for m in re.finditer(claim["pattern"], flat)
            if norm_value(m.group("value")) not in allowed
        ]
    if not (prose and fact.seeds_disagree):
        return found
    for m in re.finditer(fact.mentions, flat):
        window = flat if fact.disagree_scope == "page" else flat[max(0, m.start() - 300) : m.end() + 300]
        missing = [v for v in fact.seeds_disagree if v not in window]
        if missing:
            found.append(
                (
                    f"fact {fact.id!r}: the seeds disagree ({', '.join(fact.seeds_disagree)}); "
                    f"this passage gives neither {', '.join(missing)} nor the disagreement: use {{fact}}`{fact.id}`",
                    m.start(),
                )
            )
    return found


def text_fact_errors(path: Path, text: str, facts: dict[str, Fact], prose: bool = True) -> list[DataError]:
    """Errors of one checked text: refused forms, values outside the seeds', halves of a seed disagreement.

    ``text`` comes from :func:`checked_text` (a page) or :func:`data_text` (a data file, ``prose=False``:
    a question may keep its own wording, so a seed disagreement need not be told there).
    """
    flat, pos_of = _flatten(text)
    return [
        DataError(path, message, line=_line(text, pos_of(pos)))
        for fact in facts.values()
        for message, pos in _fact_findings(fact, flat, prose)
    ]


def page_fact_errors(path: Path, facts: dict[str, Fact]) -> list[DataError]:
    """Errors of one page: unknown fact ids, refused forms, values outside the seeds', a disagreement by halves."""
    raw = path.read_text(encoding="utf-8")
    errors = [
        DataError(path, f"unknown fact {m.group(1)!r} (datasets/facts/)", line=_line(raw, m.start()), field="fact")
        for m in _FACT_ROLE.finditer(raw)
        if m.group(1) not in facts
    ]
    return errors + text_fact_errors(path, checked_text(raw, facts), facts)


def data_files(root: Path) -> list[Path]:
    """The data files whose text the learner reads: question banks, exercises, CSV tables."""
    base = root / "datasets"
    return sorted(
        p
        for p in base.rglob("*")
        if p.suffix in {".yaml", ".csv"} and p.relative_to(base).parts[0] not in _DATA_SKIPPED
    )


def data_fact_errors(path: Path, facts: dict[str, Fact]) -> list[DataError]:
    """Errors of one data file: refused forms and values outside the seeds' (its locators aside)."""
    return text_fact_errors(path, data_text(path), facts, prose=False)


def check_fact_consistency(root: Path) -> list[DataError]:
    """`pacte check` rule: no page or data file gives a recurring fact in a form the facts file refuses."""
    folder = root / "datasets" / "facts"
    if not folder.exists():
        return []
    try:
        facts = _load(folder)
    except DataError as exc:
        return [exc]
    errors: list[DataError] = []
    for path in prose_pages(root):
        errors.extend(page_fact_errors(path, facts))
    for path in data_files(root):
        errors.extend(data_fact_errors(path, facts))
    return errors
