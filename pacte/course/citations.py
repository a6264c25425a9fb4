"""Short citation labels (« Schweyer, 2025 ») from ``book/references.bib``."""

from __future__ import annotations

from functools import lru_cache

from pacte.course.paths import course_root


def short_label(entry) -> str:
    """Plain-text label of a pybtex entry, as in the book: « de Haas, 2018 », « Coordination des soins, 2025 »."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []

    def last(person) -> str:
        return " ".join(person.prelast_names + person.last_names)

    if people:
        who = last(people[0])
        if len(people) == 2:
            who += " et " + last(people[1])
        elif len(people) > 2:
            who += " et al."
    else:
        who = entry.fields.get("shorttitle") or entry.fields.get("title") or entry.key
    who = who.replace("{", "").replace("}", "")
    return f"{who}, {entry.fields.get('year', 's. d.')}"


@lru_cache(maxsize=1)
def citation_labels() -> dict[str, str]:
    """Map each BibTeX key to the French label of the book (« de Haas, 2018 », « Coordination des soins, 2025 »)."""
    from pybtex.database import parse_file

    path = course_root() / "book" / "references.bib"
    if not path.exists():
        return {}
    return {key: short_label(entry) for key, entry in parse_file(str(path)).entries.items()}


def citations_for(refs) -> dict[str, str]:
    """Short labels of the given BibTeX keys, for a widget to show its sources."""
    labels = citation_labels()
    return {ref: labels.get(ref, ref) for ref in sorted(set(refs))}


def source_line(frame) -> str:
    """« Source : » line for a chart from the ``source``/``source_detail`` columns of its rows."""
    labels = citation_labels()
    parts = sorted({f"{labels.get(r.source, r.source)}, {r.source_detail}" for r in frame.itertuples()})
    return "Source : " + " ; ".join(parts)
