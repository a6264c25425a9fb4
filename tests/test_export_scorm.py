"""``pacte export scorm``: the manifest against the SCORM 1.2 XSDs and the structure the specification requires,
and a SCO launched in Chromium under a real SCORM 1.2 runtime (scorm-again) standing in for the LMS."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import socketserver
import threading
import zipfile
from pathlib import Path

import pytest
from conftest import _QuietHandler, screenshot
from lxml import etree

from pacte.cli import main

VENDOR = Path(__file__).resolve().parent / "vendor"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
DRIVER = b"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:pacte:scorm12">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>"""

LMS_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>LMS de test (scorm-again)</title>
<style>body{margin:0;font:15px sans-serif;display:flex;height:100vh}aside{width:300px;padding:1rem;background:#eef2f6}
iframe{flex:1;border:0;border-left:2px solid #1f5f8b}dt{font-weight:600;margin-top:.5rem}dd{margin:0;word-break:break-all}</style>
<script src="scorm12.min.js"></script>
<script>window.API = new Scorm12API({ autocommit: false, logLevel: 5 }); window.commits = 0;
API.on("LMSCommit", () => { window.commits += 1; });</script></head>
<body><aside><h1>LMS de test</h1><p>Environnement d’exécution SCORM 1.2 (scorm-again) qui tient lieu de plateforme.</p>
<dl id="values"></dl></aside><iframe id="sco" title="Activité SCORM" src="pkg/__SCO__"></iframe>
<script>setInterval(() => { const c = API.cmi.core; document.getElementById("values").innerHTML =
 "<dt>cmi.core.lesson_status</dt><dd>" + c.lesson_status + "</dd><dt>cmi.core.score.raw / min / max</dt><dd>" +
 [c.score.raw, c.score.min, c.score.max].join(" / ") + "</dd><dt>cmi.suspend_data</dt><dd>" +
 API.cmi.suspend_data.replace(/</g, "&lt;").slice(0, 240) + "</dd><dt>LMSCommit</dt><dd>" + window.commits + "</dd>"; }, 200);
</script></body></html>
"""


@pytest.fixture(scope="module")
def package(built_book: Path, tmp_path_factory) -> Path:
    if not (built_book / "_static" / "scorm.js").exists():
        pytest.skip("the built book predates scorm.js: run `pacte build`")
    out = tmp_path_factory.mktemp("scorm") / "pacte-scorm.zip"
    assert main(["export", "scorm", "--site", str(built_book), "--output", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def manifest(package: Path):
    with zipfile.ZipFile(package) as zf:
        return etree.fromstring(zf.read("imsmanifest.xml"))


def test_manifest_is_valid_against_the_scorm_12_schemas(manifest) -> None:
    schema = etree.XMLSchema(etree.fromstring(DRIVER, base_url=str(VENDOR / "scorm12-xsd" / "driver.xsd")))
    assert schema.validate(manifest), schema.error_log


def test_manifest_structure_lists_every_file(package: Path, manifest) -> None:
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    ids = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
    assert len(ids) == len(set(ids)), "identifiers must be unique"
    orgs = manifest.find("cp:organizations", NS)
    assert orgs.find(f"cp:organization[@identifier='{orgs.get('default')}']", NS) is not None
    resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", NS)}
    items = list(manifest.iterfind(".//cp:item", NS))
    refs = [i.get("identifierref") for i in items if i.get("identifierref")]
    assert refs and all(r in resources for r in refs)
    for item in items:
        assert item.findtext("cp:title", namespaces=NS), "every item has a title"
        assert item.get("identifierref") or item.find("cp:item", NS) is not None, "a group item has children"
    scos = [r for r in resources.values() if r.get(f"{{{NS['adlcp']}}}scormtype") == "sco"]
    assert len(scos) == len(refs) and all(r.get("href", "").endswith(".html") for r in scos)
    for r in resources.values():
        for dep in r.iterfind("cp:dependency", NS):
            assert dep.get("identifierref") in resources
    listed = [f.get("href") for f in manifest.iterfind(".//cp:file", NS)]
    with zipfile.ZipFile(package) as zf:
        names = {n for n in zf.namelist() if n != "imsmanifest.xml"}
    assert len(listed) == len(set(listed)) and set(listed) == names
    assert all(r.get("href") in names for r in scos)
    assert any(n.endswith("_static/scorm.js") for n in names) and any(n.endswith("_static/loader.js") for n in names)


def test_only_learning_pages_are_scos_with_the_pass_mark_and_no_source_map(package: Path, manifest) -> None:
    from pacte.export.scorm import PASS_MARK

    resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", NS)}
    scos = {r.get("href"): r for r in resources.values() if r.get(f"{{{NS['adlcp']}}}scormtype") == "sco"}
    assert scos and all(h.startswith("modules/") or h == "book/glossaire.html" for h in scos), sorted(scos)
    assert not any(h.startswith("book/mode-emploi/") for h in scos)
    assert sum(h.startswith("modules/") for h in scos) >= 28
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
        assert not [n for n in names if n.endswith(".map")]
        assert "book/mode-emploi/lms.html" in names, "how-to pages still travel, as files of the shared asset"
        for item in manifest.iterfind(".//cp:item[@identifierref]", NS):
            href = resources[item.get("identifierref")].get("href")
            has_quiz = 'data-pacte-module="quiz"' in zf.read(href).decode("utf-8")
            mastery = item.findtext("adlcp:masteryscore", namespaces=NS)
            assert mastery == (str(PASS_MARK) if has_quiz else None), href


def _quiz_page(root: Path, manifest) -> str:
    for r in manifest.iterfind("cp:resources/cp:resource", NS):
        href = r.get("href")
        if href and 'data-pacte-module="quiz"' in (root / href).read_text(encoding="utf-8"):
            return href
    pytest.skip("no page with a quiz in the built book")


@pytest.fixture(scope="module")
def lms(package: Path, manifest, tmp_path_factory):
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(package) as zf:
        zf.extractall(root / "pkg")
    shutil.copy(VENDOR / "scorm12.min.js", root)
    sco = _quiz_page(root / "pkg", manifest)
    (root / "lms.html").write_text(LMS_PAGE.replace("__SCO__", sco), encoding="utf-8")

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", sco
    server.shutdown()


ANSWER_ALL = """() => {
  // Question 1 of each quiz right, the others with their first choice (or the right number).
  const out = [];
  for (const c of document.querySelectorAll('div.pacte-widget[data-pacte-module="quiz"]')) {
    const bank = JSON.parse(c.querySelector("script[type='application/json']").textContent).bank;
    bank.questions.forEach((q, i) => {
      const form = c.querySelector(`form[data-question="${q.id}"]`);
      if (q.type === "numeric") {
        form.querySelector("input").value = String(q.answer);
      } else {
        const ids = i === 0 ? q.choices.filter((ch) => ch.correct).map((ch) => ch.id) : [q.choices[0].id];
        for (const id of ids) form.querySelector(`input[value="${id}"]`).checked = true;
      }
      form.requestSubmit();
      out.push(form.dataset.status);
    });
  }
  return out;
}"""


@pytest.mark.browser
def test_sco_reports_status_score_and_answers_to_the_lms(offline_page, lms) -> None:
    base, sco = lms
    page = offline_page
    page.goto(base + "lms.html")
    frame = page.frame_locator("#sco")
    frame.locator(".pacte-quiz").first.wait_for()
    page.wait_for_function("() => API.cmi.core.lesson_status === 'incomplete' && window.commits >= 1")
    assert page.evaluate("API.isInitialized()")
    assert page.frames[1].evaluate("document.querySelectorAll('.pacte-launch').length") == 0
    statuses = page.frames[1].evaluate(ANSWER_ALL)
    assert statuses and all(s in ("correct", "incorrect") for s in statuses)
    correct = statuses.count("correct")
    expected = round(100 * correct / len(statuses))
    page.wait_for_function("() => API.cmi.core.lesson_status === 'completed'")
    cmi = page.evaluate(
        "() => ({ raw: API.cmi.core.score.raw, min: API.cmi.core.score.min,"
        " max: API.cmi.core.score.max, suspend: API.cmi.suspend_data, commits: window.commits,"
        " last: API.LMSGetLastError() })"
    )
    assert (float(cmi["raw"]), float(cmi["min"]), float(cmi["max"])) == (expected, 0, 100)
    assert cmi["commits"] >= len(statuses) + 1
    assert len(cmi["suspend"]) <= 4096 and ", " not in cmi["suspend"]
    data = json.loads(cmi["suspend"])
    answers = {k: v for k, v in data["r"].items() if k.startswith("quiz:")}
    assert sum(len(v) for v in answers.values()) == len(statuses)
    page.wait_for_timeout(400)
    screenshot(page, "scorm-lms-stand-in")
    assert page.pacte_log.external == []
    assert page.pacte_log.page_errors == []


@pytest.mark.browser
def test_outside_an_lms_the_page_loads_no_scorm(offline_page, lms) -> None:
    base, sco = lms
    page = offline_page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base + "pkg/" + sco)
    page.locator(".pacte-quiz").first.wait_for()
    page.wait_for_timeout(300)
    assert not any(u.endswith("/scorm.js") for u in requested)
    assert page.evaluate("document.documentElement.dataset.pacteScorm") is None
    assert page.locator(".pacte-launch").count() == 1, "outside an LMS the page is unchanged"
    assert page.locator(".bd-sidebar-primary").count() == 1
    assert page.pacte_log.external == []


def test_suspend_data_stays_within_the_scorm_limit() -> None:
    from node_runner import call_js

    big = {f"sorting:ex{i}@modules/a/b": {"q": "x" * 300} for i in range(20)}
    big["quiz:bank@modules/a/b"] = {"q1": "a"}
    out = call_js("scorm_logic", "writeSuspend", [[big], [{"quiz:b@modules/a/b": {"q": ["a", "b"]}}]])
    assert len(out[0]) <= 4096 and json.loads(out[0])["r"]["quiz:bank@modules/a/b"] == {"q1": "a"}
    assert out[1] == '{"v":2,"r":{"quiz:b@modules/a/b":{"q":["a","b"]}}}'
    assert call_js(
        "scorm_logic",
        "lessonStatus",
        [[0, 0, 0, None], [4, 2, 50, None], [4, 4, 50, None], [4, 4, 50, 80], [4, 4, 100, 80]],
    ) == ["completed", "incomplete", "completed", "failed", "passed"]


def test_suspend_data_of_earlier_packages_is_read_back() -> None:
    from node_runner import call_js

    old = json.dumps({"v": 1, "a": {"quiz:bank": {"q1": "a"}, "sorting:x": {"k": 1}}})
    assert call_js("scorm_logic", "readSuspend", [[old, "modules/a/b"], ["not json", "p"], [None, "p"]]) == [
        {"quiz:bank@modules/a/b": {"q1": "a"}},
        {},
        {},
    ]


def test_the_score_never_drops_below_what_the_lms_holds() -> None:
    from node_runner import call_js

    bank = {
        "id": "b",
        "questions": [
            {
                "id": "q1",
                "type": "single",
                "choices": [{"id": "a", "correct": True, "feedback": "oui"}, {"id": "c", "feedback": "non"}],
            },
            {
                "id": "q2",
                "type": "single",
                "choices": [{"id": "a", "correct": True, "feedback": "oui"}, {"id": "c", "feedback": "non"}],
            },
        ],
    }
    got = call_js(
        "scorm_logic",
        "pageScore",
        [
            [[bank], {"quiz:b@p": {"q1": "a"}}, "p", None],
            [[bank], {"quiz:b@p": {"q1": "c"}}, "p", 50],
            [[bank], {"quiz:b@p": {"q1": "a", "q2": "a"}}, "p", 50],
            [[bank], {}, "p", None],
        ],
    )
    assert [g["raw"] for g in got] == [50, 50, 100, None]


def test_an_interaction_says_what_moodle_records() -> None:
    from node_runner import call_js

    bank = {
        "id": "financement",
        "questions": [
            {
                "id": "aci-point",
                "type": "numeric",
                "answer": 14000,
                "tolerance": 0,
                "feedback": {"correct": "oui", "incorrect": "non"},
            },
            {
                "id": "m",
                "type": "multiple",
                "choices": [
                    {"id": "a", "correct": True, "feedback": "x"},
                    {"id": "b", "correct": True, "feedback": "x"},
                    {"id": "é c", "feedback": "x"},
                ],
            },
        ],
    }
    got = call_js(
        "scorm_logic",
        "interaction",
        [
            [bank, "aci-point", "14 000", 65000, "2026-01-01T09:05:03"],
            [bank, "m", ["a", "é c"], 1000, "2026-01-01T09:05:03"],
            [bank, "m", [], 0, "2026-01-01T09:05:03"],
        ],
    )
    assert dict(got[0]) == {
        "id": "financement.aci-point",
        "type": "numeric",
        "time": "09:05:03",
        "weighting": "1",
        "student_response": "14000",
        "result": "correct",
        "latency": "0000:01:05",
        "correct_responses.0.pattern": "14000",
    }
    assert dict(got[1])["student_response"] == "a,e_́_c" or dict(got[1])["student_response"].startswith("a,e")
    assert dict(got[1])["result"] == "wrong" and dict(got[1])["correct_responses.0.pattern"] == "a,b"
    assert got[2] is None
