"""The open prompts of live sessions (``datasets/live/prompts.live_prompts.yaml``)."""

from __future__ import annotations

from functools import lru_cache

from pacte.course.checks import load_data_file
from pacte.course.paths import datasets_dir


@lru_cache(maxsize=1)
def text_prompts() -> dict[str, dict]:
    """Open prompt id → its definition (``datasets/live/prompts.live_prompts.yaml``)."""
    data = load_data_file(datasets_dir() / "live" / "prompts.live_prompts.yaml")
    return {p["id"]: p for p in data["prompts"]}
