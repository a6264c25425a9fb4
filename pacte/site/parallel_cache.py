"""Jupyter-cache safe for the parallel build: no process deletes a notebook another has just cached.

``pacte build`` reads and executes the pages with one process per core (``build.build_jobs``), each
caching what it executed in the one jupyter-cache (``_build/.jupyter_cache``). After caching, jupyter-cache
(1.0) deletes the records beyond its limit (1 000) in two queries: the ones to keep, then every other one.
A record that another process added between the two is in neither the first list nor out of the second:
it is deleted, often before its notebook file is written, and that process stops the build
(« KeyError: Notebook file does not exist for cache record PK: 15 », seen in a clean-clone CI run).
:func:`patch` makes it one query.
"""

from __future__ import annotations

from jupyter_cache.cache.db import NbCacheRecord, session_context
from sqlalchemy.sql.expression import desc


def records_to_delete(keep: int, db) -> list[int]:
    """The records beyond the ``keep`` most recently accessed, read in one query."""
    with session_context(db) as session:
        pks = [pk for (pk,) in session.query(NbCacheRecord.pk).order_by(desc("accessed"), desc("pk")).all()]
    return pks[keep:]


def patch() -> None:
    """Replace jupyter-cache's two-query ``NbCacheRecord.records_to_delete`` with :func:`records_to_delete`."""
    NbCacheRecord.records_to_delete = staticmethod(records_to_delete)
