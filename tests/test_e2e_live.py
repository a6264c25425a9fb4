"""A live session in headless Chromium: two trainees answer, the trainer's dashboard (/formateur/) shows it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from conftest import TRAINER_TOKEN, screenshot
from dashboard_driver import new_session, push

pytestmark = pytest.mark.browser

SURVEY = "modules/metier/qui-sont-les-coordinateurs.html"
DASHBOARD = "formateur/"
NBSP = "\u00a0"


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


def _trainees(browser, pacte_server, code: str) -> None:
    """Two trainee browsers join and answer the quiz question; the second also sends an open text."""
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


def test_two_trainees_answer_and_the_dashboard_shows_both(browser, offline_page, pacte_server):
    trainer = offline_page
    trainer.goto(f"{pacte_server}{DASHBOARD}?token={TRAINER_TOKEN}")
    trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
    assert TRAINER_TOKEN not in trainer.url
    code = new_session(trainer, "Promotion test")
    trainer.locator("#join-link").wait_for(timeout=10000)
    trainer.wait_for_function("() => document.getElementById('join-link').textContent.includes('seance=')")
    assert trainer.locator("#join-link").inner_text().endswith(f"seance={code}")

    _trainees(browser, pacte_server, code)

    # The summary reaches the page through the trainer's event stream: no reload.
    quiz = trainer.locator("article.activity[data-key='quiz:profils-coordination|structure-plus-recente']")
    quiz.and_(trainer.locator("[data-answers='2']")).wait_for(timeout=15000)
    assert quiz.locator(".bar-row[data-id=cpts]").get_attribute("data-count") == "1"
    assert quiz.locator(".bar-row[data-id=msp]").get_attribute("data-count") == "1"
    assert trainer.locator("#participants").inner_text().endswith(f"sur 2{NBSP}participants")
    text = trainer.locator("article.activity[data-key='text:mot-equipe|answer'] .word")
    text.first.wait_for(timeout=10000)
    assert text.first.inner_text() == "<script>alert('x')</script> soudée"
    assert trainer.locator("article.activity script").count() == 0
    screenshot(trainer, "formateur-tableau-de-bord")

    # Hide the text from the room, then export: the CSV keeps it, marked hidden.
    cloud = trainer.locator("article.activity[data-key='text:mot-equipe|answer']")
    with trainer.expect_response(lambda r: r.url.endswith("/hide")) as hidden:
        cloud.locator("button.word-toggle").first.click()
    assert hidden.value.status == 200
    cloud.locator(".word-item.is-hidden").wait_for(timeout=10000)
    href = trainer.locator("#export-csv").get_attribute("href")
    csv_text = trainer.evaluate("(u) => fetch(u, {credentials: 'same-origin'}).then((r) => r.text())", href)
    lines = csv_text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Tour;Date et heure (Paris);Participant;Activité;Question;Réponse;")
    assert any(line.endswith(";quiz:profils-coordination;structure-plus-recente;cpts") for line in lines)
    assert any("soudée" in line and ";;oui;" in line for line in lines)  # no right answer, hidden
    assert trainer.pacte_log.external == [] and trainer.pacte_log.page_errors == []


def test_the_trainer_pushes_closes_reveals_and_projects(offline_page, pacte_server):
    trainer = offline_page
    trainer.goto(f"{pacte_server}{DASHBOARD}?token={TRAINER_TOKEN}")
    trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
    code = new_session(trainer, "Séance menée")
    key = "quiz:profils-coordination|structure-plus-recente"
    trainer.fill("#catalogue-search", "profils-coordination structure-plus-recente")
    item = trainer.locator(f".catalogue .item[data-key='{key}']")
    item.get_by_role("button").click()
    stage = trainer.locator("#stage")
    trainer.wait_for_function("() => document.getElementById('stage').dataset.state === 'open'", timeout=15000)
    item.and_(trainer.locator(".is-current")).wait_for(timeout=10000)
    for button, state in (("Clore les réponses", "closed"), ("Révéler", "revealed")):
        stage.get_by_role("button", name=button).click()
        trainer.wait_for_function(f"() => document.getElementById('stage').dataset.state === '{state}'")
    # The server's own view of the stage agrees (what trainees receive).
    stage_json = trainer.evaluate(
        "(c) => fetch(`/api/live/stage?code=${c}`, {credentials: 'omit'}).then((r) => r.json())", code
    )
    assert stage_json["stage"]["state"] == "revealed"
    assert stage_json["stage"]["activity"]["question"] == "structure-plus-recente"
    trainer.get_by_role("button", name="Mode projection").click()
    trainer.locator("#projection-qr svg").wait_for(timeout=10000)
    assert trainer.locator("#projection-code").inner_text() == code
    assert trainer.locator("#projection-url").inner_text().endswith(f"direct.html?seance={code}")
    screenshot(trainer, "formateur-projection")
    trainer.keyboard.press("Escape")
    stage.get_by_role("button", name="Effacer l’écran").click()
    trainer.wait_for_function("() => document.getElementById('stage').dataset.state === 'idle'")
    assert trainer.pacte_log.external == [] and trainer.pacte_log.page_errors == []
    assert trainer.pacte_log.console_errors == []


def _post(base: str, path: str, body: dict) -> tuple[int, dict]:
    """A trainee's request (no cookie), as live_client.js sends it."""
    req = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def _join(base: str, code: str) -> str:
    status, body = _post(base, "api/live/join", {"code": code})
    assert status == 201, body
    return body["participant"]


