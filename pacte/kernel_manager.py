"""The kernel manager of ``pacte serve``'s Voilà: Jupyter's, with a cap on kernels running or starting.

Kept apart from :mod:`pacte.kernels` so that the ``pacte`` command does not import
Jupyter Server (about a second) for commands other than ``serve``.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Integer

from pacte.kernel_cap import DEFAULT_MAX_KERNELS, KernelCapReached
from pacte.kernels import PER_ADDRESS, REQUESTER, TRAINER_RESERVE, quota_refusal

__all__ = ["CappedKernelManager", "KernelCapReached"]


class CappedKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel manager with a cap on running plus starting kernels, a quota per address, a trainer reserve."""

    max_kernels = Integer(DEFAULT_MAX_KERNELS, config=True, help="Most kernels running or starting together.")
    per_address = Integer(PER_ADDRESS, config=True, help="Most kernels one client address may start (0: no quota).")
    trainer_reserve = Integer(TRAINER_RESERVE, config=True, help="Kernels under the cap kept for the trainer.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pacte_starting = 0
        self.pacte_owners: dict[str, str] = {}  # kernel id -> who asked for it (see pacte.kernels.REQUESTER)
        self.pacte_starting_for: dict[str, int] = {}

    def kernel_count(self) -> int:
        """Kernels running plus kernels being started."""
        return len(self.list_kernel_ids()) + self.pacte_starting

    def held_by(self, who: str) -> int:
        """Kernels running or starting for ``who``."""
        running = set(self.list_kernel_ids())
        for kernel_id in [k for k in self.pacte_owners if k not in running]:
            del self.pacte_owners[kernel_id]  # shut down or culled
        return sum(1 for owner in self.pacte_owners.values() if owner == who) + self.pacte_starting_for.get(who, 0)

    async def start_kernel(self, *, kernel_id: str | None = None, **kwargs: Any) -> str:  # type: ignore[override]
        """Start a kernel, or raise :class:`KernelCapReached` when a cap or the requester's quota is reached."""
        if kernel_id is not None and kernel_id in self:
            return await super().start_kernel(kernel_id=kernel_id, **kwargs)
        who = REQUESTER.get()
        # A pool refilling itself after a view took its kernel: bounded by the pools' size, not by the address's
        # quota (but the view that triggered it leaves the trainer's reserve alone).
        pooled = (kwargs.get("env") or {}).get("VOILA_PREHEAT") == "True"
        held = self.held_by(who) if who is not None and not pooled else 0
        quota = 0 if pooled else self.per_address
        reason = quota_refusal(who, self.kernel_count(), held, self.max_kernels, quota, self.trainer_reserve)
        who = None if pooled else who
        if reason is not None:
            self.log.warning("pacte: %s kernels running, %s cap reached: view refused", self.kernel_count(), reason)
            raise KernelCapReached(self.max_kernels if reason == "server" else self.per_address, reason)
        self.pacte_starting += 1
        if who is not None:
            self.pacte_starting_for[who] = self.pacte_starting_for.get(who, 0) + 1
        try:
            started = await super().start_kernel(kernel_id=kernel_id, **kwargs)
        finally:
            self.pacte_starting -= 1
            if who is not None:
                self.pacte_starting_for[who] -= 1
                if not self.pacte_starting_for[who]:
                    del self.pacte_starting_for[who]
        if who is not None:
            self.pacte_owners[started] = who
        return started
