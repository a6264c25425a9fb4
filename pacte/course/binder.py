"""Binder launch addresses, built from the one repository address of ``_config.yml``.

``repository.url`` (a GitHub repository), ``repository.branch`` and
``launch_buttons.binderhub_url`` are the only settings: the launch links of
every page, the Binder page of « Mode d'emploi » and the README (checked by a
test) are all computed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import yaml

from pacte.course.paths import course_root

# Where `binder/postBuild` (`pacte notebooks`) writes the notebooks, from the repository root.
NOTEBOOK_DIR = "_build/voila"
# The page a Binder launch opens when no page is named: the course home.
HOME_DOC = "book/intro"


@dataclass(frozen=True)
class BinderLaunch:
    """The two ways to open one page on Binder: as a Voilà view, and in JupyterLab."""

    voila: str
    lab: str


def binder_base(root: Path | None = None) -> str | None:
    """``<hub>/v2/gh/<owner>/<repo>/<branch>``, or None when the book names no GitHub repository or hub."""
    config = yaml.safe_load(((root or course_root()) / "_config.yml").read_text(encoding="utf-8")) or {}
    repository = config.get("repository") or {}
    hub = (config.get("launch_buttons") or {}).get("binderhub_url")
    url = str(repository.get("url") or "").rstrip("/")
    if not hub or "github.com/" not in url:
        return None
    owner_repo = url.split("github.com/", 1)[1].removesuffix(".git")
    return f"{str(hub).rstrip('/')}/v2/gh/{owner_repo}/{repository.get('branch') or 'main'}"


def binder_launch(docname: str = HOME_DOC, root: Path | None = None) -> BinderLaunch | None:
    """The Binder addresses that open ``docname``'s notebook in Voilà and in JupyterLab."""
    base = binder_base(root)
    if base is None:
        return None
    notebook = f"{NOTEBOOK_DIR}/{docname}.ipynb"
    return BinderLaunch(
        voila=f"{base}?urlpath={quote(f'voila/render/{notebook}', safe='')}",
        lab=f"{base}?urlpath={quote(f'lab/tree/{notebook}', safe='')}",
    )
