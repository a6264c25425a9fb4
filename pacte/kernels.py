"""Voilà kernels of ``pacte serve``: started on demand, a small pool for named pages, culled when idle, capped.

Trainees read the static book (no kernel); a kernel is only started when someone
opens a Voilà view (``/voila/render/<page>.ipynb``). Pages named with
``--preheat`` keep a small pool of ready kernels. Kernels idle for
``--kernel-idle`` seconds are shut down, connected or not (a tab left open
keeps nothing alive); closing the tab shuts its kernel down at once (Voilà's
shutdown beacon). At most ``--max-kernels`` kernels run besides the pools: the next view
gets a French « come back later » page (HTTP 503) instead of exhausting memory.
"""

from __future__ import annotations

import html
from pathlib import Path

from traitlets.config import Config

from pacte.course.fmt import NBSP
from pacte.kernel_cap import KernelCapReached

DEFAULT_IDLE_SECONDS = 600
CULL_INTERVAL = 60


def cap_page(path: str, cap: int) -> str:
    """The French page a Voilà view gets when no kernel can be started (503)."""
    book = "/" + html.escape(path.removesuffix(".ipynb")) + ".html"
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>Vue interactive indisponible pour l’instant</title></head><body>"
        f"<h1>Vue interactive indisponible pour l’instant</h1>"
        f"<p>Le serveur de la séance fait déjà tourner {cap}{NBSP}vues interactives (Voilà) en même temps, "
        f"son maximum. Réessayez dans quelques minutes{NBSP}: les vues inutilisées sont fermées automatiquement.</p>"
        f'<p>La même page du livre fonctionne sans attendre{NBSP}: <a href="{book}">ouvrir la page du livre</a>. '
        f"Vos réponses y parviennent aussi au formateur.</p></body></html>"
    )


def capped_voila_handler(base: type) -> type:
    """Voilà's page handler (``base``) answering 503 with :func:`cap_page` when the kernel cap is reached."""

    class CappedVoilaHandler(base):
        async def get(self, path: str | None = None) -> None:
            try:
                await super().get(path)
            except KernelCapReached as exc:  # raised before anything is written (kernel start precedes output)
                self.clear()
                self.set_status(503)
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                self.set_header("Retry-After", "60")
                self.set_header("Cache-Control", "no-store")
                self.finish(cap_page(path or "", int(exc.args[0])))

    return CappedVoilaHandler


def preheat_name(page: str, voila_root: Path) -> str:
    """The notebook path (relative to ``voila_root``) of a page named on the command line, or ValueError (French)."""
    name = page.strip().lstrip("/")
    for prefix in ("voila/render/",):
        name = name.removeprefix(prefix)
    for suffix in (".html", ".ipynb", ".md"):
        name = name.removesuffix(suffix)
    name += ".ipynb"
    if ".." in Path(name).parts or not (voila_root / name).is_file():
        raise ValueError(
            f"--preheat{NBSP}: « {page} » n’est pas une page avec vue Voilà "
            f"(exemple{NBSP}: modules/metier/qui-sont-les-coordinateurs)."
        )
    return name


def pooled_kernels(pool_size: int, preheat: dict[str, int], pages: int) -> int:
    """Kernels the pools keep ready: ``pool_size`` for each of ``pages`` pages, ``preheat`` for the named ones."""
    return max(pool_size, 0) * max(pages - len(preheat), 0) + sum(max(n, 0) for n in preheat.values())


def kernel_argv(pool_size: int, preheat: dict[str, int], max_kernels: int, idle_seconds: int, pages: int) -> list[str]:
    """Voilà options for kernels: pools if any, at most ``max_kernels`` besides them (0: no cap), culling.

    The cap counts every kernel (pooled ones too) against ``max_kernels`` plus the
    pools' size: the pools always fill, and a pooled page used by many is refilled
    until ``max_kernels`` kernels are in use.
    """
    pooled = pooled_kernels(pool_size, preheat, pages)
    cap = max_kernels + pooled if max_kernels > 0 else 0
    return [
        "--VoilaConfiguration.multi_kernel_manager_class=pacte.kernel_manager.CappedKernelManager",
        f"--CappedKernelManager.max_kernels={cap}",
        f"--VoilaConfiguration.preheat_kernel={pooled > 0}",
        f"--VoilaConfiguration.default_pool_size={max(pool_size, 0)}",
        f"--MappingKernelManager.cull_idle_timeout={max(idle_seconds, 0)}",
        f"--MappingKernelManager.cull_interval={max(1, min(CULL_INTERVAL, idle_seconds // 2))}",
        "--MappingKernelManager.cull_connected=True",
    ]


def kernel_config(pool_size: int, preheat: dict[str, int]) -> Config:
    """Voilà's per-page pools (``kernel_pools_config``): ``pool_size`` by default, ``preheat`` for named pages."""
    pools: dict[str, dict[str, int]] = {"default": {"pool_size": max(pool_size, 0)}}
    pools.update({name: {"pool_size": max(size, 0)} for name, size in preheat.items()})
    return Config({"VoilaKernelManager": {"kernel_pools_config": pools}})


def describe(pool_size: int, preheat: dict[str, int], max_kernels: int, idle_seconds: int) -> str:
    """One French phrase for the startup message."""
    if pool_size > 0:
        pools = f"{pool_size}{NBSP}noyau(x) préchauffé(s) par page"
    elif preheat:
        pools = f"noyaux préchauffés pour {len(preheat)}{NBSP}page(s), les autres démarrés à la demande"
    else:
        pools = "noyaux démarrés à la demande"
    plural = "s" if max_kernels > 1 else ""
    cap = f"au plus {max_kernels}{NBSP}vue{plural} ouverte{plural}" if max_kernels > 0 else "vues sans limite"
    if idle_seconds <= 0:
        idle = "jamais arrêtés"
    elif idle_seconds % 60:
        idle = f"arrêtés après {idle_seconds}{NBSP}s d’inactivité"
    else:
        idle = f"arrêtés après {idle_seconds // 60}{NBSP}min d’inactivité"
    return f"{pools}, {cap}, {idle}"
