"""French number formats for text shown to learners (« 1 200 », « 56 % », « 12,5 »)."""

from __future__ import annotations

NBSP = "\u00a0"


def number(value: float, decimals: int = 0) -> str:
    """Format a number the French way: non-breaking space for thousands, comma for decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def percent(value: float, decimals: int = 0) -> str:
    """Format a percentage given in points (56 → « 56 % »)."""
    return f"{number(value, decimals)}{NBSP}%"


def euros(value: float, decimals: int = 0) -> str:
    """Format an amount in euros (73500 → « 73 500 € »)."""
    return f"{number(value, decimals)}{NBSP}€"
