"""A session's answers as a table: CSV for the dashboard's button and ``pacte sessions export``."""

from __future__ import annotations

import csv
import io

from pacte.security import csv_safe

EXPORT_FIELDS = ["participant", "activity", "question", "answer", "answered_at", "hidden"]


def export_csv(store, session_id: str) -> str:
    """The session's answers as CSV text (``;``, hidden entries marked « oui »); UnknownSession if none."""
    rows = store.export_rows(session_id)
    hidden = store.hidden_answers(session_id)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        masked = row["answer"] in hidden.get((row["activity"], row["question"]), ())
        writer.writerow({**{k: csv_safe(v) for k, v in row.items()}, "hidden": "oui" if masked else "non"})
    return out.getvalue()
