"""Short citation labels (« Schweyer, 2025 ») from ``book/references.bib``."""

from __future__ import annotations

from functools import lru_cache

from pacte.course.paths import course_root


@lru_cache(maxsize=1)
def citation_labels() -> dict[str, str]:
    """Map each BibTeX key to a short French label: first author (or body) and year."""
    from pybtex.database import parse_file

    path = course_root() / "book" / "references.bib"
    if not path.exists():
        return {}
    labels = {}
    for key, entry in parse_file(str(path)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        if people:
            who = " ".join(people[0].last_names)
            if len(people) == 2:
                who += " et " + " ".join(people[1].last_names)
            elif len(people) > 2:
                who += " et al."
        else:
            who = entry.fields.get("organization") or entry.fields.get("institution") or entry.fields.get("publisher") or key
        who = who.replace("{", "").replace("}", "")
        labels[key] = f"{who}, {entry.fields.get('year', 's. d.')}"
    return labels


def citations_for(refs) -> dict[str, str]:
    """Short labels of the given BibTeX keys, for a widget to show its sources."""
    labels = citation_labels()
    return {ref: labels.get(ref, ref) for ref in sorted(set(refs))}


def source_line(frame) -> str:
    """« Source : » line for a chart from the ``source``/``source_detail`` columns of its rows."""
    labels = citation_labels()
    parts = sorted({f"{labels.get(r.source, r.source)}, {r.source_detail}" for r in frame.itertuples()})
    return "Source : " + " ; ".join(parts)
