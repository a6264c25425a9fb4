"""The one table of the live activity kinds, and what the server does with an activity of each.

Each kind is one :class:`~pacte.live.live_kind.LiveKind` (written in a family
module) and one line of :data:`REGISTRY`, in protocol order. Adding a kind: a
Python file with its ``LiveKind``, a line here, then ``python -m
pacte.live.kind_registry`` to regenerate the browser's list
(``widgets/static/live_kinds.js``) and the kinds of the answer schema's
pattern (``datasets/schemas/live_answer.schema.json``); tests check both are up to date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from pacte.course.paths import PACKAGE_DIR
from pacte.live.browser_kinds import BROWSER_MODULE, browser_module_text
from pacte.live.kinds import Question
from pacte.live.kinds_course import CASE, CPTS_PROJECT, DIAGNOSIS, ORDERING, PROFILE, QUIZ, SORTING, SURVEY
from pacte.live.kinds_prompts import RANKING, SCALE, TEXT, WORDCLOUD
from pacte.live.kinds_session import ROOM, SPOT
from pacte.live.live_kind import LiveKind
from pacte.live.panels import choice_bars
from pacte.live.protocol import LiveAnswer, activity_id
from pacte.live.survey import SURVEY_ALL, structures_of

REGISTRY: dict[str, LiveKind] = {
    kind.name: kind
    for kind in (
        QUIZ,
        SURVEY,
        TEXT,
        SORTING,
        DIAGNOSIS,
        CASE,
        ORDERING,
        CPTS_PROJECT,
        PROFILE,
        WORDCLOUD,
        SCALE,
        RANKING,
        ROOM,
        SPOT,
    )
}
MODERATED_KINDS = tuple(name for name, kind in REGISTRY.items() if kind.moderated)
ANSWER_SCHEMA = PACKAGE_DIR.parent / "datasets" / "schemas" / "live_answer.schema.json"
_SCHEMA_KINDS = re.compile(r'("activity": \{"type": "string", "pattern": "\^\()[a-z_|]+(\):)')
_NO_REVEAL: dict[str, Any] = {"correct": [], "explanation": "", "source": ""}


def browser_table() -> dict[str, Any]:
    """What the browser knows of the kinds: ``{"kinds", "labels", "moderated"}`` (``live_kinds.js``)."""
    return {
        "kinds": list(REGISTRY),
        "labels": {name: kind.label for name, kind in REGISTRY.items()},
        "moderated": list(MODERATED_KINDS),
    }


def describe(kind: str, ref: str, question: str) -> Question | None:
    """The choice question ``question`` of activity ``kind:ref``, or None if the course has none."""
    found = REGISTRY.get(kind)
    return found.describe(ref, question) if found and found.describe else None


def canonical_answer(a: LiveAnswer) -> str:
    """Validate an answer against the course data and return its canonical text form, or raise AnswerError."""
    return REGISTRY[a.kind].validate(a)


def activity_view(kind: str, ref: str, question: str) -> dict[str, Any] | None:
    """What a trainee's screen shows for the activity (JSON-safe, never the right answer), or None if unknown."""
    found = REGISTRY.get(kind)
    view = found.view(ref, question) if found and found.view else None
    if found is None or view is None:
        return None
    if found.help and not view.get("help"):
        view["help"] = found.help
    return {"kind": kind, "ref": ref, "question": question, **view}


def reveal_view(kind: str, ref: str, question: str) -> dict[str, Any]:
    """``{correct, explanation, source}`` of an activity (empty where the kind has no right answer)."""
    found = REGISTRY.get(kind)
    reveal = found.reveal(ref, question) if found and found.reveal else None
    return dict(_NO_REVEAL) if reveal is None else reveal


def panel(
    kind: str,
    ref: str,
    question: str,
    counts: Mapping[str, Any],
    hidden_answers: Iterable[str] = (),
    approved: Iterable[str] | None = None,
) -> dict | None:
    """The panel of one activity question from its counts (JSON-safe), or None if the course has no such question.

    ``approved``: for a moderated free-text activity, the entries the trainer approved (see ``words_panel``).
    """
    found = REGISTRY.get(kind)
    if found is None:
        return None
    if found.panel is not None:
        return found.panel(ref, question, counts, set(hidden_answers), None if approved is None else set(approved))
    return choice_bars(found.describe, ref, question, counts) if found.describe else None


def activity_panel(
    kind: str,
    ref: str,
    question: str,
    aggregate: Mapping[tuple[str, str], Mapping[str, int]],
    hidden: Mapping[tuple[str, str], Iterable[str]] | None = None,
    approved: Mapping[tuple[str, str], Iterable[str]] | None = None,
) -> dict | None:
    """:func:`panel` of an activity straight from ``store.aggregate()`` and ``store.hidden_answers()``.

    ``approved``: the approved entries of the moderated questions only (see :mod:`pacte.live.moderation`).

    For a pushed survey question (question ``"all"``) it gathers the answers of every structure.
    """
    activity = activity_id(kind, ref)
    if kind == SURVEY.name and question == SURVEY_ALL:
        counts: Mapping[str, Any] = {s: dict(aggregate.get((activity, s), {})) for s in structures_of(ref)}
    else:
        counts = aggregate.get((activity, question), {})
    key = (activity, question)
    allowed = (approved or {}).get(key) if key in (approved or {}) else None
    return panel(kind, ref, question, counts, (hidden or {}).get(key, ()), allowed)


def kind_title(kind: str) -> str:
    """The French title of an activity of ``kind`` whose course data gives none (the kind id if unknown)."""
    found = REGISTRY.get(kind)
    return found.title if found else kind


def card_title(kind: str, view: Mapping[str, Any] | None, drawn: Mapping[str, Any] | None) -> str:
    """The French title of an activity's card: its view's, else its panel's, else its kind's."""
    return (view or {}).get("title") or (drawn or {}).get("title") or kind_title(kind)


def schema_text(text: str) -> str:
    """``live_answer.schema.json``'s text with the kinds of its ``activity`` pattern set to :data:`REGISTRY`'s."""
    return _SCHEMA_KINDS.sub(lambda m: m.group(1) + "|".join(REGISTRY) + m.group(2), text, count=1)


def write_generated_files() -> None:
    """Write ``widgets/static/live_kinds.js`` and the kinds of the answer schema's pattern from :data:`REGISTRY`."""
    BROWSER_MODULE.write_text(browser_module_text(browser_table()), encoding="utf-8")
    ANSWER_SCHEMA.write_text(schema_text(ANSWER_SCHEMA.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    write_generated_files()
