"""Learner progress in headless Chromium (static book, network closed), one browser profile kept across
reloads and pages: answers and feedback come back, « Mon parcours » lists them, export / erase / import,
a corrupted file is refused, a changed quiz bank does not break the page, the printable record.

Build first::

    PACTE_OUTPUT=/tmp/progress pacte build --no-strict --quiet
    PACTE_OUTPUT=/tmp/progress pytest tests/test_progress_browser.py
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import open_voila, screenshot

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]

QUIZ_PAGE = "modules/dimensions/index"  # self-diagnosis grid and the « dimensions-coordination » quiz
CASE_PAGE = "modules/dynamiques/noyau-actif-et-legitimite"
PARCOURS = "book/mon-parcours"
ACI_PAGE = "modules/financement/simulateur-aci-msp"
QUIZ_KEY = f"pacte:v1:quiz:dimensions-coordination@{QUIZ_PAGE}"
TIMEOUT = 30_000
KEYS_JS = "() => Object.keys(localStorage).filter((k) => k.startsWith('pacte:v1:')).sort()"


def _open(page, book_url: str, doc: str) -> None:
    page.goto(f"{book_url}{doc}.html")
    page.wait_for_load_state("networkidle")
    page.locator(".pacte-widget-root > *").first.wait_for(timeout=TIMEOUT)


def _answer_quiz_and_diagnosis(page) -> None:
    form = page.locator("section.pacte-quiz form.pacte-quiz-question").first
    form.locator("input[value=logistique]").check()
    form.locator("button[type=submit]").click()
    assert form.get_attribute("data-status") == "correct"
    diag = page.locator("section.pacte-diag")
    diag.locator("input[type=radio]").first.check()
    page.wait_for_function("() => document.querySelector('section.pacte-diag').dataset.answered === '1'")


def _answer_case(page) -> None:
    case = page.locator("section.pacte-case").first
    case.locator("form.pacte-case-form input[type=radio]").first.check()
    case.locator("form.pacte-case-form button[type=submit]").click()
    page.wait_for_function("() => document.querySelector('section.pacte-case').dataset.steps === '1'")


def _check_restored(page, book_url: str) -> None:
    _open(page, book_url, QUIZ_PAGE)
    form = page.locator("section.pacte-quiz form.pacte-quiz-question").first
    form.locator(".pacte-quiz-feedback p").first.wait_for(timeout=TIMEOUT)
    assert form.get_attribute("data-status") == "correct"
    assert form.locator("input[value=logistique]").is_checked()
    assert "Bonne réponse" in form.locator(".pacte-quiz-feedback").inner_text()
    assert page.locator("section.pacte-quiz").get_attribute("data-answered") == "1"
    assert page.locator("section.pacte-diag").get_attribute("data-answered") == "1"
    assert page.locator("section.pacte-diag input[type=radio]").first.is_checked()
    line = page.locator("article.bd-article h1 + p.pacte-page-progress")
    assert line.get_attribute("data-total") == "2" and line.get_attribute("data-done") == "0", line.inner_text()
    _open(page, book_url, CASE_PAGE)
    case = page.locator("section.pacte-case").first
    assert case.get_attribute("data-steps") == "1"
    assert case.locator("ol.pacte-case-history li").count() == 1


def _parcours(page, book_url: str):
    _open(page, book_url, PARCOURS)
    return page.locator("section.pacte-progress")


def _import(page, name: str, content: bytes) -> None:
    page.locator("input[data-action=import]").set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": content}
    )
    page.wait_for_function("() => document.querySelector('section.pacte-progress').dataset.message !== undefined")


@pytest.fixture
def profile(browser):
    """One browser profile (context) for the whole scenario: localStorage survives reloads and pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400}, locale="fr-FR", accept_downloads=True)
    external: list[str] = []
    errors: list[str] = []
    sent: list[str] = []  # nothing is sent anywhere: no request other than GET of the book's files

    def route(r):
        if r.request.method != "GET":
            sent.append(f"{r.request.method} {r.request.url}")
        if r.request.url.startswith(("data:", "blob:", "http://127.0.0.1")):
            return r.continue_()
        external.append(r.request.url)
        return r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    assert not external, external
    assert not sent, sent
    assert not errors, errors
    context.close()


