"""The trainer's kernel-less dashboard (pacte/live/dashboard/) in headless Chromium against a fake trainer API
(tests/dashboard_fakes.py): sessions, catalogue, stage controls, live panels, projection, print."""

from __future__ import annotations

import pytest
from a11y_support import describe, run_axe
from dashboard_fakes import BASE, CATALOGUE, FakeTrainerApi, summary

pytestmark = pytest.mark.browser
NBSP = "\u00a0"


@pytest.fixture
def dashboard(offline_page):
    """The dashboard at 1280 px over the fake API, with the first session chosen and its summary pushed."""
    page = offline_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    api = FakeTrainerApi()
    api.install(page)
    page.goto(f"{BASE}formateur/")
    page.locator("main[data-ready=true]").wait_for(timeout=20000)
    page.locator("article.activity").first.wait_for(timeout=10000)
    page.pacte_api = api
    return page


def posts(page, tail: str) -> list[dict]:
    return [body for method, path, body in page.pacte_api.calls if method == "POST" and path.endswith(tail)]


def test_the_first_open_session_is_chosen_and_its_live_view_drawn(dashboard):
    page = dashboard
    assert page.locator(".session-choice[aria-current=true]").inner_text() == "K7M2QX34 — Promotion 12"
    assert page.locator("#session-code").inner_text() == "K7M2QX34"
    assert page.locator("#participants").inner_text() == f"3{NBSP}connectés sur 5{NBSP}participants"
    assert page.evaluate("() => window.__sources.map((s) => s.url)") == [f"{BASE}api/live/trainer/sessions/s1/events"]
    assert page.locator("#export-csv").get_attribute("href") == f"{BASE}api/live/trainer/sessions/s1/export.csv"
    # The pushed activity comes first, with its answers count and the right answer marked.
    first = page.locator("article.activity").first
    assert first.get_attribute("data-key") == "quiz:profils-coordination|structure-plus-recente"
    assert "is-current" in first.get_attribute("class")
    assert page.locator("#stage-count").inner_text() == f"3{NBSP}réponses à l’activité en cours"
    correct = first.locator(".bar-row.correct")
    assert correct.get_attribute("data-id") == "cpts" and "bonne réponse" in correct.inner_text()
    assert f"2 (66,7{NBSP}%)" in correct.inner_text()


def test_every_panel_type_is_drawn(dashboard):
    page = dashboard
    words = page.locator("article[data-kind=wordcloud] .word")
    assert words.all_inner_texts() == ["soudée", "bavarde", "<script>alert(1)</script>"]
    assert page.locator("article[data-kind=wordcloud] script").count() == 0
    sizes = [float(s.rstrip("em")) for s in words.evaluate_all("(ws) => ws.map((w) => w.style.fontSize)")]
    assert sizes[0] > sizes[1] > sizes[2]
    assert page.locator("article[data-kind=scale] .mean").inner_text() == f"Moyenne{NBSP}: 3,8"
    ranks = page.locator("article[data-kind=ranking] .bar-row").all_inner_texts()
    assert ranks[0].startswith("1. Le projet de santé") and "rang moyen 1,3" in ranks[0]
    assert ranks[1].startswith("2. La qualité")
    row = page.locator("article[data-kind=survey] .survey-row[data-id=close_knit]")
    assert row.locator(".room-value").inner_text() == f"75{NBSP}%"
    assert row.locator(".survey-value").inner_text() == f"41,6{NBSP}%"
    survey_ns = page.locator("article[data-kind=survey] .survey-ns").inner_text()
    assert survey_ns == f"Salle{NBSP}: 4{NBSP}réponses · Enquête{NBSP}: 214{NBSP}répondants"
    assert page.locator("article[data-kind=survey] .note").inner_text().startswith("Enquête PACTE")


def test_a_word_is_hidden_and_shown_again(dashboard):
    page = dashboard
    cloud = page.locator("article[data-kind=wordcloud]")
    cloud.get_by_role("button", name=f"Masquer «{NBSP}soudée{NBSP}»").click()
    cloud.get_by_role("button", name=f"Afficher «{NBSP}bavarde{NBSP}»").click()
    page.wait_for_function("() => document.getElementById('status').textContent.includes('de nouveau affiché')")
    # The server's next summary redraws the cloud: the focus stays on the word's button, now « Afficher ».
    cloud.get_by_role("button", name=f"Masquer «{NBSP}soudée{NBSP}»").focus()
    new = summary()
    next(a for a in new["activities"] if a["kind"] == "wordcloud")["panel"]["words"][0]["hidden"] = True
    page.evaluate("(s) => window.__emitSummary(s)", new)
    cloud.get_by_role("button", name=f"Afficher «{NBSP}soudée{NBSP}»").wait_for()
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == f"Afficher «{NBSP}soudée{NBSP}»"
    assert posts(page, "/hide") == [
        {"activity": "wordcloud:mot-equipe", "question": "answer", "answer": "soudée", "hidden": True},
        {"activity": "wordcloud:mot-equipe", "question": "answer", "answer": "bavarde", "hidden": False},
    ]


