"""`pacte check` rules on questions and pages: no duplicate question, durations that add up.

Duplicates across (and within) question banks, exercises and cases:

* the same question ``id`` in two banks (a live session or a page subset would
  not know which one is meant);
* the same normalised prompt (case, accents, apostrophes and punctuation ignored);
* near-duplicates: two questions that test the same thing. Their « content
  words » (words of four letters or more, minus a few common ones) are taken
  from the prompt, the correct answers and the explanation; the Jaccard index
  of the two sets must stay below :data:`NEAR_DUPLICATE`, and the similarity
  ratio of the two prompts' word sequences (``difflib``) below :data:`SIMILAR_PROMPT`.

  The thresholds come from the 147 questions of the course when the rule was
  written: the pairs known to test the same fact (``fonction-latente`` twice,
  ``consommateurs``/``batisseurs``, ``niveau-fonctionnement``/``quatre-niveaux``)
  scored 0.40 to 0.61 on content words and 0.70 on prompts; every pair of
  distinct questions scored at most 0.31 on content words (two questions on
  the same page of the same source) and under 0.60 on prompts. 0.35 and 0.65
  sit in those gaps.

  Since issue 24 the rule also compares sorting items, ordering exercises and
  branching-case situations (:mod:`pacte.course.question_items`). Over those
  224 questions, a quiz question and a sorting item restating one fact scored
  0.35 to 0.50 and were fixed; the audit's reworded duplicates scored 0.12 to
  0.32, as low as distinct situations of one exercise (0.30), so a lower limit
  would refuse distinct questions: those were fixed by hand.

Durations: the « Durée » of a page's « En bref » equals the total of its
session plan in « Notes pour le formateur »: the duration in the plan's title
(« Déroulé (45 min) ») and the end of its last time slot (« 40-45 min ») or the
sum of its slots (« - 10 min — … »).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pacte.course.errors import DataError
from pacte.course.question_items import QuestionItem, question_items

NEAR_DUPLICATE = 0.35
SIMILAR_PROMPT = 0.65

_STOP = set(
    """dans pour avec sont plus leur leurs cette elle elles entre mais aussi comme tout tous toute toutes
etre avoir quel quelle quels quelles selon sans sous vous nous votre notre meme ceux celle celles ainsi donc tres
peut quoi pourquoi comment elle lequel laquelle lesquels lesquelles parmi autre autres chaque""".split()
)


def normalise(text: str) -> str:
    """Lower case, no accents, apostrophes and punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text))


def item_words(prompt: str, answers: tuple[str, ...] | list[str], explanation: str) -> set[str]:
    """Content words of a question: words of four letters or more of its prompt, correct answers and explanation."""
    text = normalise(" ".join([prompt, *answers, explanation]))
    return {w for w in text.split() if len(w) > 3 and w not in _STOP}


def content_words(question: dict) -> set[str]:
    """Words that say what a bank question tests: prompt, correct answers, explanation."""
    answers = [c.get("text", "") for c in question.get("choices", []) if c.get("correct")]
    if "answer" in question:
        answers.append(str(question["answer"]))
    return item_words(question.get("prompt", ""), answers, question.get("explanation", ""))


def _entries(root: Path | None = None) -> list[dict[str, Any]]:
    """One entry per question (banks, exercises, cases): the item, its normalised prompt and content words."""
    return [
        {"item": item, "norm": normalise(item.prompt), "words": item_words(item.prompt, item.answers, item.explanation)}
        for item in question_items(root)
    ]


def _name(item: QuestionItem) -> str:
    what = {"quiz": "bank", "tri": "sorting exercise", "ordre": "ordering exercise", "cas": "case"}[item.kind]
    return f"question '{item.qid}' of {what} '{item.owner}' ({item.where})"


def _same_id_and_prompt_errors(entries: list[dict[str, Any]]) -> list[DataError]:
    errors: list[DataError] = []
    seen_ids: dict[str, QuestionItem] = {}
    seen_prompts: dict[str, QuestionItem] = {}
    for e in entries:
        item: QuestionItem = e["item"]
        if item.kind == "quiz":  # ids are unique across banks (live sessions and page subsets name them)
            other = seen_ids.setdefault(item.qid, item)
            if other.owner != item.owner:
                errors.append(
                    DataError(
                        item.path,
                        f"question id '{item.qid}' is also used by {_name(other)}: ids are unique across banks",
                        line=item.line,
                        field="id",
                    )
                )
        other = seen_prompts.setdefault(e["norm"], item)
        if other is not item:
            errors.append(
                DataError(item.path, f"{_name(item)}: same prompt as {_name(other)}", line=item.line, field="prompt")
            )
    return errors


