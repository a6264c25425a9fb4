"""``pacte export moodle``: every question bank as GIFT (:mod:`pacte.export.gift`) and Moodle XML
(:mod:`pacte.export.moodle_xml`), side by side; the Moodle XML writer reuses the GIFT module's shared pieces,
so this module is the only one that imports both."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pacte.course.banks import all_bank_files, load_bank_file
from pacte.course.typography import NBSP
from pacte.export.gift import ExportIssue, bank_gift
from pacte.export.moodle_xml import bank_xml


def load_banks(files: list[Path] | None = None) -> list[dict[str, Any]]:
    """Every question bank of the course (validated), sorted by file name."""
    return [load_bank_file(p) for p in (files if files is not None else all_bank_files())]


def export_moodle(output: Path, banks: list[dict[str, Any]] | None = None) -> list[ExportIssue]:
    """Write ``<bank>.gift`` and ``<bank>.xml`` (Moodle XML) for every bank into ``output``.

    Returns the questions that could not be exported exactly (they are also
    written, as close as the format allows, and listed by the command).
    """
    output.mkdir(parents=True, exist_ok=True)
    issues: list[ExportIssue] = []
    for bank in load_banks() if banks is None else banks:
        gift = bank_gift(bank)
        (output / f"{bank['id']}.gift").write_text(gift.text, encoding="utf-8")
        (output / f"{bank['id']}.xml").write_text(bank_xml(bank), encoding="utf-8")
        issues += gift.issues
    return issues


def report(issues: list[ExportIssue], written: int, output: Path) -> None:
    """Print the French summary of a Moodle export, issues on stderr."""
    for issue in issues:
        print(f"NON EXACT {issue}", file=sys.stderr)
    print(
        f"pacte export moodle{NBSP}: {written} banque(s) écrite(s) dans {output} (GIFT et Moodle XML)"
        + (f", {len(issues)} question(s) non exportée(s) à l’identique (voir ci-dessus)" if issues else "")
    )
