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
import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any

import anywidget
import traitlets as t

from pacte.course.paths import STATIC_DIR
from pacte.course.typography import french_state

_IMPORT = re.compile(r'^import\s+\{([^}]*)\}\s+from\s+"\./([a-z_]+)\.js";[ \t]*$', re.M)
_EXPORT = re.compile(r"^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)", re.M)


def _with_imports_inlined(text: str) -> str:
    """Replace each ``import { a, b as c } from "./x.js";`` by ``const { a, b: c } = <x in its own scope>;``."""

    def replace(match: re.Match) -> str:
        specifiers = [part.strip() for part in match.group(1).split(",") if part.strip()]
        names = ", ".join(
            f"{a.strip()}: {b.strip()}" if " as " in spec else spec
            for spec in specifiers
            for a, _, b in [spec.partition(" as ")]
        )
        return f"const {{ {names} }} = {_scoped_module(match.group(2))};"

    return _IMPORT.sub(replace, text)


@cache
def _scoped_module(module: str) -> str:
    """A helper module as an expression: its code in a function scope, returning its exports."""
    text = (STATIC_DIR / f"{module}.js").read_text(encoding="utf-8")
    exports = _EXPORT.findall(text)
    body = re.sub(r"^export\s+", "", _with_imports_inlined(text), flags=re.M)
    return f"(() => {{\n{body}\nreturn {{ {', '.join(exports)} }};\n}})()"


@cache
def esm_source(module: str) -> str:
    """Return ``static/<module>.js`` as one self-contained ES module for anywidget.

    anywidget loads ``_esm`` from a string, where relative imports cannot
    resolve; each imported helper module is inlined in its own function scope
    (the static book's loader imports the same files natively).
    """
    return _with_imports_inlined((STATIC_DIR / f"{module}.js").read_text(encoding="utf-8"))


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
