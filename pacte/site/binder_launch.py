"""The ``binder-launch`` directive: the course's Binder launch links and badge.

Written in « Mode d'emploi » as::

    ```{binder-launch}
    ```

It prints the two exact addresses that open the course home on Binder (a
Voilà view and JupyterLab), both built by :mod:`pacte.course.binder` from the
repository address of ``_config.yml``. The badge is a file of the book
(``_static/binder-badge.svg``): a page never loads an image from a third party.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from pacte.course.binder import binder_launch


class BinderLaunchDirective(SphinxDirective):
    """Insert the Binder launch links of the course home (or a note when no repository is configured)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Return the raw HTML block of the launch links."""
        launch = binder_launch()
        if launch is None:
            text = "Aucun dépôt GitHub n’est configuré (repository.url de _config.yml) : pas de lien Binder."
            return [nodes.paragraph(text=text)]
        up = "../" * self.env.docname.count("/")
        voila, lab = escape(launch.voila), escape(launch.lab)
        html = (
            '<div class="pacte-binder-launch">'
            f'<p><a class="pacte-binder-badge" href="{voila}" rel="noopener">'
            f'<img src="{up}_static/binder-badge.svg" alt="" width="132" height="20"> '
            "Lancer l’accueil du cours sur Binder (vue Voilà)</a></p>"
            "<ul>"
            f'<li>Vue Voilà de l’accueil du cours&#160;: <a href="{voila}" rel="noopener"><code>{voila}</code></a></li>'
            f'<li>JupyterLab, carnets et code&#160;: <a href="{lab}" rel="noopener"><code>{lab}</code></a></li>'
            "</ul></div>"
        )
        return [nodes.raw("", html, format="html")]


def setup(app: Sphinx) -> dict:
    """Register the ``binder-launch`` directive."""
    app.add_directive("binder-launch", BinderLaunchDirective)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
