"""Every model listener an ES module adds in its render is the one its cleanup removes.

anywidget calls the function ``render`` returns when a view goes away; a listener removed under another
event name (``kernel_score`` for ``kernel_result``) stays attached to the model and keeps writing into a
view that is gone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULE_DIRS = ("widgets/static", "pacte/live/dashboard")
LISTENER = re.compile(r"""model\.(on|off)\(\s*(["'])(change:[\w:]+)\2\s*,\s*([\w$.]+)\s*\)""")


def listeners(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(event, handler) pairs added with ``model.on`` and removed with ``model.off`` in ``text``."""
    added: set[tuple[str, str]] = set()
    removed: set[tuple[str, str]] = set()
    for verb, _, event, handler in LISTENER.findall(text):
        (added if verb == "on" else removed).add((event, handler))
    return added, removed


def test_the_pattern_reads_a_listener_removed_under_another_name():
    added, removed = listeners(
        'model.on("change:kernel_result", showKernel);\nreturn () => model.off("change:kernel_score", showKernel);'
    )
    assert added == {("change:kernel_result", "showKernel")} and removed == {("change:kernel_score", "showKernel")}


def test_every_model_listener_added_is_removed_by_the_cleanup():
    checked = 0
    for folder in MODULE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.js")):
            added, removed = listeners(path.read_text(encoding="utf-8"))
            checked += len(added)
            assert added == removed, f"{path.relative_to(ROOT)}: added {sorted(added)}, removed {sorted(removed)}"
    assert checked >= 10  # the widgets that mirror kernel_result, and the chart's spec
