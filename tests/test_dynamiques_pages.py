"""Every page of the module « Les dynamiques d'équipe » executes as a notebook (jupytext + nbconvert)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "modules" / "dynamiques").glob("*.md"))
