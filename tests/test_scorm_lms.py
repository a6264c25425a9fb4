"""The exported SCORM package launched as an LMS launches it, each learner's record kept by the test (the LMS's
database), under a real SCORM 1.2 runtime: scorm-again, and Moodle's own ``mod/scorm/datamodels/scorm_12.js``
when ``PACTE_MOODLE_SRC`` names a Moodle source tree (Moodle's code is not vendored: see tests/lms_stand_in.py).

Scenarios (issue 27): navigation inside a SCO never changes another SCO's record; a second learner on the same
browser starts empty; a learner resuming on a fresh browser gets their answers back and their score does not
drop; every quiz answer is reported as a ``cmi.interactions`` record; the mastery score comes from the manifest.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import offline_context
from lms_stand_in import ANSWER, Lms, runtimes

from pacte.cli import main

pytestmark = pytest.mark.browser
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")


@pytest.fixture(scope="module")
def scorm_package(built_book: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scorm") / "pacte-scorm.zip"
    assert main(["export", "scorm", "--site", str(built_book), "--output", str(out)]) == 0
    return out


@pytest.fixture(scope="module", params=runtimes())
def lms(request, scorm_package, tmp_path_factory):
    with Lms(scorm_package, tmp_path_factory.mktemp("lms"), request.param) as server:
        yield server


def _answer(frame, plan: str = "first-right") -> list[str]:
    return frame.evaluate(ANSWER, plan)


def test_navigation_inside_a_sco_never_changes_another_scos_record(browser, lms: Lms) -> None:
    first, second = lms.quiz_scos[:2]
    context, page = offline_context(browser)
    try:
        frame = lms.launch(page, "alice", first)
        assert frame.evaluate("document.documentElement.dataset.pacteScorm") == "on"
        assert frame.locator(".bd-sidebar-primary, .prev-next-area").count() == 0, "no book navigation inside a SCO"
        assert frame.evaluate(
            "[...document.querySelectorAll('article a[href]')].filter(a => !a.getAttribute('href').startsWith('#'))"
            ".every(a => a.target === '_blank')"
        )
        statuses = _answer(frame)
        lms.wait_committed(page, lambda r: r.get("cmi.core.lesson_status") in ("passed", "failed"))
        # A link followed inside the SCO's frame (or the browser's back button) leads to another page:
        # the launched page closes its session as it unloads, then the other page must stay silent.
        frame.evaluate("href => { location.href = href; }", lms.url_of(second))
        page.wait_for_function("lmsLog.some((c) => c[0] === 'LMSFinish')")
        before = lms.committed(page)
        closed = page.evaluate("lmsLog.findIndex((c) => c[0] === 'LMSFinish')")
        page.frame_locator("#sco").locator(".pacte-quiz").first.wait_for()
        other = page.query_selector("#sco").content_frame()
        other.wait_for_function("document.documentElement.dataset.pacteScorm !== undefined")
        assert other.evaluate("document.documentElement.dataset.pacteScorm") == "passive"
        assert other.locator(".pacte-scorm-note").count() == 1
        assert len(_answer(other, "all-wrong")) > 0
        page.wait_for_timeout(500)
        assert page.evaluate("(i) => lmsLog.slice(i + 1)", closed) == [], "the other page called the LMS"
        assert lms.committed(page) == before, "another page wrote into the launched SCO's record"
        assert other.evaluate("Object.keys(localStorage).filter(k => k.startsWith('pacte:'))") == []
        assert lms.calls(page, "LMSInitialize") == 1
        assert len(statuses) == sum(1 for k in before if re.fullmatch(r"cmi\.interactions\.\d+\.id", k))
    finally:
        context.close()


def test_a_second_learner_on_the_same_browser_starts_empty(browser, lms: Lms) -> None:
    sco = lms.quiz_scos[0]
    context, page = offline_context(browser)
    try:
        frame = lms.launch(page, "alice", sco)
        _answer(frame)
        lms.wait_committed(page, lambda r: r.get("cmi.core.lesson_status") in ("passed", "failed"))
        lms.finish(page, "alice", sco)
        frame = lms.launch(page, "bob", sco)
        assert frame.evaluate("document.querySelectorAll('.pacte-quiz form[data-status]').length") == 0
        assert (
            frame.evaluate("[...document.querySelectorAll('.pacte-quiz')].map(q => q.dataset.answered)")
            == ["0"] * frame.locator(".pacte-quiz").count()
        )
        assert frame.evaluate("Object.keys(localStorage).filter(k => k.startsWith('pacte:'))") == []
        record = lms.finish(page, "bob", sco)
        assert record.get("cmi.core.score.raw", "") == ""
        assert record.get("cmi.core.lesson_status") != "completed"
        assert '"r":{}' in record.get("cmi.suspend_data", '"r":{}')
    finally:
        context.close()


def test_resuming_on_a_fresh_browser_restores_answers_and_never_lowers_the_score(browser, lms: Lms) -> None:
    sco = lms.quiz_scos[0]
    context, page = offline_context(browser)
    try:
        frame = lms.launch(page, "carol", sco)
        statuses = _answer(frame, "first-two")
        assert statuses == ["correct", "incorrect"]
        lms.wait_committed(page, lambda r: '"r":{"quiz:' in r.get("cmi.suspend_data", ""))
        first = lms.finish(page, "carol", sco)
        assert first.get("cmi.core.score.raw", "") == "", "no score (so no « failed ») before the page is done"
        assert first["cmi.core.lesson_status"] == "incomplete"
    finally:
        context.close()
    context, page = offline_context(browser)  # another computer: nothing in its browser
    try:
        frame = lms.launch(page, "carol", sco)
        restored = frame.evaluate(
            "[...document.querySelectorAll('.pacte-quiz form[data-status]')].map(f => f.dataset.status)"
        )
        assert restored == statuses
        rest = _answer(frame, "rest-wrong")
        done = lms.wait_committed(page, lambda r: r.get("cmi.core.lesson_status") in ("passed", "failed"))
        raw = float(done["cmi.core.score.raw"])
        assert raw == round(100 / (len(statuses) + len(rest)))
        _answer(frame, "all-wrong")  # the right answer changed for a wrong one
        page.wait_for_timeout(500)
        second = lms.finish(page, "carol", sco)
        assert float(second["cmi.core.score.raw"]) == raw, "the score never drops"
    finally:
        context.close()
    context, page = offline_context(browser)
    try:
        frame = lms.launch(page, "carol", sco)
        again = frame.evaluate(
            "[...document.querySelectorAll('.pacte-quiz form[data-status]')].map(f => f.dataset.status)"
        )
        assert again == ["incorrect"] * (len(statuses) + len(rest))
        page.wait_for_timeout(300)
        assert float(lms.finish(page, "carol", sco)["cmi.core.score.raw"]) == raw
    finally:
        context.close()


def test_every_quiz_answer_is_an_interaction_and_mastery_follows_the_manifest(browser, lms: Lms) -> None:
    sco = lms.quiz_scos[0]
    context, page = offline_context(browser)
    try:
        frame = lms.launch(page, "dan", sco)
        assert frame.evaluate("1") == 1
        statuses = _answer(frame)
        lms.wait_committed(page, lambda r: r.get("cmi.core.lesson_status") in ("passed", "failed"))
        record = lms.finish(page, "dan", sco)
        refused = page.evaluate("lmsLog.filter((c) => c[0] === 'LMSSetValue' && c[2] !== 'true').map((c) => c[1])")
        assert refused == [], "the runtime refused values"
    finally:
        context.close()
    found = [record.get(f"cmi.interactions.{n}.id") for n in range(len(statuses))]
    assert all(found) and len(set(found)) == len(statuses)
    for n, status in enumerate(statuses):
        assert record[f"cmi.interactions.{n}.type"] in ("choice", "numeric")
        assert record[f"cmi.interactions.{n}.result"] == ("correct" if status == "correct" else "wrong")
        assert record[f"cmi.interactions.{n}.student_response"]
        assert record[f"cmi.interactions.{n}.correct_responses.0.pattern"]
        assert TIMESPAN.match(record[f"cmi.interactions.{n}.latency"])
    raw = float(record["cmi.core.score.raw"])
    assert raw == round(100 * statuses.count("correct") / len(statuses))
    assert record["cmi.core.lesson_status"] == ("passed" if raw >= lms.mastery(sco) else "failed")
