"""Where the course's folders are, for an editable install or a checkout."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
SITE_DIR = PACKAGE_DIR / "site"
# The widgets' ES modules, styles and vendored scripts (a sibling package).
STATIC_DIR = PACKAGE_DIR.parent / "widgets" / "static"
BOOK_ICON = "_static/favicon.svg"  # the book's icon, relative to the built site's root


def course_root() -> Path:
    """Return the course checkout root (``PACTE_ROOT`` overrides the default)."""
    env = os.environ.get("PACTE_ROOT")
    if env:
        return Path(env).resolve()
    return PACKAGE_DIR.parent


def datasets_dir() -> Path:
    """Return the ``datasets/`` folder of the course."""
    return course_root() / "datasets"


def build_dir() -> Path:
    """Return the ``_build/`` folder where the book and Voilà notebooks go.

    ``PACTE_OUTPUT`` moves it to ``$PACTE_OUTPUT/_build`` (for a partial or
    parallel build that must not touch the main one).
    """
    out = os.environ.get("PACTE_OUTPUT")
    return (Path(out).resolve() if out else course_root()) / "_build"


def toc_path() -> Path:
    """Return the table of contents (``PACTE_TOC`` overrides ``book/_toc.yml``)."""
    env = os.environ.get("PACTE_TOC")
    return Path(env).resolve() if env else course_root() / "book" / "_toc.yml"


def prose_pages(root: Path) -> list[Path]:
    """The pages whose prose may cite: ``book/*.md`` and ``modules/*/*.md`` (templates aside)."""
    return sorted(root.glob("book/*.md")) + sorted(root.glob("modules/*/*.md"))
