"""The Binder image's environment, built without Docker as repo2docker's plan builds it.

repo2docker's plan (checked in ``test_binder.py``) is: the base environment of its Python lock file
(JupyterLab, Notebook), the repository copied to the working directory, ``pip install -r
binder/requirements.txt`` there, then ``binder/postBuild``. :func:`prepare` runs the same commands on a
``git archive`` of HEAD (nothing untracked helps) in a fresh virtual environment of Binder's Python minor
version. Two differences, for speed: pip keeps its cache (Binder passes ``--no-cache-dir``), which changes
what is downloaded, not what is installed; and it writes no bytecode (``--no-compile``: Python compiles the
modules it imports when it imports them), which changes neither what is installed nor how it runs.

The environment is made once per tree of HEAD: ``scripts/test.sh`` prepares it beside the build (the
build keeps one core busy, pip the other), and ``test_binder_image`` uses it if it was made for the same
tree, or makes it itself::

    python tests/binder_env.py _build/binder-env
"""

from __future__ import annotations

import importlib.resources
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_PACKAGES = ("jupyterlab", "notebook")
READY = "ready"  # written last, with the tree it was made from


class MissingTool(RuntimeError):
    """What the environment needs is not on this machine (git, Binder's Python)."""


@dataclass(frozen=True)
class BinderEnv:
    """A prepared environment: the repository copy, its virtual environment and the variables to run in it."""

    work: Path

    @property
    def repo(self) -> Path:
        return self.work / "repo"

    @property
    def venv(self) -> Path:
        return self.work / "venv"

    @property
    def env(self) -> dict[str, str]:
        home = self.work / "home"
        return {
            "PATH": f"{self.venv / 'bin'}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
            "JUPYTER_DATA_DIR": str(home / ".local/share/jupyter"),
            "JUPYTER_RUNTIME_DIR": str(home / ".local/share/jupyter/runtime"),
            "IPYTHONDIR": str(home / ".ipython"),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip")),
        }


def binder_python() -> str:
    """The Python ``major.minor`` that ``binder/runtime.txt`` pins (``python-3.11`` → ``3.11``)."""
    text = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+\.\d+)", text)
    if not match:
        raise ValueError(f"binder/runtime.txt: expected « python-X.Y », found {text!r}")
    return match.group(1)


def base_environment_pins(python: str) -> list[str]:
    """``name==version`` of the Jupyter front ends in repo2docker's lock file for ``python``."""
    lock = importlib.resources.files("repo2docker.buildpacks.conda") / f"environment.py-{python}-linux-64.lock"
    text = lock.read_text(encoding="utf-8")
    pins = []
    for name in BASE_PACKAGES:
        match = re.search(rf"/{name}-(\d[\w.]*)-[\w]+(?:_\d+)?\.conda", text)
        if not match:
            raise ValueError(f"{name} not found in repo2docker's {lock}")
        pins.append(f"{name}=={match.group(1)}")
    return pins


def binder_interpreter() -> str:
    """An interpreter of Binder's minor version: this one, or ``pythonX.Y`` on the PATH."""
    wanted = binder_python()
    if f"{sys.version_info[0]}.{sys.version_info[1]}" == wanted:
        return sys.executable
    found = shutil.which(f"python{wanted}")
    if not found:
        raise MissingTool(f"no Python {wanted} to reproduce Binder's environment")
    return str(found)


def head_tree() -> str:
    """The id of HEAD's tree: what ``git archive HEAD`` contains."""
    if shutil.which("git") is None:
        raise MissingTool("git is needed to archive HEAD")
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD^{tree}"], capture_output=True, text=True, check=True
    ).stdout.strip()


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 1200) -> None:
    """Run one build step; raise with its output's tail if it fails."""
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{(done.stdout + done.stderr)[-4000:]}")


def prepared(work: Path) -> BinderEnv | None:
    """The environment in ``work`` if it was made from HEAD's tree, else None."""
    ready = work / READY
    if ready.exists() and ready.read_text(encoding="utf-8").strip() == head_tree():
        return BinderEnv(work)
    return None


def prepare(work: Path) -> BinderEnv:
    """Make (or reuse) in ``work`` the Binder environment of HEAD's tree."""
    found = prepared(work)
    if found:
        return found
    tree = head_tree()
    shutil.rmtree(work, ignore_errors=True)
    made = BinderEnv(work)
    made.repo.mkdir(parents=True)
    (work / "home").mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(made.repo)], input=archive, check=True)
    env = made.env
    run([binder_interpreter(), "-m", "venv", str(made.venv)], work, env)
    pip = [str(made.venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-compile"]
    run(pip + base_environment_pins(binder_python()), work, env)
    run(pip + ["-r", "binder/requirements.txt"], made.repo, env)
    run(["bash", "-c", "chmod +x binder/postBuild && ./binder/postBuild"], made.repo, env)
    (work / READY).write_text(tree + "\n", encoding="utf-8")
    return made


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/binder_env.py DIR")
    print(f"binder_env: ready in {prepare(Path(sys.argv[1]).resolve()).work}")
