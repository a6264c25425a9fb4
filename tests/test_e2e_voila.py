"""`pacte serve` serves the book and Voilà, and none of Jupyter's own APIs.

A Voilà view rendering offline, its charts drawn and its answers reaching Python: the module tests
(``test_metier_browser.py`` for the survey page, each module for its own views).
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest


def test_server_serves_the_book_and_hides_jupyter_apis(pacte_server):
    with urllib.request.urlopen(pacte_server + "book/intro.html") as resp:
        assert "La coordination en soins primaires" in resp.read().decode()
    with urllib.request.urlopen(pacte_server + "pacte/static/vendor/vega-bundle.js") as resp:
        assert resp.status == 200
    for path in ("api/contents", "api/terminals", "api/kernels", "voila/tree", "voila/api/contents", "tree", "lab"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(pacte_server + path)
        assert err.value.code in (403, 404, 405), path
