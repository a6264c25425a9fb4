"""The projection a room can read, and the trainee's phone, end to end in Chromium (issue 25, items 4 and 5).

A trainer leads a session from the dashboard against ``pacte serve``; a phone (375×667) takes part.
The projection is looked at in 1280×800 and 1920×1080 for the longest quiz question revealed
(explanation and source shown), the longest case step revealed (each choice's consequence), an open
question (a wall of cards, a hidden answer neither shown nor counted) and the closed session. At
every size and page a script checks that no text runs off the screen or sits under something else
(``elementFromPoint`` on the corners of every line of text; ``scrollWidth ≤ clientWidth``) and that
no text is under 20 px at 1280×800. Screenshots go to ``_build/screenshots/projection-*.png``.
On the phone: the send button is not covered, the verdict comes into view on reveal, and a case's
consequences are a list with the trainee's own choice marked.
"""

from __future__ import annotations

import json
import urllib.request

import pytest
from conftest import TRAINER_TOKEN, offline_context, screenshot
from dashboard_driver import new_session, push, set_state

from pacte.live.catalogue import catalogue
from pacte.live.kind_registry import activity_view, reveal_view
from pacte.live.stage import JOIN_PAGE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZES = [(1280, 800), (1920, 1080)]
OPEN_ANSWERS = ["Du temps dédié à la coordination", "Un annuaire partagé des acteurs", "Nom Prénom à cacher"]

# Problems of the projected view: text off the screen, covered or clipped, blocks wider than their box, small type.
CHECK = """(minPx) => {
  const problems = [];
  const W = innerWidth, H = innerHeight, root = document.getElementById('projection');
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth || doc.scrollHeight > doc.clientHeight) problems.push('the page scrolls');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const name = `«${node.textContent.trim().slice(0, 40)}»`;
    if (parseFloat(getComputedStyle(el).fontSize) < minPx) problems.push(`${name} under ${minPx} px`);
    const block = el.closest('p, li, h2, h4, button, span.bar-label, .pair-line, section');
    if (block && block.scrollWidth > block.clientWidth + 1) problems.push(`${name} wider than its box`);
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      if (r.left < 0 || r.top < 0 || r.right > W || r.bottom > H) { problems.push(`${name} off the screen`); break; }
      const y1 = r.top + r.height * 0.3, y2 = r.bottom - r.height * 0.3;
      const points = [[r.left + 1, y1], [r.right - 1, y1], [r.left + 1, y2], [r.right - 1, y2]];
      const hidden = points.some(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return !hit || !(el.contains(hit) || hit.contains(el));
      });
      if (hidden) { problems.push(`${name} covered or clipped`); break; }
    }
  }
  return problems;
}"""


def _longest(kind: str) -> tuple[str, dict, dict]:
    """The activity of ``kind`` with the most text to show once revealed: (key, view, reveal)."""

    def size(a: dict) -> int:
        view, reveal = (
            activity_view(a["kind"], a["ref"], a["question"]),
            reveal_view(a["kind"], a["ref"], a["question"]),
        )
        choices = sum(len(c["label"]) for c in view["input"].get("choices", []))
        return len(view["prompt"]) + choices + len(reveal["explanation"]) + len(reveal["source"])

    a = max((a for a in catalogue() if a["kind"] == kind), key=size)
    key = f"{kind}:{a['ref']}|{a['question']}"
    return key, activity_view(kind, a["ref"], a["question"]), reveal_view(kind, a["ref"], a["question"])


def _words(text: str) -> str:
    """``text`` with its spaces (breaking or not) and line breaks made one space, to compare what is drawn."""
    return " ".join(text.replace(chr(160), " ").replace(chr(0x202F), " ").split())


def _post(base: str, path: str, body: dict) -> dict:
    """A trainee's request (no cookie), as live_client.js sends it."""
    req = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        assert resp.status == 201
        return json.loads(resp.read())


