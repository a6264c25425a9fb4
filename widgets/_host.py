"""Base class giving every course widget its two hosts.

* With a kernel (Jupyter, Voilà, Binder) it is an anywidget whose ``_esm`` is the
  widget's module from ``static/`` bundled with its imports (``bundles/``, built by esbuild).
* In the static book its ``text/html`` representation is a container holding
  the widget state as JSON; ``static/loader.js`` imports the same module from
  the book's ``_static`` folder and renders it with an in-browser model.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import anywidget
import traitlets as t

from pacte.course.paths import STATIC_DIR
from pacte.course.typography import french_state

BUNDLES_DIR = Path(__file__).resolve().parent / "bundles"


@cache
def esm_source(module: str) -> str:
    """Return the widget module ``static/<module>.js`` bundled with its imports, for anywidget.

    anywidget loads ``_esm`` from a string, where relative imports cannot resolve: esbuild bundles
    each widget ahead of time into ``widgets/bundles/`` (``cd js && npm run bundles``; a test fails
    when a bundle is stale), because Binder and Voilà have no Node at run time. The static book's
    loader imports the files of ``static/`` natively.
    """
    path = BUNDLES_DIR / f"{module}.js"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no bundle for widget module {module!r}; run `cd js && npm run bundles`")
    return path.read_text(encoding="utf-8")


@cache
def css_source() -> str:
    """Return the shared stylesheet of the course widgets."""
    return (STATIC_DIR / "pacte.css").read_text(encoding="utf-8")


def _json_safe(value: Any) -> Any:
    """The value with NaN and infinities (not JSON: a browser cannot parse them) turned into None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


class PacteWidget(anywidget.AnyWidget):
    """An anywidget that can also render in a static page without a kernel."""

    _module: str = ""
    _static_exclude = frozenset({"_esm", "_css", "_anywidget_id", "layout", "tabbable", "tooltip"})

    def __init__(self, **kwargs) -> None:
        type(self)._esm = esm_source(self._module)
        type(self)._css = css_source()
        # French typography of the texts (pacte.course.typography); no NaN, which the kernel cannot send as JSON
        super().__init__(**_json_safe(french_state(kwargs)))

    def static_state(self) -> dict:
        """Return the synced, public state that the static host needs."""
        state = self.get_state()
        return french_state({k: v for k, v in state.items() if not k.startswith("_") and k not in self._static_exclude})

    def fallback_text(self) -> str:
        """Return the text shown where JavaScript does not run."""
        return "Ce contenu interactif nécessite JavaScript."

    def static_html(self) -> str:
        """Return the container that ``loader.js`` turns into a live widget."""
        payload = json.dumps(_json_safe(self.static_state()), ensure_ascii=False, allow_nan=False)
        payload = payload.replace("</", "<\\/")
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


class AnsweringWidget(PacteWidget):
    """A widget whose browser writes ``answers`` and whose kernel writes back ``kernel_result``.

    Subclasses implement :meth:`evaluate` (the Python twin of their JS logic).
    A bad answer never breaks the page: an exception becomes an « error » result.
    """

    answers = t.Dict().tag(sync=True)
    kernel_result = t.Dict().tag(sync=True)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._callbacks: list[Callable[[dict], None]] = []

    def evaluate(self, answers: dict) -> dict:
        """Return the result of ``answers`` (implemented by each widget)."""
        raise NotImplementedError

    @property
    def result(self) -> dict:
        """The result of the current answers."""
        return self.evaluate(self.answers)

    def on_result(self, callback) -> None:
        """Call ``callback(result)`` every time the answers change."""
        self._callbacks.append(callback)

    @t.observe("answers")
    def _answers_changed(self, change) -> None:
        try:
            result = self.evaluate(change["new"])
        except Exception as exc:
            result = {"status": "error", "message": f"Réponses non traitées : {exc}", "answered": 0}
        self.kernel_result = result
        for callback in self._callbacks:
            callback(result)
