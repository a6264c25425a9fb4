"""Voilà views in French, titled by their page, with a ``main`` landmark (issue 28).

Once drawn, every view the module tests drive is audited by ``a11y_support.voila_view_findings``: one
main landmark holding every output, no CSP violation, no critical or serious axe-core violation; the
views of the other widgets by ``test_security_csp.py``.
"""

from __future__ import annotations

import re
import urllib.request

VIEW = "voila/render/modules/dimensions/index.ipynb"


def test_a_voila_view_is_french_titled_by_its_page_with_a_main_landmark(pacte_server):
    with urllib.request.urlopen(pacte_server + VIEW, timeout=180) as resp:
        text = resp.read().decode("utf-8")
    assert re.search(r'<html lang="fr">', text), text[:300]
    assert "<title>Les dimensions de la coordination</title>" in text, re.findall(r"<title>.*?</title>", text)
    assert "<main" not in text and "</main>" not in text  # nbconvert's unopened </main> is gone
    assert text.count('role="main"') == 1
    assert text.index('<div id="rendered_cells" role="main"') < text.index('cell-index="1"')
