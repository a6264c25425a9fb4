"""A session's answers as a table a trainer reads without a lookup table (dashboard's CSV, ``pacte sessions export``).

One row per answer of every round, oldest first, French headers: the round,
the date and time in Paris time as a spreadsheet reads it
(``2026-12-08 09:45:00``), an anonymous participant number, the activity and
question texts, the answer in words (choice labels, a ranking's order, a
scale's value and label), « oui »/« non » when the question has a right
answer, whether the trainer hid it from the room (« en attente »: a moderated
entry not approved yet); then the internal ids and
the raw answer, for a further analysis. CSV: UTF-8 with BOM, ``;`` (French
spreadsheets), cells that could run as formulas neutralised. Excel (``.xlsx``,
openpyxl): the same table with real dates and numbers, every text cell stored
as text (never a formula), the header frozen and filterable.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache

from pacte.course.fmt import NBSP, local_time, spreadsheet_datetime
from pacte.live.kind_registry import activity_view, describe
from pacte.live.moderation import Moderation, load_moderation
from pacte.live.protocol import split_activity
from pacte.live.room_export import room_question_rows
from pacte.live.survey import SURVEY_ALL
from pacte.security import csv_safe, fold_text

HEADERS = [
    "Tour",
    "Date et heure (Paris)",
    "Participant",
    "Activité",
    "Question",
    "Réponse",
    "Bonne réponse",
    "Masquée pour la salle",
    "Identifiant du participant",
    "Identifiant de l’activité",
    "Identifiant de la question",
    "Réponse (codes)",
]


@dataclass(frozen=True)
class _Texts:
    """What the course says of one question: its title, its text, its labels, its right answer."""

    title: str
    question: str
    labels: dict[str, str]
    correct: frozenset[str]
    ordered: bool  # a ranking: the answer is an order, shown as « 1. … ; 2. … »


@lru_cache(maxsize=512)
def _texts(activity: str, question: str) -> _Texts:
    kind, ref = split_activity(activity)
    if kind == "survey":
        view = activity_view(kind, ref, SURVEY_ALL) or {}
        entry = view.get("input", {})
        structures = {s["id"]: s["label"] for s in entry.get("structures", [])}
        prompt = view.get("prompt", ref)
        where = structures.get(question, question)
        labels = {c["id"]: c["label"] for c in entry.get("choices", [])}
        return _Texts(view.get("title", activity), f"{prompt} ({where})", labels, frozenset(), False)
    described = describe(kind, ref, question)
    if described is not None:
        labels = {c.id: c.label for c in described.choices}
        correct = frozenset(c.id for c in described.choices if c.correct)
        return _Texts(described.title, described.prompt, labels, correct, kind in ("ranking", "ordering"))
    view = activity_view(kind, ref, question) or {}
    return _Texts(view.get("title", activity), view.get("prompt", question), {}, frozenset(), False)


def _ids(raw: str) -> list[str] | None:
    """The choice ids of a stored answer (a JSON list, or one id), None for free text that is not a list."""
    if raw.startswith("["):
        try:
            value = json.loads(raw)
        except ValueError:
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
    return None


def answer_in_words(activity: str, question: str, raw: str) -> tuple[str, str]:
    """(the answer in words, « oui »/« non »/« » for right or wrong) of one stored answer."""
    texts = _texts(activity, question)
    ids = _ids(raw)
    if ids is None:
        ids = [raw] if raw in texts.labels else []
    if not ids:
        return raw, ""
    words = [texts.labels.get(i, i) for i in ids]
    if texts.ordered:
        shown = f"{NBSP};{NBSP}".join(f"{n}. {w}" for n, w in enumerate(words, 1))
    elif activity.startswith("scale:"):
        shown = raw if words[0] == raw else f"{raw} ({words[0]})"
    else:
        shown = f"{NBSP};{NBSP}".join(words)
    right = "" if not texts.correct else ("oui" if set(ids) == texts.correct else "non")
    return shown, right


def export_table(store, session_id: str) -> list[list[object]]:
    """The header and one row per answer (every round, oldest first), then the questions from the room.

    UnknownSession if there is no such session.
    """
    return _full_table(store, session_id, store.export_rows(session_id))[0]


def _full_table(store, session_id: str, rows: list[dict]) -> tuple[list[list[object]], list[float]]:
    """(the table, the time of each row below the header)."""
    moderation = load_moderation(store, session_id)
    table = _table(rows, store.hidden_answers(session_id), moderation)
    extra, times = room_question_rows(store.room_questions(session_id))
    return table + extra, [row["time"] for row in rows] + times


def _masked(raw: str, key: tuple[str, str], hidden: dict[tuple[str, str], set[str]], moderation: Moderation) -> str:
    """« oui » (hidden by the trainer), « en attente » (moderated, not approved yet) or « non ».

    As on the dashboard, hiding or approving an entry covers every spelling of it (:func:`pacte.security.fold_text`).
    """
    folded = _fold(raw)
    if raw in hidden.get(key, ()) or folded in {_fold(h) for h in hidden.get(key, ())}:
        return "oui"
    if moderation.moderated(*key) and folded not in {_fold(a) for a in moderation.approved.get(key, ())}:
        return "en attente"
    return "non"


def _fold(text: str) -> str:
    return fold_text(text) or " ".join(text.split()).casefold()


def _table(
    rows: list[dict], hidden: dict[tuple[str, str], set[str]], moderation: Moderation | None = None
) -> list[list[object]]:
    numbers: dict[str, int] = {}
    table: list[list[object]] = [list(HEADERS)]
    for row in rows:
        activity, question, raw = row["activity"], row["question"], row["answer"]
        texts = _texts(activity, question)
        shown, right = answer_in_words(activity, question, raw)
        person = numbers.setdefault(row["participant"], len(numbers) + 1)
        masked = _masked(raw, (activity, question), hidden, moderation or Moderation())
        table.append(
            [
                row["round"],
                spreadsheet_datetime(row["time"]),
                f"Participant {person}",
                texts.title,
                texts.question,
                shown,
                right,
                masked,
                row["participant"],
                activity,
                question,
                raw,
            ]
        )
    return table


def export_csv(store, session_id: str) -> str:
    """:func:`export_table` as CSV text (``;``, CRLF; add the BOM when writing a file)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for line in export_table(store, session_id):
        writer.writerow([csv_safe(cell) for cell in line])
    return out.getvalue()


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_WIDTHS = [6, 20, 14, 30, 50, 40, 10, 10, 26, 30, 20, 30]


def export_xlsx(store, session_id: str) -> bytes:
    """:func:`export_table` as an Excel workbook (one sheet « Réponses »); UnknownSession if there is no such session."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    table, times = _full_table(store, session_id, store.export_rows(session_id))
    book = Workbook()
    sheet = book.active
    sheet.title = "Réponses"
    for r, line in enumerate(table, start=1):
        for c, value in enumerate(line, start=1):
            if r > 1 and c == 2:
                cell = sheet.cell(r, c, local_time(times[r - 2]).replace(tzinfo=None))
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
                continue
            cell = sheet.cell(r, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # a trainee's « =… » stays text, never a formula
            if r == 1:
                cell.font = Font(bold=True)
    for c, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
