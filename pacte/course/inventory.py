"""Validation of every course data file and an inventory of the course."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pacte.course.banks import select_questions
from pacte.course.checks import all_data_files, load_data_file, schema_of
from pacte.course.data import load_package, read_resource
from pacte.course.errors import DataError
from pacte.course.evidence import evidence_counts
from pacte.course.levels import format_levels, level_shares
from pacte.course.paths import course_root
from pacte.course.toc import page_source, toc_files

_BANK_USE = re.compile(r"""from_bank\(\s*["']([a-z0-9_-]+)["'](?:\s*,\s*(?:questions\s*=\s*)?\[([^\]]*)\])?""")
_TITLE = re.compile(r"^#\s+(.+)$", re.M)


def _inventory_datasets(root: Path, errors: list[DataError]) -> list[dict[str, Any]]:
    datasets: list[dict[str, Any]] = []
    try:
        resources = load_package()
    except DataError as exc:
        errors.append(exc)
        resources = {}
    for name, res in resources.items():
        try:
            rows = len(read_resource(res))
        except DataError as exc:
            errors.append(exc)
            rows = None
        datasets.append({"name": name, "title": res.title, "path": str(res.path.relative_to(root)), "rows": rows})
    return datasets


def _inventory_data_files(
    root: Path, errors: list[DataError]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict], list[dict[str, str | None]]]:
    """Question banks (summary and data) and the other data files."""
    banks: dict[str, dict[str, Any]] = {}
    bank_data: dict[str, dict] = {}
    data_files = []
    for path in all_data_files():
        try:
            data = load_data_file(path)
        except DataError as exc:
            errors.append(exc)
            continue
        if schema_of(path) == "question_bank":
            bank_data[data["id"]] = data
            banks[data["id"]] = {
                "id": data["id"],
                "title": data["title"],
                "path": str(path.relative_to(root)),
                "questions": len(data["questions"]),
            }
        else:
            data_files.append({"path": str(path.relative_to(root)), "schema": schema_of(path)})
    return banks, bank_data, data_files


def _check_bank_ids(
    bank_ids: list[str], src: Path, text: str, banks: dict, used: set[str], errors: list[DataError]
) -> None:
    for bank_id in bank_ids:
        used.add(bank_id)
        if bank_id not in banks and not any(e.path.endswith(f"{bank_id}.yaml") for e in errors):
            line = text[: text.find(bank_id)].count("\n") + 1
            errors.append(DataError(src, f"page uses unknown question bank '{bank_id}'", line=line))


def _page_bank_entry(
    bank_id: str, subset: str, src: Path, text: str, banks: dict, bank_data: dict, errors: list[DataError]
) -> dict[str, Any]:
    entry = dict(banks.get(bank_id, {"id": bank_id, "questions": None}))
    if not subset.strip():
        return entry
    ids = re.findall(r"""["']([a-z0-9_-]+)["']""", subset)
    entry["questions"] = len(ids)
    if bank_id in bank_data:
        try:
            select_questions(bank_data[bank_id], ids)
        except KeyError as exc:
            line = text[: text.find(subset)].count("\n") + 1
            errors.append(DataError(src, f"page asks for {exc.args[0]}", line=line))
    return entry


def _inventory_page(
    doc: str, root: Path, banks: dict, bank_data: dict, used: set[str], errors: list[DataError]
) -> dict[str, Any] | None:
    """The inventory entry of one page of the table of contents (None when its source is missing)."""
    try:
        src = page_source(doc, root)
    except FileNotFoundError as exc:
        errors.append(DataError(root / "book" / "_toc.yml", str(exc)))
        return None
    text = src.read_text(encoding="utf-8")
    title = _TITLE.search(text)
    uses = _BANK_USE.findall(text)
    _check_bank_ids([u[0] for u in uses], src, text, banks, used, errors)
    page_banks = [_page_bank_entry(bank_id, subset, src, text, banks, bank_data, errors) for bank_id, subset in uses]
    return {
        "page": doc,
        "title": title.group(1).strip() if title else doc,
        "banks": page_banks,
        "evidence": evidence_counts(text),
    }


def _editorial(root: Path, errors: list[DataError]) -> None:
    # Editorial rules (locators, typography, duplicates, durations, .bib): pacte.course.editorial.
    from pacte.course.editorial import editorial_errors

    try:
        errors.extend(editorial_errors(root))
    except UnicodeDecodeError:
        if not errors:  # a file that is not UTF-8 is reported above by the data checks, with its line
            raise


def check_course(root: Path | None = None) -> tuple[dict, list[DataError]]:
    """Validate datasets and question banks; return the inventory and the errors found."""
    root = root or course_root()
    errors: list[DataError] = []
    datasets = _inventory_datasets(root, errors)
    banks, bank_data, data_files = _inventory_data_files(root, errors)
    pages = []
    used: set[str] = set()
    for doc in toc_files(root):
        page = _inventory_page(doc, root, banks, bank_data, used, errors)
        if page is not None:
            pages.append(page)
    _editorial(root, errors)
    inventory = {
        "levels": level_shares(root),
        "pages": pages,
        "banks": list(banks.values()),
        "unused_banks": sorted(set(banks) - used),
        "datasets": datasets,
        "data_files": data_files,
        "totals": {
            "pages": len(pages),
            "banks": len(banks),
            "questions": sum(int(b["questions"]) for b in banks.values()),
            "datasets": len(datasets),
            "rows": sum(d["rows"] or 0 for d in datasets),
        },
    }
    return inventory, errors


def format_inventory(inv: dict) -> str:
    """Render the inventory as text for people."""
    lines = ["Pages du cours :"]
    for p in inv["pages"]:
        lines.append(f"  {p['page']}  —  {p['title']}")
        ev = p.get("evidence")
        if ev and any(ev.values()):
            lines.append(
                f"      citations avec passage\u00a0: {ev['with_evidence']}, autres citations\u00a0: "
                f"{ev['other_citations']}, marques « hors sources »\u00a0: {ev['hors_sources']}"
            )
        for b in p["banks"]:
            lines.append(f"      quiz {b['id']}: {b['questions']} questions")
    lines.append("Jeux de données :")
    for d in inv["datasets"]:
        lines.append(f"  {d['name']} ({d['path']}): {d['rows']} lignes")
    if inv["data_files"]:
        lines.append("Autres fichiers de données :")
        for f in inv["data_files"]:
            lines.append(f"  {f['path']} (schéma {f['schema']})")
    if inv.get("levels"):
        lines.extend(format_levels(inv["levels"]))
    if inv["unused_banks"]:
        lines.append("Banques de questions non utilisées : " + ", ".join(inv["unused_banks"]))
    t = inv["totals"]
    lines.append(
        f"Total : {t['pages']} pages, {t['banks']} banques, {t['questions']} questions, "
        f"{t['datasets']} jeux de données, {t['rows']} lignes"
    )
    return "\n".join(lines)
