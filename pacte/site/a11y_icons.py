"""Ship only the Font Awesome icons the book uses (issue 17: lighter pages).

The theme loads ``_static/scripts/fontawesome.js`` (about 1.5 MB: every icon
plus the Font Awesome runtime) to turn ``<i class="fa-solid fa-bars">`` into
inline SVG. After the build this module writes, under the same name, a small
script holding only the icons named in the built pages and the theme's
scripts, which does the same replacement (also for icons added later by the
theme's JavaScript). Icons: Font Awesome Free, CC BY 4.0; code MIT.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MARKER = "/* pacte: Font Awesome subset */"
_PACK = re.compile(r'var ([A-Za-z_$][\w$]*)=\{"?[a-z0-9-]+"?:\[')
_PACK_NAME = re.compile(r'\("(fas|far|fab)",([A-Za-z_$][\w$]*)\)')
_TOKEN = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)\b")
_BARE_KEY = re.compile(r"([{,])([A-Za-z0-9_$][\w$]*):\[")
_STYLES = {"fas": "solid", "far": "regular", "fab": "brands"}

RUNTIME = r"""(()=>{const I=%s;
const NS="http://www.w3.org/2000/svg";
const css=".svg-inline--fa{display:inline-block;height:1em;overflow:visible;vertical-align:-.125em;box-sizing:content-box}"
+".svg-inline--fa.fa-lg{height:1.25em;vertical-align:-.2em}";
function style(){if(document.getElementById("pacte-fa"))return;const s=document.createElement("style");s.id="pacte-fa";s.textContent=css;document.head.append(s);}
function pack(el){if(el.classList.contains("fa-brands")||el.classList.contains("fab"))return"brands";if(el.classList.contains("fa-regular")||el.classList.contains("far"))return"regular";return"solid";}
function swap(el){const p=I[pack(el)]||{};for(const c of el.classList){const d=c.startsWith("fa-")&&p[c.slice(3)];if(!d)continue;
const svg=document.createElementNS(NS,"svg");svg.setAttribute("viewBox","0 0 "+d[0]+" "+d[1]);svg.setAttribute("aria-hidden","true");svg.setAttribute("focusable","false");
svg.setAttribute("class","svg-inline--fa "+el.className);for(const a of el.attributes){if(a.name!=="class")svg.setAttribute(a.name,a.value);}
for(const path of[].concat(d[2])){const e=document.createElementNS(NS,"path");e.setAttribute("fill","currentColor");e.setAttribute("d",path);svg.append(e);}
el.replaceWith(svg);return;}}
function all(root){if(root.matches&&root.matches("i[class*='fa-'],span[class*='fa-']"))swap(root);for(const el of root.querySelectorAll?root.querySelectorAll("i[class*='fa-'],span[class*='fa-']"):[])swap(el);}
function start(){style();all(document);new MutationObserver((ms)=>{for(const m of ms)for(const n of m.addedNodes)if(n.nodeType===1)all(n);}).observe(document.documentElement,{childList:true,subtree:true});}
if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",start);else start();})();
"""


def icon_packs(source: str) -> dict[str, dict[str, list]]:
    """Parse the icon definitions (``name: [width, height, aliases, unicode, path]``) of each style."""
    starts = [(m.group(1), m.start()) for m in _PACK.finditer(source)]
    packs: dict[str, dict[str, list]] = {}
    for m in _PACK_NAME.finditer(source):
        style, var = _STYLES[m.group(1)], m.group(2)
        begin = max((s for v, s in starts if v == var and s < m.start()), default=None)
        if begin is None or style in packs:
            continue
        obj_start = source.index("{", begin)
        depth, i = 0, obj_start
        while True:
            ch = source[i]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    break
            elif ch == '"':
                i = source.index('"', i + 1)
            i += 1
        literal = _BARE_KEY.sub(r'\1"\2":[', source[obj_start : i + 1])
        packs[style] = json.loads(literal)
    return packs


def used_tokens(outdir: Path) -> set[str]:
    """Every ``fa-*`` name in the built pages and in the theme's scripts (icons they insert)."""
    names: set[str] = set()
    for page in outdir.rglob("*.html"):
        names.update(_TOKEN.findall(page.read_text(encoding="utf-8", errors="replace")))
    for script in (outdir / "_static").glob("**/*.js"):
        if script.name in ("fontawesome.js", "vega-bundle.js") or "vendor" in script.parts:
            continue
        names.update(_TOKEN.findall(script.read_text(encoding="utf-8", errors="replace")))
    return names


def subset_script(source: str, names: set[str]) -> str:
    """The small replacement script holding only ``names``."""
    packs = icon_packs(source)
    chosen: dict[str, dict[str, list]] = {}
    for style, icons in packs.items():
        keep = chosen.setdefault(style, {})
        for name, d in icons.items():
            aliases = [a for a in (d[2] or []) if isinstance(a, str)]
            for alias in [name, *aliases]:
                if alias in names:
                    keep[alias] = [d[0], d[1], d[4]]
    return MARKER + "\n" + RUNTIME % json.dumps(chosen, separators=(",", ":"))


def theme_fontawesome() -> Path | None:
    """The theme's full ``fontawesome.js`` (the source of the icon paths)."""
    try:
        import pydata_sphinx_theme
    except ImportError:  # pragma: no cover - the theme is a dependency of Jupyter Book
        return None
    path = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme"
        / "pydata_sphinx_theme"
        / "static"
        / "scripts"
        / "fontawesome.js"
    )
    return path if path.exists() else None


def write_subset(outdir: Path) -> int | None:
    """Replace the built ``fontawesome.js`` by the subset; return its size in bytes (None if not done)."""
    target = outdir / "_static" / "scripts" / "fontawesome.js"
    source = theme_fontawesome()
    if not target.exists() or source is None:
        return None
    text = subset_script(source.read_text(encoding="utf-8"), used_tokens(outdir))
    target.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
