"""The table of contents: a page added to a module folder is in the book without editing _toc.yml."""

from __future__ import annotations

import yaml
from conftest import ROOT

from pacte.course.toc import _listed, effective_toc, toc_files, write_effective_toc

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


def _module_page_rule(root) -> list[str]:
    """What breaks the one rule of the table of contents, for the course at ``root``."""
    listed = _listed(yaml.safe_load((root / "book" / "_toc.yml").read_text(encoding="utf-8")))
    problems = [f"listed twice: {d}" for d in sorted({d for d in listed if listed.count(d) > 1})]
    problems += [f"listed, no file: {d}" for d in listed if not (root / f"{d}.md").exists()]
    in_book = set(toc_files(root))
    pages = sorted(str(p.relative_to(root).with_suffix("")) for p in (root / "modules").glob("*/*.md"))
    problems += [
        f"not in the book (its module has no chapter in book/_toc.yml): {d}" for d in pages if d not in in_book
    ]
    return problems


def test_every_listed_page_exists_and_every_module_page_is_in_the_book(monkeypatch):
    """The one rule, instead of per-module page counts: ``book/_toc.yml`` lists files that exist, once each,
    and every ``modules/<topic>/<page>.md`` is in the book (listed, or appended to its module's chapter)."""
    monkeypatch.delenv("PACTE_ROOT", raising=False)
    monkeypatch.delenv("PACTE_TOC", raising=False)
    assert _module_page_rule(ROOT) == []


def test_the_rule_sees_a_missing_file_and_a_module_without_a_chapter(tmp_path, monkeypatch):
    root = _course(tmp_path, monkeypatch)
    (root / "book" / "intro.md").write_text("# x\n", encoding="utf-8")
    assert _module_page_rule(root) == []
    (root / "modules" / "alpha" / "deux.md").unlink()
    (root / "modules" / "beta").mkdir()
    (root / "modules" / "beta" / "seule.md").write_text("# x\n", encoding="utf-8")
    assert _module_page_rule(root) == [
        "listed, no file: modules/alpha/deux",
        "not in the book (its module has no chapter in book/_toc.yml): modules/beta/seule",
    ]
