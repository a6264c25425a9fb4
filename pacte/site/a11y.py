"""Accessibility fixes of the theme's HTML that templates cannot reach (RGAA / WCAG 2.1 AA).

* the sidebar's expand arrows (``<summary>`` without text) get a French name
  naming their section;
* English labels the theme writes outside the overridable components become French;
* the bibliography's ``role="list"`` gets list items (``aria-required-children``);
* the root ``index.html`` that Jupyter Book writes as a bare ``<meta>`` redirect
  becomes a French page with ``lang="fr"``, a ``<title>`` and a link.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from pacte.course.paths import BOOK_ICON, SITE_DIR
from pacte.site.a11y_font import drop_icon_font
from pacte.site.a11y_icons import write_subset
from pacte.site.page_scripts import drop_search_scripts

TEMPLATES_DIR = SITE_DIR / "sphinx_templates"

NBSP = "\u00a0"
# <a ...>Section title</a> followed by the theme's expander <details><summary>...
_EXPANDER = re.compile(
    r'(<a class="reference internal"[^>]*>(?P<title>.*?)</a>\s*<details(?: open="open"| open)?>\s*)<summary>',
    re.S,
)
_TAG = re.compile(r"<[^>]+>")
_ENGLISH = {
    'aria-label="Main"': 'aria-label="Menu principal"',
    'aria-label="Site navigation"': 'aria-label="Navigation du site"',
    'aria-label="On this page"': 'aria-label="Sur cette page"',
    'aria-label="Section Navigation"': 'aria-label="Navigation dans la section"',
    'aria-label="Breadcrumb"': 'aria-label="Fil d’Ariane"',
}
_EMPTY_PRINT_HEADING = re.compile(r'(<div id="jb-print-docs-body"[^>]*>\s*<h1>)(</h1>)')
_TITLE = re.compile(r"<title>(?P<title>.*?)(?:\s*(?:&#8212;|—| - ).*)?</title>", re.S)
_REDIRECT = re.compile(r'^\s*<meta http-equiv="Refresh" content="0; url=(?P<url>[^"]+)"\s*/>\s*$', re.I)


def name_expanders(toc_html: str) -> str:
    """Give each sidebar ``<summary>`` an accessible French name after its section title."""

    def repl(m: re.Match) -> str:
        title = html.unescape(_TAG.sub("", m.group("title"))).strip()
        label = html.escape(expander_label(title), quote=True)
        return f'{m.group(1)}<summary aria-label="{label}" title="{label}">'

    return _EXPANDER.sub(repl, toc_html)


def expander_label(title: str) -> str:
    return f"Afficher ou masquer les pages de «{NBSP}{title}{NBSP}»"


def name_soup_expanders(soup: Any) -> Any:
    """The same as :func:`name_expanders` on the BeautifulSoup tree the theme returns."""
    for summary in soup.find_all("summary"):
        link = summary.parent.find_previous_sibling("a") if summary.parent is not None else None
        title = link.get_text(" ", strip=True) if link is not None else "cette partie"
        summary["aria-label"] = summary["title"] = expander_label(title)
    return soup


def frenchify(text: str) -> str:
    """Replace the theme's English ARIA labels by French ones."""
    for english, french in _ENGLISH.items():
        text = text.replace(english, french)
    return text


def fill_print_heading(text: str) -> str:
    """The theme's print heading, empty on Sphinx's own pages (the index), gets the page's title (HTMLCS H42.2)."""
    title = _TITLE.search(text)
    if not title or not _EMPTY_PRINT_HEADING.search(text):
        return text
    return _EMPTY_PRINT_HEADING.sub(lambda m: m.group(1) + title.group("title").strip() + m.group(2), text, count=1)


_SCROLL_BOX = re.compile(r"<div class=(['\"])pacte-table-scroll\1(?![^>]*tabindex)")


def fix_bibliography(body: str) -> str:
    """A bibliography ``role="list"`` whose entries are ``doc-biblioentry`` gets ``listitem`` entries."""
    return body.replace('role="doc-biblioentry"', 'role="listitem"')


def focusable_scroll_boxes(body: str) -> str:
    """Tables that scroll sideways in their box can be reached and scrolled with the keyboard."""
    return _SCROLL_BOX.sub(
        lambda m: f'{m.group(0)} tabindex="0" role="region" aria-label="Tableau (défilement horizontal possible)"', body
    )


def redirect_page(url: str, title: str) -> str:
    """A French redirect page at the book's root: ``lang``, ``<title>``, the refresh, a link for those who
    stop it, and the book's icon (without one, a browser asks for ``/favicon.ico``: a 404)."""
    u = html.escape(url, quote=True)
    t = html.escape(title)
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{t}</title>\n"
        f'<meta http-equiv="Refresh" content="0; url={u}">\n<link rel="canonical" href="{u}">\n'
        f'<link rel="icon" href="{BOOK_ICON}">\n</head>\n'
        f'<body>\n<main>\n<h1>{t}</h1>\n<p><a href="{u}">Ouvrir l’accueil du cours</a></p>\n</main>\n</body>\n</html>\n'
    )


def fix_root_redirect(outdir: Path, title: str) -> bool:
    """Rewrite a bare ``<meta>`` redirect ``index.html`` as a French page; True if rewritten."""
    index = outdir / "index.html"
    if not index.exists():
        return False
    m = _REDIRECT.match(index.read_text(encoding="utf-8"))
    if not m:
        return False
    index.write_text(redirect_page(m.group("url"), title), encoding="utf-8")
    return True


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    toctree: Callable[..., str] | None = context.get("generate_toctree_html")
    if callable(toctree) and not getattr(toctree, "_pacte_a11y", False):

        def named(*args: Any, **kwargs: Any) -> Any:
            toc = toctree(*args, **kwargs)
            return name_expanders(toc) if isinstance(toc, str) else name_soup_expanders(toc)

        named._pacte_a11y = True  # type: ignore[attr-defined]
        context["generate_toctree_html"] = named
    if isinstance(context.get("body"), str):
        context["body"] = focusable_scroll_boxes(fix_bibliography(context["body"]))


def _html_collected(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree) -> None:
    _page_context(app, pagename, templatename, context, doctree)


def _finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or "html" not in getattr(app.builder, "format", ""):
        return
    outdir = Path(app.outdir)
    as_you_type = str((app.config.html_theme_options or {}).get("search_as_you_type", False)).lower() == "true"
    for page in outdir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        fixed = fill_print_heading(frenchify(text))
        if not as_you_type and page != outdir / "search.html":
            fixed = drop_search_scripts(fixed)  # the search page loads its own
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    title = f"{app.config.html_title or app.config.project} — redirection vers l’accueil"
    fix_root_redirect(outdir, title)
    write_subset(outdir)  # only the Font Awesome icons the pages use
    drop_icon_font(outdir)  # no Font Awesome web font: the theme's CSS icons as SVG masks


def _components_first(app: Sphinx, config: Any) -> None:
    # The themes add their own ``components/`` folders to the template path, where page
    # templates look up component names; the course's French components must come first.
    components = str(TEMPLATES_DIR / "components")
    if components not in config.templates_path:
        config.templates_path.insert(0, components)


def setup(app: Sphinx) -> dict:
    """Register the accessibility fixes (after the theme's own page context)."""
    app.connect("config-inited", _components_first)
    app.connect("html-page-context", _html_collected, priority=900)
    app.connect("build-finished", _finished, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
