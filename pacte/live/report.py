"""The report of the day: one printable HTML page for a session, for the programme's coordinator.

Each activity with its rounds, its distribution, the right answer and the
explanation where there is one, the room beside the PACTE survey where the
activity has a survey counterpart, then the questions from the room (votes,
answered or not). Built from the trainer's SUMMARY (:func:`pacte.live.stage.build_summary`),
it names no participant: no id, no number, only counts. Hidden and pending
entries are left out, as on the projection. French typography throughout.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pacte.course.fmt import NBSP, date_time, number, percent
from pacte.course.typography import french
from pacte.live.kind_registry import reveal_view
from pacte.live.stage import build_summary

REPORT_CSS = """
body { font-family: system-ui, sans-serif; color: #111; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #00356b; }
h3 { font-size: 1.1rem; margin: 1rem 0 .3rem; } .meta, .source, .count { color: #444; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; } th, td { border: 1px solid #bbb; padding: .25rem .45rem; text-align: left; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; } .right { font-weight: 700; } .activity { break-inside: avoid; page-break-inside: avoid; }
.explanation { background: #f2f6fa; border-left: 4px solid #00356b; padding: .4rem .6rem; }
.print { margin: 1rem 0; } @media print { .print { display: none; } body { margin: 0; max-width: none; font-size: 10.5pt; } h2 { break-after: avoid; } }
@page { size: A4; margin: 15mm; }
"""


def _t(text: Any) -> str:
    """Escaped text with French typography (non-breaking spaces before « : ; ! ? »)."""
    return escape(french(str(text)))


def _answers(n: int) -> str:
    return f"{number(n)}{NBSP}réponse{'s' if n > 1 else ''}"


def _bar_row(r: dict) -> str:
    right = bool(r.get("correct"))
    mark = f"{NBSP}✓ bonne réponse" if right else ""
    share = percent(r["percent"], 1 if r["percent"] % 1 else 0)
    cls = " class='right'" if right else ""
    return f"<tr{cls}><td>{_t(r['label'])}{mark}</td><td class='n'>{number(r['count'])}</td><td class='n'>{share}</td></tr>"


def _rows_table(panel: dict) -> str:
    kind = panel.get("type")
    if kind in ("bars", "scale"):
        head = "<tr><th>Réponse</th><th>Nombre</th><th>Part</th></tr>"
        body = "".join(_bar_row(r) for r in panel.get("rows", []))
        return f"<table>{head}{body}</table>"
    if kind == "words":
        shown = [w for w in panel.get("words", []) if not w.get("hidden") and not w.get("pending")]
        body = "".join(f"<tr><td>{escape(w['text'])}</td><td class='n'>{number(w['count'])}</td></tr>" for w in shown)
        return (
            f"<table><tr><th>Entrée</th><th>Nombre</th></tr>{body}</table>"
            if shown
            else "<p>Aucune entrée affichée.</p>"
        )
    if kind == "ranking":
        body = "".join(
            f"<tr><td>{i}</td><td>{_t(r['label'])}</td><td class='n'>{number(r['mean_rank'], 1)}</td></tr>"
            for i, r in enumerate(panel.get("rows", []), 1)
        )
        return f"<table><tr><th>Rang</th><th>Élément</th><th>Rang moyen</th></tr>{body}</table>"
    if kind == "room_vs_survey":
        body = "".join(
            f"<tr><td>{_t(r['label'])}</td><td class='n'>{percent(r['room_percent'])}</td>"
            f"<td class='n'>{percent(r['survey_percent'])}</td></tr>"
            for r in panel.get("rows", [])
        )
        note = f"<p class='source'>{_t(panel['survey_note'])}</p>" if panel.get("survey_note") else ""
        return f"<table><tr><th>Réponse</th><th>La salle</th><th>Enquête PACTE</th></tr>{body}</table>{note}"
    return ""


def _activity(entry: dict) -> str:
    reveal = reveal_view(entry["kind"], entry["ref"], entry["question"])
    parts = [f"<section class='activity'><h3>{_t(entry['title'])}</h3>"]
    if entry.get("prompt"):
        parts.append(f"<p>{_t(entry['prompt'])}</p>")
    rounds = [
        *entry.get("rounds", []),
        {"round": entry.get("round", 1), "answers": entry["answers"], "panel": entry["panel"]},
    ]
    for r in rounds:
        label = f"Tour {r['round']} · " if len(rounds) > 1 else ""
        parts.append(f"<p class='count'>{label}{_answers(int(r['answers']))}</p>")
        if r.get("panel"):
            parts.append(_rows_table(r["panel"]))
    if reveal.get("explanation"):
        parts.append(f"<p class='explanation'>{_t(reveal['explanation'])}</p>")
    if reveal.get("source"):
        parts.append(f"<p class='source'>Source{NBSP}: {_t(reveal['source'])}</p>")
    parts.append("</section>")
    return "".join(parts)


def _questions(questions: list[dict]) -> str:
    shown = [q for q in questions if q["status"] == "approved"]
    if not shown:
        return "<p>Aucune question de la salle.</p>"
    body = "".join(
        f"<tr><td>{escape(q['text'])}</td><td class='n'>{number(q['votes'])}</td>"
        f"<td>{'oui' if q['answered'] else 'non'}</td></tr>"
        for q in shown
    )
    return f"<table><tr><th>Question</th><th>Votes</th><th>Répondue</th></tr>{body}</table>"


def report_html(store: Any, session: Any, now: float) -> str:
    """The report of ``session`` as a whole HTML page (blocking: reads the store)."""
    summary = build_summary(store, session, now, "")
    title = f"Rapport de la séance «{NBSP}{session.title}{NBSP}»"
    activities = [e for e in summary["activities"] if e["answers"] or e.get("rounds")]
    body = "".join(_activity(e) for e in activities) or "<p>Aucune réponse dans cette séance.</p>"
    meta = (
        f"Séance ouverte le {date_time(session.created_at)} · {number(summary['participants'])}{NBSP}participant"
        f"{'s' if summary['participants'] > 1 else ''} · {number(len(activities))}{NBSP}activité{'s' if len(activities) > 1 else ''}"
    )
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{REPORT_CSS}</style></head><body><h1>{escape(title)}</h1><p class='meta'>{meta}</p>"
        "<p class='print'>Pour un PDF, imprimez cette page et choisissez «\u00a0Enregistrer au format PDF\u00a0».</p>"
        f"<h2>Activités</h2>{body}<h2>Questions de la salle</h2>{_questions(summary['room_questions'])}"
        "<p class='meta'>Ce rapport ne contient aucun identifiant de participant.</p></body></html>"
    )
