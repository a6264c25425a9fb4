"""Build helpers: table of contents, Voilà export, cache invalidation."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import voila_views

from pacte.course.toc import toc_files
from pacte.site.build import BuildOutput, build_jobs, code_and_data_digest, notebook_pages, page_writers_digest
from pacte.site.voila_export import myst_to_commonmark


def test_toc_lists_home_first_and_the_survey_page():
    files = toc_files()
    assert files[0] == "book/intro"
    assert "modules/metier/qui-sont-les-coordinateurs" in notebook_pages()
    assert "book/glossaire" not in notebook_pages()


def test_myst_roles_become_plain_text_for_voila():
    text = (
        "(label)=\n# T\nVoir {cite}`schweyer2025,fournier2021`, une {term}`MSP` et "
        "{ref}`le glossaire <glossaire>`.\n\n```{admonition} En bref\n:class: tip\n**Objectifs**\n```\n"
    )
    out = myst_to_commonmark(text)
    assert "(label)=" not in out and ":class:" not in out
    assert "(Schweyer, 2025 ; Fournier, 2021)" in out
    assert "une MSP et le glossaire." in out
    assert "> **En bref**" in out and "> **Objectifs**" in out


def test_digest_changes_with_what_outputs_depend_on_and_only_that(tmp_path):
    import shutil

    root = Path(__file__).resolve().parents[1]
    for folder in ("widgets", "datasets", "pacte"):
        shutil.copytree(root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_and_data_digest(tmp_path)
    # the server, live sessions, the seeds and a test change no page output: the cache survives
    for rel in ("pacte/server.py", "pacte/live/api.py", "datasets/sources/seeds.yaml"):
        path = tmp_path / rel
        path.write_text(path.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    assert code_and_data_digest(tmp_path) == before
    # data, widget code and course-data code do
    for rel in ("datasets/pacte_survey/structures.csv", "widgets/static/quiz.js", "pacte/course/fmt.py"):
        path = tmp_path / rel
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert code_and_data_digest(tmp_path) != before, rel
        before = code_and_data_digest(tmp_path)
    # the book's extensions write the pages (Sphinx does not notice them change): written again, not executed
    writers = page_writers_digest(tmp_path)
    path = tmp_path / "pacte" / "site" / "sphinx_ext.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert page_writers_digest(tmp_path) != writers and code_and_data_digest(tmp_path) == before


def test_the_build_reads_and_executes_pages_in_parallel(built_book, monkeypatch):
    """Every extension the book loads may read in parallel: Sphinx read the pages with several processes
    (on a machine of one core, or with ``PACTE_BUILD_JOBS=1``, serially, as asked)."""
    log = (built_book.parent / "pacte-build.log").read_text(encoding="utf-8")
    assert "does not declare if it is safe for parallel reading" not in log
    assert "doing serial read" not in log
    read = [line for line in log.splitlines() if "reading sources..." in line]
    if build_jobs() > 1 and len(read) >= 10:  # a full build, not a page or two read again
        assert any(" .. " in line for line in read), "pages read one by one: " + read[0]
    monkeypatch.setenv("PACTE_BUILD_JOBS", "3")
    assert build_jobs() == 3
    monkeypatch.setenv("PACTE_BUILD_JOBS", "none")
    assert 1 <= build_jobs() <= 4


def test_pages_carry_no_unread_widget_state(built_book):
    """The saved Jupyter widget state myst-nb would embed (for an HTML manager the book does not load)
    is left out: the course's widgets draw from their own data in the page."""
    heavy = [
        rel.relative_to(built_book).as_posix()
        for rel in built_book.rglob("*.html")
        if "application/vnd.jupyter.widget-state+json" in rel.read_text(encoding="utf-8")
    ]
    assert heavy == []


def test_exported_voila_notebooks_have_no_myst_roles(built_book):
    for nb_path in voila_views():
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                source = "".join(cell["source"])
                assert "{cite}" not in source and "{term}" not in source, nb_path


def test_quiet_build_hides_the_kernels_transport_warning_but_not_real_warnings(capsys):
    output = BuildOutput()
    kernel_noise = (
        "[IPKernelApp] WARNING | Kernel is running over TCP without encryption. All communication "
        "(including code and outputs) is sent in plain text and is susceptible to eavesdropping.\n"
    )
    sphinx_warning = "modules/panorama/index.md:12: WARNING: undefined label: 'nowhere'\n"
    for _ in range(17):
        output.read(kernel_noise, quiet=True)
    output.read(sphinx_warning, quiet=True)
    printed = capsys.readouterr().out
    assert "without encryption" not in printed
    assert "undefined label" in printed
    assert output.warnings == [sphinx_warning.rstrip()]


def test_the_execution_cache_deletes_only_records_beyond_its_limit(tmp_path):
    """jupyter-cache's truncation read in one query (``pacte.site.parallel_cache``): the oldest records
    beyond the limit, never one another build process added meanwhile."""
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.cache.db import NbCacheRecord

    from pacte.site import parallel_cache

    parallel_cache.patch()
    cache = get_cache(str(tmp_path))
    pks = []
    for i in range(3):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"x = {i}")])
        nb.cells[0].execution_count = 1
        pks.append(cache.cache_notebook_bundle(CacheBundleIn(nb, f"/p{i}.md"), check_validity=False).pk)
    assert NbCacheRecord.records_to_delete is parallel_cache.records_to_delete
    assert parallel_cache.records_to_delete(2, cache.db) == [pks[0]]
    assert parallel_cache.records_to_delete(1000, cache.db) == []


def test_a_page_read_from_the_cache_keeps_its_outputs_in_the_notebook_myst_nb_writes(tmp_path):
    """myst-nb writes to ``_build/jupyter_execute`` the notebook it gave its client: a cache hit fills it
    (``pacte.site.parallel_cache``), as an execution does, instead of a copy."""
    import logging

    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from myst_nb.core.config import NbParserConfig
    from myst_nb.core.execute.cache import NotebookClientCache

    from pacte.site import parallel_cache

    parallel_cache.patch()
    executed = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    executed.cells[0].execution_count = 1
    executed.cells[0].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
    get_cache(str(tmp_path)).cache_notebook_bundle(CacheBundleIn(executed, "/page.md"), check_validity=False)
    given = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    config = NbParserConfig(execution_mode="cache", execution_cache_path=str(tmp_path))
    with NotebookClientCache(given, tmp_path / "page.md", config, logging.getLogger("test")) as client:
        assert client.notebook is given
    assert given.cells[0].outputs[0]["data"] == {"text/plain": "2"}
