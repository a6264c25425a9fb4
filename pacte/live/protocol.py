"""The one definition of a live answer, of a join code and of a participant id.

A page in a live session posts ``{"code", "participant", "activity",
"question", "answer"}`` to ``/api/live/answer``. ``activity`` is
``"<kind>:<ref>"``; what ``question`` and ``answer`` hold depends on the kind:

=========  ==========================  ======================  =================================
kind       ref                         question                answer
=========  ==========================  ======================  =================================
quiz       question bank id            question id             choice id, list of ids, or number
survey     survey question id          structure type          answer id or list of answer ids
text       open prompt id              ``"answer"``            free text
sorting    sorting exercise id         item id                 category id
diagnosis  diagnosis grid id           statement id            rating (integer)
case       branching case id           step id                 choice id
ordering   ordering exercise id        ``"order"``             list of item ids, in order
cpts_project CPTS project id          ``"missions"``/``"partners"``  list of mission or partner ids
profile    profile questions file id   ``<structure>-<id>``    answer id (« Mon profil », metier module)
wordcloud  live prompt id              ``"answer"``            short free text (60 characters at most)
scale      live prompt id              ``"answer"``            integer in the prompt's [min, max] (default 1–5)
ranking    live prompt id              ``"order"``             list of all the prompt's item ids, in order
room       room question id (digits)   ``"answer"``            free text (a question from the room pushed back)
=========  ==========================  ======================  =================================

Each kind is defined once, in :mod:`pacte.live.kind_registry`; :data:`KINDS`
is read from the browser module generated from it (``widgets/static/live_kinds.js``).
The same shape is written in ``datasets/schemas/live_answer.schema.json``
(tested against the registry and against ``widgets/static/live_protocol.js``,
which every widget calls). Parsing here checks the shape only; whether the
ids exist in the course data is checked by :mod:`pacte.live.validation`.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from pacte.live.browser_kinds import browser_kinds

KINDS: tuple[str, ...] = tuple(browser_kinds()["kinds"])  # the registry's kinds, see pacte.live.kind_registry

# Join codes: 8 characters from an alphabet without look-alikes (no I, L, O, 0, 1): 31^8 ≈ 8.5 × 10^11
# codes, so that guessing one at the allowed rate is hopeless (book/mode-emploi/securite.md).
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8
JOIN_CODE_RULE = f"{JOIN_CODE_LENGTH} lettres ou chiffres"

_REF = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_QUESTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_PARTICIPANT = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_TEXT_CHARS = 2000
MAX_LIST_ITEMS = 64
MAX_NUMBER_CHARS = 40


class ProtocolError(ValueError):
    """A payload that is not a live answer; ``message`` is French, for the trainee."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class LiveAnswer:
    """One answer of one participant to one question of one activity."""

    kind: str
    ref: str
    question: str
    answer: Any

    @property
    def activity(self) -> str:
        """The ``"<kind>:<ref>"`` form stored and aggregated."""
        return activity_id(self.kind, self.ref)


def activity_id(kind: str, ref: str) -> str:
    """The activity key ``"<kind>:<ref>"`` that answers, stages and the store carry."""
    return f"{kind}:{ref}"


def split_activity(activity: str) -> tuple[str, str]:
    """``(kind, ref)`` of an activity key ``"<kind>:<ref>"`` (``(activity, "")`` without a colon)."""
    kind, _, ref = activity.partition(":")
    return kind, ref


def new_join_code() -> str:
    """Return a random join code following the one rule."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(raw: Any) -> str | None:
    """Return the canonical join code typed by a trainee (upper case, without spaces or dashes), or None if invalid."""
    if not isinstance(raw, str) or len(raw) > 4 * JOIN_CODE_LENGTH:
        return None
    code = "".join(raw.split()).replace("-", "").upper()
    if len(code) != JOIN_CODE_LENGTH or any(c not in JOIN_CODE_ALPHABET for c in code):
        return None
    return code


def valid_participant(raw: Any) -> bool:
    """True for an anonymous participant id as the server hands them out."""
    return isinstance(raw, str) and bool(_PARTICIPANT.match(raw))


def _answer_value(value: Any) -> Any:
    if isinstance(value, bool):
        raise ProtocolError("Réponse de type inattendu.", "answer")
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            raise ProtocolError(f"Réponse trop longue ({MAX_TEXT_CHARS} caractères au plus).", "answer")
        return value
    if isinstance(value, int):
        if abs(value) > 10**15:
            raise ProtocolError("Nombre hors des bornes de la question.", "answer")
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or abs(value) > 1e15:
            raise ProtocolError("Nombre hors des bornes de la question.", "answer")
        return value
    if isinstance(value, list):
        if not value or len(value) > MAX_LIST_ITEMS or not all(isinstance(v, str) and len(v) <= 64 for v in value):
            raise ProtocolError("Réponse attendue\u00a0: une liste de choix.", "answer")
        return list(value)
    raise ProtocolError("Réponse de type inattendu.", "answer")


def parse_answer(payload: Any) -> LiveAnswer:
    """Check the shape of an answer payload (``activity``, ``question``, ``answer``) and return it."""
    if not isinstance(payload, dict):
        raise ProtocolError("Requête illisible (objet JSON attendu).")
    activity, question = payload.get("activity"), payload.get("question")
    if not isinstance(activity, str) or ":" not in activity:
        raise ProtocolError("Activité manquante ou mal formée.", "activity")
    kind, ref = split_activity(activity)
    if kind not in KINDS or not _REF.match(ref):
        raise ProtocolError("Activité inconnue.", "activity")
    if not isinstance(question, str) or not _QUESTION.match(question):
        raise ProtocolError("Question manquante ou mal formée.", "question")
    if "answer" not in payload:
        raise ProtocolError("Réponse manquante.", "answer")
    return LiveAnswer(kind, ref, question, _answer_value(payload["answer"]))
