"""Peer instruction end to end in Chromium: vote, discuss, vote again, compare (issue 25, rounds).

A trainer pushes a quiz question to two trainee pages; they answer; the trainer closes, then
starts a new round with « Remettre à zéro »: both screens return to « not answered » and open, the
trainees vote again, and the dashboard and the projection show both rounds side by side; the CSV
has a round column.
"""

from __future__ import annotations

import csv
import io

import pytest
from conftest import offline_context
from dashboard_driver import new_session, push, set_state
from live_serve import TOKEN, Serve
from test_e2e_led_session import Room, _quiz, _send

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def serve(built_book, tmp_path):
    server = Serve(tmp_path / "live")
    server.start()
    yield server
    server.stop()


def _vote(room: Room, choices: list[str]) -> None:
    for page, choice in zip(room.pages, choices, strict=True):
        page.locator(f".pacte-live-choices input[value='{choice}']").check()
        _send(page)


def test_two_rounds_of_one_quiz_question(browser, serve):
    key, view, right = _quiz()
    wrong = next(c["id"] for c in view["input"]["choices"] if c["id"] not in right)
    trainer_context, trainer = offline_context(browser, 1280, 900)
    room = Room(browser, serve.base)
    try:
        trainer.goto(f"{serve.base}formateur/?token={TOKEN}")
        trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
        code = new_session(trainer, "Instruction par les pairs")
        for width in (360, 1280):
            room.join(code, width)
        push(trainer, key)
        room.wait_state("open", "choice")
        _vote(room, [wrong, right[0]])  # round 1: the room is split
        card = trainer.locator(f"article.activity[data-key='{key}']")
        card.and_(trainer.locator("[data-answers='2']")).wait_for(timeout=15000)
        set_state(trainer, "Clore les réponses", "closed")
        room.wait_state("closed")

        trainer.once("dialog", lambda d: d.accept())
        card.get_by_role("button", name="Remettre à zéro").click()
        # Every screen is open again and says nothing was sent in this round.
        room.wait_state("open", "choice")
        for page in room.pages:
            page.locator(".pacte-live-room:not([data-sent])").wait_for(timeout=15000)
            assert page.locator(".pacte-live-send").inner_text() == "Envoyer ma réponse"
            assert page.locator(".pacte-live-choices input:checked").count() == 0
        _vote(room, [right[0], right[0]])  # round 2: after the discussion

        rounds = card.locator(".rounds")
        rounds.locator(".round[data-round='2'] .bar-row[data-count='2']").wait_for(timeout=15000)
        first = rounds.locator(".round[data-round='1']")
        assert first.locator(f".bar-row[data-id='{wrong}']").get_attribute("data-count") == "1"
        assert first.locator(f".bar-row[data-id='{right[0]}']").get_attribute("data-count") == "1"
        second = rounds.locator(".round[data-round='2']")
        assert second.locator(f".bar-row[data-id='{right[0]}']").get_attribute("data-count") == "2"
        assert "Tour 1" in first.inner_text() and "Tour 2 (en cours)" in second.inner_text()
        box = [rounds.locator(".round").nth(i).bounding_box() for i in range(2)]
        assert abs(box[0]["y"] - box[1]["y"]) < 2 and box[0]["x"] < box[1]["x"]  # side by side

        trainer.locator("#projection-toggle").click()
        projected = trainer.locator("#projection-activity .rounds")
        projected.wait_for(timeout=10000)
        assert projected.locator(".round").count() == 2
        trainer.screenshot(path="/tmp/room-rounds-projection-1280.png")

        href = trainer.locator("#export-csv").get_attribute("href")
        text = trainer.evaluate("(u) => fetch(u, {credentials: 'same-origin'}).then((r) => r.text())", href)
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        assert sorted((r["Tour"], r["Bonne réponse"]) for r in rows) == [
            ("1", "non"),
            ("1", "oui"),
            ("2", "oui"),
            ("2", "oui"),
        ]
        assert room.errors == [] and room.external == [] and trainer.pacte_log.page_errors == []
    finally:
        room.close()
        trainer_context.close()