def test_the_catalogue_is_grouped_searchable_and_pushable(dashboard):
    page = dashboard
    headings = page.locator(".catalogue .group h3").all_inner_texts()
    assert headings == ["Le métier de coordinateur (3)", "Dynamiques d’équipe (2)", "Territoires (1)"]
    current = page.locator(".item.is-current")
    assert current.get_attribute("data-key") == "quiz:profils-coordination|structure-plus-recente"
    # Modules fold: only the one holding the current activity is open; a search opens every match.
    assert page.locator(".catalogue details.group[open]").count() == 1
    assert page.locator(".catalogue .item").nth(3).is_hidden()
    page.fill("#catalogue-search", "echelle")
    assert page.locator(".catalogue .item").count() == 1 and page.locator(".catalogue .item").is_visible()
    assert page.locator("#catalogue-count").inner_text() == f"1{NBSP}activité sur 6"
    page.fill("#catalogue-search", "")
    page.locator(".catalogue summary", has_text="Dynamiques").click()
    page.evaluate("(s) => window.__emitSummary(s)", summary("open", current=1))  # redrawn, still unfolded
    page.locator(".item.is-current[data-key='wordcloud:mot-equipe|answer']").wait_for()
    assert page.locator(".catalogue details.group[open]").count() == 2
    page.get_by_role("button", name=f"Pousser «{NBSP}Vos priorités{NBSP}»").click()
    page.wait_for_function("() => document.getElementById('stage-title').textContent === 'Vos priorités'")
    assert posts(page, "/stage")[-1] == {"kind": "ranking", "ref": "priorites", "question": "order", "state": "open"}


def test_stage_controls_close_reveal_next_and_clear(dashboard):
    page = dashboard
    stage = page.locator("#stage")
    page.get_by_role("button", name="Clore les réponses").click()
    page.wait_for_function("() => document.getElementById('stage').dataset.state === 'closed'")
    assert stage.get_by_role("button", name="Clore les réponses").is_disabled()
    assert page.evaluate("() => document.activeElement.textContent") == "Révéler"  # focus not lost
    page.get_by_role("button", name="Révéler").click()
    page.wait_for_function("() => document.getElementById('stage').dataset.state === 'revealed'")
    page.get_by_role("button", name="Activité suivante").click()
    page.wait_for_function("() => document.getElementById('stage-title').textContent === 'Un mot pour votre équipe'")
    # The word cloud is the last activity of its page: no next one (the scale is on another page).
    assert stage.get_by_role("button", name="Activité suivante").is_disabled()
    page.get_by_role("button", name="Effacer l’écran").click()
    page.wait_for_function("() => document.getElementById('stage').dataset.state === 'idle'")
    states = [(b.get("ref"), b["state"]) for b in posts(page, "/stage")]
    assert states == [
        ("profils-coordination", "closed"),
        ("profils-coordination", "revealed"),
        ("mot-equipe", "open"),
        (None, "idle"),
    ]


def test_a_pushed_summary_updates_the_counts(dashboard):
    page = dashboard
    new = summary("open", current=1)
    new["connected"], new["participants"] = 41, 1250
    assert page.evaluate("(s) => window.__emitSummary(s)", new)
    page.wait_for_function("() => document.getElementById('participants').textContent.startsWith('41')")
    assert page.locator("#participants").inner_text() == f"41{NBSP}connectés sur 1{NBSP}250{NBSP}participants"
    assert f"1{NBSP}250{NBSP}participants" in page.locator(".session-list li").first.inner_text()
    assert page.locator("article.activity").first.get_attribute("data-kind") == "wordcloud"


def test_a_refused_stream_is_opened_again(dashboard):
    page = dashboard
    page.evaluate("() => { const s = window.__sources[0]; s.readyState = 2; s.dispatchEvent(new Event('error')); }")
    assert page.locator("#status").inner_text() == "Connexion au serveur perdue, reconnexion en cours…"
    page.wait_for_function("() => window.__sources.length === 2", timeout=10000)
    page.wait_for_function("() => document.getElementById('status').textContent === 'Connexion rétablie.'")
    assert page.evaluate("() => window.__sources[1].url").endswith("/sessions/s1/events")
    assert [p for m, p, _ in page.pacte_api.calls if m == "GET"].count("sessions") == 2


