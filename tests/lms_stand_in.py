"""An LMS around the exported SCORM package, for tests/test_scorm_lms.py.

The LMS's database is :attr:`Lms.records` here ((learner, SCO) → the SCORM elements last stored); each launch
opens ``lms.html``, which builds a fresh SCORM 1.2 API object seeded with that learner's record (as an LMS
does on every launch), wraps it to log every call, and shows the SCO in an iframe, same origin as the LMS.

Two runtimes give the API object:

* ``scorm-again`` (npm, vendored under tests/vendor): always;
* ``moodle``: Moodle's own ``mod/scorm/datamodels/scorm_12.js``, read from the Moodle source tree named by
  ``PACTE_MOODLE_SRC`` (a checkout of the public moodle/moodle repository). Moodle's code is GPL and is not
  committed here; :data:`MOODLE_STUBS` (older ``scorm_12.js``, reading globals) or :data:`MOODLE_INIT_STUBS`
  (current one, built by ``M.scorm_api.init``) stand in for what its PHP page (``scorm_12.php``) gives it and
  for the request that stores the data (``DoRequest`` → ``datamodel.php``): what Moodle would POST is decoded
  into the record, as its server would store it.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socketserver
import threading
import time
import urllib.parse
import zipfile
from pathlib import Path
from typing import Any

from conftest import _QuietHandler
from lxml import etree

VENDOR = Path(__file__).resolve().parent / "vendor"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
MOODLE_RUNTIME = "mod/scorm/datamodels/scorm_12.js"


def moodle_source() -> Path | None:
    """Moodle's ``scorm_12.js`` under ``PACTE_MOODLE_SRC``, if that variable names a Moodle source tree."""
    root = os.environ.get("PACTE_MOODLE_SRC")
    if not root:
        return None
    path = Path(root) / MOODLE_RUNTIME
    if not path.exists():
        raise FileNotFoundError(f"PACTE_MOODLE_SRC={root} has no {MOODLE_RUNTIME}")
    return path


def runtimes() -> list[str]:
    """The SCORM 1.2 runtimes the scenarios run under."""
    return ["scorm-again"] + (["moodle"] if moodle_source() else [])


