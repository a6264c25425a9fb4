"""The one table of live kinds (pacte/live/kind_registry.py): the browser's copy, the schema, the
« kind:ref » helpers, and a French title on every kind's dashboard card."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from node_runner import call_js
from test_live_store import T0, Backend, FakeClock

from pacte.live import spot
from pacte.live.browser_kinds import BROWSER_MODULE, browser_module_text
from pacte.live.catalogue import catalogue
from pacte.live.kind_registry import (
    ANSWER_SCHEMA,
    MODERATED_KINDS,
    REGISTRY,
    browser_table,
    kind_title,
    schema_text,
)
from pacte.live.kinds import document, document_ids
from pacte.live.protocol import KINDS, activity_id, split_activity
from pacte.live.room_kind import ROOM_TITLE
from pacte.live.stage import build_summary

ROOT = Path(__file__).resolve().parents[1]


def test_the_browser_module_is_generated_from_the_registry():
    """After a change to the registry, run ``python -m pacte.live.kind_registry``."""
    assert BROWSER_MODULE.read_text(encoding="utf-8") == browser_module_text(browser_table())
    assert list(KINDS) == list(REGISTRY)


def test_the_schema_pattern_is_generated_from_the_registry():
    text = ANSWER_SCHEMA.read_text(encoding="utf-8")
    assert schema_text(text) == text
    assert schema_text(text.replace("|room|", "|")) == text  # the generator does fill in a missing kind
    schema = json.loads((ROOT / "datasets" / "schemas" / "live_answer.schema.json").read_text(encoding="utf-8"))
    pattern = schema["properties"]["activity"]["pattern"]
    named = re.match(r"^\^\(([a-z_|]+)\):", pattern)
    assert named is not None and named.group(1).split("|") == list(REGISTRY)


def test_the_browser_reads_the_same_kinds_labels_and_moderated_kinds():
    setup = "const kinds = await twin('live_kinds'); const table = () => kinds.LIVE_KINDS;"
    assert call_js("live_protocol", "table", [[]], setup=setup) == [browser_table()]
    assert call_js("live_protocol", "table", [[]], setup="const table = () => m.KINDS;") == [list(REGISTRY)]
    assert MODERATED_KINDS == ("text", "wordcloud", "room")


@pytest.mark.parametrize("activity", ["quiz:banque-1", "case:cas_a", "room:12", "survey:", "sans-deux-points"])
def test_the_activity_key_helpers_are_one_pair_in_python_and_javascript(activity):
    kind, ref = split_activity(activity)
    if ":" in activity:
        assert activity_id(kind, ref) == activity
    assert call_js("live_protocol", "splitActivity", [[activity]]) == [[kind, ref]]
    assert call_js("live_protocol", "activityId", [[kind, ref]]) == [activity_id(kind, ref)]


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_kind_has_french_words(name):
    kind = REGISTRY[name]
    assert kind.name == name
    for text in (kind.label, kind.title):
        assert text and text != name and not re.fullmatch(r"[a-z_]+", text)
        assert "'" not in text


def _catalogued(kind: str) -> tuple[str, str, str]:
    entry = next(a for a in catalogue() if a["kind"] == kind)
    return entry["ref"], entry["question"], entry["title"]


def _example(name: str, store, session_id: str) -> tuple[str, str, str]:
    """``(ref, question, expected French title)`` of one real activity of kind ``name``."""
    if name in ("quiz", "survey", "text", "wordcloud", "scale", "ranking", "case"):
        return _catalogued(name)
    if name == "sorting":
        ex = document("sorting_exercise", document_ids("sorting_exercise")[0]) or {}
        return ex["id"], ex["items"][0]["id"], ex["title"]
    if name == "diagnosis":
        grid = document("diagnosis_grid", document_ids("diagnosis_grid")[0]) or {}
        return grid["id"], grid["statements"][0]["id"], grid["title"]
    if name == "ordering":
        ex = document("ordering_exercise", document_ids("ordering_exercise")[0]) or {}
        return ex["id"], "order", ex["title"]
    if name == "cpts_project":
        project = document("cpts_project", document_ids("cpts_project")[0]) or {}
        return project["id"], "missions", project["title"]
    if name == "profile":
        doc = document("profile_questions", document_ids("profile_questions")[0]) or {}
        return doc["id"], f"MSP-{doc['questions'][0]['id']}", f"{doc['title']} (MSP)"
    if name == "room":
        person = store.add_participant(session_id)
        asked = store.ask_room_question(session_id, person, "Qui coordonne la maison de santé ?")
        return str(asked.id), "answer", ROOM_TITLE
    if name == "spot":
        ref = spot.new_ref()
        spot.register(ref, spot.parse_spot({"kind": "choice", "prompt": "Prêt ?", "choices": ["Oui", "Non"]}))
        return ref, "answer", spot.SPOT_TITLES["choice"]
    raise AssertionError(f"no example activity for the new kind {name!r}: add one here")


@pytest.mark.parametrize("name", list(REGISTRY))
def test_every_kind_card_of_the_dashboard_carries_its_french_title(name, tmp_path):
    store = Backend("sqlite", None, tmp_path).open(FakeClock())
    try:
        session = store.create_session("Titres des cartes")
        ref, question, expected = _example(name, store, session.id)
        store.set_stage(session.id, name, ref, question, "open")
        summary = build_summary(store, session, T0, "http://salle/")
    finally:
        store.close()
    [card] = [a for a in summary["activities"] if (a["kind"], a["ref"]) == (name, ref)]
    assert card["title"] == expected
    assert card["title"] != activity_id(name, ref) and not card["title"].startswith(f"{name}:")


@pytest.mark.parametrize("name", list(REGISTRY))
def test_an_activity_the_course_no_longer_has_is_titled_by_its_kind(name, tmp_path):
    store = Backend("sqlite", None, tmp_path).open(FakeClock())
    try:
        session = store.create_session("Activité disparue")
        store.set_stage(session.id, name, "999999", "answer", "open")
        summary = build_summary(store, session, T0, "http://salle/")
    finally:
        store.close()
    [card] = [a for a in summary["activities"] if a["kind"] == name]
    assert card["title"] == kind_title(name) == REGISTRY[name].title
