"""The test suite's own setup for parallel workers (pytest-xdist): marks by fixture, per-worker paths."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conftest import BUILD, LONGEST_FIRST, MARKING_FIXTURES, ROOT, pytest_collection_modifyitems


@dataclass
class FakeItem:
    fixturenames: list[str]
    marks: list[str] = field(default_factory=list)
    path: Path = Path("tests/test_example.py")

    def add_marker(self, mark: str) -> None:
        self.marks.append(mark)


def test_tests_are_marked_by_the_fixtures_they_use():
    items = [
        FakeItem(["offline_page", "browser"]),
        FakeItem(["pacte_server", "built_book"]),
        FakeItem(["built_book"]),
        FakeItem(["tmp_path"]),
    ]
    pytest_collection_modifyitems(None, items)
    assert [sorted(set(i.marks)) for i in items] == [["browser"], ["slow"], ["slow"], []]
    assert set(MARKING_FIXTURES) == {"browser", "pacte_server", "built_book"}


def _worker_path(worker: str) -> Path:
    env = {**os.environ, "PYTEST_XDIST_WORKER": worker}
    code = "import sys; sys.path.insert(0, 'tests'); import conftest; print(conftest.worker_path('test-live-data'))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return Path(proc.stdout.strip())


def test_each_worker_writes_its_own_files():
    paths = {_worker_path(w) for w in ("gw0", "gw1", "")}
    assert len(paths) == 3
    assert all(p.parent == BUILD for p in paths)
    assert BUILD / "test-live-data" in paths  # without xdist, the plain name


def test_the_longest_modules_listed_first_exist_and_come_first_in_the_collection():
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)
    missing = [name for name in LONGEST_FIRST if not (ROOT / "tests" / f"{name}.py").exists()]
    assert not missing, f"LONGEST_FIRST names modules that are gone: {missing}"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "tests", "--co", "-q", "-p", "no:randomly"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    modules = []
    for line in proc.stdout.splitlines():
        if "::" in line:
            stem = line.split("::")[0].rsplit("/", 1)[-1].removesuffix(".py")
            if not modules or modules[-1] != stem:
                modules.append(stem)
    assert modules[: len(LONGEST_FIRST)] == LONGEST_FIRST, modules[: len(LONGEST_FIRST)]
