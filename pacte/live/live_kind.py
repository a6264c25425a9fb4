"""What defines one kind of live activity: :class:`LiveKind`, one object per kind.

The objects are written in the family modules (:mod:`pacte.live.kinds_course`,
:mod:`pacte.live.kinds_prompts`, :mod:`pacte.live.kinds_session`) and listed
once in :data:`pacte.live.kind_registry.REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pacte.live.kinds import Describer
from pacte.live.protocol import LiveAnswer

# (ref, question, counts, hidden entries, approved entries or None) -> panel, or None if the course has no such question.
PanelFunction = Callable[[str, str, Mapping[str, Any], set[str], set[str] | None], dict | None]
# (ref, question) -> the trainee's view, or a reveal, or None if the course has no such question.
ViewFunction = Callable[[str, str], dict[str, Any] | None]


@dataclass(frozen=True)
class LiveKind:
    """One kind of live activity: its French words and what the server does with its answers.

    ``label``: the short French name on the dashboard's cards and lists; ``title``: the French
    title of an activity whose course data gives none; ``help``: the trainee's default help.
    ``validate`` returns an answer's canonical text (or raises ``AnswerError``); ``describe``
    gives a question's choices; ``panel`` draws the answers (None: bars of the described
    choices); ``view`` is the trainee's screen; ``reveal`` the right answer and sources;
    ``moderated``: free-text entries the trainer may approve before display.
    """

    name: str
    label: str
    title: str
    validate: Callable[[LiveAnswer], str]
    describe: Describer | None = None
    panel: PanelFunction | None = None
    view: ViewFunction | None = None
    reveal: ViewFunction | None = None
    help: str = ""
    moderated: bool = False
