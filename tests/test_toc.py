"""The table of contents: a page added to a module folder is in the book without editing _toc.yml."""

from __future__ import annotations

import yaml

from pacte.course.toc import effective_toc, toc_files, write_effective_toc

TOC = """
format: jb-book
root: book/intro
parts:
  - caption: Modules
    chapters:
      - file: modules/alpha/index
        sections:
          - file: modules/alpha/deux
"""


def _course(tmp_path, monkeypatch):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "_toc.yml").write_text(TOC, encoding="utf-8")
    for name in ("index", "deux", "ajoutee", "autre-ajout"):
        (tmp_path / "modules" / "alpha").mkdir(parents=True, exist_ok=True)
        (tmp_path / "modules" / "alpha" / f"{name}.md").write_text("# x\n", encoding="utf-8")
    monkeypatch.setenv("PACTE_ROOT", str(tmp_path))
    monkeypatch.delenv("PACTE_TOC", raising=False)
    return tmp_path


def test_unlisted_module_pages_follow_their_chapter_in_file_name_order(tmp_path, monkeypatch):
    root = _course(tmp_path, monkeypatch)
    assert toc_files(root) == [
        "book/intro",
        "modules/alpha/index",
        "modules/alpha/deux",
        "modules/alpha/ajoutee",
        "modules/alpha/autre-ajout",
    ]
    written = yaml.safe_load(write_effective_toc(tmp_path / "_build" / "_toc.yml", root).read_text(encoding="utf-8"))
    assert written == effective_toc(root)


def test_a_partial_table_is_taken_as_it_is(tmp_path, monkeypatch):
    root = _course(tmp_path, monkeypatch)
    monkeypatch.setenv("PACTE_TOC", str(tmp_path / "book" / "_toc.yml"))
    assert toc_files(root) == ["book/intro", "modules/alpha/index", "modules/alpha/deux"]