def _projected(trainer, name: str) -> list[str]:
    """Project at both sizes, check every page by script, save screenshots; return the text seen at each size."""
    trainer.get_by_role("button", name="Mode projection").click()
    activity = trainer.locator("#projection-activity")
    seen: list[str] = []
    title_px = []
    for width, height in SIZES:
        texts = []
        trainer.set_viewport_size({"width": width, "height": height})
        trainer.wait_for_function(f"() => innerWidth === {width}")
        trainer.wait_for_timeout(150)  # the fit follows the resize
        pages = int(activity.get_attribute("data-pages") or "1")
        for page in range(pages):
            if page:
                trainer.keyboard.press("ArrowRight")
                trainer.locator("#projection-page", has_text=f"Page {page + 1} sur {pages}").wait_for()
            problems = trainer.evaluate(CHECK, 20)
            screenshot(trainer, f"projection-{name}-{width}-{page + 1}")
            assert problems == [], f"{name} at {width}×{height}, page {page + 1}: {problems}"
            texts.append(trainer.evaluate(VISIBLE_TEXT))
        assert trainer.locator(".projection-bar").bounding_box()["y"] < activity.bounding_box()["y"]
        seen.append("\n".join(texts))
        title_px.append(
            trainer.evaluate(
                "() => parseFloat(getComputedStyle(document.querySelector('#projection-activity > *')).fontSize)"
            )
        )
    assert title_px[1] > title_px[0] * 1.2, "the type grows with the screen"
    trainer.keyboard.press("Escape")
    trainer.set_viewport_size({"width": 1280, "height": 800})
    return seen


VISIBLE_TEXT = """() => {
  const walker = document.createTreeWalker(document.getElementById('projection-activity'), NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.checkVisibility({ visibilityProperty: true })) out.push(n.textContent);
  }
  return out.join('\\n');
}"""


def _not_covered(page, selector: str) -> bool:
    """True if the centre and the corners of ``selector`` are the element itself (or inside it)."""
    return page.evaluate(
        """(s) => { const el = document.querySelector(s); const r = el.getBoundingClientRect();
        return [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + r.width / 2, r.top + r.height / 2],
                [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]]
          .every(([x, y]) => el.contains(document.elementFromPoint(x, y))); }""",
        selector,
    )


def _send_is_not_covered(phone) -> None:
    """Scroll down, then up until the send button sits where the theme's « Haut de page » pill would show."""
    phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    phone.wait_for_timeout(100)
    phone.evaluate(
        """() => { const r = document.querySelector('.pacte-live-send').getBoundingClientRect();
        window.scrollBy(0, r.top + r.height / 2 - innerHeight * 0.9); }"""
    )
    phone.wait_for_timeout(150)  # the theme shows its pill on a scroll up
    screenshot(phone, "projection-phone-send")
    box = phone.locator(".pacte-live-send").bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 667
    assert _not_covered(phone, ".pacte-live-send")


