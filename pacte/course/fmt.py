"""French number and date formats for text shown to learners and trainers (« 1 200 », « 56 % », « 12,5 »).

Dates are shown in the course's time zone (Europe/Paris), whatever the server's.
"""

from __future__ import annotations

import math
from datetime import datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from zoneinfo import ZoneInfo

NBSP = "\u00a0"
TIME_ZONE = ZoneInfo("Europe/Paris")
MONTHS = ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()


def number(value: float, decimals: int = 0) -> str:
    """Format a number with exactly ``decimals`` decimals: non-breaking space for thousands, decimal comma.

    A tie rounds away from zero (2.5 → « 3 »), on the float's exact value, as the browser's Intl.NumberFormat does.
    """
    if not math.isfinite(value):
        return str(value)
    # Every float's digits fit in 400 (the largest has 309 before the point).
    exact = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=Context(prec=400))
    return f"{exact:,.{decimals}f}".replace(",", NBSP).replace(".", ",")


def decimal(value: float, max_decimals: int = 2) -> str:
    """Format a number with at most ``max_decimals`` decimals, no trailing zero (2.50 → « 2,5 », 1200.0 → « 1 200 »).

    The Python twin of ``fmtNumber`` in ``widgets/static/numbers.js``, the browser's one French number format.
    """
    text = number(value, max_decimals)
    if max_decimals > 0:
        text = text.rstrip("0").rstrip(",")
    return text


def percent(value: float, decimals: int = 0) -> str:
    """Format a percentage given in points (56 → « 56 % »)."""
    return f"{number(value, decimals)}{NBSP}%"


def euros(value: float, decimals: int = 0) -> str:
    """Format an amount in euros (73500 → « 73 500 € »)."""
    return f"{number(value, decimals)}{NBSP}€"


def local_time(t: float) -> datetime:
    """The unix time ``t`` in the course's time zone (Europe/Paris)."""
    return datetime.fromtimestamp(t, TIME_ZONE)


def spreadsheet_datetime(t: float) -> str:
    """« 2026-12-08 08:45:00 », Paris time: a date and time every spreadsheet reads as such."""
    return local_time(t).strftime("%Y-%m-%d %H:%M:%S")


def date_time(t: float) -> str:
    """« 8 décembre 2026 à 8 h 45 » (Paris time), for sentences."""
    when = local_time(t)
    day = "1er" if when.day == 1 else str(when.day)
    return f"{day} {MONTHS[when.month - 1]} {when.year} à {when.hour}{NBSP}h{NBSP}{when.minute:02d}"
