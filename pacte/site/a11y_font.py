"""No Font Awesome web font (issue 28: chart pages fast on a phone).

The theme's stylesheet draws a few icons as glyphs of the Font Awesome fonts in CSS
pseudo-elements (the icon of each admonition title, the breadcrumbs' divider, external links),
so every page downloaded ``fa-solid-900.woff2`` (157 KB) for one or two glyphs. After the
build this module rewrites the built ``pydata-sphinx-theme.css``: its Font Awesome
``@font-face`` rules go, and each rule that puts an icon glyph in a pseudo-element gets a twin
drawing the same icon as an SVG mask (a ``data:`` image, paths from the theme's
``fontawesome.js``) in the text colour. The ``<i class="fa-…">`` icons of the pages are turned
into inline SVG by the subset script of :mod:`pacte.site.a11y_icons`; until it runs they stay
empty instead of waiting for the font. Icons: Font Awesome Free, CC BY 4.0.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from pacte.site.a11y_icons import icon_packs, theme_fontawesome

MARKER = "/* pacte: Font Awesome icons as SVG masks, no web font */"
THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"
_FONT_FACE = re.compile(r"@font-face\{[^{}]*fontawesome/webfonts/[^{}]*\}")
_VARIABLE = re.compile(r"(--pst-(?:icon|breadcrumb)-[a-z0-9-]+):([^;}]+)")
_RULE = re.compile(r"([^{}]+)\{([^{}]*content:var\((--pst-(?:icon|breadcrumb)-[a-z0-9-]+)\)[^{}]*)\}")
# Until the subset script swaps them for SVG, the pages' <i class="fa-…"> icons keep their room
# and draw nothing (no glyph of a font that is no longer there).
_PLACEHOLDER = (
    "i:is(.fa,.fas,.far,.fab,.fa-solid,.fa-regular,.fa-brands)"
    "{display:inline-block;width:1em;height:1em;vertical-align:-.125em}"
    "i:is(.fa,.fas,.far,.fab,.fa-solid,.fa-regular,.fa-brands)::before{content:none!important}"
)


def _codepoint(value: str) -> int | None:
    """The code point of a CSS string such as ``"\\f05a"`` or a literal private-use character."""
    text = value.strip().strip("\"'")
    if text.startswith("\\"):
        try:
            return int(text[1:].strip(), 16)
        except ValueError:
            return None
    return ord(text) if len(text) == 1 else None


def icon_variables(css: str) -> dict[str, int]:
    """Each ``--pst-icon-*`` (and breadcrumb divider) variable of the theme's CSS -> its glyph's code point."""
    raw = {name: value for name, value in _VARIABLE.findall(css)}
    found: dict[str, int] = {}
    for name in raw:
        value, seen = raw[name], {name}
        while (
            (m := re.fullmatch(r"\s*var\((--[a-z0-9-]+)\)\s*", value)) and m.group(1) in raw and m.group(1) not in seen
        ):
            seen.add(m.group(1))
            value = raw[m.group(1)]
        point = _codepoint(value)
        if point is not None:
            found[name] = point
    return found


def glyphs(packs: dict[str, dict[str, list]]) -> dict[int, tuple[int, int, list[str]]]:
    """Code point -> (width, height, paths) of the icon it draws (solid first, then brands, then regular)."""
    out: dict[int, tuple[int, int, list[str]]] = {}
    for style in ("solid", "brands", "regular"):
        for d in packs.get(style, {}).values():
            paths = d[4] if isinstance(d[4], list) else [d[4]]
            points = [int(d[3], 16)] + [a for a in (d[2] or []) if isinstance(a, int)]
            for point in points:
                out.setdefault(point, (d[0], d[1], paths))
    return out


def svg_mask(width: int, height: int, paths: list[str]) -> str:
    """A CSS ``url("data:image/svg+xml,…")`` of one icon."""
    body = "".join(f'<path d="{p}"/>' for p in paths if p)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">{body}</svg>'
    return 'url("data:image/svg+xml,' + quote(svg, safe=" /:=") + '")'


def mask_rules(css: str, packs: dict[str, dict[str, list]]) -> str:
    """The twin rules drawing, as SVG masks, every icon the theme's CSS draws as a glyph.

    Each icon's image is written once, as a custom property of ``:root``, that the rules use.
    """
    points, shapes = icon_variables(css), glyphs(packs)
    images: dict[int, str] = {}
    rules = []
    for selector, _body, variable in _RULE.findall(css):
        point = points.get(variable, -1)
        if point not in shapes or selector.lstrip().startswith("@"):
            continue
        images.setdefault(point, svg_mask(*shapes[point]))
        mask = f"var(--pacte-fa-{point:x}) center/contain no-repeat"
        rules.append(
            f'{selector.strip()}{{content:"";display:inline-block;width:1em;height:1em;vertical-align:-.125em;'
            f"background-color:currentColor;-webkit-mask:{mask};mask:{mask}}}"
        )
    if not rules:
        return ""
    root = ":root{" + ";".join(f"--pacte-fa-{p:x}:{image}" for p, image in images.items()) + "}"
    return "\n".join([root, *rules])


def drop_icon_font(outdir: Path) -> int | None:
    """Rewrite the built theme CSS (no Font Awesome font, icons as masks); return the count of icon rules."""
    target = outdir / THEME_CSS
    source = theme_fontawesome()
    if not target.exists() or source is None:
        return None
    css = target.read_text(encoding="utf-8")
    if MARKER in css:
        return None
    rules = mask_rules(css, icon_packs(source.read_text(encoding="utf-8")))
    css = _FONT_FACE.sub("", css)
    target.write_text(f"{css}\n{MARKER}\n{_PLACEHOLDER}\n{rules}\n", encoding="utf-8")
    return rules.count("{") - 1 if rules else 0