def test_progress_is_kept_listed_exported_erased_and_imported(profile, book_url: str, tmp_path):
    page = profile
    _open(page, book_url, QUIZ_PAGE)
    _answer_quiz_and_diagnosis(page)
    _open(page, book_url, CASE_PAGE)
    _answer_case(page)
    keys = page.evaluate(KEYS_JS)
    assert QUIZ_KEY in keys and f"pacte:v1:visit:{CASE_PAGE}" in keys, keys

    _check_restored(page, book_url)

    panel = _parcours(page, book_url)
    assert panel.get_attribute("data-activities") == "3"
    row = panel.locator(f"tr[data-page='{QUIZ_PAGE}']")
    text = row.inner_text()
    assert "1 bonne réponse sur" in text and "1 affirmation sur" in text, text
    assert "cas en cours" in panel.locator(f"tr[data-page='{CASE_PAGE}']").inner_text()
    assert "Vos autodiagnostics" in panel.inner_text()
    assert "module pas encore commencé" in panel.locator("p.pacte-progress-module-empty").first.inner_text()
    assert panel.locator(".pacte-progress-next a").count() == 1
    screenshot(page, "mon-parcours")

    with page.expect_download() as info:
        panel.locator("button[data-action=export]").click()
    exported = tmp_path / "progression.json"
    info.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "pacte-progress" and data["version"] == 1
    jsonschema.validate(
        data, json.loads((ROOT / "datasets" / "schemas" / "progress_export.schema.json").read_text(encoding="utf-8"))
    )
    assert QUIZ_KEY in data["records"] and data["records"][QUIZ_KEY]["answers"] == {"factorielle": "logistique"}

    # A corrupted or foreign file: a French message, and nothing lost.
    before = page.evaluate(KEYS_JS)
    _import(page, "abime.json", exported.read_bytes()[:-40])
    assert panel.get_attribute("data-message") == "error"
    assert "rien n’a été modifié" in panel.locator(".pacte-progress-message").inner_text()
    _import(page, "autre.json", json.dumps({"format": "autre", "records": {}}).encode())
    assert "n’est pas une sauvegarde de progression" in panel.locator(".pacte-progress-message").inner_text()
    assert page.evaluate(KEYS_JS) == before

    # Erase everything (with confirmation), then import the file: everything is back.
    panel.locator("button[data-action=clear]").click()
    panel.locator("button[data-action=confirm-clear]").click()
    assert page.evaluate(KEYS_JS) == []
    assert panel.get_attribute("data-activities") == "0"
    _import(page, "progression.json", exported.read_bytes())
    assert panel.get_attribute("data-message") == "ok", panel.locator(".pacte-progress-message").inner_text()
    assert panel.get_attribute("data-activities") == "3"
    assert page.evaluate(KEYS_JS) == before
    _check_restored(page, book_url)


