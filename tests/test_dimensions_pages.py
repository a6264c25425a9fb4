"""Every page of the module converts from MyST and executes in a kernel (what nbval and Voilà need)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "modules" / "dimensions").glob("*.md"))

pytestmark = pytest.mark.notebook
