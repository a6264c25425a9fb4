"""The trainee's screen in a led session, in headless Chromium, at phone and laptop widths.

The built page « Séance en direct » is served by the static server with the
``pacte-live`` marker that ``pacte serve`` adds; the live API is answered by the
test (``page.route``) and the events stream is a fake ``EventSource`` whose
stage events the test pushes, so every input type, state and reveal is checked
without a server. The end-to-end run against ``pacte serve`` is in test_e2e_live*.
"""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest
from a11y_support import describe, run_axe
from conftest import log_external

pytestmark = pytest.mark.browser

PAGE = "book/direct.html"
SESSION = {"code": "K7M2QX34", "title": "Promotion test", "open": True}
PARTICIPANT = "p-0123456789abcdef"
LIVE_META = '<meta name="pacte-live" content="/api/live/">'

FAKE_EVENT_SOURCE = """
(() => {
  window.__es = [];
  class FakeEventSource extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.readyState = 0;
      window.__es.push(this);
      setTimeout(() => { if (this.readyState === 0) { this.readyState = 1; this.dispatchEvent(new Event("open")); } }, 0);
    }
    close() { this.readyState = 2; }
  }
  FakeEventSource.CONNECTING = 0; FakeEventSource.OPEN = 1; FakeEventSource.CLOSED = 2;
  window.EventSource = FakeEventSource;
  const last = () => window.__es.filter((e) => e.readyState !== 2).at(-1);
  window.__push = (stage) => { last().readyState = 1; last().dispatchEvent(new MessageEvent("stage", { data: JSON.stringify(stage) })); };
  window.__fail = (closed) => { const es = window.__es.at(-1); es.readyState = closed ? 2 : 0; es.dispatchEvent(new Event("error")); };
})();
"""

QUIZ = {
    "kind": "quiz",
    "ref": "metier",
    "question": "q1",
    "title": "Le métier de coordinateur",
    "prompt": "Quelle structure est la plus récente ?",
    "help": "Une seule réponse.",
    "input": {
        "type": "choice",
        "multiple": False,
        "choices": [{"id": "a", "label": "La maison de santé"}, {"id": "b", "label": "La CPTS"}],
    },
}
CLOUD = {
    "kind": "wordcloud",
    "ref": "un-mot",
    "question": "answer",
    "title": "Nuage de mots",
    "prompt": "En un mot : une équipe qui coopère, c’est…",
    "help": "",
    "input": {"type": "text", "max_length": 60},
}
SCALE = {
    "kind": "scale",
    "ref": "accord",
    "question": "answer",
    "title": "Êtes-vous d’accord ?",
    "prompt": "La coordination est un métier à part entière.",
    "help": "",
    "input": {
        "type": "scale",
        "min": 1,
        "max": 5,
        "labels": {"1": "Pas du tout d’accord", "5": "Tout à fait d’accord"},
    },
}
RANKING = {
    "kind": "ranking",
    "ref": "priorites",
    "question": "order",
    "title": "Vos priorités",
    "prompt": "Classez ces missions.",
    "help": "",
    "input": {
        "type": "ranking",
        "items": [
            {"id": "x", "label": "Animer l’équipe"},
            {"id": "y", "label": "Gérer le budget"},
            {"id": "z", "label": "Parler aux élus"},
        ],
    },
}
SURVEY = {
    "kind": "survey",
    "ref": "structure-plus-recente",
    "question": "answer",
    "title": "La salle face à l’enquête",
    "prompt": "Votre structure a-t-elle un projet de santé ?",
    "help": "",
    "input": {
        "type": "survey",
        "multiple": False,
        "structures": [
            {"id": "MSP", "label": "MSP"},
            {"id": "CDS", "label": "Centre de santé"},
            {"id": "CPTS", "label": "CPTS"},
        ],
        "choices": [{"id": "oui", "label": "Oui"}, {"id": "non", "label": "Non"}],
    },
}
REVEAL = {
    "correct": ["b"],
    "explanation": "Les CPTS datent de la loi de 2016.",
    "source": "Schweyer, 2025",
    "panel": {
        "type": "bars",
        "respondents": 1320,
        "rows": [
            {"id": "a", "label": "La maison de santé", "count": 320, "percent": 24.2, "correct": False},
            {"id": "b", "label": "La CPTS", "count": 1000, "percent": 75.8, "correct": True},
        ],
    },
}


