"""Scripts a page loads for nothing (issue 28: pages fast on a phone).

pydata-sphinx-theme puts Sphinx's search scripts in the ``<head>`` of every page, the whole
search index included (``searchindex.js``, 180 KB), for its search-as-you-type box. The course
leaves that option off (the search opens ``search.html``, which loads them itself), so on every
other page they only block the first paint and cost parsing: they are taken out after the build.
"""

from __future__ import annotations

import re

_SEARCH_SCRIPTS = re.compile(
    r'[ \t]*<script src="[^"]*_static/searchtools\.js[^"]*"></script>\s*'
    r'<script src="[^"]*_static/language_data\.js[^"]*"></script>\s*'
    r'<script src="[^"]*searchindex\.js[^"]*"></script>\n?'
)


def drop_search_scripts(page: str) -> str:
    """``page`` (a built page other than ``search.html``) without the theme's search scripts."""
    return _SEARCH_SCRIPTS.sub("", page, count=1)
