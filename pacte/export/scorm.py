"""A SCORM 1.2 package of the static book (``pacte export scorm``).

One SCO per learning page of the book (the module pages, and any other page
that asks the learner something), grouped in the LMS's table of contents by
part and module as the book's own table of contents groups them; the how-to
and trainer pages travel as files of the shared asset, not as activities:

* SCORM 1.2 keeps one status, one score and one ``suspend_data`` per SCO
  and per learner; a page of the course is what has one quiz score and one
  state (a module's pages each carry their own quiz), so the LMS shows
  exactly what the page shows;
* a SCO cannot read the data of another SCO, so a module-wide SCO would
  have to re-count the quizzes of pages opened in other launches;
* the LMS's tree (part › module › page) gives the trainer the module
  view anyway, and the LMS sums or averages the pages' scores as it is told.

Every file of the built site is listed: the pages in their own SCO resource,
everything else (styles, scripts, images, vendored Vega) in one shared asset
resource that every SCO depends on, except source maps (of use to no LMS).
Each SCO with a quiz carries ``adlcp:masteryscore``, the course's pass mark.
The runtime side is ``widgets/static/scorm.js``, loaded by ``loader.js`` only
when an LMS API is found: inside the SCO it removes the book's navigation, so a
page can only ever write into the record of the SCO the LMS launched.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from pacte.course.paths import build_dir
from pacte.course.toc import effective_toc
from pacte.course.typography import NBSP

COURSE_TITLE = "La coordination en soins primaires (PACTE soins primaires, EHESP)"
NAMESPACES = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
#: The course's pass mark: per cent of right answers to a page's quiz (``adlcp:masteryscore``).
PASS_MARK = 70
_QUIZ = 'data-pacte-module="quiz"'
_ACTIVITY_LIST = re.compile(r"ACTIVITY_MODULES = \[([^\]]*)\]")


def activity_modules(site: Path) -> tuple[str, ...]:
    """The widget modules that ask the learner something, as ``progress_logic.js`` of the site lists them."""
    text = (site / "_static" / "progress_logic.js").read_text(encoding="utf-8")
    match = _ACTIVITY_LIST.search(text)
    return tuple(re.findall(r'"([a-z_]+)"', match.group(1))) if match else ("quiz",)


@dataclass
class Node:
    """An item of the LMS's table of contents: a page (``href``) or a group of items."""

    title: str
    href: str | None = None
    children: list[Node] = field(default_factory=list)
    quiz: bool = False


def page_title(page: Path) -> str:
    """The page's own title (its ``<title>`` without the book's name)."""
    match = _TITLE.search(page.read_text(encoding="utf-8", errors="replace")[:4000])
    if not match:
        return page.stem
    return html.unescape(match.group(1)).split(" \u2014 ")[0].strip()


def is_learning_page(doc: str, text: str, activities: tuple[str, ...]) -> bool:
    """A module page, or any page that asks the learner something: a SCO; how-to and trainer pages are not."""
    return doc.startswith("modules/") or any(f'data-pacte-module="{name}"' in text for name in activities)


def _page(site: Path, doc: str) -> Node | None:
    path = site / f"{doc}.html"
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8", errors="replace")
    if not is_learning_page(doc, text, activity_modules(site)):
        return None
    return Node(page_title(path), f"{doc}.html", quiz=_QUIZ in text)


def _chapter(site: Path, chapter: dict[str, Any]) -> Node | None:
    head = _page(site, chapter["file"]) if "file" in chapter else None
    pages = [p for p in (_page(site, s["file"]) for s in chapter.get("sections") or [] if "file" in s) if p]
    if not pages:
        return head
    if head is None:
        return Node(chapter.get("title", "Module"), children=pages)
    return Node(head.title, children=[head, *pages])


def course_tree(site: Path, toc: dict[str, Any] | None = None) -> list[Node]:
    """The book's table of contents as LMS items, keeping only the learning pages the site has."""
    toc = effective_toc() if toc is None else toc
    tree = [n for n in [_page(site, toc["root"])] if n]
    for part in toc.get("parts", []):
        chapters = [c for c in (_chapter(site, ch) for ch in part.get("chapters") or []) if c]
        if chapters:
            tree.append(Node(part.get("caption", "Partie"), children=chapters))
    tree += [c for c in (_chapter(site, ch) for ch in toc.get("chapters") or []) if c]
    return tree