def stage(seq, activity=None, state="open", reveal=None):
    return {
        "seq": seq,
        "session": SESSION,
        "state": state if activity else "idle",
        "activity": activity,
        "reveal": reveal,
    }


class FakeApi:
    """The live API as the test answers it: what was posted, and the status of ``stage``."""

    def __init__(self) -> None:
        self.answers: list[dict] = []
        self.stage_status = 200
        self.answer_status = 201
        self.current: dict = stage(1)

    def handle(self, route) -> None:
        path = urlparse(route.request.url).path.rsplit("/", 1)[-1]
        if path == "status":
            return route.fulfill(status=200, json={"ok": True})
        if path == "join":
            body = {"ok": True, "code": SESSION["code"], "title": SESSION["title"], "participant": PARTICIPANT}
            return route.fulfill(status=201, json=body)
        if path == "answer":
            self.answers.append(json.loads(route.request.post_data or "{}"))
            if self.answer_status == 409:
                error = {"ok": False, "error": "Les réponses sont closes pour cette activité."}
                return route.fulfill(status=409, json=error)
            return route.fulfill(status=201, json={"ok": True})
        if path == "stage":
            body = (
                {"ok": True, "stage": self.current}
                if self.stage_status == 200
                else {"ok": False, "error": "Séance close."}
            )
            return route.fulfill(status=self.stage_status, json=body)
        return route.fulfill(status=404, json={"ok": False, "error": "Inconnu."})


@pytest.fixture(params=[360, 1280], ids=["phone", "laptop"])
def room(request, browser, built_book, book_url):
    """The page « Séance en direct » joined through ``?seance=``, with a fake API and events stream."""
    yield from open_room(browser, built_book, book_url, PAGE, request.param)


def open_room(browser, built_book, book_url, path: str, width: int):
    """A page of the book served live (the marker of ``pacte serve``) and joined, with a fake API and stream."""
    if not (built_book / path).exists():
        pytest.skip(f"{path} is not in this build")
    viewport = {"width": width, "height": 900 if width < 500 else 1000}
    context = browser.pacte_tabs.context(viewport, locale="fr-FR", has_touch=width < 500)  # tests/browser_tabs.py
    context.add_init_script(FAKE_EVENT_SOURCE)
    page = context.new_page()
    api = FakeApi()
    errors: list[str] = []
    external: list[str] = []

    def with_marker(r):
        response = r.fetch()
        body = response.text().replace("<head>", "<head>" + LIVE_META, 1)
        r.fulfill(response=response, body=body)

    log_external(page, external)
    page.route("**/" + path + "*", with_marker)
    page.route("**/api/live/**", api.handle)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{book_url}{path}?seance=k7m2qx")
    page.locator(".pacte-live[data-joined=true]").wait_for(timeout=20000)
    page.wait_for_function("window.__es.length === 1")
    yield page, api, width
    # The browser logs the 409 and 410 the test answers; nothing else may be logged.
    assert external == [] and [e for e in errors if "status of 410" not in e and "status of 409" not in e] == []
    context.close()


def push(page, s) -> None:
    page.evaluate("(s) => window.__push(s)", s)
    page.locator(f".pacte-live-room[data-seq='{s['seq']}']").wait_for(timeout=5000)


def send(page, api, count: int) -> dict:
    page.locator(".pacte-live-send").click()
    page.wait_for_function(
        "document.querySelector('.pacte-live-answer .pacte-live-room-status').textContent.startsWith('Réponse envoyée')"
    )
    assert len(api.answers) == count
    return api.answers[-1]


