"""The countdown of the pushed activity as the STAGE carries it (server clock authoritative).

``stage["timer"]`` is ``{"deadline_ms", "remaining_ms", "seconds", "close_at_zero"}``
or ``None``. Clients count down from ``remaining_ms`` at the moment they
receive it (their own clock may differ from the server's): :func:`restamp`
refreshes it on a stage sent later than it was built (a stream's first event,
``GET /api/live/stage``). When a countdown that closes at zero ran out, the
stage reads ``closed`` even before :meth:`pacte.live.store.SQLStore.expire_timer`
wrote it.
"""

from __future__ import annotations

from typing import Any

from pacte.live.store.toolkit import TimerRow


def timer_view(timer: TimerRow | None, now: float) -> dict[str, Any] | None:
    """The ``timer`` of a STAGE (None without a countdown)."""
    if timer is None:
        return None
    return {
        "deadline_ms": int(timer.deadline * 1000),
        "remaining_ms": max(0, int((timer.deadline - now) * 1000)),
        "seconds": int(timer.seconds),
        "close_at_zero": timer.close_at_zero,
    }


def apply_timer(stage: dict[str, Any], timer: TimerRow | None, now: float) -> dict[str, Any]:
    """Add the countdown to a STAGE built by :func:`pacte.live.stage.build_stage` (in place; returned)."""
    view = timer_view(timer, now) if stage.get("activity") else None
    stage["timer"] = view
    if view and view["close_at_zero"] and view["remaining_ms"] == 0 and stage.get("state") == "open":
        stage["state"] = "closed"
    return stage


def restamp(stage: dict[str, Any], now: float) -> dict[str, Any]:
    """A copy of ``stage`` whose countdown's ``remaining_ms`` is taken at ``now`` (the stage itself if none)."""
    timer = stage.get("timer")
    if not timer:
        return stage
    remaining = max(0, timer["deadline_ms"] - int(now * 1000))
    return {**stage, "timer": {**timer, "remaining_ms": remaining}}
