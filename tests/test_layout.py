"""The package layout: imports go one way, no cycle, no private import across packages, small files."""

from __future__ import annotations

import ast
import re
import sys
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


def _dynamic_prefix(node: ast.AST) -> str | None:
    """``"pkg.sub."`` for ``importlib.import_module(f"pkg.sub.{name}")`` (or a literal name), else ``None``."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
        return None
    if node.func.attr != "import_module" or not isinstance(node.func.value, ast.Name):
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        return str(arg.values[0].value) + "*"
    return None


def _imports(path: Path) -> list[tuple[str, list[str], bool]]:
    """(module imported, names, at module level?) for every import of a file.

    A relative import is resolved against the file's package; ``importlib.import_module(f"a.b.{x}")``
    counts as importing every module ``a.b.*``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    package = ".".join(path.relative_to(ROOT).parent.parts) if path.is_relative_to(ROOT) else ""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            module = f"{base}.{node.module}" if node.module else base
            found.append((module, [a.name for a in node.names], id(node) in top))
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [a.name for a in node.names], id(node) in top))
        elif isinstance(node, ast.Import):
            found.extend((a.name, [], id(node) in top) for a in node.names)
        elif (prefix := _dynamic_prefix(node)) is not None:
            found.append((prefix, [], False))
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


def _import_graph(modules: dict[str, Path], module_level_only: bool) -> dict[str, set[str]]:
    """Module → modules of ``modules`` it imports (``from package import module`` counts as the module only,
    like ``from package.module import name``: parent packages are not edges)."""
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for module, names, top in _imports(path):
            if module_level_only and not top:
                continue
            if module.endswith("*"):  # importlib.import_module(f"prefix{…}"): any module under the prefix
                edges.update(m for m in modules if m.startswith(module[:-1]) and m != name)
                continue
            submodules = {f"{module}.{n}" for n in names if f"{module}.{n}" in modules}
            whole = len(submodules) < len(names) or not names  # some name is not a submodule: the module itself
            edges.update(m for m in ({module} if whole else set()) | submodules if m in modules and m != name)
        graph[name] = edges
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` (its nodes, the first repeated at the end), or ``None``."""
    done: set[str] = set()

    def visit(node: str, stack: list[str]) -> list[str] | None:
        if node in stack:
            return stack[stack.index(node) :] + [node]
        if node in done:
            return None
        for nxt in sorted(graph.get(node, ())):
            if cycle := visit(nxt, [*stack, node]):
                return cycle
        done.add(node)
        return None

    for name in sorted(graph):
        if cycle := visit(name, []):
            return cycle
    return None


def test_no_import_cycle_at_module_level():
    cycle = _find_cycle(_import_graph(_modules(), module_level_only=True))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_import_cycle_even_through_imports_inside_functions():
    """A function-level (or ``TYPE_CHECKING``) import only hides a cycle: none at any level."""
    cycle = _find_cycle(_import_graph(_modules(), module_level_only=False))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_sees_an_import_inside_a_function(tmp_path: Path):
    (tmp_path / "a.py").write_text("from pkg import b\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from pkg.a import x\n    return x\n", encoding="utf-8")
    modules = {"pkg.a": tmp_path / "a.py", "pkg.b": tmp_path / "b.py"}
    assert _find_cycle(_import_graph(modules, module_level_only=True)) is None
    assert _find_cycle(_import_graph(modules, module_level_only=False)) == ["pkg.a", "pkg.b", "pkg.a"]


def test_course_data_imports_no_other_part_of_the_application():
    """``pacte.course`` is the bottom layer: the site, the live sessions, the exports and the server use it."""
    for name, path in _modules().items():
        if name.startswith("pacte.course"):
            bad = [m for m, _, _ in _imports(path) if m.startswith("pacte.") and not m.startswith("pacte.course")]
            assert bad == [], f"{name} imports {bad}"


JS_IMPORT = re.compile(r"""^\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}/[^"']+)["']""", re.M | re.S)
# `import "./x.js"` (for its effects), `import("./x.js")` and the loader's `import(new URL("x.js", here).href)`
JS_OTHER_IMPORTS = re.compile(
    r"""^\s*import\s*["'](\.{1,2}/[^"']+)["']|\bimport\(\s*(?:["'`](\.{1,2}/[^"'`$]+)["'`]|new URL\(\s*["'`]([^"'`$/]+\.js)["'`])""",
    re.M,
)
JS_DIRS = ("widgets/static", "pacte/live/dashboard")


