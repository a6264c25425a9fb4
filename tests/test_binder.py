"""Binder as it really builds: repo2docker's own plan, every pin resolving as a wheel, links, launch addresses.

The reproduction of the image itself (a clean copy, a fresh virtual
environment, JupyterLab with Voilà, in Chromium) is in ``test_binder_image.py``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from binder_env import binder_python
from conftest import ROOT, _missing

from pacte.course.binder import HOME_DOC, NOTEBOOK_DIR, binder_launch
from pacte.site.voila_export import myst_to_commonmark, page_links


def lowest_promised_python() -> str:
    """The lowest Python that pyproject.toml's ``requires-python`` admits."""
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    match = re.search(r">=\s*(\d+\.\d+(?:\.\d+)?)", spec)
    assert match, f"pyproject.toml requires-python has no lower bound: {spec!r}"
    return match.group(1)


def repo2docker_executable() -> str:
    """repo2docker beside this interpreter (a test dependency), or a failure in CI."""
    found = shutil.which("repo2docker", path=str(Path(sys.executable).parent)) or shutil.which("repo2docker")
    if not found:
        _missing("repo2docker is not installed (pip install jupyter-repo2docker, in the [test] extra)")
    return str(found)


def test_repo2docker_plans_the_pinned_python_then_the_requirements_then_post_build():
    plan = subprocess.run(
        [repo2docker_executable(), "--no-build", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    printed = plan.stdout + plan.stderr
    assert plan.returncode == 0, printed[-3000:]
    version = binder_python()
    assert f"python={version}" in printed, printed[:2000]
    assert "Python version unspecified" not in printed
    install = 'pip install --no-cache-dir -r "binder/requirements.txt"'
    assert install in printed
    assert "RUN ./binder/postBuild" in printed
    assert printed.index(install) < printed.index("RUN ./binder/postBuild")
    # The requirements name the project itself (-e .): repo2docker must install them after copying the repository.
    assert printed.index("COPY --chown=0:0 src/ ${REPO_DIR}/") < printed.index(install)


def test_binder_python_is_one_that_requires_python_admits():
    version = tuple(int(part) for part in binder_python().split("."))
    assert version >= tuple(int(part) for part in lowest_promised_python().split("."))[:2]
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    upper = re.search(r"<\s*(\d+)\.(\d+)", spec)
    assert upper is None or version < (int(upper.group(1)), int(upper.group(2)))


def _resolve_pins(python_version: str, pins: list[str], target: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--no-deps",
            "--ignore-installed",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "--python-version",
            python_version,
            "--target",
            str(target),
            *pins,
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.slow
def test_every_pin_has_a_wheel_for_binders_python_and_the_lowest_promised_one(tmp_path):
    # constraints.txt is the whole closure of what the course installs: asking for every
    # line as a requirement, without dependencies, checks each pin has a wheel for that Python.
    # Each pip asks the index for one pin after another: the pins go in slices to parallel pips.
    versions = sorted({binder_python(), lowest_promised_python()})
    pins = [line.split("#")[0].strip() for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()]
    pins = [pin for pin in pins if pin]
    assert len(pins) > 50, "constraints.txt should pin the whole closure"
    jobs = [(v, pins[i::4], tmp_path / f"{v}-{i}") for v in versions for i in range(4)]
    with ThreadPoolExecutor(len(jobs)) as pool:
        results = list(pool.map(lambda job: _resolve_pins(*job), jobs))
    failures = {
        f"Python {v}, {slice_[0]}…": r.stderr.strip().splitlines()[-3:]
        for (v, slice_, _), r in zip(jobs, results, strict=True)
        if r.returncode != 0
    }
    assert not failures, f"pins without a wheel, per Python: {failures}"


def test_launch_addresses_come_from_the_one_repository_address_and_are_in_the_readme():
    launch = binder_launch()
    assert launch is not None
    repo = "pacte-soins-primaires/cours"
    assert launch.voila == (
        f"https://mybinder.org/v2/gh/{repo}/main?urlpath=voila%2Frender%2F_build%2Fvoila%2Fbook%2Fintro.ipynb"
    )
    assert (
        launch.lab == f"https://mybinder.org/v2/gh/{repo}/main?urlpath=lab%2Ftree%2F_build%2Fvoila%2Fbook%2Fintro.ipynb"
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert launch.voila in readme and launch.lab in readme
    assert "badge" in readme.lower()


def test_launch_addresses_follow_the_configured_repository(tmp_path):
    (tmp_path / "_config.yml").write_text(
        "repository:\n  url: https://github.com/ehesp/pacte-cours\n  branch: stable\n"
        "launch_buttons:\n  binderhub_url: https://binder.example.fr/\n",
        encoding="utf-8",
    )
    launch = binder_launch("modules/panorama/structures", tmp_path)
    assert launch is not None
    assert launch.lab.startswith("https://binder.example.fr/v2/gh/ehesp/pacte-cours/stable?urlpath=lab%2Ftree%2F")
    assert launch.lab.endswith("modules%2Fpanorama%2Fstructures.ipynb")
    (tmp_path / "_config.yml").write_text("repository:\n  url: ''\n", encoding="utf-8")
    assert binder_launch(HOME_DOC, tmp_path) is None


def test_links_between_pages_lead_to_notebooks_in_voila_and_jupyterlab(tmp_path):
    pages = {
        "book/intro": tmp_path / "intro.md",
        "book/glossaire": tmp_path / "glossaire.md",
        "modules/metier/profils": tmp_path / "profils.md",
    }
    pages["book/intro"].write_text("(accueil)=\n# Accueil\n", encoding="utf-8")
    pages["book/glossaire"].write_text("(glossaire)=\n# Glossaire\n", encoding="utf-8")
    pages["modules/metier/profils"].write_text("(profils-coordination)=\n# Profils\n", encoding="utf-8")
    links = page_links(pages, ["book/intro", "modules/metier/profils"])
    text = myst_to_commonmark(
        "Voir {ref}`les profils <profils-coordination>`, le {ref}`glossaire <glossaire>` "
        "et {doc}`l’accueil </book/intro>`.",
        "modules/metier/index",
        links,
    )
    assert text == "Voir [les profils](profils.ipynb), le glossaire et [l’accueil](../../book/intro.ipynb)."
    # Written without a text, a link reads as its target's heading (as Sphinx writes it), never its label.
    bare = myst_to_commonmark("Voir {ref}`profils-coordination` et {doc}`/book/intro`.", "modules/metier/index", links)
    assert bare == "Voir [Profils](profils.ipynb) et [Accueil](../../book/intro.ipynb)."


def test_the_exported_notebooks_link_to_each_other_and_include_the_home(built_book):
    home = ROOT / NOTEBOOK_DIR / f"{HOME_DOC}.ipynb"
    assert home.exists(), "the course home is not exported for Binder"
    text = home.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+\.ipynb)\)", text)
    assert len(targets) >= 6, targets
    for target in targets:
        assert (home.parent / target).resolve().exists(), target
    assert not re.search(r"\]\([^)]*\.html\)", text)


def test_install_refuses_an_unsupported_python_before_doing_anything(tmp_path):
    (tmp_path / "scripts").mkdir()
    for name in ("install.sh", "check_python.py"):
        shutil.copy(ROOT / "scripts" / name, tmp_path / "scripts" / name)
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.99"\n', encoding="utf-8")
    found = ".".join(str(part) for part in sys.version_info[:3])
    run = subprocess.run(
        ["bash", str(tmp_path / "scripts" / "install.sh"), "--test"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
        timeout=60,
    )
    assert run.returncode == 2
    assert f"Python {found} found" in run.stderr and ">=3.99" in run.stderr and "PYTHON=" in run.stderr
    assert "Traceback" not in run.stderr and "apt-get" not in run.stdout
    assert not (tmp_path / ".venv").exists()
    missing = subprocess.run(
        ["bash", str(tmp_path / "scripts" / "install.sh")],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHON": "python3.99-nowhere"},
        timeout=60,
    )
    assert missing.returncode == 2 and "PYTHON=" in missing.stderr
