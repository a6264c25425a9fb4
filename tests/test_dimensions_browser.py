"""The module's widgets in headless Chromium: static book (no kernel) and Voilà (answers reach Python)."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_support import voila_view_findings
from conftest import open_voila, screenshot

pytestmark = pytest.mark.browser

INDEX = "modules/dimensions/index"
TROIS = "modules/dimensions/trois-dimensions"
RESSOURCES = "modules/dimensions/ressources-et-territoire"
LOG = ["log-locaux", "log-plannings", "log-logiciel", "log-activite", "log-engagements", "log-repertoire"]


def _rate(diag, statement: str, value: int) -> None:
    diag.locator(f"input[data-statement='{statement}'][value='{value}']").check()


def _clean(page) -> None:
    assert page.pacte_log.external == []
    assert page.pacte_log.console_errors == []
    assert page.pacte_log.page_errors == []


def test_static_diagnosis_updates_chart_and_feedback(offline_page, book_url, tmp_path):
    page = offline_page
    page.goto(book_url + INDEX + ".html", wait_until="networkidle")
    diag = page.locator(".pacte-diag")
    diag.wait_for(timeout=20000)
    assert diag.get_attribute("data-status") == "empty"
    assert "Répondez aux affirmations" in diag.locator(".pacte-diag-status").inner_text()
    assert diag.locator("svg rect.pacte-diag-bar").count() == 0

    for st in LOG:
        _rate(diag, st, 4)
    assert diag.get_attribute("data-status") == "incomplete"
    assert "Encore 14 affirmations sans réponse" in diag.locator(".pacte-diag-status").inner_text()
    bar = diag.locator("svg rect.pacte-diag-bar[data-dimension=logistique]")
    wide = float(bar.get_attribute("width"))
    card = diag.locator("article.pacte-diag-card[data-dimension=logistique]")
    assert card.get_attribute("data-level") == "point-appui" and "Point d’appui" in card.inner_text()
    assert "Source\u00a0: Peyron et Buttard, 2018" in card.inner_text()
    assert (
        "Répondez encore à 7 affirmations"
        in diag.locator("article.pacte-diag-card[data-dimension=collective]").inner_text()
    )

    for st in LOG:
        _rate(diag, st, 1)
    assert float(diag.locator("svg rect.pacte-diag-bar[data-dimension=logistique]").get_attribute("width")) < wide
    assert card.get_attribute("data-level") == "a-construire" and "À construire" in card.inner_text()
    assert "logistique:1," in diag.get_attribute("data-scores")

    # keyboard: focus the first option of a statement and move with the arrow keys
    diag.locator("input[data-statement='op-relais'][value='1']").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    assert diag.locator("input[data-statement='op-relais'][value='2']").is_checked()
    assert diag.get_attribute("data-answered") == "7"

    with page.expect_download() as dl:
        diag.locator("button[data-download=csv]").click()
    csv = Path(dl.value.path()).read_bytes().decode("utf-8")
    assert csv.startswith("\ufeffSection;Dimension;Identifiant;Libellé;Réponse;Valeur")
    assert "Affirmation;Logistique;log-locaux;" in csv and ";Pas du tout;1" in csv
    assert "Dimension;Logistique;logistique;Coordination logistique (factorielle);À construire;1" in csv
    with page.expect_download() as dl:
        diag.locator("button[data-download=svg]").click()
    svg = Path(dl.value.path()).read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'data-dimension="logistique"' in svg
    with page.expect_download() as dl:
        diag.locator("button[data-download=png]").click()
    assert dl.value.suggested_filename.endswith(".png")
    assert Path(dl.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    diag.locator(".pacte-diag-result").scroll_into_view_if_needed()
    screenshot(page, "static-dimensions-diagnosis")
    _clean(page)


def test_static_diagnosis_shows_bad_saved_answers_in_french(offline_page, book_url):
    page = offline_page
    page.goto(book_url + INDEX + ".html", wait_until="networkidle")
    page.locator(".pacte-diag").wait_for(timeout=20000)
    # Simulate a saved state with bad values: remount the widget with edited JSON state.
    page.evaluate("""async () => {
        const box = document.querySelector("div.pacte-widget[data-pacte-module=diagnosis]");
        const state = JSON.parse(box.querySelector("script[type='application/json']").textContent);
        state.answers = {"log-locaux": 7, "fantome": 2, "log-plannings": 3};
        const mod = await import(new URL("_static/diagnosis.js", document.baseURI.replace(/modules\\/dimensions\\/[^/]*$/, "")).href);
        const target = document.createElement("div");
        target.id = "bad-state";
        document.body.append(target);
        const model = { get: (k) => state[k], set: () => {}, on: () => {}, off: () => {}, save_changes: () => {} };
        mod.default.render({ model, el: target });
    }""")
    bad = page.locator("#bad-state .pacte-diag")
    status = bad.locator(".pacte-diag-status").inner_text()
    assert bad.get_attribute("data-status") == "invalid"
    assert "Valeur hors échelle pour l'affirmation « log-locaux » : 7" in status
    assert "Affirmation inconnue : « fantome »" in status
    assert bad.get_attribute("data-answered") == "1"
    _clean(page)


def test_static_sorting_gives_feedback_per_item_and_a_score(offline_page, book_url):
    page = offline_page
    page.goto(book_url + TROIS + ".html", wait_until="networkidle")
    ex = page.locator(".pacte-sort")
    ex.wait_for(timeout=20000)
    rcp = ex.locator("form[data-item=rcp-patiente]")
    rcp.locator("input[value=collective]").check()
    rcp.locator("button[type=submit]").click()
    feedback = rcp.locator(".pacte-sort-feedback")
    assert rcp.get_attribute("data-status") == "incorrect"
    assert "Réponse incorrecte" in feedback.inner_text() and "«\u00a0Opératoire\u00a0»" in feedback.inner_text()
    assert "La réunion est collective par sa forme" in feedback.inner_text()
    assert "Source\u00a0: Peyron et Buttard, 2018" in feedback.inner_text()
    rcp.locator("input[value=operatoire]").check()
    rcp.locator("button[type=submit]").click()
    assert rcp.get_attribute("data-status") == "correct" and "Bonne réponse" in feedback.inner_text()

    # keyboard only: select with arrows, Tab to « Valider », Enter
    avk = ex.locator("form[data-item=suivi-avk]")
    avk.locator("input[value=logistique]").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert avk.get_attribute("data-status") == "correct"

    empty = ex.locator("form[data-item=notoriete]")
    empty.locator("button[type=submit]").click()
    assert empty.get_attribute("data-status") == "unanswered"
    assert "Choisissez une catégorie avant de valider." in empty.locator(".pacte-sort-feedback").inner_text()
    assert ex.locator(".pacte-sort-score").inner_text() == "Score\u00a0: 2 / 17 (2 éléments classés)."
    ex.locator("button", has_text="Valider toutes mes réponses").click()
    assert "Encore 15 éléments sans réponse." in ex.locator(".pacte-sort-score").inner_text()
    rcp.scroll_into_view_if_needed()
    screenshot(page, "static-dimensions-sorting")
    ex.locator("button", has_text="Recommencer").click()
    assert ex.get_attribute("data-score") == "0" and rcp.get_attribute("data-status") is None
    _clean(page)


def test_static_resources_sorting(offline_page, book_url):
    page = offline_page
    page.goto(book_url + RESSOURCES + ".html", wait_until="networkidle")
    item = page.locator(".pacte-sort form[data-item=usage-logiciel]")
    item.wait_for(timeout=20000)
    item.locator("input[value=generique]").check()
    item.locator("button[type=submit]").click()
    text = item.locator(".pacte-sort-feedback").inner_text()
    assert "«\u00a0Spécifique\u00a0»" in text and "son usage ne s’achète pas" in text
    _clean(page)


def test_voila_diagnosis_and_sorting_reach_python(offline_page, pacte_server):
    page = offline_page
    open_voila(page, pacte_server + "voila/render/" + INDEX + ".ipynb", ".pacte-diag")
    assert voila_view_findings(page) == []
    diag = page.locator(".pacte-diag")
    for st in LOG:
        _rate(diag, st, 3)
    assert (
        diag.locator("article.pacte-diag-card[data-dimension=logistique]").get_attribute("data-level") == "point-appui"
    )
    page.wait_for_selector(".pacte-diag[data-kernel-answered='6'][data-kernel-status=incomplete]", timeout=90000)
    diag.locator(".pacte-diag-result").scroll_into_view_if_needed()
    screenshot(page, "voila-dimensions-diagnosis")
    assert page.pacte_log.external == [] and page.pacte_log.page_errors == []

    open_voila(page, pacte_server + "voila/render/" + TROIS + ".ipynb", ".pacte-sort")
    assert voila_view_findings(page) == []
    ex = page.locator(".pacte-sort")
    form = ex.locator("form[data-item=projet-sante]")
    form.locator("input[value=collective]").check()
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-status") == "correct"
    page.wait_for_selector(".pacte-sort[data-kernel-correct='1'][data-kernel-answered='1']", timeout=90000)
    form = ex.locator("form[data-item=secretariat]")
    form.locator("input[value=operatoire]").check()
    form.locator("button[type=submit]").click()
    assert "Réponse incorrecte" in form.locator(".pacte-sort-feedback").inner_text()
    page.wait_for_selector(".pacte-sort[data-kernel-correct='1'][data-kernel-answered='2']", timeout=90000)
    assert page.pacte_log.external == [] and page.pacte_log.page_errors == []