def test_a_changed_bank_drops_what_no_longer_fits(profile, book_url: str):
    page = profile
    _open(page, book_url, QUIZ_PAGE)
    stored = {
        "v": 1,
        "kind": "quiz",
        "ref": f"dimensions-coordination@{QUIZ_PAGE}",
        "page": QUIZ_PAGE,
        "title": "Quiz",
        "fingerprint": "deadbeef",
        "summary": {},
        "updated": "2026-01-01T00:00:00.000Z",
        "answers": {"factorielle": "logistique", "plus-lente": "disparu", "question-retiree": "a"},
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [QUIZ_KEY, json.dumps(stored)])
    page.evaluate("() => localStorage.setItem('pacte:v1:sorting:x@y', '{pas du json')")
    page.reload()
    page.wait_for_load_state("networkidle")
    quiz = page.locator("section.pacte-quiz")
    quiz.wait_for(timeout=TIMEOUT)
    assert quiz.get_attribute("data-answered") == "1"
    assert "2 réponses enregistrées" in quiz.locator(".pacte-progress-dropped").inner_text()
    assert page.locator("form[data-question=factorielle]").get_attribute("data-status") == "correct"
    assert page.locator("form[data-question=plus-lente]").get_attribute("data-status") is None
    rec = json.loads(page.evaluate("(k) => localStorage.getItem(k)", QUIZ_KEY))
    assert rec["answers"] == {"factorielle": "logistique"} and rec["fingerprint"] != "deadbeef" and rec["dropped"] == 2
    page.reload()  # the note was for that visit only; the record keeps the count for « Mon parcours »
    page.locator("section.pacte-quiz").wait_for(timeout=TIMEOUT)
    assert page.locator(".pacte-progress-dropped").count() == 0
    assert page.locator("form[data-question=factorielle]").get_attribute("data-status") == "correct"
    assert "2 réponses retirées" in _parcours(page, book_url).inner_text()
    _open(page, book_url, QUIZ_PAGE)
    quiz = page.locator("section.pacte-quiz")
    # « Recommencer » forgets the activity.
    quiz.locator("button", has_text="Recommencer le quiz").click()
    assert page.evaluate("(k) => localStorage.getItem(k)", QUIZ_KEY) is None
    panel = _parcours(page, book_url)
    assert panel.get_attribute("data-activities") == "0"  # the unreadable record is ignored


def test_simulator_inputs_are_kept(profile, book_url: str):
    page = profile
    _open(page, book_url, ACI_PAGE)
    field = page.locator("section.pacte-aci input[type=text]").first
    field.fill("4321")
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.startsWith('pacte:v1:simulator:aci-msp@'))")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("section.pacte-aci input[type=text]").first.input_value() == "4321"
    assert "montant estimé" in _parcours(page, book_url).locator(f"tr[data-page='{ACI_PAGE}']").inner_text()


def test_printable_record_and_phone_width(profile, book_url: str):
    page = profile
    _open(page, book_url, QUIZ_PAGE)
    _answer_quiz_and_diagnosis(page)
    panel = _parcours(page, book_url)
    record = page.locator("body > .pacte-progress-print-root .pacte-progress-record")
    assert not record.is_visible()
    page.emulate_media(media="print")
    assert record.is_visible()
    text = record.inner_text()
    assert "Relevé déclaratif, ce n’est pas une attestation" in text
    assert "Les dimensions de la coordination" in text and "Logistique" in text, text
    assert "Nom\u00a0:" in text and record.locator(".pacte-progress-blank").bounding_box()["width"] > 200
    # modules are named by their title on the home page, not after their first page
    assert "Panorama de l’exercice coordonné" in text and "Les modèles de financement" in text, text
    assert not panel.is_visible()  # only the record is printed
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 900})
    _parcours(page, book_url)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 400, width
    screenshot(page, "mon-parcours-390")


def test_voila_restores_what_the_static_book_kept(pacte_server: str, browser):
    """`pacte serve` serves the book and Voilà on one origin: answers given in the book come back in Voilà,
    with their feedback, and reach the kernel."""
    context = browser.new_context(viewport={"width": 1280, "height": 1400}, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(f"{pacte_server}{QUIZ_PAGE}.html", timeout=90_000)
        page.locator("section.pacte-quiz").wait_for(timeout=TIMEOUT)
        _answer_quiz_and_diagnosis(page)
        form = page.locator("section.pacte-quiz form[data-question=factorielle]")
        open_voila(
            page, f"{pacte_server}voila/render/{QUIZ_PAGE}.ipynb", "section.pacte-quiz form[data-question=factorielle]"
        )
        assert form.get_attribute("data-status") == "correct"
        page.wait_for_selector("section.pacte-quiz[data-kernel-score='1']", timeout=30_000)
        page.wait_for_selector(".pacte-diag[data-kernel-answered='1']", timeout=30_000)
    finally:
        context.close()
