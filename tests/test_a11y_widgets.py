"""Accessibility of the widgets by keyboard only (issue 17); their feedback states are audited by axe
in the page tour (tests/test_page_tour.py).

* one activity of each widget type is completed with the keyboard only (Tab, Space, Enter, arrows, typing):
  the walker tabs through the widget and answers what it meets, and the widget must show a result.
"""

from __future__ import annotations

import re

import pytest
from a11y_support import offline_context, pages_with_widgets, wait_widgets

pytestmark = pytest.mark.browser

SKIP_BUTTON = re.compile(
    r"Recommencer|Rejouer|Revenir|Télécharger|Effacer|Réinitialiser|Monter|Descendre|Quitter", re.I
)


@pytest.fixture(scope="module")
def widget_pages(built_book) -> dict[str, list[str]]:
    return pages_with_widgets(built_book)


def _first_page_per_module(widget_pages: dict[str, list[str]]) -> dict[str, str]:
    first: dict[str, str] = {}
    for rel, modules in widget_pages.items():
        for m in modules:
            first.setdefault(m, rel)
    return first


# What shows that a widget of each type produced a result.
RESULT = {
    "quiz": ".pacte-quiz-feedback:not(:empty)",
    "sorting": ".pacte-sort-feedback:not(:empty)",
    "branching_case": ".pacte-case[data-finished=true]",
    "diagnosis": ".pacte-diag[data-answered]:not([data-answered='0'])",
    "aci_simulator": "[data-amount]:not([data-amount=''])",
    "cpts_funding": "[data-band]:not([data-band=''])",
    "ordering": ".pacte-order-status:not(:empty)",
    "profile_compare": ".pacte-compare-sentence, .pacte-compare-message:not(:empty)",
    "team_compare": ".pacte-compare-sentence, .pacte-compare-message:not(:empty)",
    "week": ".pacte-week-sentence, .pacte-week-message:not(:empty)",
    "cpts_project": ".pacte-cpts-feedback li, .pacte-cpts-status:not(:empty)",
    "chart": "details.pacte-chart-data[open]",
    "prompt": ".pacte-prompt-status:not(:empty)",
}

ACTIVE = """(root) => { const a = document.activeElement;
  if (!a || !root.contains(a)) return null;
  return { tag: a.tagName.toLowerCase(), type: (a.getAttribute('type') || '').toLowerCase(), text: (a.textContent || '').trim(),
           checked: !!a.checked, action: a.dataset.action || '', download: a.dataset.download || '',
           dflt: a.dataset.default || a.getAttribute('value') || '' }; }"""


def _answer_focused(page, a: dict) -> int | None:
    """Answer the focused control with the keyboard; the number of keys pressed, None for a button to press."""
    if a["action"] == "position":
        return 0  # an ordering's position field: moving items is not needed to check the order
    if a["tag"] == "input" and a["type"] in ("radio", "checkbox"):
        if not a["checked"]:
            page.keyboard.press("Space")
            return 1
        return 0
    if a["tag"] == "input" and a["type"] in ("text", "number", ""):
        page.keyboard.press("Control+A")
        page.keyboard.type(a["dflt"] if re.fullmatch(r"[\d\s,.]+", a["dflt"] or "") else "3")
        return 2
    if a["tag"] == "textarea":
        page.keyboard.type("Une réponse tapée au clavier.")
        return 1
    if a["tag"] == "select":
        page.keyboard.press("ArrowDown")
        return 1
    if a["tag"] == "summary":
        page.keyboard.press("Enter")
        return 1
    if a["tag"] == "button" and not (
        SKIP_BUTTON.search(a["text"]) or a["download"] or a["action"] in ("up", "down", "reset")
    ):
        return None
    return 0


def keyboard_walk(page, root, max_steps: int = 400) -> int:
    """Tab through ``root`` answering what has focus; returns the number of keys pressed."""
    root.locator(":is(input, select, textarea, button, summary, [tabindex='0']):not([disabled])").first.focus()
    keys = 0
    for _ in range(max_steps):
        a = root.evaluate(ACTIVE)
        if a is None:
            break
        pressed = _answer_focused(page, a)
        if pressed is None:  # a validation button
            page.keyboard.press("Enter")
            keys += 1
            page.wait_for_timeout(60)
            after = root.evaluate(ACTIVE)
            if after is not None and after["tag"] != "button":
                continue  # the widget moved focus (next step of a case): carry on from there
        else:
            keys += pressed
        page.keyboard.press("Tab")
        keys += 1
    return keys


def test_one_activity_of_each_widget_type_by_keyboard_only(browser, book_url, widget_pages):
    context, _ = offline_context(browser, 1280)
    page = context.new_page()
    done, failed = [], []
    try:
        for module, rel in sorted(_first_page_per_module(widget_pages).items()):
            page.goto(book_url + rel, wait_until="load")
            wait_widgets(page)
            root = page.locator(f"div.pacte-widget[data-pacte-module={module}] .pacte-widget-root").first
            keyboard_walk(page, root)
            page.wait_for_timeout(300)
            selector = RESULT.get(module)
            if selector is None:
                continue  # a widget type without a known result: walked, not checked
            if root.locator(selector).count():
                done.append(module)
            else:
                failed.append(f"{module} on {rel}: no result ({selector}) after the keyboard walk")
    finally:
        context.close()
    assert not failed, "\n".join(failed)
    assert {"quiz", "chart"} <= set(done), done
