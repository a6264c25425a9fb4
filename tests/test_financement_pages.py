"""Pages of the module « Les modèles de financement »: each executes as a notebook, and the
simulators work in the static book (no kernel, no external request) and in Voilà (the answer
reaches Python: the kernel_result shows as a data-kernel-* attribute)."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_support import voila_view_findings
from conftest import open_voila, screenshot

ROOT = Path(__file__).resolve().parents[1]
SIM_PAGE = "modules/financement/simulateur-aci-msp"
REF_PAGE = "modules/financement/chronologie-des-reformes"
TIMEOUT = 30_000


def _amount(page, selector=".pacte-aci") -> str:
    return page.locator(selector).get_attribute("data-amount")


@pytest.mark.browser
def test_static_simulator_updates_offline(offline_page, book_url):
    page = offline_page
    page.goto(book_url + SIM_PAGE + ".html")
    sim = page.locator(".pacte-aci")
    sim.wait_for(timeout=TIMEOUT)
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.amount === '80500'", timeout=TIMEOUT)
    assert "80\u00a0500\u00a0€" in sim.locator("[data-role=amount]").inner_text()
    patientele = sim.locator("input[data-field=patientele]")
    patientele.fill("6000")
    # 6 000 patients: 6 500 fixed + 5 000 × 1,5 variable = 14 000 points × 7 € = 98 000 €
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.amount === '98000'", timeout=TIMEOUT)
    assert "98\u00a0000\u00a0€" in sim.locator("[data-role=amount]").inner_text()
    assert sim.locator("svg[role=img]").count() == 1
    screenshot(page, "financement-aci-static")
    patientele.fill("-5")
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.status === 'error'", timeout=TIMEOUT)
    assert patientele.get_attribute("aria-invalid") == "true"
    assert "Patientèle\u00a0: la valeur doit être comprise entre 100 et 60\u00a0000" in sim.inner_text()
    assert _amount(page) == ""
    patientele.fill("4000")
    sim.get_by_label("Fonction de coordination").uncheck()
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.status === 'blocked'", timeout=TIMEOUT)
    assert _amount(page) == "0"
    assert "Prérequis non rempli\u00a0: Fonction de coordination" in sim.inner_text()
    screenshot(page, "financement-aci-blocked")
    assert sim.get_attribute("data-kernel-amount") is None  # no kernel in the static book
    # the comparison table was computed at build time by the Python mirror
    assert "73\u00a0500\u00a0€" in page.locator("table.pacte-table").first.inner_text()
    log = page.pacte_log
    assert log.external == []
    assert log.console_errors == [] and log.page_errors == []


@pytest.mark.browser
def test_static_cpts_and_timeline_offline(offline_page, book_url):
    page = offline_page
    page.goto(book_url + REF_PAGE + ".html")
    cpts = page.locator(".pacte-cpts")
    cpts.wait_for(timeout=TIMEOUT)
    assert cpts.get_attribute("data-band") == "T2" and cpts.get_attribute("data-amount") == "105000"
    cpts.locator("input").fill("200000")
    page.wait_for_function("document.querySelector('.pacte-cpts').dataset.amount === '157500'", timeout=TIMEOUT)
    assert cpts.get_attribute("data-band") == "T4"
    assert "157\u00a0500\u00a0€" in cpts.inner_text()
    cpts.locator("input").fill("beaucoup")
    page.wait_for_function("document.querySelector('.pacte-cpts').dataset.status === 'error'", timeout=TIMEOUT)
    assert "Population\u00a0: saisissez un nombre" in cpts.inner_text()
    page.locator("figure.pacte-chart").first.scroll_into_view_if_needed()  # Vega draws it when about to be seen
    page.wait_for_selector("figure.pacte-chart[data-rendered=true]", timeout=TIMEOUT)
    select = page.locator("figure.pacte-chart select").first
    select.select_option("loi")
    page.wait_for_timeout(300)
    screenshot(page, "financement-timeline")
    cpts.scroll_into_view_if_needed()
    screenshot(page, "financement-cpts")
    log = page.pacte_log
    assert log.external == []
    assert log.console_errors == [] and log.page_errors == []


@pytest.mark.browser
def test_voila_simulator_reaches_python(offline_page, pacte_server):
    page = offline_page
    open_voila(page, pacte_server + f"voila/render/{SIM_PAGE}.ipynb", ".pacte-aci")
    assert voila_view_findings(page) == []
    sim = page.locator(".pacte-aci")
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.amount === '80500'", timeout=TIMEOUT)
    sim.locator("input[data-field=patientele]").fill("6000")
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.amount === '98000'", timeout=TIMEOUT)
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.kernelAmount === '98000'", timeout=TIMEOUT)
    assert "Montant recalculé par le noyau Python\u00a0: 98\u00a0000\u00a0€" in sim.inner_text()
    sim.locator("input[data-field=patientele]").fill("abc")
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.kernelStatus === 'error'", timeout=TIMEOUT)
    sim.locator("input[data-field=patientele]").fill("6000")
    page.wait_for_function("document.querySelector('.pacte-aci').dataset.kernelAmount === '98000'", timeout=TIMEOUT)
    sim.scroll_into_view_if_needed()
    screenshot(page, "financement-aci-voila")
    assert page.pacte_log.external == []
    assert page.pacte_log.page_errors == []


@pytest.mark.browser
def test_voila_cpts_reaches_python(offline_page, pacte_server):
    page = offline_page
    open_voila(page, pacte_server + f"voila/render/{REF_PAGE}.ipynb", ".pacte-cpts")
    assert voila_view_findings(page) == []
    cpts = page.locator(".pacte-cpts")
    cpts.locator("input").fill("175001")
    page.wait_for_function("document.querySelector('.pacte-cpts').dataset.kernelAmount === '157500'", timeout=TIMEOUT)
    assert page.pacte_log.external == []
