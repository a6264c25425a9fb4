"""Learner progress kept in the browser: record schema, migration, merge, export/import and the
« Mon parcours » summary (widgets/static/progress_logic.js, run through Node)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from node_runner import call_js

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "datasets" / "schemas" / "progress_export.schema.json").read_text(encoding="utf-8"))
QUIZ_SHAPE = {"q1": ["a", "b", "c"], "q2": ["a", "b"], "q3": None}


def js(function: str, *args):
    return call_js("progress_logic", function, [list(args)])[0]


def record(key_ref: str = "bank@modules/x/p", kind: str = "quiz", updated: str = "2026-01-02T10:00:00.000Z", **extra):
    rec = {
        "v": 1,
        "kind": kind,
        "ref": key_ref,
        "page": key_ref.split("@")[-1],
        "title": "Quiz",
        "fingerprint": "00000000",
        "answers": {"q1": "a"},
        "summary": {"done": 1, "total": 3},
        "updated": updated,
    }
    rec.update(extra)
    return rec


def test_page_key_is_the_same_in_the_book_voila_and_jupyterlab():
    paths = [
        "/modules/dynamiques/choc-culturel.html",
        "/voila/render/modules/dynamiques/choc-culturel.ipynb",
        "/user/x/lab/tree/modules/dynamiques/choc-culturel.ipynb",
        "/pacte/modules/dynamiques/choc-culturel.html",
    ]
    assert set(call_js("progress_logic", "pageKey", [[p] for p in paths])) == {"modules/dynamiques/choc-culturel"}
    assert js("pageKey", "/") == "book/intro"
    assert js("pageKey", "/book/mon-parcours.html") == "book/mon-parcours"


def test_fingerprint_is_stable_and_changes_with_the_definition():
    same = call_js("progress_logic", "fingerprint", [[{"b": [1, 2], "a": None}], [{"a": None, "b": [1, 2]}]])
    assert same[0] == same[1] and len(same[0]) == 8
    assert js("fingerprint", QUIZ_SHAPE) != js("fingerprint", {**QUIZ_SHAPE, "q2": ["a"]})


def test_migration_drops_removed_questions_and_choices_and_counts_them():
    answers = {"q1": "c", "q2": ["a", "b"], "q3": "12,5", "gone": "a"}
    assert js("migrateAnswers", answers, QUIZ_SHAPE) == {
        "answers": {"q1": "c", "q2": ["a", "b"], "q3": "12,5"},
        "dropped": 1,
    }
    out = js("migrateAnswers", answers, {"q1": ["a", "b"], "q2": ["a", "b"], "q3": None})
    # q1's choice c was removed, question « gone » was removed: both dropped; a numeric answer is kept
    assert out == {"answers": {"q2": ["a", "b"], "q3": "12,5"}, "dropped": 2}
    # a multiple answer naming a removed choice is dropped whole (a subset is not what the learner chose)
    assert js("migrateAnswers", {"q2": ["a", "b"]}, {"q2": ["a"]}) == {"answers": {}, "dropped": 1}
    # no shape: kept as is; garbage: nothing
    assert js("migrateAnswers", {"path": ["x"]}, None) == {"answers": {"path": ["x"]}, "dropped": 0}
    assert js("migrateAnswers", [1, 2], QUIZ_SHAPE) == {"answers": {}, "dropped": 0}
    assert js("migrateAnswers", "oops", QUIZ_SHAPE) == {"answers": {}, "dropped": 0}


def test_restore_reports_a_changed_definition():
    rec = record(answers={"q1": "a", "old": "b"}, fingerprint=js("fingerprint", {"old": None, **QUIZ_SHAPE}))
    out = js("restoreAnswers", rec, js("fingerprint", QUIZ_SHAPE), QUIZ_SHAPE)
    assert out == {"answers": {"q1": "a"}, "dropped": 1, "changed": True}
    assert js("restoreAnswers", None, "x", QUIZ_SHAPE) == {"answers": {}, "dropped": 0, "changed": False}


def test_parse_record_refuses_what_is_not_a_record():
    good = record()
    assert js("parseRecord", json.dumps(good)) == good
    bad = [
        "{",
        "null",
        "[]",
        json.dumps({**good, "v": 2}),
        json.dumps({**good, "updated": "hier"}),
        json.dumps({**good, "answers": []}),
        json.dumps({**good, "kind": "Quiz!"}),
        "",
    ]
    assert call_js("progress_logic", "parseRecord", [[b] for b in bad]) == [None] * len(bad)


def test_merge_keeps_the_newest_record_of_each_key():
    old = record(updated="2026-01-01T00:00:00.000Z", answers={"q1": "a"})
    new = record(updated="2026-02-01T00:00:00.000Z", answers={"q1": "b"})
    other = record("case@modules/y/z", kind="case", answers={"path": ["c1"]})
    local = {"pacte:v1:quiz:bank@modules/x/p": new}
    incoming = {"pacte:v1:quiz:bank@modules/x/p": old, "pacte:v1:case:case@modules/y/z": other}
    out = js("mergeRecords", local, incoming)
    assert out["merged"]["pacte:v1:quiz:bank@modules/x/p"]["answers"] == {"q1": "b"}
    assert (out["added"], out["replaced"], out["kept"]) == (1, 0, 1)
    out = js("mergeRecords", {"pacte:v1:quiz:bank@modules/x/p": old}, {"pacte:v1:quiz:bank@modules/x/p": new})
    assert out["merged"]["pacte:v1:quiz:bank@modules/x/p"]["answers"] == {"q1": "b"} and out["replaced"] == 1


def test_export_follows_the_documented_schema_and_reads_back():
    records = {
        "pacte:v1:quiz:bank@modules/x/p": record(),
        "pacte:v1:visit:modules/x/p": record("modules/x/p", kind="visit", answers={}, summary={"total": 2}),
    }
    exported = js("buildExport", records, "2026-03-01T12:00:00.000Z")
    jsonschema.validate(exported, SCHEMA)
    assert js("parseExport", json.dumps(exported)) == {"ok": True, "records": records}


def test_a_bad_or_foreign_file_is_refused_with_a_french_message():
    good = js("buildExport", {"pacte:v1:quiz:bank@modules/x/p": record()}, "2026-03-01T12:00:00.000Z")
    cases = {
        "not json": "{pas du json",
        "foreign": json.dumps({"name": "autre chose"}),
        "array": json.dumps([1, 2]),
        "newer": json.dumps({**good, "version": 99}),
        "no records": json.dumps({**good, "records": []}),
        "bad record": json.dumps({**good, "records": {"pacte:v1:quiz:bank@modules/x/p": {"v": 1}}}),
        "key mismatch": json.dumps({**good, "records": {"pacte:v1:quiz:autre@modules/x/p": record()}}),
        "foreign key": json.dumps({**good, "records": {"theme": record()}}),
    }
    out = call_js("progress_logic", "parseExport", [[text] for text in cases.values()])
    for name, result in zip(cases, out, strict=True):
        assert result["ok"] is False, name
        assert "rien n’a été modifié" in result["message"], name
    assert "JSON" in out[0]["message"] and "PACTE" in out[1]["message"] and "version" in out[3]["message"]


def test_course_summary_per_module_page_and_next_step():
    modules = js(
        "courseModules",
        ["book/intro", "modules/a/one", "modules/a/two", "modules/b/three"],
        {"modules/a/one": "Un", "modules/a/two": "Deux", "modules/b/three": "Trois"},
    )
    assert [m["id"] for m in modules] == ["a", "b"] and modules[0]["title"] == "Un"
    records = {
        "pacte:v1:visit:modules/a/one": record(
            "modules/a/one", kind="visit", answers={}, summary={"total": 2}, updated="2026-01-03T00:00:00.000Z"
        ),
        "pacte:v1:quiz:bank@modules/a/one": record(
            "bank@modules/a/one", summary={"done": 3, "total": 3, "correct": 2, "label": "2 sur 3"}
        ),
        "pacte:v1:case:c@modules/a/one": record(
            "c@modules/a/one", kind="case", answers={"path": ["x"]}, summary={"complete": False}
        ),
        "pacte:v1:quiz:empty@modules/a/one": record("empty@modules/a/one", answers={}),
    }
    s = js("summarizeCourse", modules, records)
    assert (s["pagesTotal"], s["pagesVisited"], s["activitiesKnown"], s["activitiesDone"]) == (3, 1, 2, 1)
    one = s["modules"][0]["pages"][0]
    assert one["visited"] and one["done"] == 1 and one["activities"] == 2 and one["last"] == "2026-01-03T00:00:00.000Z"
    assert [r["kind"] for r in one["records"]] == ["quiz", "case"]  # sorted by ref; empty answers are not an activity
    assert s["activitiesStarted"] == 2 and one["started"] == 2
    assert s["next"] == {"page": "modules/a/one", "title": "Un", "reason": "unfinished"}
    records["pacte:v1:case:c@modules/a/one"]["summary"] = {"complete": True}
    s = js("summarizeCourse", modules, records)
    assert s["next"] == {"page": "modules/a/two", "title": "Deux", "reason": "unvisited"}
    assert js("summarizeCourse", modules, {})["next"]["page"] == "modules/a/one"


def test_is_done_from_the_summary():
    assert call_js(
        "progress_logic",
        "isDone",
        [
            [record(summary={"done": 3, "total": 3})],
            [record(summary={"done": 1, "total": 3})],
            [record(summary={"complete": True})],
            [record(summary={})],
        ],
    ) == [True, False, True, True]


def test_widget_modules_with_progress_are_valid_for_anywidget(tmp_path):
    """anywidget gets each module with its imports inlined (widgets/_host.py): it must still parse."""
    import subprocess

    from node_runner import node_binary

    from widgets._host import esm_source

    for module in ("quiz", "diagnosis", "sorting", "branching_case", "aci_simulator", "cpts_funding", "progress_page"):
        path = tmp_path / f"{module}.mjs"
        path.write_text(esm_source(module), encoding="utf-8")
        proc = subprocess.run([node_binary(), "--check", str(path)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, f"{module}: {proc.stderr}"


def test_empty_answers():
    cases = [
        {},
        {"path": []},
        {"structure": None, "hours": {}},
        {"missions": [], "partners": []},
        None,
        [],
        {"q": 0},
        {"hours": {"a": 1}},
        {"q": False},
        {"path": ["x"]},
    ]
    assert call_js("progress_logic", "isEmptyAnswers", [[c] for c in cases]) == [True] * 6 + [False] * 4


def test_course_links_lead_to_the_page_in_the_book_voila_and_jupyterlab():
    cases = [
        (["book/mon-parcours", "/modules/metier/profils.html", None], "/book/mon-parcours.html"),
        (
            ["book/mon-parcours", "/voila/render/_build/voila/modules/metier/profils.ipynb", None],
            "/voila/render/_build/voila/book/mon-parcours.ipynb",
        ),
        # JupyterLab's address bar shows the file browser's folder, not the notebook.
        (
            [
                "modules/panorama/structures",
                "/user/abc/lab/tree/_build/voila/book",
                {"baseUrl": "/user/abc/", "treePath": "_build/voila/book/mon-parcours.ipynb"},
            ],
            "/user/abc/lab/tree/_build/voila/modules/panorama/structures.ipynb",
        ),
    ]
    assert call_js("progress_logic", "courseUrl", [args for args, _ in cases]) == [url for _, url in cases]
