"""PACTE course widgets: quizzes, charts and data loading shared by every page.

The public API is small on purpose::

    from widgets import Quiz, chart, load_table, load_bank

Every widget works in three hosts: Jupyter/Binder and Voilà (as an anywidget,
the Python side sees each answer) and the static book (the same JavaScript
module runs in the browser with no kernel, see ``static/loader.js``).
"""

from widgets.errors import DataError
from widgets.data import load_table, load_package
from widgets.banks import load_bank
from widgets.quiz import Quiz
from widgets.charts import chart, Chart

__all__ = ["DataError", "load_table", "load_package", "load_bank", "Quiz", "chart", "Chart"]
