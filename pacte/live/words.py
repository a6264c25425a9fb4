"""The ``words`` panel of free-text activities (word clouds, open questions, a room question pushed back to the room).

``words: [{text, count, hidden[, pending]}]``: entries are counted without
case, accents or extra spaces (:func:`pacte.security.fold_text`), shown as
most often typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pacte.security import fold_text

MAX_WORDS = 80


def words_panel(
    title: str, prompt: str, counts: Mapping[str, int], hidden: set[str], approved: set[str] | None = None
) -> dict:
    """A ``words`` panel: entries folded (case, accents, spaces), the most typed spelling shown.

    ``approved``: None when the activity is not moderated; else the approved
    entries, and every other entry not hidden is ``pending`` (moderation).
    ``respondents`` leaves out hidden and pending entries; ``pending`` and
    ``hidden_count`` count them apart (the dashboard states them).
    """
    # Hiding (approving) an entry hides (approves) every spelling of it (look-alike letters too: fold_text).
    folded_hidden = {fold_text(h) or h.casefold() for h in hidden}
    folded_approved = None if approved is None else {fold_text(a) or a.casefold() for a in approved}
    groups: dict[str, dict[str, int]] = {}
    for text, n in counts.items():
        variants = groups.setdefault(fold_text(text) or " ".join(text.split()).casefold(), {})
        variants[text] = variants.get(text, 0) + n
    words: list[dict[str, Any]] = []
    pending = hidden_count = 0
    for key, variants in groups.items():
        shown = max(variants.items(), key=lambda kv: kv[1])[0]  # ties: the first variant received
        word: dict[str, Any] = {"text": shown, "count": sum(variants.values()), "hidden": key in folded_hidden}
        if folded_approved is not None:
            word["pending"] = not word["hidden"] and key not in folded_approved
            pending += word["count"] if word["pending"] else 0
        hidden_count += word["count"] if word["hidden"] else 0
        words.append(word)
    words.sort(key=lambda w: (-int(w["count"]), str(w["text"]).casefold()))
    out = {
        "type": "words",
        "title": title,
        "prompt": prompt,
        "respondents": sum(counts.values()) - pending - hidden_count,
        "words": words[:MAX_WORDS],
    }
    if folded_approved is not None:
        out["moderated"], out["pending"] = True, pending
    if hidden_count:
        out["hidden_count"] = hidden_count
    return out
