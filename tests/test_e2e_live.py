"""A live session in headless Chromium: two trainees answer, the trainer's dashboard shows it."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from conftest import TRAINER_TOKEN, screenshot

pytestmark = pytest.mark.browser

SURVEY = "modules/metier/qui-sont-les-coordinateurs.html"
DASHBOARD = "voila/render/formateur/tableau-de-bord.ipynb"


def test_dashboard_requires_the_trainer_token(pacte_server):
    for query in ("", "?token=wrong"):
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(pacte_server + DASHBOARD + query)
        assert err.value.code == 403


def test_static_book_elsewhere_shows_no_live_box(offline_page, book_url):
    offline_page.goto(book_url + SURVEY)
    offline_page.locator(".pacte-quiz").wait_for(timeout=20000)
    assert offline_page.locator(".pacte-live").count() == 0
    assert offline_page.pacte_log.console_errors == []


def _answer_quiz(page, base: str, code: str, choice: str) -> None:
    page.goto(f"{base}{SURVEY}?seance={code}")
    page.locator(".pacte-live[data-joined=true]").wait_for(timeout=20000)
    form = page.locator("form[data-question=structure-plus-recente]")
    form.locator(f"input[value={choice}]").check()
    with page.expect_response(lambda r: r.url.endswith("/api/live/answer")) as resp:
        form.locator("button[type=submit]").click()
    assert resp.value.status == 201


def test_two_trainees_answer_and_the_dashboard_shows_both(browser, offline_page, pacte_server):
    trainer = offline_page
    trainer.goto(f"{pacte_server}{DASHBOARD}?token={TRAINER_TOKEN}")
    trainer.locator(".pacte-dashboard").wait_for(timeout=60000)
    trainer.fill("#pacte-dash-title", "Promotion test")
    trainer.locator(".pacte-dash-create button").click()
    trainer.wait_for_function("document.querySelector('.pacte-dashboard').dataset.code.length === 6", timeout=20000)
    code = trainer.locator(".pacte-dashboard").get_attribute("data-code")
    assert trainer.locator(".pacte-dash-qr svg").count() == 1

    contexts = [browser.new_context() for _ in range(2)]
    try:
        pages = [c.new_page() for c in contexts]
        external, errors = [], []
        for p in pages:
            p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            p.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if r.request.url.startswith(pacte_server)
                    else (external.append(r.request.url), r.abort())
                ),
            )
        _answer_quiz(pages[0], pacte_server, code, "cpts")
        _answer_quiz(pages[1], pacte_server, code, "msp")
        prompt = pages[1].locator(".pacte-prompt")
        prompt.locator("textarea").fill("<script>alert('x')</script> soudée")
        with pages[1].expect_response(lambda r: r.url.endswith("/api/live/answer")) as resp:
            prompt.locator("button").click()
        assert resp.value.status == 201
        assert external == [] and errors == []
    finally:
        for c in contexts:
            c.close()

    panel = trainer.locator("article.pacte-dash-panel[data-question=structure-plus-recente]")
    panel.locator("[data-respondents='2']").wait_for(timeout=5000)
    panel.locator("svg").first.wait_for(timeout=10000)
    assert "2 participants" in trainer.locator(".pacte-dash-participants").inner_text()
    texts = trainer.locator("article.pacte-dash-panel[data-activity='text:mot-equipe'] .pacte-dash-texts li")
    texts.first.wait_for(timeout=5000)
    assert texts.first.inner_text() == "<script>alert('x')</script> soudée"
    assert trainer.locator(".pacte-dash-texts script").count() == 0
    panel.scroll_into_view_if_needed()
    screenshot(trainer, "voila-live-dashboard")

    panel.locator("button", has_text="Masquer les résultats").click()
    panel.locator(".pacte-dash-hidden").wait_for(timeout=5000)
    panel.locator("button", has_text="Révéler les résultats").click()
    panel.locator("svg").first.wait_for(timeout=10000)
    with trainer.expect_download() as download:
        trainer.locator("button", has_text="Exporter en CSV").click()
    csv_text = open(download.value.path(), encoding="utf-8").read()
    assert csv_text.splitlines()[0] == "participant,activity,question,answer,answered_at"
    assert "quiz:profils-coordination,structure-plus-recente,cpts" in csv_text
    assert trainer.pacte_log.external == []
