"""The kernel manager of ``pacte serve``'s Voilà: Jupyter's, with a cap on kernels running or starting.

Kept apart from :mod:`pacte.kernels` so that the ``pacte`` command does not import
Jupyter Server (about a second) for commands other than ``serve``.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Integer

from pacte.kernel_cap import DEFAULT_MAX_KERNELS, KernelCapReached


class CappedKernelManager(AsyncMappingKernelManager):
    """Jupyter's kernel manager with a cap on running plus starting kernels."""

    max_kernels = Integer(DEFAULT_MAX_KERNELS, config=True, help="Most kernels running or starting together.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pacte_starting = 0

    def kernel_count(self) -> int:
        """Kernels running plus kernels being started."""
        return len(self.list_kernel_ids()) + self.pacte_starting

    async def start_kernel(self, *, kernel_id: str | None = None, **kwargs: Any) -> str:  # type: ignore[override]
        """Start a kernel, or raise :class:`KernelCapReached` when ``max_kernels`` already run."""
        if kernel_id is not None and kernel_id in self:
            return await super().start_kernel(kernel_id=kernel_id, **kwargs)
        if self.max_kernels > 0 and self.kernel_count() >= self.max_kernels:
            self.log.warning("pacte: %s kernels running, cap reached: view refused", self.kernel_count())
            raise KernelCapReached(self.max_kernels)
        self.pacte_starting += 1
        try:
            return await super().start_kernel(kernel_id=kernel_id, **kwargs)
        finally:
            self.pacte_starting -= 1
