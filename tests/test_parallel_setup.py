"""The test suite's own setup for parallel workers (pytest-xdist): marks by fixture, per-worker paths."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from conftest import BUILD, LONG_FEW_FIRST, MARKING_FIXTURES, ROOT, pytest_collection_modifyitems


@dataclass
class FakeItem:
    fixturenames: list[str]
    marks: list[str] = field(default_factory=list)
    path: Path = Path("tests/test_x.py")

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


def test_long_modules_of_few_tests_go_first_then_the_others_by_number_of_tests():
    def module(name: str, count: int) -> list[FakeItem]:
        return [FakeItem([], path=Path(f"tests/{name}.py")) for _ in range(count)]

    items = module("test_a", 1) + module("test_b", 3) + module(LONG_FEW_FIRST[1], 2) + module(LONG_FEW_FIRST[0], 1)
    pytest_collection_modifyitems(None, items)
    assert [i.path.stem for i in items] == [LONG_FEW_FIRST[0], *[LONG_FEW_FIRST[1]] * 2, *["test_b"] * 3, "test_a"]


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
