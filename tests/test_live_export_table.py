"""The session's CSV for humans: French headers, question and choice texts, right or wrong, round, Paris time, ids."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

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


def test_the_excel_export_has_dates_numbers_and_never_a_formula(tmp_path):
    from openpyxl import load_workbook

    from pacte.live.answers_export import export_xlsx

    clock = FakeClock(MORNING)
    store = open_store(None, tmp_path, clock=clock)
    try:
        session = store.create_session("Excel")
        person = store.add_participant(session.id)
        store.record_answer(session.id, person, "quiz:dimensions-coordination", "factorielle", "logistique")
        store.record_answer(session.id, person, "text:attente-formation", "answer", "=HYPERLINK(1)")
        data = export_xlsx(store, session.id)
    finally:
        store.close()
    path = tmp_path / "seance.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path)["Réponses"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    quiz, text = rows[1], rows[2]
    assert quiz[0] == 1 and quiz[1] == datetime(2026, 12, 8, 9, 45)  # a real date, Paris time
    assert (quiz[5], quiz[6]) == ("La coordination logistique", "oui")
    assert text[5] == "=HYPERLINK(1)" and sheet.cell(3, 6).data_type == "s"  # text, not a formula
    assert sheet.freeze_panes == "A2"


def test_the_sessions_command_writes_excel_when_asked(tmp_path, capsys):
    from openpyxl import load_workbook

    from pacte.cli import main

    store = open_store(None, tmp_path)
    try:
        session = store.create_session("Excel")
        store.record_answer(
            session.id, store.add_participant(session.id), "scale:indicateurs-travail-reel", "answer", "4"
        )
    finally:
        store.close()
    out = tmp_path / "seance.xlsx"
    assert main(["sessions", "export", session.code, "-o", str(out), "--data-dir", str(tmp_path)]) == 0
    assert list(load_workbook(out)["Réponses"].iter_rows(values_only=True))[1][5] == "4 (Plutôt d’accord)"


def test_the_dashboard_downloads_csv_and_excel(tmp_path):
    from live_push_client import COOKIE, call, request, start_server

    store = open_store(None, tmp_path)
    root, live, stop = start_server(store)
    try:
        status, data = call(root + "api/live/trainer/sessions", "POST", {"title": "Téléchargements"})
        base = root + f"api/live/trainer/sessions/{data['session']['id']}/"
        status, headers, body = request(base + "export.xlsx", headers={"Cookie": COOKIE})
        assert status == 200 and body.startswith(b"PK")
        assert headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        assert f'filename="seance-{data["session"]["code"]}.xlsx"' in headers["Content-Disposition"]
        status, headers, body = request(base + "export.csv", headers={"Cookie": COOKIE})
        assert status == 200 and body.decode("utf-8-sig").startswith("Tour;Date et heure (Paris);")
        assert request(base + "export.xlsx")[0] == 403  # the trainer's only
        assert request(root + "api/live/trainer/sessions/inconnue/export.xlsx", headers={"Cookie": COOKIE})[0] == 404
    finally:
        stop()
        store.close()
