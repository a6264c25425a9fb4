"""The browser of the tests reaches loopback only: a request to another host fails in the network stack and is logged."""

from __future__ import annotations

import pytest
from conftest import is_external, offline_context

pytestmark = pytest.mark.browser


def test_is_external_spares_loopback_data_and_blob():
    assert is_external("https://pacte-offline-check.invalid/x.png")
    assert not is_external("http://127.0.0.1:8000/index.html")
    assert not is_external("http://localhost:8000/")
    assert not is_external("http://[::1]:8000/")
    assert not is_external("data:image/png;base64,AAAA")
    assert not is_external("blob:http://127.0.0.1/1234")


def test_a_request_to_another_host_fails_and_is_logged_while_loopback_loads(browser, book_url):
    context, page = offline_context(browser)
    try:
        page.goto(book_url + "search.html", wait_until="load")  # loopback: served
        assert page.title()
        with page.expect_event("requestfailed") as failed:
            result = page.evaluate(
                """async () => { try { await fetch('https://pacte-offline-check.invalid/x.json'); return 'reached'; }
                                 catch (e) { return 'refused'; } }"""
            )
        assert result == "refused"
        # refused by the closed proxy: no name was looked up, no packet left for the other host
        assert failed.value.failure == "net::ERR_PROXY_CONNECTION_FAILED", failed.value.failure
        assert page.pacte_log.external == ["https://pacte-offline-check.invalid/x.json"]
    finally:
        context.close()
