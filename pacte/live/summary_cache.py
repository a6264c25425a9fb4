"""The trainer's summary rebuilt incrementally: only the questions whose answers changed are read and drawn again.

:func:`pacte.live.stage.build_summary` runs after every change of a session.
With thousands of distinct free-text answers, reading the whole aggregate and
drawing every panel each time took most of a second. :class:`SummaryCache`
keeps, per session, the answer counts of each ``(activity, question)`` with
the version the store gives for it (:meth:`answer_versions`: count, last id,
last answer time), reads again only the questions whose version changed
(:meth:`aggregate_of`), and keeps each panel until the versions of the answers
it draws, or its hidden entries, change. Thread-safe (the summary is built in
the store's thread pool); bounded in sessions and panels.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

Key = tuple[str, str]
MAX_SESSIONS = 32
MAX_PANELS = 2048


class _Counts:
    def __init__(self) -> None:
        self.versions: dict[Key, tuple[int, int, int]] = {}
        self.counts: dict[Key, dict[str, int]] = {}


class SummaryCache:
    """Per-session answer counts and drawn panels, refreshed question by question."""

    def __init__(self, max_sessions: int = MAX_SESSIONS, max_panels: int = MAX_PANELS) -> None:
        self.max_sessions = max_sessions
        self.max_panels = max_panels
        self._sessions: OrderedDict[str, _Counts] = OrderedDict()
        self._panels: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.reads = 0  # questions read from the store (for tests and benchmarks)
        self.drawn = 0  # panels drawn

    def aggregate(self, store: Any, session_id: str) -> tuple[dict[Key, dict[str, int]], dict[Key, tuple]]:
        """``store.aggregate(session_id)`` and the versions it reflects, reading only the questions that changed."""
        versions = store.answer_versions(session_id)
        with self._lock:
            entry = self._sessions.pop(session_id, None) or _Counts()
            self._sessions[session_id] = entry
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
            changed = [key for key, version in versions.items() if entry.versions.get(key) != version]
        fresh = {key: store.aggregate_of(session_id, *key) for key in changed}
        with self._lock:
            for key in [k for k in entry.counts if k not in versions]:
                del entry.counts[key]  # reset, or the session lost participants
                entry.versions.pop(key, None)
            for key, counts in fresh.items():
                entry.counts[key] = counts
                entry.versions[key] = versions[key]
            self.reads += len(fresh)
            counts = {key: dict(entry.counts[key]) for key in sorted(versions) if key in entry.counts}
        return counts, versions

    def panel(
        self,
        session_id: str,
        activity: str,
        question: str,
        versions: tuple,
        hidden: Iterable[str],
        draw: Callable[[], Any],
        extra: tuple = (),
    ) -> Any:
        """The panel ``draw()`` returns, drawn again only when ``versions`` (of what it draws), ``hidden`` or ``extra`` change.

        ``extra``: anything else the panel depends on (moderation: whether moderated, the approved entries).
        """
        key = (session_id, activity, question, versions, frozenset(hidden), extra)
        with self._lock:
            if key in self._panels:
                self._panels.move_to_end(key)
                return self._panels[key]
        panel = draw()
        with self._lock:
            self.drawn += 1
            self._panels[key] = panel
            while len(self._panels) > self.max_panels:
                self._panels.popitem(last=False)
        return panel


def covered_keys(aggregate: Mapping[Key, Any], activity: str, question: str, survey_all: str) -> list[Key]:
    """The ``(activity, question)`` keys a panel draws: one, or every structure of a whole-survey question."""
    if activity.startswith("survey:") and question == survey_all:
        return [k for k in aggregate if k[0] == activity]
    return [(activity, question)]
