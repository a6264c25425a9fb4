"""Module « Le métier de coordinateur·rice » in headless Chromium: static book and Voilà, network closed.

Build first (only this module is enough, see CONTRIBUTING « Building part of the book »)::

    PACTE_OUTPUT=/tmp/metier PACTE_TOC=/tmp/metier/_toc.yml pacte build
    PACTE_OUTPUT=/tmp/metier PACTE_TOC=/tmp/metier/_toc.yml pytest tests/test_metier_browser.py
"""

from __future__ import annotations

import pytest
from a11y_support import voila_view_findings
from conftest import draw_charts, open_voila, screenshot

pytestmark = pytest.mark.browser

PROFILE_PAGE = "modules/metier/qui-sont-les-coordinateurs"
WEEK_PAGE = "modules/metier/activites-et-taches"
ROUTES_PAGE = "modules/metier/professionnalisation"
OLD_PAGE = "modules/profils/qui-sont-les-coordinateurs"
TIMEOUT = 30_000
NBSP = "\u00a0"
TOLERATED_404 = ("/favicon.ico", "/api/live/status")


def _open(page, url: str, voila_ready: str = "") -> None:
    page.pacte_404 = []
    page.pacte_bad = []
    page.on("response", lambda r: page.pacte_404.append(r.url) if r.status == 404 else None)
    page.on("response", lambda r: page.pacte_bad.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    if voila_ready:
        open_voila(page, url, voila_ready)
        assert voila_view_findings(page) == []
    else:
        page.goto(url, timeout=90_000)
    page.wait_for_load_state("networkidle")


def _assert_clean(page) -> None:
    log = page.pacte_log
    assert log.external == []
    missing = getattr(page, "pacte_404", [])
    assert [u for u in missing if not u.endswith(TOLERATED_404)] == []
    errors = [
        e
        for e in log.console_errors + log.page_errors
        if not (e.startswith("Failed to load resource") and " 404 " in e and any(missing))
    ]
    assert errors == [], (errors, page.pacte_bad)


def check_profile(page) -> None:
    root = page.locator("section.pacte-profile")
    root.wait_for(timeout=TIMEOUT)
    page.evaluate(
        "window.__pacteAnswers = []; document.addEventListener('pacte:answer', "
        "(e) => window.__pacteAnswers.push(e.detail));"
    )
    root.get_by_label("Communauté professionnelle territoriale de santé (CPTS", exact=False).check()
    form = root.locator("form[data-question=age]")
    form.get_by_role("button", name="Me situer dans l’enquête").click()
    assert form.locator(".pacte-compare-message").inner_text() == "Choisissez une réponse avant de comparer."
    form.get_by_label("Moins de 40 ans").check()
    form.get_by_role("button", name="Me situer dans l’enquête").click()
    sentence = form.locator(".pacte-compare-sentence").first.inner_text()
    assert f"Vous faites partie des 53{NBSP}% de coordinateurs de CPTS" in sentence, sentence
    assert form.locator("tr.pacte-compare-mine th").inner_text().startswith("Moins de 40\u00a0ans")
    wt = root.locator("form[data-question=working-time]")
    wt.get_by_label("Temps partiel").check()
    wt.get_by_role("button", name="Me situer dans l’enquête").click()
    relations = wt.locator(".pacte-compare-sentence").evaluate_all("(ps) => ps.map((p) => p.dataset.relation)")
    assert relations == ["inside", "outside"]
    assert f"55{NBSP}%" in wt.locator(".pacte-compare-sentence").nth(1).inner_text()
    assert "null" not in root.inner_text()
    assert page.evaluate("window.__pacteAnswers") == [
        {"activity": "profile:mon-profil", "question": "CPTS-age", "answer": "under-40"},
        {"activity": "profile:mon-profil", "question": "CPTS-working-time", "answer": "part-time"},
    ]
    assert wt.locator("tr[data-indicator=full_time] td").inner_text().strip() == f"55{NBSP}%"


def test_static_profile_page(offline_page, book_url):
    page = offline_page
    _open(page, f"{book_url}{PROFILE_PAGE}.html")
    draw_charts(page, timeout=TIMEOUT)  # each chart draws when it is about to be seen: scroll to it
    drawn = page.locator("figure.pacte-chart[data-rendered=true]:has(svg)")
    assert drawn.count() == page.locator("figure.pacte-chart").count() > 0
    table = page.locator("table.pacte-metier-profile")
    ages = [c.split("\n")[0] for c in table.locator("tr[data-indicator=age_under_40] td").all_inner_texts()]
    assert ages == [f"41{NBSP}%", f"32{NBSP}%", f"53{NBSP}%"]
    cells = [c.split("\n")[0] for c in table.locator("tr[data-indicator=permanent_contract] td").all_inner_texts()]
    assert (
        cells[0] == f"37{NBSP}%"
        and cells[2] == f"85{NBSP}%"
        and "Pas spécifique" in table.locator("tr[data-indicator=permanent_contract] td").nth(1).inner_text()
    )
    check_profile(page)
    page.locator("section.pacte-profile").scroll_into_view_if_needed()
    screenshot(page, "metier-profil-static")
    assert page.locator("section.pacte-quiz").count() == 1
    _assert_clean(page)


def test_static_profile_page_on_a_phone(browser, book_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR")
    page = context.new_page()
    page.route(
        "**/*",
        lambda r: (
            r.continue_() if "127.0.0.1" in r.request.url or r.request.url.startswith(("data:", "blob:")) else r.abort()
        ),
    )
    page.goto(f"{book_url}{PROFILE_PAGE}.html", wait_until="networkidle")
    root = page.locator("section.pacte-profile")
    root.wait_for(timeout=TIMEOUT)
    root.get_by_label("Maison de santé pluriprofessionnelle (MSP", exact=False).check()
    form = root.locator("form[data-question=place]")
    form.get_by_label("Je l’exerce à côté d’une autre activité").check()
    form.get_by_role("button", name="Me situer dans l’enquête").click()
    assert f"80{NBSP}%" in form.locator(".pacte-compare-sentence").inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    form.scroll_into_view_if_needed()
    screenshot(page, "metier-profil-mobile")
    context.close()
    assert width <= 400, width


def fill_week(page):
    root = page.locator("section.pacte-week")
    root.wait_for(timeout=TIMEOUT)
    root.locator("input[data-activity=animation]").fill("3")
    root.locator("input[data-activity=rcp]").fill("1,5")
    root.locator("input[data-activity=tutelles]").fill("deux")
    root.get_by_role("button", name="Voir ma semaine").click()
    assert root.get_attribute("data-status") == "invalid"
    assert "saisissez un nombre" in root.locator(".pacte-week-message").inner_text()
    root.locator("input[data-activity=tutelles]").fill("0,5")
    root.get_by_label("Maison de santé pluriprofessionnelle (MSP)").check()
    root.get_by_role("button", name="Voir ma semaine").click()
    assert root.get_attribute("data-status") == "ok"
    sentences = root.locator(".pacte-week-sentence").all_inner_texts()
    assert sentences[0] == "Votre semaine de coordination compte 5\u00a0heures."
    assert "Action collective autour du travail clinique" in sentences[1] and f"(90{NBSP}%)" in sentences[1]
    assert root.locator("tr[data-block=relais] .pacte-week-value").inner_text() == f"0,5{NBSP}h (10{NBSP}%)"
    return root


def test_static_week_page_and_downloads(offline_page, book_url):
    page = offline_page
    _open(page, f"{book_url}{WEEK_PAGE}.html")
    root = fill_week(page)
    with page.expect_download() as info:
        root.locator("button[data-download=csv]").click()
    download = info.value
    assert download.suggested_filename == "ma-semaine-de-coordination.csv"
    text = open(download.path(), encoding="utf-8-sig").read()
    assert text.startswith("Bloc;Activité;Heures par semaine;Part de la semaine (%)")
    assert "Total;;5;100" in text
    with page.expect_download() as info:
        root.locator("button[data-download=png]").click()
    png = open(info.value.path(), "rb").read()
    assert info.value.suggested_filename.endswith(".png") and png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    root.locator(".pacte-week-result").scroll_into_view_if_needed()
    screenshot(page, "metier-semaine-static")
    _assert_clean(page)


def test_static_routes_sorting(offline_page, book_url):
    page = offline_page
    _open(page, f"{book_url}{ROUTES_PAGE}.html")
    item = page.locator(".pacte-sort form[data-item=formation-pacte]")
    item.wait_for(timeout=TIMEOUT)
    item.locator("input[value=bas]").check()
    item.locator("button[type=submit]").click()
    text = item.locator(".pacte-sort-feedback").inner_text()
    assert item.get_attribute("data-status") == "incorrect"
    assert "« Par le haut »".replace(" ", NBSP) in text.replace(" ", NBSP) or "Par le haut" in text
    assert "Schweyer, 2025" in text
    item.locator("input[value=haut]").check()
    item.locator("button[type=submit]").click()
    assert item.get_attribute("data-status") == "correct"
    item.scroll_into_view_if_needed()
    screenshot(page, "metier-voies-static")
    _assert_clean(page)


def test_old_profils_address_leads_to_the_new_page(offline_page, book_url):
    page = offline_page
    page.goto(f"{book_url}{OLD_PAGE}.html")
    page.wait_for_url(f"**/{PROFILE_PAGE}.html", timeout=TIMEOUT)
    assert page.locator("h1").first.inner_text().startswith("Qui sont les coordinatrices")


def test_redirect_page_has_a_visible_french_link(offline_page, book_url):
    response = offline_page.request.get(f"{book_url}{OLD_PAGE}.html")
    assert response.status == 200
    html = response.text()
    assert '<html lang="fr">' in html and "<title>Page déplacée" in html
    assert 'http-equiv="refresh" content="0; url=../metier/qui-sont-les-coordinateurs.html"' in html
    assert '<a href="../metier/qui-sont-les-coordinateurs.html">Aller à la nouvelle page' in html


def _survey_charts_and_quiz_reach_python(page) -> None:
    """The view's charts draw offline, a selector redraws one, and quiz answers reach the kernel."""
    draw_charts(page, timeout=120_000, count=2)  # scrolled to in turn: Vega draws a chart about to be seen
    assert page.locator("figure.pacte-chart[data-rendered=true]").count() == 2
    quiz = page.locator(".pacte-quiz")
    form = quiz.locator("form[data-question=feminisation]")
    form.locator("input[value=p76]").check()
    form.locator("button[type=submit]").click()
    assert "Bonne réponse" in form.locator(".pacte-quiz-feedback").inner_text()
    page.wait_for_selector(".pacte-quiz[data-kernel-score='1']", timeout=20000)
    form = quiz.locator("form[data-question=cdi-cpts]")
    form.locator("input[value=msp]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_function("document.querySelector('.pacte-quiz').dataset.score === '1'")
    explorer = page.locator("figure.pacte-chart").nth(1)
    explorer.locator("select").select_option("cohesion")
    page.wait_for_function(
        "el => el.querySelector('svg').textContent.includes('Vraiment soudée')",
        arg=explorer.element_handle(),
        timeout=10000,
    )
    explorer.scroll_into_view_if_needed()
    screenshot(page, "voila-survey-page")


def test_voila_profile_and_week_reach_the_kernel(offline_page, pacte_server):
    page = offline_page
    _open(page, f"{pacte_server}voila/render/{PROFILE_PAGE}.ipynb", "section.pacte-profile")
    check_profile(page)
    page.wait_for_selector("section.pacte-profile[data-kernel-result*='age:age_under_40=inside']", timeout=TIMEOUT)
    screenshot(page, "metier-profil-voila")
    _survey_charts_and_quiz_reach_python(page)
    _assert_clean(page)
    _open(page, f"{pacte_server}voila/render/{WEEK_PAGE}.ipynb", "section.pacte-week")
    fill_week(page)
    page.wait_for_selector("section.pacte-week[data-kernel-result='ok:5:clinique']", timeout=TIMEOUT)
    _assert_clean(page)