LMS_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>LMS de test</title>
<style>body{margin:0;height:100vh;display:flex}iframe{flex:1;border:0}</style>
<script>window.LMS_RECORD = JSON.parse(decodeURIComponent(location.hash.slice(1) || "%7B%7D"));</script>
__RUNTIME__
<script>
window.API = makeApi(window.LMS_RECORD);
window.lmsLog = [];
window.committed = {};
const pending = {};
for (const name of ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"]) {
  const original = API[name];
  API[name] = function (...args) {
    const result = String(original.apply(API, args));
    lmsLog.push([name, args, result]);
    if (name === "LMSSetValue" && result === "true") pending[args[0]] = String(args[1]);
    if ((name === "LMSCommit" || name === "LMSFinish") && result === "true") Object.assign(committed, pending);
    return result;
  };
}
</script></head>
<body><iframe id="sco" title="Activité SCORM" src="pkg/__SCO__"></iframe></body></html>
"""

SCORM_AGAIN = """<script src="scorm12.min.js"></script>
<script>
function makeApi(record) {
  const api = new Scorm12API({ autocommit: false, logLevel: 5 });
  const core = { entry: record["cmi.suspend_data"] ? "resume" : "ab-initio", lesson_mode: "normal", credit: "credit" };
  if (record["cmi.core.lesson_status"]) core.lesson_status = record["cmi.core.lesson_status"];
  if (record["cmi.core.score.raw"]) core.score = { raw: record["cmi.core.score.raw"] };
  api.loadFromJSON({ core, suspend_data: record["cmi.suspend_data"] || "",
    student_data: { mastery_score: String(record.mastery ?? "") } }, "cmi");
  return api;
}
</script>"""

# What Moodle's PHP page gives scorm_12.js (mod/scorm/datamodels/scorm_12.php, get_scorm_default() of
# scorm_12lib.php, scorm_reconstitute_array_element() of locallib.php), and the functions of mod/scorm/module.js
# and request.js it calls: stand-ins, with the learner's record where Moodle puts it. As get_scorm_default():
# cmi.core.entry is « ab-initio » without a record, « resume » after cmi.core.exit = « suspend », else empty.
MOODLE_COMMON = """<script>
var cfgwwwroot = "http://lms.invalid", scormid = 1, scoid = 1, attempt = 1, viewmode = "normal";
var currentorg = "ORG-PACTE", sesskey = "test", cmid = 1, scormdebugging = false, scormauto = 0;
var cmistring256 = "^[\\\\u0000-\\\\uFFFF]{0,255}$", cmistring4096 = "^[\\\\u0000-\\\\uFFFF]{0,4096}$";
var R = window.LMS_RECORD;
var def = {
  "cmi.core.student_id": "learner", "cmi.core.student_name": "Learner, Test",
  "cmi.core.lesson_location": R["cmi.core.lesson_location"] || "",
  "cmi.core.credit": "credit", "cmi.core.lesson_status": R["cmi.core.lesson_status"] || "",
  "cmi.core.entry": !R["cmi.core.lesson_status"] ? "ab-initio" : R["cmi.core.exit"] === "suspend" ? "resume" : "",
  "cmi.core.score.raw": R["cmi.core.score.raw"] || "",
  "cmi.core.score.max": R["cmi.core.score.max"] || "", "cmi.core.score.min": R["cmi.core.score.min"] || "",
  "cmi.core.total_time": R["cmi.core.total_time"] || "00:00:00", "cmi.core.lesson_mode": "normal",
  "cmi.core.exit": R["cmi.core.exit"] || "",
  "cmi.suspend_data": R["cmi.suspend_data"] || "", "cmi.launch_data": "", "cmi.comments": R["cmi.comments"] || "",
  "cmi.student_data.mastery_score": String(R.mastery ?? ""), "cmi.student_data.max_time_allowed": "",
  "cmi.student_data.time_limit_action": "", "cmi.student_preference.language": "",
  "cmi.student_preference.audio": "0", "cmi.student_preference.speed": "0", "cmi.student_preference.text": "0",
};
var cmiobj = "";
var stored = Object.keys(R).filter(function (k) { return /^cmi\\.interactions\\.\\d+\\.id$/.test(k); }).length;
var cmiint = "";
for (var n = 0; n < stored; n++) {
  cmiint += "cmi.interactions_" + n + " = new Object(); cmi.interactions_" + n + ".objectives = new Object();"
    + " cmi.interactions_" + n + ".objectives._count = 0; cmi.interactions_" + n + ".correct_responses = new Object();"
    + " cmi.interactions_" + n + ".correct_responses._count = 0;";
}
cmiint += " cmi.interactions._count = " + stored + ";";
var M = { mod_scorm: { connectPrereqCallback: { success: function () {} } } };
window.scorm_current_node = null;
function YUI() { return { use: function () {} }; }
function NewHttpReq() { return {}; }
function underscore(str) { return String(str).replace(/.N/g, ".").replace(/\\./g, "__"); }
window.lmsStored = {};
function DoRequest(request, url, params) {
  for (const part of params.split("&")) {
    const at = part.indexOf("=");
    const key = decodeURIComponent(part.slice(0, at)).replace(/__/g, ".").replace(/_(\\d+)\\./g, ".$1.");
    if (key.startsWith("cmi.")) window.lmsStored[key] = decodeURIComponent(part.slice(at + 1));
  }
  return "true\\n0";
}
</script>
<script src="moodle_scorm_12.js"></script>
"""

# Older Moodle (2.x): scorm_12.js reads the globals above and builds window.API itself.
MOODLE_STUBS = MOODLE_COMMON + "<script>function makeApi() { return window.API; }</script>"

# Moodle since the player's single page (3.x and later): scorm_12.php passes the same values, keyed by SCO id,
# to M.scorm_api.init (autocommit off and mastery override on, Moodle's defaults).
MOODLE_INIT_STUBS = (
    MOODLE_COMMON
    + """<script>
