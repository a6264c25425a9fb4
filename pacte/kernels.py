"""Voilà kernels of ``pacte serve``: started on demand, a small pool for named pages, culled when idle, capped.

Trainees read the static book (no kernel); a kernel is only started when someone
opens a Voilà view (``/voila/render/<page>.ipynb``). Pages named with
``--preheat`` keep a small pool of ready kernels. Kernels idle for
``--kernel-idle`` seconds are shut down, connected or not (a tab left open
keeps nothing alive); closing the tab shuts its kernel down at once (Voilà's
shutdown beacon). At most ``--max-kernels`` kernels run besides the pools: the next view
gets a French « come back later » page (HTTP 503) instead of exhausting memory.

Nobody can take them all: a client address (an IPv6 client by its /64) starts
at most :data:`PER_ADDRESS` kernels, and the last :data:`TRAINER_RESERVE`
kernels under the cap are kept for the trainer (trainer cookie, or the
server's own machine) so that the projected view always opens.
"""

from __future__ import annotations

import html
from contextvars import ContextVar
from pathlib import Path

from traitlets.config import Config

from pacte.course.fmt import NBSP
from pacte.kernel_cap import KernelCapReached
from pacte.security import LOOPBACK, TRAINER_COOKIE, client_key, cookie_matches

DEFAULT_IDLE_SECONDS = 600
CULL_INTERVAL = 60
PER_ADDRESS = 2  # kernels one client address may start (a trainee opening a simulator, then another)
TRAINER_RESERVE = 2  # kernels under the cap only the trainer may start (the projected views)
TRAINER = "trainer"

# Who asks for the kernel being started: TRAINER, a client key, or None (a pool filling itself).
REQUESTER: ContextVar[str | None] = ContextVar("pacte_kernel_requester", default=None)


def quota_refusal(who: str | None, running: int, held: int, cap: int, per_address: int, reserve: int) -> str | None:
    """Why ``who`` may not start one more kernel (``"server"``, ``"address"``), or None when it may.

    ``running``: kernels running or starting; ``held``: those started for ``who``;
    ``cap`` 0 means no global cap (the per-address quota still holds).
    """
    if cap > 0 and running >= cap:
        return "server"
    if who is None or who == TRAINER:
        return None
    if per_address > 0 and held >= per_address:
        return "address"
    if cap > 0 and running >= max(cap - reserve, 0):
        return "server"
    return None


def cap_page(path: str, cap: int, reason: str = "server") -> str:
    """The French page a Voilà view gets when no kernel can be started (503); ``reason``: whose cap."""
    book = "/" + html.escape(path.removesuffix(".ipynb")) + ".html"
    if reason == "address":
        why = (
            f"Vous avez déjà {cap}{NBSP}vue{'s' if cap > 1 else ''} interactive{'s' if cap > 1 else ''} (Voilà) "
            f"ouverte{'s' if cap > 1 else ''} depuis cet appareil ou ce réseau, le maximum{NBSP}: fermez-en une, "
            f"ou réessayez dans quelques minutes (les vues inutilisées sont fermées automatiquement).</p>"
        )
    else:
        why = (
            f"Le serveur de la séance fait déjà tourner {cap}{NBSP}vues interactives (Voilà) en même temps, "
            f"son maximum (les dernières sont gardées pour le formateur). Réessayez dans quelques "
            f"minutes{NBSP}: les vues inutilisées sont fermées automatiquement.</p>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>Vue interactive indisponible pour l’instant</title></head><body>"
        f"<h1>Vue interactive indisponible pour l’instant</h1><p>{why}"
        f'<p>La même page du livre fonctionne sans attendre{NBSP}: <a href="{book}">ouvrir la page du livre</a>. '
        f"Vos réponses y parviennent aussi au formateur.</p></body></html>"
    )


def requester(handler) -> str:
    """Who a Voilà page request starts kernels for: :data:`TRAINER` (trainer cookie or this machine) or its address."""
    key = client_key(handler.request.remote_ip)
    token = getattr(handler, "pacte_token", None)
    if key in LOOPBACK or (token and cookie_matches(handler.get_cookie(TRAINER_COOKIE), token)):
        return TRAINER
    return key


def capped_voila_handler(base: type) -> type:
    """Voilà's page handler (``base``) answering 503 with :func:`cap_page` when a kernel cap is reached."""

    class CappedVoilaHandler(base):
        async def get(self, path: str | None = None) -> None:
            mark = REQUESTER.set(requester(self))
            try:
                await super().get(path)
            except KernelCapReached as exc:  # raised before anything is written (kernel start precedes output)
                self.clear()
                self.set_status(503)
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                self.set_header("Retry-After", "60")
                self.set_header("Cache-Control", "no-store")
                self.finish(cap_page(path or "", int(exc.args[0]), *exc.args[1:2]))
            finally:
                REQUESTER.reset(mark)

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


def trainer_reserve(max_kernels: int) -> int:
    """Kernels kept for the trainer under a cap of ``max_kernels``: :data:`TRAINER_RESERVE`, leaving one for the room."""
    return max(min(TRAINER_RESERVE, max_kernels - 1), 0)


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
        f"--CappedKernelManager.trainer_reserve={trainer_reserve(max_kernels)}",
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