def _near_duplicate_error(a: dict[str, Any], b: dict[str, Any]) -> DataError | None:
    union = a["words"] | b["words"]
    jaccard = len(a["words"] & b["words"]) / len(union) if union else 0.0
    matcher = SequenceMatcher(None, a["norm"].split(), b["norm"].split(), autojunk=False)
    ratio = 0.0
    if matcher.real_quick_ratio() >= SIMILAR_PROMPT and matcher.quick_ratio() >= SIMILAR_PROMPT:
        ratio = matcher.ratio()  # the exact ratio only when the cheap upper bounds allow it
    if jaccard < NEAR_DUPLICATE and ratio < SIMILAR_PROMPT:
        return None
    item: QuestionItem = b["item"]
    return DataError(
        item.path,
        f"{_name(item)} is a near-duplicate of {_name(a['item'])}: content words {jaccard:.2f} "
        f"(limit {NEAR_DUPLICATE}), prompts {ratio:.2f} (limit {SIMILAR_PROMPT}, 0 when far below); keep one, "
        "or make them test different things",
        line=item.line,
        field="prompt",
    )


def check_duplicates(root: Path | None = None) -> list[DataError]:
    """Duplicate ids, identical prompts and near-duplicate questions across banks, exercises and cases."""
    entries = _entries(root)
    errors = _same_id_and_prompt_errors(entries)
    for a, b in itertools.combinations(entries, 2):
        if a["norm"] == b["norm"]:
            continue
        error = _near_duplicate_error(a, b)
        if error is not None:
            errors.append(error)
    return errors


_DUREE = re.compile(r"\*\*Durée\*\*\s*[—–:-]\s*(?:(\d+)\s*h\s*(\d+)?|(\d+))\s*min", re.I)
_DUREE_H = re.compile(r"\*\*Durée\*\*\s*[—–:-]\s*(\d+)\s*h(?:\s*(\d+))?")
_NOTES = re.compile(r"^(?:#+\s*|[`:]{3,}\{dropdown\}\s*)Notes pour le formateur", re.M)
_PLAN_TITLE = re.compile(r"\*\*(?:Déroulé|Plan de séance|Plan)[^*(]*\((\d+)\s*min(?:utes)?\)\*\*", re.I)
_RANGE = re.compile(r"(?:^\s*[-*]\s*|^\|\s*)(\d+)\s*[-–]\s*(\d+)\s*min", re.M)
_SLOT = re.compile(r"^\s*[-*]\s*(\d+)\s*min\b", re.M)
_SPACES = re.compile(r"[\u00a0\u202f]")


def _minutes(match: re.Match) -> int:
    if match.group(3):
        return int(match.group(3))
    return int(match.group(1)) * 60 + int(match.group(2) or 0)


def page_duration_errors(path: Path, text: str | None = None) -> list[DataError]:
    """Compare the « Durée » of a page with the total of its session plan."""
    text = _SPACES.sub(" ", path.read_text(encoding="utf-8") if text is None else text)
    header = _DUREE.search(text)
    notes = _NOTES.search(text)
    if not header and not notes:
        return []
    line_of = lambda pos: text.count("\n", 0, pos) + 1  # noqa: E731
    if not header:
        return [DataError(path, "no « **Durée** — N minutes » in the « En bref » box", line=1, field="Durée")]
    if not notes:
        return [
            DataError(
                path,
                "no « Notes pour le formateur » dropdown with a timed session plan",
                line=line_of(header.start()),
                field="Notes pour le formateur",
            )
        ]
    duration = _minutes(header)
    body = text[notes.end() :]
    end = re.search(r"^#{1,2}\s", body, re.M)  # the notes run to the next section
    body = body[: end.start()] if end else body
    plan_line = line_of(notes.start())
    title = _PLAN_TITLE.search(body)
    ranges = [(int(a), int(b)) for a, b in _RANGE.findall(body)]
    slots = [int(s) for s in _SLOT.findall(body)]
    total = max(b for _, b in ranges) if ranges else (sum(slots) if slots else None)
    errors = []
    if title is None and total is None:
        return [
            DataError(
                path,
                "the trainer notes have no timed session plan (« **Déroulé (N min)** » and slots « 0-10 min : … »)",
                line=plan_line,
                field="Notes pour le formateur",
            )
        ]
    planned = int(title.group(1)) if title else total
    if planned != duration:
        errors.append(
            DataError(
                path,
                f"« Durée » says {duration} min but the session plan totals {planned} min",
                line=line_of(header.start()),
                field="Durée",
            )
        )
    if title and total is not None and total != int(title.group(1)):
        errors.append(
            DataError(
                path,
                f"the session plan is titled {title.group(1)} min but its slots add up to {total} min",
                line=plan_line + body[: title.start()].count("\n"),
                field="Notes pour le formateur",
            )
        )
    return errors


def check_durations(root: Path) -> list[DataError]:
    """Duration rule over the pages of the table of contents."""
    from pacte.course.toc import page_source, toc_files

    errors: list[DataError] = []
    for doc in toc_files(root):
        try:
            path = page_source(doc, root)
        except FileNotFoundError:
            continue
        if path.suffix == ".md" and "modules" in Path(path).parts:
            try:
                errors.extend(page_duration_errors(Path(path)))
            except UnicodeDecodeError:
                continue
    return errors
