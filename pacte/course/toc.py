"""The course's table of contents: which pages, in which order, from which files."""

from __future__ import annotations

from pathlib import Path

import yaml

from pacte.course.paths import course_root, toc_path


def toc_files(root: Path | None = None) -> list[str]:
    """Return the document names listed in ``book/_toc.yml``, in order (root first)."""
    toc = yaml.safe_load(toc_path().read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def page_source(docname: str, root: Path | None = None) -> Path:
    """Return the source file of a page from its document name."""
    root = root or course_root()
    for ext in (".md", ".ipynb"):
        path = root / f"{docname}{ext}"
        if path.exists():
            return path
    raise FileNotFoundError(f"no source for page '{docname}' listed in book/_toc.yml")
