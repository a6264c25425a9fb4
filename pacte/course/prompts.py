"""The live prompts of live sessions (``datasets/live/prompts.live_prompts.yaml``).

A live prompt is an activity a trainer pushes to the room that has no right
answer: an open question (``text``), a word cloud (``wordcloud``), an agreement
scale (``scale``, 1 to 5 with agreement labels unless the prompt says otherwise) or a ranking of items (``ranking``). Each belongs to a module
page (``page``), whose trainer notes list it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pacte.course.checks import load_data_file
from pacte.course.paths import datasets_dir

PROMPT_KINDS = ("text", "wordcloud", "scale", "ranking")
WORDCLOUD_MAX_LENGTH = 60
SCALE_DEFAULT = (1, 5)
AGREEMENT_LABELS = (
    {"value": 1, "label": "Pas du tout d’accord"},
    {"value": 2, "label": "Plutôt pas d’accord"},
    {"value": 3, "label": "Ni d’accord ni pas d’accord"},
    {"value": 4, "label": "Plutôt d’accord"},
    {"value": 5, "label": "Tout à fait d’accord"},
)
KIND_LABELS = {"text": "Question ouverte", "wordcloud": "Nuage de mots", "scale": "Échelle", "ranking": "Classement"}


def _normalised(prompt: dict[str, Any]) -> dict[str, Any]:
    """The prompt with its defaults filled in (kind, module, page, bounds, max length)."""
    out = dict(prompt)
    out.setdefault("kind", "text")
    out.setdefault("module", "")
    out.setdefault("page", "")
    out.setdefault("title", KIND_LABELS[out["kind"]])
    if out["kind"] == "wordcloud":
        out["max_length"] = min(int(out.get("max_length", WORDCLOUD_MAX_LENGTH)), WORDCLOUD_MAX_LENGTH)
    if out["kind"] == "scale":
        out.setdefault("min", SCALE_DEFAULT[0])
        out.setdefault("max", SCALE_DEFAULT[1])
        if "labels" not in out and (out["min"], out["max"]) == SCALE_DEFAULT:
            out["labels"] = [dict(entry) for entry in AGREEMENT_LABELS]
            if out["title"] == KIND_LABELS["scale"]:
                out["title"] = "Échelle d’accord"
        out.setdefault("labels", [])
    return out


@lru_cache(maxsize=1)
def live_prompts() -> dict[str, dict[str, Any]]:
    """Live prompt id → its definition, defaults filled in, in file order."""
    data = load_data_file(datasets_dir() / "live" / "prompts.live_prompts.yaml")
    return {p["id"]: _normalised(p) for p in data["prompts"]}


def prompts_of_kind(kind: str) -> dict[str, dict[str, Any]]:
    """Live prompts of one kind (``text``, ``wordcloud``, ``scale`` or ``ranking``)."""
    return {pid: p for pid, p in live_prompts().items() if p["kind"] == kind}


def text_prompts() -> dict[str, dict[str, Any]]:
    """Open prompt id → its definition (the live prompts of kind ``text``)."""
    return prompts_of_kind("text")


def prompts_for_page(page: str) -> list[dict[str, Any]]:
    """The live prompts tied to a page (path from the repository root, e.g. ``modules/metier/legitimite.md``)."""
    return [p for p in live_prompts().values() if p["page"] == page]


@lru_cache(maxsize=1)
def module_titles() -> dict[str, str]:
    """Module id → the title of its chapter (its first page in the table of contents), in course order."""
    from pacte.course.paths import course_root
    from pacte.course.toc import toc_files

    titles: dict[str, str] = {}
    for doc in toc_files():
        parts = doc.split("/")
        if len(parts) != 3 or parts[0] != "modules" or parts[1] in titles:
            continue
        path = course_root() / f"{doc}.md"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        titles[parts[1]] = next((line[2:].strip() for line in lines if line.startswith("# ")), parts[1])
    return titles
