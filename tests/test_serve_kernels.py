"""Voilà kernels of ``pacte serve``: on demand, a pool only for named pages, a cap with a French page, culling."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import BUILD, ROOT, TRAINER_TOKEN, free_port, wait_for_http

from pacte.cli import main as cli_main
from pacte.course.fmt import NBSP
from pacte.kernel_cap import DEFAULT_MAX_KERNELS
from pacte.kernels import (
    cap_page,
    describe,
    kernel_argv,
    kernel_config,
    pooled_kernels,
    preheat_name,
)

POOLED = "modules/metier/qui-sont-les-coordinateurs"
OTHERS = ["modules/financement/simulateur-aci-msp", "modules/dynamiques/ce-que-dit-l-enquete"]


def test_cap_page_is_french_and_links_the_book_page():
    page = cap_page("modules/metier/legitimite.ipynb", 12)
    assert 'lang="fr"' in page
    assert f"12{NBSP}vues interactives" in page
    assert f"minutes{NBSP}:" in page and "’" in page and "'" not in page.replace("='", "").replace("'>", "")
    assert 'href="/modules/metier/legitimite.html"' in page


def test_cap_page_escapes_the_path():
    assert "<script>" not in cap_page('<script>"x.ipynb', 1)


def test_kernel_argv_on_demand_by_default():
    argv = kernel_argv(0, {}, DEFAULT_MAX_KERNELS, 600, 31)
    assert "--VoilaConfiguration.preheat_kernel=False" in argv
    assert "--MappingKernelManager.cull_idle_timeout=600" in argv
    assert "--MappingKernelManager.cull_connected=True" in argv
    assert f"--CappedKernelManager.max_kernels={DEFAULT_MAX_KERNELS}" in argv
    assert kernel_config(0, {}).VoilaKernelManager.kernel_pools_config == {"default": {"pool_size": 0}}


def test_the_cap_leaves_room_for_every_pool():
    assert pooled_kernels(1, {}, 31) == 31
    assert pooled_kernels(1, {f"{POOLED}.ipynb": 3}, 31) == 33
    assert "--CappedKernelManager.max_kernels=43" in kernel_argv(1, {}, 12, 600, 31)
    assert "--CappedKernelManager.max_kernels=0" in kernel_argv(1, {}, 0, 600, 31)  # no cap


def test_kernel_argv_pools_only_named_pages():
    argv = kernel_argv(0, {f"{POOLED}.ipynb": 2}, 4, 60, 31)
    assert "--VoilaConfiguration.preheat_kernel=True" in argv
    assert "--CappedKernelManager.max_kernels=6" in argv  # the cap is besides the pools
    pools = kernel_config(0, {f"{POOLED}.ipynb": 2}).VoilaKernelManager.kernel_pools_config
    assert pools == {"default": {"pool_size": 0}, f"{POOLED}.ipynb": {"pool_size": 2}}


@pytest.mark.parametrize("spelling", [POOLED, f"/{POOLED}.html", f"voila/render/{POOLED}.ipynb", f"{POOLED}.md"])
def test_preheat_names_a_page_however_spelled(tmp_path: Path, spelling: str):
    (tmp_path / POOLED).parent.mkdir(parents=True)
    (tmp_path / f"{POOLED}.ipynb").write_text("{}")
    assert preheat_name(spelling, tmp_path) == f"{POOLED}.ipynb"


@pytest.mark.parametrize("page", ["modules/nope", "../etc/passwd", ""])
def test_preheat_refuses_an_unknown_page_in_french(tmp_path: Path, page: str):
    with pytest.raises(ValueError, match="n’est pas une page avec vue Voilà"):
        preheat_name(page, tmp_path)


def test_cli_refuses_a_bad_preheat_size(capsys):
    with pytest.raises(SystemExit):
        cli_main(["serve", "--preheat", f"{POOLED}=beaucoup"])
    assert "attendu PAGE ou PAGE=N" in capsys.readouterr().err


def _kernels(pid: int) -> list[int]:
    """Kernel processes started by ``pid`` (ipykernel, found through /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"ipykernel" in cmdline:
            found.append(int(entry.name))
    return found


def _wait(condition, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not after {timeout} s")
        time.sleep(0.5)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=300) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.mark.slow
def test_kernels_start_on_demand_are_capped_and_culled(built_book, tmp_path: Path):
    if not (BUILD / "voila" / f"{POOLED}.ipynb").exists():
        pytest.skip("the Voilà notebooks are not built")
    port = free_port()
    log = tmp_path / "serve.log"
    args = ["serve", "--port", str(port), "--trainer-token", TRAINER_TOKEN, "--data-dir", str(tmp_path / "live")]
    args += ["--preheat", POOLED, "--max-kernels", "1", "--kernel-idle", "8"]
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "pacte.cli", *args], cwd=ROOT, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(base + "api/live/status")
        assert (
            "noyaux préchauffés pour 1\u00a0page(s), les autres démarrés à la demande, au plus 1\u00a0vue ouverte"
            in log.read_text()
        )
        # Only the named page's pool: one kernel, not one per page.
        _wait(lambda: f"Kernel pool of {POOLED}.ipynb is filled" in log.read_text(), "pool filled")
        assert len(_kernels(proc.pid)) == 1
        status, _ = _get(f"{base}voila/render/{OTHERS[0]}.ipynb")
        assert status == 200 and len(_kernels(proc.pid)) == 2  # started on demand
        status, body = _get(f"{base}voila/render/{OTHERS[1]}.ipynb")
        assert status == 503, body[:300]
        assert "Vue interactive indisponible pour l’instant" in body
        assert f'href="/{OTHERS[1]}.html"' in body
        assert len(_kernels(proc.pid)) == 2
        # The on-demand kernel is culled once idle (the pooled one is kept for its page): room for another view.
        _wait(lambda: _get(f"{base}voila/render/{OTHERS[1]}.ipynb")[0] == 200, "idle kernel culled")
        assert "Culling 'idle' kernel" in log.read_text()
        assert len(_kernels(proc.pid)) == 2
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_the_startup_phrase_is_french():
    assert describe(0, {}, 12, 600) == (
        f"noyaux démarrés à la demande, au plus 12{NBSP}vues ouvertes, arrêtés après 10{NBSP}min d’inactivité"
    )
    assert describe(1, {}, 0, 0).endswith("vues sans limite, jamais arrêtés")
    assert describe(0, {"a.ipynb": 1}, 1, 90).endswith(
        f"au plus 1{NBSP}vue ouverte, arrêtés après 90{NBSP}s d’inactivité"
    )
