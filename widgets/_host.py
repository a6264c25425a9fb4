"""Base class giving every course widget its two hosts.

* With a kernel (Jupyter, Voilà, Binder) it is an anywidget whose ``_esm`` is the
  widget's module from ``static/``, with its relative imports inlined.
* In the static book its ``text/html`` representation is a container holding
  the widget state as JSON; ``static/loader.js`` imports the same module from
  the book's ``_static`` folder and renders it with an in-browser model.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

import anywidget

from widgets._paths import STATIC_DIR

_IMPORT = re.compile(r'^import\s+\{[^}]*\}\s+from\s+"\./([a-z_]+)\.js";\s*$', re.M)


@lru_cache(maxsize=None)
def esm_source(module: str) -> str:
    """Return ``static/<module>.js`` with its ``./x.js`` imports inlined (one self-contained module)."""
    text = (STATIC_DIR / f"{module}.js").read_text(encoding="utf-8")
    inlined: list[str] = []
    for dep in _IMPORT.findall(text):
        inlined.append(esm_source(dep))
    return "\n".join(inlined + [_IMPORT.sub("", text)])


@lru_cache(maxsize=None)
def css_source() -> str:
    """Return the shared stylesheet of the course widgets."""
    return (STATIC_DIR / "pacte.css").read_text(encoding="utf-8")


class PacteWidget(anywidget.AnyWidget):
    """An anywidget that can also render in a static page without a kernel."""

    _module: str = ""
    _static_exclude = frozenset({"_esm", "_css", "_anywidget_id", "layout", "tabbable", "tooltip"})

    def __init__(self, **kwargs) -> None:
        type(self)._esm = esm_source(self._module)
        type(self)._css = css_source()
        super().__init__(**kwargs)

    def static_state(self) -> dict:
        """Return the synced, public state that the static host needs."""
        state = self.get_state()
        return {k: v for k, v in state.items() if not k.startswith("_") and k not in self._static_exclude}

    def fallback_text(self) -> str:
        """Return the text shown where JavaScript does not run."""
        return "Ce contenu interactif nécessite JavaScript."

    def static_html(self) -> str:
        """Return the container that ``loader.js`` turns into a live widget."""
        payload = json.dumps(self.static_state(), ensure_ascii=False).replace("</", "<\\/")
        return (
            f'<div class="pacte-widget" data-pacte-module="{html.escape(self._module)}">'
            f'<script type="application/json">{payload}</script>'
            f'<noscript class="pacte-fallback">{html.escape(self.fallback_text())}</noscript></div>'
        )

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        data["text/html"] = self.static_html()
        return data, metadata
