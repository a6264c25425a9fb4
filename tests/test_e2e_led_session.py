"""A led session end to end in Chromium, as a trainer and three trainees would live it.

The trainer opens the kernel-less dashboard (/formateur/), creates a session and pushes a quiz
question; three trainee pages (one phone, two laptops) joined through the QR code's address show
it, answer, and the dashboard draws the distribution; the trainer closes and reveals, and the right
answer, the explanation and the room's results appear on the trainees' pages. The same with a word
cloud (an entry hidden by the trainer never reaches the room) and a room-versus-survey question.
Then the server restarts: the pages reconnect by themselves and follow the next push, and a late
joiner lands on the current activity.
"""

from __future__ import annotations

import re

import pytest
from conftest import offline_context
from dashboard_driver import new_session, push, set_state
from live_serve import TOKEN, Serve

from pacte.live.catalogue import catalogue
from pacte.live.kind_registry import activity_view, reveal_view
from pacte.live.stage import JOIN_PAGE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NBSP = "\u00a0"
WORDS = "wordcloud:coordination-un-mot|answer"
SURVEY = "survey:cohesion|all"
BAD_SPACING = re.compile(r"\S [:;!?»]|« ")


def _quiz() -> tuple[str, dict, list[str]]:
    """A single-choice quiz question with one right answer: (key, its view, right ids)."""
    for a in catalogue():
        if a["kind"] != "quiz":
            continue
        view = activity_view(a["kind"], a["ref"], a["question"])
        right = reveal_view(a["kind"], a["ref"], a["question"])["correct"]
        if view and not view["input"]["multiple"] and len(right) == 1 and len(view["input"]["choices"]) >= 2:
            return f"quiz:{a['ref']}|{a['question']}", view, right
    raise AssertionError("no single-choice quiz question in the catalogue")


def _scale() -> str:
    a = next(a for a in catalogue() if a["kind"] == "scale")
    return f"scale:{a['ref']}|{a['question']}"


class Room:
    """Trainee pages, each in its own browser context (own storage, own participant)."""

    def __init__(self, browser, base: str) -> None:
        self.browser, self.base = browser, base
        self.contexts: list = []
        self.pages: list = []

    def join(self, code: str, width: int) -> object:
        context, page = offline_context(self.browser, width, 900, has_touch=width < 500)
        page.goto(f"{self.base}{JOIN_PAGE}?seance={code}")
        page.locator(".pacte-live-room").wait_for(timeout=30000)
        self.contexts.append(context)
        self.pages.append(page)
        return page

    def wait_state(self, state: str, input_type: str | None = None, pages: list | None = None) -> None:
        for page in pages or self.pages:
            page.locator(f".pacte-live-room[data-state='{state}']").wait_for(timeout=20000)
            if input_type:
                page.locator(f".pacte-live-answer[data-type='{input_type}']").wait_for(timeout=20000)

    @property
    def errors(self) -> list[str]:
        """Console and script errors of every trainee page."""
        return [e for p in self.pages for e in p.pacte_log.console_errors + p.pacte_log.page_errors]

    @property
    def external(self) -> list[str]:
        """Requests to other hosts (aborted) of every trainee page."""
        return [u for p in self.pages for u in p.pacte_log.external]

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def _send(page) -> None:
    with page.expect_response(lambda r: r.url.endswith("/api/live/answer")) as resp:
        page.locator(".pacte-live-send").click()
    assert resp.value.status == 201
    page.locator(".pacte-live-room[data-sent]").wait_for(timeout=10000)


def _french_spacing(page, selector: str) -> list[str]:
    text = page.locator(selector).first.inner_text()
    return BAD_SPACING.findall(text)


@pytest.fixture
def serve(built_book, tmp_path):
    server = Serve(tmp_path / "live")
    server.start()
    yield server
    server.stop()


def _lead_quiz(trainer, room: Room) -> None:
    """A quiz question: pushed, answered on three screens, drawn, closed, revealed."""
    key, view, right = _quiz()
    wrong = next(c["id"] for c in view["input"]["choices"] if c["id"] not in right)
    push(trainer, key)
    room.wait_state("open", "choice")
    for page in room.pages:
        assert page.locator(".pacte-live-prompt").inner_text().strip() == view["prompt"].strip()
    for page, choice in zip(room.pages, [right[0], right[0], wrong], strict=True):
        page.locator(f".pacte-live-choices input[value='{choice}']").check()
        _send(page)
    card = trainer.locator(f"article.activity[data-key='{key}']")
    card.and_(trainer.locator("[data-answers='3']")).wait_for(timeout=15000)
    assert card.locator(f".bar-row[data-id='{right[0]}']").get_attribute("data-count") == "2"
    assert card.locator(f".bar-row[data-id='{wrong}']").get_attribute("data-count") == "1"
    set_state(trainer, "Clore les réponses", "closed")
    room.wait_state("closed")
    assert room.pages[0].locator(".pacte-live-send").is_hidden()
    set_state(trainer, "Révéler", "revealed")
    room.wait_state("revealed")
    for page, is_right in zip(room.pages, [True, True, False], strict=True):
        marked = page.locator(".pacte-live-option.pacte-live-correct input")
        assert marked.get_attribute("value") == right[0]
        assert page.locator(".pacte-live-verdict.pacte-live-right").count() == int(is_right)
        results = page.locator(".pacte-live-results[data-panel=bars]")
        assert f"3{NBSP}réponses" in results.inner_text()
    room.pages[0].screenshot(path="/tmp/led-quiz-revealed-360.png", full_page=True)


