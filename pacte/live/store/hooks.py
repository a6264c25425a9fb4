"""The store's own methods that the live features' mixins call (implemented by :class:`pacte.live.store.base.SQLStore`).

A leaf module: declaring them once here lets each mixin be type-checked on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from pacte.live.store.stages import Tx


class SessionHooks:
    """Transactions, session checks and change notices, as the mixins see them."""

    _clock: Callable[[], float]

    def _tx(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _require_session(self, tx: Tx, session_id: str) -> None:
        raise NotImplementedError

    def _require_open(self, tx: Tx, session_id: str, now: float) -> None:
        raise NotImplementedError

    def _notify(self, tx: Tx, session_id: str) -> None:
        raise NotImplementedError
