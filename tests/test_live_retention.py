"""Results outlive the day: sessions last until closed or their time limit, answers are kept, purged only on demand."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import pytest
from conftest import ROOT
from test_live_store import Backend, FakeClock, pg_url  # noqa: F401  (pg_url: fixture)

from pacte.cli import main
from pacte.live.sessions_report import session_state, startup_sessions
from pacte.live.stage import session_json
from pacte.live.store.retention import DEFAULT_SESSION_HOURS, session_seconds

DAY = 86400.0
# A day opened at 8:45 (Paris), 40 days ago so that the command line (real clock) sees it as old.
MORNING = (time.time() // DAY - 40) * DAY + 7.75 * 3600


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite", None, tmp_path)
    return Backend("postgres", request.getfixturevalue("pg_url"), tmp_path)


def _day_one(backend: Backend, clock: FakeClock):
    """A session of the day with two answers, the server then stopped: (session, participant)."""
    store = backend.open(clock)
    session = store.create_session("Journée PACTE")
    person = store.add_participant(session.id)
    store.record_answer(session.id, person, "quiz:statut", "q1", "a")
    store.record_answer(session.id, person, "quiz:statut", "q2", "b")
    store.close()
    return session, person


def test_a_session_survives_a_restart_the_next_morning(backend):
    clock = FakeClock(MORNING)
    session, person = _day_one(backend, clock)
    assert DEFAULT_SESSION_HOURS >= 24
    assert session.expires_at - session.created_at == session_seconds(DEFAULT_SESSION_HOURS)
    clock.t = MORNING + 23.5 * 3600  # 8:15 the next morning: the server starts again
    store = backend.open(clock)
    try:
        assert startup_sessions(store, 30) == []
        again = store.session(session.id)
        assert again is not None and again.is_open(clock())
        assert store.session_by_code(session.code) == again
        store.record_answer(session.id, person, "quiz:statut", "q3", "c")  # the room goes on answering
        assert len(store.export_rows(session.id)) == 3
        assert session_state(again, clock()).startswith("ouverte jusqu’au ")
    finally:
        store.close()


def test_past_its_time_limit_a_session_is_closed_never_deleted(backend):
    clock = FakeClock(MORNING)
    session, _ = _day_one(backend, clock)
    for later in (25 * 3600, 32 * DAY):  # the next day, then a month later
        clock.t = MORNING + later
        store = backend.open(clock)
        try:
            lines = startup_sessions(store, 30)
            kept = store.session(session.id)
            assert kept is not None and kept.closed and not kept.is_open(clock())
            assert [r["answer"] for r in store.export_rows(session.id)] == ["a", "b"]
            assert session_state(kept, clock()).startswith("fermée le ")
        finally:
            store.close()
    assert "1 séance(s) terminée(s) depuis plus de 30\u00a0jours" in lines[0]
    assert "pacte sessions purge" in lines[0]


def test_no_limit_means_open_until_the_trainer_closes_it(backend):
    clock = FakeClock(MORNING)
    store = backend.open(clock)
    try:
        store.session_ttl = session_seconds(0)
        session = store.create_session("Sans limite")
        clock.t += 400 * DAY
        assert store.close_expired_sessions() == 0 and store.session(session.id).is_open(clock())
        assert session_state(session, clock()) == "ouverte jusqu’à sa fermeture par le formateur"
        with pytest.raises(ValueError):
            session_seconds(-1)
    finally:
        store.close()


def test_sessions_command_lists_exports_and_purges_only_when_confirmed(tmp_path, capsys, monkeypatch):
    backend = Backend("sqlite", None, tmp_path)
    old, _ = _day_one(backend, FakeClock(MORNING))
    store = backend.open()
    recent = store.create_session("Promotion en cours")
    store.close()
    where = ["--data-dir", str(tmp_path)]

    assert main(["sessions", "list", *where]) == 0
    listed = capsys.readouterr().out
    assert f"{old.code}  «\u00a0Journée PACTE\u00a0»" in listed and "fermée le " in listed
    assert "1 participant(s), 2 réponse(s)" in listed and recent.code in listed

    out = tmp_path / "seance.csv"
    assert main(["sessions", "export", old.code.lower(), "-o", str(out), *where]) == 0
    assert out.read_bytes().count(b"\r\n") == 3
    assert main(["sessions", "export", "ZZZZZZ", *where]) == 2
    assert "introuvable" in capsys.readouterr().err

    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["sessions", "purge", *where]) == 1
    assert "Rien n’a été supprimé." in capsys.readouterr().out
    monkeypatch.setattr("builtins.input", lambda prompt: "oui")
    assert main(["sessions", "purge", *where]) == 0
    assert "1 séance(s) supprimée(s)" in capsys.readouterr().out
    store = backend.open()
    try:
        assert [s.id for s in store.list_sessions()] == [recent.id]  # the open session is never purged
    finally:
        store.close()
    assert main(["sessions", "purge", "--yes", *where]) == 0
    assert "Aucune séance terminée" in capsys.readouterr().out


def test_the_dashboard_gets_the_end_of_each_session_in_french(tmp_path):
    clock = FakeClock(MORNING)
    store = Backend("sqlite", None, tmp_path).open(clock)
    try:
        session = store.create_session("Journée")
        listed = session_json(session, clock(), 0)
        assert listed["state_text"].startswith("ouverte jusqu’au ") and "\u00a0h\u00a0" in listed["state_text"]
        store.close_session(session.id)
        closed = store.session(session.id)
        assert session_json(closed, clock(), 0)["state_text"].startswith("fermée le ")
    finally:
        store.close()


@pytest.mark.parametrize(("left_minutes", "warned"), [(90, False), (59, True), (1, True), (-5, False)])
def test_end_warning_in_the_last_hour(left_minutes, warned):
    from node_runner import call_js

    logic = ROOT / "pacte" / "live" / "dashboard" / "dashboard_logic.js"
    setup = f"const {{ endWarning }} = await import({json.dumps(logic.as_uri())});"
    now = 1_800_000_000_000
    expires = datetime.fromtimestamp(now / 1000 + left_minutes * 60, UTC).isoformat()
    [text] = call_js("numbers", "endWarning", [[{"open": True, "expires_at": expires}, now]], setup=setup)
    assert bool(text) is warned
    if warned:
        assert f"dans {left_minutes}\u00a0min" in text
