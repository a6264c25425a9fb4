"""The live activities of a page, listed in its « Notes pour le formateur » from the course data.

A page's trainer notes end with a ``remove-input`` cell
``live_prompts_for("modules/<module>/<page>.md")``: the list is generated from
``datasets/live/prompts.live_prompts.yaml``, so it cannot drift from what the
dashboard offers.
"""

from __future__ import annotations

import html

from IPython.display import HTML

from pacte.course.prompts import KIND_LABELS, module_titles, prompts_for_page
from pacte.course.typography import french

DASHBOARD_PATH = "/formateur/"


def _details(prompt: dict) -> str:
    """What the room answers with: the scale's bounds and labels, the items to rank, the length limit."""
    kind = prompt["kind"]
    if kind == "scale":
        labels = {entry["value"]: entry["label"] for entry in prompt["labels"]}
        ends = f"de {prompt['min']} à {prompt['max']}"
        if prompt["min"] in labels and prompt["max"] in labels:
            ends += f" (« {labels[prompt['min']]} » à « {labels[prompt['max']]} »)"
        return f"Réponse : un nombre {ends}."
    if kind == "ranking":
        items = "".join(f"<li>{html.escape(item['label'])}</li>" for item in prompt["items"])
        return f"Éléments à classer, dans l’ordre où la salle les reçoit :<ul>{items}</ul>"
    return f"Réponse : un texte de {prompt['max_length']} caractères au plus."


def live_prompts_html(page: str) -> str:
    """The HTML list of the live prompts of ``page`` (empty string when the page has none)."""
    prompts = prompts_for_page(page)
    if not prompts:
        return ""
    items = []
    for p in prompts:
        kind = KIND_LABELS[p["kind"]]
        module = module_titles().get(p["module"], p["module"])
        how = (
            f"Pour la lancer : tableau de bord du formateur ({DASHBOARD_PATH}), catalogue, module « {module} », "
            f"activité « {p['title']} » (identifiant "
        )
        ident = f"<code>{html.escape(p['kind'])}:{html.escape(p['id'])}</code>"
        parts = [
            f"<p><strong>{html.escape(french(kind))}</strong> — {html.escape(p['prompt'])}</p>",
            f"<div>{french(_details(p))}</div>",
        ]
        if p.get("discussion"):
            parts.append(f"<p>Pour la discussion : {html.escape(p['discussion'])}</p>")
        parts.append(f"<p class='pacte-live-prompt-how'><small>{html.escape(french(how))}{ident}).</small></p>")
        items.append(f"<li class='pacte-live-prompt' data-activity='{p['kind']}:{p['id']}'>{''.join(parts)}</li>")
    title = french(f"Activités en direct de cette page ({len(prompts)}) : à lancer depuis le tableau de bord")
    return (
        f"<details class='pacte-live-prompts'><summary>{html.escape(title)}</summary>"
        f"<ul>{''.join(items)}</ul></details>"
    )


def live_prompts_for(page: str) -> HTML:
    """The live prompts of ``page`` (path from the course root, e.g. ``modules/metier/legitimite.md``), displayable."""
    text = live_prompts_html(page)
    if not text:
        raise KeyError(f"no live prompt is tied to '{page}' in datasets/live/prompts.live_prompts.yaml")
    return HTML(text)
