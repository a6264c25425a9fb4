"""The package layout: imports go one way, no cycle, no private import across packages, small files."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("widgets", "pacte")
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _imports(path: Path) -> list[tuple[str, list[str], bool]]:
    """(module imported, names, at module level?) for every import of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names], id(node) in top))
        elif isinstance(node, ast.Import):
            found.extend((a.name, [], id(node) in top) for a in node.names)
    return found


def test_no_file_over_400_lines():
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in _modules().values()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_course_data_and_live_sessions_never_import_widgets():
    for name, path in _modules().items():
        if name.startswith(("pacte.course", "pacte.live")):
            bad = [m for m, _, _ in _imports(path) if m == "widgets" or m.startswith("widgets.")]
            assert bad == [], f"{name} imports {bad}"


def _package(module: str) -> str:
    """``widgets`` for any widget module; ``pacte.course``, ``pacte.live``… for the application."""
    parts = module.split(".")
    if parts[0] == "pacte" and len(parts) > 2:
        return ".".join(parts[:2])
    return parts[0]


def test_no_private_name_imported_from_another_package():
    for name, path in _modules().items():
        for module, names, _ in _imports(path):
            if not module.startswith(PACKAGES):
                continue
            other = _package(module) != _package(name)
            private_module = any(part.startswith("_") for part in module.split(".")[1:])
            private_names = [n for n in names if n.startswith("_")]
            assert not (other and (private_module or private_names)), f"{name} imports {module} {private_names}"


def test_no_import_cycle_at_module_level():
    modules = _modules()
    graph = {
        name: {m for m, _, top in _imports(path) if top and m in modules and m != name}
        for name, path in modules.items()
    }

    def visit(node: str, stack: list[str], done: set[str]) -> None:
        if node in stack:
            raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(node) :] + [node]))
        if node in done:
            return
        for nxt in graph[node]:
            visit(nxt, [*stack, node], done)
        done.add(node)

    done: set[str] = set()
    for name in graph:
        visit(name, [], done)


def test_pages_import_only_the_public_widgets_api():
    for page in [*(ROOT / "modules").rglob("*.md"), *(ROOT / "book").rglob("*.md")]:
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith(("from ", "import ")) and ("widgets" in line or "pacte" in line):
                assert line.startswith("from widgets import "), f"{page.relative_to(ROOT)}: {line}"
