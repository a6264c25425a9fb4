"""Questions from the room, moderation and the report of the day, end to end in Chromium.

Two trainees ask questions; a vote reorders them on the dashboard and the projection. A
moderated word cloud shows nothing on the projection until the trainer approves an entry.
The report of the day prints.
"""

from __future__ import annotations

import pytest
from conftest import offline_context
from dashboard_driver import new_session, push
from live_serve import TOKEN, Serve
from test_e2e_led_session import Room

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WORDS = "wordcloud:coordination-un-mot|answer"


@pytest.fixture
def serve(built_book, tmp_path):
    server = Serve(tmp_path / "live")
    server.start()
    yield server
    server.stop()


def _open_questions(page) -> None:
    """Unfold « Questions de la salle » (folded so that the joined trainee's bar stays small)."""
    box = page.locator("details.pacte-live-questions")
    if box.get_attribute("open") is None:
        box.locator("summary").click()


def _ask(page, text: str) -> None:
    _open_questions(page)
    page.locator(".pacte-live-ask-text").fill(text)
    with page.expect_response(lambda r: r.url.endswith("/api/live/ask")) as resp:
        page.locator(".pacte-live-ask-send").click()
    assert resp.value.status == 201


def test_room_questions_votes_moderation_and_report(browser, serve):
    trainer_context, trainer = offline_context(browser, 1280, 900)
    room = Room(browser, serve.base)
    try:
        trainer.goto(f"{serve.base}formateur/?token={TOKEN}")
        trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
        code = new_session(trainer, "Questions et modération")
        first, second = room.join(code, 360), room.join(code, 1280)
        room.wait_state("idle")
        _ask(first, "Qui finance la coordination ?")
        _ask(second, "Comment recruter ?")
        items = trainer.locator("#room-questions .room-question")
        items.nth(1).wait_for(timeout=15000)
        assert items.first.locator(".room-question-text").inner_text().startswith("Qui finance")
        projector = trainer_context.new_page()  # the trainer's cookie: the projection is the dashboard's
        projector.goto(f"{serve.base}formateur/?projection=1")
        projector.locator("body[data-ready=true]").wait_for(timeout=60000)
        projected = projector.locator("#projection-questions li")
        projected.nth(1).wait_for(timeout=15000)
        # Both trainees vote for the second question: it goes first everywhere.
        for page in (first, second):
            page.locator(".pacte-live-question", has_text="Comment recruter").locator(".pacte-live-vote").click()
            page.locator(".pacte-live-vote[aria-pressed=true]").wait_for(timeout=10000)
        trainer.wait_for_function(
            "() => document.querySelector('#room-questions .room-question')?.dataset.votes === '2'", timeout=15000
        )
        assert items.first.locator(".room-question-text").inner_text().startswith("Comment recruter")
        projector.wait_for_function(
            "() => document.querySelector('#projection-questions li')?.dataset.votes === '2'", timeout=15000
        )
        assert "Comment recruter" in projected.first.inner_text()
        assert "Comment recruter" in first.locator(".pacte-live-question").first.inner_text()
        # A moderated word cloud: nothing on the projection until approved.
        trainer.get_by_label("Par défaut, valider les entrées libres").check()
        trainer.wait_for_function("() => document.querySelector('#room-questions input:checked') !== null")
        push(trainer, WORDS)
        room.wait_state("open", "text")
        for page, word in ((first, "Confiance"), (second, "Bazar")):
            page.locator(".pacte-live-answer input[type=text]").fill(word)
            with page.expect_response(lambda r: r.url.endswith("/api/live/answer")) as resp:
                page.locator(".pacte-live-send").click()
            assert resp.value.status == 201
        card = trainer.locator(f"article.activity[data-key='{WORDS}']")
        card.and_(trainer.locator("[data-pending='2']")).wait_for(timeout=15000)
        assert card.get_attribute("data-answers") == "0"
        projector.locator("#projection-activity h2").wait_for(timeout=15000)
        assert projector.locator("#projection-activity .word-item").count() == 0
        projector.screenshot(path="/tmp/roomq-projection-pending.png")
        card.get_by_role("button", name="Approuver «\u00a0Confiance\u00a0»").click()
        projector.locator("#projection-activity .word-item").first.wait_for(timeout=15000)
        words = projector.locator("#projection-activity .words").inner_text()
        assert "Confiance" in words and "Bazar" not in words
        projector.screenshot(path="/tmp/roomq-projection-approved.png")
        trainer.screenshot(path="/tmp/roomq-dashboard.png", full_page=True)
        first.screenshot(path="/tmp/roomq-trainee-360.png", full_page=True)
        # The report of the day prints.
        report_url = trainer.locator("#report-link").get_attribute("href")
        report = trainer_context.new_page()
        report.goto(report_url)
        assert "Rapport de la séance" in report.locator("h1").inner_text()
        assert "Comment recruter" in report.content()
        report.emulate_media(media="print")
        report.screenshot(path="/tmp/roomq-report-print.png", full_page=True)
        pdf = report.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 5000
        assert room.errors == [] and trainer.pacte_log.page_errors == []
    finally:
        room.close()
        trainer_context.close()