def site_files(site: Path) -> list[str]:
    """Every file of the built site (POSIX paths relative to it), sorted; no hidden build files, no source maps."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.suffix != ".map" and not any(part.startswith(".") for part in p.relative_to(site).parts)
    )


def _pages(tree: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in tree:
        if node.href:
            out.append(node)
        out += _pages(node.children)
    return out


def _items(nodes: list[Node], ids: dict[str, str], indent: str, counter: list[int], mastery: int) -> str:
    out = []
    for node in nodes:
        counter[0] += 1
        ident = f"ITEM-{counter[0]:04d}"
        title = f"{indent}  <title>{xml_escape(node.title)}</title>\n"
        if node.href:
            score = f"{indent}  <adlcp:masteryscore>{mastery}</adlcp:masteryscore>\n" if node.quiz else ""
            out.append(
                f'{indent}<item identifier="{ident}" identifierref="{ids[node.href]}" isvisible="true">\n'
                f"{title}{score}{indent}</item>\n"
            )
        else:
            inner = _items(node.children, ids, indent + "  ", counter, mastery)
            out.append(f'{indent}<item identifier="{ident}" isvisible="true">\n{title}{inner}{indent}</item>\n')
    return "".join(out)


def manifest(tree: list[Node], files: list[str], title: str = COURSE_TITLE, mastery: int = PASS_MARK) -> str:
    """The ``imsmanifest.xml``: organization tree, one SCO per learning page (mastery score if it has a quiz), one asset."""
    pages = _pages(tree)
    ids = {p.href: f"RES-{i:04d}" for i, p in enumerate(pages, 1) if p.href}
    sco = set(ids)
    resources = [
        f'    <resource identifier="{ids[href]}" type="webcontent" adlcp:scormtype="sco" href={quoteattr(href)}>\n'
        f"      <file href={quoteattr(href)}/>\n"
        '      <dependency identifierref="RES-COMMON"/>\n'
        "    </resource>\n"
        for href in ids
    ]
    common = "".join(f"      <file href={quoteattr(f)}/>\n" for f in files if f not in sco)
    resources.append(
        f'    <resource identifier="RES-COMMON" type="webcontent" adlcp:scormtype="asset">\n{common}    </resource>\n'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="PACTE-SOINS-PRIMAIRES" version="1.0" {NAMESPACES}>\n'
        "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
        '  <organizations default="ORG-PACTE">\n    <organization identifier="ORG-PACTE">\n'
        f"      <title>{xml_escape(title)}</title>\n"
        + _items(tree, ids, "      ", [0], mastery)
        + "    </organization>\n  </organizations>\n  <resources>\n"
        + "".join(resources)
        + "  </resources>\n</manifest>\n"
    )


def default_site() -> Path:
    """The built book (``_build/html``, moved by ``PACTE_OUTPUT``)."""
    return build_dir() / "html"


def export_scorm(
    output: Path, site: Path | None = None, toc: dict[str, Any] | None = None, mastery: int = PASS_MARK
) -> str:
    """Write the SCORM 1.2 zip of the built book to ``output``; return the French summary line."""
    if not 0 <= mastery <= 100:
        raise RuntimeError(f"score de maîtrise hors de 0 à 100{NBSP}: {mastery}")
    site = default_site() if site is None else site
    if not (site / "index.html").exists():
        raise FileNotFoundError(
            f"le livre n’est pas construit dans {site}{NBSP}: lancez d’abord «{NBSP}pacte build{NBSP}»"
        )
    if not (site / "_static" / "scorm.js").exists():
        raise FileNotFoundError(
            f"{site} n’a pas _static/scorm.js{NBSP}: reconstruisez le livre («{NBSP}pacte build{NBSP}»)"
        )
    tree = course_tree(site, toc)
    files = site_files(site)
    text = manifest(tree, files, mastery=mastery)
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", text)
        for name in files:
            zf.write(site / name, name)
    n_pages = len(_pages(tree))
    return (
        f"pacte export scorm{NBSP}: {output} ({n_pages} pages d’apprentissage, un SCO par page, "
        f"score de maîtrise {mastery}{NBSP}%, {len(files)} fichiers, {output.stat().st_size // 1024} Kio)"
    )
