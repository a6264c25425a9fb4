"""Building the course: the static book and the Voilà notebooks."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import jupytext

from pacte.course.binder import HOME_DOC
from pacte.course.fmt import number
from pacte.course.paths import build_dir, course_root
from pacte.course.toc import page_source, source_title, toc_files, write_effective_toc
from pacte.site.voila_export import myst_to_commonmark, page_links


def is_notebook_page(path: Path) -> bool:
    """True when a MyST page is a notebook (it has a jupytext/kernelspec header)."""
    head = path.read_text(encoding="utf-8")[:600]
    return head.startswith("---") and ("kernelspec:" in head or "jupytext:" in head)


def notebook_pages(root: Path | None = None) -> list[str]:
    """Return the document names of the pages that contain code."""
    return [d for d in toc_files(root) if is_notebook_page(page_source(d, root))]


TRAINER_PAGES = "book/formateur"


def voila_pages(root: Path | None = None) -> list[tuple[Path, str]]:
    """(source, target name) of every Voilà notebook: the book's pages with code and the trainer pages with code.

    A trainer page without code (such as ``tableau-de-bord.md``, which only tells how to open the
    kernel-less dashboard at ``/formateur/``) gets no notebook, so no kernel.
    """
    root = root or course_root()
    pages = [(page_source(doc, root), doc) for doc in notebook_pages(root)]
    for src in sorted((root / TRAINER_PAGES).glob("*.md")):
        if is_notebook_page(src):
            pages.append((src, f"formateur/{src.stem}"))
    return pages


def export_voila_notebooks(root: Path | None = None) -> list[Path]:
    """Write ``_build/voila/<docname>.ipynb`` for every page with code and the course home, for Voilà and Binder.

    The home (``book/intro``) has no code, but it is where a Binder launch lands: its
    links, like every page's, lead to the other pages' notebooks.
    """
    root = root or course_root()
    pages = voila_pages(root)
    if HOME_DOC not in {doc for _, doc in pages}:
        pages.insert(0, (page_source(HOME_DOC, root), HOME_DOC))
    links = page_links({doc: page_source(doc, root) for doc in toc_files(root)}, [doc for _, doc in pages])
    out = []
    for src, doc in pages:
        nb = jupytext.read(src)
        target = build_dir() / "voila" / f"{doc}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nb.metadata.pop("jupytext", None)
        nb.metadata.setdefault("kernelspec", {"display_name": "Python 3", "language": "python", "name": "python3"})
        nb.metadata["title"] = source_title(src) or doc  # the Voilà view's <title>
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                cell.source = myst_to_commonmark(cell.source, doc, links)
        jupytext.write(nb, target, fmt="ipynb")
        out.append(target)
    # A trainer notebook left by an earlier build (the Voilà dashboard before /formateur/) is not served.
    for stale in (build_dir() / "voila" / "formateur").glob("*.ipynb"):
        if stale not in out:
            stale.unlink()
    return out


# What a page's executed outputs can depend on besides its own text: the
# widgets (Python and the ES modules embedded in widget state), the course-data
# code they call, and the data. The server, live sessions, build, tests and the
# seed documents (read only by `pacte check`) cannot change an output.
OUTPUT_INPUTS = (
    ("widgets", (".py", ".js", ".css", ".svg")),
    ("pacte/course", (".py",)),
    ("datasets", (".csv", ".json", ".yaml", ".yml")),
)
NOT_OUTPUT_INPUTS = ("datasets/sources",)


# What turns the executed pages into HTML besides Sphinx and the theme: the book's own extensions,
# templates and static files. Sphinx notices a changed page, configuration or template, not a changed
# extension: the pages are then written again (their code is not executed again).
PAGE_WRITERS = "pacte/site"


def _digest(root: Path, inputs: tuple[tuple[str, tuple[str, ...] | None], ...], excluded: tuple[str, ...] = ()) -> str:
    digest = hashlib.sha256()
    for folder, suffixes in inputs:
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if (
                path.is_file()
                and (suffixes is None or path.suffix in suffixes)
                and "__pycache__" not in path.parts
                and not rel.startswith(excluded)
            ):
                digest.update(rel.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def code_and_data_digest(root: Path | None = None) -> str:
    """Hash of everything a page's outputs depend on besides its own text (see ``OUTPUT_INPUTS``)."""
    return _digest(root or course_root(), OUTPUT_INPUTS, NOT_OUTPUT_INPUTS)


