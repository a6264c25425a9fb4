"""Two fixes of the execution cache the build relies on (jupyter-cache 1.0, myst-nb 1.4).

1. No process deletes a notebook another has just cached. ``pacte build`` reads and executes the pages
   with one process per core (``build.build_jobs``), each caching what it executed in the one
   jupyter-cache (``_build/.jupyter_cache``). After caching, jupyter-cache deletes the records beyond its
   limit (1 000) in two queries: the ones to keep, then every other one. A record another process added
   between the two is deleted, often before its notebook file is written, and that process stops the
   build (« KeyError: Notebook file does not exist for cache record PK: 15 », a clean-clone CI run).
   :func:`records_to_delete` makes it one query.
2. A page read again from the cache keeps its outputs in ``_build/jupyter_execute``. myst-nb writes
   there the notebook it was given; executing fills that notebook, but a cache hit merges the outputs
   into a copy, so the page's notebook was written without outputs (nbval and
   ``tests/test_executed_pages.py`` then read empty cells after an incremental build).
   :func:`start_client_in_place` puts the merged notebook back into the one given.
"""

from __future__ import annotations

from jupyter_cache.cache.db import NbCacheRecord, session_context
from myst_nb.core.execute.cache import NotebookClientCache
from sqlalchemy.sql.expression import desc

_START_CLIENT = NotebookClientCache.start_client


def records_to_delete(keep: int, db) -> list[int]:
    """The records beyond the ``keep`` most recently accessed, read in one query."""
    with session_context(db) as session:
        pks = [pk for (pk,) in session.query(NbCacheRecord.pk).order_by(desc("accessed"), desc("pk")).all()]
    return pks[keep:]


def start_client_in_place(client: NotebookClientCache) -> None:
    """Start the client; a notebook taken from the cache fills the notebook object it was given."""
    given = client.notebook
    _START_CLIENT(client)
    if client.notebook is not given:
        given.clear()
        given.update(client.notebook)
        client._notebook = given


def patch() -> None:
    """Install :func:`records_to_delete` in jupyter-cache and :func:`start_client_in_place` in myst-nb."""
    NbCacheRecord.records_to_delete = staticmethod(records_to_delete)
    NotebookClientCache.start_client = start_client_in_place
