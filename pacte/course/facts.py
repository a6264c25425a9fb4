"""Recurring facts, written once in ``datasets/facts/*.facts.yaml`` and drawn on by the pages.

A page writes ``{fact}`article-51-2018``; :func:`expand_facts` replaces it by the
fact's French statement followed by one ``{cite-passage}`` per source, before
Sphinx (``source-read``) or the Voilà export read the page, so every insertion
opens its evidence.

:func:`check_fact_consistency` (a `pacte check` rule) reads every page, with
its facts expanded and its ``{hors-sources}`` marks removed: a page that
states a fact in a refused form (another date, another attribution) is an
error naming file:line; so is a page stating a fact on which the seeds
disagree (``seeds_disagree``) without giving every value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pacte.course.errors import DataError
from pacte.course.paths import datasets_dir, prose_pages

_FACT_ROLE = re.compile(r"\{fact\}`([^`]+)`")
_HORS_SOURCES = re.compile(r"\{hors-sources\}`[^`]*`")


@dataclass(frozen=True)
class Fact:
    """One recurring fact: statement, sources (ref, detail, locator) and the forms checked on pages."""

    id: str
    statement: str
    sources: tuple[dict, ...]
    mentions: str
    refuse: tuple[dict, ...]
    seeds_disagree: tuple[str, ...]

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
            )
    return facts


@lru_cache(maxsize=2)
def _cached(folder: str) -> dict[str, Fact]:
    return _load(Path(folder))


def load_facts() -> dict[str, Fact]:
    """Every fact of ``datasets/facts/``, by id."""
    return _cached(str(datasets_dir() / "facts"))


def expand_facts(text: str, facts: dict[str, Fact] | None = None) -> str:
    """Replace each ``{fact}`id``` of a page's text by the fact's statement and citations.

    An unknown id is left as written, for :func:`check_fact_consistency` to report.
    """
    facts = load_facts() if facts is None else facts
    return _FACT_ROLE.sub(lambda m: facts[m.group(1)].markdown() if m.group(1) in facts else m.group(0), text)


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def page_fact_errors(path: Path, facts: dict[str, Fact]) -> list[DataError]:
    """Errors of one page: unknown fact ids, refused forms of a fact, a seed disagreement told by halves."""
    raw = path.read_text(encoding="utf-8")
    errors = [
        DataError(path, f"unknown fact {m.group(1)!r} (datasets/facts/)", line=_line(raw, m.start()), field="fact")
        for m in _FACT_ROLE.finditer(raw)
        if m.group(1) not in facts
    ]
    # Same line numbers as the raw page: expansions and removals stay on one line.
    text = _HORS_SOURCES.sub(lambda m: " " * len(m.group(0)), raw)
    text = _FACT_ROLE.sub(lambda m: facts[m.group(1)].statement if m.group(1) in facts else "", text)
    flat = re.sub(r"\s+", " ", text)
    line_of = [_line(text, i) for i in range(len(text))] if text else []
    flat_to_text = [i for i, ch in enumerate(text) if not (ch.isspace() and i > 0 and text[i - 1].isspace())]
    for fact in facts.values():
        for rule in fact.refuse:
            for m in re.finditer(rule["pattern"], flat):
                line = line_of[flat_to_text[m.start()]] if flat_to_text else 1
                errors.append(DataError(path, f"fact {fact.id!r}: {rule['why']}: {m.group(0)!r}", line=line))
        if fact.seeds_disagree:
            for m in re.finditer(fact.mentions, flat):
                window = flat[max(0, m.start() - 300) : m.end() + 300]
                missing = [v for v in fact.seeds_disagree if v not in window]
                if missing:
                    line = line_of[flat_to_text[m.start()]] if flat_to_text else 1
                    errors.append(
                        DataError(
                            path,
                            f"fact {fact.id!r}: the seeds disagree ({', '.join(fact.seeds_disagree)}); "
                            f"this passage gives neither {', '.join(missing)} nor the disagreement: use {{fact}}`{fact.id}`",
                            line=line,
                        )
                    )
    return errors


def check_fact_consistency(root: Path) -> list[DataError]:
    """`pacte check` rule: no page gives a recurring fact in a form the facts file refuses."""
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
    return errors
