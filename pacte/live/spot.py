"""Questions typed on the spot by the trainer (kind ``spot``), pushed at once to the room.

A spot question is ``{kind, prompt, choices?, min?, max?}`` with ``kind`` one of
:data:`SPOT_KINDS`: a single-answer question with choices, a word cloud, a scale
or an open question. It is stored with its session (:mod:`pacte.live.store.toolkit`)
under a ref ``spot-<hex>`` unique across sessions; its answers are the activity
``spot:<ref>``, question ``answer``, and go through the same validation, panels
and export as the prepared activities.

:func:`prompt_of` gives a definition in the shape of a live prompt
(``kind, title, prompt, max_length, min, max, labels``, plus ``choices``), read
from a per-process cache filled when the trainer creates it, or from the store
(:func:`use_loader`, set by :class:`pacte.live.handlers.LiveContext`).
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Callable
from typing import Any

SPOT_KINDS = ("choice", "wordcloud", "scale", "text")
SPOT_TITLES = {
    "choice": "Question sur le vif",
    "wordcloud": "Nuage de mots sur le vif",
    "scale": "Échelle sur le vif",
    "text": "Question ouverte sur le vif",
}
SPOT_HELP = {
    "choice": "Une seule réponse.",
    "wordcloud": "Un mot ou une expression courte (60\u00a0caractères au plus). Ni nom ni information personnelle.",
    "scale": "Choisissez la valeur qui correspond le mieux à votre avis.",
    "text": "Une courte phrase suffit. N’écrivez ni nom ni information permettant d’identifier une personne.",
}
MAX_LENGTH = {"wordcloud": 60, "text": 280}
SPOT_QUESTION = "answer"
SPOT_REF = re.compile(r"^spot-[0-9a-f]{12}$")
MAX_PROMPT = 300
MAX_CHOICE = 120
MIN_CHOICES, MAX_CHOICES = 2, 8
SCALE_MIN, SCALE_MAX = 0, 10

_cache: dict[str, dict[str, Any]] = {}
_lock = threading.Lock()
_loader: list[Callable[[str], dict[str, Any] | None]] = []


class SpotError(ValueError):
    """A spot question the trainer typed is not valid: French ``message``, the ``field`` at fault."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def _text(data: dict, field: str, max_chars: int) -> str:
    value = data.get(field)
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        raise SpotError(field, "texte attendu, non vide.")
    value = re.sub(r"[ \t\r\n]+", " ", value).strip()  # non-breaking spaces are kept (French typography)
    if len(value) > max_chars:
        raise SpotError(field, f"{max_chars}\u00a0caractères au plus.")
    return value


def _bound(data: dict, field: str, default: int) -> int:
    value = data.get(field, default)
    if not isinstance(value, int) or isinstance(value, bool) or not SCALE_MIN <= value <= SCALE_MAX:
        raise SpotError(field, f"nombre entier de {SCALE_MIN} à {SCALE_MAX} attendu.")
    return value


def parse_spot(data: Any) -> dict[str, Any]:
    """The trainer's input cleaned into a definition ``{kind, prompt, choices | min, max}``, or :class:`SpotError`."""
    if not isinstance(data, dict):
        raise SpotError("spot", "question attendue (un objet JSON).")
    kind = data.get("kind")
    if kind not in SPOT_KINDS:
        raise SpotError("kind", "type attendu\u00a0: choice, wordcloud, scale ou text.")
    out: dict[str, Any] = {"kind": kind, "prompt": _text(data, "prompt", MAX_PROMPT)}
    if kind == "choice":
        choices = data.get("choices")
        if not isinstance(choices, list) or not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
            raise SpotError("choices", f"de {MIN_CHOICES} à {MAX_CHOICES}\u00a0choix attendus.")
        labels = [_text({"choices": c}, "choices", MAX_CHOICE) for c in choices]
        if len({label.casefold() for label in labels}) != len(labels):
            raise SpotError("choices", "deux choix identiques.")
        out["choices"] = labels
    elif kind == "scale":
        lo, hi = _bound(data, "min", 1), _bound(data, "max", 5)
        if lo >= hi:
            raise SpotError("max", "le maximum doit dépasser le minimum.")
        out.update({"min": lo, "max": hi})
    return out


def new_ref() -> str:
    """A fresh ref for a spot question (unique across sessions)."""
    return f"spot-{secrets.token_hex(6)}"


def register(ref: str, definition: dict[str, Any]) -> None:
    """Remember a spot question in this process (it was just created or read from the store)."""
    with _lock:
        _cache[ref] = definition


def use_loader(loader: Callable[[str], dict[str, Any] | None]) -> None:
    """Read the spot questions this process has not seen from ``loader`` (the store's ``spot_question``)."""
    _loader[:] = [loader]


def definition(ref: str) -> dict[str, Any] | None:
    """The definition of spot question ``ref`` (cache, then store), or None."""
    with _lock:
        found = _cache.get(ref)
    if found is not None or not SPOT_REF.match(ref) or not _loader:
        return found
    try:
        found = _loader[0](ref)
    except Exception:  # an unknown ref must never break a request (the store may be closed in tests)
        return None
    if found is not None:
        register(ref, found)
    return found


def prompt_of(ref: str) -> dict[str, Any] | None:
    """Spot question ``ref`` in the shape of a live prompt (``kind, title, prompt, max_length, min, max, labels``)."""
    d = definition(ref)
    if d is None:
        return None
    p: dict[str, Any] = {"kind": d["kind"], "title": SPOT_TITLES[d["kind"]], "prompt": d["prompt"], "labels": []}
    p["max_length"] = MAX_LENGTH.get(d["kind"], 0)
    if d["kind"] == "scale":
        p.update({"min": d["min"], "max": d["max"]})
    if d["kind"] == "choice":
        p["choices"] = [{"id": f"c{i + 1}", "label": label} for i, label in enumerate(d["choices"])]
    return p


def spot_view(ref: str, question: str) -> dict[str, Any] | None:
    """What a trainee's screen shows for a spot question (as :func:`pacte.live.catalogue.activity_view`)."""
    p = prompt_of(ref)
    if p is None or question != SPOT_QUESTION:
        return None
    view: dict[str, Any] = {"title": p["title"], "prompt": p["prompt"], "help": SPOT_HELP[p["kind"]], "spot": p["kind"]}
    if p["kind"] == "choice":
        view["input"] = {"type": "choice", "multiple": False, "choices": p["choices"]}
    elif p["kind"] == "scale":
        view["input"] = {"type": "scale", "min": p["min"], "max": p["max"], "labels": {}}
    else:
        view["input"] = {"type": "text", "max_length": p["max_length"]}
    return view
