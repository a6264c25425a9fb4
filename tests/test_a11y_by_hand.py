"""What hands-on checks found beyond axe (issue 28), checked in headless Chromium, network closed.

* the theme's menu toggle shows where the keyboard focus is;
* no « null » in the self-diagnosis result, no « niveaus » in the ACI simulator;
* screen-reader announcements: « Valider toutes mes réponses » is summed up in one sentence,
  « Votre progression » is not re-announced at every keystroke;
* the ordering exercise is put in order in a few key presses per item;
* chart legend filters work from the keyboard.
"""

from __future__ import annotations

import re

import pytest
from a11y_support import wait_widgets
from conftest import offline_context, screenshot

from widgets.ordering import expected_order, load_exercise

pytestmark = pytest.mark.browser

MODULE_PAGE = "modules/dimensions/index.html"
SIMULATOR = "modules/financement/simulateur-aci-msp.html"
SORTING = "modules/dimensions/trois-dimensions.html"
ORDERING = "modules/panorama/histoire-des-reformes.html"

# What a screen reader would be sent: the text added to live regions (aria-live other than off,
# role status / alert / log) after the recorder is installed.
RECORD_LIVE = """() => {
  window.__spoken = [];
  const live = (n) => { const e = n && (n.nodeType === 1 ? n : n.parentElement);
    return e && e.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]'); };
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (!live(m.target)) continue;
      if (m.type === 'characterData') window.__spoken.push(m.target.data);
      for (const n of m.addedNodes || []) if ((n.textContent || '').trim()) window.__spoken.push(n.textContent.trim());
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""


@pytest.fixture
def page(browser):
    context, page = offline_context(browser, 1280, 900)
    yield page
    context.close()


def _open(page, url: str) -> None:
    page.goto(url, wait_until="load")
    wait_widgets(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_menu_toggle_shows_the_keyboard_focus(browser, book_url, width):
    context, page = offline_context(browser, width, 800)
    try:
        _open(page, book_url + MODULE_PAGE)
        toggle = page.locator(".bd-header-article button.primary-toggle")
        for _ in range(40):
            page.keyboard.press("Tab")
            if toggle.evaluate("(b) => b === document.activeElement"):
                break
        else:
            pytest.fail("the menu toggle is not reached with Tab")
        style = toggle.evaluate(
            "(b) => { const s = getComputedStyle(b); return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }"
        )
        screenshot(page, f"menu-toggle-focus-{width}")
    finally:
        context.close()
    assert style[0] != "none" and style[1] >= 2, style


def test_the_diagnosis_result_never_shows_null(page, book_url):
    _open(page, book_url + MODULE_PAGE)
    diag = page.locator(".pacte-diag").first
    result = diag.locator(".pacte-diag-result")
    texts = [result.inner_text() + result.locator("svg").text_content()]
    statements = diag.locator("fieldset.pacte-diag-statement")
    statements.nth(0).locator("input").nth(2).check()
    texts.append(result.inner_text() + result.locator("svg").text_content())
    for i in range(statements.count()):
        statements.nth(i).locator("input").nth(i % 4).check()
    texts.append(result.inner_text() + result.locator("svg").text_content())
    for text in texts:
        assert not re.search(r"\b(null|undefined|NaN)\b", text), re.findall(
            r"(?s).{0,60}\b(?:null|undefined|NaN)\b", text
        )


def test_the_aci_simulator_writes_french_plurals(page, book_url):
    _open(page, book_url + SIMULATOR)
    options = page.locator(".pacte-widget select[data-criterion] option").all_inner_texts()
    assert options, "no counted criterion in the simulator"
    wrong = [o for o in options if re.search(r"\w(au|eu)s\b", o)]
    assert not wrong, wrong
    assert any(re.fullmatch(r"2\s+niveaux", o) for o in options), options


def test_validating_every_sorting_answer_is_announced_in_one_sentence(page, book_url):
    _open(page, book_url + SORTING)
    ex = page.locator(".pacte-sort").first
    forms = ex.locator("form.pacte-sort-item")
    for i in range(forms.count() - 1):  # every item but the last answered, none validated yet
        forms.nth(i).locator("input[type=radio]").nth(i % 3).check()
    page.evaluate(RECORD_LIVE)
    ex.locator("button", has_text="Valider toutes mes réponses").click()
    page.wait_for_timeout(300)
    spoken = page.evaluate("window.__spoken")
    text = " ".join(spoken)
    assert 0 < len(text) < 200, (len(text), text[:400])
    assert len(re.findall(r"[.!?](\s|$)", text)) == 1, text
    assert "1 sans réponse" in text
    # one item validated alone still says how it went
    page.evaluate("window.__spoken = []")
    forms.nth(0).locator("button[type=submit]").click()
    page.wait_for_timeout(200)
    assert re.match(r"(Bonne réponse|Réponse incorrecte)\.", " ".join(page.evaluate("window.__spoken")))


def test_typing_in_the_simulator_does_not_repeat_the_progress_line(page, book_url):
    _open(page, book_url + SIMULATOR)
    field = page.locator(".pacte-widget input[type=text][data-field]").first
    page.evaluate(RECORD_LIVE)
    field.click()
    page.keyboard.press("Control+A")
    for key in "12345":
        page.keyboard.press(key)
        page.wait_for_timeout(50)
    page.wait_for_timeout(300)
    progress = [t for t in page.evaluate("window.__spoken") if "Votre progression" in t]
    assert len(progress) <= 1, progress


def test_the_ordering_exercise_takes_a_few_key_presses_per_item(page, book_url):
    """Row after row, type where the item of the row goes, Enter (it swaps with the item there); ↓: next row."""
    exercise = load_exercise("panorama/reformes.ordering_exercise.yaml")
    target = {item: i + 1 for i, item in enumerate(expected_order(exercise))}
    _open(page, book_url + ORDERING)
    root = page.locator("section.pacte-order").first
    n = len(target)
    root.locator("li.pacte-order-item").first.locator("input[data-action=position]").focus()
    keys = row = 0
    while row < n and keys < 20 * n:
        item = root.locator("li.pacte-order-item").nth(row).get_attribute("data-item")
        active = page.evaluate("document.activeElement.closest('li.pacte-order-item')?.dataset.item")
        assert active == item, (row, active, item)
        if target[item] == row + 1:
            page.keyboard.press("ArrowDown")
            keys += 1
            row += 1
            continue
        for digit in str(target[item]):
            page.keyboard.press(digit)
        page.keyboard.press("Enter")
        keys += len(str(target[item])) + 1
    order = root.get_attribute("data-order").split(",")
    assert order == expected_order(exercise)
    print(f"ordering of {n} items: {keys} key presses ({keys / n:.1f} per item)")
    assert keys <= 4 * n, keys
    root.locator("button[data-action=check]").click()
    assert root.get_attribute("data-correct") == str(n)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_cpts_chart_says_it_scrolls_when_it_is_cut(browser, book_url, width):
    context, page = offline_context(browser, width, 844)
    try:
        _open(page, book_url + "modules/financement/chronologie-des-reformes.html")
        figure = page.locator("figure.pacte-cpts-chart").first
        figure.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        cut = figure.evaluate("(f) => f.scrollWidth > f.clientWidth + 1")
        hint = page.locator(".pacte-cpts .pacte-scroll-hint").first
        screenshot(page, f"cpts-chart-{width}")
        assert cut == (width < 500), cut  # the chart keeps 12 px text: it scrolls on a phone only
        assert hint.is_visible() == cut
        if cut:
            assert "défiler" in hint.inner_text()
    finally:
        context.close()