def test_sessions_are_created_closed_and_deleted_with_confirmation(dashboard):
    page = dashboard
    dialogs: list[str] = []

    def on_dialog(d):
        dialogs.append(d.message)
        d.accept()

    page.on("dialog", on_dialog)
    page.fill("#create-title", "Journée régionale")
    page.get_by_role("button", name="Créer la séance").click()
    page.wait_for_function("() => document.body.dataset.session === 'NEW23456'")
    assert posts(page, "sessions") == [{"title": "Journée régionale"}]
    page.get_by_role("button", name="Fermer la séance").click()
    page.wait_for_function("() => document.getElementById('close-session').disabled")
    page.get_by_role("button", name="Supprimer la séance").click()
    page.wait_for_function("() => document.body.dataset.session !== 'NEW23456'")
    # The list is fetched again after the deletion: wait for it rather than for the choice of session.
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.session-choice')].some((e) => e.textContent.includes('NEW23456'))"
    )
    assert [m for m, p, _ in page.pacte_api.calls if p == "sessions/s2"] == ["DELETE"]
    assert dialogs[0].startswith(f"Fermer la séance «{NBSP}Journée régionale{NBSP}»{NBSP}?")
    assert dialogs[1].startswith(f"Supprimer la séance «{NBSP}Journée régionale{NBSP}» et toutes ses réponses{NBSP}?")
    assert page.locator(".session-choice").all_inner_texts() == [
        "K7M2QX34 — Promotion 12",
        "ABCDEFGH — Ancienne séance (fermée)",
    ]


def test_a_refused_action_says_why_in_french(dashboard):
    page = dashboard
    page.route(
        f"{BASE}api/live/trainer/sessions/s1/stage",
        lambda r: r.fulfill(
            status=409, content_type="application/json", body='{"ok": false, "error": "Séance fermée."}'
        ),
    )
    page.get_by_role("button", name="Clore les réponses").click()
    page.wait_for_function("() => document.getElementById('status').textContent === 'Séance fermée.'")
    assert "is-error" in page.locator("#status").get_attribute("class")


def test_screen_passes_axe_and_loads_nothing_from_elsewhere(dashboard):
    page = dashboard
    page.screenshot(path="/tmp/dashboard-1280.png", full_page=True)
    violations = run_axe(page)
    assert violations == [], describe(violations)
    assert page.pacte_log.external == [] and page.pacte_log.page_errors == []
    assert page.pacte_log.console_errors == []


def test_projection_shows_the_current_activity_code_and_qr(dashboard):
    page = dashboard
    page.get_by_role("button", name="Mode projection").click()
    projection = page.locator("#projection")
    projection.wait_for(state="visible")
    assert "projection=1" in page.url
    assert page.locator(".layout").is_hidden() and page.locator(".top").is_hidden()
    assert page.locator("#projection-code").inner_text() == "K7M2QX34"
    qr = page.locator("#projection-qr svg")
    assert qr.get_attribute("aria-label") == f"QR code du lien {BASE}direct.html?seance=K7M2QX34"
    assert qr.bounding_box()["width"] >= 250
    assert projection.locator(".projection-head h2").inner_text() == CATALOGUE[0]["title"]
    assert projection.locator(".panel").count() == 1
    assert projection.locator(".bar-row.correct").count() == 0  # the right answer waits for the reveal
    font = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('#projection .projection-head h2')).fontSize)"
    )
    assert font >= 40
    page.screenshot(path="/tmp/dashboard-projection.png")
    revealed = summary("revealed")
    page.evaluate("(s) => window.__emitSummary(s)", revealed)
    projection.locator(".bar-row.correct").wait_for()
    page.get_by_role("button", name="Résultats seuls").click()  # axe sees the pressed button too
    page.locator(".projection-join").wait_for(state="hidden")
    violations = run_axe(page, "#projection")
    assert violations == [], describe(violations)
    page.keyboard.press("Escape")
    page.locator(".layout").wait_for(state="visible")
    assert "projection" not in page.url


def test_projection_is_opened_by_the_address(offline_page):
    page = offline_page
    page.set_viewport_size({"width": 1280, "height": 800})
    FakeTrainerApi().install(page)
    page.goto(f"{BASE}formateur/?projection=1")
    page.locator("#projection-qr svg").wait_for(timeout=20000)
    assert page.locator(".layout").is_hidden()


def test_print_gives_every_activity_without_controls(dashboard):
    page = dashboard
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#print-date").inner_text().startswith("Résumé imprimé le ")
    assert page.locator(".catalogue").is_hidden() and page.locator(".stage-actions").is_hidden()
    assert page.locator(".word-toggle").first.is_hidden()
    assert page.locator("article.activity").count() == len(CATALOGUE)
    assert all(page.locator("article.activity").nth(i).is_visible() for i in range(len(CATALOGUE)))
    page.screenshot(path="/tmp/dashboard-print.png", full_page=True)
