"""Accessibility of the widgets in their feedback states, and by keyboard only (issue 17).

* every page with an answering widget is driven twice (first answers / invalid entries, then other
  answers / valid entries: quiz right and wrong, sorting validated, diagnosis filled, case played to its
  end, simulators with an invalid then a valid input, ordering checked…) and axe-core runs after each;
* one activity of each widget type is completed with the keyboard only (Tab, Space, Enter, arrows, typing):
  the walker tabs through the widget and answers what it meets, and the widget must show a result.
"""

from __future__ import annotations

import re

import pytest
from a11y_support import built_pages, describe, offline_context, run_axe, wait_widgets

pytestmark = pytest.mark.browser

SKIP_BUTTON = re.compile(
    r"Recommencer|Rejouer|Revenir|Télécharger|Effacer|Réinitialiser|Monter|Descendre|Quitter", re.I
)

# Drive every widget of the page: `round` 0 answers with the first option and invalid text,
# round 1 with the second option and valid numbers; then submits each form and presses the
# widget's validation buttons. A branching case is played to its end.
DRIVE = r"""async (round) => {
  const skip = /Recommencer|Rejouer|Revenir|Télécharger|Effacer|Réinitialiser|Monter|Descendre|Quitter|Copier/i;
  const pause = () => new Promise((r) => setTimeout(r, 30));
  const fire = (el, type) => el.dispatchEvent(new Event(type, { bubbles: true }));
  const answer = (scope) => {
    const groups = new Map();
    for (const r of scope.querySelectorAll('input[type=radio]')) {
      if (!groups.has(r.name)) groups.set(r.name, []);
      groups.get(r.name).push(r);
    }
    for (const rs of groups.values()) { const r = rs[Math.min(round, rs.length - 1)]; if (!r.disabled) r.click(); }
    const boxes = [...scope.querySelectorAll('input[type=checkbox]')];
    boxes.slice(0, round ? 3 : 1).forEach((b) => { if (!b.checked && !b.disabled) b.click(); });
    for (const t of scope.querySelectorAll('input[type=text], input[type=number], input:not([type])')) {
      if (t.closest('.pacte-live')) continue;
      t.value = round ? (t.dataset.default || t.getAttribute('value') || '3') : 'abc';
      fire(t, 'input'); fire(t, 'change');
    }
    for (const t of scope.querySelectorAll('textarea')) { t.value = 'Une réponse de test.'; fire(t, 'input'); }
    for (const s of scope.querySelectorAll('select')) {
      if (s.options.length > 1) { s.selectedIndex = (s.selectedIndex + 1) % s.options.length; fire(s, 'change'); fire(s, 'input'); }
    }
  };
  for (const root of document.querySelectorAll('.pacte-widget-root')) {
    if (root.closest('[data-pacte-module=chart]')) {
      for (const d of root.querySelectorAll('details')) d.open = true;
      answer(root);
      continue;
    }
    if (root.querySelector('.pacte-case')) {
      for (let i = 0; i < 12 && root.querySelector('.pacte-case-form'); i++) {
        const form = root.querySelector('.pacte-case-form');
        const radios = form.querySelectorAll('input[type=radio]');
        radios[Math.min(round, radios.length - 1)].click();
        form.requestSubmit();
        await pause();
      }
      continue;
    }
    answer(root);
    for (const form of root.querySelectorAll('form')) {
      if (form.closest('.pacte-live')) continue;
      const submit = form.querySelector('button[type=submit], button:not([type])');
      if (submit && !skip.test(submit.textContent)) { form.requestSubmit(submit); await pause(); }
    }
    for (const b of root.querySelectorAll('button')) {
      if (b.type === 'submit' || b.disabled || skip.test(b.textContent) || b.dataset.download || b.closest('form')?.querySelector('button[type=submit]') === b) continue;
      if (b.dataset.action === 'up' || b.dataset.action === 'down' || b.dataset.action === 'reset') continue;
      b.click();
      await pause();
    }
  }
}"""


@pytest.fixture(scope="module")
def widget_pages(built_book) -> dict[str, list[str]]:
    """Each page with widgets, and the widget modules it holds."""
    found = {}
    for rel in built_pages(built_book):
        modules = sorted(
            set(re.findall(r'data-pacte-module="([a-z_]+)"', (built_book / rel).read_text(encoding="utf-8")))
        )
        if modules:
            found[rel] = modules
    assert found, "no page with a widget"
    return found


def test_widgets_in_their_feedback_states_pass_axe(browser, book_url, widget_pages):
    context, external = offline_context(browser, 1280)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    bad = {}
    try:
        for rel in widget_pages:
            page.goto(book_url + rel, wait_until="load")
            wait_widgets(page)
            for rnd in (0, 1):
                page.evaluate(DRIVE, rnd)
                page.wait_for_timeout(1100)  # debounced announcements and redraws
                # the widgets only: the rest of the page does not change as one answers (test_a11y_pages audits it)
                violations = run_axe(page, "div.pacte-widget")
                if violations:
                    bad[f"{rel} (round {rnd})"] = violations
    finally:
        context.close()
    assert not bad, "axe-core violations after answering:\n" + "\n".join(f"{k}: {describe(v)}" for k, v in bad.items())
    assert not external, external
    assert not errors, errors


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