def test_the_projection_fits_the_screen_and_the_phone_follows(browser, pacte_server):
    quiz_key, quiz, quiz_reveal = _longest("quiz")
    case_key, case, case_reveal = _longest("case")
    text_key = next(f"text:{a['ref']}|{a['question']}" for a in catalogue() if a["kind"] == "text")
    trainer_context, trainer = offline_context(browser, 1280, 800)
    phone_context, phone = offline_context(browser, 375, 667, has_touch=True, is_mobile=True)
    try:
        trainer.goto(f"{pacte_server}formateur/?token={TRAINER_TOKEN}")
        trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
        code = new_session(trainer, "Projection lisible")
        phone.goto(f"{pacte_server}{JOIN_PAGE}?seance={code}")
        phone.locator(".pacte-live-room").wait_for(timeout=30000)

        # The longest quiz question: the phone answers (its button uncovered), the room sees the reveal.
        push(trainer, quiz_key)
        phone.locator(".pacte-live-answer[data-type='choice']").wait_for(timeout=20000)
        right = quiz_reveal["correct"][0]
        phone.locator(f".pacte-live-choices input[value='{right}']").check()
        _send_is_not_covered(phone)
        phone.locator(".pacte-live-send").click()
        phone.locator(".pacte-live-room[data-sent]").wait_for(timeout=10000)
        phone.evaluate("window.scrollTo(0, 0)")  # the trainee reads the top of the page meanwhile
        set_state(trainer, "Révéler", "revealed")
        phone.wait_for_function(
            "() => { const v = document.querySelector('.pacte-live-verdict');"
            " if (!v) return false; const r = v.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
            timeout=10000,
        )
        screenshot(phone, "projection-phone-verdict")
        trainer.locator(".stage-state", has_text="Résultats et bonne réponse révélés").wait_for()
        for seen in _projected(trainer, "quiz"):
            assert _words(quiz["prompt"]) in _words(seen) and _words(quiz_reveal["explanation"]) in _words(seen)
            assert all(_words(c["label"]) in _words(seen) for c in quiz["input"]["choices"])
            assert quiz_reveal["source"] in seen and "✓ bonne réponse" in seen
            assert f"Résultats et bonne réponse révélés · 1{chr(160)}réponse" in seen

        # The longest case step: consequences as a list, the phone's own choice marked; no « bonne réponse ».
        push(trainer, case_key)
        phone.locator(".pacte-live-answer[data-type='choice']").wait_for(timeout=20000)
        mine = case["input"]["choices"][-1]["id"]
        phone.locator(f".pacte-live-choices input[value='{mine}']").check()
        phone.locator(".pacte-live-send").click()
        phone.locator(".pacte-live-room[data-sent]").wait_for(timeout=10000)
        set_state(trainer, "Révéler", "revealed")
        items = phone.locator(".pacte-live-consequences li")
        items.first.wait_for(timeout=10000)
        assert items.count() == len(case_reveal["consequences"])
        assert phone.locator(".pacte-live-consequences li.pacte-live-own").get_attribute("data-id") == mine
        screenshot(phone, "projection-phone-case")
        for seen in _projected(trainer, "case"):
            assert "Résultats et conséquences révélés" in seen and "bonne réponse" not in seen
            assert _words(case["prompt"]) in _words(seen)
            assert all(_words(f"{c['choice']} {c['text']}") in _words(seen) for c in case_reveal["consequences"])

        # An open question: sentences as cards; a hidden answer is neither projected nor counted.
        push(trainer, text_key)
        activity, question = text_key.split("|")
        for sentence in OPEN_ANSWERS:
            who = _post(pacte_server, "api/live/join", {"code": code})["participant"]
            answer = {"code": code, "participant": who, "activity": activity, "question": question, "answer": sentence}
            _post(pacte_server, "api/live/answer", answer)
        card = trainer.locator(f"article.activity[data-key='{text_key}']")
        card.and_(trainer.locator(f"[data-answers='{len(OPEN_ANSWERS)}']")).wait_for(timeout=15000)
        card.get_by_role("button", name=f"Masquer «{chr(160)}{OPEN_ANSWERS[-1]}{chr(160)}»").click()
        card.locator(".word-item.is-hidden").wait_for(timeout=10000)
        for seen in _projected(trainer, "text"):
            assert all(sentence in seen for sentence in OPEN_ANSWERS[:-1]) and OPEN_ANSWERS[-1] not in seen
            assert f"Réponses ouvertes · {len(OPEN_ANSWERS) - 1}{chr(160)}réponses" in seen
        assert trainer.locator("#projection .answer-card").count() == len(OPEN_ANSWERS) - 1
        assert trainer.locator("#projection .words").count() == 0
        # Everyone has joined: the results alone, the code still in a corner for a late comer.
        trainer.get_by_role("button", name="Mode projection").click()
        trainer.get_by_role("button", name="Résultats seuls").click()
        trainer.locator(".projection-join").wait_for(state="hidden")
        assert trainer.locator("#projection-reminder").inner_text() == f"Code{chr(160)}: {code}"
        assert trainer.evaluate(CHECK, 20) == []
        assert trainer.locator("#projection-activity").bounding_box()["width"] > 1100
        screenshot(trainer, "projection-text-results-only-1280")
        trainer.get_by_role("button", name="Résultats seuls").click()
        trainer.locator(".projection-join").wait_for(state="visible")
        trainer.keyboard.press("Escape")

        # The closed session says so, and no longer invites anyone to join.
        trainer.once("dialog", lambda d: d.accept())
        trainer.get_by_role("button", name="Fermer la séance").click()
        trainer.locator("#session-heading", has_text="(fermée)").wait_for(timeout=10000)
        for seen in _projected(trainer, "closed"):
            assert "Séance fermée" in seen and "Réponses ouvertes" not in seen
        assert trainer.locator("#projection-qr svg").count() == 0
        assert trainer.pacte_log.page_errors == [] and trainer.pacte_log.console_errors == []
        assert phone.pacte_log.page_errors == [] and trainer.pacte_log.external == []
    finally:
        trainer_context.close()
        phone_context.close()