def shot(page, width: int, name: str) -> None:
    page.locator(".pacte-live").screenshot(path=f"/tmp/trainee-{name}-{width}.png")


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.evaluate(
        "(() => { const b = document.querySelector('.pacte-live'); return b.scrollWidth <= b.clientWidth; })()"
    )


def test_the_events_stream_names_the_session_and_the_participant(room):
    page, _, _ = room
    assert page.locator(".pacte-live-slot > .pacte-live.pacte-live-page").count() == 1  # the box is the page
    url = page.evaluate("window.__es[0].url")
    assert url.endswith(f"/api/live/events?code={SESSION['code']}&participant={PARTICIPANT}")
    push(page, stage(1))
    assert page.locator(".pacte-live-room-status").inner_text() == "En attente de la prochaine activité du formateur."
    page.screenshot(path=f"/tmp/trainee-page-{room[2]}.png")


def test_a_quiz_is_answered_closed_and_revealed(room):
    page, api, width = room
    push(page, stage(2, QUIZ))
    assert page.locator(".pacte-live-title").text_content() == QUIZ["title"]
    assert page.locator(".pacte-live-prompt").inner_text() == "Quelle structure est la plus récente\u202f?"
    page.locator(".pacte-live-option", has_text="La CPTS").click()
    shot(page, width, "quiz-open")
    answer = send(page, api, 1)
    assert answer == {
        "code": "K7M2QX34",
        "participant": PARTICIPANT,
        "activity": "quiz:metier",
        "question": "q1",
        "answer": "b",
    }
    assert page.locator(".pacte-live-send").inner_text() == "Modifier ma réponse"
    for option in page.locator(".pacte-live-option").all():
        assert option.bounding_box()["height"] >= 44
    no_sideways_scroll(page)

    push(page, stage(3, QUIZ, "closed"))
    assert page.locator(".pacte-live-fields").get_attribute("disabled") == ""
    assert page.locator("input[value=b]").is_disabled()
    assert page.locator("input[value=b]").is_checked()  # the answer stays on screen
    assert page.locator(".pacte-live-answer .pacte-live-room-status").inner_text() == "Les réponses sont closes."
    assert page.locator(".pacte-live-send").is_hidden()

    push(page, stage(4, QUIZ, "revealed", REVEAL))
    right = page.locator(".pacte-live-option.pacte-live-correct")
    assert right.count() == 1 and "La CPTS" in right.inner_text() and "Bonne réponse" in right.inner_text()
    reveal = page.locator(".pacte-live-reveal")
    assert reveal.locator(".pacte-live-verdict.pacte-live-right").inner_text() == "Bonne réponse."
    assert reveal.locator(".pacte-live-explanation").inner_text() == REVEAL["explanation"]
    assert reveal.locator(".pacte-live-source").inner_text() == "Source\u00a0: Schweyer, 2025"
    results = reveal.locator(".pacte-live-results[data-panel=bars]")
    assert "1\u00a0320\u00a0réponses" in results.inner_text()
    assert "75,8\u00a0% (1\u00a0000)" in results.inner_text()
    no_sideways_scroll(page)
    shot(page, width, "quiz-revealed")
    violations = run_axe(page, ".pacte-live")
    assert violations == [], describe(violations)

    # The same seq again draws nothing new; idle clears the activity.
    page.evaluate("(s) => window.__push(s)", stage(4, QUIZ, "open"))
    assert page.locator(".pacte-live-reveal").count() == 1
    push(page, stage(5))
    assert page.locator(".pacte-live-answer").count() == 0


