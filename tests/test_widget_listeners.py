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
    assert checked >= 2  # host.js's kernel mirror, and the chart's spec


def test_every_widget_mirrors_the_kernel_result_through_the_one_helper():
    """The listener on ``kernel_result`` lives once, in ``host.js`` (``mirrorKernelResult``), never in a widget."""
    static = ROOT / "widgets/static"
    direct = [
        p.name for p in static.glob("*.js") if p.name != "host.js" and 'model.get("kernel_result")' in p.read_text()
    ]
    assert direct == []
    helper = static / "host.js"
    assert listeners(helper.read_text(encoding="utf-8"))[0] == {("change:kernel_result", "update")}
    users = sorted(
        p.stem
        for p in static.glob("*.js")
        if p != helper and "mirrorKernelResult(model," in p.read_text(encoding="utf-8")
    )
    # prompt.js shows no kernel result: its Python side only measures the text's length
    assert users == sorted(_modules_with_a_kernel_result() - {"prompt"})


def _modules_with_a_kernel_result() -> set[str]:
    """The ES module of every widget class whose Python side writes ``kernel_result``."""
    import widgets  # noqa: F401  (imports every widget class)
    from widgets._host import PacteWidget

    found, todo = set(), [PacteWidget]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls._module and "kernel_result" in cls.class_traits():
            found.add(cls._module)
    assert len(found) >= 10
    return found
