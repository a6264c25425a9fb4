"""The room beside the survey on a module page, fed by a led session, against a real ``pacte serve``.

A trainee opens the page of « Votre équipe face à l’enquête PACTE » with the join link
(``?seance=CODE``) and answers the survey's cohesion question in the page (the answer reaches
the session); another trainee answers from a phone. The trainer pushes and reveals
``survey:cohesion|all``: the page's comparison shows the room beside the survey with the
room's percentages, also after a reload (the first stage event), and no longer once the
trainee has left the session. No kernel: the static page and its ES modules only.
"""

from __future__ import annotations

import pytest
from conftest import offline_context
from live_push_client import call
from live_serve import Serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE = "modules/dynamiques/ce-que-dit-l-enquete.html"
NBSP = "\u00a0"


@pytest.fixture
def serve(built_book, tmp_path):
    assert (built_book / PAGE).exists(), f"{PAGE} is not in this build"
    server = Serve(tmp_path / "live")
    server.start()
    yield server
    server.stop()


def _answer_from_a_phone(serve: Serve, code: str, structure: str, answer: str) -> None:
    """Another trainee joins and answers the survey question through the trainee API."""
    status, joined = call(serve.base + "api/live/join", "POST", {"code": code}, False)
    assert status == 201, joined
    body = {
        "code": code,
        "participant": joined["participant"],
        "activity": "survey:cohesion",
        "question": structure,
        "answer": answer,
    }
    status, data = call(serve.base + "api/live/answer", "POST", body, False)
    assert status == 201, data


def test_the_revealed_survey_question_draws_the_room_beside_the_survey_on_the_module_page(browser, serve):
    session = serve.trainer("sessions", {"title": "Salle de test"})["session"]
    sid, code = session["id"], session["code"]
    context, page = offline_context(browser, 1280, 900)
    errors, external = page.pacte_log.page_errors, page.pacte_log.external
    try:
        page.goto(f"{serve.base}{PAGE}?seance={code}")
        page.locator(".pacte-live-room .pacte-live-room-status", has_text="En attente").wait_for(timeout=30000)
        compare = page.locator("section.pacte-compare").first
        compare.locator("fieldset").first.locator("input[value=CDS]").check()
        form = compare.locator("form[data-question=cohesion]")
        form.get_by_label("Vraiment soudée").check()
        with page.expect_response(lambda r: r.url.endswith("/api/live/answer")) as resp:
            form.get_by_role("button", name="Comparer à l’enquête").click()
        assert resp.value.status == 201  # the page's answer joins the session's
        room_cell = form.locator("tr[data-answer=close_knit] td.pacte-compare-room")
        assert form.locator("table.pacte-compare-table").is_visible() and room_cell.count() == 0
        _answer_from_a_phone(serve, code, "MSP", "forming")

        def stage(state: str) -> dict:
            body = {"kind": "survey", "ref": "cohesion", "question": "all", "state": state}
            pushed = serve.trainer(f"sessions/{sid}/stage", body)["stage"]
            page.locator(f".pacte-live-room[data-seq='{pushed['seq']}']").wait_for(timeout=15000)
            return pushed

        stage("open")
        assert room_cell.count() == 0  # pushed, not revealed: the page does not draw the room yet
        revealed = stage("revealed")
        panel = revealed["reveal"]["panel"]
        assert panel["type"] == "room_vs_survey" and panel["respondents"] == 2
        expected = {"close_knit": f"50{NBSP}%", "forming": f"50{NBSP}%", "fairly_homogeneous": f"0{NBSP}%"}

        def check_room() -> None:
            room_cell.wait_for(timeout=15000)
            assert form.locator("thead th").all_inner_texts()[-1] == "Votre groupe (2 répondants)"
            for answer, text in expected.items():
                cell = form.locator(f"tr[data-answer={answer}] td.pacte-compare-room")
                assert cell.inner_text().strip() == text
            # The survey column is the CDS one, beside the room.
            assert form.locator("thead th").nth(1).inner_text() == "Enquête PACTE (CDS, 58 répondants)"

        check_room()
        form.scroll_into_view_if_needed()
        page.screenshot(path="/tmp/room-feed-compare.png")

        # Opened again while the stage is revealed: the first stage event feeds the restored comparison.
        page.reload()
        check_room()

        # The trainee leaves the session (after confirming): the survey alone again.
        page.once("dialog", lambda d: d.accept())
        page.get_by_role("button", name="Quitter la séance").click()
        page.locator(".pacte-live-form").wait_for(timeout=15000)
        room_cell.wait_for(state="detached", timeout=15000)
        assert form.locator("thead th").count() == 2
        assert errors == [] and external == []
    finally:
        context.close()