def page_writers_digest(root: Path | None = None) -> str:
    """Hash of the book's extensions, templates and static files (``PAGE_WRITERS``)."""
    return _digest(root or course_root(), ((PAGE_WRITERS, None),))


def _clear_when_changed(stamp_name: str, current: str, folders: tuple[str, ...]) -> bool:
    """Remove ``folders`` of the build directory when ``current`` differs from the digest stamped last time
    (or none was); stamp ``current``; return whether it changed."""
    stamp = build_dir() / stamp_name
    stale = stamp.exists() and stamp.read_text() != current
    if stale or not stamp.exists():
        for folder in folders:
            shutil.rmtree(build_dir() / folder, ignore_errors=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current)
    return stale


def invalidate_stale_pages(root: Path | None = None) -> bool:
    """Have every page written again when the book's extensions changed since the last build (not executed again)."""
    return _clear_when_changed(".pacte-page-writers", page_writers_digest(root), (".doctrees", "html"))


def invalidate_stale_cache(root: Path | None = None) -> bool:
    """Clear the execution cache when what page outputs depend on changed since it was filled.

    Jupyter Book's cache is keyed on each page's code only, so a change in the
    ``widgets`` package or in ``datasets/`` would otherwise leave stale outputs.
    """
    folders = (".jupyter_cache", "jupyter_execute", ".doctrees", "html")
    return _clear_when_changed(".pacte-inputs", code_and_data_digest(root), folders)


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_ERR_LOG = re.compile(r"(?:Notebook exception traceback saved in|traceback saved in):\s*(\S+\.err\.log)")
_FAILED_PAGE = re.compile(r"^(\S+?):?\s+WARNING: Executing notebook failed")
_DATA_ERROR = re.compile(r"^(?P<path>[^:]+?)(?::(?P<line>\d+))?(?: \[(?P<field>.*?)\])?: (?P<msg>.*)$")
_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception): ")
# Log lines of the executing kernels that say nothing about the book: kept in
# the build log, neither printed nor counted as the build's warnings.
_KERNEL_NOISE = re.compile(r"^\s*\[IPKernelApp\] WARNING \| Kernel is running over TCP without encryption")
_SPHINX_CRASH = re.compile(r"^(Theme error|Extension error|Exception occurred|Sphinx error|Configuration error)")
NBSP = "\u00a0"


