"""A trainer runs a module's ready-made sequence in Chromium with three trainees: the keyboard moves
on (→, Page Down as a presenter remote sends, ← to go back), a question typed on the spot reaches the
phones, its countdown closes the answers at zero, and the edited sequence is saved for the next group."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import offline_context
from dashboard_driver import new_session
from live_serve import TOKEN, Serve

from pacte.live.stage import JOIN_PAGE

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path("/tmp/pacte-sequence-shots")


@pytest.fixture
def serve(built_book, tmp_path):
    server = Serve(tmp_path / "live")
    server.start()
    yield server
    server.stop()


def _run_with_the_keyboard(trainer, phones, steps) -> None:
    """Every step with → or Page Down (one step back with ←); trainees answer the first, under its countdown."""

    def at_step(i: int) -> None:
        trainer.locator("#sequence-current", has_text=f"Étape {i + 1} sur {len(steps)}").wait_for(timeout=15000)
        for _, page in phones:
            page.locator(".pacte-live-prompt", has_text=steps[i]["prompt"].strip()[:40]).wait_for(timeout=15000)

    trainer.locator("#session-heading").click()  # the focus is on the page, not in a field
    for i in range(len(steps)):
        trainer.keyboard.press("PageDown" if i % 2 else "ArrowRight")
        at_step(i)
        if i == 0:  # the first step runs against its countdown, shown as text on the phones
            text = phones[0][1].locator(".pacte-live-timer").inner_text()
            assert text.startswith("Temps restant\u00a0:") and "\u00a0s" in text
            assert "Temps restant" in trainer.locator(".stage-timer").inner_text()
            if steps[0]["kind"] == "quiz":
                for _, page in phones:
                    page.locator(".pacte-live-choices input").first.check()
                    page.locator(".pacte-live-send").click()
                    page.locator(".pacte-live-room[data-sent]").wait_for(timeout=10000)
        if i == 2:
            trainer.keyboard.press("ArrowLeft")
            at_step(1)
            trainer.keyboard.press("ArrowRight")
            at_step(2)


def test_a_ready_made_sequence_run_with_the_keyboard_a_spot_question_and_a_timer(browser, serve, tmp_path):
    sequence = next(s for s in serve.trainer("sequences")["ready"] if s["module"] == "panorama")
    steps = sequence["steps"]
    assert len(steps) >= 8 and len({s["page"] for s in steps}) >= 3
    tctx, trainer = offline_context(browser, 1280, 1000)
    phones = []
    try:
        trainer.goto(f"{serve.base}formateur/?token={TOKEN}")
        trainer.locator("main[data-ready='true']").wait_for(timeout=30000)
        code = new_session(trainer, "Séance panorama")
        for width in (390, 1024, 1280):
            context, page = offline_context(browser, width, 900, has_touch=width < 500)
            page.goto(f"{serve.base}{JOIN_PAGE}?seance={code}")
            page.locator(".pacte-live-room").wait_for(timeout=30000)
            phones.append((context, page))
        trainer.select_option("#sequence-choice", f"ready:{sequence['id']}")
        trainer.get_by_role("button", name="Charger").click()
        assert trainer.locator("#sequence-steps li").count() == len(steps)

        _run_with_the_keyboard(trainer, phones, steps)
        assert "Fin de la séquence" in trainer.locator("#sequence-next").inner_text()

        # A question typed on the spot, pushed at once with a 10 s countdown that closes the answers.
        trainer.select_option("#spot-kind", "choice")
        trainer.fill("#spot-prompt", "Qui porte le projet de santé chez vous\u00a0?")
        trainer.fill("#spot-choices", "L’équipe entière\nLe coordinateur\nLes médecins")
        trainer.select_option("#spot-timer", "10")
        trainer.check("#spot-close")
        trainer.get_by_role("button", name="Poser maintenant").click()
        for _, page in phones:
            page.locator(".pacte-live-prompt", has_text="Qui porte le projet").wait_for(timeout=15000)
            assert page.locator(".pacte-live-timer").is_visible()
        for _, page in phones[:2]:
            page.locator(".pacte-live-choices input").nth(1).check()
            page.locator(".pacte-live-send").click()
            page.locator(".pacte-live-room[data-sent]").wait_for(timeout=10000)
        SHOTS.mkdir(exist_ok=True)
        phones[0][1].screenshot(path=str(SHOTS / "phone-timer.png"), full_page=True)
        trainer.screenshot(path=str(SHOTS / "dashboard-sequence.png"), full_page=True)
        for _, page in phones:  # at zero the server closes the activity: the third trainee cannot answer any more
            page.locator(".pacte-live-room[data-state='closed']").wait_for(timeout=20000)
        trainer.wait_for_function("() => document.getElementById('stage').dataset.state === 'closed'", timeout=15000)
        assert "Temps écoulé" in phones[2][1].locator(".pacte-live-timer").inner_text()
        phones[0][1].screenshot(path=str(SHOTS / "phone-closed.png"), full_page=True)
        card = trainer.locator("article.activity.is-current")
        card.and_(trainer.locator("[data-answers='2']")).wait_for(timeout=15000)

        # The question joins the sequence, which is saved under a new name for the next group.
        trainer.get_by_role("button", name="Ajouter à la séquence").click()
        assert trainer.locator("#sequence-steps li").count() == len(steps) + 1
        trainer.locator("#sequence-steps li").first.get_by_role("button", name="Descendre l’étape 1").click()
        trainer.fill("#sequence-name", "Panorama, groupe de mardi")
        trainer.get_by_role("button", name="Enregistrer la séquence").click()
        trainer.locator(
            "#sequence-choice optgroup[label='Enregistrées'] option", has_text="Panorama, groupe de mardi"
        ).wait_for(state="attached", timeout=15000)
        saved = serve.trainer("sequences")["saved"][0]
        assert len(saved["steps"]) == len(steps) + 1 and saved["steps"][-1]["spot"]["kind"] == "choice"
        assert saved["steps"][1]["activity"] == steps[0]["activity"]
        trainer.screenshot(path=str(SHOTS / "dashboard-saved.png"), full_page=True)
        errors = [e for _, p in phones for e in p.pacte_log.page_errors] + trainer.pacte_log.page_errors
        assert errors == []
    finally:
        for context, _ in phones:
            context.close()
        tctx.close()
    shutil.copytree(SHOTS, tmp_path / "shots", dirs_exist_ok=True)
