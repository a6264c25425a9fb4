"""The trainee's page against a real ``pacte serve``: the trainer pushes, the page follows, answers,
sees the reveal, and lands on the current activity again after the server restarts."""

from __future__ import annotations

import pytest
from conftest import offline_context
from live_serve import Serve

from pacte.live.catalogue import catalogue
from pacte.live.stage import JOIN_PAGE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUIZ = next(a for a in catalogue() if a["kind"] == "quiz")
WORDS = next(a for a in catalogue() if a["kind"] == "wordcloud")


@pytest.fixture
def serve(built_book, tmp_path):
    # The QR code's target (pacte.live.stage.JOIN_PAGE) is a page of the build.
    assert (built_book / JOIN_PAGE).exists(), f"{JOIN_PAGE} is not in this build"
    server = Serve(tmp_path / "live")
    server.start()
    yield server
    server.stop()


def test_the_page_follows_the_trainer_and_comes_back_after_a_restart(browser, serve):
    session = serve.trainer("sessions", {"title": "Salle de test"})["session"]
    sid = session["id"]
    context, page = offline_context(browser, 360, 900, has_touch=True)
    errors, external = page.pacte_log.page_errors, page.pacte_log.external
    try:
        page.goto(f"{serve.base}book/direct.html?seance={session['code']}")
        room = page.locator(".pacte-live-slot .pacte-live-room")
        room.locator(".pacte-live-room-status", has_text="En attente").wait_for(timeout=20000)

        def push(activity, state):
            body = {"state": state, **({k: activity[k] for k in ("kind", "ref", "question")} if activity else {})}
            seq = serve.trainer(f"sessions/{sid}/stage", body)["stage"]["seq"]
            page.locator(f".pacte-live-room[data-seq='{seq}']").wait_for(timeout=10000)

        push(QUIZ, "open")
        assert page.locator(".pacte-live-prompt").text_content().strip()
        page.locator(".pacte-live-option").first.click()
        with page.expect_response(lambda r: r.url.endswith("/api/live/answer")) as resp:
            page.locator(".pacte-live-send").click()
        assert resp.value.status == 201
        push(QUIZ, "revealed")
        assert page.locator(".pacte-live-option.pacte-live-correct").count() >= 1
        results = page.locator(".pacte-live-results[data-panel=bars]")
        assert "1\u00a0réponse" in results.inner_text()
        page.screenshot(path="/tmp/trainee-e2e-revealed-360.png", full_page=True)

        push(WORDS, "open")
        page.locator(".pacte-live-answer input[type=text]").fill("confiance")
        with page.expect_response(lambda r: r.url.endswith("/api/live/answer")) as resp:
            page.locator(".pacte-live-send").click()
        assert resp.value.status == 201

        # The server stops: the page says so, then lands on the current activity once it is back.
        serve.stop()
        page.locator(".pacte-live-connection").wait_for(state="visible", timeout=15000)
        assert page.locator(".pacte-live-connection").inner_text() == "Connexion perdue, reconnexion…"
        serve.start()
        page.locator(".pacte-live-connection").wait_for(state="hidden", timeout=30000)
        push(WORDS, "revealed")
        assert "confiance" in page.locator(".pacte-live-words").inner_text()
        assert page.locator(".pacte-live-answer input[type=text]").input_value() == "confiance"

        # The trainer closes the session: the page leaves it.
        serve.trainer(f"sessions/{sid}/close", {})
        page.locator(".pacte-live-form").wait_for(timeout=30000)
        assert page.locator(".pacte-live-status").inner_text() == "La séance est terminée."
        assert errors == [] and external == []
    finally:
        context.close()