def _js_graph() -> dict[str, set[str]]:
    """ES module → the ES modules of the course it imports (relative ``import … from "./x.js"``)."""
    graph: dict[str, set[str]] = {}
    for folder in JS_DIRS:
        for path in (ROOT / folder).rglob("*.js"):
            text = path.read_text(encoding="utf-8")
            found = JS_IMPORT.findall(text) + [m for group in JS_OTHER_IMPORTS.findall(text) for m in group if m]
            targets = {(path.parent / m).resolve() for m in found}
            graph[str(path.relative_to(ROOT))] = {str(t.relative_to(ROOT)) for t in targets if t.is_relative_to(ROOT)}
    return graph


def test_the_es_module_graph_sees_every_form_of_import():
    text = 'import "./a.js";\nconst b = await import("./b.js");\nconst c = await import(new URL("c.js", here).href);\n'
    text += 'const d = await import(new URL(`${name}.js`, here).href);\nimport { e } from "../e.js";\n'
    found = JS_IMPORT.findall(text) + [m for group in JS_OTHER_IMPORTS.findall(text) for m in group if m]
    assert sorted(found) == ["../e.js", "./a.js", "./b.js", "c.js"]  # a computed name cannot be followed


def test_the_python_graph_sees_relative_and_importlib_imports(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)  # the packages of the files below
    pkg = tmp_path / "pkg"
    (pkg / "checks").mkdir(parents=True)
    (pkg / "checks" / "__init__.py").write_text(
        "import importlib\ndef load(n):\n    return importlib.import_module(f'pkg.checks.{n}')\n", encoding="utf-8"
    )
    (pkg / "checks" / "one.py").write_text("from .. import base\n", encoding="utf-8")
    (pkg / "base.py").write_text("def f():\n    from pkg.checks import load\n", encoding="utf-8")
    modules = {
        "pkg.checks": pkg / "checks" / "__init__.py",
        "pkg.checks.one": pkg / "checks" / "one.py",
        "pkg.base": pkg / "base.py",
    }
    graph = _import_graph(modules, module_level_only=False)
    assert graph == {"pkg.checks": {"pkg.checks.one"}, "pkg.checks.one": {"pkg.base"}, "pkg.base": {"pkg.checks"}}
    assert _find_cycle(graph) == ["pkg.base", "pkg.checks", "pkg.checks.one", "pkg.base"]


def test_no_import_cycle_between_es_modules():
    graph = _js_graph()
    assert sum(len(v) for v in graph.values()) > 10  # the pattern does find the imports
    cycle = _find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_pages_import_only_the_public_widgets_api():
    for page in [*(ROOT / "modules").rglob("*.md"), *(ROOT / "book").rglob("*.md")]:
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith(("from ", "import ")) and ("widgets" in line or "pacte" in line):
                assert line.startswith("from widgets import "), f"{page.relative_to(ROOT)}: {line}"


JS_EXPORT = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)", re.M)


def test_every_es_module_export_is_used_outside_its_module():
    """An export nothing imports (no other module, no test, no Python code) is dead or should be private."""
    modules = {p: p.read_text(encoding="utf-8") for folder in JS_DIRS for p in (ROOT / folder).rglob("*.js")}
    python = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in ("pacte", "widgets", "tests", "benchmarks")
        for p in (ROOT / folder).rglob("*.py")
    )
    words = re.compile(r"[\w$]+")
    python_words = set(words.findall(python))
    module_words = {path: set(words.findall(text)) for path, text in modules.items()}
    unused = []
    for path, text in modules.items():
        for name in JS_EXPORT.findall(text):
            if name not in python_words and not any(name in w for p, w in module_words.items() if p != path):
                unused.append(f"{path.relative_to(ROOT)}: {name}")
    assert unused == []