def test_word_cloud_and_room_versus_survey_are_drawn_from_the_server(offline_page, pacte_server):
    trainer = offline_page
    trainer.goto(f"{pacte_server}{DASHBOARD}?token={TRAINER_TOKEN}")
    trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
    code = new_session(trainer, "Nuage et enquête")
    people = [_join(pacte_server, code) for _ in range(3)]

    cloud_key = "wordcloud:coordination-un-mot|answer"
    push(trainer, cloud_key)
    for who, word in zip(people, ["confiance", "Confiance", "<b>chef</b>"], strict=True):
        answer = {"code": code, "participant": who, "activity": "wordcloud:coordination-un-mot", "question": "answer"}
        assert _post(pacte_server, "api/live/answer", {**answer, "answer": word})[0] == 201
    cloud = trainer.locator(f"article.activity[data-key='{cloud_key}']")
    cloud.and_(trainer.locator("[data-answers='3']")).wait_for(timeout=15000)
    words = cloud.locator(".word")
    assert words.all_inner_texts()[1] == "<b>chef</b>" and cloud.locator("b").count() == 0
    assert cloud.locator(".word-item").first.get_attribute("data-count") == "2"  # case folded by the server
    cloud.get_by_role("button", name=f"Masquer «{NBSP}<b>chef</b>{NBSP}»").click()
    cloud.locator(".word-item.is-hidden").wait_for(timeout=10000)

    survey_key = "survey:cohesion|all"
    push(trainer, survey_key)
    for who, structure, choice in zip(
        people, ["MSP", "MSP", "CDS"], ["close_knit", "forming", "close_knit"], strict=True
    ):
        body = {"code": code, "participant": who, "activity": "survey:cohesion", "question": structure}
        assert _post(pacte_server, "api/live/answer", {**body, "answer": choice})[0] == 201
    survey = trainer.locator(f"article.activity[data-key='{survey_key}']")
    survey.locator(".survey-group[data-structure=CDS]").wait_for(timeout=15000)
    groups = survey.locator(".survey-group h4").all_inner_texts()
    assert groups[0] == "Toutes structures" and len(groups) == 3
    msp = survey.locator(".survey-group[data-structure=MSP] .survey-row[data-id=close_knit]")
    assert msp.locator(".room-value").inner_text() == f"50{NBSP}%"
    assert survey.locator(".survey-ns").first.inner_text().startswith(f"Salle{NBSP}: 3{NBSP}réponses · Enquête{NBSP}: ")
    survey.scroll_into_view_if_needed()
    trainer.screenshot(path="/tmp/dashboard-real-survey.png", full_page=True)
    assert trainer.pacte_log.external == [] and trainer.pacte_log.page_errors == []


def test_scale_and_ranking_are_drawn_from_the_server(offline_page, pacte_server):
    trainer = offline_page
    trainer.goto(f"{pacte_server}{DASHBOARD}?token={TRAINER_TOKEN}")
    trainer.locator("main[data-ready=true]").wait_for(timeout=60000)
    code = new_session(trainer, "Échelle et classement")
    people = [_join(pacte_server, code) for _ in range(2)]
    activities = trainer.evaluate("() => fetch('/api/live/trainer/catalogue').then((r) => r.json())")["activities"]
    for kind in ("scale", "ranking"):
        a = next(a for a in activities if a["kind"] == kind)
        key = f"{kind}:{a['ref']}|{a['question']}"
        push(trainer, key)
        with urllib.request.urlopen(f"{pacte_server}api/live/stage?code={code}", timeout=30) as resp:
            view = json.loads(resp.read())["stage"]["activity"]["input"]
        if kind == "scale":
            answers = [view["max"], view["max"] - 1]
        else:
            ids = [i["id"] for i in view["items"]]
            answers = [ids, ids[::-1]]
        for who, answer in zip(people, answers, strict=True):
            body = {"code": code, "participant": who, "activity": f"{kind}:{a['ref']}", "question": a["question"]}
            assert _post(pacte_server, "api/live/answer", {**body, "answer": answer})[0] == 201
        card = trainer.locator(f"article.activity[data-key='{key}']")
        card.and_(trainer.locator("[data-answers='2']")).wait_for(timeout=15000)
        if kind == "scale":
            mean = (view["max"] + view["max"] - 1) / 2
            expected = f"{mean:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            assert card.locator(".mean").inner_text() == f"Moyenne{NBSP}: {expected}"
            assert card.locator(".bar-row").count() == view["max"] - view["min"] + 1
        else:
            rows = card.locator(".bar-row")
            assert rows.count() == len(ids)
            assert all("rang moyen" in t for t in rows.all_inner_texts())
    trainer.screenshot(path="/tmp/dashboard-real-scale-ranking.png", full_page=True)
    assert trainer.pacte_log.page_errors == []