def test_a_word_cloud_keeps_what_was_typed_when_the_activity_is_sent_again(room):
    page, api, width = room
    push(page, stage(2, CLOUD))
    field = page.locator(".pacte-live-answer input[type=text]")
    field.fill("soudée")
    assert page.locator(".pacte-live-counter").inner_text() == "6\u00a0caractères sur 60"
    assert field.get_attribute("maxlength") == "60"
    shot(page, width, "wordcloud")
    push(page, stage(3, CLOUD, "open"))  # re-sent (e.g. another trainee's reconnection): the text stays
    assert page.locator(".pacte-live-answer input[type=text]").input_value() == "soudée"
    assert send(page, api, 1)["answer"] == "soudée"
    push(page, stage(4, CLOUD, "closed"))
    assert page.locator(".pacte-live-answer input[type=text]").input_value() == "soudée"
    words = {
        "type": "words",
        "words": [{"text": "soudée", "count": 3, "hidden": False}, {"text": "caché", "count": 9, "hidden": True}],
    }
    push(page, stage(5, CLOUD, "revealed", {"correct": [], "explanation": "", "source": "", "panel": words}))
    text = page.locator(".pacte-live-words").inner_text()
    assert "soudée" in text and "caché" not in text


def test_a_scale_and_a_ranking_by_touch_and_keyboard(room):
    page, api, width = room
    push(page, stage(2, SCALE))
    steps = page.locator(".pacte-live-step")
    assert steps.count() == 5 and "Pas du tout d’accord" in steps.nth(0).inner_text()
    for step in steps.all():
        box = step.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    steps.nth(3).click()
    shot(page, width, "scale")
    assert send(page, api, 1)["answer"] == 4

    push(page, stage(3, RANKING))
    page.get_by_role("button", name="Descendre «\u00a0Animer l’équipe\u00a0»").click()
    ids = page.locator(".pacte-live-rank-item").evaluate_all("(li) => li.map((x) => x.dataset.id)")
    assert ids == ["y", "x", "z"]
    # Keyboard: the focus follows the moved item, Enter moves it again.
    page.keyboard.press("Enter")
    ids = page.locator(".pacte-live-rank-item").evaluate_all("(li) => li.map((x) => x.dataset.id)")
    assert ids == ["y", "z", "x"]
    for button in page.locator(".pacte-live-move").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
    no_sideways_scroll(page)
    shot(page, width, "ranking")
    violations = run_axe(page, ".pacte-live")
    assert violations == [], describe(violations)
    answer = send(page, api, 2)
    assert (answer["activity"], answer["question"], answer["answer"]) == ("ranking:priorites", "order", ["y", "z", "x"])


def test_a_survey_asks_the_structure_first_and_shows_the_room_beside_the_survey(room):
    page, api, width = room
    push(page, stage(2, SURVEY))
    page.locator(".pacte-live-option", has_text="Oui").click()
    page.locator(".pacte-live-send").click()
    assert (
        page.locator(".pacte-live-answer .pacte-live-room-status").inner_text() == "Indiquez d’abord où vous exercez."
    )
    assert api.answers == []
    page.locator(".pacte-live-structures .pacte-live-option", has_text="Centre de santé").click()
    answer = send(page, api, 1)
    assert (answer["activity"], answer["question"], answer["answer"]) == ("survey:structure-plus-recente", "CDS", "oui")
    panel = {
        "type": "room_vs_survey",
        "respondents": 3,
        "survey_n": 521,
        "survey_note": "Enquête PACTE, 521 apprenants (Schweyer, 2025)",
        "rows": [{"id": "oui", "label": "Oui", "room_percent": 66.7, "survey_percent": 80}],
    }
    push(page, stage(3, SURVEY, "revealed", {"correct": [], "explanation": "", "source": "", "panel": panel}))
    text = page.locator(".pacte-live-results[data-panel=room_vs_survey]").inner_text()
    assert "La salle" in text and "66,7\u00a0%" in text and "Enquête PACTE" in text and "80\u00a0%" in text
    no_sideways_scroll(page)
    shot(page, width, "survey-revealed")
    violations = run_axe(page, ".pacte-live")
    assert violations == [], describe(violations)


