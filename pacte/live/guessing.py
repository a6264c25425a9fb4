"""Join codes cannot be guessed: failed code look-ups are limited per address and per code, never globally.

Every endpoint that takes a join code (``POST /join``, ``POST /answer``,
``GET /stage``, ``GET /events``) asks :meth:`GuessLimiter.refused` before
looking the code up and reports an unknown code with :meth:`GuessLimiter.failed`:

* per address (an IPv6 client by its /64, :func:`pacte.security.client_key`):
  at most :data:`DISTINCT_CODES_PER_ADDRESS` *different* wrong codes a
  minute. A page that keeps asking for the code of a session that has just
  closed is not guessing and is not counted twice;
* per code: one wrong code asked more than :data:`FAILURES_PER_CODE` times a
  minute (from any address) is refused at once, without reading the store.

There is no global limit: whatever one address does, the others keep joining.
How long a code must be for this rate to make guessing hopeless is worked out
in ``book/mode-emploi/securite.md``.
"""

from __future__ import annotations

import threading
import time

from pacte.live.limits import RateLimiter
from pacte.security import client_key

DISTINCT_CODES_PER_ADDRESS = 20
FAILURES_PER_CODE = 60
WINDOW = 60.0
MAX_REMEMBERED = 100_000


class GuessLimiter:
    """Failed join-code look-ups, per address (distinct codes) and per code, over a sliding window."""

    def __init__(
        self,
        per_address: int = DISTINCT_CODES_PER_ADDRESS,
        per_code: int = FAILURES_PER_CODE,
        window: float = WINDOW,
    ) -> None:
        self.window = window
        self.addresses = RateLimiter(limit=per_address, window=window)
        self.codes = RateLimiter(limit=per_code, window=window)
        self._seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def refused(self, address: str | None, code: str, now: float | None = None) -> bool:
        """True when this address, or this code, has failed too often in the window (answer 429)."""
        now = time.monotonic() if now is None else now
        return self.addresses.blocked(client_key(address), now) or self.codes.blocked(code, now)

    def failed(self, address: str | None, code: str, now: float | None = None) -> None:
        """Record that ``code``, asked from ``address``, matches no open session."""
        now = time.monotonic() if now is None else now
        key = client_key(address)
        self.codes.hit(code, now)
        with self._lock:
            seen = self._seen.get((key, code))
            new = seen is None or seen <= now - self.window
            self._seen[(key, code)] = now
            if len(self._seen) > MAX_REMEMBERED:
                for old in [k for k, t in self._seen.items() if t <= now - self.window]:
                    del self._seen[old]
                if len(self._seen) > MAX_REMEMBERED:  # all recent: forget the oldest half
                    for old in sorted(self._seen, key=self._seen.__getitem__)[: MAX_REMEMBERED // 2]:
                        del self._seen[old]
        if new:
            self.addresses.hit(key, now)