def execution_cause(err_log: Path) -> str:
    """The exception line at the end of a notebook's ``.err.log``, in French (file, line, field when known)."""
    try:
        text = _ANSI.sub("", err_log.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return f"(journal illisible{NBSP}: {err_log})"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    last = next(
        (line for line in reversed(lines) if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Warning)\b", line)),
        lines[-1] if lines else "",
    )
    name, _, detail = last.partition(": ")
    match = _DATA_ERROR.match(detail) if name.endswith("DataError") else None
    if match:
        path = match["path"]
        try:
            path = str(Path(path).relative_to(course_root()))
        except ValueError:
            pass
        where = [f"fichier {path}"]
        if match["line"]:
            where.append(f"ligne {match['line']}")
        if match["field"]:
            where.append(f"champ {match['field']}")
        return f"{', '.join(where)}{NBSP}: {match['msg']}"
    return f"{name}{NBSP}: {detail}" if detail else name


def build_jobs() -> int:
    """Processes reading (and executing) the pages: ``PACTE_BUILD_JOBS``, else one per core, at most 4."""
    wanted = os.environ.get("PACTE_BUILD_JOBS", "")
    return int(wanted) if wanted.isdigit() and int(wanted) > 0 else min(os.cpu_count() or 1, 4)


def _build_command(root: Path, strict: bool) -> list[str]:
    cmd = [
        sys.executable,
        "-c",
        # Jupyter Book v1's CLI has no --jobs; its build_sphinx takes one (Sphinx's parallel read).
        "import functools, sys, jupyter_book.sphinx as s; "
        "s.build_sphinx = functools.partial(s.build_sphinx, jobs=int(sys.argv.pop(1))); "
        "from jupyter_book.cli.main import main; main()",
        str(build_jobs()),
        "build",
        str(root),
        "--config",
        str(root / "_config.yml"),
        "--toc",
        str(write_effective_toc(build_dir() / "_toc.yml", root)),
        "--path-output",
        str(build_dir().parent),
    ]
    if strict:
        cmd += ["-n", "-W", "--keep-going"]
    return cmd


@dataclass
class BuildOutput:
    """What the Jupyter Book output tells: warnings, pages whose code failed, a crash, exceptions."""

    warnings: list[str] = field(default_factory=list)
    failed: list[tuple[str, Path]] = field(default_factory=list)
    crash: list[str] = field(default_factory=list)  # a Sphinx error that stops the build, shown even with --quiet
    crash_lines: int = 0
    exceptions: list[str] = field(default_factory=list)

    def read(self, line: str, quiet: bool) -> None:
        """Record one line of output and stream it (only warnings and errors when ``quiet``)."""
        plain = _ANSI.sub("", line)
        if _KERNEL_NOISE.match(plain):
            return
        if _SPHINX_CRASH.search(plain):
            self.crash_lines = 3
        if _EXCEPTION_LINE.match(plain) and plain.split(":", 1)[1].strip():
            self.exceptions.append(plain.strip())
        if self.crash_lines and plain.strip():
            self.crash.append(plain.strip())
            self.crash_lines -= 1
        self._read_failed_page(plain)
        if "WARNING" in line or "ERROR" in line:
            self.warnings.append(line.rstrip())
        if not quiet or "WARNING" in line or "ERROR" in line:
            print("  " + line.rstrip(), flush=True)

    def _read_failed_page(self, plain: str) -> None:
        found = _ERR_LOG.search(plain)
        if found:
            page = _FAILED_PAGE.match(plain)
            page_name = plain.split(": WARNING", 1)[0].strip() if ": WARNING" in plain else (page[1] if page else "?")
            self.failed.append((page_name, Path(found.group(1))))


def _report_failed_pages(failed: list[tuple[str, Path]], root: Path) -> None:
    for page_name, err_log in failed:
        try:
            page_name = str(Path(page_name).relative_to(root))
        except ValueError:
            pass
        print(
            f"pacte build{NBSP}: la page {page_name} n’a pas pu être exécutée{NBSP}: {execution_cause(err_log)} "
            f"(trace complète{NBSP}: {err_log})",
            flush=True,
        )


def _report_stop(output: BuildOutput, code: int) -> None:
    if output.crash:
        print(f"pacte build{NBSP}: Sphinx s’est arrêté sur une erreur{NBSP}: {' '.join(output.crash[:3])}", flush=True)
    elif code != 0 and not output.failed and output.exceptions:
        print(f"pacte build{NBSP}: Jupyter Book s’est arrêté sur une erreur{NBSP}: {output.exceptions[0]}", flush=True)


def build_book(strict: bool = True, quiet: bool = False) -> int:
    """Build the HTML book with Jupyter Book, streaming its progress; return the exit code."""
    root = course_root()
    cmd = _build_command(root, strict)
    start = time.perf_counter()
    if invalidate_stale_cache(root):
        print(f"pacte build{NBSP}: widgets ou données modifiés, cache d’exécution vidé", flush=True)
    if invalidate_stale_pages(root):
        print(f"pacte build{NBSP}: extensions du livre modifiées, toutes les pages réécrites", flush=True)
    pages = toc_files(root)
    print(f"pacte build{NBSP}: {len(pages)} pages, dont {len(notebook_pages(root))} avec du code", flush=True)
    proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    output = BuildOutput()
    log_path = build_dir() / "pacte-build.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("w", encoding="utf-8")
    for line in proc.stdout:
        log.write(line)
        output.read(line, quiet)
    code = proc.wait()
    log.close()
    notebooks = export_voila_notebooks(root)
    elapsed = time.perf_counter() - start
    if output.failed:
        # Sphinx would not re-read the failed pages next time: force a clean execution then.
        (build_dir() / ".pacte-inputs").unlink(missing_ok=True)
        code = code or 1  # a page whose code fails is an error, even without --strict
    _report_failed_pages(output.failed, root)
    _report_stop(output, code)
    seconds = number(elapsed, 1)
    status = "réussi" if code == 0 else f"ÉCHEC (code {code}, {len(output.warnings)} avertissement(s) ou erreur(s))"
    print(
        f"pacte build{NBSP}: {status} en {seconds}{NBSP}s{NBSP}; livre dans {build_dir() / 'html'}{NBSP}; "
        f"{len(notebooks)} carnets Voilà dans {build_dir() / 'voila'}{NBSP}; journal{NBSP}: {log_path}",
        flush=True,
    )
    return code