def _lead_word_cloud(trainer, room: Room) -> None:
    """A word cloud: the trainer hides an entry; the room never sees it."""
    push(trainer, WORDS)
    room.wait_state("open", "text")
    for page, word in zip(room.pages, ["Confiance", "confiance", "Charge mentale"], strict=True):
        page.locator(".pacte-live-answer input[type=text]").fill(word)
        _send(page)
    cloud = trainer.locator(f"article.activity[data-key='{WORDS}']")
    cloud.and_(trainer.locator("[data-answers='3']")).wait_for(timeout=15000)
    assert cloud.locator(".word-item").first.get_attribute("data-count") == "2"
    cloud.get_by_role("button", name=f"Masquer «{NBSP}Charge mentale{NBSP}»").click()
    cloud.locator(".word-item.is-hidden").wait_for(timeout=10000)
    set_state(trainer, "Révéler", "revealed")
    room.wait_state("revealed")
    for page in room.pages:
        words = page.locator(".pacte-live-words").inner_text()
        assert "confiance" in words.lower() and "Charge mentale" not in words


def _lead_survey(trainer, room: Room) -> None:
    """Room versus survey: each trainee says where they work, then answers."""
    push(trainer, SURVEY)
    room.wait_state("open", "survey")
    for page, structure, choice in zip(
        room.pages, ["MSP", "MSP", "CDS"], ["close_knit", "forming", "close_knit"], strict=True
    ):
        page.locator(f".pacte-live-structures input[value='{structure}']").check()
        page.locator(f".pacte-live-choices:not(.pacte-live-structures) input[value='{choice}']").check()
        _send(page)
    survey = trainer.locator(f"article.activity[data-key='{SURVEY}']")
    survey.locator(".survey-group[data-structure=CDS]").wait_for(timeout=15000)
    row = survey.locator(".survey-group[data-structure=MSP] .survey-row[data-id=close_knit]")
    assert row.locator(".room-value").inner_text() == f"50{NBSP}%"
    set_state(trainer, "Révéler", "revealed")
    room.wait_state("revealed")
    for page in room.pages:
        results = page.locator(".pacte-live-results[data-panel=room_vs_survey]")
        assert "enquête PACTE" in results.inner_text()
    room.pages[0].screenshot(path="/tmp/led-survey-revealed-360.png", full_page=True)
    # A new round: the trainer clears the room's answers to this question (after confirming).
    trainer.once("dialog", lambda d: d.accept())
    survey.get_by_role("button", name="Remettre à zéro").click()
    survey.and_(trainer.locator("[data-answers='0']")).wait_for(timeout=15000)


def _restart_and_follow(serve: Serve, trainer, room: Room, code: str) -> None:
    """The server restarts: pages reconnect by themselves, follow the next push; a late joiner lands on it."""
    serve.stop()
    for page in room.pages:
        page.locator(".pacte-live-connection").wait_for(state="visible", timeout=20000)
    serve.start()
    for page in room.pages:
        page.locator(".pacte-live-connection").wait_for(state="hidden", timeout=45000)
    push(trainer, _scale())
    room.wait_state("open", "scale")
    late = room.join(code, 360)
    room.wait_state("open", "scale", pages=[late])


def test_a_trainer_leads_three_trainees_through_quiz_word_cloud_and_survey(browser, serve):
    trainer_context, trainer = offline_context(browser, 1280, 900)
    trainer_errors = trainer.pacte_log.page_errors
    room = Room(browser, serve.base)
    try:
        trainer.goto(f"{serve.base}formateur/?token={TOKEN}")
        trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
        code = new_session(trainer, "Séance conduite")
        for width in (360, 1280, 1280):
            room.join(code, width)
        room.wait_state("idle")
        trainer.wait_for_function(
            "() => /^3\\D/.test(document.getElementById('participants').textContent.trim())", timeout=60000
        )
        _lead_quiz(trainer, room)
        _lead_word_cloud(trainer, room)
        _lead_survey(trainer, room)
        trainer.screenshot(path="/tmp/led-dashboard.png", full_page=True)
        for page in room.pages:
            assert _french_spacing(page, ".pacte-live") == []
        assert _french_spacing(trainer, "main") == []
        assert room.errors == [] and room.external == [] and trainer_errors == []
        _restart_and_follow(serve, trainer, room, code)
        # While the server is down the browser logs the refused connections; nothing else.
        assert [e for e in room.errors if not e.startswith("Failed to load resource: net::ERR_")] == []
        assert room.external == [] and trainer_errors == []
    finally:
        room.close()
        trainer_context.close()
