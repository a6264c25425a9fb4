"""The session's CSV for humans: French headers, question and choice texts, right or wrong, round, Paris time, ids."""

from __future__ import annotations

import csv
import io
import json

from test_live_store import FakeClock

from pacte.live.answers_export import HEADERS, answer_in_words, export_csv
from pacte.live.store import open_store

# 8 December 2026, 8:45 UTC = 9:45 in Paris (winter time).
MORNING = 1796719500.0


def test_the_csv_reads_without_a_lookup_table(tmp_path):
    clock = FakeClock(MORNING)
    store = open_store(None, tmp_path, clock=clock)
    try:
        session = store.create_session("Export")
        first, second = store.add_participant(session.id), store.add_participant(session.id)
        quiz = "quiz:dimensions-coordination"
        store.record_answer(session.id, first, quiz, "factorielle", "operatoire")
        clock.t += 90
        store.start_round(session.id, quiz, ["factorielle"])
        store.record_answer(session.id, first, quiz, "factorielle", "logistique")
        order = ["operatoire", "logistique", "collective"]
        store.record_answer(session.id, second, "ranking:dimension-temps", "order", json.dumps(order))
        store.record_answer(session.id, second, "scale:indicateurs-travail-reel", "answer", "4")
        store.record_answer(session.id, second, "survey:cohesion", "MSP", "fairly_homogeneous")
        text = export_csv(store, session.id)
    finally:
        store.close()
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert list(rows[0]) == HEADERS
    assert list(rows[0])[:8] == [
        "Tour",
        "Date et heure (Paris)",
        "Participant",
        "Activité",
        "Question",
        "Réponse",
        "Bonne réponse",
        "Masquée pour la salle",
    ]
    before, after, ranking, scale, survey = rows
    assert before["Tour"] == "1" and after["Tour"] == "2"
    assert before["Date et heure (Paris)"] == "2026-12-08 09:45:00"  # Paris time, read as a date by spreadsheets
    assert after["Date et heure (Paris)"] == "2026-12-08 09:46:30"
    assert before["Question"].startswith("Quelle dimension de la coordination")
    assert (before["Réponse"], before["Bonne réponse"]) == ("La coordination opératoire", "non")
    assert (after["Réponse"], after["Bonne réponse"]) == ("La coordination logistique", "oui")
    assert (
        before["Participant"] == after["Participant"] == "Participant 1" and ranking["Participant"] == "Participant 2"
    )
    assert ranking["Réponse"].startswith("1. Opératoire") and "\u00a0;\u00a02. Logistique" in ranking["Réponse"]
    assert ranking["Bonne réponse"] == ""  # a ranking has no right answer
    assert scale["Réponse"] == "4 (Plutôt d’accord)"
    assert (
        survey["Réponse"] == "Assez homogène" and "(Maison de santé pluriprofessionnelle (MSP))" in survey["Question"]
    )
    # The ids stay, in extra columns, for a further analysis.
    assert after["Identifiant de l’activité"] == "quiz:dimensions-coordination"
    assert after["Identifiant de la question"] == "factorielle" and after["Réponse (codes)"] == "logistique"
    assert ranking["Réponse (codes)"] == json.dumps(order)
    assert len(after["Identifiant du participant"]) > 10


def test_free_text_and_unknown_activities_are_kept_as_written():
    assert answer_in_words("text:attente-formation", "answer", "Des outils") == ("Des outils", "")
    assert answer_in_words("quiz:plus-de-quiz", "q", "a") == ("a", "")
    assert answer_in_words("text:attente-formation", "answer", '["pas", "une liste de choix"]')[1] == ""