def test_a_lost_connection_is_shown_and_a_closed_session_is_left(room):
    page, api, width = room
    push(page, stage(2, QUIZ))
    page.evaluate("window.__fail(false)")  # the stage check answers an older stage: it is not drawn
    banner = page.locator(".pacte-live-connection")
    banner.wait_for(state="visible")
    assert banner.inner_text() == "Connexion perdue, reconnexion…"
    shot(page, width, "lost")
    assert page.locator(".pacte-live-room").get_attribute("data-seq") == "2"
    api.current = stage(3, CLOUD)
    page.evaluate("window.__fail(false)")  # a newer one is drawn even before the stream is back
    page.locator(".pacte-live-room[data-seq='3'] .pacte-live-answer[data-type=text]").wait_for(timeout=5000)
    push(page, stage(4, QUIZ))
    assert banner.is_hidden()
    api.stage_status = 410
    page.evaluate("window.__fail(true)")
    page.locator(".pacte-live-form").wait_for(timeout=5000)
    assert page.locator(".pacte-live-status").inner_text() == "La séance est terminée."
    assert page.evaluate("localStorage.getItem('pacte-live-session')") is None
    assert page.evaluate("window.__es.every((e) => e.readyState === 2)")


def test_a_refused_answer_says_why_and_leaving_closes_the_stream(room):
    page, api, _ = room
    push(page, stage(2, SCALE))
    page.locator(".pacte-live-step").nth(1).click()
    api.answer_status = 409  # the trainer closed answering while the trainee was choosing
    page.locator(".pacte-live-send").click()
    status = page.locator(".pacte-live-answer .pacte-live-room-status.pacte-live-error")
    status.wait_for(timeout=5000)
    assert status.inner_text() == "Les réponses sont closes pour cette activité."
    assert page.locator(".pacte-live-status").inner_text().startswith("Vous participez")
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))  # a mis-tap: the trainee stays
    page.get_by_role("button", name="Quitter la séance").click()
    page.wait_for_function("() => true")
    assert asked and "nouveau participant" in asked[0]
    assert page.locator(".pacte-live-form").count() == 0
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Quitter la séance").click()
    page.locator(".pacte-live-form").wait_for(timeout=5000)
    assert page.evaluate("window.__es.every((e) => e.readyState === 2)")
    assert page.evaluate("localStorage.getItem('pacte-live-session')") is None


@pytest.fixture
def module_room(browser, built_book, book_url):
    """A module page, served live and joined, at phone width."""
    yield from open_room(browser, built_book, book_url, "modules/metier/qui-sont-les-coordinateurs.html", 360)


def test_on_a_module_page_a_new_activity_out_of_sight_is_announced_by_a_button(module_room):
    page, _, _ = module_room
    assert page.locator("article .pacte-live .pacte-live-room").count() == 1  # the box tops the article
    assert page.locator(".pacte-live-slot").count() == 0
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    push(page, stage(2, SCALE))
    notice = page.get_by_role("button", name="Voir la nouvelle activité")
    notice.wait_for(timeout=5000)
    page.screenshot(path="/tmp/trainee-module-notice-360.png")
    notice.click()
    assert notice.count() == 0
    assert page.evaluate("document.activeElement.closest('.pacte-live-activity') !== null")
    top = page.evaluate("document.querySelector('.pacte-live-activity').getBoundingClientRect().top")
    assert 0 <= top < 900


def test_on_a_phone_the_verdict_is_scrolled_into_view_on_reveal(browser, built_book, book_url):
    for page, api, _ in open_room(browser, built_book, book_url, PAGE, 360):
        page.set_viewport_size({"width": 360, "height": 640})
        push(page, stage(2, QUIZ))
        page.locator(".pacte-live-option", has_text="La CPTS").click()
        send(page, api, 1)
        page.evaluate("window.scrollTo(0, 0)")  # the trainee reads the top of the page meanwhile
        push(page, stage(3, QUIZ, "revealed", REVEAL))
        page.wait_for_function(
            "() => { const r = document.querySelector('.pacte-live-verdict').getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= window.innerHeight; }",
            timeout=5000,
        )