function makeApi() {
  var by = function (v) { var o = {}; o[scoid] = v; return o; };
  M.scorm_api.init({}, by(def), by(cmiobj), by(cmiint), cmistring256, cmistring4096, scormdebugging, scormauto,
    scormid, cfgwwwroot, sesskey, scoid, attempt, viewmode, cmid, currentorg, false, true);
  return window.API;
}
</script>"""
)

# Answers every quiz question of the page the SCO shows, by plan; returns the statuses of the questions answered.
ANSWER = """(plan) => {
  const out = [];
  let n = 0;
  const wrongNumber = (q) => {
    const tol = Number(q.tolerance || 0) + 1 + Math.abs(Number(q.answer)) / 2;
    const up = Number(q.answer) + tol;
    return q.max !== undefined && q.max !== null && up > q.max ? Number(q.answer) - tol : up;
  };
  for (const c of document.querySelectorAll('div.pacte-widget[data-pacte-module="quiz"]')) {
    const bank = JSON.parse(c.querySelector("script[type='application/json']").textContent).bank;
    bank.questions.forEach((q, i) => {
      const form = c.querySelector(`form[data-question="${q.id}"]`);
      n += 1;
      if (plan === "first-two" && n > 2) return;
      if (plan === "rest-wrong" && form.dataset.status) return;
      const right = (plan === "first-right" && i === 0) || (plan === "first-two" && n === 1);
      if (q.type === "numeric") {
        form.querySelector("input").value = String(right ? q.answer : wrongNumber(q));
      } else {
        form.querySelectorAll("input").forEach((input) => { input.checked = false; });
        const ids = right ? q.choices.filter((ch) => ch.correct).map((ch) => ch.id)
          : [q.choices.find((ch) => !ch.correct).id];
        for (const id of ids) form.querySelector(`input[value="${id}"]`).checked = true;
      }
      form.requestSubmit();
      out.push(form.dataset.status);
    });
  }
  return out;
}"""


class Lms:
    """The extracted package served beside ``lms.html``; the learners' records kept in :attr:`records`."""

    def __init__(self, package: Path, root: Path, runtime: str) -> None:
        self.root = root
        self.runtime = runtime
        self.records: dict[tuple[str, str], dict[str, Any]] = {}
        self.launches = 0
        self.current: dict[str, Any] = {}
        with zipfile.ZipFile(package) as zf:
            zf.extractall(root / "pkg")
            self.manifest = etree.fromstring(zf.read("imsmanifest.xml"))
        if runtime == "moodle":
            source = moodle_source()
            assert source is not None
            shutil.copy(source, root / "moodle_scorm_12.js")
            script = MOODLE_INIT_STUBS if "M.scorm_api.init" in source.read_text(encoding="utf-8") else MOODLE_STUBS
        else:
            shutil.copy(VENDOR / "scorm12.min.js", root)
            script = SCORM_AGAIN
        (root / "lms.html").write_text(LMS_PAGE.replace("__RUNTIME__", script), encoding="utf-8")
        self.quiz_scos = self._quiz_scos()

    def _quiz_scos(self) -> list[str]:
        out = []
        for r in self.manifest.iterfind("cp:resources/cp:resource", NS):
            href = r.get("href")
            if (
                href
                and href.startswith("modules/")
                and 'data-pacte-module="quiz"' in (self.root / "pkg" / href).read_text(encoding="utf-8")
            ):
                out.append(href)
        assert len(out) >= 2, "the package needs two module pages with a quiz"
        return out

    def mastery(self, sco: str) -> float:
        """The mastery score the manifest gives the item launching ``sco``."""
        ref = next(
            r.get("identifier") for r in self.manifest.iterfind("cp:resources/cp:resource", NS) if r.get("href") == sco
        )
        item = next(i for i in self.manifest.iterfind(".//cp:item", NS) if i.get("identifierref") == ref)
        return float(item.findtext("adlcp:masteryscore", namespaces=NS))

    def __enter__(self) -> Lms:
        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(self.root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url_of(self, sco: str) -> str:
        """The address of a page of the package."""
        return f"{self.base}pkg/{sco}"

    def launch(self, page, learner: str, sco: str):
        """Launch ``sco`` for ``learner`` (a new API object seeded with their record); return the SCO's frame."""
        self.launches += 1
        record = {**self.records.get((learner, sco), {}), "mastery": self.mastery(sco)}
        self.current = {k: v for k, v in record.items() if k != "mastery"}
        query = urllib.parse.urlencode({"launch": self.launches})
        html = (self.root / "lms.html").read_text(encoding="utf-8").replace("__SCO__", sco)
        name = f"lms-{self.launches}.html"
        (self.root / name).write_text(html, encoding="utf-8")
        page.goto(f"{self.base}{name}?{query}#" + urllib.parse.quote(json.dumps(record)))
        page.frame_locator("#sco").locator(".pacte-quiz").first.wait_for()
        frame = page.query_selector("#sco").content_frame()
        frame.wait_for_function("document.documentElement.dataset.pacteScorm !== undefined")
        return frame

    def committed(self, page) -> dict[str, str]:
        """The learner's record as the LMS holds it now: at launch, updated by what this launch stored
        (Moodle: what it POSTed; scorm-again: what was committed)."""
        return {**self.current, **page.evaluate("window.lmsStored || window.committed")}

    def calls(self, page, name: str) -> int:
        """How many times the SCO called ``name`` in this launch."""
        return int(page.evaluate("(name) => lmsLog.filter((c) => c[0] === name).length", name))

    def wait_committed(self, page, predicate, timeout: float = 30.0) -> dict[str, str]:
        """Wait until the stored record satisfies ``predicate``; return it."""
        end = time.monotonic() + timeout
        while True:
            record = self.committed(page)
            if predicate(record):
                return record
            if time.monotonic() > end:
                raise AssertionError(f"the LMS record never reached the expected state: {record}")
            page.wait_for_timeout(100)

    def finish(self, page, learner: str, sco: str) -> dict[str, Any]:
        """Close the SCO (its page unloads, as when the learner leaves it); keep and return the learner's record."""
        page.evaluate("document.getElementById('sco').src = 'about:blank'")
        page.wait_for_function("lmsLog.some((c) => c[0] === 'LMSFinish')")
        record = self.committed(page)
        self.records[(learner, sco)] = record
        return record
