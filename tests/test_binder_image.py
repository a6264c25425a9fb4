"""The Binder image reproduced without Docker, then used as a learner would.

The environment is made as repo2docker's plan makes it (``binder_env``: a ``git archive`` of HEAD, a
fresh virtual environment of Binder's Python minor version, pip, ``binder/postBuild``), ahead by
``scripts/test.sh`` beside the build or else here. This test starts JupyterLab with the Voilà server
extension in it as the single-user server would, and in Chromium with the network closed: answers a
quiz in a Voilà view, then runs the same notebook in JupyterLab and answers it there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.request

import pytest
from binder_env import READY, MissingTool, prepare, prepared
from conftest import BUILD, _missing, free_port, offline_context, screenshot, wait_for_http
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PAGE = "_build/voila/modules/metier/qui-sont-les-coordinateurs.ipynb"
TOKEN = "binder-test-token"
AHEAD = BUILD / "binder-env"  # where scripts/test.sh prepares it beside the build


def binder_environment(tmp_path_factory):
    """The environment prepared ahead for HEAD's tree (used once: JupyterLab writes in it), or made now."""
    try:
        ahead = prepared(AHEAD)
        if ahead:
            (AHEAD / READY).unlink()
            shutil.rmtree(ahead.work / "home")
            (ahead.work / "home").mkdir()
            return ahead
        return prepare(tmp_path_factory.mktemp("binder"))
    except MissingTool as missing:
        _missing(str(missing))
    except RuntimeError as failed:
        pytest.fail(str(failed))


