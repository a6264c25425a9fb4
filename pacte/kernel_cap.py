"""The cap on Voilà kernels: its default and the error raised when it is reached.

A leaf module (no import), shared by :mod:`pacte.kernels` (the command-line options and the 503 page) and
:mod:`pacte.kernel_manager` (the capped kernel manager), so that neither imports the other.
"""

from __future__ import annotations

DEFAULT_MAX_KERNELS = 12


class KernelCapReached(Exception):
    """Starting one more kernel would exceed a cap: ``args`` = (the cap, ``"server"`` or ``"address"``)."""