@pytest.fixture(scope="module")
def binder_server(tmp_path_factory):
    """JupyterLab (with Voilà) serving a Binder-like build of HEAD; yields its base URL."""
    built = binder_environment(tmp_path_factory)
    work, repo, venv, env = built.work, built.repo, built.venv, built.env
    port = free_port()
    log = open(work / "jupyter.log", "w")
    proc = subprocess.Popen(
        [
            str(venv / "bin" / "jupyter"),
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={repo}",
            # Binder runs as an ordinary user; a test run as root (a container) must say so.
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        cwd=repo,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        try:
            wait_for_http(f"{base}api/status?token={TOKEN}", timeout=180)
        except TimeoutError:
            pytest.fail(f"JupyterLab did not start:\n{(work / 'jupyter.log').read_text(encoding='utf-8')[-3000:]}")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        print((work / "jupyter.log").read_text(encoding="utf-8")[-3000:])


def notebook_exists(base: str, href: str) -> bool:
    """True if a course link (``…/voila/render/<path>`` or ``…/lab/tree/<path>``) names an existing notebook."""
    path = re.sub(r"^.*?/(?:voila/render|lab/tree)/", "", href)
    try:
        with urllib.request.urlopen(f"{base}api/contents/{path}?content=0&token={TOKEN}", timeout=30) as resp:
            return resp.status == 200 and path.endswith(".ipynb")
    except OSError:
        return False


def answer_first_question(page) -> None:
    """Tick the first choice of the page's first quiz question, submit it, and wait for its feedback."""
    form = page.locator(".pacte-quiz form").first
    form.locator("input").first.check()
    form.locator("button[type=submit]").click()
    feedback = form.locator(".pacte-quiz-feedback")
    page.wait_for_function("el => el.textContent.trim().length > 0", arg=feedback.element_handle(), timeout=30000)
    assert re.search(r"Bonne réponse|Pas tout à fait|Réponse", feedback.inner_text())


def progress_page_links(page, selector: str) -> list[str]:
    """The page links « Mon parcours » draws (one per module at least), once it has drawn them."""
    links = page.locator(f"{selector} a[href*='modules/']")
    links.first.wait_for(state="attached", timeout=180000)
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


def run_all_cells(page) -> None:
    """« Run » › « Run All Cells » once the kernel is idle, again if nothing started, until a cell has run."""
    page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=180000)
    for _ in range(4):
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            text = dialog.first.inner_text()
            if not text.startswith("Select Kernel") or "Python 3 (ipykernel)" not in text:
                pytest.fail(f"JupyterLab shows a dialog: {text}")
            # A learner accepts the preselected kernel of the notebook (Python 3) and goes on.
            dialog.first.locator(".jp-mod-accept").click()
            page.locator(".jp-StatusBar-TextItem", has_text="Idle").first.wait_for(timeout=180000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        try:
            page.locator(".jp-InputArea-prompt", has_text=re.compile(r"\[(\*|\d+)\]")).first.wait_for(
                state="attached", timeout=30000
            )
        except PlaywrightTimeoutError:
            continue
        page.locator(".jp-InputArea-prompt", has_text=re.compile(r"\[\d+\]")).first.wait_for(
            state="attached", timeout=180000
        )
        return
    pytest.fail("JupyterLab did not run the notebook's cells")


def assert_clean(page) -> None:
    """No request left the machine, no error in the page or its console."""
    assert page.pacte_log.external == []
    assert page.pacte_log.page_errors == []
    assert page.pacte_log.console_errors == []


def test_a_voila_view_on_binder_takes_an_answer_and_its_links_lead_to_notebooks(browser, binder_server):
    context, page = offline_context(browser)
    try:
        page.goto(f"{binder_server}voila/render/{PAGE}?token={TOKEN}", timeout=180000)
        page.locator(".pacte-quiz form").first.wait_for(timeout=180000)
        answer_first_question(page)
        page.wait_for_selector(".pacte-quiz[data-kernel-score]", timeout=60000)
        markdown_links = page.locator("a[href$='.ipynb']")
        assert markdown_links.count() >= 2
        for i in range(markdown_links.count()):
            href = markdown_links.nth(i).evaluate("a => a.href")
            assert notebook_exists(binder_server, href), href
        screenshot(page, "binder-voila-quiz")
        assert_clean(page)
    finally:
        context.close()
    context, page = offline_context(browser)
    try:
        page.goto(f"{binder_server}voila/render/_build/voila/book/mon-parcours.ipynb?token={TOKEN}", timeout=180000)
        hrefs = progress_page_links(page, "body")
        assert len(hrefs) >= 6
        for href in hrefs:
            assert "/voila/render/_build/voila/modules/" in href and notebook_exists(binder_server, href), href
        assert_clean(page)
    finally:
        context.close()


def test_the_same_notebook_in_jupyterlab_renders_its_widgets_and_takes_an_answer(browser, binder_server):
    context, page = offline_context(browser, width=1400, height=1000)
    try:
        for notebook in (PAGE, "_build/voila/book/mon-parcours.ipynb"):
            # `reset`: a workspace with this notebook only, as a learner opening the link gets it.
            page.goto(f"{binder_server}lab/tree/{notebook}?reset&token={TOKEN}", timeout=180000)
            page.locator(".jp-Notebook").first.wait_for(timeout=180000)
            page.locator(".jp-Notebook-ExecutionIndicator[data-status=idle]").first.wait_for(timeout=180000)
            run_all_cells(page)
            if notebook == PAGE:
                page.locator(".pacte-quiz form").first.wait_for(state="attached", timeout=180000)
                page.locator(".pacte-quiz form").first.scroll_into_view_if_needed()
                answer_first_question(page)
                page.wait_for_selector(".pacte-quiz[data-kernel-score]", timeout=60000)
                screenshot(page, "binder-jupyterlab-quiz")
        # JupyterLab's address bar now shows a folder: the links still name the notebooks.
        hrefs = progress_page_links(page, ".jp-OutputArea")
        assert len(hrefs) >= 6
        for href in hrefs:
            assert "/lab/tree/_build/voila/modules/" in href and notebook_exists(binder_server, href), href
        screenshot(page, "binder-jupyterlab-parcours")
        assert_clean(page)
    finally:
        context.close()
